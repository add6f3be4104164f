"""Tags in and out as rows: the long export (one row per tag) and its import.

Import is all-or-nothing: every row is checked first (article, field, value, participant,
role, evidence span against the article text, and a ``tag_uid`` that is no other tag's),
and if any row is wrong nothing from the file is stored and the error names the row.  The
last import can be taken back from the history (:mod:`annotator.core.store.import_undo`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Translatable, message_of
from annotator.core.names import check_person
from annotator.core.store.backups import Backups
from annotator.core.store.base import Store, now
from annotator.core.store.checks import Checks, takes_no_participant
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.import_undo import (
    ImportUndo,
    ImportUndoResult,
    next_change,
    record_import,
    tags_stored,
)
from annotator.core.store.participants import Participants
from annotator.core.store.registry import follow_merges
from annotator.core.store.statuses import Statuses
from annotator.core.store.uids import new_uid

EXPORT_COLUMNS = (
    "article_id", "annotator", "field", "value", "participant", "role",
    "span_start", "span_end", "quote", "note", "created_at", "updated_at",
    "codebook_version", "codebook_id", "tag_uid",
)
REQUIRED_COLUMNS = ("article_id", "annotator", "field", "value")


@dataclass
class TagImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    repointed: int = 0  # rows naming a merged participant, now naming the one it was merged into


class Exchange:
    """``project.exchange``: every tag as a row, and tags stored from rows."""

    def __init__(self, store: Store, codebooks: Codebooks, participants: Participants,
                 statuses: Statuses, checks: Checks, backups: Backups) -> None:
        self._store = store
        self._codebooks = codebooks
        self._participants = participants
        self._statuses = statuses
        self._checks = checks
        self._backups = backups
        self._undo = ImportUndo(store, backups)

    def undo_last_import(self) -> ImportUndoResult:
        """Take the last tag import back from the history (:mod:`.import_undo`)."""
        return self._undo.undo()

    def iter_tag_rows(self) -> Iterator[dict[str, object]]:
        """Every tag as a row of :data:`EXPORT_COLUMNS`, ordered by article and annotator."""
        cursor = self._store.conn.execute(
            "SELECT t.article_id, t.annotator, t.field, t.value, t.participant, t.role, "
            "t.span_start, t.span_end, t.quote, t.note, t.created_at, t.updated_at, "
            "t.codebook_version, c.codebook_id, t.tag_uid FROM tags t "
            "JOIN articles a ON a.article_id = t.article_id "
            "LEFT JOIN codebooks c ON c.version = t.codebook_version "
            "ORDER BY a.article_no, t.annotator, t.field, t.tag_id"
        )
        for row in cursor:
            yield dict(zip(EXPORT_COLUMNS, row, strict=True))

    def import_tag_rows(self, rows: Sequence[tuple[int, dict[str, str]]],
                        where: str = "tags") -> TagImportResult:
        """Store tags from ``(line, row)`` pairs; any bad row stops the whole import."""
        codebook = self._codebooks.active()
        participants = self._participants.ids()
        bodies: dict[str, str | None] = {}
        versions = {int(v) for (v,) in self._store.conn.execute("SELECT version FROM codebooks")}
        checked: list[tuple[int, dict[str, object]]] = []
        uids: dict[str, tuple[int, dict[str, object]]] = {}
        for line, row in rows:
            try:
                item = self._check_row(row, codebook, participants, bodies, versions)
                self._check_uid(item, uids, line)
            except AnnotatorError as exc:
                raise AnnotatorError(_not_stored(where, line, message_of(exc))) from None
            checked.append((line, item))
        result = TagImportResult()
        if checked:  # (each row's change is in the history too: see make_if_due)
            self._backups.make_if_due("before-import-tags", len(checked),
                                      tags_stored(self._store.conn))
        with self._store.write() as conn:
            first = next_change(conn)  # the import's history rows start here
            for line, item in checked:
                try:
                    self._import_row(conn, item, result)
                except (AnnotatorError, sqlite3.IntegrityError) as exc:
                    reason = message_of(exc) if isinstance(exc, AnnotatorError) else (
                        Translatable("it would give the same value twice to one tag"))
                    raise AnnotatorError(_not_stored(where, line, reason)) from None
            # Rows of an old export may name an entry merged into another since: its
            # tags name that one, as every other tag of it does.
            fields = [f.id for f in codebook.fields if f.type == "participants"]
            moved = follow_merges(conn, fields, now())
            result.repointed = moved.tags + moved.folded
            record_import(conn, first, where)  # so that ``undo_last_import`` finds them
        return result

    def _check_uid(self, item: dict[str, object],
                   uids: dict[str, tuple[int, dict[str, object]]], line: int) -> None:
        """Refuse a row whose ``tag_uid`` names another tag.

        A tag's uid is its identity across files, so a row that carries it for another
        article, annotator or field (a row copied by hand that kept its uid) would rewrite
        that tag; and two rows of one file with the same uid but different contents
        would rewrite each other.  Both are mistakes in the file, not edits to take in.
        """
        uid = str(item["tag_uid"])
        seen = uids.get(uid)
        if seen is None:
            uids[uid] = (line, item)
            self._check_uid_owner(self._store.conn, item)
            return
        first_line, first = seen
        if _place(first) != _place(item):
            raise AnnotatorError(Translatable(
                "tag_uid {uid} is already on line {line} for another tag ({tag})",
                uid=repr(uid), line=first_line, tag=_describe(first)))
        if _content(first) != _content(item):
            raise AnnotatorError(Translatable(
                "tag_uid {uid} is already on line {line} with different contents (each tag "
                "once per file)", uid=repr(uid), line=first_line))

    @staticmethod
    def _check_uid_owner(conn: sqlite3.Connection, item: dict[str, object]) -> None:
        same_uid = conn.execute(
            "SELECT article_id, annotator, field FROM tags WHERE tag_uid = ?",
            (item["tag_uid"],)).fetchone()
        if same_uid is not None and tuple(same_uid) != _place(item):
            owner = dict(zip(("article_id", "annotator", "field"), same_uid, strict=True))
            raise AnnotatorError(Translatable("tag_uid {uid} belongs to another tag ({tag})",
                                              uid=repr(item["tag_uid"]), tag=_describe(owner)))

    def _import_row(self, conn: sqlite3.Connection, item: dict[str, object],
                    result: TagImportResult) -> None:
        # Checked before the backup too; again here, inside the transaction, in case
        # another process stored a tag with this uid in between.
        self._check_uid_owner(conn, item)
        # A single-choice field holds one value per annotator: a row replaces it.
        same_value = "" if item["single"] else (
            " AND COALESCE(value, '') = COALESCE(:value, '') "
            "AND COALESCE(participant, '') = COALESCE(:participant, '')")
        existing = conn.execute(
            "SELECT tag_id, value, participant, role, span_start, span_end, note "
            "FROM tags WHERE tag_uid = :tag_uid OR (article_id = :article_id AND "
            f"annotator = :annotator AND field = :field{same_value}) "
            "ORDER BY tag_uid = :tag_uid DESC", item,
        ).fetchone()
        if existing is None:
            conn.execute(
                "INSERT INTO tags (tag_uid, article_id, annotator, field, value, "
                "participant, role, span_start, span_end, quote, note, "
                "codebook_version, created_at, updated_at) VALUES (:tag_uid, "
                ":article_id, :annotator, :field, :value, :participant, :role, "
                ":span_start, :span_end, :quote, :note, :codebook_version, "
                ":created_at, :updated_at)", item)
            self._statuses.touch(str(item["article_id"]), str(item["annotator"]))
            result.added += 1
        elif tuple(existing[1:]) == (item["value"], item["participant"], item["role"],
                                     item["span_start"], item["span_end"], item["note"]):
            result.unchanged += 1
        else:
            conn.execute(
                "UPDATE tags SET value = :value, participant = :participant, "
                "role = :role, span_start = :span_start, span_end = :span_end, "
                "quote = :quote, note = :note, updated_at = :updated_at "
                "WHERE tag_id = :tag_id", {**item, "tag_id": existing[0]})
            result.updated += 1

    def _check_row(self, row: dict[str, str], codebook, participants: set[str],  # type: ignore[no-untyped-def]
                   bodies: dict[str, str | None], versions: set[int]) -> dict[str, object]:
        def cell(name: str) -> str:
            return (row.get(name) or "").strip()

        article_id, annotator, field_id = cell("article_id"), cell("annotator"), cell("field")
        if not article_id:
            raise AnnotatorError(Translatable("article_id is empty"))
        if article_id not in bodies:
            body = self._store.scalar("SELECT body FROM articles WHERE article_id = ?",
                                      (article_id,))
            bodies[article_id] = None if body is None else str(body)
        body = bodies[article_id]
        if body is None:
            raise AnnotatorError(Translatable("unknown article {id} (import the corpus first)",
                                              id=repr(article_id)))
        if not annotator:
            raise AnnotatorError(Translatable("annotator is empty"))
        check_person(annotator)  # before the backup: a bad name stops the file at once
        if not codebook.has_field(field_id):
            raise AnnotatorError(Translatable("unknown field {field} (the codebook has: {known})",
                                              field=repr(field_id),
                                              known=Listing(f.id for f in codebook.fields)))
        spec = codebook.field(field_id)
        raw_value = row.get("value") or ""
        value: str | None = raw_value if spec.type == "text" else raw_value.strip()
        if not (value or "").strip():
            value = None  # coded, none
        if value is not None:
            self._checks.value(spec, value, allow_retired=True)
        participant = cell("participant") or None
        if participant is not None:
            if not spec.with_participant:
                raise AnnotatorError(takes_no_participant(field_id))
            if participant not in participants:
                raise AnnotatorError(Translatable("unknown participant {id}",
                                                  id=repr(participant)))
        role = self._checks.role(spec, cell("role") or None)
        start_text, end_text = cell("span_start"), cell("span_end")
        quote = row.get("quote") or None
        start = end = None
        if start_text or end_text:
            try:
                start, end = int(start_text), int(end_text)
            except ValueError:
                raise AnnotatorError(Translatable(
                    "span_start/span_end '{start}'/'{end}' are not whole numbers",
                    start=start_text, end=end_text)) from None
            if not 0 <= start < end <= len(body):
                raise AnnotatorError(Translatable(
                    "evidence span {start}-{end} is outside the article", start=start,
                    end=end))
            if quote is not None and body[start:end] != quote:
                raise AnnotatorError(Translatable(
                    "evidence span {start}-{end} does not match its quote {quote}",
                    start=start, end=end, quote=repr(quote)))
            quote = body[start:end]
        elif quote:
            raise AnnotatorError(Translatable("a quote without span_start and span_end"))
        version_text = cell("codebook_version")
        version = int(version_text) if version_text.isdecimal() and version_text.isascii() else None
        if version not in versions:
            version = self._codebooks.active_version()
        stamp = cell("updated_at") or None
        return {
            "tag_uid": cell("tag_uid") or new_uid(),
            "article_id": article_id, "annotator": annotator, "field": field_id,
            "value": value, "participant": participant, "role": role,
            "span_start": start, "span_end": end, "quote": quote,
            "note": (row.get("note") or "").strip() or None,
            "codebook_version": version,
            "single": spec.type in ("single", "text"),
            "created_at": cell("created_at") or stamp or now(),
            "updated_at": stamp or now(),
        }


def _place(item: dict[str, object]) -> tuple[object, object, object]:
    return item["article_id"], item["annotator"], item["field"]


def _content(item: dict[str, object]) -> tuple[object, ...]:
    return tuple(item[k] for k in ("value", "participant", "role", "span_start", "span_end",
                                   "note"))


def _describe(item: dict[str, object]) -> str:
    return Translatable("article {article}, annotator {annotator}, field {field}",
                        article=repr(item["article_id"]), annotator=repr(item["annotator"]),
                        field=repr(item["field"]))


def _not_stored(where: str, line: int, reason: str) -> Translatable:
    return Translatable("{path}:{line}: {reason}; nothing from this file was stored",
                        path=where, line=str(line), reason=reason)
