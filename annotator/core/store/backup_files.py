"""What a file in a backups folder is, and the careful file work backups and restores share.

Whether a file can be a backup by its kind (a regular, non-empty file), whether SQLite
reads it as an annotator project (header and schema, read-only; our backups are never
in write-ahead-log mode), its articles and tags, opening one for reading, one clear
line for an SQLite error, and writing durably (fsync of a file and of a folder after a
rename).  Everything goes through SQLite or works on files no connection here holds:
a project this process has open is never opened outside SQLite.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable
from annotator.core.store.files import probe, read_only_uri, require_sqlite

SOURCE_TIMEOUT = 10.0  # how long opening a project to copy it waits for a busy file
PROJECT_TABLES = frozenset({"_sqlite_migrations", "articles", "tags"})


class Damaged(AnnotatorError):
    """The file being copied is not a sound database."""


def require_sqlite_file(path: Path, action: str) -> None:
    # Through SQLite, never open(): the path may be a project this process has open.
    require_sqlite(path, action)


def in_wal_mode(path: Path) -> bool:
    """Whether the file is in write-ahead-log mode (read through SQLite)."""
    return probe(path).wal


def open_for_reading(path: Path) -> sqlite3.Connection:
    """Read-only for our own (rollback-journal) files; a WAL-mode file is opened normally,
    so that SQLite removes the ``-wal``/``-shm`` it needs for reading when done."""
    if in_wal_mode(path):
        return sqlite3.connect(str(path), timeout=SOURCE_TIMEOUT, isolation_level=None)
    return sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)


def counts(path: Path, check: bool = False) -> tuple[int | None, int | None]:
    """Articles and tags in a backup; (None, None) if it is not a readable project."""
    try:
        conn = open_for_reading(path)
    except sqlite3.Error:
        return None, None
    try:
        if check and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None, None
        articles = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        tags = int(conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0])
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()
    return articles, tags


def not_a_file(path: Path) -> str:
    """Why ``path`` cannot be a backup file by its kind alone: a key of
    :data:`NOT_A_BACKUP`, or '' when it can."""
    try:
        info = path.lstat()
    except OSError:
        return "unreadable"
    if stat.S_ISLNK(info.st_mode):
        return "link"
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    if not stat.S_ISREG(info.st_mode):
        return "special"
    if info.st_size == 0:
        return "empty"
    return ""


def not_a_project(path: Path) -> str:
    """Why the file at ``path`` is not an annotator project: a key of
    :data:`NOT_A_BACKUP`, or '' when it is one.

    Reads the header and the schema through a read-only SQLite connection.  Our backups
    are never in WAL mode, so a WAL-mode file is not one of them either.
    """
    found = probe(path)
    if found.kind != "sqlite":
        return {"not_sqlite": "not-sqlite", "empty": "empty", "folder": "folder",
                "special": "special"}.get(found.kind, "unreadable")
    if found.wal:
        return "wal"
    try:
        found_tables = table_names(path)
    except sqlite3.Error:
        return "unreadable"
    if PROJECT_TABLES - found_tables:
        return "not-project"
    return ""


def table_names(path: Path) -> set[str]:
    conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    try:
        return {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def is_busy(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def explain(exc: sqlite3.Error, project: Path, action: str,
             unchanged: str = N_("nothing was changed")) -> AnnotatorError:
    """``action`` and ``unchanged``: messages marked for the catalogue, or Translatable."""
    message = str(exc).lower()
    why: str
    if "full" in message:
        why = Translatable("the disk is full")
    elif "readonly" in message or "read-only" in message or "unable to open" in message:
        why = Translatable("the folder or file cannot be written")
    elif "disk i/o" in message:
        why = Translatable("the disk reported a write error (it may be full or failing)")
    elif is_busy(exc):
        why = Translatable("the project is busy in another window or command")
    else:
        why = str(exc)
    return AnnotatorError(Translatable("{path}: {action}: {why}; {unchanged}", path=project,
                                      action=_marked(action), why=why,
                                      unchanged=_marked(unchanged)))


def _marked(message: str) -> Translatable:
    return message if isinstance(message, Translatable) else Translatable(message)


def unreadable(path: Path, error: object) -> Translatable:
    return Translatable("{path}: cannot read it ({reason}); nothing was changed", path=path,
                        reason=error)


def copy_bytes(source: Path, target: Path) -> None:
    with source.open("rb") as reader, target.open("xb") as writer:
        while chunk := reader.read(1 << 20):
            writer.write(chunk)
        writer.flush()
        os.fsync(writer.fileno())


def fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); folders cannot be opened for this on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def unlink_quietly(path: Path, strict: bool = False) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        if strict:
            raise
