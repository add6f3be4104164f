"""The spreadsheet side of the exports: CSV records, Excel-safe cells, the codebook sheet.

This module owns how the exports' cells become CSV text (RFC 4180 UTF-8 with CRLF row
ends; with ``excel`` a BOM first and every cell a spreadsheet would run as a formula
neutralised by :func:`excel_cell`) and the codebook sheet written beside each export to a
file (:func:`codebook_sheet_path`, :func:`write_codebook_sheet`): one row per field,
category, role and participant of the active codebook (:data:`CODEBOOK_COLUMNS`), with
its labels and definitions in each language and the wide column it maps to.
:mod:`annotator.core.outputs.export` builds the rows of each format, writes the files and
re-exports the public names here.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from annotator.core.languages import LANGUAGES

if TYPE_CHECKING:
    from annotator.core.store import Project

CODEBOOK_COLUMNS = (
    "field", "kind", "id", "position", "label_en", "label_fa", "label_ar", "definition",
    "definition_fa", "definition_ar", "example", "field_type", "ordered", "with_participant",
    "on_scale", "retired", "wide_column", "codebook_id", "codebook_revision", "codebook_version",
)
_LANGUAGES = LANGUAGES  # in the order of the label_* and definition_* columns
_CRLF = "\r\n"


# -- Excel --------------------------------------------------------------------------------
_FORMULA_START = frozenset("=+-@\t\r")
_PLAIN_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def excel_cell(cell: object) -> object:
    """``cell`` made safe to open in a spreadsheet: no formula can run from it.

    Text starting with ``= + - @``, a tab or a carriage return gets a leading ``'``.
    Negative numbers written plainly stay as they are: an optional ``-``, ASCII digits with
    an optional decimal point and exponent, finite (``-3``, ``-0.5``, ``-1e3``).  Anything
    else that merely parses as a number keeps the quote: ``+1`` (a formula in Excel),
    ``-inf``, ``-1e999``, `` -3`` (tab or space first), ``-۳`` (Persian digits).
    """
    if isinstance(cell, str) and cell[:1] in _FORMULA_START and (
            _PLAIN_NUMBER.fullmatch(cell) is None or not math.isfinite(float(cell))):
        return "'" + cell
    return cell


def _excel_row(row: Iterable[object]) -> tuple[object, ...]:
    return tuple(map(excel_cell, row))


def _excel_rows(rows: Iterable[Iterable[object]]) -> Iterator[tuple[object, ...]]:
    return map(_excel_row, rows)


# -- CSV records ---------------------------------------------------------------------------
def _csv_tail(cells: Iterable[object], excel: bool, end: str = "") -> str:
    """``cells`` as the end of a CSV record: ``,a,b`` (quoted as csv.writer quotes)."""
    if excel:
        cells = map(excel_cell, cells)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=_CRLF).writerow(("", *cells))
    return buffer.getvalue()[:-len(_CRLF)] + end


def _write_csv(out: TextIO, header: Iterable[object], rows: Iterable[Iterable[object]],
               excel: bool) -> int:
    if excel:
        out.write("\ufeff")
        header, rows = [excel_cell(cell) for cell in header], _excel_rows(rows)
    writer = csv.writer(out, lineterminator=_CRLF)
    writer.writerow(header)
    counted = _Counted(rows)
    writer.writerows(counted)
    return counted.count


class _Counted:
    """Rows passed through, counted (``writerows`` does not say how many it wrote)."""

    def __init__(self, rows: Iterable[Iterable[object]]) -> None:
        self.rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Iterable[object]]:
        count = 0
        for row in self.rows:
            count += 1
            yield row
        self.count = count


# -- the codebook sheet ----------------------------------------------------------------------
def codebook_sheet_path(path: str | Path) -> Path:
    """The codebook sheet beside an export to ``path``: ``tags.csv`` -> ``tags.codebook.csv``."""
    path = Path(path)
    return path.with_name(path.stem + ".codebook.csv")


def codebook_rows(project: Project) -> Iterator[list[object]]:
    """The rows of the codebook sheet (:data:`CODEBOOK_COLUMNS`)."""
    codebook, version = project.codebooks.active(), project.codebooks.active_version()
    tail = [codebook.id, codebook.revision, version]

    def texts(text: dict[str, str]) -> list[str]:
        # Exactly as written in each language: an empty cell is a missing translation.
        return [text.get(language, "") for language in _LANGUAGES]

    participant_fields = [spec.id for spec in codebook.fields if spec.type == "participants"]
    for spec in codebook.fields:
        own_column = spec.id if spec.type in ("single", "text", "participants") else ""
        yield [spec.id, "field", spec.id, "", *texts(spec.label), *texts(spec.definitions),
               "", spec.type, int(spec.ordered), int(spec.with_participant),
               "", "", own_column, *tail]
        for position, category in enumerate(spec.categories, start=1):
            on_scale = int(category.scale) if spec.ordered else ""
            column = spec.id if spec.type == "single" else f"{spec.id}_{category.id}"
            yield [spec.id, "category", category.id, position, *texts(category.label),
                   *texts(category.definitions), category.example, spec.type, "", "", on_scale,
                   int(category.retired), column, *tail]
        for position, role in enumerate(spec.roles, start=1):
            yield [spec.id, "role", role.id, position, *texts(role.label),
                   *texts(role.definitions), "", spec.type, "", "", "", "", "", *tail]
    for spec_id in participant_fields or [""]:
        for person in project.participants.all():
            column = f"{spec_id}_{person.id}" if spec_id else ""
            yield [spec_id, "participant", person.id, "", *texts(person.name),
                   *texts(person.office), "", person.kind, "", "", "", "", column, *tail]


def write_codebook_sheet(project: Project, out: TextIO, excel: bool = False) -> int:
    """Write the codebook sheet as CSV to ``out``; returns the number of rows."""
    return _write_csv(out, CODEBOOK_COLUMNS, codebook_rows(project), excel)
