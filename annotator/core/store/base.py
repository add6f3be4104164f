"""The connection every part of the store shares, and its one way to write.

A project's parts (articles, tags, review, ...) each hold the same :class:`Store`: the
file's path, its SQLite connection and the sqlite-utils database on it (made, and
sqlite-utils imported, when first asked for: see :mod:`~.migration_set`).  Writes go
through :meth:`Store.write`: ``BEGIN IMMEDIATE`` ... ``COMMIT``, so each change is one
transaction that either lands whole or not at all (a part calling another inside it
joins the caller's transaction), and a second process on the same file waits (busy
timeout) instead of failing half-way.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000


def sqlite_version() -> str:
    """The version of the SQLite library the store runs on (the bench reports it)."""
    return sqlite3.sqlite_version


def now() -> str:
    """The current time as stored: ISO 8601, UTC, milliseconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def database(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils database on ``conn``, without plug-ins, pandas or numpy.

    No sqlite-utils plug-ins: whatever another installed package registers for them would
    run on the project's connection, and finding them reads the metadata of every
    installed package.  sqlite-utils imports pandas and numpy when they are installed,
    only to know their column types; the store never hands it such values, and the two
    cost half a second: they are kept out of its import, and stay importable afterwards.
    """
    blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes their import fail
    try:
        from sqlite_utils import Database
    finally:
        for name in blocked:
            if sys.modules.get(name) is None:
                del sys.modules[name]
    return Database(conn, execute_plugins=False)


class Store:
    """The project file's path, its connection, and the sqlite-utils database on it."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils database on the connection (:func:`database`)."""
        return database(self.conn)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside lands together, or nothing does."""
        if self.conn.in_transaction:
            # Nested write: part of the caller's transaction.
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _explain(exc, self.path) from None
        try:
            yield self.conn
        except sqlite3.OperationalError as exc:
            # A full disk, a read-only file: roll back and say so in one line.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _explain(exc, self.path) from None
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _explain(exc, self.path) from None

    @staticmethod
    def where(**equal: object) -> tuple[str, list[object]]:
        """A ``WHERE`` clause keeping rows whose columns equal the given non-None values."""
        kept = {column: value for column, value in equal.items() if value is not None}
        if not kept:
            return "", []
        return " WHERE " + " AND ".join(f"{c} = ?" for c in kept), list(kept.values())

    def other_writes(self) -> int:
        """Changes whenever another connection (a second window, an SQLite tool) committed.

        SQLite's ``data_version``: per connection, unchanged by this connection's own
        commits, changed by any other connection's, in this process (a window's import or
        merge worker) or another.  Read outside a transaction: inside one it stays put.
        """
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def one(self, sql: str, params: tuple | list | dict = ()) -> tuple | None:
        row: tuple | None = self.conn.execute(sql, params).fetchone()
        return row

    def scalar(self, sql: str, params: tuple | list | dict = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]


def _explain(exc: sqlite3.OperationalError, path: Path) -> AnnotatorError:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return AnnotatorError(Translatable(
            "{path}: the project is busy in another window or command; try again in a moment",
            path=path))
    if "readonly" in message or "read-only" in message:
        return AnnotatorError(Translatable(
            "{path}: the project file is read-only; nothing was changed", path=path))
    if "disk" in message and "full" in message:
        return AnnotatorError(Translatable("{path}: the disk is full; nothing was changed",
                                           path=path))
    return AnnotatorError(Translatable("{path}: {reason}", path=path, reason=message))
