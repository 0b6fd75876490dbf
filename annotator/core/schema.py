"""The project database schema, as an ordered list of sqlite-utils migrations.

A migration, once released, is never edited: add a new one instead. The
names of applied migrations are recorded in ``_sqlite_migrations``; a
database that records a name this version does not know was written by a
newer version and is refused (see ``project.open_project``).
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE project_meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            url TEXT,
            published TEXT,
            language TEXT,
            external_id TEXT,
            source_file TEXT,
            source_line INTEGER,
            imported_at TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            source_start INTEGER,
            source_end INTEGER,
            cue_start INTEGER,
            cue_end INTEGER,
            attribution TEXT NOT NULL,
            hedged INTEGER NOT NULL DEFAULT 0,
            score REAL NOT NULL DEFAULT 0,
            pipeline TEXT,
            pipeline_version TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (article_id, start, "end")
        );
        CREATE TABLE annotators (
            name TEXT PRIMARY KEY,
            created_at TEXT NOT NULL
        );
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            suggestion_id INTEGER REFERENCES suggestions(id),
            decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            source_start INTEGER,
            source_end INTEGER,
            unattributed INTEGER NOT NULL DEFAULT 0,
            cue_start INTEGER,
            cue_end INTEGER,
            source_type TEXT,
            reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A','B','C','D','E','F')),
            credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
            attribution TEXT,
            hedged INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            revision INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            origin_db TEXT NOT NULL
        );
        CREATE INDEX annotations_by_article ON annotations (article_id, annotator);
        CREATE UNIQUE INDEX one_annotation_per_suggestion
            ON annotations (annotator, suggestion_id) WHERE suggestion_id IS NOT NULL;
        CREATE TABLE annotation_log (
            seq INTEGER PRIMARY KEY,
            annotation_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
            before TEXT,
            after TEXT,
            db_uuid TEXT NOT NULL
        );
        CREATE INDEX annotation_log_by_annotation ON annotation_log (annotation_id);
        -- The log is append-only: history that undo, audit and merge rely on.
        CREATE TRIGGER annotation_log_no_update BEFORE UPDATE ON annotation_log
            BEGIN SELECT RAISE(ABORT, 'annotation_log is append-only'); END;
        CREATE TRIGGER annotation_log_no_delete BEFORE DELETE ON annotation_log
            BEGIN SELECT RAISE(ABORT, 'annotation_log is append-only'); END;
        """
    )


@migrations()
def m002_team(db: Database) -> None:
    """Team workflow: who was assigned which article, and merge conflicts.

    A merge conflict keeps the version of a claim that lost (the same
    annotator edited it differently in two databases; the newer edit won),
    so nothing is silently dropped. ``dropped`` is the losing annotation as
    JSON with its suggestion given by span (suggestion ids are local).
    """
    db.executescript(
        """
        CREATE TABLE assignments (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            package_uuid TEXT NOT NULL,
            assigned_at TEXT NOT NULL,
            PRIMARY KEY (article_id, annotator)
        );
        CREATE TABLE merge_conflicts (
            id INTEGER PRIMARY KEY,
            version_hash TEXT NOT NULL UNIQUE,
            annotation_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            article_id TEXT NOT NULL,
            kept_annotation_id TEXT,  -- NULL: the claim was deleted later
            dropped_revision INTEGER NOT NULL,
            dropped_updated_at TEXT NOT NULL,
            dropped_origin_db TEXT NOT NULL,
            dropped TEXT NOT NULL
        );
        CREATE INDEX merge_conflicts_by_kept ON merge_conflicts (kept_annotation_id);
        """
    )


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]
