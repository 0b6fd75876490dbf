"""Rule-based German sentence segmentation for news text.

A sentence ends after ``. ! ? …`` (and any closing quotation marks or
brackets right after it) and at every line break.  A period does not end a
sentence when it belongs to an abbreviation ("z. B.", "Dr.", "u. a.",
"bzw.", an initial such as "W."), to an ordinal or date ("27. Oktober",
"3.10.") or a number ("12.000"), unless the next word clearly starts a new
sentence (a capitalised article, pronoun or conjunction such as "Die", "Er").
A sentence never starts with a lowercase word, a comma or a closing mark.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from annotator.core.highlight.lexicons import Lexicons

TERMINALS = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {"“", "”", "«", "»", '"', ")", "]", "’", "‘", "'"}
# abbreviations after which we never break (titles, "z.", initials handled apart)
NO_BREAK = {"dr.", "prof.", "nr.", "st.", "mr.", "mrs.", "ms.", "gen.", "sen.", "art.", "abs.", "ca.",
            "lt.", "bzw.", "vgl.", "inkl.", "geb.", "gest.", "bd.", "kap.", "hrsg.", "jan.", "feb.",
            "aug.", "sept.", "okt.", "nov.", "dez.", "z.", "u.", "d.", "v.", "n.", "e.", "o.", "s."}
STARTER_CLASSES = {"det", "pron", "conj", "sub", "adv", "prep", "wh", "aux"}


def _starts_sentence(word: str, lex: Lexicons) -> bool:
    """Does a capitalised word after an ambiguous period clearly start a sentence?"""
    if not word[:1].isupper():
        return False
    low = word.lower()
    if lex.fclass(low) & STARTER_CLASSES:
        return True
    return lex.mostly_lowercase(low)


def segment(doc: Doc, lex: Lexicons) -> None:
    n = len(doc)
    if n == 0:
        return
    words = token_texts(doc)
    starts = [False] * n
    starts[0] = True
    # only tokens that can end a sentence need a look
    candidates = [i for i, w in enumerate(words) if w[-1] in ".!?…" or "\n" in w]
    # straight quotes open and close in turn (per paragraph): an opening one
    # after a period belongs to the next sentence
    opening: set[int] = set()
    if '"' in words:
        inside = False
        for i, w in enumerate(words):
            if w == '"':
                if not inside:
                    opening.add(i)
                inside = not inside
            elif "\n" in w:
                inside = False
    skip_to = 0
    for i in candidates:
        if i < skip_to:
            continue
        w = words[i]
        if "\n" in w and not w.strip():
            # line break: the next non-space token starts a sentence
            j = i + 1
            if j < n:
                starts[j] = True
            continue
        is_term = w in TERMINALS or (len(w) > 1 and w[-1] in "!?" and not w[:-1].isalnum())
        is_dotted = not is_term and len(w) > 1 and w.endswith(".")
        if not (is_term or is_dotted):
            continue
        # find the next word after closing marks
        j = i + 1
        while j < n and (words[j] in CLOSERS or words[j] in TERMINALS) and j not in opening:
            j += 1
        while j < n and words[j].isspace():
            j += 1
        if j >= n:
            break
        nxt = words[j]
        first = nxt[:1]
        if first.islower() or nxt in {",", ";", ":", "-", "–"}:
            continue
        low = w.lower()
        if is_term and w == ".":
            prev = words[i - 1] if i else ""
            joined = (prev + ".").lower()
            abbrev = (
                joined in lex.abbreviations
                or prev + "." in lex.abbreviations
                or (len(prev) == 1 and prev.isalpha())
            )
            if abbrev and (joined in NO_BREAK or len(prev) == 1 or not _starts_sentence(nxt, lex)):
                continue
            starts[j] = True
        elif is_term:
            starts[j] = True
        else:
            core = w[:-1]
            if w in lex.abbreviations or low in NO_BREAK or (len(core) == 1 and core.isalpha()):
                if low in NO_BREAK or len(core) == 1 or not _starts_sentence(nxt, lex):
                    continue
                starts[j] = True
            elif core.replace(".", "").isdigit():
                # ordinal, date or number with a period: "27. Oktober", "2005. Die"
                if _starts_sentence(nxt, lex) or first in "„»\"":
                    starts[j] = True
            elif core.isalpha() and len(core) <= 3 and core[:1].isupper() and not core.isupper():
                # unknown short capitalised abbreviation ("Mio", "Tsd")
                if _starts_sentence(nxt, lex):
                    starts[j] = True
            else:
                starts[j] = True
        skip_to = j
    set_sent_starts(doc, starts)


def token_texts(doc: Doc) -> list[str]:
    """Token texts, faster than iterating Token objects."""
    cached = doc.user_data.get("annotator_words")
    if cached is not None and len(cached) == len(doc):
        return cached
    strings = doc.vocab.strings
    words = [strings[o] for o in doc.to_array(ORTH).tolist()]
    doc.user_data["annotator_words"] = words
    return words


def set_sent_starts(doc: Doc, starts: list[bool]) -> None:
    arr = numpy.fromiter((1 if x else -1 for x in starts), dtype="int64", count=len(starts)).astype("uint64")
    doc.from_array([SENT_START], arr.reshape(-1, 1))  # type: ignore[arg-type]
    doc.user_data["annotator_sent_starts"] = starts
