"""Opening a project file: is it one, at which schema, and connected how.

Whether a path is a project, a new file or something else is read through SQLite, never
by opening the file (:func:`check_is_project`); nothing that is not a project is ever
written to.  A connection to a project waits for other writers (busy timeout), checks
foreign keys and journals in WAL mode; a file made by a newer version is refused
(:func:`check_schema`) and an older one is brought up to date by the migrations, after
a backup (:func:`bring_up_to_date`).  :func:`~.project.open_project` builds a project
on these; a merge uses :func:`upgrade_copy` on its copy of a colleague's file.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable
from annotator.core.store.backups import backup
from annotator.core.store.base import BUSY_TIMEOUT_MS, database
from annotator.core.store.files import probe, read_only_uri
from annotator.core.store.migrations import migrations

READ_ONLY_WRITE = N_("{path}: the project file or its folder is read-only here, so changes "
                      "are off; nothing was changed (copy it to a folder you can write to)")


def read_only_write(path: Path) -> Translatable:
    """The refusal to write to a project that cannot be written here."""
    return Translatable(READ_ONLY_WRITE, path=path)


def check_is_project(path: Path, allow_read_only: bool = False) -> bool:
    """True if ``path`` is an existing project; False if it is new; raises otherwise.

    Read through SQLite, never open(): this process may already hold a connection to it
    (a window's import or merge opens a second one), and closing a descriptor of our own
    on the file would drop that connection's locks (see
    :mod:`annotator.core.safety.project_file`).
    """
    found = probe(path)
    if found.kind in ("missing", "empty"):
        return False
    if found.kind == "sqlite":
        return True
    if found.kind == "not_sqlite":
        raise AnnotatorError(Translatable(
            "{path}: not an annotator project (not an SQLite file); it was left untouched",
            path=path))
    if found.kind == "folder":
        raise AnnotatorError(Translatable("{path}: is a folder, not a project file", path=path))
    if found.kind == "special":
        raise AnnotatorError(Translatable("{path}: not a regular file, so not a project file",
                                          path=path))
    if read_only_error(found.reason):
        if allow_read_only:
            return True  # the read-only opening says whether it can be read at all
        raise AnnotatorError(read_only_write(path))
    raise AnnotatorError(Translatable("{path}: cannot read the project file ({reason})",
                                      path=path, reason=found.reason))


def needs_update(path: str | Path) -> bool:
    """Whether opening the project at ``path`` will first back it up and migrate it.

    Read through SQLite, read-only.  False for anything that is not a writable project
    at an older schema (a new file, another kind of file, one this version is up to date
    with, one that cannot be written here): opening says what is wrong with those.  The
    window and the command line ask before opening, so that the backup and the
    migrations (minutes for a project of 1,000,000 articles) are not a silent wait.
    """
    try:
        conn = sqlite3.connect(read_only_uri(Path(path).expanduser()), uri=True,
                               isolation_level=None)
    except (sqlite3.Error, OSError, RuntimeError, ValueError):
        return False  # a symlink loop (RuntimeError), a NUL in the name: opening says so
    try:
        applied = set(migrations.applied(conn))
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return (bool(applied) and bool(set(migrations.names) - applied)
            and os.access(Path(path).expanduser(), os.W_OK))


def read_only_error(message: object) -> bool:
    """Whether SQLite's message means "cannot write here" (file, folder or medium)."""
    text = str(message)
    return ("unable to open database file" in text or "readonly" in text
            or "read-only" in text)


def connect(path: Path) -> sqlite3.Connection:
    """A connection to ``path`` for reading and writing (SQLite's errors pass through)."""
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)


def configure(conn: sqlite3.Connection) -> None:
    """Wait for other writers instead of failing; enforce references between tables."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def bring_up_to_date(conn: sqlite3.Connection, path: Path, exists: bool,
                     backup_before_migration: bool) -> None:
    """Check an existing file's schema, journal in WAL mode, apply pending migrations.

    An existing project is backed up before its first pending migration, unless
    ``backup_before_migration`` is False (a copy that is thrown away afterwards).
    sqlite-utils runs the migrations, imported only when one is pending (an up-to-date
    project opens without it).
    """
    if exists:
        check_schema(conn, path)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    if migrations.pending(conn):
        if exists and backup_before_migration:
            backup(path, "before-migration")
        migrations.apply(database(conn))


def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse an SQLite file that is not a project, or one made by a newer version."""
    tables = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in tables or "articles" not in tables:
        if tables:
            raise AnnotatorError(Translatable(
                "{path}: an SQLite file but not an annotator project; it was left untouched",
                path=path))
        return
    newer = sorted(set(migrations.applied(conn)) - set(migrations.names))
    if newer:
        raise AnnotatorError(Translatable(
            "{path}: made by a newer version of annotator (schema {schema}); update "
            "annotator to open it", path=path, schema=newer[-1]))


def upgrade_copy(path: Path) -> None:
    """Check that the file at ``path`` is a project and bring it to this schema version.

    For a copy that is read once and thrown away (a merge reads a colleague's file
    through one): no backup is made first.  Errors are those of opening a project.
    """
    if not check_is_project(path):
        raise AnnotatorError(no_such_project(path))
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        if read_only_error(exc):
            raise AnnotatorError(read_only_write(path)) from None
        raise AnnotatorError(cannot_open(path, exc)) from None
    try:
        configure(conn)
        bring_up_to_date(conn, path, exists=True, backup_before_migration=False)
    except sqlite3.OperationalError as exc:
        if read_only_error(exc):
            raise AnnotatorError(read_only_write(path)) from None
        raise AnnotatorError(not_usable(path, exc)) from None
    except sqlite3.DatabaseError as exc:
        raise AnnotatorError(not_usable(path, exc)) from None
    finally:
        conn.close()


def no_such_project(path: Path) -> Translatable:
    return Translatable("{path}: no such project file", path=path)


def cannot_open(path: Path, error: object) -> Translatable:
    return Translatable("{path}: cannot open ({reason})", path=path, reason=error)


def not_usable(path: Path, error: object) -> Translatable:
    """An SQLite file that SQLite cannot use as a project (damaged, encrypted, ...)."""
    return Translatable("{path}: not a usable annotator project ({reason})", path=path,
                        reason=error)
