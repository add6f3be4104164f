"""Inter-annotator agreement: Krippendorff's alpha per codebook field, and pairwise agreement.

Alpha is computed from the coincidence matrix (Krippendorff 2011, "Computing
Krippendorff's Alpha-Reliability") with a pluggable difference function: nominal, ordinal
(built from the marginal frequencies of the values), interval, ratio and MASI for sets of
values.  Units are articles and coders are annotators; a unit with fewer than two values
is not pairable and is left out.  The pure functions take ``{unit: {coder: value}}`` with
``None`` (or NaN) for a missing value; :func:`field_agreement` and :func:`pairwise` read a
project through ``tags()``, ``codebook()`` and ``annotators()`` and apply the codebook:
an ordered single-choice field gets ordinal alpha over its scale (off-scale categories
such as "unclear" count as missing) and nominal alpha over all categories; an unordered
one gets nominal alpha; multiple-choice and participants fields get MASI alpha over the
set each annotator chose (a "coded, none" tag is the empty set, no tag is missing) and a
binary alpha per category.  Free-text fields are skipped.

Speed: pairable units are grouped by the multiset of value ids they hold, so the work is
one pass over the units plus work per distinct multiset, never per pair of coders.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from itertools import combinations
from math import comb
from typing import TYPE_CHECKING, Any

from annotator.core.codebook import Codebook, Field
from annotator.core.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.core.store import Project, Tag

Units = Mapping[Hashable, Mapping[Hashable, Any]]
"""Reliability data: ``{unit: {coder: value}}``; ``None`` or NaN is a missing value."""

Distance = Callable[[Any, Any], float]
"""A difference function delta squared: 0 for equal values, symmetric."""

CODED_NONE = "(none)"
"""The value of a single-choice field an annotator marked "coded, none"."""

NO_PAIRS = "fewer than two coders coded the same article"
ONE_VALUE = "only one value occurs: alpha is undefined"
SET_FIELDS = ("multiple", "participants")


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
        raise AnnotatorError(
            f"unknown level of measurement '{metric}' (use one of: {', '.join(METRICS)})"
        ) from None


# -- results -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Alpha:
    """Krippendorff's alpha, or None with the reason it is undefined."""

    value: float | None
    n_units: int  # pairable units
    n_coders: int  # coders with at least one pairable value
    n_values: int  # pairable values
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CoincidenceMatrix:
    """Coincidences ``o[c, k]`` of the values, with the counts they were built from."""

    counts: dict[tuple[Any, Any], float]
    n_units: int
    n_coders: int
    n_values: int

    def marginals(self) -> dict[Any, float]:
        totals: defaultdict[Any, float] = defaultdict(float)
        for (value, _), count in self.counts.items():
            totals[value] += count
        return dict(totals)


@dataclass(frozen=True)
class Figure:
    """One reported agreement figure: a field at a level, or one category of a field.

    ``level`` is nominal, ordinal, masi or binary (binary figures name their
    ``category``); ``primary`` marks the figure to report for the field; ``note`` says
    why ``alpha`` is None, or how the values were counted.
    """

    field: str
    level: str
    alpha: float | None
    n_units: int
    n_coders: int
    n_values: int
    category: str | None = None
    primary: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PairAgreement:
    """How often two annotators chose the same value (or the same set) for a field."""

    field: str
    annotator_a: str
    annotator_b: str
    n_units: int  # articles both coded
    n_agreeing: int
    agreement: float | None  # n_agreeing / n_units; None when they share no article

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    n_coders: int
    n_values: int


def _tally(units: Iterable[Mapping[Hashable, Any]]) -> _Tally:
    """Group units (without missing values) by their multiset of values."""
    ids = _Ids()
    number = ids.__getitem__
    signatures: Counter[tuple[int, ...]] = Counter()
    coders: set[Hashable] = set()
    for unit in units:
        if len(unit) > 1:
            signatures[tuple(sorted(map(number, unit.values())))] += 1
            coders.update(unit)
    return _Tally(
        signatures=signatures,
        values=list(ids),
        n_units=sum(signatures.values()),
        n_coders=len(coders),
        n_values=sum(len(signature) * count for signature, count in signatures.items()),
    )


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
    return CoincidenceMatrix(counts, tally.n_units, tally.n_coders, tally.n_values)


def _is_missing(value: Any) -> bool:
    return value is None or value != value  # NaN is the only value unequal to itself


def _present(unit: Mapping[Hashable, Any]) -> dict[Hashable, Any]:
    return {coder: frozenset(value) if isinstance(value, set) else value
            for coder, value in unit.items() if not _is_missing(value)}


def coincidences(units: Units) -> CoincidenceMatrix:
    """The coincidence matrix of reliability data ``{unit: {coder: value}}``."""
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
        return None, f"the values do not differ on the {metric.name} metric: alpha is undefined"
    return 1.0 - (total - 1) * observed / expected, ""


def alpha_from_coincidences(matrix: CoincidenceMatrix, metric: Metric | str = "nominal") -> Alpha:
    """Alpha = 1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck)."""
    value, reason = _alpha_value(matrix.counts, _metric(metric))
    return Alpha(value, matrix.n_units, matrix.n_coders, matrix.n_values, reason)


def alpha(units: Units, metric: Metric | str = "nominal") -> Alpha:
    """Krippendorff's alpha of ``{unit: {coder: value}}`` at a level of measurement.

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
            reason = ("not chosen in any article that two annotators coded: alpha is undefined"
                      if n_1 == 0 else
                      "chosen by every annotator in every article: alpha is undefined")
        result[category] = Alpha(value, tally.n_units, tally.n_coders, tally.n_values, reason)
    return result


def binary_alphas(units: Units,
                  categories: Iterable[Hashable] | None = None) -> dict[Hashable, Alpha]:
    """Per category, nominal alpha of whether each coder's set contains it.

    A coder's value is 1 if the set contains the category, 0 if the coder has a set
    (possibly empty) without it, missing if the coder has no set.  ``categories``
    defaults to every category that occurs.
    """
    tally = _tally(map(_present, units.values()))
    if categories is None:
        categories = sorted({c for labels in tally.values for c in labels}, key=str)
    return _binary(tally, categories)


def pair_counts(units: Units) -> dict[tuple[Hashable, Hashable], tuple[int, int]]:
    """Per pair of coders (sorted): (units where both chose the same value, units both coded)."""
    shared: Counter[tuple[Hashable, Hashable]] = Counter()
    agreeing: Counter[tuple[Hashable, Hashable]] = Counter()
    for unit in units.values():
        if len(unit) < 2:
            continue
        present = sorted((c, v) for c, v in unit.items() if not _is_missing(v))
        for (first, value), (second, other) in combinations(present, 2):
            shared[first, second] += 1
            if value == other:
                agreeing[first, second] += 1
    return {pair: (agreeing[pair], count) for pair, count in shared.items()}


# -- codebook fields -----------------------------------------------------------------------
def _figure(spec: Field, level: str, result: Alpha, *, category: str | None = None,
            primary: bool = False, remark: str = "") -> Figure:
    return Figure(spec.id, level, result.value, result.n_units, result.n_coders,
                  result.n_values, category, primary, result.reason or remark)


def field_figures(spec: Field, units: Units) -> list[Figure]:
    """The figures of one codebook field from ``{article: {annotator: value}}``.

    Values are category ids (or :data:`CODED_NONE`) for single-choice fields and
    frozensets of ids for multiple-choice and participants fields; an annotator who did
    not code the field is absent.  Text fields give no figures.
    """
    if spec.type == "single":
        figures: list[Figure] = []
        if spec.ordered:
            rank = {category.id: position for position, category in enumerate(spec.scale)}
            on_scale = ({a: rank[v] for a, v in unit.items() if v in rank}
                        for unit in units.values())
            tally = _tally(on_scale)
            off_scale = [f"'{c.id}'" for c in spec.categories if not c.scale]
            remark = f"{' and '.join(off_scale)} counted as missing" if off_scale else ""
            figures.append(_figure(spec, "ordinal", alpha_from_coincidences(_matrix(tally),
                                                                             ORDINAL),
                                   primary=True, remark=remark))
        nominal = alpha_from_coincidences(_matrix(_tally(units.values())), NOMINAL)
        figures.append(_figure(spec, "nominal", nominal, primary=not spec.ordered))
        return figures
    if spec.type in SET_FIELDS:
        tally = _tally(units.values())
        figures = [_figure(spec, "masi", alpha_from_coincidences(_matrix(tally), MASI),
                           primary=True)]
        occurring = {label for labels in tally.values for label in labels}
        if spec.type == "multiple":
            listed = [c.id for c in spec.categories if not c.retired or c.id in occurring]
            categories = listed + sorted(occurring - set(listed))
        else:
            categories = sorted(occurring)
        for category, result in _binary(tally, categories).items():
            figures.append(_figure(spec, "binary", result, category=str(category)))
        return figures
    return []


# -- reading a project ---------------------------------------------------------------------
def choose_fields(codebook: Codebook, fields: Iterable[str] | None = None) -> list[Field]:
    """The codebook fields to report: all but free text, or those named (checked)."""
    if fields is None:
        return [spec for spec in codebook.fields if spec.type != "text"]
    chosen = [codebook.field(field_id) for field_id in dict.fromkeys(fields)]
    for spec in chosen:
        if spec.type == "text":
            raise AnnotatorError(
                f"field '{spec.id}' is free text: agreement is computed for choice and "
                "participants fields only"
            )
    return chosen


def _choose_annotators(project: Project, annotators: Iterable[str] | None) -> list[str]:
    known = project.annotators()
    if annotators is None:
        return known
    chosen = list(dict.fromkeys(annotators))
    unknown = [name for name in chosen if name not in known]
    if unknown:
        raise AnnotatorError(
            f"no annotator named '{unknown[0]}' in the project "
            f"(annotators: {', '.join(known) or 'none yet'})"
        )
    return chosen


def units_from_tags(tags: Iterable[Tag], fields: Sequence[Field],
                    annotators: Collection[str] | None = None) -> dict[str, dict[str, dict]]:
    """``{field: {article: {annotator: value}}}`` from tags, as :func:`field_figures` wants.

    A "coded, none" tag gives :data:`CODED_NONE` in a single-choice field and the empty
    set in a multiple-choice or participants field; no tag leaves the annotator absent.
    """
    return units_from_rows(((t.article_id, t.annotator, t.field, t.value) for t in tags),
                           fields, annotators)


def units_from_rows(rows: Iterable[tuple[str, str, str, str | None]], fields: Sequence[Field],
                    annotators: Collection[str] | None = None) -> dict[str, dict[str, dict]]:
    """As :func:`units_from_tags`, from (article_id, annotator, field, value) rows."""
    kinds = {spec.id: spec.type for spec in fields if spec.type != "text"}
    wanted = None if annotators is None else set(annotators)
    units: dict[str, dict[str, dict]] = {field_id: {} for field_id in kinds}
    sets = {field_id for field_id, kind in kinds.items() if kind in SET_FIELDS}
    for article_id, annotator, field_id, value in rows:
        by_article = units.get(field_id)
        if by_article is None or (wanted is not None and annotator not in wanted):
            continue
        unit = by_article.get(article_id)
        if unit is None:
            unit = by_article[article_id] = {}
        if field_id in sets:
            labels = unit.get(annotator)
            if labels is None:
                labels = unit[annotator] = []
            if value is not None:
                labels.append(value)
        else:
            unit[annotator] = CODED_NONE if value is None else value
    for field_id in sets:
        for unit in units[field_id].values():
            for annotator, labels in unit.items():
                unit[annotator] = frozenset(labels)
    return units


@dataclass(frozen=True)
class Report:
    """Everything the agreement command prints: the figures and the pairwise table."""

    figures: list[Figure]
    pairs: list[PairAgreement]
    annotators: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "figures": [figure.to_dict() for figure in self.figures],
            "pairwise": [pair.to_dict() for pair in self.pairs],
        }


def _read(project: Project, annotators: Iterable[str] | None,
          fields: Iterable[str] | None) -> tuple[list[Field], list[str], dict]:
    specs = choose_fields(project.codebook(), fields)
    coders = _choose_annotators(project, annotators)
    with _collection_paused():
        return specs, coders, units_from_rows(project.tag_values(), specs, coders)


@contextmanager
def _collection_paused() -> Iterator[None]:
    # Reading a million tags creates millions of small objects, which sets off repeated
    # full cycle collections (measured: reading and grouping take twice as long); none
    # of these objects form cycles, so the collector can wait until they are built.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _pairs(specs: Sequence[Field], coders: Sequence[str], units: dict) -> list[PairAgreement]:
    result: list[PairAgreement] = []
    for spec in specs:
        counts = pair_counts(units[spec.id])
        for first, second in combinations(sorted(coders), 2):
            agreeing, shared = counts.get((first, second), (0, 0))
            result.append(PairAgreement(spec.id, first, second, shared, agreeing,
                                        agreeing / shared if shared else None))
    return result


def field_agreement(project: Project, annotators: Iterable[str] | None = None,
                    fields: Iterable[str] | None = None) -> list[Figure]:
    """Alpha for each codebook field (and each category of set fields), primary first.

    ``annotators`` restricts the coders (default: everyone with tags or statuses);
    ``fields`` names the fields (default: every field but free text).
    """
    specs, _, units = _read(project, annotators, fields)
    return [figure for spec in specs for figure in field_figures(spec, units[spec.id])]


def pairwise(project: Project, annotators: Iterable[str] | None = None,
             fields: Iterable[str] | None = None) -> list[PairAgreement]:
    """Per field and pair of annotators: share of the articles both coded with equal values."""
    specs, coders, units = _read(project, annotators, fields)
    return _pairs(specs, coders, units)


def report(project: Project, annotators: Iterable[str] | None = None,
           fields: Iterable[str] | None = None) -> Report:
    """:func:`field_agreement` and :func:`pairwise` from one reading of the tags."""
    specs, coders, units = _read(project, annotators, fields)
    figures = [figure for spec in specs for figure in field_figures(spec, units[spec.id])]
    return Report(figures, _pairs(specs, coders, units), coders)
