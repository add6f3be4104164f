"""A project: one SQLite file holding articles, codebook, participants, tags and history.

:func:`open_project` checks that a file really is a project (never writing over anything
else), applies pending migrations, and sets WAL journaling, foreign keys and a busy
timeout.  A new project gets the default codebook (or the one given) and the bundled
participants registry.

A project that cannot be written here (a read-only file, or a read-only folder where
SQLite cannot make its ``-shm``/``-wal`` files) opens read-only when the caller allows it
(reading commands, the window): :attr:`Project.read_only` is then True and every write
fails with one line (see :meth:`StoreBase.write`).  In a read-only folder SQLite can read a
WAL file only as "immutable", which is safe only while no write-ahead log is pending
beside it; with a pending log it is refused, since its last changes could not be seen.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from annotator import __version__
from annotator.core import paths
from annotator.core.codebook import Codebook, load_codebook, parse_codebook, removed_in_use
from annotator.core.errors import AnnotatorError
from annotator.core.participants import Matcher, Participant, load_registry
from annotator.core.store.backups import backup
from annotator.core.store.base import BUSY_TIMEOUT_MS, now
from annotator.core.store.files import probe, read_only_uri
from annotator.core.store.merge import MergeMixin
from annotator.core.store.migrations import migrations

_PARTICIPANT_COLUMNS = (
    "participant_id, kind, name_en, name_fa, name_ar, aliases, country, "
    "office_en, office_fa, office_ar, added_by"
)


class Project(MergeMixin):
    """An open project file.  Use :func:`open_project` to get one."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self._codebook: tuple[int, Codebook] | None = None
        self._participants: list[Participant] | None = None
        self._matcher: Matcher | None = None
        self.read_only = False  # opened read-only: nothing can be changed

    def close(self) -> None:
        self.conn.close()

    def reset_caches(self) -> None:
        self._codebook = None
        self._participants = None
        self._matcher = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings ------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM project_settings WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        with self.write():
            self.conn.execute(
                "INSERT INTO project_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- codebook ------------------------------------------------------------------
    def codebook_version(self) -> int:
        return self._active_codebook()[0]

    def codebook(self) -> Codebook:
        return self._active_codebook()[1]

    def _active_codebook(self) -> tuple[int, Codebook]:
        # The active codebook is the one last chosen here; codebooks that came in with a
        # colleague's merged file are kept for their tags but do not become active.
        version = int(self.scalar(
            "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM project_settings "
            "WHERE key = 'active_codebook'), (SELECT MAX(version) FROM codebooks), 0)") or 0)
        if self._codebook is None or self._codebook[0] != version:
            if version == 0:
                raise AnnotatorError(f"{self.path}: the project has no codebook")
            source = str(self.scalar("SELECT source_toml FROM codebooks WHERE version = ?",
                                     (version,)))
            self._codebook = (version, parse_codebook(source, f"codebook version {version}"))
        return self._codebook

    def set_codebook(self, codebook: Codebook, loaded_from: str | None = None) -> int:
        """Make ``codebook`` the active one; refused if it would orphan existing tags."""
        if self.scalar("SELECT COUNT(*) FROM codebooks") and (
                codebook.source != self.codebook().source):
            backup(self.path, "before-codebook-change")
        with self.write():
            if self.scalar("SELECT COUNT(*) FROM codebooks"):
                current = self.codebook()
                used = {(str(f), str(v)) for f, v in self.conn.execute(
                    "SELECT DISTINCT field, COALESCE(value, '') FROM tags")}
                used_values = {(f, v) for f, v in used if v}
                used_fields = {(f, "") for f, _ in used}
                roles = {(str(f), str(r)) for f, r in self.conn.execute(
                    "SELECT DISTINCT field, role FROM tags WHERE role IS NOT NULL")}
                problems = removed_in_use(current, codebook, used_values | used_fields,
                                          roles_used=roles)
                if problems:
                    raise AnnotatorError("codebook not changed: " + "; ".join(problems))
                if codebook.source == current.source:
                    return self.codebook_version()
            known = self.scalar("SELECT version FROM codebooks WHERE source_toml = ?",
                                (codebook.source,))
            if known is None:
                cursor = self.conn.execute(
                    "INSERT INTO codebooks (codebook_id, revision, source_toml, loaded_at, "
                    "loaded_from) VALUES (?, ?, ?, ?, ?)",
                    (codebook.id, codebook.revision, codebook.source, now(), loaded_from),
                )
                known = int(cursor.lastrowid or 0)
            self.set_active_codebook(int(known))
            return int(known)

    def set_active_codebook(self, version: int) -> None:
        with self.write():
            self.conn.execute(
                "INSERT INTO project_settings (key, value) VALUES ('active_codebook', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(version),))

    # -- participants --------------------------------------------------------------
    def participants(self) -> list[Participant]:
        if self._participants is None:
            self._participants = [
                _participant(row)
                for row in self.conn.execute(
                    f"SELECT {_PARTICIPANT_COLUMNS} FROM participants ORDER BY participant_id"
                )
            ]
        return self._participants

    def participant(self, participant_id: str) -> Participant:
        for participant in self.participants():
            if participant.id == participant_id:
                return participant
        raise AnnotatorError(f"no participant with id '{participant_id}'")

    def participant_ids(self) -> set[str]:
        return {p.id for p in self.participants()}

    def matcher(self) -> Matcher:
        """Finds the project's participants in article text."""
        if self._matcher is None:
            self._matcher = Matcher(self.participants())
        return self._matcher

    def add_participants(self, participants: list[Participant], added_by: str | None) -> int:
        """Add participants whose id is new; returns how many were added."""
        stamp = now()
        with self.write():
            before = self.scalar("SELECT COUNT(*) FROM participants")
            self.conn.executemany(
                f"INSERT OR IGNORE INTO participants ({_PARTICIPANT_COLUMNS}, added_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        p.id, p.kind, p.name.get("en"), p.name.get("fa"), p.name.get("ar"),
                        json.dumps(list(p.aliases), ensure_ascii=False), p.country,
                        p.office.get("en"), p.office.get("fa"), p.office.get("ar"),
                        added_by if added_by is not None else p.added_by, stamp,
                    )
                    for p in participants
                ],
            )
            added = int(self.scalar("SELECT COUNT(*) FROM participants") or 0) - int(before or 0)
        self.reset_caches()
        return added


def _participant(row: tuple) -> Participant:
    (pid, kind, name_en, name_fa, name_ar, aliases, country,
     office_en, office_fa, office_ar, added_by) = row
    name = {k: v for k, v in (("en", name_en), ("fa", name_fa), ("ar", name_ar)) if v}
    office = {k: v for k, v in (("en", office_en), ("fa", office_fa), ("ar", office_ar)) if v}
    return Participant(pid, kind, name, tuple(json.loads(aliases or "[]")), country or "",
                       office, added_by)


def _check_is_project(path: Path, allow_read_only: bool = False) -> bool:
    """True if ``path`` is an existing project; False if it is new; raises otherwise.

    Read through SQLite, never open(): this process may already hold a connection to it
    (a window's import or merge opens a second one), and closing a descriptor of our own
    on the file would drop that connection's locks (see :mod:`annotator.core.safety.project_file`).
    """
    found = probe(path)
    if found.kind in ("missing", "empty"):
        return False
    if found.kind == "sqlite":
        return True
    if found.kind == "not_sqlite":
        raise AnnotatorError(
            f"{path}: not an annotator project (not an SQLite file); it was left untouched"
        )
    if found.kind == "folder":
        raise AnnotatorError(f"{path}: is a folder, not a project file")
    if found.kind == "special":
        raise AnnotatorError(f"{path}: not a regular file, so not a project file")
    if _read_only_error(found.reason):
        if allow_read_only:
            return True  # the read-only opening says whether it can be read at all
        raise AnnotatorError(_READ_ONLY_WRITE.format(path=path))
    raise AnnotatorError(f"{path}: cannot read the project file ({found.reason})")


_READ_ONLY_WRITE = ("{path}: the project file or its folder is read-only here, so changes "
                    "are off; nothing was changed (copy it to a folder you can write to)")


def _read_only_error(message: object) -> bool:
    """Whether SQLite's message means "cannot write here" (file, folder or medium)."""
    text = str(message)
    return ("unable to open database file" in text or "readonly" in text
            or "read-only" in text)


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
        if not _read_only_error(exc):
            raise AnnotatorError(f"{path}: cannot read the project file ({exc})") from None
        # The folder is read-only and SQLite cannot make the -shm file a WAL reader
        # needs.  Without a pending log the file alone is the whole project, and
        # "immutable" reads it as it is; with one, its last changes would be missed.
        log = Path(f"{path}-wal")
        try:
            pending = log.stat().st_size > 0
        except OSError:
            pending = False
        if pending:
            raise AnnotatorError(
                f"{path}: read-only here, and its last changes are still in {log.name}, "
                "which cannot be read without writing beside it; open it once where it "
                "can be written") from None
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)
    project = Project(path, conn)
    project.read_only = True
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_schema(project)
        if migrations.pending(project.db):
            raise AnnotatorError(
                f"{path}: made by an older version; it needs an update, which a read-only "
                "file cannot take (open it once where it can be written)")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise AnnotatorError(f"{path}: not a usable annotator project ({exc})") from None
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
    exists = _check_is_project(path, allow_read_only)
    if exists and allow_read_only and not os.access(path, os.W_OK):
        return _open_read_only(path)
    if not exists:
        if not create:
            raise AnnotatorError(f"{path}: no such project file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AnnotatorError(
                f"{path.parent}: cannot create the folder ({exc.strerror})"
            ) from None
    elif codebook_path is not None:
        raise AnnotatorError(
            f"{path}: --codebook applies to a new project; to change the codebook of an "
            "existing one use 'annotator codebook --load FILE'"
        )
    codebook = load_codebook(codebook_path or paths.default_codebook_path()) if not exists else None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        if exists and _read_only_error(exc):
            if allow_read_only:
                return _open_read_only(path)
            raise AnnotatorError(_READ_ONLY_WRITE.format(path=path)) from None
        raise AnnotatorError(f"{path}: cannot open ({exc})") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        project = Project(path, conn)
        if exists:
            _check_schema(project)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if migrations.pending(project.db):
            if exists and backup_before_migration:
                backup(path, "before-migration")
            migrations.apply(project.db)
        if codebook is not None:
            project.set_codebook(codebook, str(codebook_path) if codebook_path else "default")
            project.add_participants(
                load_registry(registry_path or paths.default_registry_path()), None
            )
            with project.write():
                project.conn.executemany(
                    "INSERT OR REPLACE INTO project_settings (key, value) VALUES (?, ?)",
                    [("created_at", now()), ("created_with", f"annotator {__version__}")],
                )
    except sqlite3.OperationalError as exc:
        conn.close()
        if exists and _read_only_error(exc):
            if allow_read_only:
                return _open_read_only(path)
            raise AnnotatorError(_READ_ONLY_WRITE.format(path=path)) from None
        raise AnnotatorError(f"{path}: not a usable annotator project ({exc})") from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise AnnotatorError(f"{path}: not a usable annotator project ({exc})") from None
    except BaseException:
        conn.close()
        raise
    return project


def _check_schema(project: Project) -> None:
    tables = {row[0] for row in project.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in tables or "articles" not in tables:
        if tables:
            raise AnnotatorError(
                f"{project.path}: an SQLite file but not an annotator project; it was left "
                "untouched"
            )
        return
    known = {m.name for m in migrations._migrations}
    applied = {m.name for m in migrations.applied(project.db)}
    newer = sorted(applied - known)
    if newer:
        raise AnnotatorError(
            f"{project.path}: made by a newer version of annotator (schema {newer[-1]}); "
            "update annotator to open it"
        )
