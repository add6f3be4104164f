"""SQL used only by the performance bench (``annotator bench``), kept with the rest of the SQL.

Two yardsticks the bench compares the app with: a raw ``sqlite3`` import of the same
articles into a plain table plus an FTS5 index (what storing them costs at the least),
and one plain scan of the tags table (the least an export must read).  Nothing in the
app calls these.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from annotator.core.store.project import Project


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


def scan_tags(project: Project) -> int:
    """Read every row of the tags table once, as an export must at the least; the count."""
    return len(project.conn.execute("SELECT * FROM tags").fetchall())
