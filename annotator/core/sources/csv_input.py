"""Reading a team's list of known sources from CSV.

Columns (header row required; only ``name`` is mandatory)::

    name,aliases,type,grade,note,external_id
    Wolodymyr Selenskyj,Selenskyj|Zelensky,person,B,ukrainischer Präsident,Q3881

``aliases`` are separated by ``|``; ``type`` is one of the nine source types
(value or label, any case); ``grade`` is a reliability grade A-F. Every
problem is reported with file and line, and nothing is read from a file
that has one (the caller writes all rows in one transaction or none).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.importer import InputError
from annotator.core.models import RELIABILITY_GRADES, SOURCE_TYPE_LABELS, SourceType
from annotator.core.sources.normalize import fold

COLUMNS = ("name", "aliases", "type", "grade", "note", "external_id")
ALIAS_SEPARATOR = "|"


@dataclass(frozen=True)
class SourceRow:
    line: int
    name: str
    aliases: tuple[str, ...] = ()
    source_type: SourceType | None = None
    grade: str | None = None
    note: str = ""
    external_id: str | None = None


def source_type_of(text: str) -> SourceType | None:
    """'intelligence', 'Intelligence service', 'INTELLIGENCE' -> the type."""
    wanted = fold(text)
    if not wanted:
        return None
    for source_type, label in SOURCE_TYPE_LABELS.items():
        if wanted in (source_type.value, fold(label)):
            return source_type
    raise ValueError(f"unknown source type {text!r} (one of: {', '.join(t.value for t in SourceType)})")


def read_sources_csv(path: Path) -> list[SourceRow]:
    """All rows of the file, or InputError for the first bad one."""
    rows: list[SourceRow] = []
    seen: dict[str, int] = {}
    try:
        with path.open("rb") as handle:
            stream = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
            reader = csv.DictReader(stream)
            _check_header(path, reader.fieldnames)
            for record in reader:
                row = _row(path, reader.line_num, record)
                for n in row.aliases + (row.name,):
                    if fold(n) in seen:
                        raise InputError(path, row.line, f"{n!r} is already named on line {seen[fold(n)]}")
                    seen[fold(n)] = row.line
                rows.append(row)
    except UnicodeDecodeError:
        raise InputError(path, None, "not valid UTF-8") from None
    except csv.Error as error:
        raise InputError(path, None, f"malformed CSV ({error})") from None
    except OSError as error:
        raise InputError(path, None, f"cannot read the file ({error.strerror or error})") from None
    return rows


def _check_header(path: Path, header: Sequence[str] | None) -> None:
    if not header or "name" not in header:
        raise InputError(path, 1, 'the header row has no "name" column')
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise InputError(path, 1, f"unknown column(s) {', '.join(map(repr, unknown))}; "
                                  f"known: {', '.join(COLUMNS)}")


def _row(path: Path, line: int, record: dict) -> SourceRow:
    if None in record:
        raise InputError(path, line, "more fields than the header has columns")
    values = {k: (v or "").strip() for k, v in record.items()}
    name = " ".join(values.get("name", "").split())
    if not name:
        raise InputError(path, line, "the name is empty")
    grade = values.get("grade", "").upper() or None
    if grade is not None and grade not in RELIABILITY_GRADES:
        raise InputError(path, line, f"grade must be A-F, not {values['grade']!r}")
    try:
        source_type = source_type_of(values.get("type", ""))
    except ValueError as error:
        raise InputError(path, line, str(error)) from None
    aliases = tuple(a.strip() for a in values.get("aliases", "").split(ALIAS_SEPARATOR) if a.strip())
    return SourceRow(line, name, aliases, source_type, grade, values.get("note", ""),
                     values.get("external_id") or None)
