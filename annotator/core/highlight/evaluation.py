"""Scoring the highlighter on SpkAtt-2023 task-2 files (simplified subtask).

Format: one JSON file per article with ``Sentences`` (token lists) and
``Annotations`` (``Message``/``Source``/``Cue`` as "sentence:token" lists).
The text analysed is rebuilt by joining a sentence's tokens with single
spaces and sentences with newlines.

Metric (simplified subtask): only gold annotations with ``IsNested: false``;
only the highlighter's *attributed* claims (attribution is not
"unattributed": SpkAtt annotates reported speech, not the outlet's own
statements).  Per document, system and gold annotations are paired one to
one by message token overlap (greedily, largest overlap first).  For the
roles Message and Source: precision = overlapping tokens of paired
annotations / all system tokens of that role, recall = overlapping tokens /
all gold tokens; F1 their harmonic mean; micro-averaged over documents.

Pieces of one quotation or continued speech (claims sharing a ``group``: the
highlighter splits them by sentence and main clause, as issue 13 defines a
claim) are one SpkAtt annotation, as SpkAtt marks one message per
attribution.  The system message is the claim's message parts (the sentence minus an
adverbial frame such as "laut X" can be two parts); the system source is
the mention in the text (SpkAtt annotates "er", not its antecedent).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROLES = ("message", "source")


@dataclass
class GoldDoc:
    name: str
    text: str
    offsets: dict[str, tuple[int, int]]  # "s:t" -> char span
    token_spans: list[tuple[int, int]]  # all tokens in order
    annotations: list[dict[str, set[int]]]  # role -> token indices


def load_spkatt_file(path: Path) -> GoldDoc:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read SpkAtt file: {exc}") from exc
    if not isinstance(data, dict) or "Sentences" not in data:
        raise ValueError(f"{path}: not a SpkAtt task-2 file (no 'Sentences')")
    lines = []
    offsets: dict[str, tuple[int, int]] = {}
    token_spans: list[tuple[int, int]] = []
    index: dict[str, int] = {}
    pos = 0
    for si, sent in enumerate(data["Sentences"]):
        sid = sent.get("SentenceId", si)
        parts: list[str] = []
        for ti, tok in enumerate(sent["Tokens"]):
            if parts:
                pos += 1
            offsets[f"{sid}:{ti}"] = (pos, pos + len(tok))
            index[f"{sid}:{ti}"] = len(token_spans)
            token_spans.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
        lines.append(" ".join(parts))
        pos += 1  # newline
    text = "\n".join(lines)
    annotations = []
    for ann in data.get("Annotations", []):
        if ann.get("IsNested"):
            continue
        annotations.append({
            "message": {index[r] for r in ann.get("Message", []) if r in index},
            "source": {index[r] for r in ann.get("Source", []) if r in index},
        })
    return GoldDoc(Path(path).name, text, offsets, token_spans, annotations)


def tokens_in(spans: Iterable[tuple[int, int]], token_spans: list[tuple[int, int]]) -> set[int]:
    """Indices of tokens overlapping any of the char spans."""
    out: set[int] = set()
    import bisect

    starts = [a for a, _ in token_spans]
    for a, b in spans:
        if b <= a:
            continue
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(token_spans) and token_spans[k][0] < b:
            if token_spans[k][1] > a:
                out.add(k)
            k += 1
    return out


def _prf(tp: float, sys_n: float, gold_n: float) -> dict[str, float]:
    p = tp / sys_n if sys_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_spkatt(docs: Iterable[tuple[list[dict[str, set[int]]], list[dict[str, set[int]]]]]) -> dict[str, Any]:
    """Pure scoring over (gold annotations, system annotations) per document.

    Each annotation maps "message" and "source" to a set of token indices.
    Returns precision/recall/F1 for message and source, and counts.
    """
    tp = {r: 0 for r in ROLES}
    sys_n = {r: 0 for r in ROLES}
    gold_n = {r: 0 for r in ROLES}
    n_docs = n_gold = n_sys = n_pairs = 0
    for gold, system in docs:
        n_docs += 1
        n_gold += len(gold)
        n_sys += len(system)
        counts, pairs = document_counts(gold, system)
        n_pairs += pairs
        for r in ROLES:
            tp[r] += counts[r][0]
            sys_n[r] += counts[r][1]
            gold_n[r] += counts[r][2]
    out: dict[str, Any] = {r: _prf(tp[r], sys_n[r], gold_n[r]) for r in ROLES}
    out["joint_f1"] = round((out["message"]["f1"] + out["source"]["f1"]) / 2, 4)
    out.update(documents=n_docs, gold=n_gold, system=n_sys, paired=n_pairs)
    return out


def document_counts(gold: list[dict[str, set[int]]], system: list[dict[str, set[int]]],
                    ) -> tuple[dict[str, tuple[int, int, int]], int]:
    """One document's tokens per role, (matched, system, gold), and its
    number of pairs. Each gold annotation is paired with at most one system
    annotation, largest message overlap first; a role's matched tokens are
    those of a pair that both mark (the figures add up over documents)."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = len(g["message"] & s["message"])
            if ov:
                cands.append((ov, -gi, -si))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    tp = {r: 0 for r in ROLES}
    for _ov, mgi, msi in cands:
        gi, si = -mgi, -msi
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        for r in ROLES:
            tp[r] += len(gold[gi][r] & system[si][r])
    counts = {r: (tp[r], sum(len(s[r]) for s in system), sum(len(g[r]) for g in gold)) for r in ROLES}
    return counts, len(used_g)


def system_annotations(doc, gold: GoldDoc) -> list[dict[str, set[int]]]:
    """The attributed claims of a processed Doc as token-index annotations."""
    out = []
    claims = doc._.annotator_claims or []
    parts = doc._.annotator_message_parts or []
    mentions = doc._.annotator_mentions or []
    groups = doc._.annotator_groups or [-1] * len(claims)
    by_group: dict[int, dict[str, set[int]]] = {}
    for c, ps, m, group in zip(claims, parts, mentions, groups):
        if c.attribution.value == "unattributed":
            continue
        ann = {
            "message": tokens_in(ps, gold.token_spans),
            "source": tokens_in([(m.start, m.end)] if m is not None else [], gold.token_spans),
        }
        if group >= 0 and group in by_group:
            # pieces of one quotation or continued speech: one SpkAtt annotation
            # over the whole stretch, the punctuation between the pieces included
            merged = by_group[group]["message"] | ann["message"]
            by_group[group]["message"] |= set(range(min(merged), max(merged) + 1)) if merged else set()
            continue
        if group >= 0:
            by_group[group] = ann
        out.append(ann)
    return out


def spkatt_files(directory: Path, split: str = "all", limit: int | None = None) -> list[Path]:
    from annotator.core.highlight.splits import split_files

    directory = Path(directory)
    if not directory.is_dir():
        raise ValueError(f"{directory}: not a directory")
    files = split_files(list(directory.glob("*.json")), split)
    if not files:
        raise ValueError(f"{directory}: no SpkAtt .json files")
    return files[:limit] if limit else files


def evaluate_spkatt(directory: Path, highlighter, limit: int | None = None, split: str = "all",
                    batch_size: int = 32) -> dict[str, Any]:
    """Run the highlighter over SpkAtt files and score it (see module doc)."""
    files = spkatt_files(directory, split, limit)
    golds = [load_spkatt_file(f) for f in files]
    pairs = []
    families: dict[str, int] = {}
    for gold, doc in zip(golds, highlighter.nlp.pipe((g.text for g in golds), batch_size=batch_size)):
        pairs.append((gold.annotations, system_annotations(doc, gold)))
        for family in doc._.annotator_families or []:
            families[family] = families.get(family, 0) + 1
    result = score_spkatt(pairs)
    # every suggestion by cue family, unattributed (outlet) ones included
    result["families"] = dict(sorted(families.items(), key=lambda kv: (-kv[1], kv[0])))
    result["split"] = split
    result["pipeline"] = highlighter.name
    result["version"] = highlighter.version
    return result
