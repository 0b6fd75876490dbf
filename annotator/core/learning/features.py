"""Features of one claim suggestion, read from what the rules give.

The re-scorer learns which suggestions reviewers accept; it can only learn
from what it sees.  Everything here comes from the stored suggestion and
the article text (so the same features are available when training from a
project database and when scoring fresh highlighter output):

* the cue: its lemma and family (speech, thought, writing, act verb;
  adverbial frame; none) and how often the lexicon saw that form as a cue;
* the attribution form and hedging (not the rules' score: once a learned
  model has scored a suggestion that field holds its own output);
* the source: present or not, its type (pronoun, role noun and its kind,
  name), its length and side of the message;
* position in the article, the message's length and surface (quote marks,
  digits, question, first word).

Features are a flat ``dict``: strings are categorical (one-hot ``name=value``
in the re-scorer), numbers are used as they are (kept in 0..1).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.core.models import ClaimSuggestion

if TYPE_CHECKING:  # pragma: no cover
    from annotator.core.highlight.lexicons import Lexicons

FEATURES_VERSION = "1"

_WORD = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
_QUOTES = set("„“”»«\"‚‘")
_QUOTE_RE = re.compile("[„“”»«\"‚‘]")
_DIGIT_RE = re.compile(r"\d")
# words that open a message and say what kind of clause it is
_OPENERS = frozenset("dass daß ob wie wer was wann warum man er sie es die der das ein eine "
                     "es seien sei habe werde".split())


_DETERMINERS = frozenset("der die das des dem den ein eine einer eines einem einen sein seine ihr ihre "
                         "dessen deren er sie es man wir ich".split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """A small count as a category: '<=1', '<=3', ... '>last'."""
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _remembered(cache: dict, key, compute):
    """``compute()`` once per key: a project's cues and sources repeat in
    article after article, and features run for every suggestion. The
    cache is emptied when it grows past 50,000 entries."""
    try:
        return cache[key]
    except KeyError:
        if len(cache) > 50_000:
            cache.clear()
        out = cache[key] = compute()
        return out


_cue_cache: dict[tuple[str, str], dict[str, object]] = {}


def cue_features(cue_text: str, lex: Lexicons) -> dict[str, object]:
    """Lemma, family and lexicon precision of a cue phrase (remembered;
    callers must not change the returned dict)."""
    return _remembered(_cue_cache, (lex.digest, cue_text), lambda: _cue_features(cue_text, lex))


def _cue_features(cue_text: str, lex: Lexicons) -> dict[str, object]:
    toks = [t.lower() for t in words(cue_text)]
    if not toks:
        return {"cue_family": "none", "cue_lemma": "-"}
    for t in toks:
        forms = lex.verbs.get(t)
        if forms:
            vf = max(forms, key=lambda f: f.seen)
            return {"cue_family": f"verb:{vf.cls}", "cue_lemma": vf.lemma, "cue_form": vf.kind,
                    "cue_precision": round(vf.precision, 3)}
    for t in toks:
        if t in lex.frames:
            return {"cue_family": f"frame:{lex.frames[t]}", "cue_lemma": t}
    if any(lex.is_nominal_cue(t) for t in toks):
        return {"cue_family": "nominal", "cue_lemma": toks[-1]}
    return {"cue_family": "unknown", "cue_lemma": " ".join(toks)}


_kind_cache: dict[str, str | None] = {}


def _noun_kind(word_lower: str, lex: Lexicons) -> str | None:
    """The lexicon's source-noun kind, remembered: the compound search is
    the slowest step and source words repeat across a project."""
    return _remembered(_kind_cache, word_lower, lambda: lex.source_noun_kind(word_lower))


_source_cache: dict[tuple[str, str], dict[str, object]] = {}


def source_features(source_text: str, lex: Lexicons) -> dict[str, object]:
    """Type and length of a source phrase (remembered: the span corrector
    asks for the same phrases again for every claim of a sentence).
    Callers must not change the returned dict."""
    return _remembered(_source_cache, (lex.digest, source_text), lambda: _source_features(source_text, lex))


def _source_features(source_text: str, lex: Lexicons) -> dict[str, object]:
    toks = words(source_text)
    low = [t.lower() for t in toks]
    out: dict[str, object] = {"source_len": _bucket(len(toks), (1, 2, 4, 8))}
    if toks:
        # "Angaben des …", "Berichten zufolge": a report noun heads the phrase
        first = low[0]
        out["source_first"] = ("report_noun" if toks[0][:1].isupper() and lex.is_nominal_cue(first)
                               else first if first in _DETERMINERS else "other")
        out["source_punct"] = float(any(t in (",", "(", "„", "\"", "»") for t in toks))
    if len(toks) == 1 and low[0] in lex.pronouns:
        out["source_type"] = "pronoun"
        return out
    kinds = [k for k in (_noun_kind(x, lex) for x in low if len(x) > 2) if k]
    if kinds:
        out["source_type"] = f"noun:{kinds[-1]}"
    elif sum(1 for t in toks if t[:1].isupper()) >= 2:
        out["source_type"] = "name"
    elif toks and toks[0][:1].isupper():
        out["source_type"] = "capitalised"
    else:
        out["source_type"] = "other"
    return out


def message_features(text: str, s: ClaimSuggestion) -> dict[str, object]:
    """Length, surface and position of the message."""
    # regular expressions and str methods, not Python loops over characters:
    # re-scoring must stay a small fraction of highlighting time
    msg = text[s.start:s.end]
    stripped = msg.strip()
    out: dict[str, object] = {
        "msg_len": _bucket(len(stripped.split()), (3, 6, 10, 20, 35, 60)),
        "position": round(s.start / max(1, len(text)), 3),
        "first_sentence": float(s.start < 300 and text.rfind("\n", 0, s.start) < 0),
        "has_quote": float(_QUOTE_RE.search(msg) is not None),
        "has_digit": float(_DIGIT_RE.search(msg) is not None),
        "question": float(stripped.endswith("?")),
        "multi_sentence": float("\n" in stripped),
    }
    first = _WORD.search(msg)
    if first:
        low = first.group().lower()
        out["msg_first"] = low if low in _OPENERS else ("quote" if low in _QUOTES else "other")
    k = s.start - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k >= 0:
        out["before"] = text[k] if text[k] in ",:„\"»" else "word"
    return out


def suggestion_features(text: str, s: ClaimSuggestion, lex: Lexicons | None = None) -> dict[str, object]:
    """All features of suggestion ``s`` in article ``text``."""
    if lex is None:
        from annotator.core.highlight.lexicons import load_lexicons

        lex = load_lexicons()
    feats: dict[str, object] = {
        "attribution": s.attribution.value,
        "hedged": float(bool(s.hedged)),
    }
    feats.update(cue_features(s.cue.text(text) if s.cue else "", lex))
    if s.source is not None:
        feats.update(source_features(s.source.text(text), lex))
        feats["source_side"] = "before" if s.source.end <= s.start else (
            "after" if s.source.start >= s.end else "inside")
        feats["source_distance"] = round(min(1.0, abs(s.source.start - s.start) / 400), 3)
    else:
        feats["source_type"] = "none"
    feats.update(message_features(text, s))
    # the cue family's meaning differs by attribution form ("sagte" in a quote
    # frame vs. as a bare reported act): one crossed feature says so
    feats["attr_x_family"] = f"{feats['attribution']}|{feats['cue_family']}"
    return feats
