"""Where bundled data files (lexicons, demo corpus, guidelines, icons) live."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def _root() -> Path:
    # Installed (wheel, editable or bundle): resources/ ships as annotator.resources.
    try:
        return Path(str(resources.files("annotator.resources")))
    except ModuleNotFoundError:
        # Running from a source checkout that is not installed.
        return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file in ``resources/``."""
    return _root().joinpath(*parts)
