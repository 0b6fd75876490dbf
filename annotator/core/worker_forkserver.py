"""The process highlighting workers are forked from: spaCy imported and
the highlighter loaded once per import, not once per worker.

A spawned worker starts a new interpreter, imports spaCy and loads the
highlighter: ~0.75 s of CPU on the 2-core machine, paid by every worker
of every import and again at every renewal of the pool (docs/benchmarks.md,
"Ninth round (issue 19): the import's CPU"). On Linux
the pool starts its workers from multiprocessing's "forkserver" instead
(:func:`worker_start.worker_context`), which imports this module
once before it forks anything: each worker is a fork of a process that
has done that work, and shares its pages until it writes them.

Importing this module does the work, because that is all a forkserver's
preload can ask of a module. Nothing else imports it.
"""

from __future__ import annotations


def _preload() -> None:
    from annotator.core.worker_start import lower_priority

    lower_priority()  # as a worker would: the forks inherit it
    from annotator.core.worker_spacy import import_spacy

    import_spacy()
    from annotator.core.highlight import installed_model, load_highlighter

    # the highlighter an import asks for by default (PipelineSpec.model): a
    # worker asked for another one loads it itself, as a spawned one did
    load_highlighter(installed_model() or "blank")
    # what the first batch and render job would import in each worker
    import annotator.core.corroboration.facts  # noqa: F401  (the claims' facts)
    import annotator.core.export.formats  # noqa: F401  (render jobs)
    import annotator.core.export.import_lines  # noqa: F401
    import annotator.core.export.line_export  # noqa: F401
    import annotator.core.export.reading  # noqa: F401
    import annotator.core.new_suggestions  # noqa: F401
    from annotator.core.import_gc import settle_worker

    settle_worker()  # frozen: the collector never touches (and so never copies) these pages


_preload()
