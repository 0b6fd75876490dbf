"""A project's learned model and lexicon: storing them, and the pipeline using them.

``annotator learn`` stores what it learned with ``save_learning``;
``rehighlight`` (CLI and window) highlights with ``project_pipeline``:
the rules plus the learned lexicon entries in use, re-scored by the newest
model, hiding suggestions below the project's threshold (off unless set).
A missing or damaged model leaves the rules' suggestions as they are and
returns a warning for the caller to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.learning.apply import load_model
from annotator.core.learning.lexicon_learner import LearnedEntry, in_use, set_status
from annotator.core.learning.pipeline import LearnedPipeline
from annotator.core.storage import learned

if TYPE_CHECKING:  # pragma: no cover
    from annotator.core.learning.project_learning import LearnResult

MODEL_KIND = "rescorer"
CORRECTOR_KIND = "corrector"
HIDE_BELOW_KEY = "learning.hide_below"
AUTO_EVERY_KEY = "learning.auto_every"


def _now() -> str:
    from annotator.core.database import utc_now

    return utc_now()


def save_learning(project, result: LearnResult) -> int:
    """Store a learning run (model and lexicon entries) in one transaction."""
    counts = dict(result.counts, **{f"model_{k}": v for k, v in result.model.counts.items()})
    with project.transaction():
        model_id = learned.save_model(project.db, MODEL_KIND, result.model.version, result.model.to_bytes(),
                                      counts, result.annotator, _now())
        if result.corrector is not None:
            learned.save_model(project.db, CORRECTOR_KIND, result.corrector.version, result.corrector.to_bytes(),
                               result.corrector.counts, result.annotator, _now())
        learned.replace_lexicon(project.db, [(e.kind, e.phrase, e.count, e.status) for e in result.entries],
                                model_id, _now())
    return model_id


def learned_entries(project) -> list[LearnedEntry]:
    return [LearnedEntry(k, p, n, s) for k, p, n, s in learned.lexicon(project.db)]


def set_entry_status(project, kind: str, phrase: str, status: str) -> LearnedEntry:
    """A lead accepts or drops a learned entry; ValueError names what is wrong."""
    entries = learned_entries(project)
    entry = set_status(entries, kind, phrase, status)
    with project.transaction():
        learned.set_lexicon_status(project.db, kind, phrase, status, _now())
    return entry


def latest_model_info(project) -> dict | None:
    """Version, counts, annotator and date of the model in use (no body)."""
    row = learned.latest_model(project.db, MODEL_KIND)
    return None if row is None else {k: v for k, v in row.items() if k != "body"}


def hide_below(project) -> float | None:
    raw = project.meta(HIDE_BELOW_KEY)
    try:
        return None if raw in (None, "", "off") else float(raw)
    except ValueError:
        return None


def set_hide_below(project, value: float | None) -> None:
    """The project's threshold for hiding suggestions (None: show all)."""
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValueError(f"the hiding threshold is a probability between 0 and 1, not {value}")
    project.set_meta(HIDE_BELOW_KEY, "off" if value is None else repr(float(value)))


def auto_every(project) -> int | None:
    """Learn again after every N articles a reviewer finishes (None: only on request)."""
    raw = project.meta(AUTO_EVERY_KEY)
    try:
        n = int(raw) if raw not in (None, "", "off") else 0
    except ValueError:
        n = 0
    return n if n > 0 else None


def set_auto_every(project, n: int | None) -> None:
    if n is not None and n < 1:
        raise ValueError(f"learn after every N finished articles: N is at least 1, not {n}")
    project.set_meta(AUTO_EVERY_KEY, "off" if n is None else str(n))


def finished_articles(project, annotator: str) -> int:
    """How many articles ``annotator`` has finished (status done)."""
    return project.count_summaries(annotator=annotator, status="done")


def project_pipeline(project, model: str | None = None, base=None) -> tuple[LearnedPipeline, str | None]:
    """The highlighter with what the project learned, and a warning when a
    stored model cannot be used (None when all is well or nothing was learned).

    ``base`` is an already loaded highlighter to build on (the window loads
    one in its worker); else ``model`` names the spaCy model as for
    ``load_highlighter``.
    """
    from annotator.core.highlight import load_highlighter
    from annotator.core.learning.learned_rules import learned_highlighter

    row = learned.latest_model(project.db, MODEL_KIND)
    rescorer, warning = load_model(None if row is None else row["body"])
    if row is None:
        warning = None  # nothing learned yet: the rules, silently
    entries = learned_entries(project)
    cues, sources = in_use(entries, "cue"), in_use(entries, "source")
    if cues or sources:
        hl = learned_highlighter(cues, sources, model if base is None else (getattr(base, "model", None) or "blank"))
    else:
        hl = base if base is not None else load_highlighter(model)
    corrector, corrector_warning = load_corrector(project)
    threshold = hide_below(project) if rescorer is not None else None
    return (LearnedPipeline(hl, rescorer, threshold, learned_cues=cues, corrector=corrector),
            warning or corrector_warning)


def load_corrector(project):
    """(the newest span corrector, None), (None, None) when none was learned,
    or (None, warning) when it is damaged: the rules' spans are then used."""
    from annotator.core.learning.corrector import Corrector
    from annotator.core.learning.rescorer import ModelError

    row = learned.latest_model(project.db, CORRECTOR_KIND)
    if row is None:
        return None, None
    try:
        return Corrector.from_bytes(row["body"]), None
    except ModelError as exc:
        return None, f"{exc}; the rules' spans are used as they are (run 'annotator learn' again)"
