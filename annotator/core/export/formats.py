"""The export formats, in one registry: every place that offers or treats a
format (the CLI's --format, the export dialog, the selftest, the export
itself) asks this module, never compares a format's name.

A format is one module ``annotator/core/export/<name>_format.py`` that calls
:func:`register` with an :class:`ExportFormat` when imported; the registry
imports every such module the first time it is asked (see
docs/export-format.md, "Adding a format"). Plug-ins and tests may register
formats from anywhere.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from annotator.core.export.options import ExportError

# Options that only some formats use; the dataset card lists one only when
# the format names it in ``card_options``.
FORMAT_OPTIONS = ("shard_size",)


@dataclass(frozen=True)
class ExportFormat:
    """One export format.

    ``writer`` depends on the shape of the output:

    * a file per set (``folder`` false): ``writer(records, tokens) -> bytes``
      renders one article's layer records as its lines (``tokens`` is the
      article's :class:`~annotator.core.export.tokens.Tokens` when ``tokens``
      is true, else None). Such lines can be cached and rendered in workers.
    * a folder per set (``folder`` true): ``writer(folder, options)`` opens a
      sink with ``write(record)`` and ``close()`` that writes ``suffix`` files
      into ``folder``.
    """

    name: str  # the --format value and what ExportOptions.format holds
    title: str  # its name in a sentence ("a spaCy export is ...")
    label: str  # the export dialog's entry
    help: str  # its sentence in the --format help
    suffix: str  # of the output file, or of the files in the output folder
    example: str  # an output name for messages and the selftest
    writer: Callable[..., Any]
    folder: bool = False
    tokens: bool = False  # uses spaCy's tokenizer (the dataset card names it)
    cached: bool = False  # unchanged articles' lines come from the export cache
    parallel: bool = False  # rendered in worker processes once an export is large
    card_options: tuple[str, ...] = ()  # of FORMAT_OPTIONS, those this format uses
    file_type: str = ""  # the file dialog's filter name ("JSON Lines")
    position: int = 100  # order in lists; the built-in formats come first
    # folder formats: finish(root, sinks) writes what the whole export needs
    # once its sinks are closed (e.g. spaCy's training config)
    finish: Callable[[Any, list], None] | None = None


_registry: dict[str, ExportFormat] = {}
_built_ins_loaded = False
_loading = threading.RLock()  # an export worker thread and the window may ask at once


def register(export_format: ExportFormat) -> ExportFormat:
    """Add a format (a later registration of the same name replaces it)."""
    _registry[export_format.name] = export_format
    return export_format


def unregister(name: str) -> None:
    _registry.pop(name, None)


def all_formats() -> list[ExportFormat]:
    """Every registered format, in the order lists show them."""
    _load_built_ins()
    return sorted(_registry.values(), key=lambda f: (f.position, f.name))


def names() -> list[str]:
    return [f.name for f in all_formats()]


def get(name: str) -> ExportFormat:
    """The format called ``name``; ExportError naming the choices if none is."""
    _load_built_ins()
    try:
        return _registry[name]
    except KeyError:
        raise ExportError(f"unknown format {name!r}; choose one of {', '.join(names())}") from None


def _load_built_ins() -> None:
    # Import every *_format module of this package once: each registers
    # itself. A listing of one folder, and the modules import no spaCy.
    global _built_ins_loaded
    if _built_ins_loaded:
        return
    with _loading:
        if _built_ins_loaded:
            return
        package = importlib.import_module("annotator.core.export")
        for module in pkgutil.iter_modules(package.__path__):
            if module.name.endswith("_format"):
                importlib.import_module(f"{package.__name__}.{module.name}")
        _built_ins_loaded = True
