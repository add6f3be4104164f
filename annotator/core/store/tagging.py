"""Tags and statuses: what each annotator coded for each article.

A tag is one value of one codebook field for one article by one annotator, with an
optional evidence span (code-point offsets into the body plus the quoted text) and
note.  A tag whose value is NULL means "coded, none" (e.g. no demands); no tag at all
means "not coded".  Every write is one transaction, checked against the codebook, and
the history table (filled by triggers) keeps every old value.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from annotator.core.codebook import Codebook, Field
from annotator.core.errors import AnnotatorError
from annotator.core.names import check_person
from annotator.core.store.articles import STATUSES, ArticlesMixin
from annotator.core.store.base import now

TAG_COLUMNS = (
    "tag_id, tag_uid, article_id, annotator, field, value, participant, role, "
    "span_start, span_end, quote, note, codebook_version, created_at, updated_at"
)


@dataclass(frozen=True)
class Tag:
    tag_id: int
    tag_uid: str
    article_id: str
    annotator: str
    field: str
    value: str | None  # None: coded, none
    participant: str | None
    role: str | None
    span_start: int | None
    span_end: int | None
    quote: str | None
    note: str | None
    codebook_version: int | None
    created_at: str
    updated_at: str

    @property
    def has_span(self) -> bool:
        return self.span_start is not None


@dataclass(frozen=True)
class Change:
    """One row of the history: who changed what, when, and the old and new value."""

    change_id: int
    changed_at: str
    changed_by: str
    action: str
    what: str
    article_id: str
    annotator: str
    field: str | None
    old_value: str | None
    new_value: str | None


_UNSET = object()


class TaggingMixin(ArticlesMixin):
    # Provided by the project: the active codebook, its version, and participant ids.
    def codebook(self) -> Codebook:  # pragma: no cover - overridden
        raise NotImplementedError

    def codebook_version(self) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    def participant_ids(self) -> set[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    # -- reading -------------------------------------------------------------------
    def tags(
        self, article_id: str | None = None, annotator: str | None = None, field: str | None = None
    ) -> list[Tag]:
        clause, params = self.where(article_id=article_id, annotator=annotator, field=field)
        sql = f"SELECT {TAG_COLUMNS} FROM tags{clause} ORDER BY tag_id"
        return [Tag(*row) for row in self.conn.execute(sql, params)]

    def tag_values(self) -> Iterator[tuple[str, str, str, str | None]]:
        """(article_id, annotator, field, value) of every tag: the lean read for agreement."""
        yield from self.conn.execute("SELECT article_id, annotator, field, value FROM tags")

    def tag(self, tag_id: int) -> Tag:
        row = self.one(f"SELECT {TAG_COLUMNS} FROM tags WHERE tag_id = ?", (tag_id,))
        if row is None:
            raise AnnotatorError(f"no tag with id {tag_id}")
        return Tag(*row)

    def annotators(self) -> list[str]:
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT annotator FROM tags UNION SELECT annotator FROM article_status "
                "ORDER BY 1"
            )
        ]

    # -- writing -------------------------------------------------------------------
    def set_choice(self, article_id: str, annotator: str, field_id: str,
                   value: str | None) -> Tag | None:
        """Set a single-choice or text field (replacing its value); ``None`` clears it."""
        spec = self._field(field_id, ("single", "text"))
        with self.write():
            existing = self.tags(article_id, annotator, field_id)
            if value is None:
                for tag in existing:
                    self._delete(tag.tag_id)
                return None
            self._check_value(spec, value)
            if existing:
                keep, *extra = existing
                for tag in extra:
                    self._delete(tag.tag_id)
                if keep.value == value:
                    return keep
                # A new value keeps no evidence quoted for the old one.
                return self.update_tag(keep.tag_id, value=value, span=None)
            return self._insert(article_id, annotator, spec, value)

    def add_value(self, article_id: str, annotator: str, field_id: str, value: str, *,
                  participant: str | None = None, role: str | None = None,
                  span: tuple[int, int] | None = None, note: str | None = None) -> Tag:
        """Add one value of a multiple-choice or participants field."""
        spec = self._field(field_id, ("multiple", "participants"))
        self._check_value(spec, value)
        with self.write():
            none_row = self.one(
                "SELECT tag_id FROM tags WHERE article_id = ? AND annotator = ? "
                "AND field = ? AND value IS NULL", (article_id, annotator, field_id))
            if none_row:  # "coded, none" no longer holds
                self._delete(none_row[0])
            return self._insert(article_id, annotator, spec, value, participant=participant,
                                role=role, span=span, note=note)

    def remove_value(self, article_id: str, annotator: str, field_id: str, value: str,
                     participant: str | None = None) -> None:
        with self.write():
            for tag in self.tags(article_id, annotator, field_id):
                if tag.value == value and tag.participant == participant:
                    self._delete(tag.tag_id)

    def mark_none(self, article_id: str, annotator: str, field_id: str) -> Tag:
        """Record "coded, none" for a field (e.g. the article reports no demands)."""
        spec = self.codebook().field(field_id)
        with self.write():
            for tag in self.tags(article_id, annotator, field_id):
                if tag.value is None:
                    return tag
                self._delete(tag.tag_id)
            return self._insert(article_id, annotator, spec, None)

    def clear_field(self, article_id: str, annotator: str, field_id: str) -> None:
        """Back to "not coded": remove every tag of the field."""
        with self.write():
            for tag in self.tags(article_id, annotator, field_id):
                self._delete(tag.tag_id)

    def update_tag(self, tag_id: int, *, value: object = _UNSET, participant: object = _UNSET,
                   role: object = _UNSET, span: object = _UNSET, note: object = _UNSET) -> Tag:
        """Change parts of a tag; ``span=None`` removes its evidence."""
        with self.write():
            tag = self.tag(tag_id)
            spec = self.codebook().field(tag.field)
            changes: dict[str, object] = {}
            if value is not _UNSET:
                if value is not None:
                    self._check_value(spec, str(value))
                changes["value"] = value
            if participant is not _UNSET:
                changes["participant"] = self._check_participant(spec, participant)
            if role is not _UNSET:
                changes["role"] = self._check_role(spec, role)
            if span is not _UNSET:
                start, end, quote = self._check_span(tag.article_id, span)
                changes.update(span_start=start, span_end=end, quote=quote)
            if note is not _UNSET:
                changes["note"] = (str(note).strip() or None) if note is not None else None
            if not changes:
                return tag
            changes["updated_at"] = now()
            changes["codebook_version"] = self.codebook_version()
            assignments = ", ".join(f"{column} = ?" for column in changes)
            try:
                self.conn.execute(f"UPDATE tags SET {assignments} WHERE tag_id = ?",
                                  [*changes.values(), tag_id])
            except Exception as exc:  # unique index: that value is already tagged
                raise _integrity(exc) from None
            return self.tag(tag_id)

    def remove_tag(self, tag_id: int) -> None:
        with self.write():
            self.tag(tag_id)
            self._delete(tag_id)

    def restore(self, article_id: str, annotator: str, field_id: str, tags: list[Tag],
                status: str) -> None:
        """Put a field's tags and the article's status back as they were (undo/redo).

        The tags keep their identity (``tag_uid``) and creation time; the history
        records the restore like any other change.
        """
        check_person(annotator)
        with self.write() as conn:
            current = {t.tag_uid: t for t in self.tags(article_id, annotator, field_id)}
            wanted = {t.tag_uid: t for t in tags}
            for uid, tag in current.items():
                if uid not in wanted:
                    self._delete(tag.tag_id)
            stamp = now()
            for uid, tag in wanted.items():
                same = current.get(uid)
                columns = (tag.value, tag.participant, tag.role, tag.span_start, tag.span_end,
                           tag.quote, tag.note)
                if same is not None:
                    if (same.value, same.participant, same.role, same.span_start, same.span_end,
                            same.quote, same.note) != columns:
                        conn.execute(
                            "UPDATE tags SET value = ?, participant = ?, role = ?, "
                            "span_start = ?, span_end = ?, quote = ?, note = ?, updated_at = ? "
                            "WHERE tag_id = ?", (*columns, stamp, same.tag_id))
                    continue
                conn.execute(
                    "INSERT INTO tags (tag_uid, article_id, annotator, field, value, "
                    "participant, role, span_start, span_end, quote, note, codebook_version, "
                    "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (uid, article_id, annotator, field_id, *columns, tag.codebook_version,
                     tag.created_at, stamp))
            if status != self.status(article_id, annotator):
                self.set_status(article_id, annotator, status)

    # -- status --------------------------------------------------------------------
    def set_status(self, article_id: str, annotator: str, status: str) -> None:
        if status not in STATUSES:
            raise AnnotatorError(f"unknown status '{status}' (use one of: {', '.join(STATUSES)})")
        check_person(annotator)
        with self.write():
            self._require_article(article_id)
            self.conn.execute(
                "INSERT INTO article_status (article_id, annotator, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator) "
                "DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                (article_id, annotator, status, now()),
            )

    def status(self, article_id: str, annotator: str) -> str:
        value = self.scalar(
            "SELECT status FROM article_status WHERE article_id = ? AND annotator = ?",
            (article_id, annotator),
        )
        return str(value) if value else "not_started"

    def status_counts(self, annotator: str) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for status, count in self.conn.execute(
            "SELECT status, COUNT(*) FROM article_status WHERE annotator = ? GROUP BY status",
            (annotator,),
        ):
            counts[status] = count
        counts["not_started"] = self.article_count() - sum(counts.values())
        return counts

    def history(self, article_id: str | None = None, annotator: str | None = None) -> list[Change]:
        clause, params = self.where(article_id=article_id, annotator=annotator)
        sql = f"SELECT * FROM history{clause} ORDER BY change_id"
        return [Change(*row) for row in self.conn.execute(sql, params)]

    # -- internals -----------------------------------------------------------------
    def _field(self, field_id: str, kinds: tuple[str, ...]) -> Field:
        spec = self.codebook().field(field_id)
        if spec.type not in kinds:
            raise AnnotatorError(f"field '{field_id}' is a {spec.type} field")
        return spec

    def _require_article(self, article_id: str) -> str:
        body = self.scalar("SELECT body FROM articles WHERE article_id = ?", (article_id,))
        if body is None:
            raise AnnotatorError(f"no article with id '{article_id}' in the project")
        return str(body)

    def _check_value(self, spec: Field, value: str, allow_retired: bool = False) -> None:
        if spec.type in ("single", "multiple"):
            category = spec.category(value)
            if category is None or (category.retired and not allow_retired):
                allowed = ", ".join(c.id for c in spec.active_categories)
                raise AnnotatorError(
                    f"{value!r} is not a value of field '{spec.id}' (allowed: {allowed})"
                )
        elif spec.type == "participants":
            if value not in self.participant_ids():
                raise AnnotatorError(
                    f"{value!r} is not in the participants registry (add it first)"
                )
        elif not value.strip():
            raise AnnotatorError(f"field '{spec.id}': the text is empty")

    def _check_participant(self, spec: Field, participant: object) -> str | None:
        if participant is None:
            return None
        if not spec.attributable:
            raise AnnotatorError(f"field '{spec.id}' values are not attributed to participants")
        if str(participant) not in self.participant_ids():
            raise AnnotatorError(f"'{participant}' is not in the participants registry")
        return str(participant)

    def _check_role(self, spec: Field, role: object) -> str | None:
        if role is None:
            return None
        if spec.role(str(role)) is None:
            allowed = ", ".join(r.id for r in spec.roles) or "none"
            raise AnnotatorError(
                f"'{role}' is not a role of field '{spec.id}' (allowed: {allowed})"
            )
        return str(role)

    def _check_span(self, article_id: str, span: object,
                    quote: str | None = None) -> tuple[int | None, int | None, str | None]:
        body = self._require_article(article_id)
        if span is None:
            return None, None, None
        try:
            start, end = (int(v) for v in span)  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            raise AnnotatorError(f"evidence span {span!r} must be two offsets") from None
        if not 0 <= start < end <= len(body):
            raise AnnotatorError(
                f"evidence span {start}-{end} is outside article '{article_id}' "
                f"({len(body)} characters)"
            )
        if quote is not None and body[start:end] != quote:
            raise AnnotatorError(
                f"evidence span {start}-{end} of article '{article_id}' does not match its "
                f"quoted text {quote!r} (the text there is {body[start:end]!r})"
            )
        return start, end, body[start:end]

    def _insert(self, article_id: str, annotator: str, spec: Field, value: str | None, *,
                participant: object = None, role: object = None, span: object = None,
                note: str | None = None, uid: str | None = None) -> Tag:
        check_person(annotator)
        self._require_article(article_id)
        start, end, quote = self._check_span(article_id, span)
        stamp = now()
        try:
            cursor = self.conn.execute(
                "INSERT INTO tags (tag_uid, article_id, annotator, field, value, participant, "
                "role, span_start, span_end, quote, note, codebook_version, created_at, "
                "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (uid or uuid.uuid4().hex, article_id, annotator, spec.id, value,
                 self._check_participant(spec, participant), self._check_role(spec, role),
                 start, end, quote, (note or "").strip() or None, self.codebook_version(),
                 stamp, stamp),
            )
        except Exception as exc:
            raise _integrity(exc) from None
        self._touch_status(article_id, annotator)
        return self.tag(int(cursor.lastrowid or 0))

    def _delete(self, tag_id: int) -> None:
        self.conn.execute("DELETE FROM tags WHERE tag_id = ?", (tag_id,))

    def _touch_status(self, article_id: str, annotator: str) -> None:
        """Tagging an article that was not started puts it in progress.

        Every new (article, annotator) pair passes here, tag CSV rows too: the name is
        checked again so that no path stores a name the listings cannot show.
        """
        check_person(annotator)
        self.conn.execute(
            "INSERT INTO article_status (article_id, annotator, status, updated_at) "
            "VALUES (?, ?, 'in_progress', ?) ON CONFLICT (article_id, annotator) DO UPDATE "
            "SET status = 'in_progress', updated_at = excluded.updated_at "
            "WHERE article_status.status = 'not_started'",
            (article_id, annotator, now()),
        )


def _integrity(exc: Exception) -> Exception:
    if "UNIQUE" in str(exc) and "tags" in str(exc):
        return AnnotatorError("that value is already tagged for this article")
    return exc
