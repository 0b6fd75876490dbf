"""A lead merges the annotators' databases: nothing is lost, order does not
matter, merging twice changes nothing, and bad inputs are refused."""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_team_support import file_digest, fork, judge, make_lead

from annotator.core.models import Annotation, Decision, SourceType
from annotator.core.project import Project
from annotator.core.sources import actions as sources
from annotator.core.team.canonical import canonical_dump
from annotator.core.team.merge import MergeCancelled, merge_databases
from annotator.core.team.merge_input import MergeError
from annotator.core.team.versions import version_hash, version_of


@pytest.fixture
def lead(tmp_path) -> Path:
    return make_lead(tmp_path / "lead.sqlite")


def test_two_annotators_work_is_merged_with_identity_and_history(tmp_path, lead):
    anna, ben = fork(lead, tmp_path / "anna.sqlite"), fork(lead, tmp_path / "ben.sqlite")
    with Project.open(anna) as project:
        judge(project, "anna", 0, 0, reliability="A")
        anna_uuid = project.uuid
    with Project.open(ben) as project:
        judge(project, "ben", 0, 0, reliability="C")
        judge(project, "ben", 1, 1, decision=Decision.REJECT, reliability=None, credibility=None)
        ben_uuid = project.uuid
    summary = merge_databases([anna, ben], tmp_path / "out.sqlite")
    assert summary.annotations == {"anna": 1, "ben": 2}
    assert (summary.articles, summary.suggestions, summary.conflicts) == (3, 6, 0)
    with Project.open(tmp_path / "out.sqlite") as merged:
        mine = merged.annotations(annotator="anna")[0]
        assert mine.origin_db == anna_uuid and mine.reliability == "A"
        assert merged.suggestion(mine.suggestion_id).start == 0
        assert len(merged.change_log()) == 3
        assert {e.db_uuid for e in merged.change_log(mine.id)} == {anna_uuid}
        assert json.loads(merged.meta("merged_from")) == sorted([anna_uuid, ben_uuid])


def test_inputs_are_never_modified(tmp_path, lead):
    anna = fork(lead, tmp_path / "anna.sqlite")
    with Project.open(anna) as project:
        judge(project, "anna", 0, 0)
    before = {p: file_digest(p) for p in (lead, anna)}
    merge_databases([lead, anna], tmp_path / "out.sqlite")
    assert {p: file_digest(p) for p in (lead, anna)} == before


def test_same_claim_edited_in_two_copies_newer_wins_and_conflict_is_kept(tmp_path, lead):
    anna = fork(lead, tmp_path / "anna.sqlite")
    with Project.open(anna) as project:
        first = judge(project, "anna", 0, 0, reliability="B", note="first look")
    laptop = fork(anna, tmp_path / "anna-laptop.sqlite")
    with Project.open(anna) as project:  # both copies edit the same revision apart
        project.save_annotation(first.evolve(reliability="C", note="at the office"))
    with Project.open(laptop) as project:
        newer = project.save_annotation(first.evolve(reliability="D", note="on the train"))
    summary = merge_databases([laptop, anna], tmp_path / "out.sqlite")
    assert summary.conflicts == 1 and summary.new_conflicts == 1
    with Project.open(tmp_path / "out.sqlite") as merged:
        kept = merged.annotation(first.id)
        assert (kept.reliability, kept.note, kept.revision) == ("D", "on the train", newer.revision)
        row = merged.db.execute("SELECT kept_annotation_id, dropped FROM merge_conflicts").fetchone()
        assert row[0] == first.id and json.loads(row[1])["note"] == "at the office"


def test_an_annotators_own_later_revision_is_history_not_a_conflict(tmp_path, lead):
    anna = fork(lead, tmp_path / "anna.sqlite")
    with Project.open(anna) as project:
        first = judge(project, "anna", 0, 0, reliability="B", note="first look")
    old_copy = fork(anna, tmp_path / "anna-monday.sqlite")
    with Project.open(anna) as project:
        project.save_annotation(first.evolve(reliability="D", note="second look"))
        project.save_annotation(first.evolve(reliability="E", note="third look"))
    summary = merge_databases([old_copy, anna], tmp_path / "out.sqlite")
    assert summary.conflicts == 0 and "conflicts: 0 (0 new)" in summary.lines()
    again = merge_databases([tmp_path / "out.sqlite", anna], tmp_path / "again.sqlite")
    assert again.conflicts == 0
    with Project.open(tmp_path / "again.sqlite") as merged:
        assert merged.annotation(first.id).note == "third look"
        assert [e.action for e in merged.change_log(first.id)] == ["create", "update", "update"]


def test_one_annotator_judging_a_suggestion_in_two_databases_keeps_the_newer(tmp_path, lead):
    office, home = fork(lead, tmp_path / "office.sqlite"), fork(lead, tmp_path / "home.sqlite")
    with Project.open(office) as project:
        judge(project, "anna", 0, 0, reliability="A")
    with Project.open(home) as project:
        later = judge(project, "anna", 0, 0, reliability="E")
    summary = merge_databases([office, home], tmp_path / "out.sqlite")
    assert summary.annotations == {"anna": 1} and summary.conflicts == 1
    with Project.open(tmp_path / "out.sqlite") as merged:
        assert merged.annotations()[0].id == later.id


def test_a_deleted_claim_stays_deleted_when_an_older_copy_is_merged(tmp_path, lead):
    anna = fork(lead, tmp_path / "anna.sqlite")
    with Project.open(anna) as project:
        claim = judge(project, "anna", 0, 0)
    old_copy = fork(anna, tmp_path / "old.sqlite")
    with Project.open(anna) as project:
        project.delete_annotation(claim.id)
    summary = merge_databases([old_copy, anna], tmp_path / "out.sqlite")
    assert summary.annotations == {} and summary.conflicts == 0
    with Project.open(tmp_path / "out.sqlite") as merged:
        assert [e.action for e in merged.change_log(claim.id)] == ["create", "delete"]


def test_cancelled_merge_leaves_no_output(tmp_path, lead):
    with pytest.raises(MergeCancelled):
        merge_databases([lead], tmp_path / "out.sqlite", should_cancel=lambda: True)
    assert list(tmp_path.iterdir()) == [lead] or not (tmp_path / "out.sqlite").exists()
    assert not any(p.name.startswith(".out") for p in tmp_path.iterdir())


# -- refusals: a clear message naming the file, and no output ----------------


def refused(inputs, output: Path, match: str) -> None:
    with pytest.raises(MergeError, match=match):
        merge_databases(inputs, output)
    assert not output.exists()


def test_refuses_a_file_that_is_not_sqlite(tmp_path, lead):
    text = tmp_path / "notes.sqlite"
    text.write_text("Dies ist keine Datenbank.\n" * 200)
    refused([lead, text], tmp_path / "out.sqlite", "notes.sqlite: not a SQLite database")


def test_refuses_a_corrupt_database(tmp_path, lead):
    broken = fork(lead, tmp_path / "broken.sqlite")
    data = bytearray(broken.read_bytes())
    page = 4096
    data[page * 2:page * 4] = random.Random(7).randbytes(page * 2)
    broken.write_bytes(bytes(data))
    refused([lead, broken], tmp_path / "out.sqlite", "broken.sqlite: .*corrupt")


def test_refuses_a_database_from_a_newer_version(tmp_path, lead):
    newer = fork(lead, tmp_path / "newer.sqlite")
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('annotator', 'm999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    refused([lead, newer], tmp_path / "out.sqlite", "newer.sqlite: written by a newer version")


def test_refuses_an_output_that_is_an_input(tmp_path, lead):
    before = file_digest(lead)
    with pytest.raises(MergeError, match="the output is also an input"):
        merge_databases([lead], lead)
    assert file_digest(lead) == before


def test_refuses_an_sqlite_file_of_another_program_and_a_missing_file(tmp_path, lead):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    refused([lead, other], tmp_path / "out.sqlite", "other.sqlite: .*not an annotator project")
    refused([lead, tmp_path / "gone.sqlite"], tmp_path / "out.sqlite", "gone.sqlite: no such file")


def test_refuses_to_overwrite_an_existing_output_unless_asked(tmp_path, lead):
    out = tmp_path / "out.sqlite"
    merge_databases([lead], out)
    with pytest.raises(MergeError, match="already exists"):
        merge_databases([lead], out)
    merge_databases([lead], out, overwrite=True)


# -- properties, on generated histories of forked databases ------------------

# Few annotators and claims, so copies often touch the same claim (conflicts).
ANNOTATORS = ["anna", "ben"]
operation = st.one_of(
    st.tuples(st.just("fork"), st.integers(0, 9)),
    st.tuples(st.just("judge"), st.integers(0, 9), st.sampled_from(ANNOTATORS),
              st.integers(0, 1), st.integers(0, 1), st.sampled_from("ABCDEF")),
    st.tuples(st.just("add"), st.integers(0, 9), st.sampled_from(ANNOTATORS),
              st.integers(0, 40), st.integers(1, 30)),
    st.tuples(st.just("edit"), st.integers(0, 9), st.integers(0, 20), st.sampled_from("ABCDEF")),
    st.tuples(st.just("delete"), st.integers(0, 9), st.integers(0, 20)),
    # the source registry (issue 14): entities, aliases, renames, claim links
    st.tuples(st.just("source"), st.integers(0, 9), st.integers(0, 4), st.sampled_from(list(SourceType))),
    st.tuples(st.just("alias"), st.integers(0, 9), st.integers(0, 4), st.integers(0, 4)),
    st.tuples(st.just("rename"), st.integers(0, 9), st.integers(0, 4), st.integers(0, 4)),
    st.tuples(st.just("link"), st.integers(0, 9), st.integers(0, 20), st.integers(0, 4)),
)
SOURCE_NAMES = ["Wolodymyr Selenskyj", "Selenskyj", "Zelensky", "ukrainischer Geheimdienst", "NATO"]


def run_history(folder: Path, operations) -> list[Path]:
    databases = [make_lead(folder / "db0.sqlite")]
    with Project.open(databases[0]) as project:  # shared history before the first copy
        judge(project, "anna", 0, 0)
        judge(project, "ben", 0, 1)
    databases.append(fork(databases[0], folder / "db1.sqlite"))
    for op, index, *args in operations:
        path = databases[index % len(databases)]
        if op == "fork":
            databases.append(fork(path, folder / f"db{len(databases)}.sqlite"))
            continue
        with Project.open(path) as project:
            apply_operation(project, op, args)
    return databases


def apply_operation(project: Project, op: str, args: list) -> None:
    existing = project.annotations()
    if op == "judge":
        name, article, suggestion, grade = args
        judge(project, name, article, suggestion, reliability=grade)
    elif op == "add":
        name, start, length = args
        # any stored span, also one from before the span rules: merge keeps it as it is
        project.save_annotation(Annotation(
            article_id=project.article_ids()[0], annotator=name, decision=Decision.ACCEPT,
            start=start, end=start + length), span_rules=False)
    elif op == "edit" and existing:
        chosen = existing[args[0] % len(existing)]
        project.save_annotation(chosen.evolve(reliability=args[1], note=f"edit {args[1]}"))
    elif op == "delete" and existing:
        project.delete_annotation(existing[args[0] % len(existing)].id)
    elif op in ("source", "alias", "rename", "link"):
        apply_registry_operation(project, op, args, existing)


def apply_registry_operation(project: Project, op: str, args: list, existing) -> None:
    try:
        if op == "source":
            sources.create(project, SOURCE_NAMES[args[0]], args[1], created_by="anna")
        elif op == "alias":
            sources.add_alias(project, SOURCE_NAMES[args[0]], SOURCE_NAMES[args[1]])
        elif op == "rename":
            sources.rename(project, SOURCE_NAMES[args[0]], SOURCE_NAMES[args[1]])
        elif op == "link" and existing:
            sources.link_claim(project, existing[args[0] % len(existing)].id, SOURCE_NAMES[args[1]], "anna")
    except sources.SourceError:
        pass  # e.g. no such source in this copy: the user is told, nothing changes


def input_versions(path: Path) -> list[tuple[dict, str]]:
    """Every annotation of an input as a database-independent version."""
    with Project.open(path, create=False) as project:
        rows = project.db.execute(
            'SELECT a.*, s.start AS s_start, s."end" AS s_end FROM annotations a '
            "LEFT JOIN suggestions s ON s.id = a.suggestion_id").fetchall()
        names = [d[0] for d in project.db.execute("SELECT * FROM annotations LIMIT 0").description]
    out = []
    for row in rows:
        record = dict(zip(names, row[:len(names)]))
        span = None if row[-2] is None else (row[-2], row[-1])
        out.append((version_of(record, span), record["id"]))
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations=st.lists(operation, min_size=1, max_size=14), seed=st.integers(0, 1000))
def test_merge_is_order_independent_idempotent_and_loses_nothing(operations, seed):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        databases = run_history(folder, operations)
        digests = {p: file_digest(p) for p in databases}
        summary = merge_databases(databases, folder / "a.sqlite")
        event(f"conflicts recorded: {summary.conflicts > 0}")
        shuffled = list(databases)
        random.Random(seed).shuffle(shuffled)
        merge_databases(shuffled + shuffled[:1], folder / "b.sqlite")
        merged = canonical_dump(folder / "a.sqlite")
        event(f"registry sources merged: {min(len(merged['sources']), 2)}, "
              f"claim links: {min(len(merged['annotation_sources']), 1)}")
        assert canonical_dump(folder / "b.sqlite") == merged
        merge_databases([folder / "a.sqlite", databases[seed % len(databases)]], folder / "c.sqlite")
        assert canonical_dump(folder / "c.sqlite") == merged
        assert {p: file_digest(p) for p in databases} == digests
        assert_nothing_lost(databases, folder / "a.sqlite")


def assert_nothing_lost(databases: list[Path], output: Path) -> None:
    """Each input annotation is in the output, or a recorded conflict, or deleted
    later, or history: an earlier revision its change log shows edited further."""
    kept = {version_hash(v) for v, _ in input_versions(output)}
    with Project.open(output, create=False) as merged:
        conflicts = {r[0] for r in merged.db.execute("SELECT version_hash FROM merge_conflicts")}
        deleted = {e.annotation_id: e.at for e in merged.change_log() if e.action == "delete"}
        log = {(e.annotation_id, e.at, e.action, e.db_uuid) for e in merged.change_log()}
        history = {(e.annotation_id, e.before["revision"], e.before["updated_at"])
                   for e in merged.change_log() if e.action == "update"}
    for path in databases:
        for version, annotation_id in input_versions(path):
            digest = version_hash(version)
            assert (digest in kept or digest in conflicts
                    or deleted.get(annotation_id, "") >= version["updated_at"]
                    or (annotation_id, version["revision"], version["updated_at"]) in history), version
        with Project.open(path, create=False) as project:
            assert {(e.annotation_id, e.at, e.action, e.db_uuid) for e in project.change_log()} <= log


def test_an_article_whose_copies_differ_in_whitespace_is_reported(tmp_path):
    from annotator.core.models import NewArticle

    for name, text in (("a", "Der Minister sagte, alles sei gut."),
                       ("b", "Der Minister  sagte,\nalles sei gut.")):
        with Project.open(tmp_path / f"{name}.sqlite") as project:
            project.add_article(NewArticle(text=text))
    summary = merge_databases([tmp_path / "a.sqlite", tmp_path / "b.sqlite"], tmp_path / "out.sqlite")
    assert summary.articles == 1 and len(summary.text_differs) == 1
    assert any(line.startswith("warning: 1 article(s) differ") for line in summary.lines())


def test_merging_a_database_an_annotator_still_has_open(tmp_path, lead):
    """Their latest saves may still sit in the -wal file: the merge sees them,
    and neither the file nor the open session is disturbed."""
    anna = fork(lead, tmp_path / "anna.sqlite")
    with Project.open(anna) as session:  # the annotator's app, still running
        claim = judge(session, "anna", 0, 0, reliability="C")
        assert Path(f"{anna}-wal").stat().st_size > 0
        before = file_digest(anna)
        merge_databases([lead, anna], tmp_path / "out.sqlite")
        assert file_digest(anna) == before
        judge(session, "anna", 0, 1)  # and they keep working
    with Project.open(tmp_path / "out.sqlite") as merged, Project.open(lead) as source:
        assert merged.annotation(claim.id).reliability == "C"
        assert merged.integrity_check() == "ok"
        assert merged.schema_version == source.schema_version
