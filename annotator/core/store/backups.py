"""Backups of a project file: made, verified, rotated and listed.

A backup is a complete copy of the project taken with SQLite's online backup API, so
it is consistent even while a window is writing, and it holds what the write-ahead log
holds too.  It is written under a temporary name, checked with ``PRAGMA
quick_check`` and only then renamed into the project's backups folder
(``<data dir>/backups/<project stem>-<path hash>/``), one self-contained file (rollback
journal, no ``-wal``) named by UTC time and reason.  The newest :data:`KEEP` are kept;
a backup identical to the newest one is not made twice.

Only what reads as a backup counts: a regular file (not a link or folder) whose name
holds a real time, and which SQLite opens read-only as an annotator project.  Anything
else named like a backup is listed as "not a backup" (:func:`list_not_backups`), never
offered for restore, never counted and never deleted: this code did not make it.

Restoring one is :mod:`.restore`; what a file in the folder is, and writing files
safely, :mod:`.backup_files`.  Qt-free; the only SQL here is SQLite's own pragmas.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable, os_reason
from annotator.core.store.backup_files import (
    SOURCE_TIMEOUT,
    Damaged,
    counts,
    explain,
    fsync,
    not_a_file,
    not_a_project,
    require_sqlite_file,
    sync_folder,
    unlink_quietly,
)

KEEP = 10
# A bulk change (a tag import) is backed up before when it is large beside the project:
# LARGE_CHANGE rows or more and at least one row for every LARGE_SHARE tags the project
# holds, so that the copy (which grows with the project) costs at most about LARGE_SHARE
# times what the change costs.  Any other only when the newest backup is older than
# BACKUP_DUE.
LARGE_CHANGE = 1_000
LARGE_SHARE = 20
BACKUP_DUE = timedelta(hours=1)
_NAME = re.compile(r"^(\d{8}T\d{6}Z)(?:-(\d+))?-([a-z][a-z0-9-]*)\.sqlite$")
STAMP = "%Y%m%dT%H%M%SZ"
_STALE_PART_SECONDS = 3600
# A name up to a day ahead of the clock is taken at its word (time zones, a clock a
# little off); later than that it is "dated in the future".
_FUTURE_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file; ``articles``/``tags`` are None when the file cannot be read."""

    path: Path
    time: datetime  # UTC
    reason: str
    size: int
    articles: int | None
    tags: int | None
    # Named later than now + a day (a clock that was set ahead): kept and offered, but
    # neither counted nor removed by the rotation, nor taken as the newest backup.
    future: bool = False


@dataclass(frozen=True)
class NotABackup:
    """A file or folder named like a backup that is not one.

    ``kind`` is one of the keys of :data:`NOT_A_BACKUP` (for a window to word it in its
    own language); ``why`` is its English wording.
    """

    path: Path
    kind: str

    @property
    def why(self) -> str:
        return NOT_A_BACKUP[self.kind]


NOT_A_BACKUP = {  # marked for the catalogue: the command line says them in its language
    "link": N_("a link, not a backup file"),
    "folder": N_("a folder, not a backup file"),
    "special": N_("not a regular file"),
    "empty": N_("an empty file"),
    "bad-time": N_("the time in its name is not a real date and time"),
    "not-sqlite": N_("not an SQLite file"),
    "wal": N_("an SQLite file in write-ahead-log mode, not a backup made here"),
    "not-project": N_("an SQLite file but not an annotator project"),
    "unreadable": N_("it cannot be read"),
}


# -- public API ---------------------------------------------------------------------------
class Backups:
    """The open project's part that makes its backups (``project.backups``).

    The other parts make one before a change that cannot be undone (a codebook change,
    a tag import, a merge, a migration).  Listing and restoring work on a path, as a
    restore needs the project closed: :func:`list_backups`, :func:`.restore.restore`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def make(self, reason: str) -> Path:
        """Back the project up now (see :func:`backup`); returns the backup file."""
        return backup(self.path, reason)

    def make_if_due(self, reason: str, changes: int, rows: int) -> Path | None:
        """Back up before a bulk change of ``changes`` rows in a project of ``rows`` (its
        tags) only when the change is large beside the project (:func:`large_change`) or
        the newest backup is older than :data:`BACKUP_DUE`; None when none was made.

        Any other change costs what it changes, not a copy of the project: it is in the
        history (old and new row, by whom, when; ``import-tags --undo`` takes the last
        import back from there), and the restore point before it is at most
        :data:`BACKUP_DUE` old."""
        if not large_change(changes, rows) and not self.due():
            return None
        return backup(self.path, reason)

    def due(self) -> bool:
        """True when the project has no backup younger than :data:`BACKUP_DUE`."""
        newest = newest_backup_time(self.path)
        return newest is None or datetime.now(UTC) - newest >= BACKUP_DUE


def large_change(changes: int, rows: int) -> bool:
    """Whether a bulk change of ``changes`` rows is large beside a project of ``rows``:
    :data:`LARGE_CHANGE` rows or more, and one for every :data:`LARGE_SHARE` rows or more."""
    return changes >= LARGE_CHANGE and changes * LARGE_SHARE >= rows


def newest_backup_time(project_path: str | Path, folder: str | Path | None = None,
                       ) -> datetime | None:
    """When the project's newest backup was made (from its name, no file opened); None
    when it has none."""
    files = _reached(folder_of(Path(project_path).expanduser(), folder))
    return _moment(files[-1][0]) if files else None


def backups_folder(project_path: str | Path) -> Path:
    """Where the backups of ``project_path`` go by default.

    The folder name carries a short hash of the project's full path: two projects both
    called ``project.sqlite`` must never rotate away, or be offered, each other's backups.
    """
    path = Path(project_path).expanduser().resolve()
    digest = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:8]
    return paths.data_dir() / "backups" / f"{path.stem}-{digest}"


def backup(project_path: str | Path, reason: str, folder: str | Path | None = None,
           keep: int = KEEP, *, only_if_changed: bool = False) -> Path:
    """Back up the project now; returns the backup file.

    Safe while the project is open and being written.  If the newest backup already
    holds exactly the same content, no new file is made and that one is returned.
    ``only_if_changed`` returns the newest backup without copying anything when the
    project's files were last written before that backup began (the backup on opening:
    a gigabyte project opened five times a day is not copied five times).
    """
    project = Path(project_path).expanduser()
    require_sqlite_file(project, N_("cannot back up"))
    target = folder_of(project, folder)
    if only_if_changed:
        newest = _newest_if_unchanged(project, target)
        if newest is not None:
            return newest
    try:
        source = sqlite3.connect(str(project), timeout=SOURCE_TIMEOUT, isolation_level=None)
    except sqlite3.Error as exc:
        raise AnnotatorError(Translatable(
            "{path}: cannot back up: cannot open it ({reason}); nothing was changed",
            path=project, reason=exc)) from None
    try:
        return copy_into_folder(source, project, target, reason, keep)
    finally:
        source.close()


def list_backups(project_path: str | Path, folder: str | Path | None = None) -> list[BackupInfo]:
    """The project's backups, newest first (by the time in their names).

    Only real backups (see the module's docstring); :func:`list_not_backups` lists the rest.
    """
    target = folder_of(Path(project_path).expanduser(), folder)
    limit = datetime.now(UTC) + _FUTURE_TOLERANCE
    infos = []
    for found in _in_order(_backup_files(target))[::-1]:
        stamp, _seq, reason, path = found
        moment = _moment(stamp)
        if moment is None or not_a_file(path) or not_a_project(path):
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue  # removed meanwhile
        articles, tags = counts(path)
        if articles is None:
            continue  # unreadable after all (damaged since it was made)
        infos.append(BackupInfo(path, moment, reason, size, articles, tags, moment > limit))
    return infos


def list_not_backups(project_path: str | Path,
                     folder: str | Path | None = None) -> list[NotABackup]:
    """What is named like a backup in the backups folder but is not one, by name."""
    target = folder_of(Path(project_path).expanduser(), folder)
    junk = []
    for stamp, _seq, _reason, path in sorted(_backup_files(target), key=lambda f: f[3].name):
        kind = not_a_file(path)
        if not kind and _moment(stamp) is None:
            kind = "bad-time"
        if not kind:
            kind = not_a_project(path)
        if not kind and counts(path) == (None, None):
            kind = "unreadable"  # its schema reads, its tables do not: damaged since made
        if kind:
            junk.append(NotABackup(path, kind))
    return junk


# -- making a backup ----------------------------------------------------------------------
def copy_into_folder(source: sqlite3.Connection, project: Path, folder: Path, reason: str,
                      keep: int, protect: Iterable[Path] = ()) -> Path:
    label = _reason(reason)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AnnotatorError(Translatable(
            "{path}: cannot create the backups folder ({reason}); no backup was made and the "
            "project was not changed", path=folder, reason=os_reason(exc))) from None
    _remove_stale_parts(folder)
    stamp = datetime.now(UTC).strftime(STAMP)
    part = folder / f".{stamp}-{label}-{os.getpid()}-{time.monotonic_ns()}.part"
    try:
        backup_to_file(source, part, project)
        newest = _newest(folder)
        if newest is not None and _same_file(part, newest):
            part.unlink()
            return newest
        final = _free_name(folder, stamp, label)
        os.replace(part, final)
        sync_folder(folder)
    except AnnotatorError:
        unlink_quietly(part)
        raise
    except sqlite3.DatabaseError as exc:
        unlink_quietly(part)
        if not isinstance(exc, sqlite3.OperationalError):  # malformed, not a database
            raise Damaged(Translatable(
                "{path}: cannot back up: the file is damaged ({reason}); run 'annotator "
                "check'", path=project, reason=exc)) from None
        raise explain(exc, project,
                       Translatable("the backup to {path} failed", path=folder),
                       N_("no backup was made and the project was not changed")) from None
    except OSError as exc:
        unlink_quietly(part)
        raise AnnotatorError(Translatable(
            "{path}: cannot write the backup ({reason}); no backup was made and the project "
            "was not changed", path=folder, reason=os_reason(exc))) from None
    _rotate(folder, keep, {final, *(Path(p).resolve() for p in protect)})
    return final


def backup_to_file(source: sqlite3.Connection, part: Path, name: Path) -> None:
    """Copy ``source`` into a new file ``part`` and verify it; raises on any failure."""
    copy = sqlite3.connect(str(part), isolation_level=None)
    try:
        source.backup(copy)
        # One self-contained file: a backup must not depend on a -wal beside it.
        copy.execute("PRAGMA journal_mode = DELETE").fetchone()
        # quick_check reads every page and checks the b-trees, records and constraints
        # (what a bad copy or a damaged project shows); it skips comparing each index
        # with its table, which is most of integrity_check's time: 1 s instead of 6.5 s
        # for a 1.1 GB project.  'annotator check' runs the full check.
        verdict = [row[0] for row in copy.execute("PRAGMA quick_check")]
    finally:
        copy.close()
    if verdict != ["ok"]:
        raise Damaged(Translatable(
            "{path}: the copy failed SQLite's integrity check (quick_check), so the project "
            "file itself may be damaged ({reason}); no backup was kept — run 'annotator "
            "check'", path=name, reason="; ".join(verdict[:3])))
    fsync(part)


def _free_name(folder: Path, stamp: str, label: str) -> Path:
    """A new name; within one second a sequence number keeps the order of making."""
    taken = [seq for other, seq, _reason, _path in _backup_files(folder) if other == stamp]
    if not taken:
        return folder / f"{stamp}-{label}.sqlite"
    return folder / f"{stamp}-{max(taken) + 1}-{label}.sqlite"


def _reason(reason: str) -> str:
    """A reason safe in a file name: lower-case letters, digits and dashes."""
    label = re.sub(r"[^a-z0-9]+", "-", reason.strip().lower()).strip("-")[:40].strip("-")
    if not label or not label[0].isalpha():
        label = f"r-{label}".strip("-") if label else "manual"
    return label


def _backup_files(folder: Path) -> list[tuple[str, int, str, Path]]:
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        match = _NAME.match(name)
        if match:
            stamp, seq, reason = match.groups()
            found.append((stamp, int(seq or 1), reason, folder / name))
    return found


def _in_order(files: list[tuple[str, int, str, Path]]) -> list[tuple[str, int, str, Path]]:
    """Oldest first: by time, then by sequence within the same second."""
    return sorted(files, key=lambda item: (item[0], item[1]))


def _counted(folder: Path) -> list[tuple[str, int, str, Path]]:
    """The backups the rotation counts, oldest first.

    Junk is left out (a file this code did not make is never counted nor deleted).  So
    is a backup named more than a day ahead of the clock: ranked by its name it would
    stay "newest" until that date and push out every real backup made meanwhile (a clock
    that was set ahead for a while makes those).  Ranking it by its file's mtime instead
    would not help, as the mtime came from the same wrong clock.  So it is kept, listed
    and offered for restore, but not counted; once the clock reaches its time it counts
    like any other.  Only the header and schema are read (through SQLite, read-only):
    every backup made here passed quick_check when it was made, and reading ten 1 GB
    files at each backup would cost seconds.
    """
    limit = datetime.now(UTC) + _FUTURE_TOLERANCE
    counted = []
    for found in _in_order(_backup_files(folder)):
        moment = _moment(found[0])
        if moment is None or moment > limit or not_a_file(found[3]):
            continue
        if not_a_project(found[3]):
            continue
        counted.append(found)
    return counted


def _reached(folder: Path) -> list[tuple[str, int, str, Path]]:
    """The counted backups whose time has come, oldest first.

    The newest of them is what a new backup is compared with.  One named even a little
    ahead of the clock (within the day's tolerance) would claim to have begun after
    every write until then: taken as the newest, it would vouch for changes it does not
    hold, or be compared with at every opening and never match.
    """
    now = datetime.now(UTC)
    return [found for found in _counted(folder)
            if (moment := _moment(found[0])) is not None and moment <= now]


def _newest(folder: Path) -> Path | None:
    files = _reached(folder)
    return files[-1][3] if files else None


def _newest_if_unchanged(project: Path, folder: Path) -> Path | None:
    files = _reached(folder)
    if not files:
        return None
    stamp, _sequence, _reason, newest = files[-1]
    moment = _moment(stamp)
    if moment is None:
        return None
    began = moment.timestamp()
    written = 0.0
    for candidate in (project, project.with_name(project.name + "-wal")):
        try:
            info = candidate.stat()
        except FileNotFoundError:
            continue
        except OSError:
            return None
        # An empty log holds nothing: a read-only look at the file (checking that it is a
        # project) leaves one behind, just made.
        if info.st_size or candidate == project:
            written = max(written, info.st_mtime)
    return newest if written < began else None


def _same_file(one: Path, other: Path, chunk: int = 1 << 20) -> bool:
    """Byte-for-byte equal; only ever two backups, never a live project.

    Big chunks: each comparison holds the GIL only briefly, and there are few of them,
    so a window running beside a backup stays smooth."""
    try:
        first_info, other_info = one.lstat(), other.lstat()
        if first_info.st_size != other_info.st_size:
            return False
        # A file with a second name may be a live project hard-linked into the backups
        # folder: never opened outside SQLite (a new backup is made instead).
        if first_info.st_nlink > 1 or other_info.st_nlink > 1:
            return False
        with one.open("rb") as first, other.open("rb") as second:
            while True:
                block = first.read(chunk)
                if block != second.read(chunk):
                    return False
                if not block:
                    return True
    except OSError:
        return False


def _rotate(folder: Path, keep: int, protect: set[Path]) -> None:
    """Remove all but the newest ``keep`` backups, never one in ``protect``; only backups
    are counted and removed (see :func:`_counted`)."""
    files = _counted(folder)
    surplus = files[: max(0, len(files) - max(1, keep))]
    protected = {p.resolve() for p in protect}
    for *_rest, path in surplus:
        if path.resolve() not in protected:
            unlink_quietly(path)


def _remove_stale_parts(folder: Path) -> None:
    """Temporary files left by a backup that was interrupted long ago."""
    cutoff = time.time() - _STALE_PART_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".part") and entry.stat().st_mtime < cutoff:
                unlink_quietly(Path(entry.path))


# Why a backup was made, as words (the names of the files keep the short reason).
REASONS = {
    "open": N_("project opened"),
    "manual": N_("made by hand"),
    "before-restore": N_("before a restore"),
    "before-migration": N_("before an update of the file"),
    "before-merge": N_("before a merge"),
    "before-participants-merge": N_("before a merge of two participants"),
    "before-codebook-change": N_("before a codebook change"),
    "before-import-tags": N_("before a tag import"),
    "before-undo-import": N_("before undoing a tag import"),
}


# -- helpers --------------------------------------------------------------------------------
def folder_of(project: Path, folder: str | Path | None) -> Path:
    """``folder`` when given, else the project's own backups folder."""
    return Path(folder).expanduser() if folder is not None else backups_folder(project)


def _moment(stamp: str) -> datetime | None:
    """The UTC time in a backup's name; None when it is no real time (month 13)."""
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
