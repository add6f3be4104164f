"""A project: one SQLite file holding articles, codebooks, participants, tags and review.

A :class:`Project` is made of parts, each owning one concept and its SQL, held as its
attributes: ``project.articles``, ``project.codebooks``, ``project.participants``,
``project.registry`` (corrections of the participants registry and their history),
``project.tags``, ``project.statuses``, ``project.history``, ``project.review``,
``project.exchange`` (tags in and out as rows), ``project.merge``, ``project.settings``,
``project.samples`` (samples, assignments and queues), ``project.team`` (snapshots in a
team folder) and ``project.backups``.  A caller names the part it depends on
(``project.tags.set_choice(...)``); the parts share one connection and its transactions
(:meth:`Project.write`), so a change spanning several parts is still one transaction.

:func:`open_project` checks that a file really is a project (never writing over anything
else), applies pending migrations, and sets WAL journaling, foreign keys and a busy
timeout (see :mod:`~.opening`).  A new project gets the default codebook (or the one
given) and the bundled participants registry.

A project that cannot be written here (a read-only file, or a read-only folder where
SQLite cannot make its ``-shm``/``-wal`` files) opens read-only when the caller allows it
(reading commands, the window): :attr:`Project.read_only` is then True and every write
fails with one line (see :meth:`~.base.Store.write`).  In a read-only folder SQLite can
read a WAL file only as "immutable", which is safe only while no write-ahead log is
pending beside it; with a pending log it is refused, since its last changes could not be
seen.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from annotator import __version__
from annotator.core import paths
from annotator.core.codebook import load_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable, os_reason
from annotator.core.participants import load_registry
from annotator.core.store.articles import Articles
from annotator.core.store.backups import Backups
from annotator.core.store.base import BUSY_TIMEOUT_MS, Store, now
from annotator.core.store.checks import Checks
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.exchange import Exchange
from annotator.core.store.files import read_only_uri
from annotator.core.store.history import History
from annotator.core.store.merge import Merge
from annotator.core.store.migrations import migrations
from annotator.core.store.opening import (
    bring_up_to_date,
    cannot_open,
    check_is_project,
    check_schema,
    configure,
    connect,
    no_such_project,
    not_usable,
    read_only_error,
    read_only_write,
)
from annotator.core.store.participants import Participants
from annotator.core.store.registry import Registry
from annotator.core.store.review import Review
from annotator.core.store.samples import Samples
from annotator.core.store.search_index import SearchIndex
from annotator.core.store.settings import Settings
from annotator.core.store.sketches import Sketches
from annotator.core.store.statuses import Statuses
from annotator.core.store.tags import Tags
from annotator.core.store.team import Team
from annotator.core.store.training import Training

if TYPE_CHECKING:
    from sqlite_utils import Database


class Project:
    """An open project file and its parts.  Use :func:`open_project` to get one."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        store = Store(path, conn)
        self._store = store
        self.read_only = False  # opened read-only: nothing can be changed
        self.settings = Settings(store)
        self.backups = Backups(path)
        self.codebooks = Codebooks(store, self.settings, self.backups)
        self.participants = Participants(store)
        self.registry = Registry(store, self.participants, self.codebooks, self.backups)
        self.articles = Articles(store)
        self.search_index = SearchIndex(store, self.articles)
        self.statuses = Statuses(store, self.articles)
        self.history = History(store)
        checks = Checks(self.codebooks, self.participants, self.articles)
        self.tags = Tags(store, self.codebooks, self.statuses, checks)
        self.exchange = Exchange(store, self.codebooks, self.participants, self.statuses,
                                 checks, self.backups)
        self.review = Review(store, self.codebooks, self.articles, self.tags, checks)
        self.merge = Merge(store, self.codebooks, self.participants, self.backups, self.review,
                           self.search_index)
        self.samples = Samples(store, self.articles)
        self.team = Team(store, self.settings, self.codebooks, self.merge, self.backups)
        self.training = Training(store)
        self.sketches = Sketches(store)

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def conn(self) -> sqlite3.Connection:
        return self._store.conn

    @property
    def db(self) -> Database:
        return self._store.db

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One transaction across parts: everything inside lands together, or nothing does."""
        return self._store.write()

    def other_writes(self) -> int:
        """Changes whenever another connection committed (see :meth:`~.base.Store.other_writes`)."""
        return self._store.other_writes()

    def reset_caches(self) -> None:
        """Forget the codebook and participants read from the file (it changed underneath)."""
        self.codebooks.reset_caches()
        self.participants.reset_caches()

    def close(self) -> None:
        self._store.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_read_only(path: Path) -> Project:
    """Open an existing project without ever writing to it or beside it."""
    uri = read_only_uri(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        if conn is not None:
            conn.close()
        if not read_only_error(exc):
            raise AnnotatorError(Translatable("{path}: cannot read the project file ({reason})",
                                              path=path, reason=exc)) from None
        # The folder is read-only and SQLite cannot make the -shm file a WAL reader
        # needs.  Without a pending log the file alone is the whole project, and
        # "immutable" reads it as it is; with one, its last changes would be missed.
        log = Path(f"{path}-wal")
        try:
            pending = log.stat().st_size > 0
        except OSError:
            pending = False
        if pending:
            raise AnnotatorError(Translatable(
                "{path}: read-only here, and its last changes are still in {log}, which "
                "cannot be read without writing beside it; open it once where it can be "
                "written", path=path, log=log.name)) from None
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    project = Project(path, conn)
    project.read_only = True
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_schema(project.conn, path)
        if migrations.pending(project.conn):
            raise AnnotatorError(Translatable(
                "{path}: made by an older version; it needs an update, which a read-only "
                "file cannot take (open it once where it can be written)", path=path))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise AnnotatorError(not_usable(path, exc)) from None
    except BaseException:
        conn.close()
        raise
    return project


def open_project(
    path: str | Path,
    *,
    create: bool = True,
    codebook_path: str | Path | None = None,
    registry_path: str | Path | None = None,
    backup_before_migration: bool = True,
    allow_read_only: bool = False,
) -> Project:
    """Open (and migrate) the project at ``path``, creating it if ``create`` allows.

    ``allow_read_only``: a project that cannot be written here opens read-only
    (``project.read_only``) instead of failing; without it, that is one clear error.
    """
    path = Path(path).expanduser()
    exists = check_is_project(path, allow_read_only)
    if exists and allow_read_only and not os.access(path, os.W_OK):
        return _open_read_only(path)
    if not exists:
        if not create:
            raise AnnotatorError(no_such_project(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AnnotatorError(Translatable("{path}: cannot create the folder ({reason})",
                                              path=path.parent, reason=os_reason(exc))) from None
    elif codebook_path is not None:
        raise AnnotatorError(Translatable(
            "{path}: --codebook applies to a new project; to change the codebook of an "
            "existing one use 'annotator codebook --load FILE'", path=path))
    codebook = load_codebook(codebook_path or paths.default_codebook_path()) if not exists else None
    try:
        conn = connect(path)
    except sqlite3.Error as exc:
        if exists and read_only_error(exc):
            if allow_read_only:
                return _open_read_only(path)
            raise AnnotatorError(read_only_write(path)) from None
        raise AnnotatorError(cannot_open(path, exc)) from None
    try:
        configure(conn)
        project = Project(path, conn)
        bring_up_to_date(conn, path, exists, backup_before_migration)
        if codebook is not None:
            project.codebooks.load(codebook, str(codebook_path) if codebook_path else "default")
            project.participants.add(
                load_registry(registry_path or paths.default_registry_path()), None
            )
            with project.write():
                project.settings.set("created_at", now())
                project.settings.set("created_with", f"annotator {__version__}")
    except sqlite3.OperationalError as exc:
        conn.close()
        if exists and read_only_error(exc):
            if allow_read_only:
                return _open_read_only(path)
            raise AnnotatorError(read_only_write(path)) from None
        raise AnnotatorError(not_usable(path, exc)) from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise AnnotatorError(not_usable(path, exc)) from None
    except BaseException:
        conn.close()
        raise
    return project
