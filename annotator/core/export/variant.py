"""What a cached export line depends on besides its article: the export
variant. Two exports share cached lines only when their variants are equal
(see :mod:`annotator.core.export.line_cache`)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import annotator
from annotator.core.export import formats
from annotator.core.export.options import ExportOptions

# The code that decides the bytes of a line; a change to any of it starts a
# new cache. (In a frozen bundle without sources, the release version stands in.)
_RENDERING_MODULES = ("annotator.core.export", "annotator.core.team.adjudication",
                      "annotator.core.highlight.tokenizer", "annotator.core.models")


def variant_key(options: ExportOptions) -> str:
    """Everything besides the articles' stamps that a cached line depends on."""
    parts = {
        "format": options.format,
        "layer": options.layer,
        "annotators": list(dict.fromkeys(options.annotators)),
        "only_reviewed": options.only_reviewed,
        "code": code_fingerprint(),
    }
    if formats.get(options.format).tokens:  # lines hold spaCy's tokens
        parts["spacy"] = _version_of("spacy")
    return json.dumps(parts, sort_keys=True)


def code_fingerprint() -> str:
    digest = hashlib.sha256(f"{annotator.__version__} {sys.version}".encode())
    for path in _rendering_sources():
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    return digest.hexdigest()[:20]


def _rendering_sources() -> list[Path]:
    root = Path(annotator.__file__).parent
    paths = []
    for name in _RENDERING_MODULES:
        relative = Path(*name.split(".")[1:])
        folder = root / relative
        paths += sorted(folder.glob("*.py")) if folder.is_dir() else [root / relative.with_suffix(".py")]
    return paths


def _version_of(distribution: str) -> str:
    import importlib.metadata  # here: ~15 ms, and the CLI and window import this package at start-up

    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
