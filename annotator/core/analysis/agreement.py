"""Inter-annotator agreement of a project: alpha per codebook field, and pairwise agreement.

This module owns applying the statistics of :mod:`annotator.core.analysis.alpha` to a project: it
reads the tags through ``tag_values()``, ``codebook()`` and ``annotators()``, turns them
into ``{article: {annotator: value}}`` per field, and reports :class:`Figure` and
:class:`PairAgreement` rows.  Articles are units and annotators are what Krippendorff
calls coders.  An ordered single-choice field gets ordinal alpha over its scale (off-scale
categories such as "unclear" count as missing) and nominal alpha over all categories; an
unordered one gets nominal alpha; multiple-choice and participants fields get MASI alpha
over the set each annotator chose (a "coded, none" tag is the empty set, no tag is
missing) and a binary alpha per category.  Free-text fields are skipped.  The statistics
are re-exported here, so ``from annotator.core.analysis.agreement import alpha`` keeps
working.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

from annotator.core.analysis.alpha import (
    INTERVAL,
    MASI,
    METRICS,
    NO_PAIRS,
    NOMINAL,
    ONE_VALUE,
    ORDINAL,
    RATIO,
    Alpha,
    CoincidenceMatrix,
    Distance,
    Metric,
    Units,
    _binary,
    _matrix,
    _tally,
    alpha,
    alpha_from_coincidences,
    binary_alphas,
    coincidences,
    interval_distance,
    masi_distance,
    masi_similarity,
    nominal_distance,
    ordinal_distances,
    pair_counts,
    ratio_distance,
)
from annotator.core.analysis.alpha import _masi_similar_by_pairs as _masi_similar_by_pairs
from annotator.core.analysis.alpha import _masi_similar_by_subsets as _masi_similar_by_subsets
from annotator.core.analysis.bootstrap import Bootstrap, Interval
from annotator.core.codebook import Codebook, Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Translatable

if TYPE_CHECKING:
    from annotator.core.store import Project, Tag

__all__ = [
    # The project level, defined here.
    "CODED_NONE", "SET_FIELDS", "Figure", "PairAgreement", "Report", "choose_fields",
    "field_agreement", "field_figures", "pairwise", "report", "units_from_rows",
    "units_from_tags",
    # The statistics, re-exported from annotator.core.analysis.alpha.
    "INTERVAL", "MASI", "METRICS", "NOMINAL", "NO_PAIRS", "ONE_VALUE", "ORDINAL", "RATIO",
    "Alpha", "CoincidenceMatrix", "Distance", "Metric", "Units", "alpha",
    "alpha_from_coincidences", "binary_alphas", "coincidences", "interval_distance",
    "masi_distance", "masi_similarity", "nominal_distance", "ordinal_distances",
    "pair_counts", "ratio_distance",
]

CODED_NONE = "(none)"
"""The value of a single-choice field an annotator marked "coded, none"."""

SET_FIELDS = ("multiple", "participants")


# -- results -------------------------------------------------------------------------------
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
    n_annotators: int
    n_values: int
    category: str | None = None
    primary: bool = False
    note: str = ""
    interval: Interval | None = None  # with --bootstrap: the 95% interval and q

    def to_dict(self) -> dict[str, Any]:
        """The figure's fields; a bootstrapped one has ``ci_low``, ``ci_high``,
        ``p_below_667``, ``p_below_800`` and the resample counts beside ``alpha``."""
        data = asdict(self)
        del data["interval"]
        if self.interval is not None:
            position = list(data).index("alpha") + 1
            items = list(data.items())
            data = dict(items[:position] + list(self.interval.to_dict().items())
                        + items[position:])
        return data


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


# -- codebook fields -----------------------------------------------------------------------
def _figure(spec: Field, level: str, result: Alpha, *, category: str | None = None,
            primary: bool = False, note: str = "", interval: Interval | None = None) -> Figure:
    return Figure(spec.id, level, result.value, result.n_units, result.n_annotators,
                  result.n_values, category, primary, result.reason or note,
                  interval if result.value is not None else None)


def _measured(tally: Any, metric: Metric, bootstrap: Bootstrap | None
              ) -> tuple[Alpha, Interval | None]:
    result = alpha_from_coincidences(_matrix(tally), metric)
    if bootstrap is None or result.value is None:
        return result, None
    return result, bootstrap.interval(tally, metric)


def field_figures(spec: Field, units: Units, bootstrap: Bootstrap | None = None
                  ) -> list[Figure]:
    """The figures of one codebook field from ``{article: {annotator: value}}``.

    Values are category ids (or :data:`CODED_NONE`) for single-choice fields and
    frozensets of ids for multiple-choice and participants fields; an annotator who did
    not code the field is absent.  Text fields give no figures.  With ``bootstrap`` each
    defined figure gets its interval (:mod:`annotator.core.analysis.bootstrap`).
    """
    if spec.type == "single":
        figures: list[Figure] = []
        if spec.ordered:
            rank = {category.id: position for position, category in enumerate(spec.scale)}
            on_scale = ({a: rank[v] for a, v in unit.items() if v in rank}
                        for unit in units.values())
            tally = _tally(on_scale)
            off_scale = tuple(f"'{c.id}'" for c in spec.categories if not c.scale)
            note = (Translatable("{categories} counted as missing", categories=off_scale)
                      if off_scale else "")
            result, interval = _measured(tally, ORDINAL, bootstrap)
            figures.append(_figure(spec, "ordinal", result, primary=True, note=note,
                                   interval=interval))
        result, interval = _measured(_tally(units.values()), NOMINAL, bootstrap)
        figures.append(_figure(spec, "nominal", result, primary=not spec.ordered,
                               interval=interval))
        return figures
    if spec.type in SET_FIELDS:
        tally = _tally(units.values())
        result, interval = _measured(tally, MASI, bootstrap)
        figures = [_figure(spec, "masi", result, primary=True, interval=interval)]
        occurring = {label for labels in tally.values for label in labels}
        if spec.type == "multiple":
            listed = [c.id for c in spec.categories if not c.retired or c.id in occurring]
            categories = listed + sorted(occurring - set(listed))
        else:
            categories = sorted(occurring)
        intervals = (bootstrap.binary(tally, categories) if bootstrap is not None
                     and tally.signatures else {})
        for category, result in _binary(tally, categories).items():
            figures.append(_figure(spec, "binary", result, category=str(category),
                                   interval=intervals.get(category)))
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
            raise AnnotatorError(Translatable(
                "field '{field}' is free text: agreement is computed for choice and "
                "participants fields only", field=spec.id))
    return chosen


def _choose_annotators(project: Project, annotators: Iterable[str] | None) -> list[str]:
    known = project.tags.annotators()
    if annotators is None:
        return known
    chosen = list(dict.fromkeys(annotators))
    unknown = [name for name in chosen if name not in known]
    if unknown:
        raise AnnotatorError(Translatable(
            "no annotator named '{name}' in the project (annotators: {known})",
            name=unknown[0], known=Listing(known) or Translatable("none yet")))
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
    bootstrap: Bootstrap | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"annotators": list(self.annotators)}
        if self.bootstrap is not None:
            data["bootstrap"] = {
                "samples": self.bootstrap.samples, "seed": self.bootstrap.seed,
                "level": 0.95, "method": "articles resampled with replacement; "
                "percentile interval"}
        data["figures"] = [figure.to_dict() for figure in self.figures]
        data["pairwise"] = [pair.to_dict() for pair in self.pairs]
        return data


def _read(project: Project, annotators: Iterable[str] | None,
          fields: Iterable[str] | None) -> tuple[list[Field], list[str], dict]:
    specs = choose_fields(project.codebooks.active(), fields)
    chosen = _choose_annotators(project, annotators)
    with _collection_paused():
        return specs, chosen, units_from_rows(project.tags.iter_values(), specs, chosen)


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


def _pairs(specs: Sequence[Field], annotators: Sequence[str], units: dict) -> list[PairAgreement]:
    result: list[PairAgreement] = []
    for spec in specs:
        counts = pair_counts(units[spec.id])
        for first, second in combinations(sorted(annotators), 2):
            agreeing, shared = counts.get((first, second), (0, 0))
            result.append(PairAgreement(spec.id, first, second, shared, agreeing,
                                        agreeing / shared if shared else None))
    return result


def field_agreement(project: Project, annotators: Iterable[str] | None = None,
                    fields: Iterable[str] | None = None,
                    bootstrap: Bootstrap | None = None) -> list[Figure]:
    """Alpha for each codebook field (and each category of set fields), primary first.

    ``annotators`` restricts the annotators (default: everyone with tags or statuses);
    ``fields`` names the fields (default: every field but free text); ``bootstrap``
    adds each figure's interval.
    """
    specs, _, units = _read(project, annotators, fields)
    return [figure for spec in specs
            for figure in field_figures(spec, units[spec.id], bootstrap)]


def pairwise(project: Project, annotators: Iterable[str] | None = None,
             fields: Iterable[str] | None = None) -> list[PairAgreement]:
    """Per field and pair of annotators: share of the articles both coded with equal values."""
    specs, chosen, units = _read(project, annotators, fields)
    return _pairs(specs, chosen, units)


def report(project: Project, annotators: Iterable[str] | None = None,
           fields: Iterable[str] | None = None, bootstrap: Bootstrap | None = None) -> Report:
    """:func:`field_agreement` and :func:`pairwise` from one reading of the tags."""
    specs, chosen, units = _read(project, annotators, fields)
    figures = [figure for spec in specs
               for figure in field_figures(spec, units[spec.id], bootstrap)]
    return Report(figures, _pairs(specs, chosen, units), chosen, bootstrap)
