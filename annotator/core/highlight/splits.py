"""Development / held-out split of the SpkAtt-2023 training files.

Rules and lexicons are developed on the *dev* part only; the *held-out* part
(every fourth file in name order) is used to check that they generalise.
The dev part is cut again: error analysis looks at *tune* only, and a rule is
kept when it also helps *dev-rest*, which nobody reads errors from.
"""

from __future__ import annotations

from pathlib import Path


def split_files(files: list[Path], part: str) -> list[Path]:
    """``part`` is "all", "dev", "tune", "dev-rest" or "heldout"."""
    files = sorted(files, key=lambda p: p.name)
    if part == "all":
        return files
    if part == "dev":
        return [f for i, f in enumerate(files) if i % 4 != 3]
    if part in ("tune", "dev-rest"):
        dev = split_files(files, "dev")
        first_half = part == "tune"
        return [f for i, f in enumerate(dev) if (i % 4 < 2) == first_half]
    if part == "heldout":
        return [f for i, f in enumerate(files) if i % 4 == 3]
    raise ValueError(f"unknown split {part!r} (all, dev, tune, dev-rest, heldout)")
