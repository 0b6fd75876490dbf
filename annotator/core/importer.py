"""Reading articles from .txt, .jsonl and .csv files into a project.

Readers stream: a file is never loaded whole (except a single .txt, which
is one article). An import is one transaction: a bad line aborts it and the
database stays as it was, unless ``skip_invalid`` is set, in which case the
bad line is reported and skipped.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotator.core.input_checks import (
    MAX_TEXT_BYTES,
    InputError,
    bounded_lines,
    check_regular_file,
    parse_json_object,
    too_long_message,
)
from annotator.core.input_files import SUPPORTED_SUFFIXES, walk_inputs  # noqa: F401  (re-exported)
from annotator.core.models import ClaimSuggestion, NewArticle
from annotator.core.textnorm import clean_input_text

KNOWN_FIELDS = ("text", "id", "title", "outlet", "url", "published", "language", "meta")


class ImportCancelled(Exception):
    pass


class Highlighter(Protocol):
    name: str
    version: str

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[ClaimSuggestion]]: ...


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    skipped: list[InputError] = field(default_factory=list)
    highlighted: int = 0


# -- reading ------------------------------------------------------------------


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files to read: given files as they are, folders searched (sorted) for
    supported files. The first problem found (a missing path, an unsupported
    or unreadable file, a FIFO, a symlink loop) is raised as an InputError."""
    files: list[Path] = []
    for item in walk_inputs(paths):
        if isinstance(item, InputError):
            raise item
        files.append(item)
    return files


def _decode(data: bytes, path: Path, first_line: int = 1) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first_line + data.count(b"\n", 0, error.start)
        raise InputError(path, line, f"not valid UTF-8 (byte 0x{data[error.start]:02x})") from None


def _read_txt_bytes(path: Path) -> bytes:
    """A .txt file's bytes; the size is checked first so memory stays bounded."""
    check_regular_file(path)
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(path, None, too_long_message(size))
    return path.read_bytes()


def read_txt(path: Path) -> Iterator[NewArticle | InputError]:
    try:
        text = clean_input_text(_decode(_read_txt_bytes(path), path))
    except InputError as error:
        yield error
        return
    if not text.strip():
        yield InputError(path, 1, "empty text")
        return
    yield NewArticle(text=text, source_file=str(path))


def _article_from_record(record: dict[str, Any], path: Path, line: int) -> NewArticle:
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(path, line, "missing \"text\" (a string)")
    if len(text) > MAX_TEXT_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise InputError(path, line, too_long_message(len(text.encode("utf-8", "surrogatepass"))))
    text = clean_input_text(text)
    if not text.strip():
        raise InputError(path, line, "empty text")
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(path, line, "\"meta\" must be an object")
    meta = {**meta, **{k: v for k, v in record.items() if k not in KNOWN_FIELDS and v not in ("", None)}}

    def optional(name: str) -> str | None:
        value = record.get(name)
        return None if value in (None, "") else str(value)

    return NewArticle(
        text=text, title=optional("title"), outlet=optional("outlet"), url=optional("url"),
        published=optional("published"), language=optional("language") or "de",
        external_id=optional("id"), source_file=str(path), source_line=line, meta=meta,
    )


def json_object_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError, int]]:
    """(line number, object or the line's error, bytes read so far) for each
    non-blank line of a JSON-lines file; shared by article and annotation import."""
    check_regular_file(path)
    with path.open("rb") as handle:
        for number, raw, done in bounded_lines(handle, path):
            if isinstance(raw, InputError):
                yield number, raw, done
                continue
            try:
                line = _decode(raw, path, number)
                if number == 1:
                    line = line.lstrip("\ufeff")
                if not line.strip():
                    continue
                yield number, parse_json_object(line, path, number), done
            except InputError as error:
                yield number, error, done


def read_jsonl(path: Path) -> Iterator[NewArticle | InputError]:
    for number, record, _ in json_object_lines(path):
        if isinstance(record, InputError):
            yield record
            continue
        try:
            yield _article_from_record(record, path, number)
        except InputError as error:
            yield error


def csv_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """(line, row or the error there) for each row of a CSV file with a "text"
    column; a bad header, byte or quote ends the file with its error."""
    check_regular_file(path)
    # a field may be as long as a text may be (the default, 128 KB, is less)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_TEXT_BYTES))
    with path.open("rb") as handle:
        # Decode strictly so a bad byte is reported with its line, not replaced.
        text_stream = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
        # strict: a quote never closed is an error, not the rest of the file in one field
        reader = csv.DictReader(_bounded_text_lines(text_stream), strict=True)
        try:
            header = reader.fieldnames
        except (UnicodeDecodeError, csv.Error) as error:
            yield 1, _csv_error(path, 1, error)
            return
        if not header or "text" not in header:
            yield 1, InputError(path, 1, "the header row has no \"text\" column")
            return
        while True:
            start = reader.line_num + 1  # where the next row (and any quote in it) begins
            try:
                row = next(reader)
            except StopIteration:
                return
            except (UnicodeDecodeError, csv.Error) as error:
                yield start, _csv_error(path, start, error)
                return
            yield start, {k: v for k, v in row.items() if k is not None}


def _bounded_text_lines(stream: io.TextIOWrapper) -> Iterator[str]:
    """The stream's lines, each read with a bound: one 200 MB line is refused
    after MAX_TEXT_BYTES characters instead of being read whole."""
    while True:
        line = stream.readline(MAX_TEXT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_TEXT_BYTES:
            raise csv.Error("field larger than field limit (a line too long)")
        yield line


def _csv_error(path: Path, line: int, error: Exception) -> InputError:
    if isinstance(error, UnicodeDecodeError):
        return InputError(path, line, "not valid UTF-8")
    text = str(error)
    if "unexpected end of data" in text:
        return InputError(path, line, "a quote opened in the row starting on this line is never "
                          "closed (the rest of the file would become one field)")
    if "field larger than field limit" in text:
        return InputError(path, line, too_long_message(MAX_TEXT_BYTES + 1))
    return InputError(path, line, f"malformed CSV ({text})")


def read_csv(path: Path) -> Iterator[NewArticle | InputError]:
    for line, record in csv_records(path):
        if isinstance(record, InputError):
            yield record
            continue
        try:
            yield _article_from_record(record, path, line)
        except InputError as error:
            yield error


READERS: dict[str, Callable[[Path], Iterator[NewArticle | InputError]]] = {
    ".txt": read_txt, ".jsonl": read_jsonl, ".csv": read_csv,
}


def read_articles(files: Iterable[Path | InputError]) -> Iterator[NewArticle | InputError]:
    """Articles and bad inputs, in file order; an unreadable file is a bad input."""
    for path in files:
        if isinstance(path, InputError):
            yield path
            continue
        try:
            yield from _articles_of(path)
        except OSError as error:
            yield InputError(path, None, f"cannot read: {error.strerror}")


def _articles_of(path: Path) -> Iterator[NewArticle | InputError]:
    """One file's articles; a file with no record at all is an error (an empty
    file or a header alone never imports "0" silently), and so is an ``id``
    given twice with different texts."""
    # id -> the first 64 bits of its text's hash, kept compactly for every id
    # of the file (what grows with it: input_ids.py)
    from annotator.core.input_ids import TextsById
    from annotator.core.storage.articles import content_id  # the store's own hash, computed once

    texts_by_id = TextsById()
    anything = False
    for item in READERS[path.suffix.lower()](path):
        anything = True
        if isinstance(item, NewArticle) and item.external_id is not None:
            this = int(content_id(item.text)[:16], 16)
            if texts_by_id.first(item.external_id, this) != this:
                item = InputError(path, item.source_line, f"id {item.external_id!r} was already given "
                                  "to a different text in this file")
        yield item
    if not anything:
        yield InputError(path, None, "no article in it (the file is empty, or has a header only)")


@dataclass
class InputText:
    """One article's text exactly as written in its file (only a leading BOM
    removed, line ends kept): what tools reporting offsets into the input read."""

    path: Path
    line: int | None  # 1-based line of a .jsonl/.csv record; None for a .txt file
    text: str


def _texts_of(path: Path) -> Iterator[InputText | InputError]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        try:
            text = _decode(_read_txt_bytes(path), path)
            yield InputText(path, None, text[1:] if text.startswith("\ufeff") else text)
        except InputError as error:
            yield error
        return
    records = json_object_lines(path) if suffix == ".jsonl" else csv_records(path)
    for item in records:
        line, record = item[0], item[1]
        if isinstance(record, InputError):
            yield record
        elif not isinstance(record.get("text"), str):
            yield InputError(path, line, "missing \"text\" (a string)")
        else:
            yield InputText(path, line, record["text"])


def read_texts(files: Iterable[Path]) -> Iterator[InputText | InputError]:
    """The same files as :func:`read_articles` reads, as raw texts with their
    place, in file order; an unreadable file is a bad input."""
    for path in files:
        try:
            yield from _texts_of(path)
        except OSError as error:
            yield InputError(path, None, f"cannot read: {error.strerror}")


# -- storing --------------------------------------------------------------------


def import_paths(
    project,
    paths: Iterable[Path | str],
    *,
    skip_invalid: bool = False,
    highlighter: Highlighter | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    batch_size: int = 64, workers: int | None = None, dask: str | None = None,
) -> ImportSummary:
    """Import every article under ``paths`` into ``project`` in one transaction.

    With a ``highlighter``, new articles are highlighted by ``workers``
    processes (None: one per core for large inputs) or on a Dask cluster
    (``dask``: a scheduler address, or "local"); see core/import_highlighting.py.

    ``on_progress(bytes_done, bytes_total)`` is called as files are read;
    ``should_cancel()`` returning True rolls everything back
    (ImportCancelled). Raises InputError on the first bad input unless
    ``skip_invalid``.
    """
    files = walk_inputs(paths)
    total_bytes = sum(f.stat().st_size for f in files if isinstance(f, Path)) or 1
    summary = ImportSummary()
    batch: list[NewArticle] = []
    imported_at = _now()  # one import, one time stamp

    def store_batch() -> None:
        if highlighting is None:
            new = project.insert_articles(batch, imported_at)
        else:
            new = highlighting.store(batch, imported_at)
            summary.highlighted += new
        summary.imported += new
        summary.duplicates += len(batch) - new
        batch.clear()

    progress = _ByteProgress(total_bytes, on_progress)
    with project.transaction(), _highlighting(project, highlighter, workers, dask, total_bytes) as highlighting:
        for item in read_articles(files):
            if should_cancel is not None and should_cancel():
                raise ImportCancelled()
            if isinstance(item, InputError):
                if not skip_invalid:
                    raise item
                summary.skipped.append(item)
                continue
            progress.reached(item.source_file)
            batch.append(item)
            if len(batch) >= batch_size:
                store_batch()
                progress.report()
        store_batch()
        if highlighting is not None:
            highlighting.finish()
    progress.finish()
    return summary


def _now() -> str:
    from annotator.core.database import utc_now  # here: `annotator highlight` reads files without sqlite-utils

    return utc_now()


def _highlighting(project, highlighter, workers, dask, input_bytes):
    if highlighter is None:
        return contextlib.nullcontext()
    from annotator.core.import_highlighting import HighlightingImport

    return HighlightingImport(project, highlighter, workers=workers, dask=dask, input_bytes=input_bytes)


class _ByteProgress:
    """Progress of an import in bytes of input: files finished so far."""

    def __init__(self, total: int, callback: Callable[[int, int], None] | None):
        self.total, self.callback, self.done = total, callback, 0
        self.current: str | None = None

    def reached(self, source_file: str | None) -> None:
        if source_file != self.current:
            if self.current is not None:
                self.done += Path(self.current).stat().st_size
            self.current = source_file

    def report(self) -> None:
        if self.callback is not None:
            self.callback(self.done, self.total)

    def finish(self) -> None:
        if self.callback is not None:
            self.callback(self.total, self.total)


def highlight_project(project, highlighter: Highlighter, *, article_ids: Iterable[str] | None = None,
                      on_progress: Callable[[int, int], None] | None = None,
                      should_cancel: Callable[[], bool] | None = None,
                      batch_size: int = 64) -> int:
    """(Re)compute suggestions for articles; human annotations are untouched.

    Commits per batch, so a cancelled run keeps what it finished (re-running
    is harmless: it replaces suggestions again).
    """
    ids = list(article_ids) if article_ids is not None else project.article_ids()
    done = 0
    for begin in range(0, len(ids), batch_size):
        if should_cancel is not None and should_cancel():
            raise ImportCancelled()
        batch = ids[begin : begin + batch_size]
        texts = [project.article(article_id).text for article_id in batch]
        results = list(highlighter.pipe(texts, batch_size=batch_size))
        with project.transaction():
            for article_id, claims in zip(batch, results):
                project.replace_suggestions(article_id, claims, highlighter.name, highlighter.version)
        done += len(batch)
        if on_progress is not None:
            on_progress(done, len(ids))
    return done
