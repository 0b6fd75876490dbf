"""Inter-annotator agreement over a merged project.

Definitions (see docs/team-workflow.md):

- an *item* is a suggestion judged by two or more annotators (the
  ``@adjudicated`` layer and other ``@`` layers are not annotators);
- Krippendorff's alpha per field: ordinal for source reliability (A-E) and
  information credibility (1-5), nominal for decision, source type and
  attribution form. F and 6 mean "cannot be judged": not a point on the
  scale, so they count as no value. Both are also counted the other way,
  as a category of their own (``reliability_f_as_category``,
  ``credibility_6_as_category``, nominal A-F / 1-6), since the two
  readings can differ widely on the same data;
- Cohen's kappa (unweighted) per annotator pair and field; "overall" is the
  mean over pairs (Light's kappa);
- weighted Cohen's kappa (linear and quadratic weights) for the ordinal
  grades, per pair and as the mean over pairs;
- span F1 per pair over the articles both worked on (judged at least one
  claim in): accepted claim spans (suggested and hand-added alike) and the
  distinct source spans of accepted claims, matched exactly and, one-to-one,
  by overlap. F1 = 2 * matched / (|A| + |B|); overall: pooled over pairs.

Every figure comes with ``n``, the number of items (articles for spans) it
rests on; ``value`` is None when the figure is undefined.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import combinations

from annotator.core.models import Attribution, SourceType
from annotator.core.project import Project
from annotator.core.sources.agreement import source_grade_agreement
from annotator.core.storage import annotations as annotation_store
from annotator.core.storage import sources as source_links
from annotator.core.team.coefficients import (
    Level,
    cohen_kappa,
    f1,
    krippendorff_alpha,
    matched_exact,
    matched_overlapping,
    pairable_items,
    weighted_kappa,
)


@dataclass(frozen=True)
class FieldSpec:
    level: Level
    domain: tuple
    column: str = ""  # the annotation field it reads ('' = its own name)


# The judged columns, in the order annotation_store.judgements_of_suggestions reads them.
COLUMNS = ("decision", "reliability", "credibility", "source_type", "attribution")
FIELDS = {
    "decision": FieldSpec("nominal", ("accept", "reject")),
    "reliability": FieldSpec("ordinal", ("A", "B", "C", "D", "E")),
    "credibility": FieldSpec("ordinal", (1, 2, 3, 4, 5)),
    "source_type": FieldSpec("nominal", tuple(s.value for s in SourceType)),
    "attribution": FieldSpec("nominal", tuple(a.value for a in Attribution)),
    # "cannot be judged" as a category of its own rather than as no value
    "reliability_f_as_category": FieldSpec("nominal", ("A", "B", "C", "D", "E", "F"), "reliability"),
    "credibility_6_as_category": FieldSpec("nominal", (1, 2, 3, 4, 5, 6), "credibility"),
}
WEIGHTED = tuple(f"{name} ({weights})" for name, spec in FIELDS.items() if spec.level == "ordinal"
                 for weights in ("linear", "quadratic"))
SPAN_MEASURES = ("claim", "claim_overlap", "source", "source_overlap")


@dataclass
class Figure:
    value: float | None
    n: int


@dataclass
class PairAgreement:
    first: str
    second: str
    items: int
    alpha: dict[str, Figure] = field(default_factory=dict)
    kappa: dict[str, Figure] = field(default_factory=dict)
    spans: dict[str, Figure] = field(default_factory=dict)
    weighted_kappa: dict[str, Figure] = field(default_factory=dict)


@dataclass
class AgreementReport:
    annotators: list[str]
    items: int
    alpha: dict[str, Figure] = field(default_factory=dict)
    kappa: dict[str, Figure] = field(default_factory=dict)
    spans: dict[str, Figure] = field(default_factory=dict)
    pairs: list[PairAgreement] = field(default_factory=list)
    weighted_kappa: dict[str, Figure] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    def rows(self) -> list[tuple[str, str, float | None, int]]:
        """(scope, measure, value, n) for tables: overall first, then each pair."""
        out = _figure_rows("overall", self.alpha, self.kappa, self.spans, self.weighted_kappa)
        for pair in self.pairs:
            out += _figure_rows(f"{pair.first} ~ {pair.second}", pair.alpha, pair.kappa, pair.spans,
                                pair.weighted_kappa)
        return out


def _figure_rows(scope: str, alpha: dict, kappa: dict, spans: dict, weighted: dict) -> list[tuple]:
    rows = [(scope, f"alpha {name}", f.value, f.n) for name, f in alpha.items()]
    rows += [(scope, f"kappa {name}", f.value, f.n) for name, f in kappa.items()]
    rows += [(scope, f"weighted kappa {name}", f.value, f.n) for name, f in weighted.items()]
    rows += [(scope, f"span F1 {name}", f.value, f.n) for name, f in spans.items()]
    return rows


def code(field_name: str, value) -> int | None:
    """A field's value as its position on the scale; None for no value."""
    domain = FIELDS[field_name].domain
    return domain.index(value) if value in domain else None


def _value(by: dict, field_name: str):
    return by[FIELDS[field_name].column or field_name]


def measure_agreement(project: Project) -> AgreementReport:
    judgements = _judgements(project)
    items = {s: by for s, by in judgements.items() if len(by) >= 2}
    annotators = sorted({name for by in items.values() for name in by}
                        | set(_worked_articles(project)))
    report = AgreementReport(annotators=annotators, items=len(items))
    report.alpha = _alpha(items, annotators)
    spans = _span_sets(project)
    worked = _worked_articles(project)
    for first, second in combinations(annotators, 2):
        shared = {s: by for s, by in items.items() if first in by and second in by}
        pair = PairAgreement(first, second, items=len(shared))
        pair.alpha = _alpha(shared, [first, second])
        pair.kappa = {name: _kappa(shared, first, second, name) for name in FIELDS}
        pair.weighted_kappa = _weighted(shared, first, second)
        pair.spans = _pair_spans(spans, worked, first, second)
        report.pairs.append(pair)
    report.kappa = {name: _mean_kappa(report.pairs, name) for name in FIELDS}
    report.weighted_kappa = {name: _mean_figure([p.weighted_kappa[name] for p in report.pairs])
                             for name in WEIGHTED}
    report.spans = _pooled_spans(report.pairs, spans, worked)
    report.alpha["source_level_reliability"] = _source_level(project, annotators)
    return report


def _source_level(project: Project, annotators: list[str]) -> Figure:
    """Alpha over each annotator's current grade of each registry source
    (docs/sources.md), beside the claim-level figures."""
    found = source_grade_agreement(source_links.current_grades_of_all(project.db), annotators or None)
    return Figure(found.value, found.n)


def _judgements(project: Project) -> dict[int, dict[str, dict]]:
    cursor = annotation_store.judgements_of_suggestions(project.db)
    out: dict[int, dict[str, dict]] = {}
    for suggestion_id, annotator, *values in cursor:
        out.setdefault(suggestion_id, {})[annotator] = dict(zip(COLUMNS, values))
    return out


def _alpha(items: dict[int, dict[str, dict]], annotators: list[str]) -> dict[str, Figure]:
    figures = {}
    for name, spec in FIELDS.items():
        units = [[code(name, _value(items[s][a], name)) if a in items[s] else None for s in items]
                 for a in annotators]
        figures[name] = Figure(krippendorff_alpha(units, spec.level, range(len(spec.domain))),
                               pairable_items(units))
    return figures


def _kappa(items: dict[int, dict[str, dict]], first: str, second: str, name: str) -> Figure:
    pairs = _coded_pairs(items, first, second, name)
    return Figure(cohen_kappa(pairs), len(pairs))


def _coded_pairs(items: dict[int, dict[str, dict]], first: str, second: str,
                 name: str) -> list[tuple[int, int]]:
    pairs = [(code(name, _value(by[first], name)), code(name, _value(by[second], name)))
             for by in items.values()]
    return [(a, b) for a, b in pairs if a is not None and b is not None]


def _weighted(items: dict[int, dict[str, dict]], first: str, second: str) -> dict[str, Figure]:
    figures = {}
    for name, spec in FIELDS.items():
        if spec.level != "ordinal":
            continue
        pairs = _coded_pairs(items, first, second, name)
        for weights in ("linear", "quadratic"):
            value = weighted_kappa(pairs, len(spec.domain), weights)
            figures[f"{name} ({weights})"] = Figure(value, len(pairs))
    return figures


def _mean_kappa(pairs: list[PairAgreement], name: str) -> Figure:
    return _mean_figure([p.kappa[name] for p in pairs])


def _mean_figure(figures: list[Figure]) -> Figure:
    """The mean of the defined figures (Light's kappa over pairs), with their n summed."""
    defined = [f for f in figures if f.value is not None]
    return Figure(sum(f.value for f in defined) / len(defined) if defined else None,  # type: ignore[misc]
                  sum(f.n for f in defined))


def _worked_articles(project: Project) -> dict[str, set[str]]:
    worked: dict[str, set[str]] = {}
    for annotator, article_id in annotation_store.worked_articles(project.db):
        worked.setdefault(annotator, set()).add(article_id)
    return worked


SpanSets = dict[tuple[str, str], tuple[set, set]]  # (annotator, article) -> (claims, sources)


def _span_sets(project: Project) -> SpanSets:
    sets: SpanSets = {}
    for annotator, article_id, start, end, s_start, s_end in annotation_store.accepted_spans(
            project.db):
        claims, sources = sets.setdefault((annotator, article_id), (set(), set()))
        claims.add((start, end))
        if s_start is not None:
            sources.add((s_start, s_end))
    return sets


def _span_counts(spans: SpanSets, worked: dict[str, set[str]], first: str, second: str) -> dict:
    counts = {m: [0, 0] for m in SPAN_MEASURES}  # matched, total
    for article_id in worked.get(first, set()) & worked.get(second, set()):
        left = spans.get((first, article_id), (set(), set()))
        right = spans.get((second, article_id), (set(), set()))
        for index, kind in enumerate(("claim", "source")):
            total = len(left[index]) + len(right[index])
            counts[kind][0] += matched_exact(left[index], right[index])
            counts[f"{kind}_overlap"][0] += matched_overlapping(left[index], right[index])
            counts[kind][1] += total
            counts[f"{kind}_overlap"][1] += total
    return counts


def _pair_spans(spans: SpanSets, worked: dict[str, set[str]], first: str, second: str) -> dict:
    articles = len(worked.get(first, set()) & worked.get(second, set()))
    counts = _span_counts(spans, worked, first, second)
    return {m: Figure(f1(*counts[m]), articles) for m in SPAN_MEASURES}


def _pooled_spans(pairs: list[PairAgreement], spans: SpanSets, worked: dict) -> dict:
    totals = {m: [0, 0] for m in SPAN_MEASURES}
    for pair in pairs:
        for measure, (matched, total) in _span_counts(spans, worked, pair.first, pair.second).items():
            totals[measure][0] += matched
            totals[measure][1] += total
    articles = sum(next(iter(p.spans.values())).n for p in pairs) if pairs else 0
    return {m: Figure(f1(*totals[m]), articles) for m in SPAN_MEASURES}
