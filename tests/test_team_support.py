"""Shared helpers for the team tests (no tests here): small projects with known content."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from annotator.core.models import Annotation, ClaimSuggestion, Decision, NewArticle
from annotator.core.project import Project

TEXTS = [
    "Der Minister sagte, die Lage sei unter Kontrolle. Kritiker widersprachen deutlich.",
    "Laut Polizei wurden drei Menschen verletzt. Ein Sprecher nannte keine Namen.",
    "Die Regierung erklärte, man prüfe alle Optionen. Beobachter bleiben skeptisch.",
]


def make_lead(path: Path, copies: int = 1) -> Path:
    """A lead's project: articles, each with two suggested claims."""
    with Project.open(path) as project:
        for number in range(copies):
            for text in TEXTS:
                article_id, _ = project.add_article(NewArticle(text=f"{text} ({number})"))
                project.set_suggestions(article_id, [ClaimSuggestion(start=0, end=20),
                                                     ClaimSuggestion(start=21, end=40)], "test", "1")
    return path


def judge(project: Project, annotator: str, article_index: int, suggestion_index: int,
          **fields) -> Annotation:
    article_id = project.article_ids()[article_index]
    suggestion = project.suggestions(article_id)[suggestion_index]
    values = dict(decision=Decision.ACCEPT, reliability="B", credibility=2)
    values.update(fields)
    return project.save_annotation(Annotation(
        article_id=article_id, annotator=annotator, start=suggestion.start, end=suggestion.end,
        suggestion_id=suggestion.id, **values))


def fork(source: Path, target: Path) -> Path:
    """A copy of a database with its own identity (an annotator's copy)."""
    with Project.open(source) as project:
        destination = sqlite3.connect(target)
        project.db.conn.backup(destination)
        destination.close()
    with Project.open(target) as copy:
        copy.set_meta("uuid", hashlib.sha1(str(target).encode()).hexdigest())
    return target


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
