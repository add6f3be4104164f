"""SQL used only by the performance bench (``annotator bench``), kept with the rest of the SQL.

The yardsticks the bench compares the app with: a raw ``sqlite3`` import of the same
articles into a plain table plus an FTS5 index (what storing them costs at the least),
one plain scan of the tags table (the least an export must read), a bare FTS5 query
(the least a search must do), one read of the tags' key index (the least agreement
reads), and one-row transactions and a plain insert in a file beside the project (the
least saving a tag and a tag import write).  And a fast way to
give a large project its tags: :meth:`Exchange.import_tag_rows` checks and looks up every
row on its own (about 2,700 rows/s on 100,000 articles, so 600,000 tags took ~4 minutes),
which is right for a colleague's CSV and too slow to set up a bench.  Nothing in the app
calls these.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from annotator.core.store import search_parts
from annotator.core.store.base import now
from annotator.core.store.project import Project
from annotator.core.store.uids import new_uid

BenchTag = tuple[str, str, str, str, int | None, int | None]
"""``(article_id, annotator, field, value, span_start, span_end)``."""


def raw_import(path: Path, rows: Sequence[tuple[str, str, str]]) -> tuple[float, float]:
    """Store ``(id, title, body)`` rows in a new file; seconds for the rows and the index.

    The rows go into a plain table with one ``executemany`` in one transaction; the
    index is an FTS5 table (``unicode61``, contentless like the app's) built from that
    table in a second transaction.
    """
    for leftover in (path, path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("CREATE TABLE articles (article_id TEXT, title TEXT, body TEXT)")
        conn.execute(
            "CREATE VIRTUAL TABLE article_search USING fts5("
            "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
        )
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO articles VALUES (?, ?, ?)", rows)
        conn.execute("COMMIT")
        stored = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO article_search (rowid, title, body) "
            "SELECT rowid, title, body FROM articles"
        )
        conn.execute("COMMIT")
        indexed = time.perf_counter()
    finally:
        conn.close()
    return stored - start, indexed - stored


def fts_alone(project: Project, match: str, limit: int) -> int:
    """The search baseline: a bare ``MATCH ... LIMIT`` on the project's own index, with the
    FTS5 expression the app builds (no join, no count, no ranking); the rows found."""
    chosen = project.articles.index_parts()
    return len(project.conn.execute(f"{search_parts.matching(chosen)} LIMIT ?",
                                    [*[match] * len(chosen), limit]).fetchall())


def scan_tags(project: Project) -> int:
    """Read every row of the tags table once, as an export must at the least; the count."""
    return len(project.conn.execute("SELECT * FROM tags").fetchall())


def read_codings(project: Project) -> int:
    """One pass over the tags' key index (``tags_one_value``: every tag's article,
    annotator, field and value), the least agreement must read, counted inside SQLite
    (no row reaches Python); the entries counted."""
    # (without a condition on the key, COUNT(*) walks the smallest index instead)
    return int(project.conn.execute(
        "SELECT COUNT(*) FROM tags INDEXED BY tags_one_value WHERE article_id >= ''"
    ).fetchone()[0])


def bare_commits(path: Path, count: int) -> list[float]:
    """Milliseconds each of ``count`` one-row transactions takes in a new file beside the
    project (write-ahead log, ``synchronous = NORMAL``, as a project): the disk's and
    SQLite's share of saving a tag."""
    conn = _scratch(path)
    try:
        conn.execute("CREATE TABLE edits (edit_id INTEGER PRIMARY KEY, value TEXT)")
        timed: list[float] = []
        for number in range(count):
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO edits (value) VALUES (?)", (f"value {number}",))
            conn.execute("COMMIT")
            timed.append((time.perf_counter() - start) * 1000)
        return timed
    finally:
        conn.close()
        _remove_scratch(path)


def bare_insert(path: Path, rows: Sequence[Sequence[object]]) -> float:
    """Seconds to store ``rows`` (all of one length) in a plain table of a new file in one
    ``executemany`` and transaction (as a project's file is set up): the least a tag
    import writes."""
    conn = _scratch(path)
    try:
        width = max((len(row) for row in rows), default=1)
        conn.execute(f"CREATE TABLE rows ({', '.join(f'c{i}' for i in range(width))})")
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * width)})", rows)
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()
        _remove_scratch(path)


def _scratch(path: Path) -> sqlite3.Connection:
    _remove_scratch(path)
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _remove_scratch(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def add_bench_tags(project: Project, tags: Sequence[BenchTag]) -> int:
    """Store generated tags in one transaction, bypassing the checks; the number stored.

    For the bench only: ``tags`` must already be valid (known articles, fields and
    values; spans inside the body).  Each tag gets a ``tag_uid`` as the app makes one
    (:func:`~annotator.core.store.uids.new_uid`: later tags sort later) and the quote
    ``body[span_start:span_end]`` (SQLite's ``substr`` counts characters, as Python
    does); the history triggers run as for any insert, and every article-annotator pair
    becomes ``in_progress``, so the file looks like one coded through the app.
    """
    stamp = now()
    version = project.codebooks.active_version()
    with project.write() as conn:
        before = int(conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0])
        conn.executemany(
            "INSERT INTO tags (tag_uid, article_id, annotator, field, value, span_start, "
            "span_end, quote, codebook_version, created_at, updated_at) "
            "SELECT ?9, a.article_id, ?2, ?3, ?4, ?5, ?6, "
            "CASE WHEN ?5 IS NULL THEN NULL ELSE substr(a.body, ?5 + 1, ?6 - ?5) END, "
            "?7, ?8, ?8 FROM articles a WHERE a.article_id = ?1",
            ((*tag, version, stamp, new_uid()) for tag in tags),
        )
        conn.execute(
            "INSERT INTO article_status (article_id, annotator, status, updated_at) "
            "SELECT DISTINCT article_id, annotator, 'in_progress', ? FROM tags WHERE true "
            "ON CONFLICT (article_id, annotator) DO NOTHING",
            (stamp,),
        )
        return int(conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0]) - before
