"""Merging annotators' project databases into one new database.

The result depends only on the *set* of inputs: merging in any order gives
the same content, and merging a database in twice changes nothing. Rules:

- articles are deduplicated by content hash, suggestions by (article, span);
  when copies differ, a fixed rule picks one (earliest import, newest
  suggestion), never the order of the inputs;
- annotations keep their id, annotator and origin_db. Suggestion ids are
  local rowids, so an annotation's suggestion is carried as its span and
  looked up again in the output;
- the same annotation (same UUID) in two versions, or one annotator's two
  judgements of the same suggestion: the newer edit (updated_at, then
  revision) wins, and the losing version is stored in ``merge_conflicts``
  unless a change log shows it was edited further (an earlier revision of
  the same annotation is history, not a conflict);
- adjudication bases (what a final version was settled on) are carried:
  per final version the most recently settled basis;
- an annotation deleted in one copy stays deleted unless it was edited again
  after the deletion (the change logs say when);
- change logs are unioned: a log row is the same row in every copy.

Inputs are opened read-only; the output is written to a temporary file
next to it and renamed into place at the end, so a failed or cancelled
merge leaves no output behind.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.sources.team_merge import merge_registries_into
from annotator.core.storage import merging
from annotator.core.team.merge_input import (
    MergeError,
    Snapshot,
    probe_input,
    stage_input,
)
from annotator.core.team.merge_output import MergeOutput, MergeResult
from annotator.core.team.versions import claim_key, recency, version_hash


class MergeCancelled(Exception):
    pass


@dataclass
class MergeSummary:
    output: Path
    inputs: int
    articles: int
    suggestions: int
    annotations: dict[str, int]
    conflicts: int
    new_conflicts: int
    log_entries: int
    text_differs: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"merged {self.inputs} database(s) into {self.output}",
               f"articles: {self.articles}", f"suggestions: {self.suggestions}",
               f"annotations: {sum(self.annotations.values())}"]
        out += [f"  {name}: {count}" for name, count in sorted(self.annotations.items())]
        out.append(f"conflicts: {self.conflicts} ({self.new_conflicts} new)")
        out.append(f"change log entries: {self.log_entries}")
        if self.text_differs:
            out.append(f"warning: {len(self.text_differs)} article(s) differ in whitespace or "
                       "Unicode form between inputs; the earliest import's text was kept: "
                       + ", ".join(self.text_differs[:5]))
        return out


def merge_databases(inputs: Iterable[Path | str], output: Path | str, *, overwrite: bool = False,
                    on_progress: Callable[[int, int], None] | None = None,
                    should_cancel: Callable[[], bool] | None = None) -> MergeSummary:
    """Merge ``inputs`` into the new database ``output``; MergeError if refused."""
    paths, output = [Path(p) for p in inputs], Path(output)
    check_paths(paths, output, overwrite=overwrite)
    steps, done = 2 * len(paths) + 1, 0

    def step() -> None:
        nonlocal done
        if should_cancel and should_cancel():
            raise MergeCancelled()
        done += 1
        if on_progress:
            on_progress(done, steps)

    untouched = [p for p in paths if not any(Path(f"{p}{s}").exists() for s in ("-wal", "-shm"))]
    try:
        return _merge(paths, output, step, should_cancel)
    finally:
        # reading a WAL database creates -wal/-shm beside it: leave no trace
        for path in untouched:
            merging.release_input(path)


def _merge(paths: list[Path], output: Path, step: Callable[[], None],
           should_cancel: Callable[[], bool] | None) -> MergeSummary:
    for path in paths:  # every refusal comes before anything is written
        probe_input(path)
        step()
    with MergeOutput(output) as writer:
        state = _MergeState()
        for number, path in enumerate(paths):
            state.add(stage_input(writer.connection, path, number))
            step()
        result = state.resolve(writer.connection)
        log_entries = writer.write(result)
        writer.write_judgements(paths)
        assert writer.conn is not None  # open inside the with block
        merge_registries_into(writer.conn, paths)
        if should_cancel and should_cancel():
            raise MergeCancelled()
        writer.finish()
    _index_claims(output, should_cancel)
    step()
    return _summary(result, state, output, len(paths), log_entries)


def _index_claims(output: Path, should_cancel: Callable[[], bool] | None) -> None:
    """The merged claims' related-claims index (issue 15), so the window shows
    related claims at once; a cancelled build is left marked for the window."""
    from annotator.core.corroboration.project_claims import IndexBuildCancelled, build_index
    from annotator.core.project import Project

    with Project.open(output, create=False) as project:
        try:
            build_index(project, should_cancel=should_cancel)
        except IndexBuildCancelled:
            pass


def check_paths(inputs: list[Path], output: Path, *, overwrite: bool) -> None:
    """Refuse before any work: no inputs, output equal to an input, output in the way."""
    if not inputs:
        raise MergeError("nothing to merge: give at least one input database")
    for path in inputs:
        if path.resolve() == output.resolve() or (
                output.exists() and path.exists() and os.path.samefile(path, output)):
            raise MergeError(f"{output}: the output is also an input; inputs are never "
                             "modified, choose a new output file")
    if output.is_dir():
        raise MergeError(f"{output}: is a folder; give the output database file's name")
    if output.exists() and not overwrite:
        raise MergeError(f"{output}: already exists; choose a new name (or allow overwriting)")
    _check_writable(output)
    wal = Path(f"{output}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise MergeError(f"{output}: is open in another program (it has a -wal file); close it first")


def _check_writable(output: Path) -> None:
    """Refuse an output folder that is missing or not writable, before any work."""
    folder = output.parent
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{output.name}.probe-"):
            pass
    except OSError as error:
        raise MergeError(f"{output}: cannot write in {folder} ({error.strerror}); choose a folder "
                         "you can write to") from None


def _summary(result: MergeResult, state: _MergeState, output: Path, inputs: int,
             log_entries: int) -> MergeSummary:
    per_annotator: dict[str, int] = {}
    for name in state.winner_annotators:
        per_annotator[name] = per_annotator.get(name, 0) + 1
    return MergeSummary(
        output=output, inputs=inputs, articles=len(result.articles),
        suggestions=len(result.suggestions), annotations=per_annotator,
        conflicts=len(result.conflicts),
        new_conflicts=sum(1 for c in result.conflicts if c["version_hash"] not in state.carried),
        log_entries=log_entries, text_differs=sorted(state.text_differs))


@dataclass
class _MergeState:
    """The union of all inputs' small tables, folded in one input at a time;
    the annotations are read from the staging table once all are in."""

    articles: dict[str, dict] = field(default_factory=dict)
    suggestions: dict[tuple, dict] = field(default_factory=dict)
    annotators: dict[str, str] = field(default_factory=dict)
    assignments: dict[tuple, dict] = field(default_factory=dict)
    checks: dict[tuple, dict] = field(default_factory=dict)  # "checked, nothing to mark"
    carried: dict[str, dict] = field(default_factory=dict)
    bases: dict[str, list[dict]] = field(default_factory=dict)  # final id -> basis rows
    sources: set[str] = field(default_factory=set)
    winner_annotators: list[str] = field(default_factory=list)
    # Same content hash (normalized text) but different characters, e.g. line
    # ends: the earliest import's text is kept; offsets of others may be off.
    text_differs: set[str] = field(default_factory=set)

    def add(self, snap: Snapshot) -> None:
        self.sources.add(snap.uuid)
        for row in snap.articles:
            known = self.articles.get(row["id"])
            if known is not None and known["text"] != row["text"]:
                self.text_differs.add(row["id"])
            _keep(self.articles, row["id"], row, lambda r: (r["imported_at"], _order(r)), min)
        for row in snap.suggestions:
            key = (row["article_id"], row["start"], row["end"])
            _keep(self.suggestions, key, row, lambda r: (r["created_at"], _order(r)), max)
        for row in snap.annotators:
            _keep(self.annotators, row["name"], row["created_at"], lambda r: r, min)
        for row in snap.assignments:
            assignment = (row["article_id"], row["annotator"])
            _keep(self.assignments, assignment, row, lambda r: (r["assigned_at"], r["package_uuid"]), min)
        for row in snap.checks:  # a check in any input stands; the first time is kept
            _keep(self.checks, (row["article_id"], row["annotator"]), row, lambda r: r["checked_at"], min)
        for row in snap.conflicts:
            self.carried[row["version_hash"]] = row
        by_final: dict[str, list[dict]] = {}
        for row in snap.bases:
            by_final.setdefault(row["final_id"], []).append(row)
        for final_id, rows in by_final.items():
            rows.sort(key=_order)
            _keep(self.bases, final_id, rows, lambda r: (r[0]["settled_at"], [_order(x) for x in r]), max)

    def resolve(self, conn: sqlite3.Connection) -> MergeResult:
        rowid_of = _staged_versions(conn)  # version tuple -> a staging rowid holding it
        deleted_at = _deletion_times(conn)
        history = merging.superseded_states(conn)
        by_id: dict[str, list[tuple]] = {}
        for version in rowid_of:
            by_id.setdefault(version[ID], []).append(version)
        winners: list[tuple] = []
        dropped: list[tuple] = []
        for annotation_id, copies in by_id.items():
            alive = [v for v in copies if deleted_at.get(annotation_id, "") < v[UPDATED_AT]]
            if alive:
                winners.append(_newest(alive))
                dropped += [v for v in alive if v is not winners[-1]
                            and (annotation_id, v[REVISION], v[UPDATED_AT]) not in history]
        by_claim: dict[tuple, list[tuple]] = {}
        for version in winners:
            by_claim.setdefault(_claim_key(version), []).append(version)
        final: list[tuple] = []
        for claim in by_claim.values():
            final.append(_newest(claim))
            dropped += [v for v in claim if v is not final[-1]]
        self.winner_annotators = [v[ANNOTATOR] for v in final]
        return MergeResult(
            articles=list(self.articles.values()), suggestions=list(self.suggestions.values()),
            annotators=self._annotators(final), winners=[rowid_of[v] for v in final],
            assignments=list(self.assignments.values()), checks=list(self.checks.values()),
            conflicts=self._conflicts([_as_dict(v) for v in dropped], final, history),
            sources=sorted(self.sources),
            bases=[row for final_id in sorted(self.bases) for row in self.bases[final_id]])

    def _annotators(self, annotations: list[tuple]) -> dict[str, str]:
        names = dict(self.annotators)
        for version in annotations:  # every annotator of an annotation is known
            name, created_at = version[ANNOTATOR], version[CREATED_AT]
            if name not in names or created_at < names[name]:
                names[name] = created_at
        return names

    def _conflicts(self, dropped: list[dict], annotations: list[tuple],
                   history: set[tuple[str, int, str]]) -> list[dict]:
        by_id = {v[ID]: v[ID] for v in annotations}
        by_claim = {_claim_key(v): v[ID] for v in annotations}
        conflicts = {}
        for version in dropped:
            conflicts[version_hash(version)] = _conflict_row(version)
        conflicts.update({h: dict(row) for h, row in self.carried.items() if (
            row["annotation_id"], row["dropped_revision"], row["dropped_updated_at"]) not in history})
        for row in conflicts.values():  # the kept version is the final one, whoever won first
            version = json.loads(row["dropped"])
            row["kept_annotation_id"] = by_id.get(version["id"]) or by_claim.get(claim_key(version))
        return sorted(conflicts.values(), key=lambda r: r["version_hash"])


# Versions travel as tuples in this column order (dicts only where needed: 100k
# dicts cost more than the rest of the decision).
COLUMNS = merging.STAGED_COLUMNS
ID, ANNOTATOR, ARTICLE_ID, UPDATED_AT, CREATED_AT, REVISION, S_START, S_END = (
    COLUMNS.index(c) for c in ("id", "annotator", "article_id", "updated_at", "created_at",
                               "revision", "suggestion_start", "suggestion_end"))


def _as_dict(version: tuple) -> dict:
    return dict(zip(COLUMNS, version))


def _claim_key(version: tuple) -> tuple:
    """As versions.claim_key, on a tuple."""
    if version[S_START] is None:
        return ("own", version[ID])
    return ("suggestion", version[ANNOTATOR], version[ARTICLE_ID], version[S_START], version[S_END])


def _newest(versions: list[tuple]) -> tuple:
    if len(versions) == 1:
        return versions[0]
    return max(versions, key=lambda v: recency(_as_dict(v)))


def _staged_versions(conn: sqlite3.Connection) -> dict[tuple, int]:
    """Each distinct staged version -> the first staging rowid holding it
    (identical copies of a version are one version)."""
    distinct: dict[tuple, int] = {}
    for rowid, *values in merging.staged_versions(conn):
        distinct.setdefault(tuple(values), rowid)
    return distinct


def _conflict_row(version: dict) -> dict:
    return {"version_hash": version_hash(version), "annotation_id": version["id"],
            "annotator": version["annotator"], "article_id": version["article_id"],
            "dropped_revision": version["revision"], "dropped_updated_at": version["updated_at"],
            "dropped_origin_db": version["origin_db"],
            "dropped": json.dumps(version, sort_keys=True, ensure_ascii=False)}


def _deletion_times(conn: sqlite3.Connection) -> dict[str, str]:
    """annotation id -> when it was last deleted, by any copy's change log."""
    return merging.deletion_times(conn)


def _order(row: dict) -> tuple:
    """A total order on rows, for tie-breaks that must not depend on input order."""
    return tuple("" if v is None else str(v) for _, v in sorted(row.items()))


def _keep(into: dict, key, candidate, rank: Callable, pick: Callable) -> None:
    current = into.get(key)
    if current is None:
        into[key] = candidate
    elif current != candidate:  # copies are mostly identical: rank only real differences
        into[key] = pick(current, candidate, key=rank)
