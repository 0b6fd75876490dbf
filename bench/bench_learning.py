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
  source feed the lexicon learner);
* an unattributed suggestion is kept as speech when a gold message covers
  at least half of its tokens (the claim finder learns from that).

The re-scorer, the span corrector and the claim finder are trained on
those decisions; the threshold that hides low-probability suggestions, the
chooser's margin and the finder's threshold are chosen on the last 125 dev
articles (never used for training), and the result is scored on the
**held-out** quarter, with and without what was learned.  Nothing is tuned
on the held-out part.

Prints the learning curve (N = 25 … 400): Message and Source F1, the
precision of the shown suggestions (the share a reviewer would accept),
and learning time, per piece; then learning time for 10,000 claims and the
cost of re-scoring, correcting and finding beside highlighting, with the
machine's load (CPU seconds: the lead re-measures on a quiet machine).

Usage: python bench/bench_learning.py [--data DIR] [--sizes 25,50,100,200,400] [--develop] [--separation]
The data (CC BY-NC-SA) stays outside the repository; no model is saved.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, replace
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
from annotator.core.learning.corrector import (  # noqa: E402
    DEFAULT_MARGIN,
    CorrectionCase,
    Corrector,
    article_tokens,
    train_corrector,
)
from annotator.core.learning.features import suggestion_features  # noqa: E402
from annotator.core.learning.learned_rules import learned_highlighter  # noqa: E402
from annotator.core.learning.lexicon_learner import count_entries, in_use  # noqa: E402
from annotator.core.learning.rescorer import Example, train  # noqa: E402


@dataclass
class Processed:
    gold: object  # GoldDoc
    claims: list  # ClaimSuggestion
    parts: list  # per claim: message parts (str spans), as the evaluation scores them
    mentions: list  # per claim: the source mention (Span or None)
    groups: list  # per claim: group of pieces scored as one annotation (-1: none)
    accepted: list  # per claim: would a reviewer keep it
    source_kept: list  # per claim: True/False when kept with a suggested source, else None
    features: list  # per claim feature dict
    gold_message: list  # per claim: the reviewer's message span (None: rejected)
    gold_source: list  # per claim: the reviewer's source span (None: none or rejected)
    hand_added: list  # gold annotations no suggestion found
    marked_cues: list  # cue phrases of the claims added by hand
    marked_sources: list  # source phrases added by hand or put in place of a suggested one


def grouped(claims, parts, mentions, groups, gold, keep=None) -> tuple[list[dict], list[list[int]]]:
    """The attributed claims as SpkAtt annotations, pieces of one group
    merged (as ``system_annotations`` does), and the claims of each."""
    out: list[dict] = []
    members: list[list[int]] = []
    by_group: dict[int, int] = {}
    for i, (c, ps, m, group) in enumerate(zip(claims, parts, mentions, groups)):
        if c.attribution.value == "unattributed" or (keep is not None and not keep[i]):
            continue
        ann = {"message": tokens_in(ps, gold.token_spans),
               "source": tokens_in([(m.start, m.end)] if m is not None else [], gold.token_spans)}
        if group >= 0 and group in by_group:
            k = by_group[group]
            merged = out[k]["message"] | ann["message"]
            out[k]["message"] = set(range(min(merged), max(merged) + 1)) if merged else set()
            members[k].append(i)
            continue
        if group >= 0:
            by_group[group] = len(out)
        out.append(ann)
        members.append([i])
    return out, members


def decide(gold_anns: list[dict], msgs: list[set[int]]) -> tuple[list[int | None], list[int]]:
    """Per system message the gold annotation that accepts it (or None:
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


def char_span(gold, toks: set[int]) -> tuple[int, int] | None:
    return (gold.token_spans[min(toks)][0], gold.token_spans[max(toks)][1]) if toks else None


def reviewer_spans(gold, claims, parts, members, paired) -> tuple[list, list, list]:
    """Per claim: kept?, the reviewer's message span and source span.  A
    piece of a group keeps its own span (the reviewer judged the piece;
    only the whole group's span is in the gold)."""
    n = len(claims)
    kept, message, source = [False] * n, [None] * n, [None] * n
    for k, gi in enumerate(paired):
        if gi is None:
            continue
        g = gold.annotations[gi]
        for i in members[k]:
            kept[i] = True
            message[i] = char_span(gold, g["message"]) if len(members[k]) == 1 else (claims[i].start, claims[i].end)
            source[i] = char_span(gold, g["source"])
    return kept, message, source


def process(files: list[Path], hl) -> list[Processed]:
    golds = [load_spkatt_file(f) for f in files]
    out = []
    for path, gold, doc in zip(files, golds, hl.nlp.pipe((g.text for g in golds), batch_size=32)):
        claims, parts = doc._.annotator_claims, doc._.annotator_message_parts
        mentions, groups = doc._.annotator_mentions, doc._.annotator_groups or [-1] * len(claims)
        anns, members = grouped(claims, parts, mentions, groups, gold)
        paired, unpaired = decide(gold.annotations, [a["message"] for a in anns])
        kept, message, source = reviewer_spans(gold, claims, parts, members, paired)
        # a kept claim's suggested source is kept when it overlaps the gold
        # source, else the reviewer corrected (or removed) it
        source_kept: list = [None] * len(claims)
        marked_sources = []
        for k, gi in enumerate(paired):
            if gi is None or not anns[k]["source"]:
                continue
            ok = bool(gold.annotations[gi]["source"] & anns[k]["source"])
            source_kept[members[k][0]] = ok
            if not ok and gold.annotations[gi]["source"]:
                marked_sources.append(phrase(gold, gold.annotations[gi]["source"]))
        marked_sources += [phrase(gold, gold.annotations[i]["source"]) for i in unpaired
                           if gold.annotations[i]["source"]]
        cues = gold_cues(path, gold)
        feats = [suggestion_features(gold.text, c) for c in claims]
        out.append(Processed(gold, claims, parts, mentions, groups, kept, source_kept, feats, message, source,
                             [gold.annotations[i] for i in unpaired], [cues[i] for i in unpaired if cues[i]],
                             marked_sources))
    return out


@dataclass
class Corrected:
    """A document's message parts and source mentions after the corrector."""

    parts: list
    mentions: list
    claims: list  # with the claim finder's speech attributed


def correct_all(docs: list[Processed], corrector) -> tuple[list[Corrected], dict[str, int]]:
    """The corrector applied to each document's suggestions; what changed."""
    out, changed = [], {"sources": 0, "messages": 0, "found": 0}
    for d in docs:
        fixed, why = corrector.correct(d.gold.text, d.claims)
        parts, mentions = list(d.parts), list(d.mentions)
        for i, (old, new, w) in enumerate(zip(d.claims, fixed, why)):
            changed["found"] += w.found
            if w.source is not None:
                mentions[i] = new.source
                changed["sources"] += 1
            if w.edits:
                ps = [tuple(p) for p in parts[i]] or [(old.start, old.end)]
                ps[0] = (new.start, ps[0][1])
                ps[-1] = (ps[-1][0], new.end)
                parts[i] = [p for p in ps if p[0] < p[1]] or [(new.start, new.end)]
                changed["messages"] += 1
        out.append(Corrected(parts, mentions, fixed))
    return out, changed


def evaluate(docs: list[Processed], model=None, threshold: float = 0.0, source_threshold: float = 0.0,
             corrected: list[Corrected] | None = None) -> dict:
    """Scores with suggestions below ``threshold`` hidden, suggested
    sources below ``source_threshold`` left empty, the corrector's spans
    when given, and the share of shown (attributed) suggestions a reviewer
    would accept."""
    pairs = []
    shown = kept = 0
    for n, d in enumerate(docs):
        parts, mentions, claims = (d.parts, list(d.mentions), d.claims) if corrected is None else (
            corrected[n].parts, list(corrected[n].mentions), corrected[n].claims)
        keep = [True] * len(d.claims)
        for i, f in enumerate(d.features):
            # the finder's claims are never hidden (as apply.rescore)
            if model is None or d.claims[i].attribution.value == "unattributed":
                continue
            keep[i] = model.probability(f) >= threshold
            if mentions[i] is not None and (model.source_probability(f) or 1.0) < source_threshold:
                mentions[i] = None
        anns, members = grouped(claims, parts, mentions, d.groups, d.gold, keep)
        shown += len(anns)
        kept += sum(1 for m in members if d.accepted[m[0]])
        pairs.append((d.gold.annotations, anns))
    res = score_spkatt(pairs)
    res["suggestion_precision"] = round(kept / shown, 4) if shown else 0.0
    return res


def examples(docs: list[Processed]) -> tuple[list[Example], list[Example]]:
    claims = [Example(f, ok) for d in docs for f, ok in zip(d.features, d.accepted)
              if f["attribution"] != "unattributed"]
    sources = [Example(f, ok) for d in docs for f, ok in zip(d.features, d.source_kept) if ok is not None]
    return claims, sources


def correction_cases(docs: list[Processed]) -> list:
    """The simulated reviews as the corrector learns from them: an
    unattributed suggestion is kept as speech when a gold message covers
    at least half of its tokens (as a suggestion is accepted)."""
    return [CorrectionCase(d.gold.text, c, (c.start, c.end) if m is None and speech(d, i) else m, s)
            for d in docs for i, (c, m, s) in enumerate(zip(d.claims, d.gold_message, d.gold_source))]


def speech(d: Processed, i: int) -> bool:
    c = d.claims[i]
    if c.attribution.value != "unattributed":
        return False
    toks = tokens_in(d.parts[i] or [(c.start, c.end)], d.gold.token_spans)
    return bool(toks) and 2 * max((len(toks & a["message"]) for a in d.gold.annotations), default=0) >= len(toks)


GRID = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def choose_thresholds(model, validation: list[Processed], corrected=None) -> tuple[float, float]:
    """The hiding thresholds (claim, then source) with the best mean of
    Message and Source F1 on the validation articles (dev, not trained on)."""
    _, t = max((evaluate(validation, model, t, corrected=corrected)["joint_f1"], t) for t in GRID)
    _, st = max((evaluate(validation, model, t, st, corrected)["joint_f1"], st) for st in GRID)
    return t, st


# from the most careful: on a tie the larger margin (fewer changes, less work)
MARGINS = (1.01, 0.5, 0.3, 0.2, 0.1, 0.05)  # 1.01: the chooser never replaces a source


FINDER_GRID = (1.01, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2)  # 1.01: the finder promotes nothing


def choose_finder(corrector, validation: list[Processed]) -> float | None:
    """The claim finder's threshold with the best joint F1 on validation
    (on a tie the higher: fewer claims to review)."""
    if corrector.finder is None:
        return None
    best = None
    for t in FINDER_GRID:
        corrector.finder.threshold = t
        score = evaluate(validation, corrected=correct_all(validation, corrector)[0])["joint_f1"]
        if best is None or score > best[0]:
            best = (score, t)
    corrector.finder.threshold = best[1]
    return best[1]


def choose_margin(corrector, validation: list[Processed]) -> float:
    """The source chooser's margin with the best joint F1 on validation."""
    best = None
    for m in MARGINS:
        corrector.margin = m
        score = evaluate(validation, corrected=correct_all(validation, corrector)[0])["joint_f1"]
        if best is None or score > best[0]:
            best = (score, m)
    corrector.margin = best[1]
    return best[1]


def row(label: str, res: dict, extra: str = "") -> str:
    return (f"{label:>12} {res['message']['f1']:>8.3f} {res['source']['f1']:>8.3f} "
            f"{res['message']['precision']:>7.3f} {res['message']['recall']:>7.3f} "
            f"{res['suggestion_precision']:>8.3f} {res['system']:>6} {extra}")


HEADER = f"{'N':>12} {'Msg F1':>8} {'Src F1':>8} {'Msg P':>7} {'Msg R':>7} {'sugg P':>8} {'shown':>6} notes"


def curve_point(n: int, pool: list[Processed], validation: list[Processed], target: list[Processed],
                base: dict) -> tuple:
    """One point of the curve: re-scorer, corrector, both (thresholds and
    margin chosen on ``validation``, scored on ``target``)."""
    ex, src_ex = examples(pool[:n])
    t = time.perf_counter()
    model = train(ex, src_ex)
    t_model = time.perf_counter() - t
    thr, sthr = choose_thresholds(model, validation)
    res = evaluate(target, model, thr, sthr)
    print(row(str(n), res, f"re-scorer: {len(ex)} claims, thresholds {thr:.2f}/{sthr:.2f}, "
              f"learned in {t_model:.2f} s; " + delta(res, base)))
    t = time.perf_counter()
    corrector = train_corrector(correction_cases(pool[:n]))
    t_corr = time.perf_counter() - t
    finder, corrector.finder = corrector.finder, None  # the spans alone first
    margin = choose_margin(corrector, validation)
    fixed, changed = correct_all(target, corrector)
    res = evaluate(target, corrected=fixed)
    print(row("+corrector", res, f"{corrector.counts['source_cases']} source cases, {len(corrector.edits)} edit "
              f"rules, margin {margin:.2f}, learned in {t_corr:.2f} s; changed {changed['sources']} sources, "
              f"{changed['messages']} messages; " + delta(res, base)))
    corrector.finder = finder
    threshold = choose_finder(corrector, validation)
    if threshold is not None:
        fixed, changed = correct_all(target, corrector)
        res = evaluate(target, corrected=fixed)
        print(row("+finder", res, f"corrector with the claim finder: {corrector.finder.counts['kept']} of "
                  f"{corrector.finder.counts['examples']} unattributed kept as speech, threshold {threshold:.2f}, "
                  f"{changed['found']} claims found; " + delta(res, base)))
    val_fixed = correct_all(validation, corrector)[0]
    thr, sthr = choose_thresholds(model, validation, val_fixed)
    res = evaluate(target, model, thr, sthr, fixed)
    print(row("+corr+model", res, f"thresholds {thr:.2f}/{sthr:.2f}; " + delta(res, base)))
    return model, corrector


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", default="25,50,100,200,400")
    ap.add_argument("--develop", action="store_true",
                    help="learn on the tune part, choose and score on dev-rest (never the held-out quarter)")
    ap.add_argument("--no-lexicon", action="store_true", help="skip the learned-lexicon rows (they re-highlight)")
    ap.add_argument("--separation", action="store_true",
                    help="how well the re-scorer separates kept from rejected suggestions with and without the "
                         "cue's lemma, the lexicon's precision and the cue's word form (tune <-> dev-rest)")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data}: SpkAtt data not found", file=sys.stderr)
        return 2
    from annotator.core.highlight import load_highlighter

    hl = load_highlighter("blank")
    print(f"pipeline {hl.name} {hl.version}")
    t0 = time.perf_counter()
    dev_files = spkatt_files(args.data, "dev")
    dev = process(dev_files, hl)
    if args.separation:
        separation(dev)
        return 0
    if args.develop:
        tune = [d for i, d in enumerate(dev) if i % 4 in (0, 1)]
        rest = [d for i, d in enumerate(dev) if i % 4 in (2, 3)]
        print(f"develop: learn on {len(tune)} tune articles, choose and score on {len(rest)} dev-rest articles")
        print(HEADER)
        base = evaluate(rest)
        print(row("rules only", base))
        for n in [int(x) for x in args.sizes.split(",")]:
            curve_point(min(n, len(tune)), tune, rest, rest, base)
        return 0
    heldout_files = spkatt_files(args.data, "heldout")
    heldout = process(heldout_files, hl)
    print(f"highlighted and featurised {len(dev)} dev + {len(heldout)} held-out articles "
          f"in {time.perf_counter() - t0:.1f} s")
    train_pool, validation = dev[:-VALIDATION], dev[-VALIDATION:]
    print("\nlearning curve (held-out quarter; thresholds and margin chosen on the last "
          f"{VALIDATION} dev articles)")
    print(HEADER)
    base = evaluate(heldout)
    print(row("rules only", base))
    for n in [int(x) for x in args.sizes.split(",")]:
        model, corrector = curve_point(n, train_pool, validation, heldout, base)
        if not args.no_lexicon:
            lex_row(n, train_pool[:n], heldout_files, dev_files[-VALIDATION:], base, model)
    bench_speed(dev, heldout, heldout_files, hl, model, corrector)
    bench_project(dev, hl)
    print("load average (1/5/15 min): %.2f %.2f %.2f on %d CPUs" % (*os.getloadavg(), os.cpu_count()))
    return 0


# feature sets of the separation table: what the re-scorer learns a verb form's
# precision from, now that the lexicon's precision is the grammar's share per lemma
SEPARATION_VARIANTS = (
    ("as shipped (lemma, form kind, grammar precision)", (), False),
    ("without the lexicon's precision", ("cue_precision",), False),
    ("without precision and lemma", ("cue_precision", "cue_lemma"), False),
    ("with the cue's word form (learned per form)", (), True),
)


def separation(dev: list[Processed]) -> None:
    """Area under the ROC curve and log loss of P(kept) for the attributed
    suggestions, learning on tune and scoring dev-rest, then the other way
    (no threshold: the hiding threshold's choice on a few articles is noisier
    than the differences measured here)."""
    from sklearn.metrics import log_loss, roc_auc_score

    tune = [d for i, d in enumerate(dev) if i % 4 in (0, 1)]
    rest = [d for i, d in enumerate(dev) if i % 4 in (2, 3)]

    def rows(docs: list[Processed], drop: tuple[str, ...], word: bool) -> list[Example]:
        out = []
        for d in docs:
            for c, f, ok in zip(d.claims, d.features, d.accepted):
                if f["attribution"] == "unattributed":
                    continue
                g = {k: v for k, v in f.items() if k not in drop}
                if word and "cue_form" in f and c.cue is not None:
                    g["cue_word"] = c.cue.text(d.gold.text).lower()
                out.append(Example(g, ok))
        return out

    print("separation of kept and rejected suggestions (AUC / log loss; learn on one part, score the other)")
    print(f"{'features':52s} {'tune -> dev-rest':>18} {'dev-rest -> tune':>18}")
    for name, drop, word in SEPARATION_VARIANTS:
        cells = []
        for learn_on, score_on in ((tune, rest), (rest, tune)):
            model = train(rows(learn_on, drop, word))
            scored = rows(score_on, drop, word)
            p = [model.probability(e.features) for e in scored]
            y = [int(e.accepted) for e in scored]
            cells.append(f"{roc_auc_score(y, p):.4f} / {log_loss(y, p):.4f}")
        print(f"{name:52s} {cells[0]:>18} {cells[1]:>18}")


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


def cpu() -> float:
    """CPU seconds of this process (the machine is shared: wall time is noisy)."""
    return time.process_time()


def bench_speed(dev, heldout, heldout_files, hl, model, corrector) -> None:
    """Learning time for 10,000 claims (re-scorer: features + fit; corrector:
    candidates, features, fit, edit rules) and the cost of re-scoring and
    correcting beside highlighting, in CPU seconds."""
    pool = [(d, i) for d in dev for i in range(len(d.claims))]
    print("\nlearning time by size, CPU seconds (re-scorer: features + fit; corrector: candidates + fit + edits):")
    for size in (2_500, 5_000, 10_000):
        chosen = [pool[i % len(pool)] for i in range(size)]
        t = cpu()
        ex = [Example(suggestion_features(d.gold.text, d.claims[i]), d.accepted[i]) for d, i in chosen]
        train(ex)
        t_model = cpu() - t
        t = cpu()
        train_corrector([CorrectionCase(d.gold.text, d.claims[i], d.gold_message[i], d.gold_source[i])
                         for d, i in chosen])
        t_corr = cpu() - t
        print(f"  {size:>6} claims  re-scorer {t_model:5.2f} s  corrector {t_corr:5.2f} s  "
              f"together {t_model + t_corr:5.2f} s  (load {os.getloadavg()[0]:.1f})")
    texts = [load_spkatt_file(f).text for f in heldout_files]
    corrector.margin = DEFAULT_MARGIN  # as a project uses it (the curve's margin may switch the chooser off)
    pieces = {"corrector (spans)": replace(corrector, finder=None),
              "claim finder": Corrector(None, [], 1.01, finder=corrector.finder),
              "corrector + finder": corrector}
    # best of three runs each: the minimum is the cost
    t_hl = t_rs = float("inf")
    cost = dict.fromkeys(pieces, float("inf"))
    for _ in range(3):
        t = cpu()
        all_claims = [list(doc._.annotator_claims) for doc in hl.nlp.pipe(texts, batch_size=32)]
        t_hl = min(t_hl, cpu() - t)
        t = cpu()
        for text, claims in zip(texts, all_claims):
            for c in claims:
                model.probability(suggestion_features(text, c))
        t_rs = min(t_rs, cpu() - t)
        for name, piece in pieces.items():
            article_tokens.cache_clear()  # each piece cuts the articles itself, as in use
            t = cpu()
            for text, claims in zip(texts, all_claims):
                piece.correct(text, claims)
            cost[name] = min(cost[name], cpu() - t)
    n = sum(len(c) for c in all_claims)
    print(f"\n{n} suggestions of {len(texts)} held-out articles, CPU seconds (best of 3), beside highlighting "
          f"{t_hl:.3f} s (load {os.getloadavg()[0]:.1f}):")
    print(f"  re-scoring {t_rs:.3f} s ({100 * t_rs / t_hl:.1f}% added)")
    print(f"  (the corrector's source chooser at margin {corrector.margin}, as a project uses it)")
    for name, t in cost.items():
        print(f"  {name} {t:.3f} s ({100 * t / t_hl:.1f}% added)")
    everything = t_rs + cost["corrector + finder"]
    print(f"  all learned pieces {everything:.3f} s ({100 * everything / t_hl:.1f}% added)")


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
