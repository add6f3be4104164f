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
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable, message_of, os_reason
from annotator.core.names import check_person
from annotator.core.store.backups import Backups
from annotator.core.store.base import Store
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.merge import Merge, MergeSummary
from annotator.core.store.settings import Settings
from annotator.core.store.snapshot_files import (
    ARTICLES,
    ARTICLES_COMPRESS_LEVEL,
    COMPRESS_LEVEL,
    LEAD,
    MEMBER,
    articles_name,
    copy_owned,
    decompress,
    find_lead,
    label,
    read_snapshot,
    remove_articles,
    sha256,
    snapshot_name,
    snapshots,
    sync_folder,
    team_folder,
)

__all__ = ["ARTICLES", "LEAD", "MEMBER", "SyncSummary", "Team", "articles_name", "find_lead",
           "read_snapshot", "snapshot_name", "snapshots"]

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
        folder = team_folder(folder)
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
                if sha256(target) == published[-1]:
                    return target, target.stat().st_size, False
            except OSError:
                pass  # written again below
        folder = target.parent
        with tempfile.TemporaryDirectory(prefix="annotator-snapshot-") as work:
            copy = Path(work) / "snapshot.sqlite"
            try:
                copy_owned(self._store.conn, copy, annotator, role)
            except sqlite3.Error as exc:
                raise AnnotatorError(Translatable("{path}: cannot copy the project ({reason})",
                                                  path=self._store.path, reason=exc)) from None
            label(copy, annotator, role, team)
            digest = sha256(copy)
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
                decompress(aside, check)
                if sha256(check) != digest:
                    raise AnnotatorError(Translatable(
                        "{path}: the snapshot read back differs from what was written; "
                        "nothing was published", path=target))
                os.replace(aside, target)
                sync_folder(folder)
            except OSError as exc:
                raise AnnotatorError(Translatable(
                    "{path}: cannot write the snapshot ({reason}); nothing was published",
                    path=target, reason=os_reason(exc))) from None
            finally:
                aside.unlink(missing_ok=True)
        self._settings.set(key, f"{mark}|{sha256(target)}")
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
        folder = team_folder(folder)
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
            digest = sha256(snapshot)
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
            remove_articles(copy, missing)
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
                        path=team_folder(folder) / settings["articles_file"]))
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


