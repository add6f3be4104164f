"""Reading corpus files and folders into :class:`ArticleRecord` and :class:`ImportProblem`.

One article per ``.txt`` or ``.html``/``.htm`` file (id = file stem), many per ``.jsonl``
or ``.csv`` file (columns ``text`` required; ``id``, ``title``, ``url``, ``published``,
``outlet``, ``calendar`` optional).  Text is decoded (see :mod:`annotator.core.intake.decode`)
and made canonical here, once; a saved page's article is found in its boilerplate, and HTML
in a ``text`` field converted, by :mod:`annotator.core.intake.html_page`.  Dates are read
by :mod:`annotator.core.intake.dates`; one that cannot be read is a problem of its line,
and the article is kept without it.  Bad content never raises: a file or a line that cannot be read
becomes an :class:`ImportProblem` and the rest of the corpus is still read.  Storing the
records is the store's job; nothing here touches the database or the network.

What one file, line, field and article may hold is bounded (the limits are set in
:mod:`annotator.core.records`): a file is never read past its limit, and a device, pipe
or link to one is refused before it is read, and CSV is read by line (both in
:mod:`annotator.core.intake.reading`, which the tag CSV's reader shares).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Number, Translatable, message_of, os_reason
from annotator.core.intake.dates import DateRules, calendar_named, find_date_in_text, read_date
from annotator.core.intake.decode import decode_bytes, detect
from annotator.core.intake.html_page import html_to_text, looks_like_html, read_page
from annotator.core.intake.options import ImportOptions
from annotator.core.intake.reading import (
    InputProblem,
    csv_rows,
    header_names,
    quoted,
    read_bounded,
)
from annotator.core.names import shown
from annotator.core.records import (
    ARTICLE_CHARS,
    ARTICLE_FILE_BYTES,
    CORPUS_FILE_BYTES,
    FIELD_CHARS,
    TITLE_CHARS,
    ArticleRecord,
    ImportNotice,
    ImportProblem,
)
from annotator.core.text import canonical, detect_language

SUPPORTED = (".txt", ".html", ".htm", ".jsonl", ".csv")
OPTIONAL_COLUMNS = ("id", "title", "url", "published", "outlet", "calendar")
TITLE_LIMIT = 120  # characters of the text used as a title when a row has none

Item = ArticleRecord | ImportProblem | ImportNotice
_SUPPORTED_LIST = Translatable(".txt, .html, .htm, .jsonl or .csv")


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportProblem]]:
    """The corpus files named by ``paths`` (files, and folders searched recursively).

    A file named directly must have a supported extension; in folders, other files and
    hidden files and folders are skipped.  Each file is listed once, in the given order,
    folder contents sorted.
    """
    files: list[Path] = []
    problems: list[ImportProblem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                found = _folder_files(path, problems)
                if not found:
                    problems.append(ImportProblem(str(path), Translatable(
                        "no {types} files here", types=_SUPPORTED_LIST)))
                for file in found:
                    add(file)
            elif path.is_file():
                if path.suffix.lower() in SUPPORTED:
                    add(path)
                else:
                    problems.append(ImportProblem(str(path), _unsupported(path)))
            elif path.exists():
                problems.append(ImportProblem(str(path), Translatable(
                    "not a regular file or folder")))
            else:
                problems.append(ImportProblem(str(path), Translatable("no such file or folder")))
        except OSError as error:  # e.g. a folder on the way that may not be listed
            problems.append(ImportProblem(str(path), os_reason(error)))
    return files, problems


def _unsupported(path: Path) -> str:
    kind = f"'{path.suffix}'" if path.suffix else Translatable("(no extension)")
    return Translatable("unsupported file type {kind} (use {types})", kind=kind,
                        types=_SUPPORTED_LIST)


def read_corpus(
    paths: Iterable[str | Path],
    progress: Callable[[int, int, Path], None] | None = None,
    options: ImportOptions | None = None,
) -> Iterator[Item]:
    """Every record and problem from ``paths``; ``progress(done, total, path)`` after each file."""
    files, problems = collect_files(paths)
    yield from problems
    for done, path in enumerate(files, 1):
        yield from read_file(path, options)
        if progress is not None:
            progress(done, len(files), path)


def read_file(path: Path, options: ImportOptions | None = None) -> Iterator[Item]:
    """The records and problems of one corpus file; never raises for what the file holds."""
    options = options or ImportOptions()
    path = Path(path)
    suffix = path.suffix.lower()
    many = suffix in (".csv", ".jsonl")
    try:
        data = read_bounded(
            path, CORPUS_FILE_BYTES if many else ARTICLE_FILE_BYTES,
            N_("a .csv or .jsonl corpus file (split it)") if many
            else N_("a .txt or .html article"))
    except InputProblem as problem:
        yield ImportProblem(str(path), problem.reason, problem.line)
        return
    try:
        if suffix in (".html", ".htm"):
            yield from _read_html(path, data, options)
            return
        text = decode_bytes(data)
    except AnnotatorError as error:
        yield ImportProblem(str(path), message_of(error))
        return
    del data  # not held beside its text while a big file is read
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text, options)
    elif suffix == ".csv":
        yield from _read_csv(path, text, options)
    else:
        yield from _read_text(path, canonical(text), options)


# --- one article per file ---------------------------------------------------------------


def _read_text(path: Path, text: str, options: ImportOptions) -> list[Item]:
    title, _, rest = text.lstrip().partition("\n")  # decode refused blank files
    title = title.strip()
    body = _trim(rest)
    if len(title) > TITLE_CHARS:  # a paragraph, not a title: it stays in the text
        body = _trim(text)
        title = _derived_title(body)
    elif not body:  # a one-line article: the line is its title and its text
        body = title
    return _article(path, path.stem, title, body, None, options)


def _derived_title(body: str) -> str:
    """A title made from the start of the first line of ``body`` (which is not blank)."""
    start = len(body) - len(body.lstrip())
    end = body.find("\n", start)
    first = body[start:] if end < 0 else body[start:end]
    return first[:TITLE_LIMIT].rstrip()


def _trim(text: str) -> str:
    """``text`` without leading blank lines and trailing whitespace; the rest exactly kept."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    return "\n".join(lines[start:]).rstrip()


def _article(
    path: Path, article_id: str, title: str, body: str, line: int | None,
    options: ImportOptions, calendar: str | None = None, **extra: str | None
) -> list[Item]:
    """The article, and a problem with its date if it has one (it is stored without it);
    or only a problem, when the article cannot be stored.  ``calendar``: the row's own."""
    if len(body) > ARTICLE_CHARS:
        return [ImportProblem(str(path), Translatable(
            "the article's text is {length} characters long; an article may hold at most "
            "{most}", length=Number(len(body), ","), most=Number(ARTICLE_CHARS, ",")), line)]
    for name, value in (("title", title), *extra.items()):
        if value is not None and len(value) > TITLE_CHARS and name != "url":
            return [ImportProblem(str(path), Translatable(
                "the {name} is {length} characters long; it may hold at most {most} (is the "
                "text in the {name} column?)", name=name, length=Number(len(value), ","),
                most=Number(TITLE_CHARS, ",")), line)]
    items: list[Item] = []
    language = detect_language(f"{title}\n{body}")
    rules = DateRules(calendar=calendar or options.calendar, order=options.date_order,
                      language=language)
    published_original = extra.pop("published", None)
    published = None
    if published_original:
        reading = read_date(published_original, rules)
        published = reading.iso
        if reading.problem is not None:
            items.append(ImportProblem(str(path), reading.problem, line))
    else:
        found = find_date_in_text(body, rules=rules)
        if found is not None:
            published, published_original = found
    items.insert(0, ArticleRecord(
        article_id=article_id,
        title=title,
        body=body,
        source_path=str(path),
        language=language,
        published=published,
        published_original=published_original,
        line=line,
        **extra,
    ))
    return items


_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _read_html(path: Path, data: bytes, options: ImportOptions) -> Iterator[Item]:
    declared = _META_CHARSET.search(data[:8192])
    text, _encoding = detect(data, declared.group(1).decode("ascii") if declared else None)
    try:
        page = read_page(canonical(text))
    except (AssertionError, ValueError, RecursionError) as error:  # html.parser's give-ups
        yield ImportProblem(str(path), Translatable("could not read this page ({error})",
                                                    error=error))
        return
    body = page.text
    if not body:
        yield ImportProblem(str(path), Translatable("no visible text in this page"))
        return
    title = page.title if page.title and len(page.title) <= TITLE_CHARS else ""
    title = title or _derived_title(body)
    first, _, rest = body.partition("\n")
    if first.strip() == title:
        body = rest.lstrip("\n").rstrip() or body
    yield from _article(
        path, path.stem, title, body, None, options,
        url=page.url or None, outlet=page.outlet or None, published=page.published or None,
    )  # fmt: skip


# --- many articles per file -------------------------------------------------------------


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time: the first article of a big file is ready at once,
    and the file is not held twice (as the list of its lines) while it is read."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def _read_jsonl(path: Path, text: str, options: ImportOptions) -> Iterator[Item]:
    converted = [0]
    for line_no, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield ImportProblem(
                str(path), Translatable("not valid JSON ({error} at column {column})",
                                        error=error.msg, column=error.colno), line_no
            )
            continue
        if not isinstance(value, dict):
            yield ImportProblem(
                str(path), Translatable("not a JSON object (found {kind})",
                                        kind=_json_kind(value)), line_no
            )
            continue
        yield from _from_row(path, line_no, value, "keys", options, converted)
    yield from _converted_notice(path, converted[0])


def _read_csv(path: Path, text: str, options: ImportOptions) -> Iterator[Item]:
    converted = [0]
    rows = csv_rows(text, _delimiter(text))
    try:
        header = next(rows, None)
        names = header_names(header[1] if header else [])
    except InputProblem as problem:
        yield ImportProblem(str(path), problem.reason, problem.line)
        return
    if "text" not in names:
        found = Listing(_plain(name) for name in names if name) or Translatable("none")
        yield ImportProblem(str(path), Translatable("no 'text' column (columns found: {found})",
                                                    found=found))
        return
    columns = {name: i for i, name in enumerate(names) if name}
    try:
        for start, row in rows:
            if not row or not any(cell.strip() for cell in row):
                continue
            values = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
            yield from _from_row(path, start, values, "columns", options, converted)
    except InputProblem as problem:  # the rest of the file cannot be told apart
        yield ImportProblem(str(path), problem.reason, problem.line)
    yield from _converted_notice(path, converted[0])


def _converted_notice(path: Path, count: int) -> Iterator[Item]:
    if count:
        yield ImportNotice(str(path), Translatable(
            N_("{count} text held HTML; converted to plain text") if count == 1
            else N_("{count} texts held HTML; converted to plain text"), count=count))


def _from_row(path: Path, line_no: int, row: Mapping[str, object], kind: str,
              options: ImportOptions, converted: list[int]) -> list[Item]:
    """An article from a JSONL object or a CSV row; empty optional values count as missing.

    A ``text`` holding HTML is converted to its text as a saved page is (counted in
    ``converted``); a ``calendar`` value says how the row's Hijri-range dates are read.
    """

    def problem(reason: str) -> list[Item]:
        return [ImportProblem(str(path), reason, line_no)]

    values: dict[str, str] = {}
    for name in ("text", *OPTIONAL_COLUMNS):
        value = row.get(name)
        if value is None:
            continue
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return problem(Translatable("'{name}' must be a string, not {kind}", name=name,
                                        kind=_json_kind(value)))
        if len(value) > FIELD_CHARS:
            return problem(Translatable(
                "'{name}' is {length} characters long; a value may hold at most {most}",
                name=name, length=Number(len(value), ","), most=Number(FIELD_CHARS, ",")))
        if not value.isascii() and _has_lone_surrogate(value):  # JSON "\ud800": unstorable
            return problem(Translatable("'{name}' holds a broken character (an unpaired "
                                        "surrogate)", name=name))
        value = canonical(value)
        if value.strip():
            values[name] = value if name == "text" else value.strip()
    if "text" not in values:
        if "text" in row:
            return problem(Translatable("empty 'text'"))
        found = Listing(_plain(str(key)) for key in row) or Translatable("none")
        return problem(Translatable(
            N_("no 'text' (found keys: {found})") if kind == "keys"
            else N_("no 'text' (found columns: {found})"), found=found))
    text = values.pop("text")
    if looks_like_html(text):
        try:
            text = html_to_text(text)
        except (AssertionError, ValueError, RecursionError) as error:
            return problem(Translatable("the text holds HTML that could not be read ({error})",
                                        error=error))
        if not text.strip():
            return problem(Translatable("the text holds HTML with no visible text"))
        converted[0] += 1
    body = _trim(text)
    title = values.pop("title", None)
    if title is not None and looks_like_html(title):
        title = " ".join(html_to_text(title).split()) or None
    if title is None:
        title = _derived_title(body)
    article_id = values.pop("id", f"{path.stem}-{line_no}")
    calendar = None
    said = values.pop("calendar", None)
    if said is not None:
        calendar = calendar_named(said)
        if calendar is None:
            return problem(Translatable(
                "unknown calendar {value} (use solar, lunar or gregorian); not imported",
                value=quoted(said)))
    return _article(path, article_id, title, body, line_no, options, calendar, **values)


def _delimiter(text: str) -> str:
    """The most frequent of ``,`` ``;`` and tab in the header line (column names are plain)."""
    end = text.find("\n")
    header = text if end < 0 else text[:end]  # not split(): that would copy the whole file
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _plain(name: str) -> str:
    """A name from a file as it may appear in a one-line message: as is when it is short
    and printable, else quoted and escaped (a newline or a bidi control in a column name
    would break the line or reorder it)."""
    return name if name.isprintable() and len(name) <= 40 else shown(name)


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_kind(value: object) -> str:
    names = {str: Translatable("a string"), bool: Translatable("true/false"),
             int: Translatable("a number"), float: Translatable("a number"),
             list: Translatable("an array"), dict: Translatable("an object"),
             type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _folder_files(folder: Path, problems: list[ImportProblem]) -> list[Path]:
    def unreadable(error: OSError) -> None:
        problems.append(ImportProblem(str(error.filename), os_reason(error)))

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED
        )
    return sorted(found)
