"""The project database schema, as an ordered list of sqlite-utils migrations.

A migration, once released, is never edited: add a new one instead. The
names of applied migrations are recorded in ``_sqlite_migrations``; a
database that records a name this version does not know was written by a
newer version and is refused (see ``project.open_project``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "annotator"
# sqlite-utils' Migrations, imported only to apply a step (core/migration_set.py)
migrations = MigrationSet(MIGRATION_SET)


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


@migrations()
def m003_article_stamps(db: Database) -> None:
    """A stamp per article that changes whenever anything an export reads of
    it changes: its row, its suggestions, any annotation of it.

    Exports keep the lines they rendered in a cache (see
    annotator.core.export.line_cache) and reuse a line while the article's
    stamp is the one it was rendered under. The stamp is random, not a
    counter, so two copies of a database edited apart never share a stamp
    for different contents. Articles with annotations or suggestions from
    before this migration get a fresh stamp here; an article with no stamp
    has never had either.
    """
    db.executescript(
        """
        CREATE TABLE article_stamps (
            -- no foreign key: a cascade deleting an article's annotations
            -- fires the triggers below after the article is gone
            article_id TEXT PRIMARY KEY,
            stamp BLOB NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO article_stamps (article_id, stamp)
            SELECT id, randomblob(8) FROM articles
            WHERE id IN (SELECT article_id FROM annotations UNION SELECT article_id FROM suggestions);
        """
        + "".join(_stamp_triggers(table) for table in ("annotations", "suggestions"))
        + """
        CREATE TRIGGER article_stamp_on_article_update AFTER UPDATE ON articles BEGIN
            INSERT INTO article_stamps VALUES (NEW.id, randomblob(8))
                ON CONFLICT (article_id) DO UPDATE SET stamp = excluded.stamp;
        END;
        """
    )


# An upsert, not INSERT OR REPLACE: the conflict policy of the statement
# firing a trigger (e.g. INSERT OR ABORT) would override the trigger's.
_RENEW = ("INSERT INTO article_stamps VALUES ({row}.article_id, randomblob(8)) "
          "ON CONFLICT (article_id) DO UPDATE SET stamp = excluded.stamp;")


def stamp_insert_trigger(table: str) -> str:
    """The statement creating ``table``'s insert trigger, as sqlite_master
    keeps it: an import drops and re-creates it (storage/import_stamps.py)."""
    return f"""CREATE TRIGGER article_stamp_on_{table}_insert AFTER INSERT ON {table} BEGIN
            {_RENEW.format(row="NEW")}
        END"""


def _stamp_triggers(table: str) -> str:
    """Triggers renewing the stamp of the article a row of ``table`` belongs to."""
    renew = _RENEW
    return f"""
        {stamp_insert_trigger(table)};
        CREATE TRIGGER article_stamp_on_{table}_update AFTER UPDATE ON {table} BEGIN
            {renew.format(row="OLD")}
            {renew.format(row="NEW")}
        END;
        CREATE TRIGGER article_stamp_on_{table}_delete AFTER DELETE ON {table} BEGIN
            {renew.format(row="OLD")}
        END;
    """


def known_migration_names() -> list[str]:
    return migrations.names()



# m004's statements (part of a released migration once shipped: never edit).
_M004_TABLES = """
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            folded TEXT NOT NULL,
            source_type TEXT,
            note TEXT NOT NULL DEFAULT '',
            external_id TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            confirmed INTEGER NOT NULL DEFAULT 1,
            renamed_at TEXT NOT NULL DEFAULT '',
            typed_at TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX sources_by_folded ON sources (folded);
        CREATE TABLE source_aliases (
            source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            folded TEXT NOT NULL,
            PRIMARY KEY (source_id, folded)
        );
        CREATE INDEX source_aliases_by_folded ON source_aliases (folded);
        CREATE TABLE source_keys (
            key TEXT NOT NULL,
            source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            PRIMARY KEY (key, source_id)
        );
        CREATE INDEX source_keys_by_source ON source_keys (source_id);
        CREATE TABLE source_redirects (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL
        );
        CREATE TABLE suggestion_sources (
            suggestion_id INTEGER PRIMARY KEY REFERENCES suggestions(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            source_id TEXT REFERENCES sources(id) ON DELETE SET NULL,
            confidence REAL NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX suggestion_sources_by_source ON suggestion_sources (source_id, article_id);
        CREATE INDEX suggestion_sources_by_article ON suggestion_sources (article_id);
        CREATE TABLE annotation_sources (
            annotation_id TEXT PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            source_id TEXT NOT NULL REFERENCES sources(id),
            linked_by TEXT NOT NULL,
            linked_at TEXT NOT NULL
        );
        CREATE INDEX annotation_sources_by_source ON annotation_sources (source_id, article_id);
        CREATE TABLE source_grades (
            id INTEGER PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES sources(id),
            annotator TEXT NOT NULL,
            reliability TEXT NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')),
            article_id TEXT,
            annotation_id TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX source_grades_by_source ON source_grades (source_id, annotator, at);
        CREATE TABLE source_conflicts (
            id INTEGER PRIMARY KEY,
            source_id TEXT NOT NULL,
            field TEXT NOT NULL,
            "values" TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (source_id, field, "values")
        );
"""
_M004_SOURCE_STAMPS = """
        CREATE TRIGGER article_stamp_on_source_update AFTER UPDATE OF name, source_type ON sources
        BEGIN
            INSERT INTO article_stamps (article_id, stamp)
                SELECT article_id, randomblob(8) FROM (
                    SELECT article_id FROM annotation_sources WHERE source_id = NEW.id
                    UNION SELECT article_id FROM suggestion_sources WHERE source_id = NEW.id)
                WHERE true
                ON CONFLICT (article_id) DO UPDATE SET stamp = excluded.stamp;
        END;
"""


@migrations()
def m004_sources(db: Database) -> None:
    """The source registry (issue 14): one entity per source, linked from
    suggestions (by the linker, a suggestion) and from annotations (by a
    reviewer); the claim's source span stays what the text says.

    ``folded`` columns hold the case-folded name for lookups; ``source_keys``
    the normalised keys the linker looks names up by (normalize.py), so an
    import never loads the whole registry. ``source_redirects`` remembers
    the ids of entities merged away (claims in other databases may still
    name them). ``source_grades`` are grades given to a source itself (a
    team's CSV list, "update the source's grade"); grades given to claims
    stay on the claims and are read through the links. Links appear in
    exports, so they renew the article stamp like m003's triggers, and a
    renamed or retyped source renews the stamps of the articles it is in.
    Plain rowid tables: SQLite 3.40's quick_check (which a merge runs on
    every input) falsely reports NULLs in a WITHOUT ROWID table whose key
    does not lead its columns.
    """
    db.executescript(
        _M004_TABLES
        + "".join(_stamp_triggers(table) for table in ("suggestion_sources", "annotation_sources"))
        + _M004_SOURCE_STAMPS
    )


@migrations()
def m005_claim_relations(db: Database) -> None:
    """Claims across articles (issue 15): the related-claims index and the
    reviewers' judgements of related pairs.

    ``claim_facts`` holds each indexed claim's parsed facts and matching keys;
    ``claim_keys`` is an FTS5 external-content index over the keys (written by
    ``storage.relations``, no triggers, so a bulk build can rebuild it in one
    pass); ``claim_key_counts`` keeps each key's document frequency.

    ``claim_judgements``: one annotator's label of one pair of claims, the
    claims named by article and span (suggestion ids are local to one
    database), the pair in canonical order (a < b). Its id is derived from
    (annotator, a, b), so two databases judging the same pair share it and a
    merge keeps the newer version, like annotations. Every write goes with a
    row in the append-only ``claim_judgement_log``. Judgements are exported
    (``related`` on JSONL claims, the claim-pair dataset), so they renew both
    articles' stamps.
    """
    db.executescript(_M005_TABLES + "".join(
        _M005_STAMP_TRIGGER.format(event=event, when=event.upper(), row=row, side=side)
        for event, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD"))
        for side in ("a", "b")))


@migrations()
def m006_learned_models(db: Database) -> None:
    """What ``annotator learn`` learned from the project's decisions (issue 16).

    Derived data: never merged, never exported; retrained from the
    annotations. ``learned_models`` keeps every run (the newest is used);
    ``body`` is the model's own JSON with its checksum. ``learned_lexicon``
    holds the learned cue and source entries with the lead's verdicts.
    """
    db.executescript(
        """
        CREATE TABLE learned_models (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            version TEXT NOT NULL,
            body TEXT NOT NULL,
            counts TEXT NOT NULL DEFAULT '{}',
            annotator TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE learned_lexicon (
            kind TEXT NOT NULL CHECK (kind IN ('cue', 'source')),
            phrase TEXT NOT NULL,
            count INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'dropped')),
            model_id INTEGER REFERENCES learned_models(id),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (kind, phrase)
        );
        """
    )


@migrations()
def m007_team_adjudication(db: Database) -> None:
    """What each adjudication was based on: the annotators' versions (id,
    revision, time of edit) the lead saw when settling a claim group.

    When one of them changes later (a re-merged package with a newer edit,
    a new annotator's version, a deletion), the group is no longer settled:
    it is "changed since adjudicated" until the lead settles it again. The
    basis decides what the adjudicated export holds, so it renews the
    article stamp like m003's triggers.
    """
    db.executescript(
        """
        CREATE TABLE adjudication_basis (
            final_id TEXT NOT NULL,       -- the @adjudicated annotation
            article_id TEXT NOT NULL,
            annotation_id TEXT NOT NULL,  -- an annotator's version it was based on
            annotator TEXT NOT NULL,
            revision INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            settled_at TEXT NOT NULL,
            PRIMARY KEY (final_id, annotation_id)
        );
        CREATE INDEX adjudication_basis_by_article ON adjudication_basis (article_id);
        """
        + _stamp_triggers("adjudication_basis")
    )


@migrations()
def m008_review_marks(db: Database) -> None:
    """Review marks (issue 18): a claim's flag and "checked, nothing to mark".

    ``annotations.flag`` is part of the annotation like ``note`` (logged,
    undone, merged): 'flagged', 'unsure' or 'skipped' (Prodigy's "ignore"),
    NULL for none. ``article_checks`` records that an annotator read an
    article and found no claim in it; the status rule (storage/status.py)
    counts such an article as done. A check changes the article's status,
    so it renews the article stamp like m003's triggers.
    """
    db.executescript(
        """
        ALTER TABLE annotations ADD COLUMN flag TEXT
            CHECK (flag IS NULL OR flag IN ('flagged', 'unsure', 'skipped'));
        CREATE TABLE article_checks (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            PRIMARY KEY (article_id, annotator)
        );
        """
        + _stamp_triggers("article_checks")
    )


_M005_TABLES = """
    CREATE TABLE claim_facts (
        id INTEGER PRIMARY KEY,
        claim_key TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL,
        keys TEXT NOT NULL,
        facts TEXT NOT NULL
    );
    CREATE INDEX claim_facts_by_article ON claim_facts (article_id);
    CREATE VIRTUAL TABLE claim_keys USING fts5 (
        keys, content='claim_facts', content_rowid='id', detail='none',
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
    );
    CREATE VIRTUAL TABLE claim_keys_vocab USING fts5vocab (claim_keys, 'row');
    CREATE TABLE claim_key_counts (
        key TEXT PRIMARY KEY,
        claims INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE claim_judgements (
        id TEXT PRIMARY KEY,
        annotator TEXT NOT NULL,
        article_a TEXT NOT NULL,
        start_a INTEGER NOT NULL,
        end_a INTEGER NOT NULL,
        article_b TEXT NOT NULL,
        start_b INTEGER NOT NULL,
        end_b INTEGER NOT NULL,
        label TEXT NOT NULL CHECK (label IN ('corroborates', 'contradicts', 'unrelated')),
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        origin_db TEXT NOT NULL,
        UNIQUE (annotator, article_a, start_a, end_a, article_b, start_b, end_b)
    );
    CREATE INDEX claim_judgements_by_a ON claim_judgements (article_a);
    CREATE INDEX claim_judgements_by_b ON claim_judgements (article_b);
    CREATE TABLE claim_judgement_log (
        seq INTEGER PRIMARY KEY,
        judgement_id TEXT NOT NULL,
        annotator TEXT NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        before TEXT,
        after TEXT,
        db_uuid TEXT NOT NULL
    );
    CREATE INDEX claim_judgement_log_by_judgement ON claim_judgement_log (judgement_id);
    CREATE TRIGGER claim_judgement_log_no_update BEFORE UPDATE ON claim_judgement_log
        BEGIN SELECT RAISE(ABORT, 'claim_judgement_log is append-only'); END;
    CREATE TRIGGER claim_judgement_log_no_delete BEFORE DELETE ON claim_judgement_log
        BEGIN SELECT RAISE(ABORT, 'claim_judgement_log is append-only'); END;
"""
# A judgement is exported with both of its claims' articles: renew both stamps.
_M005_STAMP_TRIGGER = """
    CREATE TRIGGER article_stamp_on_claim_judgements_{event}_{side} AFTER {when}
        ON claim_judgements BEGIN
        INSERT INTO article_stamps VALUES ({row}.article_{side}, randomblob(8))
            ON CONFLICT (article_id) DO UPDATE SET stamp = excluded.stamp;
    END;
"""
