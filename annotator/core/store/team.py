"""Working as a team through a shared folder: snapshots published, read and merged.

A team folder (a Syncthing, Nextcloud or Dropbox folder, a network drive) never holds a
live project: SQLite's write-ahead log needs one machine.  Each annotator keeps their
project on their own disk and publishes a **snapshot** into the folder: one file per
annotator, ``NAME.annotator-snapshot``, a gzip-compressed SQLite copy of what they own.
The lead's snapshot carries the articles, codebooks, participants registry, samples,
assignments, decisions and comments, and the lead's own tags; an annotator's carries
only their own tags, statuses, history and comments, and the articles these are on.
Both carry the participants registry and its history: a correction, retirement or merge
of an entry made anywhere reaches everyone, and each machine's merge re-points its own
tags of a merged entry.

Publishing: the project's schema and the rows the annotator owns written into a new private
temporary file, read through the project's own connection (the file is attached to it; no
other handle is ever opened on the live project), checked (``quick_check``), compressed
into a hidden file beside the target, read back and compared (SHA-256 of the copy), and
renamed over the target in one step: a reader sees the old snapshot or the new one, never
half of one.

Syncing: publish, then every other snapshot in the folder is decompressed into a private
temporary file (gzip's CRC and length catch a file cut short or still being copied by a
sync client), checked (a project's tables, ``quick_check``, the same team, the annotator
the file is named after) and merged with the ordinary merge (:mod:`.merge`), which is
idempotent and order-free.  A snapshot unchanged since it was last merged is passed over.
A torn, foreign or unreadable snapshot is skipped and named; nothing of it is merged.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import sqlite3
import tempfile
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable, message_of, os_reason
from annotator.core.names import check_person
from annotator.core.store.base import Store, now
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.merge import Merge, MergeSummary
from annotator.core.store.settings import Settings

SUFFIX = ".annotator-snapshot"
FORMAT = "1"
COMPRESS_LEVEL = 6
LEAD, MEMBER = "lead", "annotator"
_UNSAFE = set('/\\:*?"<>|%')

Progress = Callable[[int, int, str], None]  # step, steps, what is being done


@dataclass
class SyncSummary:
    """What a sync did."""

    published: Path | None = None
    snapshot_bytes: int = 0
    fresh: bool = True  # False: our snapshot was unchanged and not written again
    merged: list[tuple[str, MergeSummary]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)

    def lines(self) -> list[str]:
        out: list[str] = []
        if self.published is not None and not self.fresh:
            out.append(Translatable("your snapshot is unchanged since it was published: "
                                    "{path}", path=self.published))
        elif self.published is not None:
            out.append(Translatable("published {path} ({size} KiB)", path=self.published,
                                    size=max(1, round(self.snapshot_bytes / 1024))))
        for name, summary in self.merged:
            out.append(Translatable(
                "merged {name}: {tags} tags added, {updated} updated, {removed} removed; "
                "{articles} articles added; {samples} samples added or newly assigned",
                name=name, tags=summary.tags_added, updated=summary.tags_updated,
                removed=summary.tags_removed, articles=summary.articles_added,
                samples=summary.samples))
        for name in self.unchanged:
            out.append(Translatable("unchanged since the last sync: {name}", name=name))
        for name, why in self.skipped:
            out.append(Translatable("skipped {file}: {reason}", file=name, reason=why))
        if not self.merged and not self.unchanged and not self.skipped:
            out.append(Translatable("no other snapshot in the team folder yet"))
        return out


def snapshot_name(annotator: str) -> str:
    """The snapshot file name of ``annotator``: their name, with characters no file
    system takes written as ``%XX``."""
    safe = "".join(f"%{ord(c):02X}" if c in _UNSAFE or ord(c) < 32 else c for c in annotator)
    if safe.startswith("."):
        safe = "%2E" + safe[1:]
    return safe + SUFFIX


class Team:
    """``project.team``: the team this project belongs to, and its snapshots."""

    def __init__(self, store: Store, settings: Settings, codebooks: Codebooks,
                 merge: Merge) -> None:
        self._store = store
        self._settings = settings
        self._codebooks = codebooks
        self._merge = merge

    @property
    def team_id(self) -> str | None:
        return self._settings.get("team_id")

    @property
    def lead(self) -> str | None:
        return self._settings.get("team_lead")

    def found(self, lead: str) -> str:
        """Make this project a team's, led by ``lead``, unless it is one already."""
        check_person(lead)
        with self._store.write():
            if self.team_id is None:
                self._settings.set("team_id", uuid.uuid4().hex)
                self._settings.set("team_lead", lead)
        return str(self.team_id)

    def _role(self, annotator: str) -> str:
        return LEAD if annotator == self.lead else MEMBER

    # -- publishing ------------------------------------------------------------------------
    def publish(self, folder: str | Path, annotator: str) -> tuple[Path, int, bool]:
        """Write ``annotator``'s snapshot into ``folder``: its path, its size in bytes, and
        whether it was written (False: what it holds has not changed since it was last
        published, and the file in the folder is still that one)."""
        check_person(annotator)
        folder = _folder(folder)
        team = self.team_id
        if team is None:
            raise AnnotatorError(Translatable(
                "this project belongs to no team yet: the lead draws a sample (annotator "
                "sample) or syncs with --lead; an annotator joins (annotator join)"))
        target = folder / snapshot_name(annotator)
        key = f"team_published:{target.name}"
        mark = f"{team}|{self._fingerprint(annotator)}"
        published = (self._settings.get(key) or "").rsplit("|", 1)
        if published[0] == mark and target.is_file():
            try:
                if _sha256(target) == published[-1]:
                    return target, target.stat().st_size, False
            except OSError:
                pass  # written again below
        with tempfile.TemporaryDirectory(prefix="annotator-snapshot-") as work:
            copy = Path(work) / "snapshot.sqlite"
            try:
                _copy_owned(self._store.conn, copy, annotator, self._role(annotator))
            except sqlite3.Error as exc:
                raise AnnotatorError(Translatable("{path}: cannot copy the project ({reason})",
                                                  path=self._store.path, reason=exc)) from None
            _label(copy, annotator, self._role(annotator), team)
            digest = _sha256(copy)
            aside = folder / f".{target.name}.{os.getpid()}.part"
            try:
                with open(copy, "rb") as source, gzip.open(aside, "wb",
                                                           compresslevel=COMPRESS_LEVEL) as out:
                    shutil.copyfileobj(source, out, 1 << 20)
                    out.flush()
                with open(aside, "rb+") as written:
                    os.fsync(written.fileno())
                check = Path(work) / "check.sqlite"
                _decompress(aside, check)
                if _sha256(check) != digest:
                    raise AnnotatorError(Translatable(
                        "{path}: the snapshot read back differs from what was written; "
                        "nothing was published", path=target))
                os.replace(aside, target)
                _sync_folder(folder)
            except OSError as exc:
                raise AnnotatorError(Translatable(
                    "{path}: cannot write the snapshot ({reason}); nothing was published",
                    path=target, reason=os_reason(exc))) from None
            finally:
                aside.unlink(missing_ok=True)
        self._settings.set(key, f"{mark}|{_sha256(target)}")
        return target, target.stat().st_size, True

    def _fingerprint(self, annotator: str) -> str:
        """What changes whenever anything ``annotator``'s snapshot holds changes.

        Tags, statuses and decisions change only with an entry in the history; the rest
        is counted (articles, codebooks, participants, comments, samples).
        """
        lead = self._role(annotator) == LEAD
        row = self._store.one(
            "SELECT (SELECT COALESCE(MAX(change_id), 0) FROM history WHERE annotator = ?1 "
            "OR (?2 AND what = 'adjudication')), "
            "(SELECT COUNT(*) || ':' || COALESCE(MAX(article_no), 0) FROM articles), "
            "(SELECT COALESCE(MAX(version), 0) FROM codebooks), "
            "(SELECT value FROM project_settings WHERE key = 'active_codebook'), "
            "(SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), '') FROM participants), "
            "(SELECT COUNT(*) FROM participant_history), "
            "(SELECT COUNT(*) FROM comments WHERE ?2 OR author = ?1), "
            "(SELECT COUNT(*) || ':' || COALESCE(MAX(COALESCE(assigned_at, created_at)), '') "
            " FROM samples WHERE ?2), "
            "(SELECT COUNT(*) FROM assignments WHERE ?2)", (annotator, int(lead)))
        return ":".join(str(value) for value in row or ())

    # -- reading and merging ---------------------------------------------------------------
    def snapshots(self, folder: str | Path) -> list[Path]:
        """The snapshot files in ``folder``, sorted by name."""
        return snapshots(folder)

    def read(self, snapshot: Path, copy: Path, team: str | None) -> dict[str, str]:
        """:func:`read_snapshot`."""
        return read_snapshot(snapshot, copy, team)

    def sync(self, folder: str | Path, annotator: str,
             progress: Progress | None = None) -> SyncSummary:
        """Publish ``annotator``'s snapshot into ``folder``, then merge every other one."""
        summary = SyncSummary()
        step = progress or (lambda _n, _of, _what: None)
        folder = _folder(folder)
        others = [p for p in self.snapshots(folder) if p.name != snapshot_name(annotator)]
        steps = len(others) + 1
        step(0, steps, snapshot_name(annotator))
        summary.published, summary.snapshot_bytes, summary.fresh = self.publish(folder,
                                                                               annotator)
        team = self.team_id
        for number, snapshot in enumerate(others, 1):
            step(number, steps, snapshot.name)
            # One backup, before the first snapshot that changes anything, for the sync.
            self._merge_one(snapshot, team, summary, backup=not summary.merged)
        step(steps, steps, "")
        return summary

    def _merge_one(self, snapshot: Path, team: str | None, summary: SyncSummary,
                   backup: bool = True) -> None:
        key = f"team_merged:{snapshot.name}"
        try:
            digest = _sha256(snapshot)
        except OSError as exc:
            summary.skipped.append((snapshot.name, Translatable(
                "cannot read it ({reason})", reason=os_reason(exc))))
            return
        if self._settings.get(key) == digest:
            summary.unchanged.append(snapshot.name)
            return
        with tempfile.TemporaryDirectory(prefix="annotator-sync-") as work:
            copy = Path(work) / "snapshot.sqlite"
            try:
                settings = self.read(snapshot, copy, team)
                # The lead's codebook is the team's: values it adds come with it.
                merged = self._merge.from_file(
                    copy, accept_unknown=settings.get("snapshot_role") == LEAD, backup=backup)
            except AnnotatorError as exc:
                why = message_of(exc)
                if str(copy) in why:  # the merge named the private copy
                    why = why.replace(str(copy), snapshot.name)
                summary.skipped.append((snapshot.name, why))
                return
        if settings.get("snapshot_role") == LEAD:
            self._follow_codebook(settings.get("codebook_source"))
        self._settings.set(key, digest)
        merged.source = snapshot.name
        summary.merged.append((settings["snapshot_annotator"], merged))

    def _follow_codebook(self, source: str | None) -> None:
        """Make the lead's active codebook (merged in just now) the active one here."""
        if not source:
            return
        version = self._store.scalar(
            "SELECT MAX(version) FROM codebooks WHERE source_toml = ?", (source,))
        if version is not None and int(version) != self._codebooks.active_version():
            self._codebooks.activate(int(version))
            self._codebooks.reset_caches()

    def adopt(self, settings: dict[str, str]) -> None:
        """Join the team a lead's snapshot (read with :meth:`read`) belongs to."""
        with self._store.write():
            self._settings.set("team_id", settings["snapshot_team"])
            self._settings.set("team_lead", settings["snapshot_annotator"])
            if settings.get("snapshot_file") and settings.get("snapshot_digest"):
                # Merged just now: the first sync passes it over while it is unchanged.
                self._settings.set(f"team_merged:{settings['snapshot_file']}",
                                   settings["snapshot_digest"])
        self._follow_codebook(settings.get("codebook_source"))


def snapshots(folder: str | Path) -> list[Path]:
    """The snapshot files in ``folder``, sorted by name."""
    folder = _folder(folder)
    return sorted(p for p in folder.iterdir()
                  if p.name.endswith(SUFFIX) and not p.name.startswith("."))


def read_snapshot(snapshot: Path, copy: Path, team: str | None) -> dict[str, str]:
    """Decompress and check ``snapshot`` into ``copy``; its settings.

    Raises :class:`AnnotatorError` saying why it cannot be read as a whole snapshot
    of this team (``team`` None: any team's).
    """
    try:
        _decompress(snapshot, copy)
    except (EOFError, zlib.error) as exc:
        raise AnnotatorError(Translatable(
            "incomplete ({reason}): still being written or synced, or cut short",
            reason=str(exc) or type(exc).__name__)) from None
    except gzip.BadGzipFile:
        raise AnnotatorError(Translatable("not a snapshot (not a compressed project)")) \
            from None
    except OSError as exc:
        raise AnnotatorError(Translatable("cannot read it ({reason})",
                                          reason=os_reason(exc))) from None
    try:
        conn = sqlite3.connect(copy)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            settings = dict(conn.execute(
                "SELECT key, value FROM project_settings WHERE key LIKE 'snapshot_%' "
                "OR key = 'active_codebook'"))
            if settings.get("active_codebook"):
                (source,) = conn.execute(
                    "SELECT source_toml FROM codebooks WHERE version = ?",
                    (int(settings["active_codebook"]),)).fetchone()
                settings["codebook_source"] = source
        finally:
            conn.close()
    except (sqlite3.Error, TypeError, ValueError) as exc:
        raise AnnotatorError(Translatable("not a snapshot ({reason})", reason=exc)) \
            from None
    if ok != "ok":
        raise AnnotatorError(Translatable("damaged ({reason})", reason=ok))
    if settings.get("snapshot_format") != FORMAT or not settings.get("snapshot_annotator"):
        raise AnnotatorError(Translatable("not a team snapshot (a project file?)"))
    if snapshot_name(settings["snapshot_annotator"]) != snapshot.name:
        raise AnnotatorError(Translatable(
            "foreign: it holds the snapshot of {name}, under another name",
            name=settings["snapshot_annotator"]))
    if team is not None and settings.get("snapshot_team") != team:
        raise AnnotatorError(Translatable("foreign: a snapshot of another team"))
    return settings


def find_lead(folder: str | Path, work: Path) -> tuple[Path, dict[str, str]]:
    """The lead's snapshot in ``folder``, decompressed and checked into ``work``."""
    for snapshot in snapshots(folder):
        copy = work / "lead.sqlite"
        try:
            digest = _sha256(snapshot)  # before reading: a newer file is merged again later
            settings = read_snapshot(snapshot, copy, None)
        except (AnnotatorError, OSError):
            continue  # torn, foreign or unreadable: not the one to join from
        if settings.get("snapshot_role") == LEAD:
            settings["snapshot_file"] = snapshot.name
            settings["snapshot_digest"] = digest
            return copy, settings
    raise AnnotatorError(Translatable("{path}: no lead's snapshot in this folder (the lead "
                                      "runs annotator sync there first)", path=folder))


def _folder(folder: str | Path) -> Path:
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise AnnotatorError(Translatable("{path}: no such folder", path=path))
    return path


# What each snapshot takes of a table (a WHERE clause on it; ?1 is the annotator); a table
# not named here is copied whole into the lead's snapshot and left empty in an annotator's.
_MINE_ARTICLES = ("article_id IN (SELECT article_id FROM main.tags WHERE annotator = ?1 "
                  "UNION SELECT article_id FROM main.article_status WHERE annotator = ?1 "
                  "UNION SELECT article_id FROM main.comments WHERE author = ?1)")
_ROWS: dict[str, dict[str, str | None]] = {
    LEAD: {"tags": "annotator = ?1", "article_status": "annotator = ?1",
           "history": "annotator = ?1 OR what = 'adjudication'"},
    MEMBER: {"tags": "annotator = ?1", "article_status": "annotator = ?1",
             "history": "annotator = ?1 AND what <> 'adjudication'",
             "comments": "author = ?1", "articles": _MINE_ARTICLES, "adjudications": None,
             "samples": None, "sample_articles": None, "assignments": None},
}
_EVERYTHING = ("_sqlite_migrations", "project_settings", "codebooks", "participants",
               "participant_history", "articles", "tags", "article_status", "comments",
               "history")
_SEARCH = "article_search"  # rebuilt by whoever merges the articles in: left empty


def _copy_owned(conn: sqlite3.Connection, copy: Path, annotator: str, role: str) -> None:
    """Write into the new file ``copy`` the project's schema and the rows ``annotator``
    owns (:data:`_ROWS`), read through the project's own connection.

    Tables first, then the rows (parents before children, so that foreign keys hold),
    then the indexes and triggers (the history triggers must not fire on the copying).
    """
    schema = conn.execute(
        "SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    shadow = {str(name) for kind, name, _sql in schema
              if kind == "table" and str(name).startswith(_SEARCH + "_")}
    tables = [(str(name), str(sql)) for kind, name, sql in schema
              if kind == "table" and name not in shadow]
    later = [str(sql) for kind, name, sql in schema if kind in ("index", "trigger", "view")]
    writer = sqlite3.connect(copy, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode = DELETE")
        writer.executescript(";\n".join(sql for _name, sql in tables) + ";")
    finally:
        writer.close()
    rules = _ROWS[role]
    order = [t for t in _EVERYTHING if t in dict(tables)]
    order += [name for name, _sql in tables if name not in order and name != _SEARCH]
    conn.execute("ATTACH DATABASE ? AS snapshot", (str(copy),))
    try:
        conn.execute("BEGIN")
        try:
            for table in order:
                if table in rules:
                    where = rules[table]
                elif role == LEAD or table in _EVERYTHING:
                    where = "1"
                else:
                    where = None
                if where is None:
                    continue
                conn.execute(f'INSERT INTO snapshot."{table}" SELECT * FROM main."{table}" '
                             f"WHERE {where}", (annotator,) if "?1" in where else ())
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE snapshot")
    writer = sqlite3.connect(copy, isolation_level=None)
    try:
        writer.executescript(";\n".join(later) + ";")
    finally:
        writer.close()


def _label(copy: Path, annotator: str, role: str, team: str) -> None:
    """Label ``copy`` a snapshot of ``annotator`` in ``team``, and check it."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM project_settings WHERE key LIKE 'team_merged:%' "
                     "OR key LIKE 'team_published:%' OR key LIKE 'last_article:%'")
        conn.executemany(
            "INSERT INTO project_settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
            "DO UPDATE SET value = excluded.value",
            [("snapshot_format", FORMAT), ("snapshot_annotator", annotator),
             ("snapshot_role", role), ("snapshot_team", team), ("snapshot_made_at", now())])
        conn.execute("COMMIT")
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
    if ok != "ok":
        raise AnnotatorError(Translatable("the snapshot failed its check ({reason}); nothing "
                                          "was published", reason=ok))


def _decompress(source: Path, target: Path) -> None:
    with gzip.open(source, "rb") as compressed, open(target, "wb") as out:
        shutil.copyfileobj(compressed, out, 1 << 20)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (where the system allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
