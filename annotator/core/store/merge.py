"""Merging a colleague's project file into this one.

Articles are matched by content hash (and article id), never by file name: the same text
under another id is the same article; another text under the same id is reported, not
mixed.  Tags, statuses, adjudications, comments, history and participants come in.
Rules: nothing of another annotator is overwritten by a different annotator; the same
tag edited on two machines keeps the later edit (the earlier stays in the history); a
tag the annotator removed here after the colleague's copy was last edited stays removed.
Merging the same file twice changes nothing, and the order of merges does not matter.

The colleague's file is never written: it is copied (SQLite backup API) to a temporary
file, brought to this schema version there, and read from that copy.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.backup import backup
from annotator.core.errors import AnnotatorError
from annotator.core.store.review import ReviewMixin
from annotator.core.text import index_key

_TAG_COLUMNS = ("tag_uid", "article_id", "annotator", "field", "value", "participant", "role",
                "span_start", "span_end", "quote", "note", "codebook_version", "created_at",
                "updated_at")
_MUTABLE = ("value", "participant", "role", "span_start", "span_end", "quote", "note")
_ADJ_COLUMNS = ("adjudication_uid", "article_id", "field", "value", "participant", "role",
                "span_start", "span_end", "quote", "source_annotator", "reviewer", "comment",
                "codebook_version", "created_at", "updated_at")


@dataclass
class MergeSummary:
    """What a merge brought in."""

    source: str
    articles_added: int = 0
    articles_matched: int = 0
    article_conflicts: list[str] = field(default_factory=list)
    tags_added: int = 0
    tags_updated: int = 0
    tags_kept: int = 0  # ours was newer, or removed here later
    statuses: int = 0
    adjudications: int = 0
    comments: int = 0
    participants: int = 0
    history: int = 0
    annotators: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"merged {self.source}",
            f"articles: {self.articles_added} added, {self.articles_matched} already here",
            f"tags: {self.tags_added} added, {self.tags_updated} updated, "
            f"{self.tags_kept} kept as they were here (newer here or removed here)",
            f"statuses: {self.statuses} changed; adjudications: {self.adjudications}; "
            f"comments: {self.comments}; participants: {self.participants} added; "
            f"history: {self.history} entries",
        ]
        if self.annotators:
            out.append("annotators in the file: " + ", ".join(self.annotators))
        for conflict in self.article_conflicts:
            out.append(f"not merged: {conflict}")
        return out


def _newer(theirs: str, ours: str, their_key: str, our_key: str) -> bool:
    """Later edit wins; equal times are settled by content so every order agrees."""
    return (theirs, their_key) > (ours, our_key)


class MergeMixin(ReviewMixin):
    def merge(self, other: str | Path) -> MergeSummary:
        """Merge the project file ``other`` into this project (one transaction)."""
        from annotator.core.store.project import open_project

        other = Path(other)
        if other.resolve() == self.path.resolve():
            raise AnnotatorError(f"{other}: that is this project itself")
        if not other.is_file():
            raise AnnotatorError(f"{other}: no such project file")
        with tempfile.TemporaryDirectory(prefix="annotator-merge-") as folder:
            copy = Path(folder) / "colleague.sqlite"
            _copy_read_only(other, copy)
            # Checks it and brings it to our schema (in the copy: their file is only read).
            open_project(copy, create=False, backup_before_migration=False).close()
            backup(self.path, "before-merge")
            self.conn.execute("ATTACH DATABASE ? AS other", (str(copy),))
            try:
                summary = MergeSummary(str(other))
                with self.write():
                    self._merge_all(summary)
            finally:
                self.conn.execute("DETACH DATABASE other")
        self.reset_caches()
        return summary

    def _merge_all(self, summary: MergeSummary) -> None:
        conn = self.conn
        summary.participants = conn.execute(
            "INSERT OR IGNORE INTO main.participants SELECT * FROM other.participants"
        ).rowcount
        versions = self._merge_codebooks()
        mapping = self._merge_articles(summary)
        self._merge_tags(summary, mapping, versions)
        self._merge_statuses(summary, mapping)
        self._merge_adjudications(summary, mapping, versions)
        summary.comments = 0
        for row in conn.execute("SELECT comment_uid, article_id, author, text, created_at "
                                "FROM other.comments").fetchall():
            if row[1] in mapping:
                summary.comments += conn.execute(
                    "INSERT OR IGNORE INTO main.comments (comment_uid, article_id, author, "
                    "text, created_at) VALUES (?,?,?,?,?)",
                    (row[0], mapping[row[1]], *row[2:])).rowcount
        self._merge_history(summary, mapping)
        summary.annotators = sorted(
            {str(a) for (a,) in conn.execute(
                "SELECT annotator FROM other.tags UNION "
                "SELECT annotator FROM other.article_status")}
        )

    def _merge_codebooks(self) -> dict[int, int]:
        """Their codebook versions as ours; a codebook new here is kept, not made active."""
        conn = self.conn
        active = self.codebook_version()  # type: ignore[attr-defined]
        ours = {source: version for version, source in conn.execute(
            "SELECT version, source_toml FROM main.codebooks")}
        mapping: dict[int, int] = {}
        for version, codebook_id, revision, source, loaded_at, loaded_from in conn.execute(
                "SELECT version, codebook_id, revision, source_toml, loaded_at, loaded_from "
                "FROM other.codebooks ORDER BY version").fetchall():
            if source not in ours:
                cursor = conn.execute(
                    "INSERT INTO main.codebooks (codebook_id, revision, source_toml, loaded_at, "
                    "loaded_from) VALUES (?,?,?,?,?)",
                    (codebook_id, revision, source, loaded_at, f"merged: {loaded_from}"))
                ours[source] = int(cursor.lastrowid or 0)
            mapping[int(version)] = ours[source]
        self.set_active_codebook(active)  # type: ignore[attr-defined]
        return mapping

    def _merge_articles(self, summary: MergeSummary) -> dict[str, str]:
        """Their article ids -> ours; new articles are added with their search keys."""
        conn = self.conn
        by_hash = dict(conn.execute("SELECT content_hash, article_id FROM main.articles"))
        by_id = {article_id: digest for digest, article_id in by_hash.items()}
        mapping: dict[str, str] = {}
        number = int(self.scalar("SELECT COALESCE(MAX(article_no), 0) FROM main.articles"))
        rows, keys = [], []
        for row in conn.execute(
                "SELECT article_id, title, body, language, outlet, url, published, "
                "published_original, source_path, content_hash, imported_at "
                "FROM other.articles ORDER BY article_no"):
            article_id, digest = row[0], row[9]
            if digest in by_hash:
                mapping[article_id] = by_hash[digest]
                summary.articles_matched += 1
            elif article_id in by_id:
                summary.article_conflicts.append(
                    f"article '{article_id}' has a different text in the colleague's file "
                    "(its tags were not merged)")
            else:
                number += 1
                rows.append((number, *row))
                keys.append((number, index_key(row[1]), index_key(row[2])))
                by_hash[digest], by_id[article_id] = article_id, digest
                mapping[article_id] = article_id
                summary.articles_added += 1
        conn.executemany(
            "INSERT INTO main.articles (article_no, article_id, title, body, language, outlet, "
            "url, published, published_original, source_path, content_hash, imported_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO main.article_search (rowid, title_key, body_key) "
                         "VALUES (?,?,?)", keys)
        return mapping

    def _removed_here(self) -> dict[str, str]:
        """tag_uid -> when it was last removed here (from the history)."""
        removed: dict[str, str] = {}
        for changed_at, old in self.conn.execute(
                "SELECT changed_at, old_value FROM main.history "
                "WHERE what = 'tag' AND action = 'removed'"):
            uid = json.loads(old or "{}").get("tag_uid")
            if uid and changed_at > removed.get(uid, ""):
                removed[uid] = changed_at
        return removed

    def _merge_tags(self, summary: MergeSummary, mapping: dict[str, str],
                    versions: dict[int, int]) -> None:
        conn = self.conn
        columns = ", ".join(_TAG_COLUMNS)
        ours = {row[0]: row for row in conn.execute(f"SELECT {columns} FROM main.tags")}
        natural = {(r[1], r[2], r[3], r[4], r[5]): uid for uid, r in ours.items()}
        removed = self._removed_here()
        touched: set[tuple[str, str, str]] = set()
        for theirs in conn.execute(f"SELECT {columns} FROM other.tags").fetchall():
            if theirs[1] not in mapping:
                continue
            item = dict(zip(_TAG_COLUMNS, theirs, strict=True))
            item["article_id"] = mapping[theirs[1]]
            item["codebook_version"] = versions.get(theirs[11], theirs[11])
            key = (item["article_id"], item["annotator"], item["field"], item["value"],
                   item["participant"])
            uid = item["tag_uid"] if item["tag_uid"] in ours else natural.get(key)
            if uid is None:
                if removed.get(item["tag_uid"], "") > item["updated_at"]:
                    summary.tags_kept += 1
                    continue
                conn.execute(f"INSERT INTO main.tags ({columns}) VALUES "
                             f"({','.join('?' * len(_TAG_COLUMNS))})",
                             [item[c] for c in _TAG_COLUMNS])
                ours[item["tag_uid"]] = tuple(item[c] for c in _TAG_COLUMNS)
                natural[key] = item["tag_uid"]
                summary.tags_added += 1
                touched.add((item["article_id"], item["annotator"], item["field"]))
                continue
            mine = dict(zip(_TAG_COLUMNS, ours[uid], strict=True))
            if all(mine[c] == item[c] for c in _MUTABLE):
                continue
            if mine["annotator"] != item["annotator"]:
                continue  # never touch another annotator's tag
            if _newer(item["updated_at"], mine["updated_at"], json.dumps(item, sort_keys=True),
                      json.dumps(mine, sort_keys=True)):
                conn.execute(
                    "UPDATE main.tags SET value = ?, participant = ?, role = ?, span_start = ?, "
                    "span_end = ?, quote = ?, note = ?, updated_at = ? WHERE tag_uid = ?",
                    (*(item[c] for c in _MUTABLE), item["updated_at"], uid))
                summary.tags_updated += 1
                touched.add((item["article_id"], item["annotator"], item["field"]))
            else:
                summary.tags_kept += 1
        self._settle_fields(touched)

    def _settle_fields(self, touched: set[tuple[str, str, str]]) -> None:
        """After a merge one annotator may hold two values of a single-choice field, or
        values beside "coded, none": the latest edit decides."""
        codebook = self.codebook()
        for article_id, annotator, field_id in touched:
            tags = self.tags(article_id, annotator, field_id)
            if len(tags) < 2:
                continue
            single = codebook.has_field(field_id) and codebook.field(field_id).type in (
                "single", "text")
            latest = max(tags, key=lambda t: (t.updated_at, t.tag_uid))
            for tag in tags:
                if tag is latest:
                    continue
                if single or tag.value is None or latest.value is None:
                    self.conn.execute("DELETE FROM main.tags WHERE tag_id = ?", (tag.tag_id,))

    def _merge_statuses(self, summary: MergeSummary, mapping: dict[str, str]) -> None:
        conn = self.conn
        ours = {(a, n): (s, t) for a, n, s, t in conn.execute(
            "SELECT article_id, annotator, status, updated_at FROM main.article_status")}
        for article_id, annotator, status, stamp in conn.execute(
                "SELECT article_id, annotator, status, updated_at FROM other.article_status"
        ).fetchall():
            if article_id not in mapping:
                continue
            key = (mapping[article_id], annotator)
            mine = ours.get(key)
            if mine is not None and (mine[0] == status or not _newer(stamp, mine[1], status,
                                                                     mine[0])):
                continue
            conn.execute(
                "INSERT INTO main.article_status (article_id, annotator, status, updated_at) "
                "VALUES (?,?,?,?) ON CONFLICT (article_id, annotator) DO UPDATE SET "
                "status = excluded.status, updated_at = excluded.updated_at", (*key, status, stamp))
            summary.statuses += 1

    def _merge_adjudications(self, summary: MergeSummary, mapping: dict[str, str],
                             versions: dict[int, int]) -> None:
        conn = self.conn
        columns = ", ".join(_ADJ_COLUMNS)
        ours = {r[0]: r for r in conn.execute(f"SELECT {columns} FROM main.adjudications")}
        natural = {(r[1], r[2], r[3], r[4]): r[0] for r in ours.values()}
        for row in conn.execute(f"SELECT {columns} FROM other.adjudications").fetchall():
            if row[1] not in mapping:
                continue
            item = dict(zip(_ADJ_COLUMNS, row, strict=True))
            item["article_id"] = mapping[row[1]]
            item["codebook_version"] = versions.get(row[12], row[12])
            key = (item["article_id"], item["field"], item["value"], item["participant"])
            uid = item["adjudication_uid"] if item["adjudication_uid"] in ours else natural.get(
                key)
            if uid is None:
                conn.execute(f"INSERT INTO main.adjudications ({columns}) VALUES "
                             f"({','.join('?' * len(_ADJ_COLUMNS))})",
                             [item[c] for c in _ADJ_COLUMNS])
                summary.adjudications += 1
                continue
            mine = dict(zip(_ADJ_COLUMNS, ours[uid], strict=True))
            changed = [c for c in _ADJ_COLUMNS[3:12] if mine[c] != item[c]]
            if changed and _newer(item["updated_at"], mine["updated_at"],
                                  json.dumps(item, sort_keys=True),
                                  json.dumps(mine, sort_keys=True)):
                assignments = ", ".join(f"{c} = ?" for c in (*changed, "updated_at"))
                conn.execute(f"UPDATE main.adjudications SET {assignments} "
                             "WHERE adjudication_uid = ?",
                             [*(item[c] for c in changed), item["updated_at"], uid])
                summary.adjudications += 1

    def _merge_history(self, summary: MergeSummary, mapping: dict[str, str]) -> None:
        conn = self.conn
        columns = ("changed_at, changed_by, action, what, article_id, annotator, field, "
                   "old_value, new_value")
        seen = {tuple(row) for row in conn.execute(f"SELECT {columns} FROM main.history")}
        rows = []
        for row in conn.execute(f"SELECT {columns} FROM other.history ORDER BY change_id"):
            if row[4] not in mapping:
                continue
            item = (*row[:4], mapping[row[4]], *row[5:])
            if item not in seen:
                seen.add(item)
                rows.append(item)
        conn.executemany(f"INSERT INTO main.history ({columns}) VALUES (?,?,?,?,?,?,?,?,?)",
                         rows)
        summary.history = len(rows)


def _copy_read_only(source: Path, target: Path) -> None:
    """Copy a project file without writing to it (it may be a colleague's or read-only)."""
    try:
        with source.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise AnnotatorError(f"{source}: not an annotator project (not an SQLite file)")
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(target)
            with writer:
                reader.backup(writer)
            writer.close()
        finally:
            reader.close()
    except sqlite3.DatabaseError:
        # A WAL file beside a read-only copy cannot be opened read-only: copy the files.
        shutil.copyfile(source, target)
        for suffix in ("-wal",):
            extra = Path(str(source) + suffix)
            if extra.exists():
                shutil.copyfile(extra, Path(str(target) + suffix))
    except OSError as exc:
        raise AnnotatorError(f"{source}: cannot read ({exc.strerror})") from None
