"""The `annotator highlight` / `annotator evaluate` CLI contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main

SPKATT = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt2023-news" / "train"

A = "Der Sprecher sagte, dass die Lage ernst sei."
B = "Laut Polizei gab es drei Verletzte."


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def check_offsets(rec: dict) -> None:
    text = rec["text"]
    for c in rec["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]
        for key in ("source", "cue"):
            if c[key] is not None:
                assert text[c[key]["start"]:c[key]["end"]] == c[key]["text"]
        assert c["attribution"] in {"direct_quote", "indirect", "according_to", "reported", "unattributed"}
        assert isinstance(c["hedged"], bool) and isinstance(c["score"], float)


def test_folder_sorted_and_txt_contract(tmp_path):
    d = tmp_path / "arts"
    d.mkdir()
    (d / "b.txt").write_text(B, encoding="utf-8")
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "skip.md").write_text("ignored", encoding="utf-8")
    res = run("highlight", str(d))
    assert res.exit_code == 0
    recs = records(res.output)
    assert [Path(r["path"]).name for r in recs] == ["a.txt", "b.txt"]
    assert [r["line"] for r in recs] == [None, None]
    assert recs[0]["text"] == A
    for r in recs:
        check_offsets(r)
    c = recs[0]["claims"][0]
    assert c["text"] == "dass die Lage ernst sei" and c["source"]["text"] == "Der Sprecher"
    assert c["cue"]["text"] == "sagte" and c["attribution"] == "indirect"


def test_order_across_paths_and_bom_crlf(tmp_path):
    f1 = tmp_path / "x.txt"
    f1.write_bytes("\ufeff".encode() + (A + "\r\n" + B).encode("utf-8"))
    f2 = tmp_path / "arts.jsonl"
    f2.write_text(json.dumps({"text": B}, ensure_ascii=False) + "\n\n" + json.dumps({"text": A, "id": 3}) + "\n",
                  encoding="utf-8")
    res = run("highlight", str(f2), str(f1))
    assert res.exit_code == 0
    recs = records(res.output)
    assert [(r["path"], r["line"]) for r in recs] == [(str(f2), 1), (str(f2), 3), (str(f1), None)]
    assert recs[2]["text"] == A + "\r\n" + B  # BOM removed, CRLF kept
    for r in recs:
        check_offsets(r)
    assert any(c["attribution"] == "according_to" for c in recs[2]["claims"])
    assert "Verletzte" in res.output  # ensure_ascii=False keeps umlauts readable
    assert "\\u" not in res.output


def test_missing_file_is_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["highlight", str(tmp_path / "nope.txt")])
    assert res.exit_code != 0
    assert "nope.txt" in res.output


@pytest.mark.parametrize(
    "content, expect",
    [
        (b"\xff\xfe bad", "not valid UTF-8"),
    ],
)
def test_invalid_utf8(tmp_path, content, expect):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    res = CliRunner().invoke(main, ["highlight", str(f)])
    assert res.exit_code != 0
    assert "bad.txt" in res.output and expect in res.output


@pytest.mark.parametrize(
    "lines, lineno, expect",
    [
        ([json.dumps({"text": A}), "{not json"], 2, "bad JSON"),
        ([json.dumps({"title": "x"})], 1, '"text"'),
        ([json.dumps({"text": 5})], 1, '"text"'),
        (["[1, 2]"], 1, '"text"'),
    ],
)
def test_bad_jsonl_lines(tmp_path, lines, lineno, expect):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["highlight", str(f)])
    assert res.exit_code != 0
    assert f"in.jsonl:{lineno}" in res.output and expect in res.output
    # articles before the bad line were still written
    good = [r for r in res.output.splitlines() if r.startswith("{")]
    assert len(good) == lineno - 1


def test_evaluate_needs_spkatt_dir(tmp_path):
    res = CliRunner().invoke(main, ["evaluate", "--spkatt", str(tmp_path)])
    assert res.exit_code != 0
    assert "no SpkAtt" in res.output


@pytest.mark.skipif(not SPKATT.is_dir(), reason="shared SpkAtt data absent")
def test_evaluate_table_and_json():
    res = run("evaluate", "--spkatt", str(SPKATT), "--limit", "5")
    assert res.exit_code == 0
    assert "Message" in res.output and "Source" in res.output and "5 documents" in res.output
    assert "suggestions by cue family: outlet" in res.output  # every article has outlet-voice claims
    res = run("evaluate", "--spkatt", str(SPKATT), "--limit", "5", "--format", "json")
    data = json.loads(res.output)
    assert data["documents"] == 5
    for role in ("message", "source"):
        assert 0.0 <= data[role]["f1"] <= 1.0
    assert data["message"]["f1"] > 0.3
    assert set(data["families"]) <= {"verb", "frame", "quote", "noun", "phrase", "evidential", "continuation",
                                     "outlet"}


def test_unknown_model_is_a_clear_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(A, encoding="utf-8")
    res = CliRunner().invoke(main, ["highlight", "--model", "de_core_news_nonexistent", str(f)])
    assert res.exit_code != 0
    assert "de_core_news_nonexistent" in res.output


def test_the_dev_part_is_cut_into_tune_and_dev_rest_that_never_overlap():
    """Error analysis reads tune; dev-rest confirms; held-out is never tuned on."""
    from annotator.core.highlight.splits import split_files

    files = [Path(f"{i:03d}.json") for i in range(48)]
    tune, rest = split_files(files, "tune"), split_files(files, "dev-rest")
    heldout = split_files(files, "heldout")
    assert set(tune) | set(rest) == set(split_files(files, "dev"))
    assert not set(tune) & set(rest) and not (set(tune) | set(rest)) & set(heldout)
    assert len(tune) == len(rest) == 18


def test_the_score_of_a_part_is_the_sum_of_its_articles_counts():
    """bench/eval_interval.py redraws articles and adds their counts up: that
    must give exactly what `annotator evaluate` prints for the same articles."""
    from annotator.core.highlight.evaluation import document_counts, score_spkatt

    said = {"message": {1, 2, 3, 4}, "source": {0}}
    other = {"message": {7, 8}, "source": {6}}
    articles = [
        ([said, other], [{"message": {2, 3, 4, 5}, "source": {0}}]),  # one found, one missed
        ([said], [{"message": {1, 2}, "source": {9}}, {"message": {3}, "source": set()}]),  # one gold, two claims
    ]
    counts = [document_counts(gold, system)[0] for gold, system in articles]
    assert counts[0] == {"message": (3, 4, 6), "source": (1, 1, 2)}
    assert counts[1] == {"message": (2, 3, 4), "source": (0, 1, 1)}  # the gold claim pairs only once
    whole = score_spkatt(articles)
    tp, system, gold = (sum(c["message"][k] for c in counts) for k in range(3))
    assert whole["message"]["precision"] == round(tp / system, 4)
    assert whole["message"]["recall"] == round(tp / gold, 4)
    assert whole["paired"] == 2
