"""Adverbial source frames (mixin of ``DocRules``).

"laut X", "X zufolge", "nach Angaben X", "seiner Meinung nach", "gemäß X",
"demnach", "wonach / nach denen", "heißt es (in X)", "…, so X": finds the
frame, its source and its span; the message is the sentence minus the
frame (``according_to`` claims).
"""

from __future__ import annotations

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.rules_words import BASE_SCORE, GENITIVE_DETS, POSSESSIVES
from annotator.core.models import Attribution


class FrameCues:
    """Adverbial frames and the claims they make."""

    # ------------------------------------------------------------ frames
    def find_frames(self, s: int, e: int) -> list[dict]:
        """Adverbial source frames in a sentence: dicts with cue, source, span."""
        out = []
        w, low, lex = self.w, self.low, self.lex
        for i in range(s, e):
            if self.quote_of[i] >= 0:
                continue
            kind = lex.frames.get(low[i])
            if kind is None:
                continue
            if kind == "pre":
                np_ = self.np_after(i + 1, e, s, allow_pron=False, open_end=False)
                if np_ is None:
                    continue
                out.append(dict(cue=(i, i + 1), source=np_, span=(i, np_[1]), kind="pre"))
            elif kind == "post":
                cs = self.clause_start(i, s)
                np_ = self.np_before(i, cs, s)
                if np_ is None:
                    continue
                out.append(dict(cue=(i, i + 1), source=np_, span=(np_[0], i + 1), kind="post"))
            elif kind == "nach":
                if i - 2 >= s and lex.is_nominal_cue(low[i - 1]) and low[i - 2] in POSSESSIVES:
                    # "seiner Meinung nach", "ihrer Ansicht nach"
                    out.append(dict(cue=(i, i + 1), source=(i - 2, i), span=(i - 2, i + 1), kind="nach"))
                    continue
                if i > s and w[i - 1] == "," and i + 1 < e and low[i + 1] in ("denen", "dem", "der"):
                    # "Gerüchte, nach denen …" (like "wonach")
                    out.append(dict(cue=(i, i + 1), source=None, span=None, kind="rel", at=i + 1))
                    continue
                # nach [det] [adj]* NOMINAL (+ genitive/von NP)
                j = i + 1
                if j < e and "det" in self.fclass(j):
                    j += 1
                while j < e and self.is_adjlike(j):
                    j += 1
                if j >= e or not w[j][:1].isupper() or not lex.is_nominal_cue(low[j]):
                    continue
                k = j + 1
                if k < e and (low[k] in GENITIVE_DETS or low[k] in ("von", "vom")):
                    sub = self.np_after(k + (1 if low[k] in ("von", "vom") else 0), e, s, allow_pron=False)
                    if sub is not None:
                        k = sub[1]
                elif k < e and self.is_nounlike(k, s) and not self.lex.fclass(low[k]):
                    k += 1  # "nach Angaben Reuters"
                elif k + 1 < e and self.is_adjlike(k) and low[k].endswith("er"):
                    sub = self.np_after(k, e, s, allow_pron=False)  # "Angaben südkoreanischer Geheimdienste"
                    if sub is not None:
                        k = sub[1]
                out.append(dict(cue=(i, i + 1), source=(i + 1, k), span=(i, k), kind="nach"))
            elif kind == "adv":
                out.append(dict(cue=(i, i + 1), source=None, mention=(i, i + 1), span=(i, i + 1), kind="adv"))
            elif kind == "rel":
                # "Berichte, wonach X": message after wonach
                out.append(dict(cue=(i, i + 1), source=None, span=None, kind="rel", at=i))
            elif kind == "heisst":
                if i + 1 < e and low[i + 1] == "es" or (i > s and low[i - 1] == "es"):
                    j = i + 2 if i + 1 < e and low[i + 1] == "es" else i + 1
                    while j < e and ("adv" in self.fclass(j) or low[j] == "weiter"):
                        j += 1
                    src = None
                    end_ = j
                    if j < e and low[j] in ("in", "im", "aus", "von", "vom", "bei", "beim", "seitens"):
                        src = self.np_after(j + 1, e, s, allow_pron=False)
                        if src is not None:
                            end_ = src[1]
                    start_ = i if low[i - 1] != "es" else i - 1
                    if src is None and low[s] in ("in", "im", "auf", "aus", "bei", "beim") and i - s >= 3:
                        # "In der Pressemitteilung des WWF heißt es, …"
                        pp = self.np_after(s + 1, i, s, allow_pron=False)
                        if pp is not None and (pp[1] == i or w[pp[1]] == ","):
                            src = pp
                            start_ = s
                    out.append(dict(cue=(i, i + 1), source=src, span=(start_, end_), kind="heisst"))
            elif kind == "so":
                # "…, so der Sprecher." / "„…“, so X"
                if i > s and (w[i - 1] == "," or (self.quote_of[i - 1] >= 0)) and i + 1 < e:
                    np_ = self.np_after(i + 1, e, s, allow_pron=True)
                    if np_ is not None and (np_[1] >= e or w[np_[1]] in (",", ".", "!", "?", ";", ":")
                                            or self.lex.fclass(low[np_[1]]) & {"prep", "adv"}
                                            or (w[np_[1]].islower() and np_[1] + 2 >= e)):
                        k = np_[1]
                        # skip trailing adverbials to the clause end
                        ce = self.clause_end(k, e)
                        out.append(dict(cue=(i, i + 1), source=np_, span=(i - 1 if w[i - 1] == "," else i, ce), kind="so"))
        return out

    def frame_claim(self, s: int, e: int, fr: dict) -> Claim | None:
        w = self.w
        if fr["kind"] == "rel":
            at = fr["at"]
            me = self.strip_end(at + 1, e)
            if me - at < 3:
                return None
            # source: the noun before ", wonach"
            src = None
            k = at - 1
            if k > s and w[k] == ",":
                src = self.np_before(k, s, s)
            return Claim(parts=[(at + 1, me)], attribution=Attribution.ACCORDING_TO, source=src,
                         cue=fr["cue"], hedged=self.hedged(s, e), score=0.7, kind="wonach")
        a, b = fr["span"]
        # message: sentence minus the frame (and adjacent commas)
        left = (s, a)
        right = (b, e)
        while left[1] > left[0] and w[left[1] - 1] == ",":
            left = (left[0], left[1] - 1)
        r0 = right[0]
        while r0 < e and w[r0] == ",":
            r0 += 1
        r1 = self.strip_end(r0, e)
        parts = [p for p in (left, (r0, r1)) if p[1] - p[0] > 0]
        if not parts:
            return None
        if sum(p[1] - p[0] for p in parts) < 3:
            return None
        # a frame in the middle of a clause that starts with a wh/relative clause is fine
        mention = fr.get("mention") or fr["source"]
        return Claim(parts=parts, attribution=Attribution.ACCORDING_TO, source=mention, cue=fr["cue"],
                     hedged=self.hedged(s, e), score=BASE_SCORE[Attribution.ACCORDING_TO], kind="frame-" + fr["kind"])
