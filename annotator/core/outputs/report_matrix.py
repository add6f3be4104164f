"""The report's coincidence matrices: one heat-map table per single-choice field.

This module owns how the report shows where annotators disagree: for each single-choice
field with articles coded by two or more annotators, per codebook revision, the coincidence
matrix of :mod:`annotator.core.analysis.matrix` as a table whose cells are shaded by their
count (agreement on the diagonal in blue, disagreement off it in red; the numbers are
printed too, so the table reads in black and white), and the pairs of values that make up
most of the disagreement. Labels and numbers are in the report's language
(:class:`annotator.core.labels.Labels`). Multiple-choice and participants fields are left to
their per-category alphas: their matrices run over every set chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.analysis.matrix import FieldMatrix, field_matrices, tidy
from annotator.core.errors import AnnotatorError
from annotator.core.labels import Labels

if TYPE_CHECKING:
    from annotator.core.store import Project

MOST = 3
"""Pairs of values listed under each matrix."""


@dataclass(frozen=True)
class MatrixPart:
    """One field's matrix, worded: value labels, count texts, shades, the top pairs."""

    field: str  # the field's label
    names: list[str]
    cells: list[list[str]]
    shades: list[list[str]]  # background colour of each cell, "#rrggbb"
    totals: list[str]
    units: str
    most: list[tuple[str, str, str]]  # (value, value, share of the disagreement)
    revision: str = ""  # the codebook revision the values were coded under


def _shade(strength: float, diagonal: bool) -> str:
    level = int(200 * strength)
    red, green, blue = ((255 - level, 255 - level // 2, 255) if diagonal
                        else (255, 255 - level, 255 - level))
    return f"#{red:02x}{green:02x}{blue:02x}"


def matrix_parts(project: Project, labels: Labels) -> list[MatrixPart]:
    """The matrices of the active codebook's single-choice fields that have any, one per
    codebook revision."""
    parts: list[MatrixPart] = []
    for spec in project.codebooks.active().fields:
        if spec.type != "single":
            continue
        try:
            results = field_matrices(project, spec.id)
        except AnnotatorError:
            continue
        parts += [_part(result, labels) for result in results if result.values]
    return parts


def _part(result: FieldMatrix, labels: Labels) -> MatrixPart:
    """One matrix, worded."""
    def name(value: str) -> str:
        return labels.value(result.field, value) or value

    def count(number: float) -> str:
        whole = tidy(number)
        return labels.number(whole if isinstance(whole, int) else f"{whole:.2f}")

    largest = max(result.counts.values(), default=0.0) or 1.0
    values = result.values
    totals = result.totals()
    return MatrixPart(
        field=labels.field(result.field),
        names=[name(value) for value in values],
        cells=[[count(result.count(row, column)) for column in values] for row in values],
        shades=[[_shade(result.count(row, column) / largest, row == column)
                 for column in values] for row in values],
        totals=[count(totals[value]) for value in values],
        units=labels.number(result.n_units),
        most=[(name(item.first), name(item.second),
               labels.number(f"{100 * item.share:.1f}%"))
              for item in result.disagreements[:MOST]],
        revision=result.revision,
    )
