"""What a file on disk is, read without ever opening a live project outside SQLite.

SQLite's locks are POSIX advisory locks, which belong to a process and a file: closing
*any* descriptor on a database file in a process drops *all* that process's locks on
it, including those of its open SQLite connections.  Another process may then delete or
truncate the write-ahead log under those connections, and every commit they make after
that is lost.  So in this code base, a path that may be an open project (or its
``-wal``/``-shm``/``-journal``) is never passed to ``open()``, ``read_bytes()``,
``shutil.copy*``, ``filecmp`` or a hash:

- :func:`probe` reads a file's kind and journal mode through a read-only SQLite
  connection (SQLite itself keeps another connection's locks when it closes a file, as
  long as it uses its default locking: never ``nolock=1`` here);
- :func:`names_project` says, by resolved path and by file identity (hard links), whether
  a path is a project or one of its side files, so that an input is refused before it
  is read and an output before it is written.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.request import pathname2url

from annotator.core.errors import AnnotatorError

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Probe:
    """What :func:`probe` found.

    ``kind``: ``missing``, ``folder``, ``special`` (a device, pipe or socket), ``empty``,
    ``sqlite``, ``not_sqlite`` or ``unreadable`` (``reason`` says why).
    """

    kind: str
    journal_mode: str = ""
    reason: str = ""

    @property
    def wal(self) -> bool:
        return self.journal_mode == "wal"


def read_only_uri(path: Path) -> str:
    """A ``mode=ro`` URI for ``path``: SQLite opens it without ever writing to it."""
    return f"file:{pathname2url(str(path.resolve()))}?mode=ro"


def probe(path: str | Path) -> Probe:
    """The kind of file at ``path``, read through SQLite only (safe on a live project)."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return Probe("missing")
    except OSError as exc:
        return Probe("unreadable", reason=exc.strerror or str(exc))
    if stat.S_ISDIR(info.st_mode):
        return Probe("folder")
    if not stat.S_ISREG(info.st_mode):
        return Probe("special")
    if info.st_size == 0:
        return Probe("empty")
    if not os.access(path, os.R_OK):
        return Probe("unreadable", reason="permission denied")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        return Probe("unreadable", reason=str(exc))
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
            return Probe("not_sqlite")
        return Probe("unreadable", reason=str(exc))
    finally:
        conn.close()
    return Probe("sqlite", journal_mode=mode)


def require_sqlite(path: str | Path, action: str) -> Probe:
    """Raise one clear line unless ``path`` is an SQLite file; ``action`` ends the line."""
    path = Path(path)
    found = probe(path)
    if found.kind == "sqlite":
        return found
    raise AnnotatorError(f"{path}: {_what(found)}; {action}")


def _what(found: Probe) -> str:
    return {
        "missing": "no such file",
        "folder": "is a folder, not a project file",
        "special": "not a regular file",
        "empty": "not an annotator project (an empty file, not an SQLite file)",
        "not_sqlite": "not an annotator project (not an SQLite file)",
    }.get(found.kind, f"cannot read ({found.reason})")


def project_files(project: str | Path) -> list[Path]:
    """The project file and the side files SQLite keeps beside it."""
    path = Path(project)
    return [path, *(Path(f"{path}{suffix}") for suffix in SIDE_SUFFIXES)]


def names_project(candidate: str | Path, project: str | Path) -> bool:
    """Whether ``candidate`` is ``project`` or one of its side files.

    Compared by resolved path (links, ``..``) and, where both exist, by file identity,
    so a hard link to the project is caught too.  Only ``stat`` is used.
    """
    target = _resolved(Path(candidate))
    # Beside the path as given and beside the real file: a project opened through a link
    # keeps its -wal next to the file the link points at.
    given = Path(project)
    for one in {*project_files(given), *project_files(_resolved(given))}:
        if target == _resolved(one):
            return True
        try:
            if os.path.samefile(candidate, one):
                return True
        except OSError:
            continue  # one of them does not exist
    return False


def identities(project: str | Path) -> frozenset[tuple[int, int]]:
    """(device, inode) of the project and its side files that exist now.

    For checking many paths at one ``stat`` each (a corpus of 100,000 files), where
    :func:`names_project` would cost a dozen system calls a path.
    """
    found = set()
    for one in project_files(project):
        try:
            info = one.stat()
        except OSError:
            continue
        found.add((info.st_dev, info.st_ino))
    return frozenset(found)


def is_one_of(path: str | Path, files: frozenset[tuple[int, int]]) -> bool:
    """Whether ``path`` (links followed) is one of the files in :func:`identities`."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) in files


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a link loop
        return path.expanduser().absolute()
