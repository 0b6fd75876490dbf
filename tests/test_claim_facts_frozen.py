"""A claim's facts (words, quantities, dates) stay exactly what they were
when the import's workers were made faster: the index rows of fixed claims
(every sentence of the seed articles, and tricky ones below) are compared
with rows frozen from the code before (tests/data/claim_facts_frozen.json).

Re-freeze only for a deliberate change of the facts:
``python tests/test_claim_facts_frozen.py --freeze``.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
from pathlib import Path

FROZEN = Path(__file__).parent / "data" / "claim_facts_frozen.json"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
TRICKY = (
    "Nach Angaben des Pentagon hat Nordkorea rund 12.000 Soldaten nach Russland entsandt.",
    "Zwischen 10.000 und 12.000 nordkoreanische Soldaten sollen am 27. Oktober 2024 eingetroffen sein.",
    "Bis zu zwölftausend zusätzliche Truppen kämen vom 27. bis 28. Oktober, sagte ein Sprecher.",
    "Mehr als 2,5 Millionen Euro seien seit Anfang Oktober geflossen, erklärte das Ministerium am Montag.",
    "Tausende Menschen demonstrierten gestern in Kiew; heute sollen es 3 Prozent mehr sein.",
    "Die Il-96 landete am 23.10.2024 in Pjöngjang, 1.500 km entfernt, im Ukraine-Russland-Krieg.",
    "Laut Bericht werde die Lieferung erst am kommenden Freitag erreicht, so der Kreml.",
    "Ende November 2024 zählten Beobachter etwa 111.000 russische Soldaten und 11.000 Nordkoreaner.",
    "Sie sagte nichts.",
    "",
)


def _claims(text: str) -> list:
    """Every sentence of ``text`` as a claim, its first word as the source."""
    from annotator.core.models import ClaimSuggestion, Span

    claims, at = [], 0
    for sentence in text.split(". "):
        start, end = at, at + len(sentence)
        first = sentence.split(" ", 1)[0]
        source = Span(start, start + len(first)) if first else None
        claims.append(ClaimSuggestion(start, end, source=source))
        at = end + 2
    return claims


def _rows(text: str, published: str | None) -> list:
    """The index rows of the claims' facts as the import writes them: made by
    ``claim_facts`` (in a worker), pickled to the writer, given their ids."""
    from annotator.core.corroboration.rows import facts_row
    from annotator.core.new_suggestions import claim_facts

    facts = pickle.loads(pickle.dumps(claim_facts(text, _claims(text), published)))
    for number, fact in enumerate(facts):
        for name, value in (("claim_id", f"s:{number}"), ("article_id", "a1"), ("outlet", "Bench"),
                            ("source_id", "e7" if number % 2 else None)):
            object.__setattr__(fact, name, value)
    return [list(facts_row(fact)) for fact in facts]


def _direct_rows(text: str, published: str | None) -> list:
    """The same rows from describe_claim, the index's own parser."""
    from annotator.core.corroboration.facts import describe_claim
    from annotator.core.corroboration.rows import facts_row

    rows = []
    for number, claim in enumerate(_claims(text)):
        source = claim.source.text(text) if claim.source is not None else None
        rows.append(list(facts_row(describe_claim(f"s:{number}", "a1", text[claim.start:claim.end],
                                                  source=source, outlet="Bench", published=published,
                                                  source_id="e7" if number % 2 else None))))
    return rows


def _cases() -> dict[str, tuple[str, str | None]]:
    cases = {f"tricky {n}": (text, "2024-10-28" if n % 2 else None) for n, text in enumerate(TRICKY)}
    cases["tricky all"] = (". ".join(TRICKY), "2024-11-03")
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        text = path.read_text(encoding="utf-8").replace("\n", " ")
        cases[f"seed {path.name}"] = (text, "2024-10-28")
        cases[f"seed {path.name} undated"] = (text, None)
    return cases


def _digest(rows: list) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def _frozen() -> dict:
    return json.loads(FROZEN.read_text(encoding="utf-8"))


def test_the_workers_facts_are_the_frozen_ones():
    frozen = _frozen()
    for name, (text, published) in _cases().items():
        if name.startswith("tricky"):
            assert _rows(text, published) == frozen["rows"][name], name
        elif name in frozen["digests"]:
            assert _digest(_rows(text, published)) == frozen["digests"][name], name


def test_the_workers_facts_are_what_the_index_parses_itself():
    for name, (text, published) in _cases().items():
        assert _rows(text, published) == _direct_rows(text, published), name


def test_the_seeds_were_frozen_too(seed_paths):
    frozen = _frozen()
    assert all(f"seed {path.name}" in frozen["digests"] for path in seed_paths)


def freeze() -> None:
    rows, digests = {}, {}
    for name, (text, published) in _cases().items():
        found = _direct_rows(text, published)
        if name.startswith("tricky"):
            rows[name] = found
        else:
            digests[name] = _digest(found)
    FROZEN.write_text(json.dumps({"rows": rows, "digests": digests}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--freeze"]:
        freeze()
