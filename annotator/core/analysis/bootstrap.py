"""Bootstrapped intervals for Krippendorff's alpha: resampling articles with replacement.

This module owns the interval of an alpha and the probability that it falls below the
customary minimums (0.667 for tentative conclusions, 0.800 for reliable data).  The
method is the plain nonparametric bootstrap over units: draw as many articles as were
coded by two or more annotators, with replacement, compute alpha on the draw, repeat;
the 95% interval is the 2.5th and 97.5th percentile of the resampled alphas, and ``q``
is the share of them below each minimum.  Krippendorff (2004, *Content Analysis*, 2nd
ed., ch. 11; 2011, "Computing Krippendorff's Alpha-Reliability") and Hayes and
Krippendorff (2007, "Answering the call for a standard reliability measure for coding
data") report the same two things; their KALPHA macro resamples pairs of values from
the coincidence matrix instead of whole units.  Resampling units keeps each article's
values together, as they were coded, and is the method described here.

It is exact and fast because alpha depends on the data only through sums over units:
the coincidences (Krippendorff's ``o_ck``) and the value counts ``n_c``.  Units are
grouped by the multiset of values they hold (as :mod:`annotator.core.analysis.alpha`
does), each group's contribution is computed once, and a resample is a multinomial
draw of how many units of each group it holds; the resampled sums are then one matrix
product.  A resample in which alpha is undefined (one value only) is left out of the
percentiles and counted in ``undefined``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from annotator.core.analysis.alpha import (
    RELIABLE,
    TENTATIVE,
    Metric,
    _coincidences,
    _Tally,
)
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable

LEVEL = 0.95
"""The interval's coverage."""
MAX_SAMPLES = 100_000

_BLOCK = 4_000_000  # cells of a block of multinomial draws held at once
_DENSE = 64  # values up to which a full coincidence matrix is resampled (ordinal)
_MASI_SETS = 4_000  # distinct sets up to which their distances are held as one matrix
FIXED = ("nominal", "interval", "ratio", "masi")
"""Levels whose difference function does not depend on the value counts."""


@dataclass(frozen=True)
class Interval:
    """The bootstrap interval of one alpha, and the probability it lies below the minimums.

    ``low``/``high`` are None when fewer than half the resamples gave an alpha.
    """

    low: float | None
    high: float | None
    below_tentative: float | None  # share of resampled alphas < 0.667
    below_reliable: float | None  # share of resampled alphas < 0.800
    samples: int
    undefined: int  # resamples where alpha was undefined

    def to_dict(self) -> dict[str, Any]:
        return {"ci_low": self.low, "ci_high": self.high,
                "p_below_667": self.below_tentative, "p_below_800": self.below_reliable,
                "bootstrap_samples": self.samples, "bootstrap_undefined": self.undefined}


@dataclass
class Bootstrap:
    """How many resamples to draw and the random generator they come from.

    One generator serves every figure of a report in turn, so a seed reproduces the
    whole report.
    """

    samples: int
    seed: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.samples <= MAX_SAMPLES:
            raise AnnotatorError(Translatable(
                "the number of bootstrap samples must be between 1 and {most}",
                most=MAX_SAMPLES))
        self.rng = np.random.default_rng(self.seed)

    def draws(self, weights: NDArray[np.float64]) -> Iterable[NDArray[np.float64]]:
        """Blocks of multinomial draws: per resample, how many units of each group."""
        total = int(weights.sum())
        p = weights / total
        block = max(1, min(self.samples, _BLOCK // max(1, len(weights))))
        done = 0
        while done < self.samples:
            size = min(block, self.samples - done)
            yield self.rng.multinomial(total, p, size=size).astype(np.float64)
            done += size

    # -- the interval of one figure ---------------------------------------------------
    def interval(self, tally: _Tally, metric: Metric) -> Interval | None:
        """The interval of alpha of ``tally``'s units at ``metric``; None without units."""
        if not tally.signatures:
            return None
        groups = list(tally.signatures)
        weights = np.array([tally.signatures[g] for g in groups], dtype=np.float64)
        if metric.name == "ordinal":
            if len(tally.values) > _DENSE:
                return None
            alphas = np.concatenate(list(self._by_matrix(tally, groups, weights, metric)))
        elif metric.name in FIXED:
            if metric.name == "masi" and len(tally.values) > _MASI_SETS:
                return None
            alphas = np.concatenate(list(self._by_margins(tally, groups, weights, metric)))
        else:  # a difference function of the caller's own: no interval
            return None
        return summarise(alphas)

    def binary(self, tally: _Tally, categories: Sequence[Hashable]
               ) -> dict[Hashable, Interval | None]:
        """Per category of set values, the interval of its binary (contains it or not) alpha."""
        if not tally.signatures or not categories:
            return {category: None for category in categories}
        groups = list(tally.signatures)
        weights = np.array([tally.signatures[g] for g in groups], dtype=np.float64)
        column = {category: index for index, category in enumerate(categories)}
        holding = np.zeros((len(groups), len(categories)))
        sizes = np.array([len(g) for g in groups], dtype=np.float64)
        for row, signature in enumerate(groups):
            for ident in signature:
                for label in tally.values[ident]:
                    index = column.get(label)
                    if index is not None:
                        holding[row, index] += 1
        mixed = holding * (sizes[:, None] - holding) / (sizes[:, None] - 1)
        blocks = []
        for draw in self.draws(weights):
            n = draw @ sizes  # values in each resample
            n_1 = draw @ holding
            o_10 = draw @ mixed
            n_0 = n[:, None] - n_1
            expected = n_1 * n_0
            with np.errstate(divide="ignore", invalid="ignore"):
                blocks.append(np.where(expected > 0,
                                       1 - (n[:, None] - 1) * o_10 / expected, np.nan))
        alphas = np.concatenate(blocks)
        return {category: summarise(alphas[:, index]) for category, index in column.items()}

    # -- resampled alphas ---------------------------------------------------------------
    def _by_matrix(self, tally: _Tally, groups: list[tuple[int, ...]],
                   weights: NDArray[np.float64], metric: Metric
                   ) -> Iterable[NDArray[np.float64]]:
        """Resample whole coincidence matrices (few values; the ordinal metric, whose
        differences depend on the resample's own value counts)."""
        order = sorted(range(len(tally.values)), key=lambda i: tally.values[i])
        k = len(order)
        position = {ident: place for place, ident in enumerate(order)}
        contributions = np.zeros((len(groups), k, k))
        for row, signature in enumerate(groups):
            for (a, b), count in _coincidences({signature: 1}).items():
                contributions[row, position[a], position[b]] = count
        flat = contributions.reshape(len(groups), k * k)
        values = [tally.values[i] for i in order]
        for draw in self.draws(weights):
            matrices = (draw @ flat).reshape(-1, k, k)
            yield alphas_of_matrices(matrices, metric, values)

    def _by_margins(self, tally: _Tally, groups: list[tuple[int, ...]],
                    weights: NDArray[np.float64], metric: Metric
                    ) -> Iterable[NDArray[np.float64]]:
        """Resample each group's observed disagreement and value counts (fixed
        difference functions: nominal, interval, ratio, MASI)."""
        k = len(tally.values)
        distance = _distance_matrix(tally.values, metric)
        observed = np.zeros(len(groups))
        entries_group: list[int] = []
        entries_value: list[int] = []
        entries_count: list[float] = []
        for row, signature in enumerate(groups):
            held = Counter(signature)
            for value, count in held.items():
                entries_group.append(row)
                entries_value.append(value)
                entries_count.append(count)
            m = len(signature)
            if distance is None:  # nominal
                pairs = m * m - sum(c * c for c in held.values())
            else:
                pairs = sum(ca * cb * distance[a, b] for a, ca in held.items()
                            for b, cb in held.items() if a != b)
            observed[row] = pairs / (m - 1)
        # Value counts of a resample: draw columns times counts, summed per value.
        order = np.argsort(entries_value, kind="stable")
        by_value = np.asarray(entries_value)[order]
        group_of = np.asarray(entries_group)[order]
        count_of = np.asarray(entries_count, dtype=np.float64)[order]
        starts = np.flatnonzero(np.r_[True, by_value[1:] != by_value[:-1]])
        present = by_value[starts]
        for draw in self.draws(weights):
            margins = np.zeros((draw.shape[0], k))
            margins[:, present] = np.add.reduceat(draw[:, group_of] * count_of, starts, axis=1)
            n = margins.sum(axis=1)
            if distance is None:
                expected = n * n - (margins * margins).sum(axis=1)
            else:
                expected = ((margins @ distance) * margins).sum(axis=1)
            disagreement = draw @ observed
            with np.errstate(divide="ignore", invalid="ignore"):
                yield np.where(expected > 1e-12, 1 - (n - 1) * disagreement / expected, np.nan)


def _distance_matrix(values: list[Any], metric: Metric) -> NDArray[np.float64] | None:
    """The differences of every pair of values; None for nominal (computed by counting)."""
    if metric.name == "nominal":
        return None
    if metric.name == "masi":
        return _masi_matrix(values)
    function = metric.distances({})
    return np.array([[function(a, b) for b in values] for a in values], dtype=np.float64)


def _masi_matrix(sets: list[Any]) -> NDArray[np.float64]:
    """MASI distance between every pair of sets, from their label-membership matrix."""
    labels = {label: index for index, label in enumerate({x for s in sets for x in s})}
    member = np.zeros((len(sets), max(1, len(labels))))
    for row, labelset in enumerate(sets):
        for label in labelset:
            member[row, labels[label]] = 1
    common = member @ member.T
    size = member.sum(axis=1)
    size_a, size_b = size[:, None], size[None, :]
    union = size_a + size_b - common
    monotonicity = np.where((common == size_a) | (common == size_b), 2 / 3, 1 / 3)
    with np.errstate(divide="ignore", invalid="ignore"):
        similarity = np.where(common > 0, common / union * monotonicity, 0.0)
    same = (common == size_a) & (common == size_b)
    similarity = np.where(same, 1.0, similarity)
    return 1.0 - similarity


def alphas_of_matrices(matrices: NDArray[np.float64], metric: Metric,
                       values: Sequence[Any]) -> NDArray[np.float64]:
    """Alpha of each of a stack of coincidence matrices over ``values`` (sorted for the
    ordinal metric); NaN where it is undefined."""
    margins = matrices.sum(axis=2)
    n = margins.sum(axis=1)
    if metric.name == "ordinal":
        # delta(c, k) = (sum of n_g from c to k - (n_c + n_k) / 2) ** 2, per resample.
        running = np.cumsum(margins, axis=1)
        before = running - margins
        low = np.minimum.outer(np.arange(len(values)), np.arange(len(values)))
        high = np.maximum.outer(np.arange(len(values)), np.arange(len(values)))
        between = running[:, high] - before[:, low]
        distance = (between - (margins[:, :, None] + margins[:, None, :]) / 2) ** 2
        distance[:, np.arange(len(values)), np.arange(len(values))] = 0.0
    else:
        fixed = _distance_matrix(list(values), metric)
        distance = (1.0 - np.eye(len(values)) if fixed is None else fixed)[None, :, :]
    observed = (matrices * distance).sum(axis=(1, 2))
    expected = (margins[:, :, None] * margins[:, None, :] * distance).sum(axis=(1, 2))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 1e-12, 1 - (n - 1) * observed / expected, np.nan)


def summarise(alphas: NDArray[np.float64]) -> Interval | None:
    """The percentile interval and the shares below the minimums of resampled alphas."""
    samples = int(alphas.size)
    defined = alphas[~np.isnan(alphas)]
    undefined = samples - int(defined.size)
    if samples == 0:
        return None
    if defined.size * 2 < samples:
        return Interval(None, None, None, None, samples, undefined)
    tail = (1 - LEVEL) / 2
    low, high = np.quantile(defined, [tail, 1 - tail])
    return Interval(float(low), float(high),
                    float(np.mean(defined < TENTATIVE)), float(np.mean(defined < RELIABLE)),
                    samples, undefined)


__all__ = ["LEVEL", "MAX_SAMPLES", "RELIABLE", "TENTATIVE", "Bootstrap", "Interval",
           "alphas_of_matrices", "summarise"]
