"""Learned models stored as sealed JSON: numbers and names, never pickle.

A stored model is ``{"format", "format_version", "payload", "sha256"}`` where
the checksum covers the payload's canonical JSON, so a damaged, foreign or
newer model is refused (``ModelError``) and the caller falls back to the
rules. One envelope for every learned model (re-scorer, span corrector).
"""

from __future__ import annotations

import hashlib
import json


class ModelError(ValueError):
    """The stored model cannot be used (damaged, foreign or too new)."""


def _canonical(payload: object) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)


def content_version(prefix: str, payload: dict) -> str:
    """A short content hash that names a model in a suggestion's pipeline version."""
    blob = json.dumps(payload, sort_keys=True).encode()
    return f"{prefix}-" + hashlib.sha256(blob).hexdigest()[:8]


def seal(kind: str, version: int, payload: dict) -> bytes:
    doc = {"format": kind, "format_version": version, "payload": payload,
           "sha256": hashlib.sha256(_canonical(payload).encode()).hexdigest()}
    return json.dumps(doc, sort_keys=True, ensure_ascii=False).encode()


def unseal(data: bytes, kind: str, version: int, what: str) -> dict:
    """The payload of a sealed model of ``kind``; ModelError naming ``what``
    ("learned model", "learned corrector") when it cannot be trusted."""
    try:
        doc = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise ModelError(f"{what} is not readable JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != kind:
        raise ModelError(f"{what} has an unknown format")
    if doc.get("format_version") != version:
        raise ModelError(f"{what} format {doc.get('format_version')!r} is not supported")
    payload = doc.get("payload")
    if not isinstance(payload, dict):
        raise ModelError(f"{what} has no payload")
    if hashlib.sha256(_canonical(payload).encode()).hexdigest() != doc.get("sha256"):
        raise ModelError(f"{what} is damaged (checksum mismatch)")
    return payload
