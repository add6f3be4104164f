"""What a file on disk is, read through SQLite only: safe on a project that is open.

A path that may be a live project is never opened outside SQLite (see
:mod:`annotator.core.safety.project_file` for why: closing any descriptor on the file
drops every SQLite lock this process holds on it).  :func:`probe` reads a file's kind and
journal mode through a read-only SQLite connection, and :func:`read_only_uri` names a
file so that SQLite never writes to it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import SystemReason, Translatable, os_reason


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
    """A ``mode=ro`` URI for ``path``: SQLite opens it without ever writing to it.

    ``Path.as_uri`` escapes what a URI would misread in a name (``?``, ``#``, ``%``, a
    space) and writes a Windows drive as SQLite expects (``file:///C:/...``); unlike
    ``urllib.request.pathname2url`` it does not cost the window's start an import of
    the HTTP client."""
    return f"{path.resolve().as_uri()}?mode=ro"


def probe(path: str | Path) -> Probe:
    """The kind of file at ``path``, read through SQLite only (safe on a live project)."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return Probe("missing")
    except OSError as exc:
        return Probe("unreadable", reason=os_reason(exc))
    if stat.S_ISDIR(info.st_mode):
        return Probe("folder")
    if not stat.S_ISREG(info.st_mode):
        return Probe("special")
    if info.st_size == 0:
        return Probe("empty")
    if not os.access(path, os.R_OK):
        return Probe("unreadable", reason=SystemReason("permission denied",
                                                       "permission denied"))
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
    """Raise one clear line unless ``path`` is an SQLite file; ``action`` ends the line
    (a message marked for the catalogue)."""
    path = Path(path)
    found = probe(path)
    if found.kind == "sqlite":
        return found
    raise AnnotatorError(Translatable("{path}: {problem}; {action}", path=path,
                                      problem=_what(found), action=Translatable(action)))


def _what(found: Probe) -> str:
    return {
        "missing": Translatable("no such file"),
        "folder": Translatable("is a folder, not a project file"),
        "special": Translatable("not a regular file"),
        "empty": Translatable("not an annotator project (an empty file, not an SQLite file)"),
        "not_sqlite": Translatable("not an annotator project (not an SQLite file)"),
    }.get(found.kind) or Translatable("cannot read ({reason})", reason=found.reason)
