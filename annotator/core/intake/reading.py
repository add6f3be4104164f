"""Reading input files within bounds: a file's bytes up to a limit, and CSV rows by line.

Shared by the corpus reader (:mod:`.corpus`) and the tag CSV's (:mod:`.tagcsv`).  A file
is never read past its limit, and a device, pipe or link to one is refused before it is
read (:func:`read_bounded`); the CSV reader (:func:`csv_rows`) names the line of a field
that is too long or of a quote never closed, where the standard reader would swallow the
rest of the file into one field.  What is wrong is raised as an :class:`InputProblem`
with its line, for the caller to report as one line.
"""

from __future__ import annotations

import csv
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Number, Translatable, os_reason
from annotator.core.names import shown
from annotator.core.records import ARTICLE_CHARS, FIELD_CHARS, LINE_BYTES


class InputProblem(AnnotatorError):
    """What is wrong with a file being read, and the line where (None: the whole file)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def read_bounded(path: Path, limit: int, kind: str) -> bytes:
    """The bytes of the regular file ``path``, refused (:class:`InputProblem`) past ``limit``.

    Opened without waiting (a pipe would block) and checked on the open file, so a link
    swapped for a device in between is caught too; read with a cap, so a file growing
    while it is read, or one whose size the system misstates, is still bounded.  ``kind``
    names the files the limit is for, in the message.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise InputProblem(os_reason(error)) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputProblem(os_reason(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):
            raise InputProblem(Translatable("not a regular file (a device, pipe or socket); "
                                            "not read"))
        # A file too large is still read in part: a line too long in it says more.
        cap = limit if info.st_size <= limit else min(limit, 2 * LINE_BYTES)
        data = _read_up_to(descriptor, cap + 1, info.st_size + 1)
    except OSError as error:
        raise InputProblem(os_reason(error)) from None
    finally:
        os.close(descriptor)
    whole = len(data) <= cap
    long_line = _long_line(data, LINE_BYTES)
    if long_line is not None:
        number, size = long_line
        over = not whole and number == data.count(b"\n") + 1
        raise InputProblem(Translatable(
            N_("this line is over {size} long; a line may hold at most {most} (and an article "
               "{characters} characters)") if over else
            N_("this line is {size} long; a line may hold at most {most} (and an article "
               "{characters} characters)"),
            size=_megabytes(size), most=_megabytes(LINE_BYTES),
            characters=Number(ARTICLE_CHARS, ",")), number)
    if info.st_size > limit or not whole:
        raise InputProblem(_too_large(max(info.st_size, len(data)), limit, kind))
    return data


def _read_up_to(descriptor: int, most: int, expected: int) -> bytes:
    """At most ``most`` bytes from ``descriptor``: the ``expected`` size in one read (no
    buffer of ``most`` bytes set aside for a small file), more only if the file has more."""
    parts = [os.read(descriptor, min(most, expected))]
    size = len(parts[0])
    while size < most:
        part = os.read(descriptor, min(most - size, 1 << 20))
        if not part:
            break
        parts.append(part)
        size += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _too_large(size: int, limit: int, kind: str) -> str:
    return Translatable("too large ({size}): {kind} may hold at most {most}; not read",
                        size=_megabytes(size), kind=Translatable(kind), most=_megabytes(limit))


def _megabytes(size: int) -> str:
    if size >= 100_000:
        return Translatable("{size} MB", size=Number(size / 1_000_000, ",.1f"))
    return Translatable("{size} bytes", size=Number(size, ","))


def _long_line(data: bytes, limit: int) -> tuple[int, int] | None:
    """``(line number, bytes)`` of the first line of ``data`` longer than ``limit``, if any.

    Jumps to the last line end within ``limit`` bytes each time, so a file of short lines
    costs a few steps per ``limit`` bytes, not one per line.
    """
    start = 0
    while len(data) - start > limit:
        window = start + limit + 1
        last = max(data.rfind(b"\n", start, window), data.rfind(b"\r", start, window))
        if last < 0:
            ends = [found for found in (data.find(b"\n", start), data.find(b"\r", start))
                    if found >= 0]
            end = min(ends) if ends else len(data)
            return data.count(b"\n", 0, start) + 1, end - start
        start = last + 1
    return None


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def csv_rows(text: str, delimiter: str = ",",
             max_lines: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """The rows of CSV ``text``, each with the line it starts on.

    Raises :class:`InputProblem` at the row's line for a field longer than
    :data:`FIELD_CHARS`, a quote opened and never closed (the standard reader takes the
    rest of the file as one field, silently), a row running over more than ``max_lines``
    lines, and what the standard reader finds malformed.  Lines are cut from ``text``
    one at a time: it is not copied whole (a ``StringIO`` would hold it again, four
    bytes a character).
    """
    consumed = 0  # characters of text the reader has taken

    def lines() -> Iterator[str]:
        nonlocal consumed
        for match in _LINE.finditer(text):
            consumed = match.end()
            yield match.group()

    csv.field_size_limit(FIELD_CHARS)  # also the tag CSV's: one value for the process
    reader = csv.reader(lines(), delimiter=delimiter)
    line = 1
    row_start = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                raise InputProblem(Translatable(
                    "a field starting in this row is longer than {most} characters (is a "
                    "quote opened here never closed?)", most=Number(FIELD_CHARS, ",")),
                    line) from None
            raise InputProblem(Translatable("not valid CSV ({error})", error=error),
                               line) from None
        if consumed >= len(text) and _quote_left_open(text, row_start, delimiter):
            raise InputProblem(Translatable("a quote opened here is never closed"), line)
        if max_lines is not None and reader.line_num - line >= max_lines:
            raise InputProblem(Translatable(
                "this row runs over {lines} lines (more than {most}): is a quote opened here "
                "never closed?", lines=reader.line_num - line + 1, most=max_lines), line)
        yield line, row
        line = reader.line_num + 1
        row_start = consumed


def _quote_left_open(text: str, start: int, delimiter: str) -> bool:
    """Whether the CSV row from ``start`` to the end of ``text`` ends inside a quoted field.

    Steps field by field as the standard reader does in its lenient mode: a field that
    starts with a quote runs to the next single quote; after it, and in any other field,
    quotes are plain characters up to the next delimiter or line end.
    """
    ends = re.compile(f"[{re.escape(delimiter)}\r\n]")
    at = start
    while at < len(text):
        if text[at] == '"':
            search = at + 1
            while True:
                closing = text.find('"', search)
                if closing < 0:
                    return True
                if text.startswith('"', closing + 1):  # a doubled quote inside
                    search = closing + 2
                    continue
                break
            at = closing + 1
        end = ends.search(text, at)
        if end is None:
            return False
        at = end.end()
    return False


def header_names(header: list[str]) -> list[str]:
    """The normalised names of a CSV header; :class:`InputProblem` for a name used twice.

    Names are compared as they are used: without spaces around them, a BOM, or case, so
    ``Title`` and `` title`` are the same column, and which of them counts would be a guess.
    """
    names = [name.strip().lstrip("\ufeff").strip().lower() for name in header]
    seen: dict[str, int] = {}
    for number, name in enumerate(names, 1):
        if not name:
            continue
        if name in seen:
            raise InputProblem(Translatable(
                "the column {name} appears twice in the header (columns {first} and "
                "{second}); rename or remove one", name=quoted(name), first=seen[name],
                second=number), 1)
        seen[name] = number
    return names


def quoted(name: str) -> str:
    """A name from a file in quotes for a message; escaped when it is long or holds a
    character that would break the line or reorder it (a newline, a bidi control)."""
    return f"'{name}'" if name.isprintable() and len(name) <= 40 else shown(name)
