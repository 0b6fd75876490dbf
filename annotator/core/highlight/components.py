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

from spacy.language import Language
from spacy.tokens import Doc

from annotator.core.highlight.lexicons import load_lexicons
from annotator.core.highlight.rules import DocRules
from annotator.core.highlight.sentences import segment
from annotator.core.models import ClaimSuggestion, Span

if not Doc.has_extension("annotator_claims"):
    Doc.set_extension("annotator_claims", default=None)
if not Doc.has_extension("annotator_message_parts"):
    Doc.set_extension("annotator_message_parts", default=None)
if not Doc.has_extension("annotator_mentions"):
    Doc.set_extension("annotator_mentions", default=None)
if not Doc.has_extension("annotator_rules"):
    Doc.set_extension("annotator_rules", default=None)


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
            doc._.annotator_claims = []
            doc._.annotator_message_parts = []
            doc._.annotator_mentions = []
            doc._.annotator_rules = []
            return doc
        if not doc.has_annotation("SENT_START"):
            segment(doc, self.lex)
        words = [t.text for t in doc]
        bounds = [(s.start, s.end) for s in doc.sents]
        pos = [t.pos_ for t in doc] if doc.has_annotation("POS") else None
        ents = [(e.start, e.end, e.label_) for e in doc.ents] if doc.has_annotation("ENT_IOB") else None
        rules = DocRules(words, bounds, self.lex, ents=ents, pos=pos)
        claims = rules.run()
        if ents:
            _snap_to_entities(claims, ents)
        starts = [t.idx for t in doc]
        ends = [t.idx + len(t.text) for t in doc]

        def span(r):
            if r is None or r[1] <= r[0]:
                return None
            return Span(starts[r[0]], ends[r[1] - 1])

        out, parts, mentions, kinds = [], [], [], []
        cue_spans, src_spans = [], []
        for c in claims:
            if not self.unattributed and c.attribution.value == "unattributed":
                continue
            src = span(c.antecedent or c.source)
            cue = span(c.cue)
            out.append(ClaimSuggestion(start=starts[c.start], end=ends[c.end - 1], source=src, cue=cue,
                                       attribution=c.attribution, hedged=c.hedged, score=round(c.score, 3)))
            parts.append([(starts[a], ends[b - 1]) for a, b in c.parts if b > a])
            m = span(c.source)
            mentions.append(m)
            kinds.append(c.kind)
            if c.cue:
                cue_spans.append(doc[c.cue[0]:c.cue[1]])
            if c.source:
                src_spans.append(doc[c.source[0]:c.source[1]])
        doc._.annotator_claims = out
        doc._.annotator_message_parts = parts
        doc._.annotator_mentions = mentions
        doc._.annotator_rules = kinds
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
