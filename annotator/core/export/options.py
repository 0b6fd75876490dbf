"""What an export is asked to do: format, layers, filters, splits.

Options are checked before anything is read or written, so a bad option
never leaves a partial file behind.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

LAYERS = ("annotators", "adjudicated", "best", "suggestions")
_SPLIT_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


class ExportError(Exception):
    """An export cannot be done; the message says why. No file was written."""


class ExportCancelled(ExportError):
    def __init__(self) -> None:
        super().__init__("export cancelled; no file was written")


@dataclass
class ExportOptions:
    """One export. ``split`` maps a set name to its fraction of the articles
    (fractions sum to 1); ``seed`` makes the assignment reproducible.
    ``date`` (ISO date) overrides the dataset card's date, which otherwise
    comes from the data (the newest exported change), never from the clock."""

    format: str = "jsonl"  # a name in annotator.core.export.formats
    annotators: list[str] = field(default_factory=list)
    layer: str = "annotators"
    only_reviewed: bool = False
    require_complete: bool = False  # refuse when a claim of an exported article is left out
    split: dict[str, float] | None = None
    seed: int = 0
    date: str | None = None
    shard_size: int = 1000  # spaCy: Docs per .spacy file (memory stays bounded)
    token_cache: bool = True  # reuse tokens across exports (never changes the output)
    line_cache: bool = True  # reuse unchanged articles' lines (JSONL, doccano; never changes the output)

    def validate(self) -> None:
        """Raise ExportError naming the first bad option."""
        from annotator.core.export import formats  # here: the registry imports this module

        formats.get(self.format)  # ExportError naming the formats when unknown
        if self.layer not in LAYERS:
            raise ExportError(f"unknown layer {self.layer!r}; choose one of {', '.join(LAYERS)}")
        if self.annotators and self.layer in ("adjudicated", "suggestions"):
            raise ExportError(f"--annotator does not apply to --layer {self.layer}")
        if self.only_reviewed and self.layer == "suggestions":
            raise ExportError("--only-reviewed does not apply to --layer suggestions "
                              "(suggestions are never reviewed)")
        if self.shard_size < 1:
            raise ExportError("shard size must be at least 1")
        if self.date is not None:
            _check_date(self.date)
        if self.split is not None:
            check_split(self.split)


def _check_date(value: str) -> None:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ExportError(f"date {value!r} is not an ISO date (e.g. 2026-03-14)") from None


def check_split(split: dict[str, float]) -> None:
    if not split:
        raise ExportError("a split needs at least one set, e.g. train=0.8,dev=0.2")
    for name, fraction in split.items():
        if not _SPLIT_NAME.match(name):
            raise ExportError(f"split name {name!r} may only use letters, digits, '-' and '_'")
        if not (isinstance(fraction, (int, float)) and 0 < fraction <= 1):
            raise ExportError(f"split fraction of {name!r} must be in (0, 1], not {fraction!r}")
    total = sum(split.values())
    if not math.isclose(total, 1.0, abs_tol=1e-6):
        raise ExportError(f"split fractions must add up to 1, not {total:g}")


def parse_split(text: str) -> dict[str, float]:
    """``"train=0.8,dev=0.1,test=0.1"`` → ``{"train": 0.8, "dev": 0.1, "test": 0.1}``."""
    split: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ExportError(f"split part {part!r} is not NAME=FRACTION")
        if name in split:
            raise ExportError(f"split set {name!r} is given twice")
        try:
            split[name] = float(value)
        except ValueError:
            raise ExportError(f"split fraction {value.strip()!r} of {name!r} is not a number") from None
    check_split(split)
    return split


def iso_to_unix(timestamp: str | None) -> int:
    """Seconds since the epoch of a stored ISO timestamp (0 when there is none)."""
    if not timestamp:
        return 0
    moment = datetime.fromisoformat(timestamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())
