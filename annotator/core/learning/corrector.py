"""The span corrector: learned source choice and message-boundary edits.

Where the re-scorer only decides which suggestions to show, the corrector
changes their spans, as the team corrected them: the source chooser
(``source_chooser``) replaces a suggested source by another candidate when
the model prefers it by a margin, and the message edits (``message_edits``)
move the message's boundaries where the team moved them for that kind of
suggestion.  The model is plain JSON (format name, version, counts,
SHA-256), never pickle; a damaged one raises ``ModelError`` and the caller
uses the rules' spans with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from annotator.core.learning.claim_finder import ArticleClaims, ClaimFinder, train_finder
from annotator.core.learning.message_edits import EditCase, EditRule, apply_edits, conditions, learn_edits
from annotator.core.learning.rescorer import Example, Head, fit_head
from annotator.core.learning.sealed import ModelError, content_version, seal, unseal
from annotator.core.learning.source_candidates import Tokens
from annotator.core.learning.source_chooser import Choice, SourceChooser, context_key, source_examples
from annotator.core.models import Attribution, ClaimSuggestion, Span

FORMAT = "annotator-corrector"
FORMAT_VERSION = 1
DEFAULT_MARGIN = 0.2
# the chooser looks at a kind of suggestion (attribution form and the rule
# source's type) only where its changes of the training cases were right
# this often: each look costs time, and elsewhere it does not help
MIN_RIGHT = 2


def _lex():
    from annotator.core.highlight.lexicons import load_lexicons

    return load_lexicons()


def _pair(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


_families: dict[tuple[str, str], str] = {}


def _family(text: str, s: ClaimSuggestion, lex) -> str:
    """The cue's family (remembered: cues repeat, and this runs for every claim)."""
    from annotator.core.learning.features import cue_features

    key = (lex.digest, s.cue.text(text) if s.cue else "")
    if key not in _families:
        if len(_families) > 20_000:
            _families.clear()
        _families[key] = str(cue_features(key[1], lex).get("cue_family", "none"))
    return _families[key]


@lru_cache(maxsize=4)
def article_tokens(text: str) -> Tokens:
    """The article's tokens, cut once per article and shared by all its
    suggestions (and by the candidate finder): cutting a window per
    suggestion cost more than the rest of the corrector together."""
    return Tokens.of(text)


def suggestion_tokens(text: str, s: ClaimSuggestion) -> Tokens:
    """The tokens a suggestion's candidates and edits are read from."""
    return article_tokens(text)


@dataclass
class Correction:
    """What the corrector changed in one suggestion, for the tooltip."""

    source: Choice | None = None
    edits: list[str] = field(default_factory=list)
    found: bool = False  # the claim finder made this unattributed claim speech


@dataclass
class Corrector:
    chooser: Head | None
    edits: list[EditRule]
    margin: float = DEFAULT_MARGIN
    counts: dict[str, int] = field(default_factory=dict)
    contexts: dict[str, list[int]] = field(default_factory=dict)  # kind -> [right, wrong] changes in training
    finder: ClaimFinder | None = None  # promotes likely speech among the unattributed claims

    # ------------------------------------------------------------ applying
    def correct(self, text: str, suggestions: Sequence[ClaimSuggestion]
                ) -> tuple[list[ClaimSuggestion], list[Correction]]:
        """The suggestions with corrected spans (unattributed ones as they
        are), and what changed in each."""
        lex = _lex()
        # a margin of 1 or more can never be met: no chooser, no work
        chooser = None if self.chooser is None or self.margin >= 1.0 else SourceChooser(self.chooser, self.margin)
        earlier: list[tuple[int, int]] = []
        out, why = [], []
        found: set[int] = set()
        if self.finder is not None:
            promoted, changed = self.finder.find(text, suggestions, lex)
            suggestions, found = promoted, set(changed)
        for n, s in enumerate(suggestions):
            fixed, corr = s, Correction(found=n in found)
            if s.attribution != Attribution.UNATTRIBUTED and not corr.found:
                fixed, corr = self._one(text, lex, chooser, s, earlier)
                if s.source is not None:
                    earlier.append((s.source.start, s.source.end))
            out.append(fixed)
            why.append(corr)
        return out, why

    def _one(self, text: str, lex, chooser: SourceChooser | None, s: ClaimSuggestion,
             earlier: list[tuple[int, int]]) -> tuple[ClaimSuggestion, Correction]:
        corr = Correction()
        rule = _pair(s.source)
        look = chooser is not None and context_key(text, lex, s.attribution.value, rule) in self.contexts
        conds = conditions(s.attribution.value, _family(text, s, lex)) if self.edits else []
        if not look and not any(r.condition in conds for r in self.edits):
            return s, corr  # the common case: nothing learned for this kind of claim
        tok = suggestion_tokens(text, s)
        if look and chooser is not None:
            corr.source = chooser.choose(tok, lex, text, s.start, s.end, s.attribution.value, _pair(s.cue),
                                         rule, earlier)
        span = (s.start, s.end)
        if conds:
            span, corr.edits = apply_edits(self.edits, tok, span, conds)
        if corr.source is None and not corr.edits:
            return s, corr
        source = s.source if corr.source is None else (
            None if corr.source.span is None else Span(*corr.source.span))
        return replace(s, start=span[0], end=span[1], source=source), corr

    # --------------------------------------------------------- serialising
    def _payload(self) -> dict:
        return {"chooser": None if self.chooser is None else self.chooser.to_dict(),
                "edits": [r.to_dict() for r in self.edits], "margin": self.margin, "counts": self.counts,
                "contexts": self.contexts, "finder": None if self.finder is None else self.finder.to_dict()}

    @property
    def version(self) -> str:
        return content_version("corrector", self._payload())

    def to_bytes(self) -> bytes:
        return seal(FORMAT, FORMAT_VERSION, self._payload())

    @classmethod
    def from_bytes(cls, data: bytes) -> Corrector:
        payload = unseal(data, FORMAT, FORMAT_VERSION, "learned corrector")
        try:
            chooser, finder = payload["chooser"], payload.get("finder")  # no finder before round three
            return cls(None if chooser is None else Head.from_dict(chooser),
                       [EditRule.from_dict(r) for r in payload["edits"]], float(payload["margin"]),
                       {str(k): int(v) for k, v in payload["counts"].items()},
                       {str(k): [int(n), int(c)] for k, (n, c) in payload["contexts"].items()},
                       None if finder is None else ClaimFinder.from_dict(finder))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"learned corrector is incomplete: {exc}") from exc


@dataclass
class CorrectionCase:
    """One reviewed suggestion as the corrector learns from it: the
    reviewer's message span (None: rejected) and source (None: none)."""

    text: str
    suggestion: ClaimSuggestion
    message: tuple[int, int] | None
    source: tuple[int, int] | None
    speech: bool = True  # kept as speech (False: kept as a claim with no speaker)


@dataclass
class _SourceCase:
    """A reviewed suggestion as the source chooser sees it."""

    text: str
    tok: Tokens
    suggestion: ClaimSuggestion
    gold: tuple[int, int] | None
    earlier: list[tuple[int, int]]


def _collect(cases: Iterable[CorrectionCase], lex) -> tuple[list[_SourceCase], list[EditCase]]:
    """The chooser's and the edit learner's cases, article by article."""
    source_cases: list[_SourceCase] = []
    edit_cases: list[EditCase] = []
    text: str | None = None
    seen: list[tuple[int, int]] = []
    for c in cases:
        s = c.suggestion
        if s.attribution == Attribution.UNATTRIBUTED:
            continue
        if c.text is not text:
            text, seen = c.text, []
        tok = suggestion_tokens(c.text, s)
        if c.message is not None:
            source_cases.append(_SourceCase(c.text, tok, s, c.source, list(seen)))
        edit_cases.append(EditCase(tok, (s.start, s.end), conditions(s.attribution.value, _family(c.text, s, lex)),
                                   c.message))
        if s.source is not None:
            seen.append((s.source.start, s.source.end))
    return source_cases, edit_cases


def _change_counts(chooser: SourceChooser, cases: list[_SourceCase], lex) -> dict[str, list[int]]:
    """Per kind of suggestion (``context_key``): [right, wrong] changes the
    chooser makes to ``cases`` (right: the reviewer's candidate)."""
    from annotator.core.learning.source_candidates import candidates
    from annotator.core.learning.source_chooser import label

    stats: dict[str, list[int]] = {}
    for c in cases:
        s = c.suggestion
        rule = _pair(s.source)
        choice = chooser.choose(c.tok, lex, c.text, s.start, s.end, s.attribution.value, _pair(s.cue), rule,
                                c.earlier)
        if choice is None:
            continue
        cands = candidates(c.tok, lex, s.start, s.end, _pair(s.cue), rule, c.earlier)
        k = label(cands, c.gold)
        right = k is not None and (cands[k][2] == "none" if choice.span is None else cands[k][:2] == choice.span)
        counts = stats.setdefault(context_key(c.text, lex, s.attribution.value, rule), [0, 0])
        counts[0 if right else 1] += 1
    return stats


def _fit(examples: list[Example]) -> Head | None:
    kept = sum(1 for e in examples if e.accepted)
    return fit_head(examples) if kept and kept < len(examples) else None


def _where_it_helps(cases: list[_SourceCase], per_case: list[list[Example]], folds: list[int], margin: float,
                    lex) -> dict[str, list[int]]:
    """Kinds of suggestion where the chooser's changes were right at least
    MIN_RIGHT times and twice as often as wrong, judged out of sample: a
    chooser fitted on the articles of one half changes the other half's
    suggestions (judged on its own training cases it praised itself and
    looked at kinds where it then changed nothing right).  Only these kinds
    are looked at when applying: each look costs time."""
    stats: dict[str, list[int]] = {}
    for k in (0, 1):
        head = _fit([e for ex, f in zip(per_case, folds) if f != k for e in ex])
        if head is None:
            continue
        judged = [c for c, f in zip(cases, folds) if f == k]
        for key, (right, wrong) in _change_counts(SourceChooser(head, margin), judged, lex).items():
            counts = stats.setdefault(key, [0, 0])
            counts[0] += right
            counts[1] += wrong
    return {key: rw for key, rw in stats.items() if rw[0] >= MIN_RIGHT and rw[0] >= 2 * rw[1]}


def train_corrector(cases: Iterable[CorrectionCase], margin: float = DEFAULT_MARGIN,
                    min_gain: int = 5) -> Corrector:
    """Learn the source chooser and the message edits from reviewed
    suggestions, in reading order within each article (a candidate source
    is an earlier claim's)."""
    lex = _lex()
    cases = list(cases)
    source_cases, edit_cases = _collect(cases, lex)
    per_case = [source_examples(c.tok, lex, c.text, c.suggestion.start, c.suggestion.end,
                                c.suggestion.attribution.value, _pair(c.suggestion.cue), _pair(c.suggestion.source),
                                c.gold, c.earlier) for c in source_cases]
    examples = [e for ex in per_case for e in ex]
    kept = sum(1 for e in examples if e.accepted)
    head = _fit(examples)
    contexts = {} if head is None else _where_it_helps(source_cases, per_case, _halves(source_cases), margin, lex)
    rules = learn_edits(edit_cases, min_gain)
    finder = train_finder(_articles(cases), lex)
    counts = {"suggestions": len(edit_cases), "source_examples": len(examples), "source_cases": kept,
              "edit_rules": len(rules), "source_kinds": len(contexts),
              "finder_kept": 0 if finder is None else finder.counts["kept"]}
    return Corrector(head if contexts else None, rules, margin, counts, contexts, finder)


def _halves(cases: list[_SourceCase]) -> list[int]:
    """0 or 1 per case: alternate articles."""
    out, n, text = [], -1, None
    for c in cases:
        if c.text is not text:
            n, text = n + 1, c.text
        out.append(n % 2)
    return out


def _articles(cases: Iterable[CorrectionCase]) -> list[ArticleClaims]:
    """The reviewed suggestions article by article, for the claim finder:
    an unattributed one is speech when the reviewer kept it as speech."""
    out: dict[int, ArticleClaims] = {}
    for c in cases:
        a = out.setdefault(id(c.text), ArticleClaims(c.text, [], []))
        a.claims.append(c.suggestion)
        unattributed = c.suggestion.attribution == Attribution.UNATTRIBUTED
        a.speech.append((c.message is not None and c.speech) if unattributed else None)
    return list(out.values())


def explain_spans(corrector: Corrector, text: str, s: ClaimSuggestion) -> str:
    """The tooltip's words on a suggestion's spans: how the learned source
    chooser rates its source, and the learned message edits for its kind
    of claim with their counts."""
    from annotator.core.learning.source_chooser import explain_source

    lex = _lex()
    parts = [f"spans by {corrector.version}"]
    found = s.cue is None and s.source is None and s.attribution != Attribution.UNATTRIBUTED
    if corrector.finder is not None and found:  # the rules give their speech a cue: this is the finder's
        parts.append(corrector.finder.explain(text, s, lex))
    if corrector.chooser is not None and s.attribution != Attribution.UNATTRIBUTED:
        parts.append(explain_source(corrector.chooser, suggestion_tokens(text, s), lex, text, s.start, s.end,
                                    s.attribution.value, _pair(s.cue), _pair(s.source)))
    conds = conditions(s.attribution.value, _family(text, s, lex))
    rules = [r for r in corrector.edits if r.condition in conds]
    if rules:
        parts.append("message edits learned for such claims: " + ", ".join(
            f"{r.edit} ({r.better} better, {r.worse} worse)" for r in rules[:3]))
    return "; ".join(parts)
