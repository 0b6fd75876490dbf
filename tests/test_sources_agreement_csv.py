"""Source-level agreement and the team's CSV list of known sources."""

from __future__ import annotations

import pytest

from annotator.core.importer import InputError
from annotator.core.models import SourceType
from annotator.core.sources.agreement import source_grade_agreement
from annotator.core.sources.csv_input import read_sources_csv
from annotator.core.sources.registry import SourceGrade


def g(source, annotator, grade, at="2026-01-01"):
    return SourceGrade(source, annotator, grade, at)


def test_annotators_grading_sources_alike_agree():
    grades = [g("s1", "anna", "A"), g("s1", "ben", "A"), g("s2", "anna", "D"), g("s2", "ben", "D"),
              g("s3", "anna", "B"), g("s3", "ben", "B")]
    report = source_grade_agreement(grades)
    assert report.value == pytest.approx(1.0) and report.n == 3


def test_only_the_latest_grade_counts_and_f_is_no_value():
    grades = [g("s1", "anna", "E", "2026-01-01"), g("s1", "anna", "A", "2026-02-01"), g("s1", "ben", "A"),
              g("s2", "anna", "D"), g("s2", "ben", "D"), g("s3", "anna", "F"), g("s3", "ben", "B"),
              g("s1", "@adjudicated", "C")]
    report = source_grade_agreement(grades)
    assert report.n == 2 and report.annotators == ("anna", "ben")
    assert report.value == pytest.approx(1.0)


def test_disagreement_lowers_alpha_and_one_grader_is_undefined():
    grades = [g("s1", "anna", "A"), g("s1", "ben", "E"), g("s2", "anna", "E"), g("s2", "ben", "A")]
    assert source_grade_agreement(grades).value < 0
    assert source_grade_agreement([g("s1", "anna", "A")]).value is None


def write(tmp_path, text, name="sources.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_team_list_is_read_with_aliases_types_and_grades(tmp_path):
    path = write(tmp_path, "name,aliases,type,grade,note,external_id\n"
                           "Wolodymyr Selenskyj,Selenskyj|Zelensky,person,b,ukrainischer Präsident,Q3881\n"
                           "südkoreanischer Geheimdienst,NIS,Intelligence service,,,\n")
    first, second = read_sources_csv(path)
    assert first.aliases == ("Selenskyj", "Zelensky") and first.grade == "B" and first.external_id == "Q3881"
    assert second.source_type is SourceType.INTELLIGENCE and second.grade is None and second.line == 3


@pytest.mark.parametrize("text, line, message", [
    ("alias\nx\n", 1, '"name" column'),
    ("name,colour\nx,red\n", 1, "unknown column"),
    ("name,grade\nNATO,A\nRUSI,G\n", 3, "grade must be A-F"),
    ("name,type\nNATO,alliance\n", 2, "unknown source type"),
    ("name,aliases\nNATO,\n ,x\n", 3, "name is empty"),
    ("name,aliases\nSelenskyj,\nWolodymyr Selenskyj,selenskyj\n", 3, "already named on line 2"),
    ("name\nNATO,extra\n", 2, "more fields"),
])
def test_bad_rows_are_refused_with_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        read_sources_csv(path)
    assert caught.value.line == line and message in caught.value.message
    assert str(path) in str(caught.value)


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("name\nSüddeutsche\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_sources_csv(path)
