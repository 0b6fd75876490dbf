"""The re-scorer: P(a reviewer accepts this suggestion), learned from decisions.

Training uses scikit-learn's logistic regression (accepted or corrected =
1, rejected = 0) over the one-hot features of ``features.py``.  The trained
model is kept as plain numbers — feature names, coefficients, intercept —
so scoring needs no scikit-learn, is a dot product per suggestion, and the
model serialises to JSON bytes, never pickle (a project file must not be
able to run code when opened).  The bytes carry a format name, a version,
the training counts and a SHA-256 of the payload: a damaged or foreign
model is detected (``ModelError``) and the caller falls back to the rules.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.learning.sealed import ModelError, content_version, seal, unseal

FORMAT = "annotator-rescorer"
FORMAT_VERSION = 1


@dataclass
class Example:
    """One reviewed suggestion: its features and whether it was kept."""

    features: dict[str, object]
    accepted: bool


def feature_items(feats: dict[str, object]) -> Iterable[tuple[str, float]]:
    """Strings become one-hot ``name=value`` indicators, numbers stay numbers."""
    for name, value in feats.items():
        if isinstance(value, str):
            yield f"{name}={value}", 1.0
        else:
            yield name, float(value)  # type: ignore[arg-type]


@dataclass
class Head:
    """One logistic model as plain numbers: weights by feature name."""

    weights: dict[str, float]
    intercept: float
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # weights by feature name, then by value: scoring looks up two keys
        # instead of formatting "name=value" for every feature of every
        # candidate (this runs for every suggestion and source candidate)
        # ("w=sei" may also be a numeric feature of that name: kept as both)
        self._by_name: dict[str, dict[str, float] | float] = dict(self.weights)
        for key, w in self.weights.items():
            name, eq, value = key.partition("=")
            if eq:
                table = self._by_name.setdefault(name, {})
                if isinstance(table, dict):
                    table[value] = w

    def logit(self, feats: dict[str, object]) -> float:
        # the same as summing over feature_items()
        by_name = self._by_name
        z = self.intercept
        for name, value in feats.items():
            w = by_name.get(name)
            if w is None:
                continue
            if isinstance(value, str):
                if isinstance(w, dict):
                    z += w.get(value, 0.0)
            elif not isinstance(w, dict):
                z += w * float(value)  # type: ignore[arg-type]
        return z

    def probability(self, feats: dict[str, object]) -> float:
        z = max(-30.0, min(30.0, self.logit(feats)))
        return 1.0 / (1.0 + math.exp(-z))

    def explain(self, feats: dict[str, object], top: int = 3) -> list[tuple[str, float]]:
        parts = [(n, self.weights.get(n, 0.0) * v) for n, v in feature_items(feats)]
        parts = [p for p in parts if p[1] != 0.0]
        parts.sort(key=lambda p: -abs(p[1]))
        return [(n, round(c, 3)) for n, c in parts[:top]]

    def to_dict(self) -> dict:
        return {"weights": {n: round(w, 6) for n, w in sorted(self.weights.items())},
                "intercept": round(self.intercept, 6), "counts": dict(self.counts)}

    @classmethod
    def from_dict(cls, d: dict) -> Head:
        head = cls({str(n): float(w) for n, w in d["weights"].items()}, float(d["intercept"]),
                   {str(k): int(v) for k, v in d["counts"].items()})
        if not all(math.isfinite(w) for w in (*head.weights.values(), head.intercept)):
            raise ValueError("non-finite weights")
        return head


@dataclass
class Rescorer:
    """The learned model: P(claim kept) and, when reviewers corrected
    sources, P(suggested source kept)."""

    claim: Head
    source: Head | None = None
    features_version: str = ""

    def probability(self, feats: dict[str, object]) -> float:
        return self.claim.probability(feats)

    def source_probability(self, feats: dict[str, object]) -> float | None:
        return None if self.source is None else self.source.probability(feats)

    def explain(self, feats: dict[str, object], top: int = 3) -> list[tuple[str, float]]:
        """The features that pushed this claim's score most, with their
        signed weight (what a reviewer's tooltip shows)."""
        return self.claim.explain(feats, top)

    @property
    def counts(self) -> dict[str, int]:
        return dict(self.claim.counts)

    # -------------------------------------------------------- serialising
    def _payload(self) -> dict:
        return {"claim": self.claim.to_dict(),
                "source": None if self.source is None else self.source.to_dict(),
                "features_version": self.features_version}

    @property
    def version(self) -> str:
        """Short content hash: names this model in a suggestion's pipeline version."""
        return content_version("rescorer", self._payload())

    def to_bytes(self) -> bytes:
        return seal(FORMAT, FORMAT_VERSION, self._payload())

    @classmethod
    def from_bytes(cls, data: bytes) -> Rescorer:
        payload = unseal(data, FORMAT, FORMAT_VERSION, "learned model")
        try:
            source = payload["source"]
            return cls(Head.from_dict(payload["claim"]), None if source is None else Head.from_dict(source),
                       str(payload["features_version"]))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"learned model is incomplete: {exc}") from exc


def train(examples: Sequence[Example], source_examples: Sequence[Example] = (),
          min_count: int = 2, strength: float = 1.0) -> Rescorer:
    """Fit the claim head on ``examples`` and, when given, the source head on
    ``source_examples`` (suggested source kept = accepted)."""
    from annotator.core.learning.features import FEATURES_VERSION

    claim = fit_head(examples, min_count, strength)
    source = fit_head(source_examples, min_count, strength) if source_examples else None
    return Rescorer(claim, source, FEATURES_VERSION)


def fit_head(examples: Sequence[Example], min_count: int = 2, strength: float = 1.0) -> Head:
    """Fit one logistic head.  Features seen fewer than ``min_count`` times are
    dropped (a lemma met once teaches nothing general).  With only one kind
    of decision the model is the smoothed acceptance rate."""
    n_pos = sum(1 for e in examples if e.accepted)
    counts = {"examples": len(examples), "accepted": n_pos, "rejected": len(examples) - n_pos}
    if n_pos == 0 or n_pos == len(examples):
        rate = (n_pos + 1.0) / (len(examples) + 2.0)
        return Head({}, math.log(rate / (1 - rate)), counts)
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    seen: dict[str, int] = {}
    rows = [dict(feature_items(e.features)) for e in examples]
    for r in rows:
        for n in r:
            seen[n] = seen.get(n, 0) + 1
    names = sorted(n for n, c in seen.items() if c >= min_count)
    index = {n: i for i, n in enumerate(names)}
    data, cols, ptr = [], [], [0]
    for r in rows:
        for n, v in r.items():
            if n in index and v:
                cols.append(index[n])
                data.append(v)
        ptr.append(len(cols))
    x = csr_matrix((np.array(data, dtype=float), np.array(cols, dtype=np.int64), np.array(ptr)),
                   shape=(len(rows), len(names)))
    y = np.array([1 if e.accepted else 0 for e in examples])
    clf = LogisticRegression(C=strength, max_iter=2000, solver="liblinear")
    clf.fit(x, y)
    weights = {n: float(w) for n, w in zip(names, clf.coef_[0]) if w != 0.0}
    counts["features"] = len(weights)
    return Head(weights, float(clf.intercept_[0]), counts)
