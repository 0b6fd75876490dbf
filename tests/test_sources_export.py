"""Sources in an export: claims carry their entity, sources.jsonl lists the
entities with counts, the card names them, and import-annotations keeps them."""

from __future__ import annotations

import json

import jsonschema
from test_export_helpers import read_jsonl

from annotator.core.export import ExportOptions, export_project
from annotator.core.models import Annotation, Decision, NewArticle
from annotator.core.resources import resource_path
from annotator.core.sources import actions

TEXT = ("Der ukrainische Präsident Wolodymyr Selenskyj hat vor einer Eskalation gewarnt. "
        "\"Wir brauchen mehr Unterstützung\", sagte Selenskyj am Abend. "
        "Laut ukrainischem Geheimdienst sind 12.000 Soldaten in Russland.")


def reviewed_project(project):
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter("blank")
    article_id, _ = project.add_article(NewArticle(text=TEXT, title="Eskalation"))
    project.set_suggestions(article_id, hl.highlight(TEXT), hl.name, hl.version)
    for s in project.suggestions(article_id):
        project.save_annotation(Annotation(
            article_id=article_id, annotator="anna", decision=Decision.ACCEPT, start=s.start, end=s.end,
            source=s.source, cue=s.cue, reliability="B", suggestion_id=s.id))
    return article_id


def test_claims_carry_source_id_and_name_and_the_schema_says_so(project, tmp_path):
    reviewed_project(project)
    out = tmp_path / "claims.jsonl"
    export_project(project, ExportOptions(), out)
    schema = json.loads(resource_path("schema", "export-record.schema.json").read_text(encoding="utf-8"))
    (record,) = read_jsonl(out)
    jsonschema.validate(record, schema)
    names = {c["source"]["text"]: (c["source_name"], c["source_link"]) for c in record["claims"] if c["source"]}
    assert names["Der ukrainische Präsident Wolodymyr Selenskyj"] == ("Wolodymyr Selenskyj", "suggested")
    assert names["Selenskyj"] == ("Wolodymyr Selenskyj", "suggested")
    ids = {c["source_id"] for c in record["claims"] if c["source_name"] == "Wolodymyr Selenskyj"}
    assert len(ids) == 1


def test_a_reviewers_link_is_confirmed_and_a_rename_reaches_the_next_export(project, tmp_path):
    article_id = reviewed_project(project)
    claim = next(a for a in project.annotations(article_id=article_id)
                 if a.source and TEXT[a.source.start:a.source.end] == "ukrainischem Geheimdienst")
    actions.rename(project, "ukrainischem Geheimdienst", "ukrainischer Geheimdienst")
    actions.link_claim(project, claim.id, "ukrainischer Geheimdienst", "anna")
    out = tmp_path / "claims.jsonl"
    export_project(project, ExportOptions(), out)
    (record,) = read_jsonl(out)
    linked = next(c for c in record["claims"] if c["id"] == claim.id)
    assert (linked["source_name"], linked["source_link"]) == ("ukrainischer Geheimdienst", "confirmed")


def test_sources_file_and_card_list_the_sources_with_counts(project, tmp_path):
    reviewed_project(project)
    out = tmp_path / "claims.jsonl"
    export_project(project, ExportOptions(), out)
    lines = [json.loads(x) for x in (tmp_path / "claims.sources.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {x["name"]: x for x in lines}
    assert by_name["Wolodymyr Selenskyj"]["claims"] == 2 and by_name["Wolodymyr Selenskyj"]["articles"] == 1
    assert by_name["ukrainischem Geheimdienst"]["source_type"] == "intelligence"
    card = (tmp_path / "claims.card.md").read_text(encoding="utf-8")
    assert "## Sources" in card and "| Wolodymyr Selenskyj | person | 2 | 1 |" in card


def test_agreement_reports_source_level_grades_beside_claim_level(project):
    from annotator.core.team.agreement import measure_agreement

    article_id = reviewed_project(project)  # anna graded every claim B
    for s in project.suggestions(article_id):
        grade = "B" if s.source and "Selenskyj" in TEXT[s.source.start:s.source.end] else "D"
        project.save_annotation(Annotation(
            article_id=article_id, annotator="ben", decision=Decision.ACCEPT, start=s.start, end=s.end,
            source=s.source, cue=s.cue, reliability=grade, suggestion_id=s.id))
    for a in project.annotations(article_id=article_id, annotator="anna"):
        if a.source and "Geheimdienst" in TEXT[a.source.start:a.source.end]:
            project.save_annotation(a.evolve(reliability="D"))
    figure = measure_agreement(project).alpha["source_level_reliability"]
    assert figure.n == 2 and figure.value == 1.0
