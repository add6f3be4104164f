"""Reading corpus files and folders into :class:`ArticleRecord` and :class:`ImportProblem`.

One article per ``.txt`` or ``.html``/``.htm`` file (id = file stem), many per ``.jsonl``
or ``.csv`` file (columns ``text`` required; ``id``, ``title``, ``url``, ``published``,
``outlet`` optional).  Text is decoded (see :mod:`annotator.core.decode`) and made
canonical here, once.  Bad content never raises: a file or a line that cannot be read
becomes an :class:`ImportProblem` and the rest of the corpus is still read.  Storing the
records is the store's job; nothing here touches the database or the network.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path

from annotator.core.dates import find_date_in_text, parse_date
from annotator.core.decode import decode_bytes, detect
from annotator.core.errors import AnnotatorError
from annotator.core.records import ArticleRecord, ImportProblem
from annotator.core.text import canonical, detect_language

SUPPORTED = (".txt", ".html", ".htm", ".jsonl", ".csv")
OPTIONAL_COLUMNS = ("id", "title", "url", "published", "outlet")
TITLE_LIMIT = 120  # characters of the text used as a title when a row has none

Item = ArticleRecord | ImportProblem
_SUPPORTED_LIST = ".txt, .html, .htm, .jsonl or .csv"


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
                    problems.append(ImportProblem(str(path), f"no {_SUPPORTED_LIST} files here"))
                for file in found:
                    add(file)
            elif path.is_file():
                if path.suffix.lower() in SUPPORTED:
                    add(path)
                else:
                    problems.append(ImportProblem(str(path), _unsupported(path)))
            elif path.exists():
                problems.append(ImportProblem(str(path), "not a regular file or folder"))
            else:
                problems.append(ImportProblem(str(path), "no such file or folder"))
        except OSError as error:  # e.g. a folder on the way that may not be listed
            problems.append(ImportProblem(str(path), error.strerror or str(error)))
    return files, problems


def _unsupported(path: Path) -> str:
    kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
    return f"unsupported file type {kind} (use {_SUPPORTED_LIST})"


def read_corpus(
    paths: Iterable[str | Path],
    progress: Callable[[int, int, Path], None] | None = None,
) -> Iterator[Item]:
    """Every record and problem from ``paths``; ``progress(done, total, path)`` after each file."""
    files, problems = collect_files(paths)
    yield from problems
    for done, path in enumerate(files, 1):
        yield from read_file(path)
        if progress is not None:
            progress(done, len(files), path)


def read_file(path: Path) -> Iterator[Item]:
    """The records and problems of one corpus file; never raises for what the file holds."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        yield ImportProblem(str(path), error.strerror or str(error))
        return
    suffix = path.suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            yield from _read_html(path, data)
            return
        text = decode_bytes(data)
    except AnnotatorError as error:
        yield ImportProblem(str(path), str(error))
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text)
    elif suffix == ".csv":
        yield from _read_csv(path, text)
    else:
        yield _read_text(path, canonical(text))


# --- one article per file ---------------------------------------------------------------


def _read_text(path: Path, text: str) -> Item:
    title, _, rest = text.lstrip().partition("\n")  # decode refused blank files
    title = title.strip()
    body = _trim(rest)
    if not body:  # a one-line article: the line is its title and its text
        body = title
    return _article(path, path.stem, title, body, line=None)


def _trim(text: str) -> str:
    """``text`` without leading blank lines and trailing whitespace; the rest exactly kept."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    return "\n".join(lines[start:]).rstrip()


def _article(
    path: Path, article_id: str, title: str, body: str, line: int | None, **extra: str | None
) -> ArticleRecord:
    published_original = extra.pop("published", None)
    published = parse_date(published_original) if published_original else None
    if published_original is None:
        found = find_date_in_text(body)
        if found is not None:
            published, published_original = found
    return ArticleRecord(
        article_id=article_id,
        title=title,
        body=body,
        source_path=str(path),
        language=detect_language(f"{title}\n{body}"),
        published=published,
        published_original=published_original,
        line=line,
        **extra,
    )


_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _read_html(path: Path, data: bytes) -> Iterator[Item]:
    declared = _META_CHARSET.search(data[:8192])
    text, _encoding = detect(data, declared.group(1).decode("ascii") if declared else None)
    page = _VisibleText()
    try:
        page.feed(canonical(text))
        page.close()
    except (AssertionError, ValueError) as error:  # html.parser's rare give-ups
        yield ImportProblem(str(path), f"could not read this page ({error})")
        return
    body = page.text()
    if not body:
        yield ImportProblem(str(path), "no visible text in this page")
        return
    title = page.title or page.first_h1 or body.split("\n", 1)[0].strip()
    first, _, rest = body.partition("\n")
    if first.strip() == title:
        body = rest.lstrip("\n").rstrip() or body
    yield _article(
        path, path.stem, title, body, line=None,
        url=page.meta.get("url"), outlet=page.meta.get("outlet"),
        published=page.meta.get("published"),
    )  # fmt: skip


_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head"}
)
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article"}
    | {"header", "footer", "main", "aside", "nav", "ul", "ol", "dl", "table", "figure"}
    | {"figcaption", "form", "fieldset", "details", "address", "hr"}
)
_HEAD_TAGS = frozenset(
    {"head", "title", "meta", "link", "style", "script", "noscript", "base", "template"}
)
_LINES = frozenset({"div", "li", "tr", "dt", "dd", "caption", "summary", "legend", "option"})
_CELLS = frozenset({"td", "th"})
_META_NAMES = {
    "og:url": "url",
    "og:site_name": "outlet",
    "article:published_time": "published",
    "date": "published",
}


class _VisibleText(HTMLParser):
    """What a browser shows of a page, as paragraphs; plus its title and a few meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.first_h1 = ""
        self.meta: dict[str, str] = {}
        self._skipping: list[str] = []
        self._in: dict[str, int] = {"title": 0, "h1": 0, "pre": 0}
        self._title_parts: list[str] = []
        self._h1_parts: list[str] = []
        self._out: list[str] = []
        self._pending = 0  # line breaks owed before the next text: 1 newline, 2 blank line

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._read_meta(tag, dict(attrs))
            return
        if self._skipping == ["head"] and tag not in _HEAD_TAGS:
            self._skipping.clear()  # as in a browser, the first body element ends <head>
        if tag == "title" and self._skipping in ([], ["head"]):
            self._in["title"] += 1  # not an <svg> <title>
            return
        if self._skipping or tag in _SKIPPED:
            if tag in _SKIPPED:
                self._skipping.append(tag)
            return
        if tag in ("h1", "pre"):
            self._in[tag] += 1
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._read_meta(tag, dict(attrs))
        elif not self._skipping:
            self._break(tag)  # <br/>: one break, not a start and an end

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in["title"]:
            self._in["title"] -= 1
            self.title = self.title or _collapse("".join(self._title_parts)).strip()
            return
        if self._skipping:
            if tag in self._skipping:
                while self._skipping.pop() != tag:
                    pass
            return
        if tag in ("h1", "pre") and self._in[tag]:
            self._in[tag] -= 1
            if tag == "h1":
                self.first_h1 = self.first_h1 or _collapse("".join(self._h1_parts)).strip()
        if tag in _PARAGRAPHS or tag in _LINES:
            self._break(tag)

    def handle_data(self, data: str) -> None:
        if self._in["title"]:
            self._title_parts.append(data)
            return
        if self._skipping:
            return
        if self._in["h1"] and not self.first_h1:
            self._h1_parts.append(data)
        text = data if self._in["pre"] else _collapse(data)
        if not text.strip():
            if self._out and not self._pending:
                self._out.append(" ")
            return
        if self._pending and self._out:
            self._out.append("\n" * self._pending)
        self._pending = 0
        self._out.append(text)

    def text(self) -> str:
        """The visible text: lines stripped, at most one blank line between paragraphs."""
        lines = [
            re.sub(r"[ \t\xa0]{2,}", " ", line).strip() for line in "".join(self._out).split("\n")
        ]
        kept: list[str] = []
        for line in lines:
            if line or (kept and kept[-1]):
                kept.append(line)
        return "\n".join(kept).strip()

    def _break(self, tag: str) -> None:
        if tag == "br":
            self._pending = min(self._pending + 1, 2)
        elif tag in _PARAGRAPHS:
            self._pending = 2
        elif tag in _LINES:
            self._pending = max(self._pending, 1)
        elif tag in _CELLS and self._out and not self._pending:
            self._out.append(" ")

    def _read_meta(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "link":
            if (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
                self.meta.setdefault("url", str(attrs["href"]).strip())
            return
        name = (attrs.get("property") or attrs.get("name") or "").lower()
        content = (attrs.get("content") or "").strip()
        if name in _META_NAMES and content:
            self.meta.setdefault(_META_NAMES[name], content)


def _collapse(text: str) -> str:
    return re.sub(r"[ \t\n\r\f]+", " ", text)


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


def _read_jsonl(path: Path, text: str) -> Iterator[Item]:
    for line_no, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield ImportProblem(
                str(path), f"not valid JSON ({error.msg} at column {error.colno})", line_no
            )
            continue
        if not isinstance(value, dict):
            yield ImportProblem(
                str(path), f"not a JSON object (found {_json_kind(value)})", line_no
            )
            continue
        yield _from_row(path, line_no, value, "keys")


def _read_csv(path: Path, text: str) -> Iterator[Item]:
    csv.field_size_limit(2**31 - 1)  # an article is one field; the default limit is 128 KiB
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader, None)
    except csv.Error as error:
        yield ImportProblem(str(path), f"not valid CSV ({error})", 1)
        return
    names = [name.strip().lstrip("\ufeff").strip().lower() for name in header or []]
    if "text" not in names:
        found = ", ".join(name for name in names if name) or "none"
        yield ImportProblem(str(path), f"no 'text' column (columns found: {found})")
        return
    columns = {name: i for i, name in reversed(list(enumerate(names))) if name}
    line_no = reader.line_num
    while True:
        start = line_no + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield ImportProblem(str(path), f"not valid CSV ({error})", start)
            return
        line_no = reader.line_num
        if not row or not any(cell.strip() for cell in row):
            continue
        values = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
        yield _from_row(path, start, values, "columns")


def _from_row(path: Path, line_no: int, row: Mapping[str, object], kind: str) -> Item:
    """An article from a JSONL object or a CSV row; empty optional values count as missing."""

    def problem(reason: str) -> ImportProblem:
        return ImportProblem(str(path), reason, line_no)

    values: dict[str, str] = {}
    for name in ("text", *OPTIONAL_COLUMNS):
        value = row.get(name)
        if value is None:
            continue
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return problem(f"'{name}' must be a string, not {_json_kind(value)}")
        if not value.isascii() and _has_lone_surrogate(value):  # JSON "\ud800": unstorable
            return problem(f"'{name}' holds a broken character (an unpaired surrogate)")
        value = canonical(value)
        if value.strip():
            values[name] = value if name == "text" else value.strip()
    if "text" not in values:
        if "text" in row:
            return problem("empty 'text'")
        found = ", ".join(str(key) for key in row) or "none"
        return problem(f"no 'text' (found {kind}: {found})")
    body = _trim(values.pop("text"))
    title = values.pop("title", None)
    if title is None:
        first_line = next(line for line in body.split("\n") if line.strip()).strip()
        title = first_line[:TITLE_LIMIT].rstrip()
    article_id = values.pop("id", f"{path.stem}-{line_no}")
    return _article(path, article_id, title, body, line_no, **values)


def _delimiter(text: str) -> str:
    """The most frequent of ``,`` ``;`` and tab in the header line (column names are plain)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_kind(value: object) -> str:
    names = {str: "a string", bool: "true/false", int: "a number", float: "a number"}
    names.update({list: "an array", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _folder_files(folder: Path, problems: list[ImportProblem]) -> list[Path]:
    def unreadable(error: OSError) -> None:
        problems.append(ImportProblem(str(error.filename), error.strerror or str(error)))

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED
        )
    return sorted(found)
