"""The reviewers' judgements of related pairs: corroborates, contradicts,
unrelated. Stored per annotator, logged, undoable, merged like annotations.

A claim is named by its article and span (``ClaimRef``): suggestion ids are
local to one database, spans are not. A pair is kept in canonical order
(a < b) and its judgement id is derived from (annotator, a, b), so two
databases that judged the same pair hold the same id and a merge keeps the
newer version. Every write, undo included, goes through
``put_judgement_state`` in one transaction with its log row.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace

from annotator.core.storage import relations as store

LABELS = ("corroborates", "contradicts", "unrelated")
_NAMESPACE = uuid.UUID("6d1c4c3e-7a52-4f0e-9b0f-15c1a1a5e001")  # issue 15's pairs


@dataclass(frozen=True, order=True)
class ClaimRef:
    article_id: str
    start: int
    end: int

    def key(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


@dataclass(frozen=True)
class PairJudgement:
    annotator: str
    a: ClaimRef
    b: ClaimRef
    label: str
    revision: int = 0
    created_at: str | None = None
    updated_at: str | None = None
    origin_db: str | None = None

    @property
    def id(self) -> str:
        return judgement_id(self.annotator, self.a, self.b)

    def other(self, ref: ClaimRef) -> ClaimRef:
        return self.b if ref == self.a else self.a

    def same_content(self, other: PairJudgement | None) -> bool:
        return other is not None and (self.annotator, self.a, self.b, self.label) == (
            other.annotator, other.a, other.b, other.label)


def ordered(a: ClaimRef, b: ClaimRef) -> tuple[ClaimRef, ClaimRef]:
    if a.article_id == b.article_id:
        raise ValueError("a pair joins claims of two different articles")
    return (a, b) if a < b else (b, a)


def judgement_id(annotator: str, a: ClaimRef, b: ClaimRef) -> str:
    a, b = ordered(a, b)
    return str(uuid.uuid5(_NAMESPACE, f"{annotator}\t{a.key()}\t{b.key()}"))


def to_row(j: PairJudgement) -> dict:
    return {"id": j.id, "annotator": j.annotator, "article_a": j.a.article_id, "start_a": j.a.start,
            "end_a": j.a.end, "article_b": j.b.article_id, "start_b": j.b.start, "end_b": j.b.end,
            "label": j.label, "revision": j.revision, "created_at": j.created_at,
            "updated_at": j.updated_at, "origin_db": j.origin_db}


def from_row(row: dict) -> PairJudgement:
    return PairJudgement(
        row["annotator"], ClaimRef(row["article_a"], row["start_a"], row["end_a"]),
        ClaimRef(row["article_b"], row["start_b"], row["end_b"]), row["label"], row["revision"],
        row["created_at"], row["updated_at"], row["origin_db"])


def _dump(j: PairJudgement | None) -> str | None:
    return None if j is None else json.dumps(to_row(j), ensure_ascii=False, sort_keys=True)


def stored(conn, judgement_id_: str) -> PairJudgement | None:
    row = store.judgement(conn, judgement_id_)
    return from_row(row) if row else None


def for_articles(conn, article_ids: list[str]) -> list[PairJudgement]:
    return [from_row(r) for r in store.judgements_of_articles(conn, article_ids)]


def write_state(conn, judgement_id_: str, state: PairJudgement | None, *, now: str,
                db_uuid: str) -> PairJudgement | None:
    """Make the stored judgement ``state`` (None: absent) and log the step.
    The caller holds the transaction."""
    current = stored(conn, judgement_id_)
    if state is None:
        if current is not None:
            store.delete_judgement(conn, judgement_id_)
            store.log_judgement(conn, judgement_id_, current.annotator, "delete", _dump(current),
                                None, now, db_uuid)
        return None
    if state.label not in LABELS:
        raise ValueError(f"a pair is judged {', '.join(LABELS)}, not {state.label!r}")
    if state.id != judgement_id_:
        raise ValueError("the judgement's pair and annotator do not match its id")
    if state.same_content(current):
        return current
    written = replace(state, revision=(current.revision + 1) if current else 1,
                      created_at=current.created_at if current else now, updated_at=now,
                      origin_db=current.origin_db if current else (state.origin_db or db_uuid))
    store.put_judgement(conn, to_row(written))
    store.log_judgement(conn, judgement_id_, written.annotator, "update" if current else "create",
                        _dump(current), _dump(written), now, db_uuid)
    return written


@dataclass
class JudgementChange:
    """Set one pair judgement from ``before`` to ``after`` (None: absent);
    the GUI wraps it in a QUndoCommand."""

    judgement_id: str
    before: PairJudgement | None
    after: PairJudgement | None
    text: str = "Judge related claims"

    @property
    def articles(self) -> frozenset[str]:
        state = self.after or self.before
        assert state is not None
        return frozenset({state.a.article_id, state.b.article_id})


def judge(conn, annotator: str, a: ClaimRef, b: ClaimRef, label: str | None) -> JudgementChange:
    """The change that gives the pair ``label`` (None: withdraw the judgement)."""
    a, b = ordered(a, b)
    jid = judgement_id(annotator, a, b)
    after = None if label is None else PairJudgement(annotator, a, b, label)
    return JudgementChange(jid, stored(conn, jid), after)


def merge_in(conn, incoming: list[dict], *, now: str, db_uuid: str) -> dict[str, int]:
    """Merge judgement rows from another database: a pair unknown here is
    added, a newer version of a known one replaces it (the older version
    stays in the log), an older one is ignored."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for row in incoming:
        theirs = from_row(row)
        mine = stored(conn, theirs.id)
        older = (theirs.updated_at or "") <= (mine.updated_at or "") if mine is not None else False
        if mine is not None and (theirs.same_content(mine) or older):
            counts["unchanged"] += 1
            continue
        store.put_judgement(conn, to_row(theirs))
        store.log_judgement(conn, theirs.id, theirs.annotator, "update" if mine else "create",
                            _dump(mine), _dump(theirs), now, db_uuid)
        counts["updated" if mine else "added"] += 1
    return counts


def merge_files(conn, paths, *, now: str, db_uuid: str) -> dict[str, int]:
    """Merge the judgements of the databases at ``paths`` (opened read-only,
    never modified) into ``conn``; inputs without judgements are skipped."""
    import sqlite3
    from pathlib import Path

    total = {"added": 0, "updated": 0, "unchanged": 0}
    for path in paths:
        source = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = store.all_judgements(source) if store.has_judgements(source) else []
        finally:
            source.close()
        for key, count in merge_in(conn, rows, now=now, db_uuid=db_uuid).items():
            total[key] += count
    return total
