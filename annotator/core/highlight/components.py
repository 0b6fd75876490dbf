"""spaCy components of the claim & attribution pre-highlighter.

Registered as spaCy factories (and exposed through the ``spacy_factories``
entry point) so any German pipeline can use them::

    nlp = spacy.blank("de")
    nlp.add_pipe("annotator_sentences")
    nlp.add_pipe("annotator_claims")
    doc = nlp(text)
    doc._.annotator_claims   # list of ClaimSuggestion

Components:

* ``annotator_sentences`` - German news sentence segmentation.
* ``annotator_claims`` - cues, quotes, sources, messages, hedges; writes
  ``doc._.annotator_claims`` (ClaimSuggestion list, char offsets) and
  ``doc.spans["annotator_cues"]`` / ``doc.spans["annotator_sources"]``.
  Uses ``token.pos_`` and ``doc.ents`` when an earlier component (a
  de_core_news_* model) has set them.
"""

from __future__ import annotations

from itertools import compress
from operator import add

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from annotator.core.highlight.lexicons import load_lexicons
from annotator.core.highlight.rules import DocRules
from annotator.core.highlight.sentences import segment, token_texts
from annotator.core.models import Attribution, ClaimSuggestion, Span

RAW_KEY = "annotator_claims_raw"


def _claims_getter(doc: Doc) -> list[ClaimSuggestion] | None:
    raw = doc.user_data.get(RAW_KEY)
    if raw is None:
        return None
    out = []
    for r in raw:
        out.append(ClaimSuggestion(
            start=r["start"], end=r["end"],
            source=Span(*r["source"]) if r["source"] else None,
            cue=Span(*r["cue"]) if r["cue"] else None,
            attribution=Attribution(r["attribution"]), hedged=r["hedged"], score=r["score"],
        ))
    return out


def _field_getter(field: str):
    def get(doc: Doc):
        raw = doc.user_data.get(RAW_KEY)
        if raw is None:
            return None
        if field == "parts":
            return [[tuple(p) for p in r["parts"]] for r in raw]
        if field == "mention":
            return [Span(*r["mention"]) if r["mention"] else None for r in raw]
        return [r[field] for r in raw]

    return get


# Results live in doc.user_data as plain data (so Docs serialise, e.g. with
# nlp.pipe(n_process=2) or DocBin); these read-only extensions present them.
for _name, _getter in (
    ("annotator_claims", _claims_getter),
    ("annotator_message_parts", _field_getter("parts")),
    ("annotator_mentions", _field_getter("mention")),
    ("annotator_rules", _field_getter("rule")),
    ("annotator_families", _field_getter("family")),
    ("annotator_groups", _field_getter("group")),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, getter=_getter)


class SentenceSegmenter:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lex = load_lexicons()

    def __call__(self, doc: Doc) -> Doc:
        segment(doc, self.lex)
        return doc


class ClaimFinder:
    def __init__(self, nlp: Language, name: str, unattributed: bool = True):
        self.name = name
        self.lex = load_lexicons()
        self.unattributed = unattributed

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            doc.user_data[RAW_KEY] = []
            return doc
        starts_flags = doc.user_data.get("annotator_sent_starts")
        if starts_flags is None or len(starts_flags) != n:
            if not doc.has_annotation("SENT_START"):
                segment(doc, self.lex)
                starts_flags = doc.user_data["annotator_sent_starts"]
            else:
                starts_flags = [v == 1 for v in doc.to_array(SENT_START).tolist()]
                starts_flags[0] = True
        words = token_texts(doc)
        sidx = [*compress(range(n), starts_flags), n]
        bounds = [(sidx[k], sidx[k + 1]) for k in range(len(sidx) - 1)]
        pos = [t.pos_ for t in doc] if doc.has_annotation("POS") else None
        ents = [(e.start, e.end, e.label_) for e in doc.ents] if doc.has_annotation("ENT_IOB") else None
        rules = DocRules(words, bounds, self.lex, ents=ents, pos=pos)
        claims = sorted(rules.run(), key=lambda c: (c.start, c.end))
        if ents:
            _snap_to_entities(claims, ents)
        starts = doc.to_array(IDX).tolist()
        ends = list(map(add, starts, map(len, words)))

        def span(r):
            if r is None or r[1] <= r[0]:
                return None
            return Span(starts[r[0]], ends[r[1] - 1])

        raw = []
        cue_spans, src_spans = [], []
        for c in claims:
            if not self.unattributed and c.attribution.value == "unattributed":
                continue
            src = span(c.antecedent or c.source)
            cue = span(c.cue)
            m = span(c.source)
            raw.append({
                "start": starts[c.start], "end": ends[c.end - 1],
                "source": [src.start, src.end] if src else None,
                "cue": [cue.start, cue.end] if cue else None,
                "attribution": c.attribution.value, "hedged": bool(c.hedged), "score": round(c.score, 3),
                "parts": [[starts[a], ends[b - 1]] for a, b in c.parts if b > a],
                "mention": [m.start, m.end] if m else None,
                "rule": c.kind,
                "family": c.family,
                "group": c.group,
            })
            if c.cue:
                cue_spans.append(SpacySpan(doc, c.cue[0], c.cue[1]))
            if c.source:
                src_spans.append(SpacySpan(doc, c.source[0], c.source[1]))
        doc.user_data[RAW_KEY] = raw
        doc.user_data.pop("annotator_words", None)
        doc.spans["annotator_cues"] = cue_spans
        doc.spans["annotator_sources"] = src_spans
        return doc


def _snap_to_entities(claims, ents) -> None:
    """With a statistical model: grow a source to cover the person/organisation
    entity it overlaps, or take the nearest entity in the sentence when no
    source was found."""
    for c in claims:
        if c.source is None:
            continue
        a, b = c.source
        for ea, eb, label in ents:
            if label in ("PER", "ORG", "PERSON") and ea < b and eb > a:
                c.source = (min(a, ea), max(b, eb))


@Language.factory("annotator_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name)


@Language.factory("annotator_claims", default_config={"unattributed": True})
def make_claims(nlp: Language, name: str, unattributed: bool) -> ClaimFinder:
    return ClaimFinder(nlp, name, unattributed=unattributed)
