"""Source coreference (mixin of ``DocRules``).

After all claims of a document are found, points pronoun ("er", "sie"),
relative-pronoun, "demnach" and bare-role ("der Präsident") sources at
the nearest earlier named source ("Der ukrainische Präsident Wolodymyr
Selenskyj"); the mention itself stays the claim's ``source``.
"""

from __future__ import annotations

from annotator.core.highlight.claim import Claim
from annotator.core.highlight.rules_words import RELATIVE


class Coreference:
    """Antecedents for pronoun and role sources."""

    # ------------------------------------------------------------ coreference
    def role_antecedent(self, role: str, before: int, si: int) -> tuple[int, int] | None:
        """The nearest earlier "… <Role> <Name>" phrase for "der <Role>"
        (within 8 sentences): "Der ukrainische Präsident Wolodymyr Selenskyj"."""
        first_sent = max(0, si - 8)
        limit = self.sents[first_sent][0]
        for k in range(before - 1, limit - 1, -1):
            lo = self.low[k]
            if not (lo == role or (lo.endswith(role) and len(lo) > len(role) + 2)):
                continue
            if k + 1 < self.n and self.is_nounlike(k + 1, -1) and not self.lex.fclass(self.low[k + 1]):
                # walk back over the article and adjectives before the role
                a = k
                while a - 1 >= limit and (self.is_adjlike(a - 1) or "det" in self.fclass(a - 1)):
                    a -= 1
                    if "det" in self.fclass(a):
                        break
                b = k + 1
                while b < self.n and self.is_nounlike(b, -1):
                    b += 1
                return (a, b)
        return None

    def resolve(self, claims: list[Claim]) -> None:
        """Point pronoun / bare-role / 'demnach' sources at an earlier named source."""
        named: list[tuple[int, tuple[int, int]]] = []  # (sentence, span)
        for c in claims:
            if c.source is not None and c.source[1] - c.source[0] == 1 and self.low[c.source[0]] in ("man", "es"):
                c.source = None  # impersonal: no speaker
            src = c.source
            si = c.sents[0] if c.sents else 0
            if src is None:
                continue
            a, b = src
            toks = self.low[a:b]
            target = None
            if b - a == 1 and toks[0] in RELATIVE and a > 0 and self.w[a - 1] == ",":
                before = self.np_before(a - 1, self.sents[si][0] if si < len(self.sents) else 0, -1)
                if before is not None and self.speaker_like(before):
                    target = before
            elif b - a == 1 and (toks[0] in ("er", "sie", "demnach", "dieser", "diese")):
                for psi, span in reversed(named):
                    if si - psi > 4:
                        break
                    target = span
                    break
            elif b - a == 2 and toks[0] in ("der", "die") and self.lex.source_noun_kind(toks[1]) == "role":
                target = self.role_antecedent(toks[1], a, si)
            if target is not None:
                c.antecedent = target
            else:
                if any(self.w[k][:1].isupper() for k in range(a, b)):
                    named.append((si, src))
