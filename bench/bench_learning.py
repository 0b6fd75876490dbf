#!/usr/bin/env python
"""Learning from the team's decisions, measured on SpkAtt-2023 (issue 16).

Simulates a team: the gold annotations of N articles of the *dev* part
(the part the rules were developed on; see annotator/core/highlight/splits.py)
stand for the reviewers' decisions:

* a suggestion whose message is paired with a gold message (one to one,
  largest token overlap first, as the evaluation pairs them) and covers it
  for at least half of its own tokens is accepted (or corrected);
* every other suggestion is rejected;
* a gold message no suggestion found is a claim added by hand (its cue and
  source feed the lexicon learner).

The re-scorer is trained on those decisions; the threshold that hides
low-probability suggestions is chosen on the last 125 dev articles (never
used for training), and the result is scored on the **held-out** quarter,
with and without the learned model.  Nothing is tuned on the held-out part.

Prints the learning curve (N = 25 … 400): Message and Source F1, the
precision of the shown suggestions (the share a reviewer would accept),
and learning time; then learning time for 10,000 claims and the cost of
re-scoring beside highlighting, with the machine's load.

Usage: python bench/bench_learning.py [--data DIR] [--sizes 25,50,100,200,400]
The data (CC BY-NC-SA) stays outside the repository; no model is saved.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "spkatt2023-news" / "train"
VALIDATION = 125  # last dev articles: choose the threshold here, never train on them

from annotator.core.highlight.evaluation import (  # noqa: E402
    load_spkatt_file,
    score_spkatt,
    spkatt_files,
    tokens_in,
)
from annotator.core.learning.features import suggestion_features  # noqa: E402
from annotator.core.learning.learned_rules import learned_highlighter  # noqa: E402
from annotator.core.learning.lexicon_learner import count_entries, in_use  # noqa: E402
from annotator.core.learning.rescorer import Example, train  # noqa: E402


@dataclass
class Processed:
    gold: object  # GoldDoc
    claims: list  # ClaimSuggestion
    system: list  # per claim {"message", "source"} token sets, None when unattributed
    accepted: list  # per claim: would a reviewer keep it
    source_kept: list  # per claim: True/False when kept with a suggested source, else None
    features: list  # per claim feature dict
    hand_added: list  # gold annotations no suggestion found
    marked_cues: list  # cue phrases of the claims added by hand
    marked_sources: list  # source phrases added by hand or put in place of a suggested one


def decide(gold_anns: list[dict], msgs: list[set[int]]) -> tuple[list[int | None], list[int]]:
    """Per suggestion message the gold annotation that accepts it (or None:
    rejected), and the unpaired gold indices."""
    cands = sorted(((len(g["message"] & m), -gi, -si) for gi, g in enumerate(gold_anns)
                    for si, m in enumerate(msgs) if g["message"] & m), reverse=True)
    used_g: set[int] = set()
    accepted: list[int | None] = [None] * len(msgs)
    taken = [False] * len(msgs)
    for ov, mgi, msi in cands:
        gi, si = -mgi, -msi
        if gi in used_g or taken[si]:
            continue
        used_g.add(gi)
        taken[si] = True
        accepted[si] = gi if ov * 2 >= len(msgs[si]) else None
    return accepted, [gi for gi in range(len(gold_anns)) if gi not in used_g]


def gold_cues(path: Path, gold) -> list[str]:
    """The cue phrase of each scored gold annotation (same order)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for ann in data.get("Annotations", []):
        if not ann.get("IsNested"):
            out.append(" ".join(gold.text[slice(*gold.offsets[r])] for r in ann.get("Cue", []) if r in gold.offsets))
    return out


def phrase(gold, toks: set[int]) -> str:
    return " ".join(gold.text[slice(*gold.token_spans[i])] for i in sorted(toks))


def process(files: list[Path], hl) -> list[Processed]:
    golds = [load_spkatt_file(f) for f in files]
    out = []
    for path, gold, doc in zip(files, golds, hl.nlp.pipe((g.text for g in golds), batch_size=32)):
        claims = doc._.annotator_claims
        msgs, system = [], []
        for c, parts, m in zip(claims, doc._.annotator_message_parts, doc._.annotator_mentions):
            msg = tokens_in(parts, gold.token_spans)
            msgs.append(msg)
            src = tokens_in([(m.start, m.end)] if m is not None else [], gold.token_spans)
            system.append(None if c.attribution.value == "unattributed" else {"message": msg, "source": src})
        paired, unpaired = decide(gold.annotations, msgs)
        # a kept claim's suggested source is kept when it overlaps the gold
        # source, else the reviewer corrected (or removed) it
        source_kept = [None if gi is None or not s or not s["source"]
                       else bool(gold.annotations[gi]["source"] & s["source"]) for gi, s in zip(paired, system)]
        feats = [suggestion_features(gold.text, c) for c in claims]
        cues = gold_cues(path, gold)
        marked_sources = [phrase(gold, gold.annotations[gi]["source"]) for gi, ok in zip(paired, source_kept)
                          if ok is False and gold.annotations[gi]["source"]]
        marked_sources += [phrase(gold, gold.annotations[i]["source"]) for i in unpaired
                           if gold.annotations[i]["source"]]
        out.append(Processed(gold, claims, system, [gi is not None for gi in paired], source_kept, feats,
                             [gold.annotations[i] for i in unpaired], [cues[i] for i in unpaired if cues[i]],
                             marked_sources))
    return out


def evaluate(docs: list[Processed], model=None, threshold: float = 0.0, source_threshold: float = 0.0) -> dict:
    """Scores with suggestions below ``threshold`` hidden and suggested
    sources below ``source_threshold`` left empty, and the share of shown
    (attributed) suggestions a reviewer would accept."""
    pairs = []
    shown = kept = 0
    for d in docs:
        system = []
        for sysann, ok, f in zip(d.system, d.accepted, d.features):
            if sysann is None:
                continue
            if model is not None and model.probability(f) < threshold:
                continue
            if model is not None and sysann["source"] and (model.source_probability(f) or 1.0) < source_threshold:
                sysann = {"message": sysann["message"], "source": set()}
            system.append(sysann)
            shown += 1
            kept += ok
        pairs.append((d.gold.annotations, system))
    res = score_spkatt(pairs)
    res["suggestion_precision"] = round(kept / shown, 4) if shown else 0.0
    return res


def examples(docs: list[Processed]) -> tuple[list[Example], list[Example]]:
    claims = [Example(f, ok) for d in docs for f, ok in zip(d.features, d.accepted)]
    sources = [Example(f, ok) for d in docs for f, ok in zip(d.features, d.source_kept) if ok is not None]
    return claims, sources


GRID = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def choose_thresholds(model, validation: list[Processed]) -> tuple[float, float]:
    """The hiding thresholds (claim, then source) with the best mean of
    Message and Source F1 on the validation articles (dev, not trained on)."""
    _, t = max((evaluate(validation, model, t)["joint_f1"], t) for t in GRID)
    _, st = max((evaluate(validation, model, t, st)["joint_f1"], st) for st in GRID)
    return t, st


def row(label: str, res: dict, extra: str = "") -> str:
    return (f"{label:>12} {res['message']['f1']:>8.3f} {res['source']['f1']:>8.3f} "
            f"{res['message']['precision']:>7.3f} {res['message']['recall']:>7.3f} "
            f"{res['suggestion_precision']:>8.3f} {res['system']:>6} {extra}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", default="25,50,100,200,400")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: SpkAtt data not found", file=sys.stderr)
        return 2
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter("blank")
    print(f"pipeline {hl.name} {hl.version}")
    t0 = time.perf_counter()
    dev = process(spkatt_files(args.data, "dev"), hl)
    heldout_files = spkatt_files(args.data, "heldout")
    heldout = process(heldout_files, hl)
    print(f"highlighted and featurised {len(dev)} dev + {len(heldout)} held-out articles "
          f"in {time.perf_counter() - t0:.1f} s")
    train_pool, validation = dev[:-VALIDATION], dev[-VALIDATION:]
    validation_files = spkatt_files(args.data, "dev")[-VALIDATION:]
    print("\nlearning curve (held-out quarter; threshold chosen on the last "
          f"{VALIDATION} dev articles)")
    print(f"{'N':>12} {'Msg F1':>8} {'Src F1':>8} {'Msg P':>7} {'Msg R':>7} {'sugg P':>8} {'shown':>6} notes")
    base = evaluate(heldout)
    print(row("rules only", base))
    for n in [int(x) for x in args.sizes.split(",")]:
        ex, src_ex = examples(train_pool[:n])
        t = time.perf_counter()
        model = train(ex, src_ex)
        t_learn = time.perf_counter() - t
        thr, sthr = choose_thresholds(model, validation)
        res = evaluate(heldout, model, thr, sthr)
        print(row(str(n), res, f"{len(ex)} claims, thresholds {thr:.2f}/{sthr:.2f}, learned in {t_learn:.2f} s; "
                  + delta(res, base)))
        lex_row(n, train_pool[:n], heldout_files, validation_files, base, model)
    bench_speed(dev, heldout, heldout_files, hl, model)
    bench_project(dev, hl)
    print("load average (1/5/15 min): %.2f %.2f %.2f on %d CPUs" % (*os.getloadavg(), os.cpu_count()))
    return 0


def delta(res: dict, base: dict) -> str:
    return (f"dMsg {100 * (res['message']['f1'] - base['message']['f1']):+.1f} "
            f"dSrc {100 * (res['source']['f1'] - base['source']['f1']):+.1f} points")


def lex_row(n: int, trained: list[Processed], heldout_files, validation_files, base: dict, model) -> None:
    """The same with the learned lexicon entries in the rules: the held-out
    (and validation) articles are highlighted again by the learned pipeline;
    the re-scorer trained on the rules' suggestions scores them."""
    entries = count_entries([c for d in trained for c in d.marked_cues],
                            [s for d in trained for s in d.marked_sources])
    cues, sources = in_use(entries, "cue"), in_use(entries, "source")
    t = time.perf_counter()
    hl = learned_highlighter(cues, sources)
    heldout = process(heldout_files, hl)
    validation = process(validation_files, hl)
    t_lex = time.perf_counter() - t
    res = evaluate(heldout)
    print(row("+lexicon", res, f"{len(cues)} cues, {len(sources)} sources in use; rules + lexicon only; "
              + delta(res, base)))
    thr, sthr = choose_thresholds(model, validation)
    res = evaluate(heldout, model, thr, sthr)
    print(row("+lex+model", res, f"thresholds {thr:.2f}/{sthr:.2f}; {t_lex:.1f} s to highlight again; "
              + delta(res, base)))


def bench_speed(dev, heldout, heldout_files, hl, model) -> None:
    """Learning time for 10,000 claims (features + fit) and re-scoring cost."""
    pool = [(d.gold.text, c, ok) for d in dev for c, ok in zip(d.claims, d.accepted)]
    print("\nlearning time by size (features from text + fit):")
    for size in (2_500, 5_000, 10_000):
        chosen = [pool[i % len(pool)] for i in range(size)]
        t = time.perf_counter()
        ex = [Example(suggestion_features(text, c), ok) for text, c, ok in chosen]
        t_feat = time.perf_counter() - t
        train(ex)
        total = time.perf_counter() - t
        print(f"  {size:>6} claims  features {t_feat:5.2f} s  total {total:5.2f} s")
    texts = [load_spkatt_file(f).text for f in heldout_files]
    # best of three runs each: the machine is shared, the minimum is the cost
    t_hl = t_rs = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        all_claims = [list(doc._.annotator_claims) for doc in hl.nlp.pipe(texts, batch_size=32)]
        t_hl = min(t_hl, time.perf_counter() - t)
        t = time.perf_counter()
        for text, claims in zip(texts, all_claims):
            for c in claims:
                model.probability(suggestion_features(text, c))
        t_rs = min(t_rs, time.perf_counter() - t)
    n = sum(len(c) for c in all_claims)
    print(f"\nre-scoring {n} suggestions of {len(texts)} held-out articles: {t_rs:.3f} s beside "
          f"highlighting {t_hl:.3f} s ({100 * t_rs / t_hl:.1f}% added; best of 3 runs each)")


def bench_project(dev: list[Processed], hl, sizes=(2_500, 10_000)) -> None:
    """`annotator learn` end to end on a temporary project: reading the
    decisions from SQLite, features, fit, storing.  The project holds the
    dev articles (repeated to reach the size) with their suggestions, each
    judged as the simulated team judged it; it is deleted afterwards."""
    import tempfile

    from annotator.core.models import Annotation, Decision, NewArticle
    from annotator.core.operations.learn import learn
    from annotator.core.project import Project

    print("\n'annotator learn' on a project (read decisions + features + fit + store):")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp, Project.open(Path(tmp) / "bench.sqlite") as project:
            judged, copy = 0, 0
            with project.transaction():
                while judged < size:
                    for d in dev:
                        if judged >= size:
                            break
                        aid, _ = project.insert_article(NewArticle(text=d.gold.text + f"\n({copy})"))
                        project.replace_suggestions(aid, d.claims, hl.name, hl.version)
                        for s, ok in zip(project.suggestions(aid), d.accepted):
                            project.save_annotation(Annotation(aid, "sim", Decision.ACCEPT if ok else Decision.REJECT,
                                                               s.start, s.end, source=s.source, cue=s.cue,
                                                               suggestion_id=s.id))
                            judged += 1
                    copy += 1
            t = time.perf_counter()
            result = learn(project).result
            print(f"  {result.counts['reviewed']:>6} reviewed claims in {result.counts['articles']} articles: "
                  f"{time.perf_counter() - t:5.2f} s")


if __name__ == "__main__":
    sys.exit(main())
