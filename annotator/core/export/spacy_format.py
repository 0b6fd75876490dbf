"""spaCy DocBin shards: CLAIM/SOURCE/CUE spans in ``doc.spans["sc"]`` (what
spancat trains on) and the claims with their grades in ``doc.user_data``.

A DocBin holds its Docs in memory until written, so Docs go into shards of
``shard_size`` (``0000.spacy``, ``0001.spacy``, ...): memory stays bounded
however large the export. ``spacy train`` reads a folder of shards as one
corpus. Beside the shards goes ``spancat.cfg``: the project's spancat config
(resources/spacy/spancat.cfg, with the project's tokenizer) whose suggester
proposes spans up to the longest exported span, in tokens.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.export.formats import ExportFormat, register
from annotator.core.export.options import ExportOptions
from annotator.core.export.records import LayerRecord, claim_payload
from annotator.core.export.tokens import make_doc
from annotator.core.resources import resource_path

SPANS_KEY = "sc"
CONFIG_NAME = "spancat.cfg"
_TEMPLATE_MAX_SIZE = "max_size = 40"


def record_doc(record: LayerRecord):
    text = record.article.text
    doc = make_doc(text)
    spans = []
    for start, end, label in record.spans:
        # Spans are stored by character; "expand" widens one that ends inside
        # a token to whole tokens, as spaCy requires.
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPANS_KEY] = spans
    doc.user_data["article_id"] = record.article.id
    doc.user_data["annotator"] = record.annotator
    doc.user_data["meta"] = record.article.meta()
    doc.user_data["claims"] = [claim_payload(c, text) for c in record.claims]
    return doc


def _doc_bin():
    from spacy.tokens import DocBin  # here, not at the top: importing spaCy costs ~1 s

    return DocBin(store_user_data=True)


class ShardWriter:
    """Writes Docs into numbered .spacy files in ``folder``."""

    def __init__(self, folder: Path, shard_size: int):
        self.folder, self.shard_size = folder, shard_size
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shards = 0
        self.bin = _doc_bin()
        self.longest = 1  # tokens of the longest span written

    def write(self, record: LayerRecord) -> None:
        doc = record_doc(record)
        self.longest = max([self.longest, *(len(span) for span in doc.spans[SPANS_KEY])])
        self.bin.add(doc)
        if len(self.bin) >= self.shard_size:
            self._flush()

    def _flush(self) -> None:
        if len(self.bin):
            self.bin.to_disk(self.folder / f"{self.shards:04d}.spacy")
            self.shards += 1
            self.bin = _doc_bin()

    def close(self) -> None:
        self._flush()


def open_shards(folder: Path, options: ExportOptions) -> ShardWriter:
    """The registry's writer: one set's shards in ``folder``."""
    return ShardWriter(folder, options.shard_size)


def write_config(root: Path, sinks: list[ShardWriter]) -> None:
    """spancat.cfg in the export's folder, its suggester covering every span."""
    longest = max((sink.longest for sink in sinks), default=1)
    template = resource_path("spacy", CONFIG_NAME).read_text(encoding="utf-8")
    assert _TEMPLATE_MAX_SIZE in template, "the template's suggester sets max_size"
    config = template.replace(_TEMPLATE_MAX_SIZE, f"max_size = {longest}")
    (root / CONFIG_NAME).write_text(config, encoding="utf-8", newline="\n")


# Never cached: a DocBin's bytes depend on every Doc in its shard.
register(ExportFormat(
    name="spacy", title="spaCy", label="spaCy DocBin (folder of .spacy shards)",
    help="spacy: a folder of DocBin shards", suffix=".spacy", example="corpus",
    writer=open_shards, folder=True, tokens=True, card_options=("shard_size",), position=1,
    finish=write_config))
