"""Writing the claim-pair dataset of a project: the JSONL file, its JSON
Schema beside it, and a dataset card (``<name>.card.md``).

Pairs are every related pair the index finds plus every pair a reviewer
judged (a judged pair the rules do not relate has ``score`` null). Files
are written to a temporary name and renamed at the end: all or nothing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.corroboration import judgements
from annotator.core.corroboration.index import ClaimIndex
from annotator.core.corroboration.pairs import PairClaim, dataset_card, pair_record, pair_splits
from annotator.core.corroboration.project_claims import IndexedClaim, project_claims
from annotator.core.corroboration.related import Relation
from annotator.core.resources import resource_path

SCHEMA_NAME = "claim-pair.schema.json"


@dataclass
class PairsSummary:
    pairs: int = 0
    labelled: int = 0
    files: list[Path] = field(default_factory=list)


def _claims_by_ref(project, article_ids: set[str]) -> dict[judgements.ClaimRef, IndexedClaim]:
    return {c.ref: c for a in article_ids if project.has_article(a) for c in project_claims(project, a)}


def collect_pairs(project) -> list[tuple[IndexedClaim, IndexedClaim, Relation | None, list[dict]]]:
    """(a, b, relation, labels) for each related or judged pair, a before b."""
    index = ClaimIndex(project.db.conn)
    claims = {c.key: c for a in project.article_ids() for c in project_claims(project, a)}
    found: dict[tuple, tuple] = {}
    for claim in claims.values():
        for relation in index.related(claim.key):
            other = claims.get(relation.other_id)
            if other is not None:
                a, b = sorted((claim, other), key=lambda c: c.ref)
                found.setdefault((a.ref, b.ref), (a, b, relation))
    labels: dict[tuple, list[dict]] = {}
    judged = judgements.for_articles(project.db.conn, project.article_ids())
    by_ref = _claims_by_ref(project, {j.a.article_id for j in judged} | {j.b.article_id for j in judged})
    for j in judged:
        labels.setdefault((j.a, j.b), []).append({"annotator": j.annotator, "label": j.label})
        if (j.a, j.b) not in found and j.a in by_ref and j.b in by_ref:
            found[(j.a, j.b)] = (by_ref[j.a], by_ref[j.b], None)
    return [(a, b, rel, labels.get(key, [])) for key, (a, b, rel) in sorted(found.items())]


def _pair_claim(c: IndexedClaim) -> PairClaim:
    return PairClaim(c.facts(), c.start, c.end, c.text)


def export_pairs(project, out_path: Path, *, fractions: dict[str, float] | None = None,
                 seed: int = 0) -> PairsSummary:
    """Write the dataset; without ``fractions`` every pair is in "all"."""
    pairs = collect_pairs(project)
    splits = pair_splits([(a.article.id, b.article.id) for a, b, _, _ in pairs],
                         fractions or {"all": 1.0}, seed)
    records = [pair_record(_pair_claim(a), _pair_claim(b), rel, labels, splits[a.article.id])
               for a, b, rel, labels in pairs]
    card = out_path.with_name(f"{out_path.stem}.card.md")
    schema = out_path.with_name(SCHEMA_NAME)
    written = []
    try:
        written.append(_write(out_path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)))
        written.append(_write(card, dataset_card(records, out_path.name)))
        written.append(_write(schema, resource_path("schema").joinpath(SCHEMA_NAME).read_text("utf-8")))
        for temp, final in written:
            os.replace(temp, final)
    finally:
        for temp, _ in written:
            if temp.exists():
                temp.unlink()
    return PairsSummary(len(records), sum(1 for r in records if r["labels"]), [out_path, card, schema])


def _write(path: Path, text: str) -> tuple[Path, Path]:
    temp = path.with_name(f".{path.name}.partial")
    with temp.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return temp, path
