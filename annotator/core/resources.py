"""Where bundled data files (lexicons, demo corpus, guidelines, icons) live."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file in ``resources/`` (installed as ``annotator.resources``)."""
    root = Path(str(resources.files("annotator.resources")))
    return root.joinpath(*parts)
