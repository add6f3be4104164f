"""Krippendorff's alpha: the pure statistics behind inter-annotator agreement.

This module owns the numbers and nothing about projects or codebooks: the coincidence
matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), the difference
functions (nominal, ordinal built from the marginal frequencies of the values, interval,
ratio, and MASI for sets of values) wrapped as :class:`Metric`, alpha from data or from a
matrix, binary alpha per category of set values, and per-pair counts of equal values.
Data are ``{unit: {annotator: value}}`` with ``None`` (or NaN) for a missing value; a unit
with fewer than two values is not pairable and is left out.  Pairable units are grouped
by the multiset of value ids they hold, so the work is one pass over the units plus work
per distinct multiset, never per pair of annotators.
:mod:`annotator.core.analysis.agreement` applies it to a project's codebook and tags.  The
reason an alpha is undefined is English text from the gettext catalogue
(:mod:`annotator.core.i18n`), which outputs translate where shown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass
from itertools import combinations
from math import comb
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable

TENTATIVE = 0.667
"""Krippendorff's lowest alpha for tentative conclusions."""
RELIABLE = 0.800
"""Krippendorff's customary minimum for reliable data."""

Units = Mapping[Hashable, Mapping[Hashable, Any]]
"""Agreement data (Krippendorff's "reliability data"): ``{unit: {annotator: value}}``;
``None`` or NaN is a missing value."""

Distance = Callable[[Any, Any], float]
"""A difference function delta squared: 0 for equal values, symmetric."""

NO_PAIRS = N_("fewer than two annotators coded the same article")
ONE_VALUE = N_("only one value occurs: alpha is undefined")


# -- difference functions ----------------------------------------------------------------
def nominal_distance(a: Any, b: Any) -> float:
    return 0.0 if a == b else 1.0


def interval_distance(a: Any, b: Any) -> float:
    return float(a - b) ** 2


def ratio_distance(a: Any, b: Any) -> float:
    total = a + b
    return 0.0 if total == 0 else float((a - b) / total) ** 2


def masi_similarity(a: frozenset[Any], b: frozenset[Any]) -> float:
    """Jaccard times monotonicity (1 identical, 2/3 subset, 1/3 overlap, 0 disjoint)."""
    if a == b:  # also two empty sets, where Jaccard alone would divide by zero
        return 1.0
    common = len(a & b)
    if not common:
        return 0.0
    union = len(a) + len(b) - common
    monotonicity = 2 / 3 if common in (len(a), len(b)) else 1 / 3
    return common / union * monotonicity


def masi_distance(a: frozenset[Any], b: frozenset[Any]) -> float:
    """MASI distance (Passonneau 2006); two empty sets are at distance 0."""
    return 1.0 - masi_similarity(a, b)


def ordinal_distances(marginals: Mapping[Any, float]) -> Distance:
    """Krippendorff's ordinal metric over the sorted values, from their marginal counts.

    delta(c, k) = (sum of n_g for g from c to k) - (n_c + n_k) / 2, squared.
    """
    rank: dict[Any, int] = {}
    below: dict[Any, float] = {}  # total count of the values ranked lower
    cumulative = 0.0
    for position, value in enumerate(sorted(marginals)):
        rank[value] = position
        below[value] = cumulative
        cumulative += marginals[value]

    def distance(a: Any, b: Any) -> float:
        if a == b:
            return 0.0
        low, high = (a, b) if rank[a] < rank[b] else (b, a)
        between = below[high] + marginals[high] - below[low]
        return (between - (marginals[low] + marginals[high]) / 2) ** 2

    return distance


def _masi_from_sizes(size_a: int, size_b: int, common: int) -> float:
    """MASI similarity of two sets known only by their sizes and the size of their overlap."""
    if common == size_a == size_b:
        return 1.0
    if not common:
        return 0.0
    monotonicity = 2 / 3 if common in (size_a, size_b) else 1 / 3
    return common / (size_a + size_b - common) * monotonicity


def _whole(count: float) -> float:
    # Marginals are counts of values, whole numbers up to float rounding; whole numbers
    # keep the alternating sums of _masi_similar_by_subsets exact.
    nearest = round(count)
    return nearest if abs(count - nearest) < 1e-6 else count


def _masi_similar_by_pairs(items: list[tuple[frozenset[Any], float]]) -> float:
    """Sum of n_a * n_b * similarity over ordered pairs of sets, pair by pair.

    Disjoint sets have similarity 0, so only sets sharing a label are visited.
    """
    holding: defaultdict[Any, list[int]] = defaultdict(list)
    for index, (labels, _) in enumerate(items):
        for label in labels:
            holding[label].append(index)
    similar = sum(count * count for _, count in items)
    for index, (labels, count) in enumerate(items):
        partners: set[int] = set()
        for label in labels:
            partners.update(holding[label])
        for other in partners:
            if other > index:
                other_labels, other_count = items[other]
                similar += 2 * count * other_count * masi_similarity(labels, other_labels)
    return similar


def _masi_similar_by_subsets(items: list[tuple[frozenset[Any], float]]) -> float:
    """The same sum through the sizes of the sets and of their overlaps.

    MASI similarity depends only on |a|, |b| and |a & b|.  Summing, over every subset S
    of the sets, the weights of the sets containing S (by size) gives for each pair of
    sizes the binomial moments sum(n_a * n_b * C(|a & b|, j)); the binomial inversion
    turns them into the weight of each overlap size.  The cost is the number of subsets,
    sum(2 ** |a|), whatever the number of distinct sets.
    """
    label_ids = _Ids()
    containing: defaultdict[tuple[int, ...], defaultdict[int, float]] = defaultdict(
        lambda: defaultdict(int))
    for labels, count in items:
        ids = sorted(map(label_ids.__getitem__, labels))
        for size in range(len(ids) + 1):
            for subset in combinations(ids, size):
                containing[subset][len(ids)] += count
    moments: defaultdict[tuple[int, int, int], float] = defaultdict(int)
    for subset, by_size in containing.items():
        for size_a, weight_a in by_size.items():
            for size_b, weight_b in by_size.items():
                moments[size_a, size_b, len(subset)] += weight_a * weight_b
    # Two empty sets are identical: similarity 1 although they overlap in nothing.
    similar = moments.get((0, 0, 0), 0.0)
    for size_a, size_b in {(a, b) for a, b, _ in moments}:
        smaller = min(size_a, size_b)
        for common in range(1, smaller + 1):
            pairs = sum((-1) ** (j - common) * comb(j, common) * moments[size_a, size_b, j]
                        for j in range(common, smaller + 1))
            if pairs:
                similar += pairs * _masi_from_sizes(size_a, size_b, common)
    return similar


def _masi_expected(marginals: Mapping[frozenset[Any], float]) -> float:
    """Sum of n_a * n_b * MASI distance over ordered pairs of distinct sets.

    Equals n ** 2 minus the similarity-weighted sum over all ordered pairs (a set with
    itself has similarity 1), computed pair by pair or through subsets, whichever visits
    fewer items.
    """
    items = [(labels, _whole(count)) for labels, count in marginals.items()]
    total = sum(count for _, count in items)
    by_pairs = len(items) * (len(items) - 1) // 2
    by_subsets = sum(2 ** len(labels) for labels, _ in items)
    if by_subsets < by_pairs:
        return total * total - _masi_similar_by_subsets(items)
    return total * total - _masi_similar_by_pairs(items)


@dataclass(frozen=True)
class Metric:
    """A level of measurement: builds its difference function from the marginal counts.

    ``expected`` may compute the expected-disagreement sum faster than the default loop
    over pairs of distinct values.  ``Metric.fixed(name, distance)`` wraps any plain
    symmetric difference function.
    """

    name: str
    distances: Callable[[Mapping[Any, float]], Distance]
    expected: Callable[[Mapping[Any, float]], float] | None = None

    @classmethod
    def fixed(cls, name: str, distance: Distance) -> Metric:
        return cls(name, lambda _marginals: distance)


NOMINAL = Metric.fixed("nominal", nominal_distance)
ORDINAL = Metric("ordinal", ordinal_distances)
INTERVAL = Metric.fixed("interval", interval_distance)
RATIO = Metric.fixed("ratio", ratio_distance)
MASI = Metric("masi", lambda _marginals: masi_distance, _masi_expected)
METRICS = {metric.name: metric for metric in (NOMINAL, ORDINAL, INTERVAL, RATIO, MASI)}


def _metric(metric: Metric | str) -> Metric:
    if isinstance(metric, Metric):
        return metric
    try:
        return METRICS[metric]
    except KeyError:
        raise AnnotatorError(Translatable(
            "unknown level of measurement '{level}' (use one of: {levels})", level=metric,
            levels=Listing(METRICS))) from None


# -- results -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Alpha:
    """Krippendorff's alpha, or None with the reason it is undefined."""

    value: float | None
    n_units: int  # pairable units
    n_annotators: int  # annotators with at least one pairable value
    n_values: int  # pairable values
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CoincidenceMatrix:
    """Coincidences ``o[c, k]`` of the values, with the counts they were built from."""

    counts: dict[tuple[Any, Any], float]
    n_units: int
    n_annotators: int
    n_values: int

    def marginals(self) -> dict[Any, float]:
        totals: defaultdict[Any, float] = defaultdict(float)
        for (value, _), count in self.counts.items():
            totals[value] += count
        return dict(totals)


# -- the coincidence matrix ------------------------------------------------------------------
class _Ids(dict[Any, int]):
    """Numbers values in the order they are first seen."""

    def __missing__(self, value: Any) -> int:
        ident = self[value] = len(self)
        return ident


@dataclass(frozen=True)
class _Tally:
    """Pairable units counted by the sorted tuple of value ids they hold."""

    signatures: Counter[tuple[int, ...]]
    values: list[Any]  # value of each id
    n_units: int
    n_annotators: int
    n_values: int


class TallyBuilder:
    """Units folded into a :class:`_Tally` one at a time, so that no unit is kept."""

    __slots__ = ("_ids", "_annotators", "_signatures")

    def __init__(self) -> None:
        self._ids = _Ids()
        self._signatures: Counter[tuple[int, ...]] = Counter()
        self._annotators: set[Hashable] = set()

    def add(self, unit: Mapping[Hashable, Any], count: int = 1) -> None:
        """Count one unit (without missing values), or ``count`` alike; a unit of one
        value is not pairable."""
        if len(unit) > 1:
            self._signatures[tuple(sorted(map(self._ids.__getitem__, unit.values())))] += count
            self._annotators.update(unit)

    def tally(self) -> _Tally:
        signatures = self._signatures
        return _Tally(
            signatures=signatures,
            values=list(self._ids),
            n_units=sum(signatures.values()),
            n_annotators=len(self._annotators),
            n_values=sum(len(signature) * count for signature, count in signatures.items()),
        )


def _tally(units: Iterable[Mapping[Hashable, Any]]) -> _Tally:
    """Group units (without missing values) by their multiset of values."""
    builder = TallyBuilder()
    for unit in units:
        builder.add(unit)
    return builder.tally()


def _coincidences(signatures: Mapping[tuple[int, ...], int]) -> dict[tuple[int, int], float]:
    """o[c, k] = sum over units of n_uc * n_uk (minus n_uc when c == k) / (m_u - 1)."""
    matrix: defaultdict[tuple[int, int], float] = defaultdict(float)
    for signature, count in signatures.items():
        if len(signature) == 2:
            first, second = signature
            matrix[first, second] += count
            matrix[second, first] += count
            continue
        weight = count / (len(signature) - 1)
        held = Counter(signature)
        for first, n_first in held.items():
            for second, n_second in held.items():
                pairs = n_first * (n_second - 1) if first == second else n_first * n_second
                if pairs:
                    matrix[first, second] += pairs * weight
    return dict(matrix)


def _matrix(tally: _Tally) -> CoincidenceMatrix:
    values = tally.values
    counts = {(values[a], values[b]): count
              for (a, b), count in _coincidences(tally.signatures).items()}
    return CoincidenceMatrix(counts, tally.n_units, tally.n_annotators, tally.n_values)


def _is_missing(value: Any) -> bool:
    return value is None or value != value  # NaN is the only value unequal to itself


def _present(unit: Mapping[Hashable, Any]) -> dict[Hashable, Any]:
    return {annotator: frozenset(value) if isinstance(value, set) else value
            for annotator, value in unit.items() if not _is_missing(value)}


def coincidences(units: Units) -> CoincidenceMatrix:
    """The coincidence matrix of agreement data ``{unit: {annotator: value}}``."""
    return _matrix(_tally(map(_present, units.values())))


def _alpha_value(counts: Mapping[tuple[Any, Any], float],
                 metric: Metric) -> tuple[float | None, str]:
    marginals: defaultdict[Any, float] = defaultdict(float)
    for (value, _), count in counts.items():
        marginals[value] += count
    if not marginals:
        return None, NO_PAIRS
    if len(marginals) == 1:
        return None, ONE_VALUE
    total = sum(marginals.values())
    distance = metric.distances(marginals)
    observed = sum(count * distance(a, b) for (a, b), count in counts.items() if a != b)
    if metric.expected is not None:
        expected = metric.expected(marginals)
    else:
        expected = 2 * sum(n_a * n_b * distance(a, b)
                           for (a, n_a), (b, n_b) in combinations(marginals.items(), 2))
    if expected <= 0:
        return None, Translatable(
            "the values do not differ on the {metric} metric: alpha is undefined",
            metric=Translatable(metric.name))
    return 1.0 - (total - 1) * observed / expected, ""


def alpha_from_coincidences(matrix: CoincidenceMatrix, metric: Metric | str = "nominal") -> Alpha:
    """Alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck)."""
    value, reason = _alpha_value(matrix.counts, _metric(metric))
    return Alpha(value, matrix.n_units, matrix.n_annotators, matrix.n_values, reason)


def alpha(units: Units, metric: Metric | str = "nominal") -> Alpha:
    """Krippendorff's alpha of ``{unit: {annotator: value}}`` at a level of measurement.

    ``metric`` is "nominal", "ordinal", "interval", "ratio", "masi" (values are sets) or
    a :class:`Metric`.  Ordinal values must sort in scale order.
    """
    return alpha_from_coincidences(coincidences(units), metric)


def _binary(tally: _Tally, categories: Iterable[Hashable]) -> dict[Hashable, Alpha]:
    """Nominal alpha of "contains the category" (1) vs "does not" (0), per category.

    Built from the set tally: in a unit with m sets of which k contain the category,
    o_11 += k(k-1)/(m-1), o_10 = o_01 += k(m-k)/(m-1), o_00 += (m-k)(m-k-1)/(m-1).
    """
    chosen: defaultdict[Hashable, float] = defaultdict(float)  # n_1
    mixed: defaultdict[Hashable, float] = defaultdict(float)  # o_10
    sets = tally.values
    for signature, count in tally.signatures.items():
        size = len(signature)
        holding: Counter[Hashable] = Counter()
        for ident in signature:
            holding.update(sets[ident])
        for category, k in holding.items():
            chosen[category] += count * k
            if k < size:
                mixed[category] += count * k * (size - k) / (size - 1)
    result: dict[Hashable, Alpha] = {}
    for category in categories:
        n_1, o_10 = chosen.get(category, 0.0), mixed.get(category, 0.0)
        n_0 = tally.n_values - n_1
        cells = {(1, 1): n_1 - o_10, (1, 0): o_10, (0, 1): o_10, (0, 0): n_0 - o_10}
        value, reason = _alpha_value({k: v for k, v in cells.items() if v > 0}, NOMINAL)
        if reason == ONE_VALUE:
            reason = (N_("not chosen in any article that two annotators coded: alpha is "
                         "undefined") if n_1 == 0 else
                      N_("chosen by every annotator in every article: alpha is undefined"))
        result[category] = Alpha(value, tally.n_units, tally.n_annotators, tally.n_values, reason)
    return result


def binary_alphas(units: Units,
                  categories: Iterable[Hashable] | None = None) -> dict[Hashable, Alpha]:
    """Per category, nominal alpha of whether each annotator's set contains it.

    An annotator's value is 1 if the set contains the category, 0 if the annotator has a
    set (possibly empty) without it, missing if the annotator has no set.  ``categories``
    defaults to every category that occurs.
    """
    tally = _tally(map(_present, units.values()))
    if categories is None:
        categories = sorted({c for labels in tally.values for c in labels}, key=str)
    return _binary(tally, categories)


class PairCounter:
    """Per pair of annotators, units both coded and units where they chose the same value,
    counted one unit at a time."""

    __slots__ = ("shared", "agreeing")

    def __init__(self) -> None:
        self.shared: Counter[tuple[Hashable, Hashable]] = Counter()
        self.agreeing: Counter[tuple[Hashable, Hashable]] = Counter()

    def add(self, unit: Mapping[Hashable, Any], count: int = 1) -> None:
        """Count one unit, or ``count`` alike."""
        if len(unit) < 2:
            return
        present = sorted((c, v) for c, v in unit.items() if not _is_missing(v))
        for (first, value), (second, other) in combinations(present, 2):
            self.shared[first, second] += count
            if value == other:
                self.agreeing[first, second] += count

    def counts(self) -> dict[tuple[Hashable, Hashable], tuple[int, int]]:
        return {pair: (self.agreeing[pair], count) for pair, count in self.shared.items()}


def pair_counts(units: Units) -> dict[tuple[Hashable, Hashable], tuple[int, int]]:
    """Per pair of annotators (sorted): (units where both chose the same value, units both
    coded)."""
    counter = PairCounter()
    for unit in units.values():
        counter.add(unit)
    return counter.counts()
