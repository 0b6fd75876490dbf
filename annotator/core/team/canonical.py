"""A canonical dump of a project's content, free of rowids and local ids.

Two databases with the same dump hold the same work. Merge tests use it to
check order independence and idempotence; ``project_meta`` (identity,
merge bookkeeping) is not content and is left out.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.database import connect
from annotator.core.storage.merging import canonical_rows


def canonical_dump(path: Path | str) -> dict[str, list[tuple]]:
    db = connect(path, readonly=True)
    try:
        return canonical_rows(db)
    finally:
        db.close()
