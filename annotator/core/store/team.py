"""Working as a team through a shared folder: snapshots published, read and merged.

A team folder (a Syncthing, Nextcloud or Dropbox folder, a network drive) never holds a
live project: SQLite's write-ahead log needs one machine.  Each annotator keeps their
project on their own disk and publishes a **snapshot** into the folder: one file per
annotator, ``NAME.annotator-snapshot``, a gzip-compressed SQLite copy of what they own.
The lead's snapshot carries the codebooks, participants registry, samples, assignments,
decisions and comments, and the lead's own tags; an annotator's carries only their own
tags, statuses, history and comments.  Neither carries the articles' text, only each
article's row without its body (the content hash identifies it): the text travels once,
in the lead's **articles file** ``LEAD.annotator-articles``, which is written again only
when the articles, codebooks or registry change.  So what a sync writes and reads follows
the work done since, not the size of the corpus.
Every snapshot carries the participants registry and its history: a correction,
retirement or merge of an entry made anywhere reaches everyone, and each machine's merge
re-points its own tags of a merged entry.

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
The lead's articles file is merged first.  What a snapshot holds on an article this project
does not have (the articles file has not arrived yet, or an annotator coded articles of
their own) waits: it is left out, counted in the summary, and merged by a later sync.
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
from annotator.core.store.backups import Backups
from annotator.core.store.base import Store, now
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.merge import Merge, MergeSummary
from annotator.core.store.settings import Settings

SUFFIX = ".annotator-snapshot"
ARTICLES_SUFFIX = ".annotator-articles"  # the lead's articles file
FORMAT = "2"  # 2: snapshots without the articles' text, and the lead's articles file
READ_FORMATS = frozenset({"1", "2"})  # a version-1 snapshot carries its articles' text
# gzip levels: a snapshot is written at every sync (level 1: about 2.5 times as fast as
# 6 on tag rows, a fifth larger); the articles file rarely, and it is the large transfer.
COMPRESS_LEVEL = 1
ARTICLES_COMPRESS_LEVEL = 6
LEAD, MEMBER, ARTICLES = "lead", "annotator", "articles"
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
    # (file name, how many articles): rows on articles this project does not have yet
    waiting: list[tuple[str, int]] = field(default_factory=list)

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
        for name, count in self.waiting:
            out.append(Translatable(
                "{file}: what it holds on {count} articles this project does not have yet "
                "waits for the lead's articles file; a later sync merges it",
                file=name, count=count))
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


def articles_name(lead: str) -> str:
    """The file name of the articles file of the lead ``lead``."""
    return snapshot_name(lead)[:-len(SUFFIX)] + ARTICLES_SUFFIX


class Team:
    """``project.team``: the team this project belongs to, and its snapshots."""

    def __init__(self, store: Store, settings: Settings, codebooks: Codebooks,
                 merge: Merge, backups: Backups) -> None:
        self._store = store
        self._settings = settings
        self._codebooks = codebooks
        self._merge = merge
        self._backups = backups

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
        published, and the file in the folder is still that one).  The lead's articles
        file is written too when the articles, codebooks or registry changed."""
        check_person(annotator)
        folder = _folder(folder)
        if self.team_id is None:
            raise AnnotatorError(Translatable(
                "this project belongs to no team yet: the lead draws a sample (annotator "
                "sample) or syncs with --lead; an annotator joins (annotator join)"))
        role = self._role(annotator)
        if role == LEAD:
            self._publish_file(folder / articles_name(annotator), annotator, ARTICLES)
        return self._publish_file(folder / snapshot_name(annotator), annotator, role)

    def _publish_file(self, target: Path, annotator: str, role: str) -> tuple[Path, int, bool]:
        """Write the file of ``role`` to ``target`` unless it is unchanged there."""
        team = str(self.team_id)
        key = f"team_published:{target.name}"
        mark = f"{team}|{self._fingerprint(annotator, role)}"
        published = (self._settings.get(key) or "").rsplit("|", 1)
        if published[0] == mark and target.is_file():
            try:
                if _sha256(target) == published[-1]:
                    return target, target.stat().st_size, False
            except OSError:
                pass  # written again below
        folder = target.parent
        with tempfile.TemporaryDirectory(prefix="annotator-snapshot-") as work:
            copy = Path(work) / "snapshot.sqlite"
            try:
                _copy_owned(self._store.conn, copy, annotator, role)
            except sqlite3.Error as exc:
                raise AnnotatorError(Translatable("{path}: cannot copy the project ({reason})",
                                                  path=self._store.path, reason=exc)) from None
            _label(copy, annotator, role, team)
            digest = _sha256(copy)
            aside = folder / f".{target.name}.{os.getpid()}.part"
            try:
                level = ARTICLES_COMPRESS_LEVEL if role == ARTICLES else COMPRESS_LEVEL
                with open(copy, "rb") as source, gzip.open(aside, "wb",
                                                           compresslevel=level) as out:
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

    def _fingerprint(self, annotator: str, role: str) -> str:
        """What changes whenever anything ``annotator``'s file of ``role`` holds changes.

        Tags, statuses and decisions change only with an entry in the history; the rest
        is counted (articles, codebooks, participants, comments, samples).
        """
        if role == ARTICLES:
            row = self._store.one(
                "SELECT (SELECT COUNT(*) || ':' || COALESCE(MAX(article_no), 0) FROM articles), "
                "(SELECT COALESCE(MAX(version), 0) FROM codebooks), "
                "(SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), '') "
                "FROM participants)")
            return ARTICLES + ":" + ":".join(str(value) for value in row or ())
        lead = role == LEAD
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
        """Publish ``annotator``'s snapshot into ``folder``, then merge the lead's articles
        file and every other snapshot.

        The project is backed up once, before the first file that is merged, when its
        newest backup is older than :data:`~.backups.BACKUP_DUE`: every row a merge adds
        or changes is in the history (who, when, the old and the new value), so a sync
        costs what it merges, not a copy of the whole project each time.
        """
        summary = SyncSummary()
        step = progress or (lambda _n, _of, _what: None)
        folder = _folder(folder)
        mine = {snapshot_name(annotator), articles_name(annotator)}
        lead = self.lead
        texts = [folder / articles_name(lead)] if lead is not None else []
        others = [p for p in texts if p.is_file() and p.name not in mine]
        others += [p for p in self.snapshots(folder) if p.name not in mine]
        steps = len(others) + 1
        step(0, steps, snapshot_name(annotator))
        summary.published, summary.snapshot_bytes, summary.fresh = self.publish(folder,
                                                                               annotator)
        team = self.team_id
        backup = self._backups.due()
        for number, snapshot in enumerate(others, 1):
            step(number, steps, snapshot.name)
            # One backup (when due), before the first file that changes anything.
            self._merge_one(snapshot, team, summary, backup=backup and not summary.merged)
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
                waiting = self.set_aside_unknown_articles(copy, settings)
                if waiting and settings.get("snapshot_role") == LEAD:
                    # Its samples and assignments hold together: all of it, or later.
                    summary.waiting.append((snapshot.name, waiting))
                    return
                # The lead's codebook is the team's: values it adds come with it.
                merged = self._merge.from_file(
                    copy, accept_unknown=settings.get("snapshot_role") in (LEAD, ARTICLES),
                    backup=backup)
            except AnnotatorError as exc:
                why = message_of(exc)
                if str(copy) in why:  # the merge named the private copy
                    why = why.replace(str(copy), snapshot.name)
                summary.skipped.append((snapshot.name, why))
                return
        if settings.get("snapshot_role") == LEAD:
            self._follow_codebook(settings.get("codebook_source"))
        if waiting:
            # Not marked merged: the next sync merges it again, with what waited.
            summary.waiting.append((snapshot.name, waiting))
        else:
            self._settings.set(key, digest)
        merged.source = snapshot.name
        summary.merged.append((snapshot.name if settings.get("snapshot_role") == ARTICLES
                               else settings["snapshot_annotator"], merged))

    def set_aside_unknown_articles(self, copy: Path, settings: dict[str, str]) -> int:
        """In the decompressed snapshot ``copy``, remove the articles (rows without their
        text) this project does not have, with every row on them; how many there were.
        (The lead's snapshot, which the caller then leaves for a later sync whole, is only
        counted.)

        A snapshot that carries its articles' text (the articles file, a version-1
        snapshot) is left as it is: its new articles are added by the merge.
        """
        if settings.get("snapshot_text", "1") == "1":
            return 0
        conn = self._store.conn
        conn.execute("ATTACH DATABASE ? AS pending", (str(copy),))  # our private copy
        try:
            missing = [str(article_id) for (article_id,) in conn.execute(
                "SELECT article_id FROM pending.articles WHERE content_hash NOT IN "
                "(SELECT content_hash FROM main.articles)")]
        finally:
            conn.execute("DETACH DATABASE pending")
        if missing and settings.get("snapshot_role") != LEAD:
            _remove_articles(copy, missing)
        return len(missing)

    def _follow_codebook(self, source: str | None) -> None:
        """Make the lead's active codebook (merged in just now) the active one here."""
        if not source:
            return
        version = self._store.scalar(
            "SELECT MAX(version) FROM codebooks WHERE source_toml = ?", (source,))
        if version is not None and int(version) != self._codebooks.active_version():
            self._codebooks.activate(int(version))
            self._codebooks.reset_caches()

    def join(self, folder: str | Path) -> tuple[list[MergeSummary], dict[str, str]]:
        """Fill this new project from the lead's articles file and snapshot in ``folder``
        and join their team: what each merge did, and the lead's snapshot's settings."""
        with tempfile.TemporaryDirectory(prefix="annotator-join-") as work:
            files, settings = find_lead(folder, Path(work))
            # The articles file first (the articles, with their text), then the snapshot.
            summaries = [self._merge.from_file(files[0], accept_unknown=True, backup=False)]
            if len(files) > 1:
                if self.set_aside_unknown_articles(files[1], settings):
                    raise AnnotatorError(Translatable(
                        "{path}: the lead's articles file is older than their snapshot; "
                        "try again once the team folder has finished syncing",
                        path=_folder(folder) / settings["articles_file"]))
                summaries.append(self._merge.from_file(files[1], accept_unknown=True,
                                                       backup=False))
        self.adopt(settings)
        return summaries, settings

    def adopt(self, settings: dict[str, str]) -> None:
        """Join the team a lead's snapshot (read with :meth:`read`) belongs to."""
        with self._store.write():
            self._settings.set("team_id", settings["snapshot_team"])
            self._settings.set("team_lead", settings["snapshot_annotator"])
            # Merged just now: the first sync passes them over while they are unchanged.
            for name, digest in (("snapshot_file", "snapshot_digest"),
                                 ("articles_file", "articles_digest")):
                if settings.get(name) and settings.get(digest):
                    self._settings.set(f"team_merged:{settings[name]}", settings[digest])
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
    if (settings.get("snapshot_format") not in READ_FORMATS
            or not settings.get("snapshot_annotator")):
        raise AnnotatorError(Translatable("not a team snapshot (a project file?)"))
    named = (articles_name if settings.get("snapshot_role") == ARTICLES
             else snapshot_name)(settings["snapshot_annotator"])
    if named != snapshot.name:
        raise AnnotatorError(Translatable(
            "foreign: it holds the snapshot of {name}, under another name",
            name=settings["snapshot_annotator"]))
    if team is not None and settings.get("snapshot_team") != team:
        raise AnnotatorError(Translatable("foreign: a snapshot of another team"))
    return settings


def find_lead(folder: str | Path, work: Path) -> tuple[list[Path], dict[str, str]]:
    """The lead's snapshot in ``folder``, decompressed and checked into ``work``: the
    files to merge, in order (the lead's articles file, then the snapshot), and the
    snapshot's settings."""
    for snapshot in snapshots(folder):
        copy = work / "lead.sqlite"
        try:
            digest = _sha256(snapshot)  # before reading: a newer file is merged again later
            settings = read_snapshot(snapshot, copy, None)
        except (AnnotatorError, OSError):
            continue  # torn, foreign or unreadable: not the one to join from
        if settings.get("snapshot_role") != LEAD:
            continue
        settings["snapshot_file"] = snapshot.name
        settings["snapshot_digest"] = digest
        if settings.get("snapshot_text", "1") == "1":
            return [copy], settings  # a version-1 snapshot carries the text itself
        texts = _folder(folder) / articles_name(settings["snapshot_annotator"])
        try:
            articles = work / "articles.sqlite"
            found = read_snapshot(texts, articles, settings.get("snapshot_team"))
            if found.get("snapshot_role") != ARTICLES:
                raise AnnotatorError(Translatable("not a team snapshot (a project file?)"))
        except AnnotatorError as exc:
            raise AnnotatorError(Translatable(
                "{path}: the lead's articles file cannot be read yet ({reason}); try again "
                "once the team folder has finished syncing", path=texts,
                reason=message_of(exc))) from None
        except OSError as exc:
            raise AnnotatorError(Translatable(
                "{path}: the lead's articles file cannot be read yet ({reason}); try again "
                "once the team folder has finished syncing", path=texts,
                reason=os_reason(exc))) from None
        settings["articles_file"] = texts.name
        settings["articles_digest"] = _sha256(texts)
        return [articles, copy], settings
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
    ARTICLES: {"tags": None, "article_status": None, "history": None, "comments": None},
}
# Kept out of every snapshot: each project makes its own.
for _rules in _ROWS.values():
    _rules["article_sketches"] = _rules["article_anchors"] = None
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
                columns = "*"
                if table == "articles" and role != ARTICLES:  # the text is the articles file's
                    columns = ", ".join("''" if name == "body" else f'"{name}"' for (name,) in
                                        conn.execute("SELECT name FROM pragma_table_info(?)",
                                                     (table,)))
                conn.execute(f'INSERT INTO snapshot."{table}" SELECT {columns} '
                             f'FROM main."{table}" WHERE {where}',
                             (annotator,) if "?1" in where else ())
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


def _remove_articles(copy: Path, article_ids: list[str]) -> None:
    """Delete ``article_ids`` and every row on them from the private copy ``copy``."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        tables = [str(name) for (name,) in conn.execute(
            "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 "
            "FROM pragma_table_info(m.name) c WHERE c.name = 'article_id') "
            "AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'articles'")]
        conn.execute("BEGIN")
        conn.execute("CREATE TEMP TABLE gone (article_id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO gone VALUES (?)", [(a,) for a in article_ids])
        for table in [*tables, "articles"]:
            conn.execute(f'DELETE FROM "{table}" WHERE article_id IN (SELECT article_id '
                         "FROM temp.gone)")
        conn.execute("COMMIT")
    finally:
        conn.close()


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
             ("snapshot_role", role), ("snapshot_team", team), ("snapshot_made_at", now()),
             ("snapshot_text", "1" if role == ARTICLES else "0")])
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
