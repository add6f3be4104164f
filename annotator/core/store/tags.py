"""Tags: what each annotator coded for each article.

A tag is one value of one codebook field for one article by one annotator, with an
optional evidence span (code-point offsets into the body plus the quoted text) and
note.  A tag whose value is NULL means "coded, none" (e.g. no demands); no tag at all
means "not coded".  Every write is one transaction, checked against the codebook, and
the history table (filled by triggers) keeps every old value.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from annotator.core.codebook import Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.names import check_person
from annotator.core.store.base import Store, now
from annotator.core.store.checks import Checks
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.statuses import Statuses
from annotator.core.store.uids import new_uid
from annotator.core.store.who_coded import annotators as who_coded

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


_UNSET = object()


class Tags:
    """``project.tags``: reading an annotator's tags and changing them, one field at a time."""

    def __init__(self, store: Store, codebooks: Codebooks, statuses: Statuses,
                 checks: Checks) -> None:
        self._store = store
        self._codebooks = codebooks
        self._statuses = statuses
        self._checks = checks

    # -- reading -------------------------------------------------------------------
    def find(
        self, article_id: str | None = None, annotator: str | None = None, field: str | None = None
    ) -> list[Tag]:
        """The tags of an article, annotator and field (each left out: any), as stored."""
        clause, params = self._store.where(article_id=article_id, annotator=annotator, field=field)
        sql = f"SELECT {TAG_COLUMNS} FROM tags{clause} ORDER BY tag_id"
        return [Tag(*row) for row in self._store.conn.execute(sql, params)]

    def iter_values(self) -> Iterator[tuple[str, str, str, str | None]]:
        """(article_id, annotator, field, value) of every tag: the lean read for agreement."""
        yield from self._store.conn.execute("SELECT article_id, annotator, field, value FROM tags")

    def coding_batches(self, fields: Sequence[str], annotators: Collection[str] | None = None,
                       size: int = 20_000) -> Iterator[list[tuple[str | None, ...]]]:
        """How each article was coded in ``fields``, ``size`` articles at a time: a row
        per article with tags in them, a column per field holding the JSON array of its
        ``[annotator, value or '' for "coded, none"]`` entries in that field (``[]``: no
        tag there), of ``annotators`` only (None: everyone's).

        Agreement counts these texts: SQLite groups the rows of the index
        ``tags_one_value`` by article in one pass in its order, without a sort and
        without seeking a table row (the plan says ``USING INDEX``, not ``COVERING``,
        but the value is read from the index's ``COALESCE(value, '')`` column and the
        row's deferred seek never happens), so Python handles an article's coding, not
        each tag (measured at 100,000 articles: agreement in half the time of folding
        every tag in Python).  The entries of an array come in the index's order
        (annotator, value), which SQLite does not promise: readers compare them decoded.
        """
        if not fields:
            return
        wanted = list(fields)
        columns = ", ".join(
            "json_group_array(json_array(annotator, COALESCE(value, ''))) "
            "FILTER (WHERE field = ?)" for _ in wanted)
        where = f"field IN ({', '.join('?' * len(wanted))})"
        params: list[str] = [*wanted, *wanted]
        if annotators is not None and not set(annotators) >= set(
                who_coded(self._store.conn)):  # a filter on every tag costs a fifth more
            chosen = list(annotators)
            where += f" AND annotator IN ({', '.join('?' * len(chosen))})"
            params += chosen
        cursor = self._store.conn.execute(
            f"SELECT {columns} FROM tags INDEXED BY tags_one_value WHERE {where} "
            "GROUP BY article_id", params)
        try:
            while batch := cursor.fetchmany(size):
                yield batch
        finally:
            cursor.close()

    def iter_versioned_values_by_article(
            self) -> Iterator[tuple[str, str, str, str | None, int | None]]:
        """(article_id, annotator, field, value, codebook_version) of every tag, the tags of
        one article together: agreement when the project holds several codebook revisions.

        No index holds the version, so the rows are sorted (``+article_id`` keeps SQLite
        from walking an article index and fetching each row from the table: tags are
        stored in the order they were coded, one annotator after another, so those
        fetches jump across the file and grew faster than the corpus when measured)."""
        yield from self._store.conn.execute(
            "SELECT article_id, annotator, field, value, codebook_version FROM tags "
            "ORDER BY +article_id")

    def codebook_versions(self) -> set[int]:
        """The codebook versions tags were coded under."""
        return {int(v) for (v,) in self._store.conn.execute(
            "SELECT DISTINCT codebook_version FROM tags WHERE codebook_version IS NOT NULL")}

    def get(self, tag_id: int) -> Tag:
        row = self._store.one(f"SELECT {TAG_COLUMNS} FROM tags WHERE tag_id = ?", (tag_id,))
        if row is None:
            raise AnnotatorError(Translatable("no tag with id {id}", id=str(tag_id)))
        return Tag(*row)

    def annotators(self) -> list[str]:
        """Everyone with a tag or a status in the project, sorted.

        Sought in the annotator indexes (:mod:`annotator.core.store.who_coded`).
        """
        return who_coded(self._store.conn)

    # -- writing -------------------------------------------------------------------
    def set_choice(self, article_id: str, annotator: str, field_id: str,
                   value: str | None) -> Tag | None:
        """Set a single-choice or text field (replacing its value); ``None`` clears it."""
        spec = self._checks.field(field_id, ("single", "text"))
        with self._store.write():
            existing = self.find(article_id, annotator, field_id)
            if value is None:
                for tag in existing:
                    self._delete(tag.tag_id)
                return None
            self._checks.value(spec, value)
            if existing:
                keep, *extra = existing
                for tag in extra:
                    self._delete(tag.tag_id)
                if keep.value == value:
                    return keep
                # A new value keeps no evidence quoted for the old one.
                return self.update(keep.tag_id, value=value, span=None)
            return self._insert(article_id, annotator, spec, value)

    def add_value(self, article_id: str, annotator: str, field_id: str, value: str, *,
                  participant: str | None = None, role: str | None = None,
                  span: tuple[int, int] | None = None, note: str | None = None) -> Tag:
        """Add one value of a multiple-choice or participants field."""
        spec = self._checks.field(field_id, ("multiple", "participants"))
        self._checks.value(spec, value)
        with self._store.write():
            none_row = self._store.one(
                "SELECT tag_id FROM tags WHERE article_id = ? AND annotator = ? "
                "AND field = ? AND value IS NULL", (article_id, annotator, field_id))
            if none_row:  # "coded, none" no longer holds
                self._delete(none_row[0])
            return self._insert(article_id, annotator, spec, value, participant=participant,
                                role=role, span=span, note=note)

    def remove_value(self, article_id: str, annotator: str, field_id: str, value: str,
                     participant: str | None = None) -> None:
        with self._store.write():
            for tag in self.find(article_id, annotator, field_id):
                if tag.value == value and tag.participant == participant:
                    self._delete(tag.tag_id)

    def mark_none(self, article_id: str, annotator: str, field_id: str) -> Tag:
        """Record "coded, none" for a field (e.g. the article reports no demands)."""
        spec = self._codebooks.active().field(field_id)
        with self._store.write():
            for tag in self.find(article_id, annotator, field_id):
                if tag.value is None:
                    return tag
                self._delete(tag.tag_id)
            return self._insert(article_id, annotator, spec, None)

    def clear_field(self, article_id: str, annotator: str, field_id: str) -> None:
        """Back to "not coded": remove every tag of the field."""
        with self._store.write():
            for tag in self.find(article_id, annotator, field_id):
                self._delete(tag.tag_id)

    def update(self, tag_id: int, *, value: object = _UNSET, participant: object = _UNSET,
               role: object = _UNSET, span: object = _UNSET, note: object = _UNSET) -> Tag:
        """Change parts of a tag; ``span=None`` removes its evidence."""
        with self._store.write():
            tag = self.get(tag_id)
            spec = self._codebooks.active().field(tag.field)
            changes: dict[str, object] = {}
            if value is not _UNSET:
                if value is not None:
                    self._checks.value(spec, str(value))
                changes["value"] = value
            if participant is not _UNSET:
                changes["participant"] = self._checks.participant(spec, participant)
            if role is not _UNSET:
                changes["role"] = self._checks.role(spec, role)
            if span is not _UNSET:
                start, end, quote = self._checks.span(tag.article_id, span)
                changes.update(span_start=start, span_end=end, quote=quote)
            if note is not _UNSET:
                changes["note"] = (str(note).strip() or None) if note is not None else None
            if not changes:
                return tag
            changes["updated_at"] = now()
            changes["codebook_version"] = self._codebooks.active_version()
            assignments = ", ".join(f"{column} = ?" for column in changes)
            try:
                self._store.conn.execute(f"UPDATE tags SET {assignments} WHERE tag_id = ?",
                                         [*changes.values(), tag_id])
            except Exception as exc:  # unique index: that value is already tagged
                raise _integrity(exc) from None
            return self.get(tag_id)

    def restore(self, article_id: str, annotator: str, field_id: str, tags: list[Tag],
                status: str) -> None:
        """Put a field's tags and the article's status back as they were (undo/redo).

        The tags keep their identity (``tag_uid``) and creation time; the history
        records the restore like any other change.
        """
        check_person(annotator)
        with self._store.write() as conn:
            current = {t.tag_uid: t for t in self.find(article_id, annotator, field_id)}
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
            if status != self._statuses.get(article_id, annotator):
                self._statuses.set(article_id, annotator, status)

    # -- internals -----------------------------------------------------------------
    def _insert(self, article_id: str, annotator: str, spec: Field, value: str | None, *,
                participant: object = None, role: object = None, span: object = None,
                note: str | None = None) -> Tag:
        check_person(annotator)
        start, end, quote = self._checks.span(article_id, span)
        stamp = now()
        try:
            cursor = self._store.conn.execute(
                "INSERT INTO tags (tag_uid, article_id, annotator, field, value, participant, "
                "role, span_start, span_end, quote, note, codebook_version, created_at, "
                "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (new_uid(), article_id, annotator, spec.id, value,
                 self._checks.participant(spec, participant), self._checks.role(spec, role),
                 start, end, quote, (note or "").strip() or None,
                 self._codebooks.active_version(), stamp, stamp),
            )
        except Exception as exc:
            raise _integrity(exc) from None
        self._statuses.touch(article_id, annotator)
        return self.get(int(cursor.lastrowid or 0))

    def _delete(self, tag_id: int) -> None:
        self._store.conn.execute("DELETE FROM tags WHERE tag_id = ?", (tag_id,))


def _integrity(exc: Exception) -> Exception:
    if "UNIQUE" in str(exc) and "tags" in str(exc):
        return AnnotatorError(Translatable("that value is already tagged for this article"))
    return exc
