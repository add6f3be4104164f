"""Changing the text of a table's ``CHECK`` constraints without copying the table.

A migration that only rewrites a ``CHECK`` expression into an equivalent one (same
columns, same rows, every stored row still valid) edits the table's ``CREATE TABLE``
text in ``sqlite_master`` under ``PRAGMA writable_schema`` and bumps the schema version,
as SQLite's documentation describes for such changes, then checks the table with
``PRAGMA quick_check(table)``: a fraction of a second where a copy would take minutes.
Where SQLite refuses that (a build or a connection in defensive mode), the table is
rebuilt instead: created again under a new name, filled with every row (rowids kept),
the old one dropped, the new one renamed, and its indexes and the triggers made again.
Both run inside the caller's transaction (a migration's), so either lands whole.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping

ALLOW_WRITABLE_SCHEMA = True
"""Set to False to always rebuild (tests use it to run the path defensive mode takes)."""

_CREATE_TABLE = re.compile(r'^\s*CREATE\s+TABLE\s+("?)(\w+)\1', re.IGNORECASE)


class SchemaEditRefused(Exception):
    """SQLite did not let ``sqlite_master`` be edited on this connection."""


def any_of(column: str, values: Iterable[str]) -> str:
    """``column = 'a' OR column = 'b' ...``: the same test as ``column IN ('a', 'b', ...)``.

    SQLite 3.40 evaluates an ``IN`` list inside a ``CHECK`` by building a small b-tree
    for every row it checks; plain comparisons cost next to nothing.
    """
    return " OR ".join(f"{column} = {_quoted(value)}" for value in values)


def in_list(column: str, values: Iterable[str]) -> str:
    """``column IN ('a', 'b', ...)`` spelled as the first migration spelled it."""
    return f"{column} IN ({', '.join(_quoted(value) for value in values)})"


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def replace_checks(conn: sqlite3.Connection, edits: Mapping[str, list[tuple[str, str]]]) -> None:
    """In each table named in ``edits``, replace each (old, new) text of its ``CREATE TABLE``.

    Only an exact old text is replaced; a table where it is missing keeps that check
    (it is correct either way, only slower).  Runs inside the caller's transaction.
    """
    changed: dict[str, tuple[str, str]] = {}
    for table, replacements in edits.items():
        row = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'table' "
                           "AND name = ?", (table,)).fetchone()
        if row is None:
            continue
        old = new = str(row[0])
        for before, after in replacements:
            new = new.replace(before, after)
        if new != old:
            changed[table] = (old, new)
    if not changed:
        return
    if ALLOW_WRITABLE_SCHEMA:
        conn.execute("SAVEPOINT schema_edit")
        try:
            _edit_in_place(conn, changed)
        except (SchemaEditRefused, sqlite3.DatabaseError):
            if not conn.in_transaction:
                raise  # SQLite ended the caller's transaction: nothing is left to rebuild in
            conn.execute("ROLLBACK TO schema_edit")
            conn.execute("RELEASE schema_edit")
        else:
            conn.execute("RELEASE schema_edit")
            return
    for table, (_old, new) in changed.items():
        rebuild(conn, table, new)


def _edit_in_place(conn: sqlite3.Connection, changed: Mapping[str, tuple[str, str]]) -> None:
    """The ``writable_schema`` edit; raises :class:`SchemaEditRefused` if it did not take."""
    version = int(conn.execute("PRAGMA main.schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        for table, (old, new) in changed.items():
            # In defensive mode the pragma above is ignored and this UPDATE fails.
            edited = conn.execute(
                "UPDATE main.sqlite_master SET sql = ? WHERE type = 'table' AND name = ? "
                "AND sql = ?", (new, table, old)).rowcount
            if edited != 1:
                raise SchemaEditRefused(f"{table}: {edited} rows of sqlite_master edited")
        # Makes every connection read the schema again (ignored in defensive mode).
        conn.execute(f"PRAGMA main.schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    if int(conn.execute("PRAGMA main.schema_version").fetchone()[0]) != version + 1:
        raise SchemaEditRefused("the schema version could not be changed")
    for table, (_old, new) in changed.items():
        # The schema is read again here: a text SQLite cannot parse fails now, not later.
        stored = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'table' "
                              "AND name = ?", (table,)).fetchone()
        conn.execute(f'SELECT * FROM main."{table}" LIMIT 0').fetchall()
        if stored is None or stored[0] != new:
            raise SchemaEditRefused(f"{table}: the new schema did not take")
        # Every row against the new CHECK text, and the table's b-trees (0.3 s for the
        # 900,000 history rows of a 1.1 GB project).  A row it refuses sends the table
        # to the rebuild, whose inserts name the row that breaks the constraint.
        verdict = [str(line) for (line,) in conn.execute(f'PRAGMA main.quick_check("{table}")')]
        if verdict != ["ok"]:
            raise SchemaEditRefused(f"{table}: {'; '.join(verdict[:3])}")


def rebuild(conn: sqlite3.Connection, table: str, create_sql: str,
            order: str | None = None) -> None:
    """Make ``table`` again from ``create_sql`` with all its rows, indexes and triggers.

    Every trigger of the file is dropped first and made again last: those on the table
    go with it, and one that writes to it (``history``) would stop the rename.  Rowids
    are copied, so the rows keep their order; for a table ``WITHOUT ROWID`` the rows are
    copied in ``order`` instead (its key: each goes at the end of the new b-tree).  The
    table must not be the parent of a foreign key (dropping it would delete its rows
    first).
    """
    triggers = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' "
                            "AND sql IS NOT NULL ORDER BY rowid").fetchall()
    indexes = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'index' "
                           "AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid",
                           (table,)).fetchall()
    columns = ", ".join(f'"{name}"' for (name,) in conn.execute(
        "SELECT name FROM pragma_table_info(?, 'main')", (table,)))
    interim = f"{table}_rebuilt"
    created, replaced = _CREATE_TABLE.subn(f'CREATE TABLE "{interim}"', create_sql, count=1)
    if not replaced:
        raise ValueError(f"not a CREATE TABLE statement: {create_sql[:60]!r}")
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER main."{name}"')
    conn.execute(created)
    if order is None:
        conn.execute(f'INSERT INTO main."{interim}" (rowid, {columns}) '
                     f'SELECT rowid, {columns} FROM main."{table}" ORDER BY rowid')
    else:
        conn.execute(f'INSERT INTO main."{interim}" ({columns}) '
                     f'SELECT {columns} FROM main."{table}" ORDER BY {order}')
    conn.execute(f'DROP TABLE main."{table}"')
    conn.execute(f'ALTER TABLE main."{interim}" RENAME TO "{table}"')
    for (sql,) in indexes:
        conn.execute(sql)
    for _name, sql in triggers:
        conn.execute(sql)
