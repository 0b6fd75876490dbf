"""Training-data export: JSONL (Prodigy field names), spaCy DocBin, doccano,
and any other format in the registry (``formats``).

    from annotator.core.export import ExportOptions, export_project
    summary = export_project(project, ExportOptions(format="jsonl"), "claims.jsonl")

One module per job: ``options`` (what to export), ``formats`` (the registry
of formats; each ``*_format`` module registers one), ``reading`` (bulk reads of
layers), ``adjudicated`` (the lead's layer with the agreed claims),
``records`` (the format-neutral record), ``tokens`` and ``token_cache``, one
module per format, ``splits``, ``card`` (the dataset card), ``files``
(atomic output), ``line_export`` (writing JSONL/doccano lines, rendered or
copied), ``line_cache`` and ``variant`` (the export cache: lines of unchanged
articles reused), ``parallel`` (rendering in worker processes) and ``run``
(the whole export). The format is documented in docs/export-format.md.
"""

from annotator.core.export.formats import ExportFormat
from annotator.core.export.options import (
    LAYERS,
    ExportCancelled,
    ExportError,
    ExportOptions,
    parse_split,
)
from annotator.core.export.run import ExportSummary, export_project

__all__ = [
    "LAYERS", "ExportCancelled", "ExportFormat", "ExportError", "ExportOptions", "ExportSummary",
    "export_project", "parse_split",
]
