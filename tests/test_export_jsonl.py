"""An ML engineer exports the reviewed claims as JSONL training data."""

from __future__ import annotations

import pytest
from test_export_helpers import read_jsonl, schema_validator, seeded_project

from annotator.core.export import ExportError, ExportOptions, export_project
from annotator.core.models import ADJUDICATED_LAYER


@pytest.fixture
def reviewed(project, seed_paths):
    return seeded_project(project, seed_paths)


def only_the_database_in(folder) -> bool:
    return all(p.name.startswith("project.sqlite") for p in folder.iterdir())


def export(project, tmp_path, name="claims.jsonl", **options):
    out = tmp_path / name
    summary = export_project(project, ExportOptions(**options), out)
    return summary, out


def test_every_record_matches_the_published_schema(reviewed, tmp_path):
    summary, out = export(reviewed, tmp_path)
    records = read_jsonl(out)
    validator = schema_validator()
    for record in records:
        validator.validate(record)
    # anna reviewed all five articles, ben two: one record per article and layer
    assert summary.records == len(records) == 7
    assert sorted({r["_annotator_id"] for r in records}) == ["anna", "ben"]


def test_spans_relations_and_grades_describe_the_claim(reviewed, tmp_path):
    _, out = export(reviewed, tmp_path, annotators=["anna"])
    record = read_jsonl(out)[0]
    text = record["text"]
    labels = {span["label"]: span for span in record["spans"]}
    assert set(labels) == {"CLAIM", "SOURCE", "CUE"}
    for span in record["spans"]:
        assert span["text"] == text[span["start"]:span["end"]]
        first, last = record["tokens"][span["token_start"]], record["tokens"][span["token_end"]]
        assert first["start"] <= span["start"] and last["end"] >= span["end"]
    assert {r["label"] for r in record["relations"]} == {"SOURCE_OF", "CUE_OF"}
    for relation in record["relations"]:
        assert relation["child_span"]["label"] == "CLAIM"
        assert relation["head"] == relation["head_span"]["token_end"]
    accepted, rejected = record["claims"]
    assert accepted["decision"] == "accept"
    assert accepted["claim"]["span_id"] == labels["CLAIM"]["id"]
    assert accepted["source"]["span_id"] == labels["SOURCE"]["id"]
    assert (accepted["source_reliability"], accepted["information_credibility"]) == ("B", 2)
    assert accepted["source_type"] == "intelligence" and accepted["note"] == "Zahl unbestätigt"


def test_rejected_suggestions_stay_as_negatives_but_never_as_spans(reviewed, tmp_path):
    _, out = export(reviewed, tmp_path, annotators=["anna"])
    record = read_jsonl(out)[0]
    rejected = [c for c in record["claims"] if c["decision"] == "reject"]
    assert len(rejected) == 1
    assert rejected[0]["claim"]["span_id"] is None
    assert [s for s in record["spans"] if s["start"] == rejected[0]["claim"]["start"]] == []


def test_tokens_come_from_the_tokenizer_and_cover_the_text(reviewed, tmp_path):
    _, out = export(reviewed, tmp_path)
    record = read_jsonl(out)[0]
    rebuilt = "".join(t["text"] + (" " if t["ws"] else "") for t in record["tokens"])
    assert rebuilt.split() == record["text"].split()
    assert [t["id"] for t in record["tokens"]] == list(range(len(record["tokens"])))


def test_the_same_database_and_options_give_identical_bytes(reviewed, tmp_path):
    options = dict(split={"train": 0.6, "dev": 0.4}, seed=3)
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    first, _ = export(reviewed, tmp_path / "a", **options)
    second, _ = export(reviewed, tmp_path / "b", **options)
    for one, two in zip([*first.files, first.card], [*second.files, second.card]):
        assert one.read_bytes() == two.read_bytes()


def test_each_line_is_exactly_compact_json_of_itself_even_for_awkward_text(reviewed, tmp_path):
    # Lines are written from templates, not json.dumps (speed): they must be
    # the very bytes json.dumps(..., ensure_ascii=False, separators=(",", ":"))
    # would give, for quotes, backslashes, tabs, emoji and line separators too.
    import json

    from annotator.core.models import Annotation, Decision, NewArticle, Span

    text = 'Er sagte: "Zitat \\ mit\tTab" und \U0001F600 Emoji\u2028 Zeile.\nNoch ein Satz, sagte sie. ' * 2
    article_id, _ = reviewed.add_article(NewArticle(text=text, title='Titel "mit" Quote', outlet="Ö"))
    reviewed.save_annotation(Annotation(
        article_id=article_id, annotator="anna", decision=Decision.ACCEPT, start=10, end=30,
        source=Span(0, 2), cue=Span(3, 8), reliability="A", credibility=1, note='Nöte "x"\n'),
        span_rules=False)  # awkward spans too: the line must still be exact JSON
    for options in ({}, {"layer": "suggestions"}, {"layer": "best"}):
        _, out = export(reviewed, tmp_path, **options)
        # split on "\n" only: str.splitlines() would also cut at U+2028 inside a text
        for line in out.read_text(encoding="utf-8").rstrip("\n").split("\n"):
            assert json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":")) == line


def test_timestamps_come_from_the_data_not_the_clock(reviewed, tmp_path):
    _, out = export(reviewed, tmp_path, annotators=["ben"])
    newest = max(a.updated_at for a in reviewed.annotations(annotator="ben"))
    from datetime import datetime

    assert max(r["_timestamp"] for r in read_jsonl(out)) == int(datetime.fromisoformat(newest).timestamp())


def test_annotator_option_narrows_the_layers(reviewed, tmp_path):
    _, out = export(reviewed, tmp_path, annotators=["ben"])
    assert {r["_annotator_id"] for r in read_jsonl(out)} == {"ben"}


def test_adjudicated_and_best_layers(reviewed, tmp_path):
    _, adjudicated = export(reviewed, tmp_path, "adj.jsonl", layer="adjudicated")
    assert [r["_annotator_id"] for r in read_jsonl(adjudicated)] == [ADJUDICATED_LAYER]
    _, best = export(reviewed, tmp_path, "best.jsonl", layer="best")
    records = read_jsonl(best)
    first_article = records[0]["meta"]["article_id"]
    layers_of_first = [r["_annotator_id"] for r in records if r["meta"]["article_id"] == first_article]
    assert layers_of_first == [ADJUDICATED_LAYER]  # the adjudicated version replaces the others
    # one record per article: elsewhere the annotator layer that judged the most claims
    # (ben judged one of the second article's two suggestions, anna both)
    assert len({r["meta"]["article_id"] for r in records}) == len(records) == 5
    assert {r["_annotator_id"] for r in records[1:]} == {"anna"}


def test_suggestions_layer_names_the_pipeline_and_is_never_mixed_in(reviewed, tmp_path):
    _, out = export(reviewed, tmp_path, layer="suggestions")
    records = read_jsonl(out)
    assert {r["_annotator_id"] for r in records} == {"@pipeline:rules:0.1"}
    assert all(c["decision"] is None and "score" in c for r in records for c in r["claims"])
    _, human = export(reviewed, tmp_path, "human.jsonl")
    assert all(c["decision"] is not None for r in read_jsonl(human) for c in r["claims"])


def test_only_reviewed_leaves_out_half_reviewed_articles(reviewed, tmp_path):
    first = reviewed.article_ids()[0]
    ben_claim = reviewed.annotations(article_id=first, annotator="ben")[0]
    assert ben_claim  # ben judged one of the two suggestions of each article
    _, out = export(reviewed, tmp_path, only_reviewed=True)
    assert {r["_annotator_id"] for r in read_jsonl(out)} == {"anna"}


def test_split_keeps_each_article_in_one_set(reviewed, tmp_path):
    summary, _ = export(reviewed, tmp_path, split={"train": 0.5, "test": 0.5}, seed=11)
    sets = {path.name: read_jsonl(path) for path in summary.files}
    assert set(sets) == {"claims.train.jsonl", "claims.test.jsonl"}
    ids = [{r["meta"]["article_id"] for r in records} for records in sets.values()]
    assert not (ids[0] & ids[1])
    assert sum(len(records) for records in sets.values()) == 7


def test_split_of_an_article_does_not_depend_on_who_is_exported(reviewed, tmp_path):
    split = {"train": 0.5, "test": 0.5}
    everyone, _ = export(reviewed, tmp_path, "all.jsonl", split=split, seed=5)
    only_ben, _ = export(reviewed, tmp_path, "ben.jsonl", split=split, seed=5, annotators=["ben"])
    for name in split:
        ben_ids = {r["meta"]["article_id"] for r in read_jsonl(tmp_path / f"ben.{name}.jsonl")}
        all_ids = {r["meta"]["article_id"] for r in read_jsonl(tmp_path / f"all.{name}.jsonl")}
        assert ben_ids <= all_ids


def test_a_dataset_card_lies_next_to_the_export(reviewed, tmp_path):
    summary, _ = export(reviewed, tmp_path, split={"train": 0.8, "dev": 0.2}, date="2026-03-01")
    card = summary.card.read_text(encoding="utf-8")
    assert summary.card == tmp_path / "claims.card.md"
    for expected in ("Date: 2026-03-01", "| anna | 5 |", "| ben | 2 |", "| CLAIM | 7 |",
                     "| reject | 5 |", "| B | 5 |", "train", "dev", "split"):
        assert expected in card


@pytest.mark.parametrize("options, message", [
    (dict(format="xml"), "unknown format"),
    (dict(layer="gold"), "unknown layer"),
    (dict(annotators=["zed"]), "no annotator named 'zed'"),
    (dict(split={"train": 0.7}), "add up to 1"),
    (dict(layer="adjudicated", annotators=["anna"]), "does not apply"),
    (dict(date="yesterday"), "ISO date"),
])
def test_bad_options_are_refused_without_writing(reviewed, tmp_path, options, message):
    with pytest.raises(ExportError, match=message):
        export(reviewed, tmp_path, **options)
    assert only_the_database_in(tmp_path)


def test_an_empty_selection_says_so_and_leaves_no_file(project, tmp_path):
    with pytest.raises(ExportError, match="nothing to export"):
        export(project, tmp_path)
    assert only_the_database_in(tmp_path)


def test_cancel_leaves_no_file_and_an_older_export_intact(reviewed, tmp_path):
    from annotator.core.export import ExportCancelled

    out = tmp_path / "claims.jsonl"
    out.write_text("older export\n")
    with pytest.raises(ExportCancelled):
        export_project(reviewed, ExportOptions(), out, should_cancel=lambda: True)
    assert out.read_text() == "older export\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_progress_is_reported_per_article(reviewed, tmp_path):
    seen = []
    export_project(reviewed, ExportOptions(), tmp_path / "c.jsonl", on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (5, 5)


def test_the_adjudicated_layer_keeps_what_the_annotators_agreed_on(reviewed, tmp_path):
    # First article: anna and ben graded the first claim differently and the
    # lead settled it; only anna judged the second suggestion (rejected it), so
    # nobody disputed that: it stays in, as her version.
    _, out = export(reviewed, tmp_path, layer="adjudicated")
    (record,) = read_jsonl(out)
    settled, undisputed = record["claims"]
    assert (settled["source_reliability"], settled["information_credibility"]) == ("B", 3)
    assert settled["id"] == reviewed.annotations(annotator=ADJUDICATED_LAYER)[0].id
    assert undisputed["decision"] == "reject"


def test_an_unfinished_adjudication_is_incomplete(reviewed, tmp_path):
    from annotator.core.models import Annotation, Decision

    second = reviewed.article_ids()[1]  # anna and ben graded the first claim differently
    disputed, other = reviewed.suggestions(second)
    reviewed.save_annotation(Annotation(  # the lead settles only the other claim so far
        article_id=second, annotator=ADJUDICATED_LAYER, decision=Decision.REJECT,
        start=other.start, end=other.end, suggestion_id=other.id))
    _, out = export(reviewed, tmp_path, "all.jsonl", layer="adjudicated")
    (partial,) = [r for r in read_jsonl(out) if r["meta"]["article_id"] == second]
    assert [(c["claim"]["start"], c["decision"]) for c in partial["claims"]] == [(other.start, "reject")]
    _, strict = export(reviewed, tmp_path, "strict.jsonl", layer="adjudicated", only_reviewed=True)
    assert second not in {r["meta"]["article_id"] for r in read_jsonl(strict)}


@pytest.mark.parametrize("score", [0.0, -0.0, 0.5, 1.0, 0.1 + 0.2, 1e-7, 123456789.125, 5e-324, 1e300,
                                   float("nan"), float("inf"), float("-inf")])
def test_a_score_is_written_as_json_dumps_writes_it(score):
    # scores are written without json.dumps (a call per claim showed in profiles)
    import json

    from annotator.core.export.jsonl_format import _value

    assert _value(score) == json.dumps(score)
