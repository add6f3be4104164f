"""Exports for research: tags as long CSV, wide CSV or JSON Lines, plus a codebook sheet.

Formats (all text exactly as stored: ZWNJ, newlines inside cells, never reshaped):

``long``
    One row per tag.  The first columns are the tag CSV's (:data:`EXPORT_COLUMNS`, in that
    order, so ``annotator import-tags`` reads the file back); then the article's ``title``,
    ``outlet``, ``published`` (ISO), ``published_jalali`` (Solar Hijri, ``1403-03-12``) and
    ``language``; ``value_label_en``/``value_label`` (the category's label, or for a
    participants field the participant's name, in English and in the article's language);
    ``participant_label_en``/``participant_label`` (the tag's participant, who voiced the value);
    ``role_label_en``/``role_label``; ``codebook_revision``.
``wide``
    One row per article and annotator (every annotator with a tag or a status for the
    article), columns ``article_id, annotator, title, outlet, published, language, status``,
    then per codebook field, in codebook order:

    * single choice: ``<field>`` holds the category id (empty: not coded);
    * multiple choice: ``<field>_<category>`` for every category (retired ones too), ``1``
      chosen, ``0`` not chosen, all ``0`` for "coded, none", empty when the annotator did
      not code the field for that article (e.g. ``demands_ceasefire``);
    * participants: ``<field>`` with the participant ids joined by ``;``, then
      ``<field>_<participant_id>`` (0/1 as above) for each participant that occurs in the
      exported tags, sorted by id (e.g. ``participants_ebrahim_raisi``);
    * text: ``<field>`` with the text.

    Values found in the tags but not in the active codebook (from a colleague's merged
    codebook) get columns too, after the codebook's own.
``jsonl``
    One JSON object per article and annotator: ``{"article": {...}, "annotator", "status",
    "fields": {"stance": {"value", "evidence", "note"}, "demands": [{"value",
    "participant", "evidence", "note"}], "participants": [{"value", "role", "evidence",
    "note"}], ...}, "codebook": {"id", "revision", "version"}}``.  A field that was not coded
    is absent; "coded, none" is ``[]`` (multiple, participants) or ``"value": null``.

With the adjudicated tags, every format marks the decisions whose annotators' values
changed after they were made (to be looked at again): long adds a last column ``recheck``
(``1`` on such a decision's rows), wide a last column ``recheck`` (the article's fields
with such a decision, joined by ``;``), JSON Lines a ``"recheck"`` list of those fields.

This module owns reading a project's tags (the annotators' or the adjudicated ones),
building the long CSV's rows (the wide CSV's and JSON Lines' are built in
:mod:`annotator.core.outputs.export_wide`) and writing them, to a stream or to a file.
Rows come in article id order, then annotator (long: then field and value).  CSV is
RFC 4180 UTF-8 with CRLF row ends.  ``excel`` adds a BOM and neutralises cells that a
spreadsheet would run as a formula.  Writing to a regular file goes through a temporary
file, read back and renamed into place, with the codebook sheet beside it, never over
the project (see :mod:`annotator.core.outputs.output_file`); a device or pipe
(``-o /dev/null``) is written straight into, without a sheet.  The CSV cells,
:func:`excel_cell` and the codebook sheet (:func:`codebook_sheet_path`,
:func:`write_codebook_sheet`) live in :mod:`annotator.core.outputs.export_sheet` and are
re-exported here, so ``from annotator.core.outputs.export import excel_cell`` keeps
working.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from types import SimpleNamespace
from typing import TextIO

from annotator.core.codebook import Codebook, parse_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable, os_reason
from annotator.core.labels import Labels
from annotator.core.outputs.export_sheet import (
    _CRLF,
    _LANGUAGES,
    CODEBOOK_COLUMNS,
    _csv_tail,
    _excel_row,
    _write_csv,
    codebook_rows,
    codebook_sheet_path,
    excel_cell,
    write_codebook_sheet,
)
from annotator.core.outputs.export_wide import (
    WIDE_LEAD,
    Jalali,
    field_specs,
    json_objects,
    wide_columns,
    wide_layout,
    wide_rows,
)
from annotator.core.outputs.output_file import (
    check_csv,
    check_lines,
    check_target,
    not_written,
    part_files,
    refuse_project,
    special,
)
from annotator.core.store import EXPORT_COLUMNS, Project
from annotator.core.store import export_rows as source

__all__ = [
    # Defined here.
    "ADJUDICATED", "FORMATS", "LONG_COLUMNS", "NO_ADJUDICATED", "PROGRESS_EVERY",
    "ExportOptions", "ExportResult", "Progress", "export", "export_to_file",
    # The wide export's lead columns, re-exported from annotator.core.outputs.export_wide.
    "WIDE_LEAD",
    # The CSV cells and the codebook sheet, re-exported from annotator.core.outputs.export_sheet.
    "CODEBOOK_COLUMNS", "codebook_rows", "codebook_sheet_path", "excel_cell",
    "write_codebook_sheet",
]

FORMATS = ("long", "wide", "jsonl")
LONG_COLUMNS = (
    *EXPORT_COLUMNS,
    "title", "outlet", "published", "published_jalali", "language",
    "value_label_en", "value_label", "participant_label_en", "participant_label",
    "role_label_en", "role_label", "codebook_revision",
)
ADJUDICATED = "adjudicated"
NO_ADJUDICATED = N_("no adjudicated tags yet: review colleagues' tags first")
PROGRESS_EVERY = 1000

Progress = Callable[[int, int], None]
"""Called with (rows read, rows in all) every :data:`PROGRESS_EVERY` rows and at the end."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export: ``format`` (long, wide, jsonl), whose tags, and Excel-safe CSV."""

    format: str = "long"
    annotator: str | None = None  # None: every annotator
    adjudicated: bool = False  # the reviewers' adjudicated tags instead of the annotators'
    excel: bool = False

    def check(self) -> None:
        if self.format not in FORMATS:
            raise AnnotatorError(Translatable(
                "unknown export format '{format}' (use one of: {formats})",
                format=self.format, formats=Listing(FORMATS)))
        if self.adjudicated and self.annotator is not None:
            raise AnnotatorError(N_("choose either the adjudicated tags or one annotator's"))
        if self.excel and self.format == "jsonl":
            raise AnnotatorError(N_("--excel applies to the CSV formats (long, wide), not "
                                    "jsonl"))
        if self.annotator is not None and not self.annotator.strip():
            raise AnnotatorError(N_("the annotator's name is empty"))


@dataclass(frozen=True)
class ExportResult:
    rows: int  # data rows (long: tags; wide, jsonl: article-annotator pairs)
    path: Path | None = None
    codebook_path: Path | None = None


# -- labels, articles, dates -----------------------------------------------------------
_NONE2 = (None, None)


class _Labels:
    """``(English, local)`` label pairs, by the article's language (en, fa, ar); a value
    no codebook knows has ``(None, None)`` (empty cells)."""

    def __init__(self, project: Project, books: list[Codebook], active: Codebook) -> None:
        participants = project.participants.all()
        self.by_language = {language: Labels(active, participants, language, older=books)
                            for language in _LANGUAGES}

    def of(self, language: str | None) -> tuple[Labels, Labels]:
        """The English and the local labels for an article in ``language``."""
        return self.by_language["en"], self.by_language.get(language or "en",
                                                            self.by_language["en"])


def _codebooks(project: Project) -> tuple[Codebook, int, list[Codebook], dict[int, str]]:
    """The active codebook, its version, every codebook in the file (oldest first), and
    the revision of each version."""
    active, version = project.codebooks.active(), project.codebooks.active_version()
    books, revisions = [], {}
    for number, (_, revision, text) in source.codebook_versions(project).items():
        revisions[number] = revision
        books.append(active if number == version else parse_codebook(
            text, f"codebook version {number}"))
    return active, version, books, revisions


def _article_table(project: Project) -> dict[str, tuple]:
    """``article_id -> (title, outlet, published, language)``, read in one pass."""
    return {row[0]: row[1:] for row in source.article_rows(project)}


# -- the source rows -----------------------------------------------------------------------
def _adjudicated_rows(project: Project, pairs: bool) -> list[tuple]:
    """The reviewers' adjudicated tags as TAG_ROW (or PAIR_ROW) tuples, in the streams' order."""
    method = getattr(project.review, "adjudicated_tags", None)
    tags = list(method()) if callable(method) else []
    if not tags:
        raise AnnotatorError(NO_ADJUDICATED)
    books = source.codebook_versions(project)
    keyed = []
    for index, tag in enumerate(tags):
        annotator = getattr(tag, "annotator", None) or ADJUDICATED
        book_id = books[tag.codebook_version][0] if tag.codebook_version in books else None
        row: tuple = (tag.article_id, annotator, tag.field, tag.value, tag.participant,
                      tag.role, tag.span_start, tag.span_end, tag.quote, tag.note,
                      tag.created_at, tag.updated_at, tag.codebook_version, book_id,
                      tag.tag_uid)
        if pairs:
            row += (None,)  # no status
        order = (tag.article_id, annotator, tag.field, tag.value or "", tag.participant or "",
                 index)
        keyed.append((order, row))
    keyed.sort(key=itemgetter(0))
    return [row for _, row in keyed]


def _rechecks(project: Project) -> dict[str, list[str]]:
    """Article id -> the fields whose decision's annotators' values changed since."""
    method = getattr(project.review, "rechecks", None)
    found: dict[str, list[str]] = {}
    for article_id, field_id in sorted(method() if callable(method) else ()):
        found.setdefault(article_id, []).append(field_id)
    return found


def _source_rows(project: Project, options: ExportOptions, pairs: bool, counted: bool,
                 adjudicated: list[tuple] | None) -> tuple[Iterable[tuple], int]:
    """The TAG_ROW (long) or PAIR_ROW (wide, jsonl) rows to export, in article id order,
    and how many there are when ``counted`` (else 0).

    ``adjudicated`` holds the adjudicated rows when those are exported.
    """
    if adjudicated is not None:
        return adjudicated, len(adjudicated)
    who = options.annotator
    if who is not None and not source.has_annotator(project, who):
        names = project.tags.annotators()
        known = Listing(names) if names else Translatable("none yet")
        raise AnnotatorError(Translatable("annotator '{name}' has no tags (annotators: {known})",
                                          name=who, known=known))
    rows = source.pair_rows(project, who) if pairs else source.tag_rows(project, who)
    total = 0
    if counted:
        total = (source.count_pair_rows(project, who) if pairs
                 else source.count_tag_rows(project, who))
    return rows, total


def _reporting(rows: Iterable[tuple], progress: Progress, total: int) -> Iterator[tuple]:
    done = 0
    iterator = iter(rows)
    progress(0, total)
    while chunk := list(islice(iterator, PROGRESS_EVERY)):
        yield from chunk
        done += len(chunk)
        progress(done, max(total, done))


# -- long -----------------------------------------------------------------------------------
class _LabelTails(dict):  # type: ignore[type-arg]
    """``(language, (field, value, participant, role, codebook_version))`` -> the CSV text
    of the label columns and the codebook revision, made on first use."""

    def __init__(self, labels: _Labels, revisions: dict[int, str], excel: bool) -> None:
        super().__init__()
        self.labels, self.revisions, self.excel = labels, revisions, excel

    def __missing__(self, key: tuple) -> str:
        language, (field_id, value, participant, role, version) = key
        english, local = self.labels.of(language)
        value_pair = (_NONE2 if value is None else
                      (english.value(field_id, value), local.value(field_id, value)))
        person_pair = (_NONE2 if participant is None else
                       (english.participant(participant), local.participant(participant)))
        role_pair = (_NONE2 if role is None else
                     (english.role(field_id, role), local.role(field_id, role)))
        text = _csv_tail((*value_pair, *person_pair, *role_pair,
                          self.revisions.get(version)), self.excel, _CRLF)
        self[key] = text
        return text


_FIRST = itemgetter(0)
_LABEL_KEY = itemgetter(2, 3, 4, 5, 12)  # field, value, participant, role, codebook_version
_NO_LINE_END = itemgetter(slice(None, -len(_CRLF)))


def _article_heads(project: Project, excel: bool) -> tuple[dict[str, str], dict[str, str]]:
    """Every article's columns of the long CSV as CSV text (``,title,outlet,...``), and
    its language, by article id.

    Read in one pass before the tags; the text is made once per article, not per tag.
    """
    jalali = Jalali()
    ids: list[str] = []
    languages: dict[str, str] = {}

    def cells() -> Iterator[tuple]:
        for article_id, title, outlet, published, language in source.article_rows(project):
            ids.append(article_id)
            languages[article_id] = language
            yield ("", title, outlet, published, jalali(published), language)

    texts: list[str] = []
    end = len(_CRLF)
    writer = csv.writer(SimpleNamespace(write=lambda text: texts.append(text[:-end])),
                        lineterminator=_CRLF)
    writer.writerows(map(_excel_row, cells()) if excel else cells())
    return dict(zip(ids, texts, strict=True)), languages


def _write_long(out: TextIO, rows: Iterable[tuple], heads: dict[str, str],
                languages: dict[str, str], tails: _LabelTails, excel: bool,
                progress: Progress | None, total: int,
                recheck: dict[str, list[str]] | None = None) -> int:
    """Write the long CSV: each tag row, then its article's and its labels' columns.

    The tag columns go through ``csv.writer`` a chunk at a time; the article's columns
    were formatted once per article and the label columns are formatted once per
    distinct value, and the pieces are joined line by line in C (``map``, ``zip``): a
    large export spends its time formatting, so nothing is formatted twice.
    """
    if excel:
        out.write("\ufeff")
    columns = LONG_COLUMNS if recheck is None else (*LONG_COLUMNS, "recheck")
    out.write(_csv_tail(columns, excel, _CRLF)[1:])
    lines: list[str] = []
    writer = csv.writer(SimpleNamespace(write=lines.append), lineterminator=_CRLF)
    iterator = iter(rows)
    done = 0
    if progress is not None:
        progress(0, total)
    while chunk := list(islice(iterator, PROGRESS_EVERY)):
        ids = list(map(_FIRST, chunk))
        lines.clear()
        writer.writerows(map(_excel_row, chunk) if excel else chunk)
        if len(lines) != len(chunk):  # csv.writer wrote a record in pieces
            raise RuntimeError("csv.writer did not write one piece per record")
        label_keys = zip(map(languages.get, ids), map(_LABEL_KEY, chunk), strict=True)
        ends: Iterable[str] = map(tails.__getitem__, label_keys)
        if recheck is not None:  # adjudicated: is the decision to be looked at again?
            marks = ["1" if row[2] in recheck.get(row[0], ()) else "" for row in chunk]
            ends = (end[:-len(_CRLF)] + "," + mark + _CRLF
                    for end, mark in zip(ends, marks, strict=True))
        out.write("".join(chain.from_iterable(zip(
            map(_NO_LINE_END, lines), map(heads.__getitem__, ids), ends, strict=True))))
        done += len(chunk)
        if progress is not None:
            progress(done, max(total, done))
    return done


# -- writing --------------------------------------------------------------------------------
def export(project: Project, out: TextIO, options: ExportOptions | None = None,
           progress: Progress | None = None) -> int:
    """Write the export to ``out`` (a text stream opened with ``newline=""``).

    Returns the number of data rows.  ``progress`` is called with (rows read, rows in
    all) every :data:`PROGRESS_EVERY` rows; it may raise to stop the export.
    """
    options = options or ExportOptions()
    options.check()
    pairs = options.format != "long"
    adjudicated = _adjudicated_rows(project, pairs) if options.adjudicated else None
    recheck = _rechecks(project) if options.adjudicated else None
    rows, total = _source_rows(project, options, pairs, progress is not None, adjudicated)
    active, version, books, revisions = _codebooks(project)
    if options.format == "long":
        heads, languages = _article_heads(project, options.excel)
        tails = _LabelTails(_Labels(project, books, active), revisions, options.excel)
        return _write_long(out, rows, heads, languages, tails, options.excel, progress, total,
                           recheck)
    if progress is not None:
        rows = _reporting(rows, progress, total)
    articles = _article_table(project)
    if options.format == "wide":
        specs, coded = wide_columns(project, options.annotator, active, books,
                                   adjudicated)
        header, layout = wide_layout(specs, coded)
        if recheck is not None:
            header.append("recheck")
        return _write_csv(out, header, wide_rows(rows, articles, header, layout, recheck),
                          options.excel)
    # Every field any codebook knows, so that each is written by its type.
    specs = field_specs(active, books, {spec.id for book in books for spec in book.fields})
    count = 0
    for item in json_objects(rows, articles, specs, active, version, revisions, recheck):
        out.write(json.dumps(item, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


# -- files ------------------------------------------------------------------------------------
def export_to_file(project: Project, path: str | Path, options: ExportOptions | None = None,
                   progress: Progress | None = None) -> ExportResult:
    """Export to ``path`` and write the codebook sheet beside it, both or neither.

    Neither may be the project or its side files (``-wal``, ``-shm``, ``-journal``): that
    is refused before anything is written.  Each file is written under a temporary name,
    fsynced and read back (its size, and its row or line count), and both are renamed
    into place only when both are complete, so a full disk or a stopped export leaves no
    half-written file and an older export of the same name untouched.  A ``path`` that
    is not a regular file (``/dev/null``, a pipe, ``/dev/stdout``) is written straight
    into, without a codebook sheet: a rename would replace the device or pipe itself,
    and a sheet "beside" it would land in ``/dev`` or wherever the pipe lives.
    """
    options = options or ExportOptions()
    options.check()
    target = Path(path).expanduser()
    check_target(target, project.path)
    if special(target):
        return ExportResult(_export_into(project, target, options, progress), target, None)
    sheet = codebook_sheet_path(target)
    refuse_project(sheet, project.path)
    if special(sheet) or sheet.is_dir():
        raise AnnotatorError(Translatable("{path}: the codebook sheet cannot be written "
                                          "there; give the export another name", path=sheet))
    with part_files([target, sheet]) as (data_part, sheet_part):
        rows = export(project, data_part.text(), options, progress)
        sheet_rows = write_codebook_sheet(project, sheet_part.text(), options.excel)
        data_part.finish(check_lines(rows) if options.format == "jsonl" else check_csv(rows))
        sheet_part.finish(check_csv(sheet_rows))
        data_part.commit()
        sheet_part.commit()
    return ExportResult(rows, target, sheet)


def _export_into(project: Project, target: Path, options: ExportOptions,
                 progress: Progress | None) -> int:
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            return export(project, out, options, progress)
    except BrokenPipeError:
        raise AnnotatorError(Translatable("{path}: the reader closed the pipe",
                                          path=target)) from None
    except OSError as exc:
        raise not_written(target, os_reason(exc)) from None
