"""The project's migrations in order, which are applied, and applying the rest with sqlite-utils.

sqlite-utils' ``Migrations`` runs the migrations and records each in ``_sqlite_migrations``
(its name and migration set).  Importing sqlite-utils costs about a tenth of a second
(its command line, date parser and plug-in system come with it), which every opening
of a project up to date would pay only to learn that nothing is pending: so the names
are registered here, what is applied is read from that table with plain SQL, and
sqlite-utils is imported when a migration is to run (:meth:`MigrationSet.apply`) or the
project's :attr:`~.base.Store.db` is first asked for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]
TABLE = "_sqlite_migrations"  # sqlite-utils' record of what is applied


class MigrationSet:
    """Migrations registered in order under one set name (``@migrations(name=...)``)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[str, Migration]] = []

    def __call__(self, *, name: str) -> Callable[[Migration], Migration]:
        def register(function: Migration) -> Migration:
            if name in self.names:
                raise ValueError(f"migration '{name}' is registered twice")
            self._steps.append((name, function))
            return function

        return register

    @property
    def names(self) -> list[str]:
        """Every migration's name, in the order they run."""
        return [name for name, _ in self._steps]

    def applied(self, conn: sqlite3.Connection, schema: str = "main") -> list[str]:
        """The names applied to the file (``schema``: an attached one), in that order."""
        if conn.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' "
                        "AND name = ?", (TABLE,)).fetchone() is None:
            return []
        return [str(name) for (name,) in conn.execute(
            f"SELECT name FROM {schema}.{TABLE} WHERE migration_set = ? ORDER BY rowid",
            (self.name,))]

    def pending(self, conn: sqlite3.Connection) -> list[str]:
        """The names not applied yet, in the order they will run."""
        done = set(self.applied(conn))
        return [name for name in self.names if name not in done]

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Run the pending migrations (up to ``stop_before``, for test fixtures), each in
        a transaction with its record, through sqlite-utils."""
        from sqlite_utils.migrations import Migrations

        runner = Migrations(self.name)
        for name, function in self._steps:
            runner(name=name)(function)
        runner.apply(db, stop_before=stop_before)
