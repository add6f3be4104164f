"""Inter-annotator agreement of a project: alpha per codebook field, and pairwise agreement.

This module owns applying the statistics of :mod:`annotator.core.analysis.alpha` to a project: it
reads the tags through ``tag_values()``, ``codebook()`` and ``annotators()``, turns them
into ``{article: {annotator: value}}`` per field, and reports :class:`Figure` and
:class:`PairAgreement` rows.  Articles are units and annotators are what Krippendorff
calls coders.  An ordered single-choice field gets ordinal alpha over its scale (off-scale
categories such as "unclear" count as missing) and nominal alpha over all categories; an
unordered one gets nominal alpha; multiple-choice and participants fields get MASI alpha
over the set each annotator chose (a "coded, none" tag is the empty set, no tag is
missing) and a binary alpha per category.  Free-text fields are skipped.  Figures are
computed per codebook revision (or over revisions pooled on the categories they share),
as :mod:`annotator.core.analysis.units` reads them, and each names its revision.  The statistics
are re-exported here, so ``from annotator.core.analysis.agreement import alpha`` keeps
working.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
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
from annotator.core.analysis.units import (
    CODED_NONE,
    SET_FIELDS,
    Caveat,
    Data,
    FieldTally,
    Revision,
    fold,
    read,
    units_from_rows,
)
from annotator.core.codebook import Codebook, Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Translatable

if TYPE_CHECKING:  # (the bootstrap needs numpy: not imported until an interval is asked for)
    from annotator.core.analysis.bootstrap import Bootstrap, Interval
    from annotator.core.store import Project, Tag

__all__ = [
    # The project level, defined here.
    "CODED_NONE", "SET_FIELDS", "Caveat", "Figure", "PairAgreement", "Report", "Revision",
    "choose_fields",
    "field_agreement", "field_figures", "pairwise", "report", "units_from_rows",
    "units_from_tags",
    # The statistics, re-exported from annotator.core.analysis.alpha.
    "INTERVAL", "MASI", "METRICS", "NOMINAL", "NO_PAIRS", "ONE_VALUE", "ORDINAL", "RATIO",
    "Alpha", "CoincidenceMatrix", "Distance", "Metric", "Units", "alpha",
    "alpha_from_coincidences", "binary_alphas", "coincidences", "interval_distance",
    "masi_distance", "masi_similarity", "nominal_distance", "ordinal_distances",
    "pair_counts", "ratio_distance",
]

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
    revision: str = ""  # the codebook revision (label) the values were coded under

    def to_dict(self) -> dict[str, Any]:
        """The figure's fields, the revision first; a bootstrapped one has ``ci_low``,
        ``ci_high``, ``p_below_667``, ``p_below_800`` and the resample counts beside
        ``alpha``."""
        data = {"revision": self.revision, **asdict(self)}
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
    revision: str = ""  # the codebook revision (label) of the values compared

    def to_dict(self) -> dict[str, Any]:
        return {"revision": self.revision, **asdict(self)}


# -- codebook fields -----------------------------------------------------------------------
def _figure(spec: Field, level: str, result: Alpha, *, category: str | None = None,
            primary: bool = False, note: str = "", interval: Interval | None = None,
            revision: str = "") -> Figure:
    return Figure(spec.id, level, result.value, result.n_units, result.n_annotators,
                  result.n_values, category, primary, result.reason or note,
                  interval if result.value is not None else None, revision)


def _measured(tally: Any, metric: Metric, bootstrap: Bootstrap | None
              ) -> tuple[Alpha, Interval | None]:
    result = alpha_from_coincidences(_matrix(tally), metric)
    if bootstrap is None or result.value is None:
        return result, None
    return result, bootstrap.interval(tally, metric)


def field_figures(spec: Field, units: Units, bootstrap: Bootstrap | None = None,
                  revision: str = "") -> list[Figure]:
    """The figures of one codebook field from ``{article: {annotator: value}}``.

    Values are category ids (or :data:`CODED_NONE`) for single-choice fields and
    frozensets of ids for multiple-choice and participants fields; an annotator who did
    not code the field is absent.  Text fields give no figures.  With ``bootstrap`` each
    defined figure gets its interval (:mod:`annotator.core.analysis.bootstrap`);
    ``revision`` names the codebook revision the values were coded under.
    """
    return tally_figures(fold(spec, units), bootstrap, revision)


def tally_figures(folded: FieldTally, bootstrap: Bootstrap | None = None,
                  revision: str = "") -> list[Figure]:
    """As :func:`field_figures`, from the field's units folded as they were read."""
    spec = folded.spec
    if spec.type == "single":
        figures: list[Figure] = []
        if spec.ordered and folded.scale is not None:
            tally = folded.scale.tally()
            off_scale = tuple(f"'{c.id}'" for c in spec.categories if not c.scale)
            note = (Translatable("{categories} counted as missing", categories=off_scale)
                      if off_scale else "")
            result, interval = _measured(tally, ORDINAL, bootstrap)
            figures.append(_figure(spec, "ordinal", result, primary=True, note=note,
                                   interval=interval, revision=revision))
        result, interval = _measured(folded.values.tally(), NOMINAL, bootstrap)
        figures.append(_figure(spec, "nominal", result, primary=not spec.ordered,
                               interval=interval, revision=revision))
        return figures
    if spec.type in SET_FIELDS:
        tally = folded.values.tally()
        result, interval = _measured(tally, MASI, bootstrap)
        figures = [_figure(spec, "masi", result, primary=True, interval=interval,
                           revision=revision)]
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
                                   interval=intervals.get(category), revision=revision))
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


@dataclass(frozen=True)
class Report:
    """Everything the agreement command prints: per codebook revision (or pooled), the
    figures and the pairwise table, and the caveats about revisions."""

    figures: list[Figure]
    pairs: list[PairAgreement]
    annotators: list[str]
    bootstrap: Bootstrap | None = None
    revisions: list[Revision] = dataclass_field(default_factory=list)  # one per table, oldest first
    caveats: list[Caveat] = dataclass_field(default_factory=list)
    pooled: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"annotators": list(self.annotators),
                                "revisions": [r.to_dict() for r in self.revisions],
                                "pooled": self.pooled}
        if self.bootstrap is not None:
            data["bootstrap"] = {
                "samples": self.bootstrap.samples, "seed": self.bootstrap.seed,
                "level": 0.95, "method": "articles resampled with replacement; "
                "percentile interval"}
        data["caveats"] = [caveat.to_dict() for caveat in self.caveats]
        data["figures"] = [figure.to_dict() for figure in self.figures]
        data["pairwise"] = [pair.to_dict() for pair in self.pairs]
        return data


def _read(project: Project, annotators: Iterable[str] | None, fields: Iterable[str] | None,
          pool: bool = False, revision: str | None = None) -> Data:
    specs = choose_fields(project.codebooks.active(), fields)
    chosen = _choose_annotators(project, annotators)
    with _collection_paused():
        return read(project, specs, chosen, pool, revision)


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


def _pairs(data: Data) -> list[PairAgreement]:
    result: list[PairAgreement] = []
    for group in data.groups:
        label = group.revision.label
        for spec in group.fields:
            counts = group.tallies[spec.id].pairs.counts()
            for first, second in combinations(sorted(data.annotators), 2):
                agreeing, shared = counts.get((first, second), (0, 0))
                result.append(PairAgreement(spec.id, first, second, shared, agreeing,
                                            agreeing / shared if shared else None, label))
    return result


def _figures(data: Data, bootstrap: Bootstrap | None) -> list[Figure]:
    return [figure for group in data.groups for spec in group.fields
            for figure in tally_figures(group.tallies[spec.id], bootstrap,
                                        group.revision.label)]


def field_agreement(project: Project, annotators: Iterable[str] | None = None,
                    fields: Iterable[str] | None = None,
                    bootstrap: Bootstrap | None = None, *, pool: bool = False,
                    revision: str | None = None) -> list[Figure]:
    """Alpha for each codebook field (and each category of set fields), primary first,
    per codebook revision (oldest first).

    ``annotators`` restricts the annotators (default: everyone with tags or statuses);
    ``fields`` names the fields (default: every field but free text); ``bootstrap``
    adds each figure's interval; ``pool`` pools the revisions over the categories they
    share; ``revision`` reports that revision only.
    """
    return _figures(_read(project, annotators, fields, pool, revision), bootstrap)


def pairwise(project: Project, annotators: Iterable[str] | None = None,
             fields: Iterable[str] | None = None, *, pool: bool = False,
             revision: str | None = None) -> list[PairAgreement]:
    """Per revision, field and pair of annotators: share of the articles both coded with
    equal values."""
    return _pairs(_read(project, annotators, fields, pool, revision))


def report(project: Project, annotators: Iterable[str] | None = None,
           fields: Iterable[str] | None = None, bootstrap: Bootstrap | None = None, *,
           pool: bool = False, revision: str | None = None) -> Report:
    """:func:`field_agreement` and :func:`pairwise` from one reading of the tags."""
    data = _read(project, annotators, fields, pool, revision)
    return Report(_figures(data, bootstrap), _pairs(data), data.annotators, bootstrap,
                  [group.revision for group in data.groups], data.caveats, data.pooled)
