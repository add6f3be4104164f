"""Plain records passed between corpus reading, the store and the shells.

An :class:`ArticleRecord` is an article as a corpus file gave it; a :class:`PreparedArticle`
is one with what storing it needs computed (content hash, search keys).  They live below
both intake and the store, so the store takes what intake reads without importing it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.i18n import Translatable
from annotator.core.sketch import sketch_of
from annotator.core.text import index_key

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
        return self.message()

    def message(self) -> Translatable:
        """"path:line: reason" (or "path: reason"), translatable as a whole."""
        if self.line is not None:
            return Translatable("{path}:{line}: {reason}", path=self.path, line=str(self.line),
                                reason=self.reason)
        return Translatable("{path}: {reason}", path=self.path, reason=self.reason)


@dataclass(frozen=True)
class ImportNotice:
    """Something an import did that the user should know, though nothing failed: texts
    converted from HTML, a near-duplicate skipped or kept."""

    path: str
    reason: str
    line: int | None = None
    repeats: str | None = None  # a near-duplicate's: the id of the article it repeats
    skipped: bool = False  # a near-duplicate's: not stored

    def __str__(self) -> str:
        return self.message()

    def message(self) -> Translatable:
        """"path:line: reason" (or "path: reason"), translatable as a whole."""
        return ImportProblem(self.path, self.reason, self.line).message()


class PreparedArticle(NamedTuple):
    """An article read from a corpus, with what storing it needs computed beforehand.

    Flat, and with body and body key as UTF-8 bytes, the form SQLite stores them in: a
    batch then crosses the pipe from the reader process as little more than copied bytes,
    where objects holding ``str`` cost a decode on arrival and an encode again for SQLite
    (together some 20 us an article, in the storing process, which is the busier one).
    """

    article_id: str
    title: str
    body: bytes  # the canonical body, UTF-8
    language: str
    outlet: str | None
    url: str | None
    published: str | None
    published_original: str | None
    source_path: str
    line: int | None
    content_hash: str
    title_key: str
    body_key: bytes  # UTF-8
    # The near-duplicate sketch (annotator.core.sketch), made where the text is read;
    # b"" when it was not made (prepare(..., sketch=False)).
    words: bytes = b""
    shingles: int = 0
    smallest: bytes = b""


def content_hash(body: str) -> str:
    """The identity of an article's content: sha256 of its canonical body."""
    return utf8_content_hash(body.encode("utf-8"))


def utf8_content_hash(body: bytes) -> str:
    """:func:`content_hash` of a body already encoded as UTF-8."""
    return hashlib.sha256(body).hexdigest()


def prepare(record: ArticleRecord, sketch: bool = False) -> PreparedArticle:
    """What storing ``record`` needs; with ``sketch``, its near-duplicate sketch too (the
    import's reader makes it, so that the storing process does not)."""
    body = record.body.encode("utf-8")
    key = index_key(record.body)
    words, shingles, smallest = (b"", 0, b"")
    if sketch:
        made = sketch_of(key)
        words, shingles, smallest = made.words, made.count, made.smallest.tobytes()
    return PreparedArticle(
        record.article_id, record.title, body, record.language, record.outlet, record.url,
        record.published, record.published_original, record.source_path, record.line,
        utf8_content_hash(body), index_key(record.title), key.encode("utf-8"),
        words, shingles, smallest,
    )
