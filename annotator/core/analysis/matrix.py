"""The coincidence matrix of one codebook field, and where the annotators disagree.

This module owns what ``annotator agreement --matrix FIELD`` reports: Krippendorff's
coincidence matrix (2011, "Computing Krippendorff's Alpha-Reliability": within each
article coded by ``m >= 2`` annotators, each ordered pair of values from two different
annotators adds ``1/(m - 1)``), its margins ``n_c``, and the pairs of unequal values
ranked by how much of the observed disagreement they make up (``o_ck + o_kc`` times the
difference of the field's level: nominal for a single-choice field, MASI for sets).  A
single-choice field's values are its categories (with ``(none)`` for "coded, none"), in
codebook order; a multiple-choice or participants field's values are the sets the
annotators chose, written as their ids joined by ``+``, the empty set as ``(none)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.core.analysis.agreement import (
    CODED_NONE,
    SET_FIELDS,
    CoincidenceMatrix,
    _read,
    masi_distance,
)
from annotator.core.analysis.alpha import _matrix as _coincidence_matrix
from annotator.core.codebook import Field

if TYPE_CHECKING:
    from annotator.core.store import Project


@dataclass(frozen=True)
class Disagreement:
    """Two unequal values, their coincidences (both orders) and their share of the
    observed disagreement."""

    first: str
    second: str
    count: float
    share: float


@dataclass(frozen=True)
class FieldMatrix:
    """A field's coincidence matrix over ``values`` (row value, column value: count)."""

    field: str
    level: str  # the level the disagreement is weighed at: nominal or masi
    values: list[str]
    counts: dict[tuple[str, str], float]
    n_units: int
    n_annotators: int
    disagreements: list[Disagreement]
    revision: str = ""  # the codebook revision (label) the values were coded under

    def count(self, first: str, second: str) -> float:
        return self.counts.get((first, second), 0.0)

    def totals(self) -> dict[str, float]:
        """The margins ``n_c``: how many pairable values each value is."""
        return {value: sum(self.count(value, other) for other in self.values)
                for value in self.values}

    def to_dict(self) -> dict[str, Any]:
        return {
            "revision": self.revision, "field": self.field, "level": self.level,
            "units": self.n_units,
            "annotators": self.n_annotators,
            "matrix": {row: {column: tidy(self.count(row, column)) for column in self.values}
                       for row in self.values},
            "totals": {value: tidy(total) for value, total in self.totals().items()},
            "disagreements": [{"values": [d.first, d.second], "count": tidy(d.count),
                               "share": round(d.share, 6)} for d in self.disagreements],
        }


def tidy(count: float) -> float | int:
    """A count as a whole number when it is one, else to six decimals."""
    nearest = round(count)
    return int(nearest) if abs(count - nearest) < 1e-9 else round(count, 6)


def set_name(labels: Iterable[str]) -> str:
    """How a set of values is written in the matrix: ids joined by ``+``."""
    ordered = sorted(labels)
    return "+".join(ordered) if ordered else CODED_NONE


def _order(spec: Field, present: Iterable[str]) -> list[str]:
    listed = [category.id for category in spec.categories]
    seen = set(present)
    ordered = [value for value in listed if value in seen]
    if CODED_NONE in seen:
        ordered.append(CODED_NONE)
    return ordered + sorted(seen - set(ordered))


def field_matrices(project: Project, field_id: str, annotators: Iterable[str] | None = None,
                   *, pool: bool = False, revision: str | None = None) -> list[FieldMatrix]:
    """The coincidence matrix of ``field_id`` over the annotators' tags (default: all), one
    per codebook revision with tags, oldest first (``pool``: one over the revisions
    pooled; ``revision``: that revision's only)."""
    data = _read(project, annotators, [field_id], pool, revision)
    return [_matrix(spec, _coincidence_matrix(group.tallies[spec.id].values.tally()),
                    group.revision.label)
            for group in data.groups for spec in group.fields]


def field_matrix(project: Project, field_id: str, annotators: Iterable[str] | None = None,
                 *, pool: bool = False, revision: str | None = None) -> FieldMatrix:
    """One coincidence matrix of ``field_id``: of ``revision``, of the pooled revisions,
    or else of the newest revision with tags of the field."""
    matrices = field_matrices(project, field_id, annotators, pool=pool, revision=revision)
    with_values = [matrix for matrix in matrices if matrix.values]
    return (with_values or matrices)[-1]


def _matrix(spec: Field, matrix: CoincidenceMatrix, revision: str) -> FieldMatrix:
    is_set = spec.type in SET_FIELDS
    name = (lambda value: set_name(value)) if is_set else str
    counts: dict[tuple[str, str], float] = {}
    originals: dict[str, Any] = {}
    for (first, second), count in matrix.counts.items():
        counts[name(first), name(second)] = count
        originals[name(first)] = first
    if is_set:
        values = sorted(originals, key=lambda v: (len(originals[v]), v))
    else:
        values = _order(spec, originals)
    weigh = ((lambda a, b: masi_distance(originals[a], originals[b])) if is_set
             else (lambda a, b: 1.0))
    weighed = []  # (-weight, first's place, second's place, both counts), codebook order
    for index, first in enumerate(values):
        for place, second in enumerate(values[index + 1:], start=index + 1):
            both = counts.get((first, second), 0.0) + counts.get((second, first), 0.0)
            weight = both * weigh(first, second)
            if weight > 0:
                weighed.append((-weight, index, place, both))
    total = -sum(item[0] for item in weighed)
    disagreements = [Disagreement(values[first], values[second], both, -weight / total)
                     for weight, first, second, both in sorted(weighed)]
    return FieldMatrix(spec.id, "masi" if is_set else "nominal", values, counts,
                       matrix.n_units, matrix.n_annotators, disagreements, revision)
