"""The long tag CSV: one row per tag, written by ``export`` and read by ``import-tags``.

Plain RFC 4180 UTF-8 (no BOM), text exactly as stored.  An empty ``value`` cell means
"coded, none".  Reading accepts the same file back, also when a spreadsheet added a BOM
or saved it as UTF-16.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from annotator.core.decode import decode_bytes
from annotator.core.errors import AnnotatorError
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
    """Rows of a tag CSV with the line each starts on; raises on a file that is not one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnnotatorError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = decode_bytes(data)
    except AnnotatorError as exc:
        raise AnnotatorError(f"{path}: {exc}") from None
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise AnnotatorError(
            f"{path}: not a tag CSV: missing column(s) {', '.join(missing)} "
            f"(needs at least {', '.join(REQUIRED_COLUMNS)})"
        )
    reader.fieldnames = header
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    try:
        for row in reader:
            if None in row:
                raise AnnotatorError(f"{path}:{line}: more cells than columns")
            rows.append((line, {k: v or "" for k, v in row.items()}))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise AnnotatorError(f"{path}:{reader.line_num}: not valid CSV ({exc})") from None
    return rows
