"""Development / held-out split of the SpkAtt-2023 training files.

Rules and lexicons are developed on the *dev* part only; the *held-out* part
(every fourth file in name order) is used to check that they generalise.
"""

from __future__ import annotations

from pathlib import Path


def split_files(files: list[Path], part: str) -> list[Path]:
    """``part`` is "all", "dev" or "heldout"."""
    files = sorted(files, key=lambda p: p.name)
    if part == "all":
        return files
    if part == "dev":
        return [f for i, f in enumerate(files) if i % 4 != 3]
    if part == "heldout":
        return [f for i, f in enumerate(files) if i % 4 == 3]
    raise ValueError(f"unknown split {part!r} (all, dev, heldout)")
