"""Plain records passed between corpus reading, the store and the shells."""

from __future__ import annotations

from dataclasses import dataclass

# What one input may hold: the one place these limits are set.  Beyond them a file or a
# record is refused with a line saying so, before it costs gigabytes of memory or freezes
# the reader.  ARTICLE_CHARS: the reader lays out and paints an article of a million
# characters in about half a second (offscreen, 2 cores); five million took 2.6 to 4 s.
# Every legitimate line fits LINE_BYTES: a JSONL line of the longest article, each letter
# written as a \uXXXX escape (12 bytes for one outside the BMP), is at most 12 MB.
ARTICLE_CHARS = 1_000_000  # characters of text in one article (some 400 pages)
FIELD_CHARS = ARTICLE_CHARS  # characters in one CSV cell or JSON value
TITLE_CHARS = 1_000  # characters in a title, outlet or date given as such
LINE_BYTES = 16_000_000  # bytes in one line of any file read
ARTICLE_FILE_BYTES = 32_000_000  # one .txt or .html file: one article and its markup
CORPUS_FILE_BYTES = 1_000_000_000  # one .csv or .jsonl file of many articles
TAG_FILE_BYTES = 256_000_000  # one tag CSV (well over a million tags)
QUOTE_LINES = 50  # lines one field of a tag CSV may run over (notes, quotes)


@dataclass(frozen=True)
class ArticleRecord:
    """One article read from a corpus file, before it is stored.

    ``body`` is already canonical (see :func:`annotator.core.text.canonical`).
    """

    article_id: str
    title: str
    body: str
    source_path: str
    language: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date (Gregorian), when known
    published_original: str | None = None  # the date as written in the source
    line: int | None = None  # line (JSONL) or row (CSV) in the source file


@dataclass(frozen=True)
class ImportProblem:
    """Why one file, or one record of a file, could not be imported."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"
