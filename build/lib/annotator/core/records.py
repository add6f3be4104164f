"""Plain records passed between corpus reading, the store and the shells."""

from __future__ import annotations

from dataclasses import dataclass


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
