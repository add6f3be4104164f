"""Taking the last tag import back, from the history (``import-tags --undo``).

A tag import that is small beside the project makes no backup (see
:meth:`Backups.make_if_due`): the way back is the history, where the triggers keep every
change to a tag or a status with its old and new row.  The import notes, inside its own
write transaction, which history rows it made (:func:`record_import`: the first and last
``change_id``, when, from which file, how many); writes are serialised, so every history
row between those two is the import's, the re-pointing of merged participants and the
statuses it touched included.  The note is one JSON value in ``project_settings``; a
later import that changes anything replaces it, so only the last one can be taken back.

:meth:`ImportUndo.undo` reverts those rows newest first in one write transaction: a tag
the import added is removed, a tag it changed gets its old values back, a tag it removed
comes back (same ``tag_uid``), a status it set goes back to what it was.  Like a
session's undo, a tag or status put back is stamped with the time of the undo (so a
merge takes the undo as the newest edit), and the triggers record the undo in the history
too.  It is refused, with nothing changed, when anything it would revert was changed
after the import (its state is not the one the import left).  Adjudications the import's
re-pointing touched are left naming the entry the participant was merged into: that
follows the registry, not the file.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.store.backups import Backups
from annotator.core.store.base import Store, now

RECORD_KEY = "last_tag_import"
# The columns a tag's history row keeps (besides article, annotator and field), as the
# triggers of 0001 write them.
_TAG_COLUMNS = ("tag_uid", "value", "participant", "role", "span_start", "span_end", "quote",
                "note", "codebook_version")


@dataclass(frozen=True)
class ImportRecord:
    """The last tag import as noted in the project: its history rows and where from."""

    first: int  # the first change_id it could have made
    last: int  # the last change_id it made (first - 1: it changed nothing)
    changes: int  # how many tag and status rows of the history it made
    at: str  # when (as stored: ISO 8601, UTC)
    where: str  # the file it read


@dataclass(frozen=True)
class ImportUndoResult:
    """What an undo of a tag import did."""

    where: str
    at: str
    removed: int = 0  # tags the import added, removed again
    restored: int = 0  # tags it changed or removed, back as they were
    statuses: int = 0  # statuses back as they were


def tags_stored(conn: sqlite3.Connection) -> int:
    """The tags ever stored, as the project's size for :meth:`Backups.make_if_due`: read
    off the primary key, where counting them would read every row."""
    return int(conn.execute("SELECT COALESCE(MAX(tag_id), 0) FROM tags").fetchone()[0])


def next_change(conn: sqlite3.Connection) -> int:
    """The ``change_id`` the next history row will get (call inside the transaction)."""
    return int(conn.execute("SELECT COALESCE(MAX(change_id), 0) FROM history")
               .fetchone()[0]) + 1


def record_import(conn: sqlite3.Connection, first: int, where: str) -> None:
    """Note that the history rows from ``first`` on are a tag import of ``where``.

    Runs in the import's transaction, after its last write.  An import that changed
    nothing leaves the note of the one before it: that is still the last one to take back.
    """
    last = next_change(conn) - 1
    changes = int(conn.execute(
        "SELECT COUNT(*) FROM history WHERE change_id BETWEEN ? AND ? "
        "AND what IN ('tag', 'status')", (first, last)).fetchone()[0])
    if not changes:
        return
    value = json.dumps({"first": first, "last": last, "changes": changes, "at": now(),
                        "where": where}, ensure_ascii=False)
    conn.execute("INSERT INTO project_settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (RECORD_KEY, value))


@dataclass
class _Plan:
    record: ImportRecord
    rows: list[tuple[Any, ...]]  # (change_id, action, what, article, annotator, field, old, new)
    removed: int
    restored: int
    statuses: int


class ImportUndo:
    """``project.exchange.undo_last_import``: the last tag import, taken back."""

    def __init__(self, store: Store, backups: Backups) -> None:
        self._store = store
        self._backups = backups

    def last(self) -> ImportRecord | None:
        """The last tag import that can be taken back; None when there is none."""
        return _read_record(self._store.conn)

    def undo(self) -> ImportUndoResult:
        """Revert the last tag import (see the module's docstring); one clear line, with
        nothing changed, when there is none or something it made was changed since."""
        plan = _plan(self._store.conn)
        self._backups.make_if_due("before-undo-import", len(plan.rows),
                                  tags_stored(self._store.conn))
        with self._store.write() as conn:
            plan = _plan(conn)  # again, inside: another window may have written meanwhile
            stamp = now()
            for row in reversed(plan.rows):
                try:
                    _revert(conn, row, stamp, plan.record.first)
                except sqlite3.IntegrityError:
                    raise AnnotatorError(_changed_since(plan.record, _tag_place(row))) from None
            conn.execute("DELETE FROM project_settings WHERE key = ?", (RECORD_KEY,))
        return ImportUndoResult(plan.record.where, plan.record.at, plan.removed,
                                plan.restored, plan.statuses)


def _read_record(conn: sqlite3.Connection) -> ImportRecord | None:
    found = conn.execute("SELECT value FROM project_settings WHERE key = ?",
                         (RECORD_KEY,)).fetchone()
    if found is None:
        return None
    try:
        data = json.loads(found[0])
        return ImportRecord(int(data["first"]), int(data["last"]), int(data["changes"]),
                            str(data["at"]), str(data["where"]))
    except (ValueError, TypeError, KeyError):
        return None  # not a note this version wrote: nothing it can take back


def _plan(conn: sqlite3.Connection) -> _Plan:
    """The import's history rows, after checking that what they left is still there."""
    record = _read_record(conn)
    if record is None:
        raise AnnotatorError(Translatable("there is no tag import to undo; nothing was "
                                          "changed"))
    rows = conn.execute(
        "SELECT change_id, action, what, article_id, annotator, field, old_value, new_value "
        "FROM history WHERE change_id BETWEEN ? AND ? AND what IN ('tag', 'status') "
        "ORDER BY change_id", (record.first, record.last)).fetchall()
    if len(rows) != record.changes:
        raise AnnotatorError(Translatable(
            "cannot undo the tag import of {file}: its history is not complete any more; "
            "nothing was undone", file=record.where))
    # What the import left: each tag (by uid) and status as its last row says.
    tags: dict[str, tuple[tuple[Any, ...], dict[str, Any] | None]] = {}
    first_action: dict[str, str] = {}
    statuses: dict[tuple[str, str], tuple[str | None, str]] = {}
    for row in rows:
        _cid, action, what, article, annotator, _field, old, new = row
        if what == "status":
            before = statuses.get((article, annotator), (old, ""))[0]
            statuses[(article, annotator)] = (before, str(new))
            continue
        uid = str(json.loads(new or old)["tag_uid"])
        first_action.setdefault(uid, action)
        tags[uid] = (row, None if action == "removed" else json.loads(new))
    for uid, (row, left) in tags.items():
        if not _tag_as_left(conn, uid, row, left):
            raise AnnotatorError(_changed_since(record, _tag_place(row)))
    for (article, annotator), (_before, left_status) in statuses.items():
        current = conn.execute(
            "SELECT status FROM article_status WHERE article_id = ? AND annotator = ?",
            (article, annotator)).fetchone()
        if current is None or current[0] != left_status:
            raise AnnotatorError(Translatable(
                "cannot undo the tag import of {file}: the status of article {article} for "
                "annotator {annotator} was changed after it; nothing was undone",
                file=record.where, article=repr(article), annotator=repr(annotator)))
    removed = sum(1 for uid, (_row, left) in tags.items()
                  if first_action[uid] == "added" and left is not None)
    restored = sum(1 for uid in tags if first_action[uid] != "added")
    changed = sum(1 for before, after in statuses.values() if (before or "not_started")
                  != after)
    return _Plan(record, rows, removed, restored, changed)


def _tag_as_left(conn: sqlite3.Connection, uid: str, row: tuple[Any, ...],
                 left: dict[str, Any] | None) -> bool:
    current = conn.execute(
        f"SELECT article_id, annotator, field, {', '.join(_TAG_COLUMNS)} FROM tags "
        "WHERE tag_uid = ?", (uid,)).fetchone()
    if left is None or current is None:
        return left is None and current is None
    _cid, _action, _what, article, annotator, field, _old, _new = row
    return tuple(current) == (article, annotator, field, *(left.get(c) for c in _TAG_COLUMNS))


def _revert(conn: sqlite3.Connection, row: tuple[Any, ...], stamp: str, first: int) -> None:
    """Undo one history row of the import."""
    _cid, action, what, article, annotator, field, old, new = row
    if what == "status":
        # Back to "not started" rather than no row: the change is in the history then,
        # and a merge takes it as the newest word on the status (as a session's undo).
        conn.execute("UPDATE article_status SET status = ?, updated_at = ? "
                     "WHERE article_id = ? AND annotator = ?",
                     (old if action == "changed" else "not_started", stamp, article,
                      annotator))
        return
    if action == "added":
        conn.execute("DELETE FROM tags WHERE tag_uid = ?", (json.loads(new)["tag_uid"],))
        return
    before = json.loads(old)
    values = [before.get(c) for c in _TAG_COLUMNS[1:]]
    if action == "changed":
        conn.execute(
            "UPDATE tags SET value = ?, participant = ?, role = ?, span_start = ?, "
            "span_end = ?, quote = ?, note = ?, codebook_version = ?, updated_at = ? "
            "WHERE tag_uid = ?", (*values, stamp, before["tag_uid"]))
        return
    # Removed (folded into its twin by the re-pointing): back, with when it was first
    # stored as far as the history knows.
    created = conn.execute(
        "SELECT MIN(changed_at) FROM history WHERE article_id = ? AND annotator = ? "
        "AND what = 'tag' AND change_id < ? "
        "AND json_extract(COALESCE(new_value, old_value), '$.tag_uid') = ?",
        (article, annotator, first, before["tag_uid"])).fetchone()[0]
    conn.execute(
        "INSERT INTO tags (tag_uid, article_id, annotator, field, value, participant, role, "
        "span_start, span_end, quote, note, codebook_version, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (before["tag_uid"], article, annotator, field, *values, created or stamp, stamp))


def _tag_place(row: tuple[Any, ...]) -> tuple[str, str, str]:
    return str(row[3]), str(row[4]), str(row[5])


def _changed_since(record: ImportRecord, place: tuple[str, str, str]) -> Translatable:
    article, annotator, field = place
    return Translatable(
        "cannot undo the tag import of {file}: article {article}, annotator {annotator}, "
        "field {field} was changed after it; nothing was undone", file=record.where,
        article=repr(article), annotator=repr(annotator), field=repr(field))
