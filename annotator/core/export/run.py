"""export_project: read the selected layers, write them in the chosen
format, split by article, add a dataset card; all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.export import doccano_format, jsonl_format
from annotator.core.export.card import CardStats, render_card
from annotator.core.export.files import AtomicOutputs
from annotator.core.export.options import ExportCancelled, ExportError, ExportOptions
from annotator.core.export.reading import Selection, iter_layer_records, resolve_selection
from annotator.core.export.records import LayerRecord
from annotator.core.export.splits import SplitAssigner
from annotator.core.export.token_cache import TokenSource
from annotator.core.export.tokens import Tokens, tokenizer_fingerprint

ALL = "all"  # the set name when there is no split


@dataclass
class ExportSummary:
    records: int = 0
    articles: int = 0
    claims: int = 0
    sets: dict[str, int] = field(default_factory=dict)  # records per set
    files: list[Path] = field(default_factory=list)
    card: Path | None = None


def output_paths(out_path: Path, options: ExportOptions) -> dict[str, Path]:
    """Where each set goes. JSONL formats: the file itself, or NAME.SET.jsonl
    beside it; spaCy: a folder of shards, with a subfolder per set."""
    sets = list(options.split) if options.split else [ALL]
    if options.format == "spacy":
        if not options.split:
            return {ALL: out_path}
        return {name: out_path / name for name in sets}
    if not options.split:
        return {ALL: out_path}
    suffix = out_path.suffix or ".jsonl"
    return {name: out_path.with_name(f"{out_path.stem}.{name}{suffix}") for name in sets}


def card_path(out_path: Path, options: ExportOptions) -> Path:
    if options.format == "spacy":
        return out_path / "README.md"
    return out_path.with_name(f"{out_path.stem}.card.md")


def _check_out_path(out_path: Path, options: ExportOptions) -> None:
    if not out_path.parent.is_dir():
        raise ExportError(f"folder {out_path.parent} does not exist")
    if options.format == "spacy" and out_path.suffix == ".spacy":
        raise ExportError(f"{out_path}: a spaCy export is a folder of .spacy shards; "
                          "give a folder name, e.g. -o corpus")
    if options.format != "spacy" and out_path.is_dir():
        raise ExportError(f"{out_path} is a folder; give a file name, e.g. -o claims.jsonl")


class _Writers:
    """One open writer per set, writing into temporary files."""

    def __init__(self, options: ExportOptions, paths: dict[str, Path], outputs: AtomicOutputs,
                 spacy_root: Path | None):
        self.options, self.handles, self.shards = options, {}, {}
        for name, final in paths.items():
            if options.format == "spacy":
                from annotator.core.export.spacy_format import ShardWriter

                folder = spacy_root if name == ALL else spacy_root / final.name
                self.shards[name] = ShardWriter(folder, options.shard_size)
            else:
                # Binary: JSONL lines are built as UTF-8 bytes (see jsonl_format).
                self.handles[name] = outputs.file(final).open("wb", buffering=1 << 22)

    def write(self, set_name: str, record: LayerRecord, tokens) -> None:
        if self.options.format == "spacy":
            self.shards[set_name].write(record)
        elif self.options.format == "jsonl":
            handle = self.handles[set_name]
            for piece in jsonl_format.record_bytes(record, tokens):
                handle.write(piece)
        else:
            self.handles[set_name].write((doccano_format.record_line(record) + "\n").encode("utf-8"))

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        for shard in self.shards.values():
            shard.close()


def _chunks(records: Iterable[LayerRecord], size: int) -> Iterator[list[LayerRecord]]:
    chunk: list[LayerRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _with_tokens(records: Iterable[LayerRecord], source: TokenSource | None
                 ) -> Iterator[tuple[LayerRecord, Tokens | None]]:
    """Pairs each record with its text's tokens, fetched or computed per chunk
    of records: an article's text is tokenized once however many layers it has."""
    for chunk in _chunks(records, 256):
        if source is None:
            yield from ((record, None) for record in chunk)
            continue
        tokens = source.tokens_for({r.article.id: r.article.text for r in chunk})
        yield from ((record, tokens[record.article.id]) for record in chunk)


def export_project(project, options: ExportOptions, out_path: Path | str, *,
                   on_progress: Callable[[int, int], None] | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> ExportSummary:
    """Export ``project`` as ``options`` say to ``out_path``.

    ``on_progress(articles_done, articles_total)``; ``should_cancel()``
    returning True stops with ExportCancelled. Raises ExportError for a bad
    option or an empty selection; in every failure no file is left behind."""
    out_path = Path(out_path)
    options.validate()
    _check_out_path(out_path, options)
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
    spacy_root = outputs.folder(out_path) if options.format == "spacy" else None
    writers = _Writers(options, paths, outputs, spacy_root)
    splitter = SplitAssigner(options.split, options.seed) if options.split else None
    total, stats, summary = project.count_articles(), CardStats(), ExportSummary()

    def progress(done: int) -> None:
        if should_cancel is not None and should_cancel():
            raise ExportCancelled()
        if on_progress is not None:
            on_progress(done, total)

    source = TokenSource(options.token_cache) if options.format == "jsonl" else None
    try:
        records = iter_layer_records(project, selection, on_batch=progress)
        for record, tokens in _with_tokens(records, source):
            set_name = splitter.set_of(record.article.id) if splitter else ALL
            writers.write(set_name, record, tokens)
            stats.add(record, set_name)
            summary.claims += len(record.claims)
    finally:
        writers.close()
        if source is not None:
            source.close()
    if stats.total_records == 0:
        raise ExportError(f"nothing to export: no annotations in {selection.describe()}")
    summary.records, summary.articles = stats.total_records, sum(stats.articles.values())
    summary.sets = {name: stats.records.get(name, 0) for name in paths}
    summary.files = list(paths.values())
    summary.card = card_path(out_path, options)
    card = render_card(stats, options, out_path.name, summary.files, project.uuid,
                       tokenizer_fingerprint() if options.format != "doccano" else None)
    card_file = spacy_root / "README.md" if spacy_root else outputs.file(summary.card)
    card_file.write_text(card, encoding="utf-8", newline="\n")
    return summary
