"""The shipped word lists are built from German grammar alone: nothing in
them is counted from SpkAtt (whose licence allows developing and evaluating
the highlighter on it, not shipping anything trained on it).  Anyone can
rebuild them with bench/build_lexicons.py, which needs no data, and get the
shipped files byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from annotator.core.highlight.lexicons import load_lexicons

ROOT = Path(__file__).resolve().parents[1]
BUILDER = ROOT / "bench" / "build_lexicons.py"
SHIPPED = ROOT / "resources" / "lexicons"


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (SHIPPED / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_rebuilding_the_lexicons_without_any_data_gives_the_shipped_files(tmp_path):
    subprocess.run([sys.executable, str(BUILDER), "--out", str(tmp_path)], check=True, capture_output=True)
    built = sorted(p.name for p in tmp_path.iterdir())
    assert built == sorted(p.name for p in SHIPPED.iterdir() if p.name != "README.md")
    for name in built:
        assert (tmp_path / name).read_bytes() == (SHIPPED / name).read_bytes(), name


def test_the_builder_refuses_to_write_spkatt_counts_into_the_shipped_folder(tmp_path):
    before = {p.name: p.read_bytes() for p in SHIPPED.iterdir()}
    done = subprocess.run([sys.executable, str(BUILDER), "--data", str(tmp_path), "--out", str(SHIPPED)],
                          capture_output=True, text=True)
    assert done.returncode != 0 and "never shipped" in done.stderr
    assert {p.name: p.read_bytes() for p in SHIPPED.iterdir()} == before


def test_the_reporting_verbs_carry_the_grammars_meaning_and_no_counts():
    header = (SHIPPED / "reporting_verbs.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "# form\tlemma\tparticle\tkind\tclass\tsense\tcontent\tadjective"
    rows = _rows("reporting_verbs.tsv")
    assert rows and all(len(r) == 8 for r in rows)
    assert {r[5] for r in rows} == {"report", "mixed", "minor"}
    assert {r[6] for r in rows} == {"object", "topic", "clause"}


def test_the_other_lists_hold_no_counted_rows():
    assert {r[1] for r in _rows("lowercase.tsv")} == {"lower", "noun"}  # how a word is written, no counts
    assert "data" not in {r[1] for r in _rows("source_nouns.tsv")}  # no heads taken from gold sources


def test_a_verb_forms_share_comes_from_its_lemmas_meaning():
    verbs = load_lexicons().verbs

    def share(form: str) -> float:
        return max(vf.precision for vf in verbs[form])

    assert all(vf.seen == vf.cue == vf.reported == 0 for forms in verbs.values() for vf in forms)
    assert share("betonte") > share("erklärte") > share("zeigte")  # nearly always / also 'explain' / mostly 'show'
    assert share("kritisiert") < share("kritisierte")  # a participle is also passive and adjective
    assert all(vf.ordinarily_other for vf in verbs["bekannt"])  # an adjective, not "bekennen"
    assert load_lexicons().reported_rate["fordern"] > load_lexicons().reported_rate["berichten"] \
        > load_lexicons().reported_rate["sagen"] == 0  # "fordert den Rücktritt" / "berichtete von …" / "sagte."
