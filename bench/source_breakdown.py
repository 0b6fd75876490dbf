"""Where the highlighter's Source figure goes on a part of the SpkAtt training split.

    python bench/source_breakdown.py --split tune
    python bench/source_breakdown.py --split tune --outlet-voice same-sent
    python bench/source_breakdown.py --split dev-rest --bounds

Pairs gold and system annotations as `annotator evaluate` does (largest message
overlap first, one to one) and sorts every gold source token into one class:
paired with the full source, paired but too short, the wrong source, no source
of ours; or not paired, either because we suggest the claim only in the
outlet's voice or because no claim of ours overlaps it. Also prints the false
source tokens (of unpaired claims, and too many in paired ones).

``--outlet-voice same-sent|other-sent|all`` lists the gold attributed claims we
suggest only in the outlet's voice, with gold source and cue and the sentences
(read errors on tune only: the other parts are for figures).

``--bounds`` prints what Source F1 would be if part of the work were perfect:
without our unpaired claims, with every paired claim's source right, and with
the outlet-voice claims attributed too. It shows where the rest of the gap is.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from annotator.core.highlight import load_highlighter
from annotator.core.highlight.evaluation import (
    GoldDoc,
    load_spkatt_file,
    score_spkatt,
    spkatt_files,
    system_annotations,
    tokens_in,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt2023-news" / "train"
Annotation = dict[str, set[int]]


def pairs(gold: list[Annotation], system: list[Annotation]) -> dict[int, int]:
    """gold index -> system index, as `document_counts` pairs them."""
    candidates = sorted(((len(g["message"] & s["message"]), -gi, -si)
                         for gi, g in enumerate(gold) for si, s in enumerate(system)
                         if g["message"] & s["message"]), reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = {}
    for _overlap, mgi, msi in candidates:
        if -mgi in used_g or -msi in used_s:
            continue
        used_g.add(-mgi)
        used_s.add(-msi)
        out[-mgi] = -msi
    return out


def outlet_spans(doc, gold: GoldDoc) -> list[set[int]]:
    """The token sets of the claims we suggest in the outlet's voice."""
    claims = doc._.annotator_claims or []
    parts = doc._.annotator_message_parts or []
    return [tokens_in(p, gold.token_spans) for c, p in zip(claims, parts) if c.attribution.value == "unattributed"]


def gold_class(g: Annotation, ours: Annotation | None, outlet: set[int]) -> str:
    if ours is None:
        return "unpaired: outlet voice" if g["message"] & outlet else "unpaired: not found"
    if not g["source"]:
        return "paired: gold has no source"
    if not ours["source"]:
        return "paired: no source of ours"
    overlap = len(g["source"] & ours["source"])
    if overlap == 0:
        return "paired: wrong source"
    return "paired: full" if overlap == len(g["source"]) else "paired: too short"


def sentence_of(gold: GoldDoc) -> list[int]:
    out: list[int] = []
    for number, line in enumerate(gold.text.split("\n")):
        out += [number] * len(line.split(" "))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spkatt", type=Path, default=DATA)
    parser.add_argument("--split", default="tune", choices=["tune", "dev-rest", "dev", "heldout", "all"])
    parser.add_argument("--outlet-voice", choices=["same-sent", "other-sent", "all"])
    parser.add_argument("--bounds", action="store_true")
    args = parser.parse_args()

    highlighter = load_highlighter()
    files = spkatt_files(args.spkatt, args.split)
    golds = [load_spkatt_file(f) for f in files]
    tokens: collections.Counter[str] = collections.Counter()
    annotations: collections.Counter[str] = collections.Counter()
    false_tokens: collections.Counter[str] = collections.Counter()
    bounds: dict[str, list] = {"as is": [], "without our unpaired claims": [],
                               "paired sources right": [], "and outlet-voice claims attributed": []}
    for path, gold, doc in zip(files, golds, highlighter.nlp.pipe(g.text for g in golds)):
        ours = system_annotations(doc, gold)
        outlet = outlet_spans(doc, gold)
        outlet_all = set().union(*outlet) if outlet else set()
        paired = pairs(gold.annotations, ours)
        of_system = {si: gi for gi, si in paired.items()}
        for gi, g in enumerate(gold.annotations):
            kind = gold_class(g, ours[paired[gi]] if gi in paired else None, outlet_all)
            tokens[kind] += len(g["source"])
            annotations[kind] += 1
        for si, s in enumerate(ours):
            if si in of_system:
                gold_source = gold.annotations[of_system[si]]["source"]
                false_tokens["too many in paired claims"] += len(s["source"] - gold_source)
            else:
                false_tokens["of unpaired claims"] += len(s["source"])
        if args.outlet_voice:
            list_outlet_voice(path, gold, ours, outlet_all, args.outlet_voice)
        if args.bounds:
            add_bounds(bounds, gold, ours, paired, outlet)
    total = sum(tokens.values())
    print(f"{args.split}: {len(files)} articles, {total} gold source tokens")
    for kind, n in tokens.most_common():
        print(f"  {kind:32s} {n:6d} tokens {n / total:6.1%}  ({annotations[kind]} annotations)")
    print("false source tokens: " + ", ".join(f"{k} {v}" for k, v in false_tokens.items()))
    if args.bounds:
        for name, docs in bounds.items():
            r = score_spkatt(docs)
            print(f"  {name:36s} Message F1 {r['message']['f1']:.3f}  Source P {r['source']['precision']:.3f}"
                  f" R {r['source']['recall']:.3f} F1 {r['source']['f1']:.3f}")


def list_outlet_voice(path: Path, gold: GoldDoc, ours: list[Annotation], outlet: set[int], which: str) -> None:
    raw = [a for a in json.loads(path.read_text(encoding="utf-8"))["Annotations"] if not a.get("IsNested")]
    attributed = set().union(*(s["message"] for s in ours)) if ours else set()
    sentence = sentence_of(gold)
    lines = gold.text.split("\n")

    def text(ids) -> str:
        return " ".join(gold.text[slice(*gold.token_spans[i])] for i in sorted(ids))

    for g, a in zip(gold.annotations, raw):
        if g["message"] & attributed or not g["message"] & outlet or not g["source"]:
            continue
        message_sentences = {sentence[i] for i in g["message"]}
        source_sentences = {sentence[i] for i in g["source"]}
        where = "same-sent" if message_sentences & source_sentences else "other-sent"
        if which not in ("all", where):
            continue
        cue = " ".join(gold.text[slice(*gold.offsets[r])] for r in a.get("Cue", []) if r in gold.offsets)
        shown = " / ".join(lines[n] for n in sorted(message_sentences | source_sentences))
        print(f"{path.name} {where} | source: {text(g['source'])} | cue: {cue}\n    {shown[:400]}")


def add_bounds(bounds: dict[str, list], gold: GoldDoc, ours: list[Annotation], paired: dict[int, int],
               outlet: list[set[int]]) -> None:
    of_system = {si: gi for gi, si in paired.items()}
    bounds["as is"].append((gold.annotations, ours))
    only_paired = [s for si, s in enumerate(ours) if si in of_system]
    bounds["without our unpaired claims"].append((gold.annotations, only_paired))
    right = [dict(s, source=set(gold.annotations[of_system[si]]["source"])) if si in of_system else s
             for si, s in enumerate(ours)]
    bounds["paired sources right"].append((gold.annotations, right))
    extra = []
    for gi, g in enumerate(gold.annotations):
        if gi in paired:
            continue
        span = next((u for u in outlet if g["message"] & u), None)
        if span is not None:
            extra.append({"message": span, "source": set(g["source"])})
    bounds["and outlet-voice claims attributed"].append((gold.annotations, right + extra))


if __name__ == "__main__":
    main()
