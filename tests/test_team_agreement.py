"""Agreement figures a lead can trust: checked against published worked
examples and small cases computed by hand."""

from __future__ import annotations

import pytest
from test_team_support import judge, make_lead

from annotator.core.models import ADJUDICATED_LAYER, Annotation, Decision, SourceType
from annotator.core.project import Project
from annotator.core.team.agreement import measure_agreement
from annotator.core.team.coefficients import (
    cohen_kappa,
    f1,
    krippendorff_alpha,
    matched_overlapping,
    pairable_items,
)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the
# example with missing values: 4 observers, 12 units.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_alpha_matches_krippendorffs_worked_example():
    assert krippendorff_alpha(KRIPPENDORFF_2011, "nominal", range(1, 6)) == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(KRIPPENDORFF_2011, "interval", range(1, 6)) == pytest.approx(0.849, abs=5e-4)
    assert pairable_items(KRIPPENDORFF_2011) == 11  # unit 12 has a single value


def test_kappa_matches_the_textbook_example():
    # 50 items: both yes 20, yes/no 5, no/yes 10, both no 15 -> po .7, pe .5, kappa .4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_undefined_figures_are_none_not_errors():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("A", "A")] * 3) is None
    assert krippendorff_alpha([[1, 1], [1, 1]], "nominal", range(2)) is None
    assert krippendorff_alpha([[1, None], [None, 1]], "nominal", range(2)) is None
    assert f1(0, 0) is None


def test_overlap_matching_is_one_to_one():
    assert matched_overlapping({(0, 10), (12, 20)}, {(5, 15)}) == 1
    assert matched_overlapping({(0, 10), (12, 20)}, {(0, 9), (13, 30)}) == 2
    assert matched_overlapping({(0, 10)}, {(10, 20)}) == 0


@pytest.fixture
def two_reviewers(tmp_path) -> Project:
    """anna and ben judge four suggestions; ben adds one claim by hand."""
    with Project.open(make_lead(tmp_path / "team.sqlite")) as project:
        for name, grades in (("anna", ["B", "B", None, "F"]), ("ben", ["B", None, None, "C"])):
            decisions = ["accept", "accept" if name == "anna" else "reject", "reject", "accept"]
            for (article, suggestion), decision, grade in zip(
                    [(0, 0), (0, 1), (1, 0), (1, 1)], decisions, grades):
                judge(project, name, article, suggestion, decision=Decision(decision),
                      reliability=grade, source_type=SourceType.PERSON, credibility=None)
        project.save_annotation(Annotation(
            article_id=project.article_ids()[0], annotator="ben", decision=Decision.ACCEPT,
            start=22, end=38), span_rules=False)  # stored before the span rules: still compared
        judge(project, ADJUDICATED_LAYER, 0, 0, reliability="E")  # not an annotator
        yield project


def test_agreement_over_shared_items_computed_by_hand(two_reviewers):
    report = measure_agreement(two_reviewers)
    assert report.annotators == ["anna", "ben"] and report.items == 4
    # decisions (a,a) (a,r) (r,r) (a,a): po 3/4, pe 1/2 -> kappa 1/2;
    # alpha: 8 values, 5 a / 3 r, one disagreeing unit -> 1 - (2/8)/(30/56) = 8/15
    assert report.kappa["decision"].value == pytest.approx(0.5)
    assert report.kappa["decision"].n == 4
    assert report.alpha["decision"].value == pytest.approx(8 / 15)
    # reliability: F is "cannot be judged", no point on the scale -> one pair (B,B) left
    assert report.alpha["reliability"].n == 1 and report.kappa["reliability"].value is None
    assert report.alpha["source_type"].n == 4


def test_span_f1_exact_and_by_overlap(two_reviewers):
    pair = measure_agreement(two_reviewers).pairs[0]
    # article 0: anna {0-20, 21-40}, ben {0-20, 22-38}; article 1: both {21-40}
    assert pair.spans["claim"].value == pytest.approx(2 * 2 / 6)
    assert pair.spans["claim_overlap"].value == pytest.approx(1.0)
    assert pair.spans["claim"].n == 2
    assert pair.spans["source"].value is None  # no source spans marked


def test_rows_name_scope_measure_value_and_count(two_reviewers):
    rows = measure_agreement(two_reviewers).rows()
    assert ("overall", "kappa decision", pytest.approx(0.5), 4) in rows
    assert any(scope == "anna ~ ben" for scope, *_ in rows)


def test_weighted_kappa_matches_a_case_computed_by_hand():
    from annotator.core.team.coefficients import weighted_kappa

    # codes 0..2; linear costs 0, .5, 1: observed .25, expected 6/16 -> 1/3;
    # quadratic costs 0, .25, 1: observed .125, expected 3.5/16 -> 3/7
    pairs = [(0, 0), (0, 1), (1, 1), (2, 1)]
    assert weighted_kappa(pairs, 3, "linear") == pytest.approx(1 / 3)
    assert weighted_kappa(pairs, 3, "quadratic") == pytest.approx(3 / 7)
    assert weighted_kappa([(1, 1), (1, 1)], 3, "linear") is None  # one code only: undefined
    assert weighted_kappa([(0, 0), (2, 2)], 3, "quadratic") == 1.0


def test_grades_report_weighted_kappa_and_both_ways_of_counting_f_and_6(tmp_path):
    with Project.open(make_lead(tmp_path / "m.sqlite", copies=2)) as project:
        grades = [("A", "A"), ("B", "C"), ("C", "C"), ("E", "D"), ("F", "F"), ("F", "F"),
                  ("F", "B"), ("D", "D")]
        for index, (anna, ben) in enumerate(grades):
            judge(project, "anna", index // 2, index % 2, reliability=anna, credibility=6 if anna == "F" else 2)
            judge(project, "ben", index // 2, index % 2, reliability=ben, credibility=6 if ben == "F" else 2)
        report = measure_agreement(project)
    rows = {(scope, measure): (value, n) for scope, measure, value, n in report.rows()}
    linear = rows[("overall", "weighted kappa reliability (linear)")]
    quadratic = rows[("overall", "weighted kappa reliability (quadratic)")]
    assert linear[1] == quadratic[1] == 5  # F is no value on the A-E scale
    assert quadratic[0] > linear[0] > report.kappa["reliability"].value
    as_no_value = report.alpha["reliability"]
    as_category = report.alpha["reliability_f_as_category"]
    assert (as_no_value.n, as_category.n) == (5, 8)
    assert as_no_value.value != pytest.approx(as_category.value)
    assert report.kappa["credibility_6_as_category"].n == 8
    assert ("anna ~ ben", "weighted kappa credibility (quadratic)") in rows
