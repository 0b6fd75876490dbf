"""Text clean-up on input and the content hash that identifies an article."""

from __future__ import annotations

import hashlib
import unicodedata


def clean_input_text(raw: str) -> str:
    """What we store: BOM removed, line endings made LF, otherwise unchanged.

    Offsets of claims refer to this text, so nothing else is altered.
    """
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def normalize_for_hash(text: str) -> str:
    """Canonical form for duplicate detection: NFC, whitespace runs collapsed.

    (str.split() splits on the same Unicode whitespace as the regex class
    for whitespace, at a tenth of the cost; import speed depends on it.)
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalized text (128 bits, hex)."""
    digest = hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()
    return digest[:32]


def derive_title(text: str, limit: int = 100) -> str:
    """A title for articles that come without one: their first line, shortened."""
    first_line = text.strip().split("\n", 1)[0].strip()
    if len(first_line) <= limit:
        return first_line
    cut = first_line.rfind(" ", 0, limit)
    return first_line[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"
