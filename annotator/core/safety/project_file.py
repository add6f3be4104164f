"""Which paths are a project file or its side files, told without ever opening them.

SQLite's locks are POSIX advisory locks, which belong to a process and a file: closing
*any* descriptor on a database file in a process drops *all* that process's locks on
it, including those of its open SQLite connections.  Another process may then delete or
truncate the write-ahead log under those connections, and every commit they make after
that is lost.  So in this code base, a path that may be an open project (or its
``-wal``/``-shm``/``-journal``) is never passed to ``open()``, ``read_bytes()``,
``shutil.copy*``, ``filecmp`` or a hash:

- :func:`annotator.core.store.files.probe` reads a file's kind and journal mode through a
  read-only SQLite connection (SQLite itself keeps another connection's locks when it
  closes a file, as long as it uses its default locking: never ``nolock=1`` here);
- :func:`names_project` (here) says, by resolved path and by file identity (hard links),
  whether a path is a project or one of its side files, so that an input is refused
  before it is read and an output before it is written.  Only ``stat`` is used.
"""

from __future__ import annotations

import os
from pathlib import Path

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


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
