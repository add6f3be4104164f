"""Restoring a project from a backup (or any copy of an annotator project).

Restoring first backs up the current file (reason ``before-restore``) while holding an
exclusive lock on it, then copies the backup into it through SQLite's backup API, so
the old write-ahead log is folded in or discarded by SQLite itself and no window can be
half-way through a write.  Refused, with nothing changed, while another window or
command has the project open, for a file that is not an annotator project, and for
one made by a newer version.  A project file that is no database any more is kept
aside byte for byte (``damaged-...``) and replaced.  Qt-free; the only SQL here is
SQLite's own pragmas and reading a source's tables and migrations.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable, os_reason
from annotator.core.safety.project_file import names_project
from annotator.core.store.backup_files import (
    PROJECT_TABLES,
    Damaged,
    copy_bytes,
    counts,
    explain,
    in_wal_mode,
    is_busy,
    open_for_reading,
    require_sqlite_file,
    sync_folder,
    unlink_quietly,
    unreadable,
)
from annotator.core.store.backups import KEEP, STAMP, backup_to_file, copy_into_folder, folder_of

WAIT_SECONDS = 2.0  # how long restore waits for another window's write to finish


def restore(project_path: str | Path, backup_path: str | Path,
            folder: str | Path | None = None, wait: float = WAIT_SECONDS, *,
            known_schema: Collection[str] | None = None) -> Path | None:
    """Replace the project's content with ``backup_path``'s.

    The current content is backed up first (reason ``before-restore``); that backup is
    returned (None when there was no project file to keep).  Refused, with nothing
    changed, while the project is open in another window or command, and for a file
    that is not an annotator project.  ``known_schema`` (the names of the migrations
    this version knows) refuses a file made by a newer version too; without it that
    check is left out.
    """
    project = Path(project_path).expanduser()
    source_path = Path(backup_path).expanduser()
    target = folder_of(project, folder)
    check_restorable(project, source_path, known_schema)
    articles, _tags = counts(source_path, check=True)
    if articles is None:
        raise AnnotatorError(Translatable(
            "{path}: not a readable annotator project; nothing was changed", path=source_path))
    staged = _staged(source_path, target) if in_wal_mode(source_path) else None
    try:
        return _restore(project, staged or source_path, source_path, target, wait)
    finally:
        if staged is not None:
            unlink_quietly(staged)


def check_restorable(project_path: str | Path, backup_path: str | Path,
                     known_schema: Collection[str] | None = None) -> None:
    """Raise one clear line unless ``backup_path`` can be restored into the project.

    The cheap checks of :func:`restore` (kind of file, not the project itself, our
    tables, no migration unknown to ``known_schema``), so a caller can refuse before
    asking; :func:`restore` makes them again, and reads every page besides.
    """
    source_path = Path(backup_path).expanduser()
    require_sqlite_file(source_path, N_("cannot restore from it"))
    if names_project(source_path, Path(project_path).expanduser()):
        raise AnnotatorError(Translatable(
            "{path}: that is the project file itself, not a backup", path=source_path))
    _require_our_schema(source_path, known_schema)


def _restore(project: Path, source_path: Path, chosen: Path, target: Path,
             wait: float) -> Path | None:
    if not project.exists() or project.stat().st_size == 0:
        _restore_by_replacing(project, source_path)
        return None
    try:
        current = sqlite3.connect(str(project), timeout=wait, isolation_level=None)
    except sqlite3.Error as exc:
        raise AnnotatorError(Translatable(
            "{path}: cannot open it to restore ({reason}); nothing was changed",
            path=project, reason=exc)) from None
    try:
        try:
            _lock_exclusively(current, wait)
            # Read through the connection that holds the lock: no write can slip in
            # between this copy and the restore below.
            safety = copy_into_folder(current, project, target, "before-restore", KEEP,
                                       protect={chosen})
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise AnnotatorError(Translatable(
                    "{path}: the project is open in another window; close it first (nothing "
                    "was changed)", path=project)) from None
            raise explain(exc, project, N_("cannot restore")) from None
        except (sqlite3.DatabaseError, Damaged):
            pass  # not a readable database: keep its bytes aside and replace the file
        else:
            _restore_into(current, source_path, project, safety)
            return safety
    finally:
        current.close()
    return _keep_damaged_and_replace(project, source_path, target)


def _staged(source_path: Path, folder: Path) -> Path:
    """A verified rollback-journal copy of a WAL-mode file (a project copied by hand).

    Copying a WAL-mode file straight into the project would leave the project's header
    saying WAL while its connection journals in rollback mode.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        part = folder / f".restore-{os.getpid()}-{time.monotonic_ns()}.part"
        source = open_for_reading(source_path)
    except (OSError, sqlite3.Error) as exc:
        raise AnnotatorError(unreadable(source_path, exc)) from None
    try:
        backup_to_file(source, part, source_path)
    except (sqlite3.Error, OSError) as exc:
        unlink_quietly(part)
        raise AnnotatorError(unreadable(source_path, exc)) from None
    except BaseException:
        unlink_quietly(part)
        raise
    finally:
        source.close()
    return part


def _lock_exclusively(conn: sqlite3.Connection, wait: float) -> None:
    """Hold an exclusive lock on the project until ``conn`` closes.

    In WAL mode ``BEGIN EXCLUSIVE`` does not notice a window that merely has the file
    open, but leaving WAL mode needs every other connection closed: so the journal mode
    is switched first (which also checkpoints and removes the old ``-wal``/``-shm``),
    then the exclusive lock is taken and kept (``locking_mode = EXCLUSIVE``).
    """
    conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
    deadline = time.monotonic() + wait
    while True:
        # Leaving WAL mode fails at once when busy (no busy handler): retry until ``wait``.
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
            continue
        if str(mode).lower() == "delete":
            break
        if time.monotonic() >= deadline:
            raise sqlite3.OperationalError("database is locked")
        time.sleep(0.05)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("COMMIT")


def _restore_into(current: sqlite3.Connection, source_path: Path, project: Path,
                  safety: Path) -> None:
    source = open_for_reading(source_path)
    try:
        source.backup(current)  # one transaction on the project: lands whole or not at all
        verdict = [row[0] for row in current.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        raise explain(exc, project, N_("cannot restore"),
                       Translatable("the project is as it was (also saved in {path})",
                                    path=safety)) from None
    finally:
        source.close()
    if verdict != ["ok"]:
        raise AnnotatorError(Translatable(
            "{path}: the restored file failed the integrity check; the state before the "
            "restore is saved in {safety}", path=project, safety=safety))


def _restore_by_replacing(project: Path, source_path: Path) -> None:
    """Write the backup to a new file beside the project, then rename it into place."""
    try:
        project.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AnnotatorError(Translatable(
            "{path}: cannot create the folder ({reason}); nothing was changed",
            path=project.parent, reason=os_reason(exc))) from None
    part = project.with_name(f".{project.name}.{os.getpid()}.restore.part")
    source = open_for_reading(source_path)
    try:
        backup_to_file(source, part, source_path)
        # A -wal left beside the old file would be replayed onto the new one.
        for suffix in ("-wal", "-shm", "-journal"):
            unlink_quietly(Path(f"{project}{suffix}"), strict=True)
        os.replace(part, project)
        sync_folder(project.parent)
    except sqlite3.DatabaseError as exc:
        unlink_quietly(part)
        raise explain(exc, project, N_("cannot restore")) from None
    except OSError as exc:
        unlink_quietly(part)
        raise AnnotatorError(Translatable(
            "{path}: cannot restore ({reason}); nothing was changed", path=project,
            reason=os_reason(exc))) from None
    except BaseException:
        unlink_quietly(part)
        raise
    finally:
        source.close()


def _keep_damaged_and_replace(project: Path, source_path: Path, folder: Path) -> Path:
    """The project is not a readable database: keep its bytes aside, then replace it."""
    # The one place a project's bytes are read outside SQLite: it is damaged, and the
    # caller holds no connection to it (the window closes its own before restoring).
    stamp = datetime.now(UTC).strftime(STAMP)
    kept = folder / f"damaged-{stamp}-{project.name}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy_bytes(project, kept)
        wal = Path(f"{project}-wal")
        if wal.exists():
            copy_bytes(wal, Path(f"{kept}-wal"))
    except OSError as exc:
        raise AnnotatorError(Translatable(
            "{path}: cannot keep a copy of the damaged file ({reason}); nothing was changed",
            path=project, reason=os_reason(exc))) from None
    _restore_by_replacing(project, source_path)
    return kept


def _require_our_schema(path: Path, known_schema: Collection[str] | None) -> None:
    """Refuse a restore source that is not an annotator project, or one made by a newer
    version (its migrations table names one this version does not know)."""
    conn = open_for_reading(path)
    try:
        tables = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if PROJECT_TABLES - tables:
            raise AnnotatorError(Translatable(
                "{path}: an SQLite file but not an annotator project; nothing was changed",
                path=path))
        applied = [str(name) for (name,) in conn.execute(
            "SELECT name FROM _sqlite_migrations ORDER BY id")]
    except sqlite3.Error as exc:
        raise AnnotatorError(Translatable(
            "{path}: not a readable annotator project ({reason}); nothing was changed",
            path=path, reason=exc)) from None
    finally:
        conn.close()
    if known_schema is None:
        return
    newer = [name for name in applied if name not in set(known_schema)]
    if newer:
        raise AnnotatorError(Translatable(
            "{path}: made by a newer version of annotator (schema {schema}); nothing was "
            "changed", path=path, schema=newer[-1]))
