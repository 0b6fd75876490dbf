"""Where bundled data files (lexicons, demo corpus, guidelines, icons) live."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_SOURCE_TREE = Path(__file__).resolve().parents[2] / "resources"


@cache
def _root() -> Path:
    # Installed (wheel, editable or bundle): resources/ ships as the package
    # annotator.resources. A namespace package (no __init__.py found) has no
    # single folder, so only a regular package's folder is trusted.
    try:
        package = resources.files("annotator.resources")
        root = Path(str(package))
        if (root / "__init__.py").is_file():
            return root
    except (ModuleNotFoundError, TypeError):
        pass
    # Running from a source checkout that is not installed.
    return _SOURCE_TREE


def resource_path(*parts: str) -> Path:
    """Path of a file in ``resources/``."""
    return _root().joinpath(*parts)


def guidelines_text() -> str:
    """The annotation guidelines (Markdown), or a note that they are missing."""
    try:
        return resource_path("guidelines.md").read_text(encoding="utf-8")
    except OSError:
        return "# Guidelines\n\nThe guidelines file is missing from this installation."
