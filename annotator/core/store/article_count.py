"""The number of articles, kept in the project so that a start need not count them.

Counting 1,000,000 articles read from the disk took 1.7 s of the window's start.  Articles
are only ever appended, numbered last + 1, so ``project_settings`` keeps ``"LAST:COUNT"``
under :data:`COUNTED_KEY`: the count when the last article was number LAST.  Whatever adds
articles (an import's batch, a merge) carries the count forward in its own transaction
with :func:`carry_count`; a count kept at another last number is not trusted and the
articles are counted again (:meth:`Articles._count_and_last`).
"""

from __future__ import annotations

import sqlite3

COUNTED_KEY = "article_count"


def kept_count(conn: sqlite3.Connection, last: int) -> int | None:
    """The count kept when the last article was number ``last``; None if there is none
    (0 for a project without articles, which needs no counting)."""
    if last == 0:
        return 0
    row = conn.execute("SELECT value FROM project_settings WHERE key = ?",
                       (COUNTED_KEY,)).fetchone()
    at, _, count = str(row[0] if row else "").partition(":")
    if at == str(last) and count.isdecimal() and int(count) <= last:
        return int(count)
    return None


def write_count(conn: sqlite3.Connection, last: int, count: int) -> None:
    """Keep ``count`` as the number of articles up to number ``last``."""
    conn.execute("INSERT INTO project_settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (COUNTED_KEY, f"{last}:{count}"))


def carry_count(conn: sqlite3.Connection, before: int, added: int, last: int) -> None:
    """After ``added`` articles were appended (numbers ``before`` + 1 to ``last``), in the
    transaction that appended them: the kept count follows, if it was valid before."""
    counted = kept_count(conn, before)
    if added and counted is not None:
        write_count(conn, last, counted + added)
