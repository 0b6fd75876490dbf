"""Shared material for the export tests (no tests here): a small project
with the seed articles, suggestions, two annotators' reviews and an
adjudicated version, built the way users build it (through the store)."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.importer import import_paths
from annotator.core.models import (
    ADJUDICATED_LAYER,
    Annotation,
    Attribution,
    ClaimSuggestion,
    Decision,
    SourceType,
    Span,
)
from annotator.core.resources import resource_path

SCHEMA = resource_path("schema", "export-record.schema.json")  # the copy that ships


def span_of(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def first_sentence_claim(text: str) -> tuple[Span, Span, Span]:
    """A claim, source and cue for any article: words 1-2 are the source,
    word 3 the cue, the rest of the first sentence the claim."""
    words = text.split(" ")
    source_end = len(words[0]) + 1 + len(words[1])
    cue = Span(source_end + 1, source_end + 1 + len(words[2]))
    claim_end = text.index(".", cue.end + 1)
    return Span(cue.end + 1, claim_end), Span(0, source_end), cue


def seeded_project(project, seed_paths):
    """Five seed articles, each with two suggestions; anna accepts the first
    and rejects the second everywhere, ben reviews the first two articles
    only (and differently), the lead adjudicated the first article."""
    import_paths(project, seed_paths)
    for number, article_id in enumerate(project.article_ids()):
        text = project.article(article_id).text
        claim, source, cue = first_sentence_claim(text)
        second = Span(claim.end + 2, text.index(".", claim.end + 3))
        project.set_suggestions(article_id, [
            ClaimSuggestion(claim.start, claim.end, source=source, cue=cue,
                            attribution=Attribution.INDIRECT, score=0.9),
            ClaimSuggestion(second.start, second.end, score=0.4),
        ], "rules", "0.1")
        first, other = project.suggestions(article_id)
        project.save_annotation(Annotation(
            article_id=article_id, annotator="anna", decision=Decision.ACCEPT,
            start=claim.start, end=claim.end, source=source, cue=cue,
            source_type=SourceType.INTELLIGENCE, reliability="B", credibility=2,
            attribution=Attribution.INDIRECT, hedged=number % 2 == 1,
            note="Zahl unbestätigt", suggestion_id=first.id))
        project.save_annotation(Annotation(
            article_id=article_id, annotator="anna", decision=Decision.REJECT,
            start=other.start, end=other.end, suggestion_id=other.id))
        if number < 2:
            project.save_annotation(Annotation(
                article_id=article_id, annotator="ben", decision=Decision.ACCEPT,
                start=claim.start, end=claim.end, source=source, cue=cue,
                source_type=SourceType.GOVERNMENT, reliability="C", credibility=3,
                attribution=Attribution.REPORTED, suggestion_id=first.id))
        if number == 0:
            project.save_annotation(Annotation(
                article_id=article_id, annotator=ADJUDICATED_LAYER, decision=Decision.ACCEPT,
                start=claim.start, end=claim.end, source=source, cue=cue,
                source_type=SourceType.INTELLIGENCE, reliability="B", credibility=3,
                attribution=Attribution.INDIRECT, suggestion_id=first.id))
    return project


def read_jsonl(path: Path) -> list[dict]:
    # "\n" only: str.splitlines() would also split at U+2028 inside a text
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def schema_validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)
