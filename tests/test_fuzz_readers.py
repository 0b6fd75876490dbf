"""Fuzzing the import readers: random bytes and random JSON shapes are
either refused with a message naming the file (and line), or stored exactly."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.importer import InputError, import_paths
from annotator.core.project import Project
from annotator.core.textnorm import clean_input_text

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10)


def import_file(name: str, data: bytes, *, skip_invalid: bool = False):
    """(summary or the InputError, stored texts, the file's path)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with Project.open(Path(folder) / "p.sqlite") as project:
            try:
                outcome: object = import_paths(project, [path], skip_invalid=skip_invalid)
            except InputError as error:
                outcome = error
            texts = [a.text for a in project.iter_articles()]
        return outcome, texts, path


def assert_named(error: InputError, path: Path) -> None:
    assert error.path == str(path) and str(error).startswith(str(path))
    assert error.line is None or error.line >= 1


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["a.jsonl", "a.csv", "a.txt"]))
def test_random_bytes_are_refused_by_name_or_imported(data, name):
    outcome, texts, path = import_file(name, data)
    if isinstance(outcome, InputError):
        assert_named(outcome, path)
        assert texts == []  # nothing of a refused import is stored
    else:
        assert outcome.imported == len(texts) >= 1


@FUZZ
@given(st.lists(st.dictionaries(st.sampled_from(["text", "id", "title", "meta", "x"]), json_values,
                                max_size=4), min_size=1, max_size=4))
def test_random_json_records_are_refused_by_line_or_stored_exactly(records):
    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    outcome, texts, path = import_file("a.jsonl", data, skip_invalid=True)
    assert not isinstance(outcome, InputError) or outcome.line is None  # only whole-file problems raise
    if isinstance(outcome, InputError):
        assert_named(outcome, path)
        return
    for error in outcome.skipped:
        assert_named(error, path)
        assert 1 <= error.line <= len(records)
    skipped_lines = {e.line for e in outcome.skipped}
    wanted = []
    for line, record in enumerate(records, start=1):
        if line not in skipped_lines:
            text = clean_input_text(record["text"])
            if text not in wanted:
                wanted.append(text)
    stored = {clean_input_text(t) for t in texts}
    assert all(text in texts for text in wanted) or stored >= set(wanted)
    assert outcome.imported + outcome.duplicates == len(records) - len(skipped_lines)


@FUZZ
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1), min_size=1,
                max_size=4))
def test_texts_round_trip_exactly_through_jsonl(texts):
    data = "".join(json.dumps({"text": t}) + "\n" for t in texts).encode("utf-8")
    outcome, stored, path = import_file("a.jsonl", data, skip_invalid=True)
    if isinstance(outcome, InputError):
        assert_named(outcome, path)
        return
    for text in texts:
        if clean_input_text(text).strip():
            assert clean_input_text(text) in stored
