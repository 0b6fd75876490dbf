"""Helpers for the claims-across-articles tests: the seeds' claims as facts."""

from __future__ import annotations

from pathlib import Path

from annotator.core.corroboration.facts import ClaimFacts, describe_suggestions


def seed_claims(seed_paths: list[Path]) -> list[ClaimFacts]:
    """The highlighter's suggestions for each seed article, as claims (the
    article id is the file's three-digit prefix)."""
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter()
    claims: list[ClaimFacts] = []
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        claims += describe_suggestions(path.name[:3], text, hl.highlight(text))
    return claims


def claim_quoting(claims: list[ClaimFacts], article: str, quote: str) -> ClaimFacts:
    [found] = [c for c in claims if c.article_id == article and quote in c.text]
    return found


def index_connection():
    """A bare in-memory database with the project schema (the index's tables
    come with migration m005), as a sqlite3 connection."""
    from sqlite_utils import Database

    from annotator.core.schema import migrations

    db = Database(memory=True)
    migrations.apply(db)
    return db.conn
