"""import-annotations: read our JSONL export back as annotator layers.

Uses: predictions of another tool written in our format, another project's
export, or a round trip through an external editor. Each line is one
article seen by one annotator (the record's "_annotator_id", or the name
given to the import). Articles the project lacks are added from the
record's text and meta. The whole file is one transaction: a bad line
aborts it with the file and line named, and the database stays unchanged.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.importer import ImportCancelled, InputError, json_object_lines
from annotator.core.models import (
    ADJUDICATED_LAYER,
    Annotation,
    Attribution,
    Decision,
    NewArticle,
    SourceType,
    Span,
    check_annotator_name,
)
from annotator.core.sources.claim_links import restore_claim_links
from annotator.core.textnorm import article_id as content_hash

# Imported annotations get ids derived from (annotator, article, claim), so
# importing the same file again with replace=True gives the same ids.
_ID_NAMESPACE = uuid.UUID("5b0f7f3e-2f55-4b39-9a57-3c1e6f0c1a9e")


@dataclass
class AnnotationImportSummary:
    records: int = 0
    claims: int = 0
    articles_added: int = 0
    replaced: int = 0  # annotations removed by replace=True
    layers: dict[str, int] = field(default_factory=dict)  # records per annotator


class _BadRecord(ValueError):
    """A problem in one record; becomes an InputError with file and line."""


def import_annotations(project, path: Path | str, *, annotator: str | None = None,
                       replace: bool = False, allow_partial_tokens: bool = False,
                       span_rules: bool = True,
                       on_progress: Callable[[int, int], None] | None = None,
                       should_cancel: Callable[[], bool] | None = None) -> AnnotationImportSummary:
    """Import every record of the JSONL file at ``path`` (one transaction).

    ``annotator`` overrides the records' "_annotator_id". An annotator who
    already has annotations of a record's article is an error unless
    ``replace``, which replaces that annotator's annotations of the article.
    Spans must cover whole words within a paragraph (core.spans) unless
    ``allow_partial_tokens`` (another tool's character spans); ``span_rules=False``
    keeps every span as written (a round trip of data older than the rules)."""
    path = Path(path)
    name = import_layer_name(annotator) if annotator is not None else None
    summary = AnnotationImportSummary()
    seen: dict[Any, int] = {}
    total = path.stat().st_size if path.exists() else 0
    with project.transaction():
        for number, record, done in _read_records(path):
            if should_cancel is not None and should_cancel():
                raise ImportCancelled()
            try:
                _import_record(project, record, name, replace, seen, number, summary,
                               (span_rules, allow_partial_tokens))
            except (_BadRecord, ValueError) as error:
                raise InputError(path, number, str(error)) from None
            if on_progress is not None and number % 64 == 0:
                on_progress(done, total)
    if on_progress is not None:
        on_progress(total, total)
    return summary


def _read_records(path: Path) -> Iterator[tuple[int, dict[str, Any], int]]:
    """(line number, record, bytes read so far) for each non-empty line; the
    first bad line stops the import (it is one transaction)."""
    try:
        for number, record, done in json_object_lines(path):
            if isinstance(record, InputError):
                raise record
            yield number, record, done
    except OSError as error:
        raise InputError(path, None, f"cannot read: {error.strerror}") from None


def import_layer_name(name: str) -> str:
    """The layer a name given to the import stands for: a person's name, or
    the adjudicated layer. ValueError (saying why) for an unusable name."""
    if name.strip() == ADJUDICATED_LAYER:
        return ADJUDICATED_LAYER
    return check_annotator_name(name)


def _layer_name(name: Any) -> str:
    if not isinstance(name, str):
        raise _BadRecord('no annotator: the record has no "_annotator_id"; name one with --annotator')
    try:
        return import_layer_name(name)
    except ValueError as error:
        raise _BadRecord(f"annotator {name!r}: {error}; import it under another name "
                         "with --annotator") from None


def _import_record(project, record: dict, name: str | None, replace: bool,
                   seen: dict[tuple[str, str], int], number: int,
                   summary: AnnotationImportSummary, rules: tuple[bool, bool] = (True, False)) -> None:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRecord('missing "text" (a non-empty string)')
    layer = name or _layer_name(record.get("_annotator_id"))
    article_id = _ensure_article(project, text, record.get("meta"), summary)
    key = (article_id, layer)
    if key in seen:
        raise _BadRecord(f"a second record of article {article_id} by {layer!r} "
                         f"(the first is on line {seen[key]})")
    seen[key] = number
    _clear_layer(project, article_id, layer, replace, summary)
    claims = _claims_of(record, text)
    linked = _suggestions_by_span(project, article_id)
    ids = [_save_claim(project, claim, article_id, layer, index, linked, rules)
           for index, claim in enumerate(claims)]
    restore_claim_links(project, article_id, ids, record.get("claims"))
    summary.records += 1
    summary.claims += len(claims)
    summary.layers[layer] = summary.layers.get(layer, 0) + 1


def _ensure_article(project, text: str, meta: Any, summary: AnnotationImportSummary) -> str:
    article_id = content_hash(text)
    if project.has_article(article_id):
        if project.article(article_id).text != text:
            raise _BadRecord(f"article {article_id} is in the project with different "
                             "whitespace; the record's offsets would not fit its text")
        return article_id
    meta = meta if isinstance(meta, dict) else {}

    def field_(key: str) -> str | None:
        value = meta.get(key)
        return None if value in (None, "") else str(value)

    project.insert_article(NewArticle(
        text=text, title=field_("title"), outlet=field_("outlet"), url=field_("url"),
        published=field_("published"), language=field_("language") or "de",
        external_id=field_("external_id"), source_file=field_("source_file")))
    summary.articles_added += 1
    return article_id


def _clear_layer(project, article_id: str, layer: str, replace: bool,
                 summary: AnnotationImportSummary) -> None:
    existing = project.annotations(article_id=article_id, annotator=layer)
    if existing and not replace:
        raise _BadRecord(f"{layer!r} already has {len(existing)} annotation(s) of article "
                         f"{article_id}; use --replace to replace them, or --annotator to "
                         "import under another name")
    for annotation in existing:
        project.delete_annotation(annotation.id)
    summary.replaced += len(existing)


def _suggestions_by_span(project, article_id: str) -> dict[tuple[int, int], int]:
    return {(s.start, s.end): s.id for s in project.suggestions(article_id)}


def _save_claim(project, claim: Annotation, article_id: str, layer: str, index: int,
                linked: dict[tuple[int, int], int], rules: tuple[bool, bool]) -> str:
    # A claim at a suggestion's span reviews that suggestion (once per layer).
    suggestion_id = linked.pop((claim.start, claim.end), None)
    key = f"{layer}\n{article_id}\n{claim.id or index}"
    annotation_id = str(uuid.uuid5(_ID_NAMESPACE, key))
    stored = claim.evolve(article_id=article_id, annotator=layer, suggestion_id=suggestion_id,
                          id=annotation_id)
    try:
        project.save_annotation(stored, span_rules=rules[0], allow_partial_tokens=rules[1])
    except ValueError as error:
        raise _BadRecord(f"claim {index + 1}: {error}") from None
    return annotation_id


# -- reading one record's claims ------------------------------------------------


def _claims_of(record: dict, text: str) -> list[Annotation]:
    claims = record.get("claims")
    if claims is None:
        return _claims_from_spans(record, text)
    if not isinstance(claims, list):
        raise _BadRecord('"claims" must be a list')
    result = [_claim(entry, text, i) for i, entry in enumerate(claims)]
    first: dict[str, int] = {}
    for index, claim in enumerate(result):
        if claim.id is not None and first.setdefault(claim.id, index) != index:
            # both would be stored under one id: one would silently replace the other
            raise _BadRecord(f"claim {index + 1} has the id {claim.id!r} of claim {first[claim.id] + 1}; "
                             "give each claim its own id")
    return result


def _offsets(part: Any, text: str, what: str) -> Span | None:
    if part is None:
        return None
    if not isinstance(part, dict) or not all(isinstance(part.get(k), int) for k in ("start", "end")):
        raise _BadRecord(f"{what} needs integer \"start\" and \"end\"")
    span = Span(part["start"], part["end"])
    if span.end > len(text):
        raise _BadRecord(f"{what} {span.start}..{span.end} is past the text's end ({len(text)})")
    if "text" in part and part["text"] != text[span.start:span.end]:
        raise _BadRecord(f"{what} {span.start}..{span.end} is {text[span.start:span.end]!r} in the "
                         f"text, not {part['text']!r} (offsets must count code points)")
    return span


def _enum(enum_type, value: Any, what: str):
    if value is None:
        return None
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum_type)
        raise _BadRecord(f"{what} {value!r} is not one of {allowed}") from None


def _grade(value: Any, kind: type, what: str) -> Any:
    """A grade as given, if it has the right type (a letter, a number)."""
    if value is None or (isinstance(value, kind) and not isinstance(value, bool)):
        return value
    expected = "a letter A-F" if kind is str else "a number 1-6"
    raise _BadRecord(f"{what} must be {expected}, not {type(value).__name__} {value!r:.40}")


def _claim(entry: Any, text: str, index: int) -> Annotation:
    what = f"claim {index + 1}"
    if not isinstance(entry, dict):
        raise _BadRecord(f"{what} is not an object")
    claim = _offsets(entry.get("claim"), text, f"{what}: claim span")
    if claim is None:
        raise _BadRecord(f"{what} has no \"claim\" span")
    decision = entry.get("decision") or "accept"  # an unreviewed prediction counts as a claim
    annotation = Annotation(
        article_id="", annotator="", decision=_enum(Decision, decision, f"{what}: decision"),
        start=claim.start, end=claim.end,
        source=_offsets(entry.get("source"), text, f"{what}: source span"),
        cue=_offsets(entry.get("cue"), text, f"{what}: cue span"),
        unattributed=bool(entry.get("unattributed", False)),
        source_type=_enum(SourceType, entry.get("source_type"), f"{what}: source_type"),
        reliability=_grade(entry.get("source_reliability"), str, f"{what}: source_reliability"),
        credibility=_grade(entry.get("information_credibility"), int, f"{what}: information_credibility"),
        attribution=_enum(Attribution, entry.get("attribution"), f"{what}: attribution"),
        hedged=bool(entry.get("hedged", False)), note=str(entry.get("note") or ""),
        flag=entry.get("flag") or None,  # validate() names a value that is not a flag
        id=entry.get("id") if isinstance(entry.get("id"), str) else None,
    )
    try:
        annotation.validate(len(text))
    except ValueError as error:
        raise _BadRecord(f"{what}: {error}") from None
    return annotation


def _claims_from_spans(record: dict, text: str) -> list[Annotation]:
    """Records without "claims" (another tool's spans and relations): every
    CLAIM span is an accepted claim, with the SOURCE and CUE related to it."""
    spans = record.get("spans") or []
    if not isinstance(spans, list):
        raise _BadRecord('"spans" must be a list')
    by_offsets = {}
    for i, span in enumerate(spans):
        offsets = _offsets(span, text, f"span {i + 1}")
        if offsets is None:
            continue
        by_offsets[(offsets.start, offsets.end, span.get("label") == "CLAIM")] = offsets
    parts: dict[tuple[Any, Any], dict[str, Span | None]] = {
        (s, e): {} for (s, e, is_claim) in by_offsets if is_claim}
    relations = record.get("relations") or []
    if not isinstance(relations, list):
        raise _BadRecord('"relations" must be a list')
    for i, relation in enumerate(relations):
        head, child = _relation_ends(relation, i)
        target = parts.get((child.get("start"), child.get("end"))) if _hashable(child) else None
        role = {"SOURCE": "source", "CUE": "cue"}.get(str(head.get("label")))
        if target is not None and role is not None:
            target[role] = _offsets(head, text, f"{role} of a relation")
    return [Annotation(article_id="", annotator="", decision=Decision.ACCEPT, start=s, end=e,
                       source=p.get("source"), cue=p.get("cue")) for (s, e), p in sorted(parts.items())]


def _relation_ends(relation: Any, index: int) -> tuple[dict, dict]:
    if not isinstance(relation, dict):
        raise _BadRecord(f"relation {index + 1} is not an object")
    head, child = relation.get("head_span") or {}, relation.get("child_span") or {}
    if not isinstance(head, dict) or not isinstance(child, dict):
        raise _BadRecord(f"relation {index + 1}: \"head_span\" and \"child_span\" must be objects")
    return head, child


def _hashable(span: dict) -> bool:
    return all(isinstance(span.get(k), int | None) for k in ("start", "end"))
