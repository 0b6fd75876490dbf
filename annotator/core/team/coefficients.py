"""Agreement coefficients: Krippendorff's alpha (via the ``krippendorff``
package), Cohen's kappa and span F1. Each returns None when the figure is
undefined (too few items, or only one value ever used)."""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Sequence
from typing import Literal

import krippendorff
import numpy as np

Missing = None
Level = Literal["nominal", "ordinal", "interval", "ratio"]


def krippendorff_alpha(units: Sequence[Sequence[float | None]], level: Level,
                       domain: Sequence[float]) -> float | None:
    """``units`` is coders x items, None where a coder gave no value."""
    data = np.array([[np.nan if v is None else v for v in row] for row in units], dtype=float)
    if data.size == 0 or pairable_items(units) == 0:
        return None
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            value = krippendorff.alpha(reliability_data=data, level_of_measurement=level,
                                       value_domain=list(domain))
    except ValueError:  # e.g. a single value in the whole domain
        return None
    return None if math.isnan(value) else float(value)


def pairable_items(units: Sequence[Sequence[float | None]]) -> int:
    """Items that at least two coders gave a value to: what alpha rests on."""
    if not units:
        return 0
    return sum(1 for column in zip(*units) if sum(v is not None for v in column) >= 2)


def cohen_kappa(pairs: Sequence[tuple[object, object]]) -> float | None:
    """Cohen's kappa for two coders' labels of the same items (unweighted)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected == 1.0:  # both used one and the same label throughout: undefined
        return None
    return (observed - expected) / (1 - expected)


def weighted_kappa(pairs: Sequence[tuple[int, int]], categories: int,
                   weights: Literal["linear", "quadratic"]) -> float | None:
    """Cohen's weighted kappa for ordinal codes 0..categories-1: a near miss
    costs less than a far one (linear: by distance; quadratic: by its square)."""
    if not pairs or categories < 2:
        return None
    power = 1 if weights == "linear" else 2
    cost = [[(abs(i - j) / (categories - 1)) ** power for j in range(categories)]
            for i in range(categories)]
    n = len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    observed = sum(cost[a][b] for a, b in pairs) / n
    expected = sum(cost[i][j] * first[i] * second[j]
                   for i in range(categories) for j in range(categories)) / (n * n)
    if expected == 0:  # both used one and the same code throughout: undefined
        return None
    return 1 - observed / expected


def matched_exact(left: set[tuple[int, int]], right: set[tuple[int, int]]) -> int:
    return len(left & right)


def matched_overlapping(left: set[tuple[int, int]], right: set[tuple[int, int]]) -> int:
    """One-to-one matches of overlapping spans, largest overlaps first."""
    candidates = sorted(
        ((min(a[1], b[1]) - max(a[0], b[0]), a, b) for a in left for b in right
         if min(a[1], b[1]) > max(a[0], b[0])),
        key=lambda c: (-c[0], c[1], c[2]))
    used_left, used_right, matched = set(), set(), 0
    for _, a, b in candidates:
        if a not in used_left and b not in used_right:
            used_left.add(a)
            used_right.add(b)
            matched += 1
    return matched


def f1(matched: int, total: int) -> float | None:
    """Symmetric F1 between two annotators: 2 * matched / (|A| + |B|)."""
    return None if total == 0 else 2 * matched / total
