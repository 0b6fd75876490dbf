"""Source rules of issue 13's eleventh round (counts and cross-fit): a
reader's story per kept change."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BUILDER = Path(__file__).resolve().parents[1] / "bench" / "build_lexicons.py"

# ------------------------------------------------------------ source heads learnt from the data


def _article(sentences: list[list[str]], sources: list[tuple[int, int]]) -> dict:
    """A SpkAtt-shaped article: each (sentence, token) names a one-word source of a cue after it."""
    annotations = [{"Cue": [f"{s}:{k + 1}"], "Source": [f"{s}:{k}"], "Message": [], "Form": "Direct"}
                   for s, k in sources]
    return {"DocumentName": "story", "Sentences": [{"SentenceId": i, "Tokens": t} for i, t in enumerate(sentences)],
            "Annotations": annotations}


def _source_nouns(tmp_path: Path, article: dict) -> dict[str, str]:
    data, out = tmp_path / "data", tmp_path / "lexicons"
    data.mkdir()
    (data / "a.json").write_text(json.dumps(article), encoding="utf-8")  # the first file is in the dev part
    subprocess.run([sys.executable, str(BUILDER), "--data", str(data), "--out", str(out)],
                   check=True, capture_output=True)
    rows = (out / "source_nouns.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return dict(row.split("\t") for row in rows)


def test_a_pronoun_the_articles_write_lowercase_is_no_learnt_source_noun(tmp_path):
    # "Sie sagte" opens three quotes and the polite "Sie" is capitalised
    # inside sentences, but "sie" is written lowercase too: a pronoun, not a
    # common noun (the rule's "never lowercase" looked up the capitalised
    # spelling, so "sie", "deutsche" and "frage" were source nouns)
    sentences = [["Sie", "sagte", ",", "es", "regne", "."]] * 3 \
        + [["Man", "bat", "Sie", "zu", "kommen", "."]] * 5 + [["Dann", "kam", "sie", "."]]
    nouns = _source_nouns(tmp_path, _article(sentences, [(0, 0), (1, 0), (2, 0)]))
    assert "sie" not in nouns


def test_a_capitalised_source_head_never_written_lowercase_is_learnt(tmp_path):
    # the rule itself still holds: a common noun heading three sources and
    # capitalised inside sentences is a source head
    sentences = [["Veranstalter", "sagten", ",", "es", "regne", "."]] * 3 \
        + [["Man", "fragte", "die", "Veranstalter", "."]] * 5
    nouns = _source_nouns(tmp_path, _article(sentences, [(0, 0), (1, 0), (2, 0)]))
    assert nouns.get("veranstalter") == "data"
