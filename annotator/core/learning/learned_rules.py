"""The highlighter with a project's learned lexicon entries added.

The rules read their word lists from one ``Lexicons`` object held by the
``annotator_claims`` component.  A learned pipeline is an ordinary
pipeline whose component holds a copy of those lists with the learned
entries added — no rule changes, the shipped word lists untouched:

* a learned cue of one word that looks like a finite verb ("lautete",
  "konstatierte") or a participle ("gepostet") becomes a reporting-verb
  form; "strich heraus" becomes a finite form with its separable particle;
  an adverb such as "danach" becomes a frame adverb like "demnach";
* a learned source phrase teaches its head noun ("Ohrenzeugen") as a
  source noun, so the rules accept it as a speaker.

Cue phrases of other shapes are left out (``usable`` says which were
used); the version string names the learned entries' hash so every
suggestion made with them says so.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from annotator.core.learning.features import words

if TYPE_CHECKING:  # pragma: no cover
    from annotator.core.highlight import Highlighter
    from annotator.core.highlight.lexicons import Lexicons, VerbForm

_FRAME_ADVERBS = ("nach", "mals")  # "danach", "demnach"-like adverbs, not verbs


def cue_form(phrase: str, lex: Lexicons, count: int = 2) -> VerbForm | None:
    """The reporting-verb entry a learned cue phrase stands for, or None."""
    from annotator.core.highlight.lexicons import VerbForm

    toks = words(phrase.lower())
    if len(toks) == 2 and toks[1] in lex.particles | {"heraus", "hervor", "ein", "an", "aus", "zu", "fest"}:
        return VerbForm(toks[0], " ".join(toks), toks[1], "fin", "speech", count, count)
    if len(toks) != 1 or not toks[0].isalpha() or len(toks[0]) < 4:
        return None
    w = toks[0]
    if w.startswith("ge") and w.endswith(("t", "en")) and len(w) > 5:
        return VerbForm(w, w, "", "part", "speech", count, count)
    if w.endswith(("te", "ten", "t", "ete", "eten")):
        return VerbForm(w, w, "", "fin", "speech", count, count)
    return None


def extend_lexicons(base: Lexicons, cues: list[str], sources: list[str]) -> tuple[Lexicons, list[str]]:
    """A copy of ``base`` with the learned entries; and the entries used."""
    verbs = dict(base.verbs)
    frames = dict(base.frames)
    nouns = dict(base.source_nouns)
    used: list[str] = []
    for phrase in cues:
        low = phrase.lower().strip()
        vf = cue_form(low, base)
        if vf is not None and vf.form not in verbs:
            verbs[vf.form] = [vf]
            used.append(f"cue:{low}")
        elif low.isalpha() and low.endswith(_FRAME_ADVERBS) and low not in frames:
            frames[low] = "adv"
            used.append(f"cue:{low}")
    for phrase in sources:
        caps = [t for t in words(phrase) if t[:1].isupper() and t.isalpha() and len(t) > 3]
        if caps:
            head = caps[-1].lower()
            if base.source_noun_kind(head) is None and not base.mostly_lowercase(head):
                nouns[head] = "collective"
                used.append(f"source:{head}")
    h = hashlib.sha1((base.digest + "\n" + "\n".join(sorted(used))).encode()).hexdigest()[:8]
    lex = replace(base, verbs=verbs, frames=frames, source_nouns=nouns,
                  particles=base.particles | {vf.particle for v in verbs.values() for vf in v if vf.particle},
                  digest=h)
    return lex, used


_cache: dict[tuple, Highlighter] = {}
_lock = threading.Lock()


def learned_highlighter(cues: list[str], sources: list[str], model: str | None = "blank") -> Highlighter:
    """A highlighter using the learned entries (cached per entry set).
    Without usable entries it is the ordinary cached highlighter."""
    from annotator.core.highlight import Highlighter, build_pipeline, installed_model, load_highlighter, pipeline_digest
    from annotator.core.highlight.lexicons import load_lexicons

    lex, used = extend_lexicons(load_lexicons(), sorted(set(cues)), sorted(set(sources)))
    if not used:
        return load_highlighter(model)
    key = (model, tuple(used))
    with _lock:
        if key not in _cache:
            chosen = installed_model() if model is None else (None if model == "blank" else model)
            nlp = build_pipeline(chosen)
            claims_component: Any = nlp.get_pipe("annotator_claims")  # our ClaimsComponent
            claims_component.lex = lex
            hl = Highlighter(nlp, chosen, pipeline_digest(load_lexicons().digest))
            hl.version = f"{hl.version}+lexicon.{lex.digest}"
            _cache[key] = hl
        return _cache[key]
