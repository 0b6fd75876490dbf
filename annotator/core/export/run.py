"""export_project: read the selected layers, write them in the chosen
format, split by article, add a dataset card; all or nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from annotator.core.export import formats
from annotator.core.export.card import CardStats, count_article, left_out_note, render_card
from annotator.core.export.files import AtomicOutputs
from annotator.core.export.line_export import LineFiles, write_lines
from annotator.core.export.options import ExportCancelled, ExportError, ExportOptions
from annotator.core.export.reading import Selection, iter_layer_records, resolve_selection
from annotator.core.export.splits import SplitAssigner
from annotator.core.export.tokens import tokenizer_fingerprint
from annotator.core.sources.export import SOURCES_FILE, sources_path, write_sources

ALL = "all"  # the set name when there is no split


@dataclass
class ExportSummary:
    records: int = 0
    articles: int = 0
    claims: int = 0
    sets: dict[str, int] = field(default_factory=dict)  # records per set
    files: list[Path] = field(default_factory=list)
    card: Path | None = None
    reused: int = 0  # articles whose lines came from the export cache, unchanged since
    left_out: dict[str, int] = field(default_factory=dict)  # claims not in their records, by reason

    def left_out_note(self) -> str:
        """The warning about incomplete records, for the user ('' when none)."""
        return left_out_note(Counter(self.left_out))

    def reuse_note(self) -> str:
        """What the export cache contributed, for the user ('' when nothing)."""
        if not self.reused:
            return ""
        return (f"{self.reused} unchanged articles copied from the export cache, "
                f"{self.articles - self.reused} rendered")


def output_paths(out_path: Path, options: ExportOptions) -> dict[str, Path]:
    """Where each set goes. File formats: the file itself, or NAME.SET.jsonl
    beside it; folder formats (spaCy): the folder, with a subfolder per set."""
    sets = list(options.split) if options.split else [ALL]
    if not options.split:
        return {ALL: out_path}
    if formats.get(options.format).folder:
        return {name: out_path / name for name in sets}
    suffix = out_path.suffix or ".jsonl"
    return {name: out_path.with_name(f"{out_path.stem}.{name}{suffix}") for name in sets}


def card_path(out_path: Path, options: ExportOptions) -> Path:
    if formats.get(options.format).folder:
        return out_path / "README.md"
    return out_path.with_name(f"{out_path.stem}.card.md")


def _check_out_path(out_path: Path, export_format: formats.ExportFormat) -> None:
    if not out_path.parent.is_dir():
        raise ExportError(f"folder {out_path.parent} does not exist")
    if export_format.folder and out_path.suffix == export_format.suffix:
        raise ExportError(f"{out_path}: a {export_format.title} export is a folder of "
                          f"{export_format.suffix} shards; give a folder name, "
                          f"e.g. -o {export_format.example}")
    if not export_format.folder and out_path.is_dir():
        raise ExportError(f"{out_path} is a folder; give a file name, e.g. -o claims.jsonl")


def _write_folders(project, selection: Selection, options: ExportOptions, paths: dict[str, Path],
                   root: Path, set_of, stats: CardStats, on_batch) -> None:
    """A folder format: every record into its set's sink, a folder per set."""
    export_format = formats.get(options.format)
    open_sink = export_format.writer
    sinks = {name: open_sink(root if name == ALL else root / final.name, options)
             for name, final in paths.items()}
    try:
        records = iter_layer_records(project, selection, on_batch=on_batch)
        for article_id, group in groupby(records, key=lambda r: r.article.id):
            article_records = list(group)
            set_name = set_of(article_id)
            for record in article_records:
                sinks[set_name].write(record)
            stats.add_article(set_name, count_article(article_records))
    finally:
        for sink in sinks.values():
            sink.close()
    if export_format.finish is not None:
        export_format.finish(root, list(sinks.values()))


def export_project(project, options: ExportOptions, out_path: Path | str, *,
                   on_progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> ExportSummary:
    """Export ``project`` as ``options`` say to ``out_path``.

    ``on_progress(articles_done, articles_total)``; ``should_cancel()``
    returning True stops with ExportCancelled. Raises ExportError for a bad
    option or an empty selection; in every failure no file is left behind."""
    out_path = Path(out_path)
    options.validate()
    _check_out_path(out_path, formats.get(options.format))
    selection = resolve_selection(project, options)
    outputs = AtomicOutputs()
    try:
        summary = _export(project, options, selection, out_path, outputs, on_progress, should_cancel)
        outputs.commit()
    except BaseException:
        outputs.abort()
        raise
    return summary


def _export(project, options, selection: Selection, out_path: Path, outputs: AtomicOutputs,
            on_progress, should_cancel) -> ExportSummary:
    paths = output_paths(out_path, options)
    splitter = SplitAssigner(options.split, options.seed) if options.split else None
    set_of = splitter.set_of if splitter else (lambda article_id: ALL)
    total, stats, summary = project.count_articles(), CardStats(), ExportSummary()

    def progress(done: int) -> None:
        if should_cancel is not None and should_cancel():
            raise ExportCancelled()
        if on_progress is not None:
            on_progress(done, total)

    export_format = formats.get(options.format)
    root, reused = None, 0
    if export_format.folder:
        root = outputs.folder(out_path, export_format)
        _write_folders(project, selection, options, paths, root, set_of, stats, progress)
        tokenizer = tokenizer_fingerprint() if export_format.tokens else None
    else:
        files = LineFiles({name: outputs.file(final) for name, final in paths.items()})
        try:
            tokenizer, reused = write_lines(project, selection, options, files, set_of, stats, progress)
        finally:
            files.close()
    stats.finish()
    if stats.total_records == 0:
        raise ExportError(f"nothing to export: no annotations in {selection.describe()}")
    if options.require_complete and stats.left_out:
        raise ExportError("refused (--require-complete): " + left_out_note(stats.left_out)
                          + " No file was written.")
    summary.left_out = dict(sorted(stats.left_out.items()))
    summary.records, summary.articles = stats.total_records, sum(stats.articles.values())
    summary.claims, summary.reused = stats.claims, reused
    summary.sets = {name: stats.records.get(name, 0) for name in paths}
    summary.files = list(paths.values())
    summary.card = card_path(out_path, options)
    card = render_card(stats, options, out_path.name, summary.files, project.uuid, tokenizer)
    if stats.sources:
        sources_file = root / SOURCES_FILE if root else outputs.file(sources_path(out_path))
        card += "\n" + write_sources(project, stats.sources, stats.source_articles, sources_file)
    card_file = root / "README.md" if root else outputs.file(summary.card)
    card_file.write_text(card, encoding="utf-8", newline="\n")
    return summary
