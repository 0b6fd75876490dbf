"""Judging a related pair, and undoing or redoing it: the reviewer's key
press on a related claim. One transaction with its log row; the record says
which articles' claims and that relations changed."""

from __future__ import annotations

from annotator.core import database
from annotator.core.changes import Changes, Outcome
from annotator.core.corroboration.judgements import JudgementChange, PairJudgement, write_state


def judgement_changes(change: JudgementChange) -> Changes:
    return Changes(articles=change.articles, relations=True)


def write_judgement(project, change: JudgementChange, *,
                    forward: bool = True) -> Outcome[PairJudgement | None]:
    """Apply (``forward``) or revert ``change``; the result is the stored
    judgement (None when the step withdraws it)."""
    with project.transaction():
        stored = write_state(project.db.conn, change.judgement_id,
                             change.after if forward else change.before,
                             now=database.utc_now(), db_uuid=project.uuid)
    return Outcome(stored, judgement_changes(change))
