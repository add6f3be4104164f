"""The long tag CSV: one row per tag, written by ``export`` and read by ``import-tags``.

Plain RFC 4180 UTF-8 (no BOM), text exactly as stored.  An empty ``value`` cell means
"coded, none".  Reading accepts the same file back, also when a spreadsheet added a BOM
or saved it as UTF-16.
"""

from __future__ import annotations

import csv
import operator
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable, message_of
from annotator.core.intake.decode import decode_bytes
from annotator.core.intake.reading import InputProblem, csv_rows, header_names, read_bounded
from annotator.core.records import QUOTE_LINES, TAG_FILE_BYTES
from annotator.core.store import EXPORT_COLUMNS, REQUIRED_COLUMNS


def write_tags(rows: Iterable[dict[str, object]], out: TextIO) -> int:
    """Write tag rows as CSV to ``out``; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    pick = operator.itemgetter(*EXPORT_COLUMNS)
    for row in rows:
        writer.writerow(pick(row))  # csv writes None as an empty field
        count += 1
    return count


def read_tags(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a tag CSV with the line each starts on; raises on a file that is not one.

    Bounded like a corpus file (:data:`TAG_FILE_BYTES`, a regular file only), and a value
    may not run over more than :data:`QUOTE_LINES` lines: a quote left open would
    otherwise take the rest of the file as one note.
    """
    path = Path(path)
    try:
        data = read_bounded(path, TAG_FILE_BYTES, N_("a tag CSV"))
        text = decode_bytes(data)
    except InputProblem as exc:
        raise AnnotatorError(_at(path, exc.line, exc.reason)) from None
    except AnnotatorError as exc:
        raise AnnotatorError(_at(path, None, message_of(exc))) from None
    del data
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        reader = csv_rows(text, max_lines=QUOTE_LINES)
        first = next(reader, None)
        header = header_names(first[1] if first else [])
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise AnnotatorError(Translatable(
                "{path}: not a tag CSV: missing column(s) {missing} (needs at least "
                "{required})", path=path, missing=Listing(missing),
                required=Listing(REQUIRED_COLUMNS)))
        for line, row in reader:
            if not row:
                continue
            if len(row) > len(header):
                raise AnnotatorError(_at(path, line, Translatable("more cells than columns")))
            rows.append((line, {name: row[i] if i < len(row) else ""
                                for i, name in enumerate(header)}))
    except InputProblem as exc:
        raise AnnotatorError(_at(path, exc.line, exc.reason)) from None
    return rows


def _at(path: Path, line: int | None, reason: str) -> Translatable:
    """"path:line: reason", or "path: reason" when the whole file is meant."""
    if line is None:
        return Translatable("{path}: {reason}", path=path, reason=reason)
    return Translatable("{path}:{line}: {reason}", path=path, line=str(line), reason=reason)
