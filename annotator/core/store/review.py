"""Review: the queue of articles coded by several annotators, adjudication and comments.

Adjudicated tags live in their own table with the reviewer, time and an optional
comment; they never change an annotator's own tags.  The review queue sorts articles
coded by two or more annotators by how many fields they disagree on.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.names import check_person
from annotator.core.store.articles import Articles
from annotator.core.store.base import Store, now
from annotator.core.store.checks import Checks
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.tags import Tag, Tags

ADJUDICATED = "adjudicated"
_ADJUDICATION_COLUMNS = (
    "adjudication_id, adjudication_uid, article_id, field, value, participant, role, "
    "span_start, span_end, quote, source_annotator, reviewer, comment, codebook_version, "
    "created_at, updated_at"
)


@dataclass(frozen=True)
class Adjudication:
    adjudication_id: int
    adjudication_uid: str
    article_id: str
    field: str
    value: str | None
    participant: str | None
    role: str | None
    span_start: int | None
    span_end: int | None
    quote: str | None
    source_annotator: str | None
    reviewer: str
    comment: str | None
    codebook_version: int | None
    created_at: str
    updated_at: str

    def as_tag(self) -> Tag:
        """The adjudicated value as a tag of the pseudo-annotator ``adjudicated``."""
        return Tag(-self.adjudication_id, self.adjudication_uid, self.article_id, ADJUDICATED,
                   self.field, self.value, self.participant, self.role, self.span_start,
                   self.span_end, self.quote, self.comment, self.codebook_version,
                   self.created_at, self.updated_at)


@dataclass(frozen=True)
class AdjudicatedValue:
    """One value a reviewer decides on (``value`` None: the field is adjudicated as none)."""

    value: str | None
    participant: str | None = None
    role: str | None = None
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Comment:
    comment_uid: str
    article_id: str
    author: str
    text: str
    created_at: str


@dataclass(frozen=True)
class ReviewItem:
    """An article coded by several annotators, with the fields they disagree on."""

    article_id: str
    title: str
    annotators: tuple[str, ...]
    disagreements: tuple[str, ...]  # field ids
    adjudicated: tuple[str, ...]  # field ids with an adjudication


class Review:
    """``project.review``: adjudicated values, comments, and the queue of articles to review."""

    def __init__(self, store: Store, codebooks: Codebooks, articles: Articles, tags: Tags,
                 checks: Checks) -> None:
        self._store = store
        self._codebooks = codebooks
        self._articles = articles
        self._tags = tags
        self._checks = checks

    # -- adjudication ---------------------------------------------------------------
    def adjudications(self, article_id: str | None = None,
                      field: str | None = None) -> list[Adjudication]:
        clause, params = self._store.where(article_id=article_id, field=field)
        sql = f"SELECT {_ADJUDICATION_COLUMNS} FROM adjudications{clause} ORDER BY adjudication_id"
        return [Adjudication(*row) for row in self._store.conn.execute(sql, params)]

    def adjudicated_tags(self) -> Iterator[Tag]:
        """Every adjudicated value as a tag of annotator ``adjudicated`` (for exports)."""
        for row in self._store.conn.execute(
            f"SELECT {_ADJUDICATION_COLUMNS} FROM adjudications "
            "ORDER BY article_id, field, adjudication_id"
        ):
            yield Adjudication(*row).as_tag()

    def adjudicate(self, article_id: str, field_id: str, values: Sequence[AdjudicatedValue],
                   reviewer: str, comment: str | None = None,
                   source_annotator: str | None = None) -> list[Adjudication]:
        """Decide the adjudicated values of one field of one article (replacing earlier ones)."""
        check_person(reviewer.strip(), "reviewer's name")
        spec = self._codebooks.active().field(field_id)
        if spec.type in ("single", "text") and len(values) > 1:
            raise AnnotatorError(Translatable("field '{field}' takes one value",
                                              field=field_id))
        with self._store.write() as conn:
            self._articles.body(article_id)
            existing = {(a.value, a.participant): a for a in self.adjudications(article_id,
                                                                                 field_id)}
            wanted = []
            for item in values:
                if item.value is not None:
                    self._checks.value(spec, item.value, allow_retired=True)
                participant = self._checks.participant(spec, item.participant)
                role = self._checks.role(spec, item.role)
                start, end, quote = self._checks.span(article_id, item.span)
                wanted.append((item.value, participant, role, start, end, quote))
            stamp = now()
            keys = {(w[0], w[1]) for w in wanted}
            for key, gone in existing.items():
                if key not in keys:
                    conn.execute("DELETE FROM adjudications WHERE adjudication_id = ?",
                                 (gone.adjudication_id,))
            note = (comment or "").strip() or None
            for value, participant, role, start, end, quote in wanted:
                old = existing.get((value, participant))
                if old is None:
                    conn.execute(
                        "INSERT INTO adjudications (adjudication_uid, article_id, field, value, "
                        "participant, role, span_start, span_end, quote, source_annotator, "
                        "reviewer, comment, codebook_version, created_at, updated_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (uuid.uuid4().hex, article_id, field_id, value, participant, role,
                         start, end, quote, source_annotator, reviewer.strip(), note,
                         self._codebooks.active_version(), stamp, stamp))
                elif (old.role, old.span_start, old.span_end, old.source_annotator,
                      old.reviewer, old.comment) != (role, start, end, source_annotator,
                                                     reviewer.strip(), note):
                    conn.execute(
                        "UPDATE adjudications SET role = ?, span_start = ?, span_end = ?, "
                        "quote = ?, source_annotator = ?, reviewer = ?, comment = ?, "
                        "updated_at = ? WHERE adjudication_id = ?",
                        (role, start, end, quote, source_annotator, reviewer.strip(), note,
                         stamp, old.adjudication_id))
        return self.adjudications(article_id, field_id)

    def accept(self, article_id: str, field_id: str, annotator: str, reviewer: str,
               comment: str | None = None) -> list[Adjudication]:
        """Adopt ``annotator``'s values of a field as the adjudicated ones."""
        tags = self._tags.find(article_id, annotator, field_id)
        if not tags:
            raise AnnotatorError(Translatable("{annotator} did not code '{field}' for this "
                                              "article", annotator=annotator, field=field_id))
        values = [AdjudicatedValue(t.value, t.participant, t.role,
                             (t.span_start, t.span_end) if t.span_start is not None
                             and t.span_end is not None else None) for t in tags]
        return self.adjudicate(article_id, field_id, values, reviewer, comment, annotator)

    def clear_adjudication(self, article_id: str, field_id: str) -> None:
        with self._store.write() as conn:
            conn.execute("DELETE FROM adjudications WHERE article_id = ? AND field = ?",
                         (article_id, field_id))

    # -- comments -------------------------------------------------------------------
    def comments(self, article_id: str) -> list[Comment]:
        return [Comment(*row) for row in self._store.conn.execute(
            "SELECT comment_uid, article_id, author, text, created_at FROM comments "
            "WHERE article_id = ? ORDER BY created_at, comment_id", (article_id,))]

    def add_comment(self, article_id: str, author: str, text: str) -> Comment:
        if not text.strip():
            raise AnnotatorError(Translatable("the comment is empty"))
        check_person(author.strip(), "author's name")
        with self._store.write() as conn:
            self._articles.body(article_id)
            uid, stamp = uuid.uuid4().hex, now()
            conn.execute("INSERT INTO comments (comment_uid, article_id, author, text, "
                         "created_at) VALUES (?,?,?,?,?)",
                         (uid, article_id, author.strip(), text.strip(), stamp))
        return Comment(uid, article_id, author.strip(), text.strip(), stamp)

    # -- the queue ------------------------------------------------------------------
    def queue(self, field: str | None = None, pair: tuple[str, str] | None = None,
                     pending_only: bool = False) -> list[ReviewItem]:
        """Articles coded by two or more annotators, most disagreement first.

        ``field`` counts (and keeps) only disagreements on that field; ``pair`` compares
        only those two annotators; ``pending_only`` drops articles whose disagreeing
        fields are all adjudicated.
        """
        values: dict[str, dict[str, dict[str, set[tuple[str | None, str | None]]]]] = (
            defaultdict(lambda: defaultdict(lambda: defaultdict(set))))
        params: list[object] = []
        sql = ("SELECT t.article_id, t.annotator, t.field, t.value, t.participant FROM tags t "
               "WHERE t.article_id IN (SELECT article_id FROM tags GROUP BY article_id "
               "HAVING COUNT(DISTINCT annotator) > 1)")
        if pair is not None:
            sql += " AND t.annotator IN (?, ?)"
            params += list(pair)
        rows = self._store.conn.execute(sql, params)
        for article_id, annotator, field_id, value, participant in rows:
            values[article_id][field_id][annotator].add((value, participant))
        adjudicated: dict[str, set[str]] = defaultdict(set)
        for article_id, field_id in self._store.conn.execute(
                "SELECT DISTINCT article_id, field FROM adjudications"):
            adjudicated[article_id].add(field_id)
        # Free-text fields (notes) are not adjudicated and always differ: leave them out.
        text_fields = {f.id for f in self._codebooks.active().fields if f.type == "text"}
        titles = dict(self._store.conn.execute(
            "SELECT article_id, title FROM articles WHERE article_id IN "
            "(SELECT article_id FROM tags GROUP BY article_id "
            "HAVING COUNT(DISTINCT annotator) > 1)"))
        items: list[ReviewItem] = []
        for article_id, fields in values.items():
            annotators = sorted({a for per in fields.values() for a in per})
            if len(annotators) < 2:
                continue
            differing = []
            for field_id, per in fields.items():
                if field_id in text_fields or (field is not None and field_id != field):
                    continue
                sets = [frozenset(per.get(name, set())) for name in annotators]
                if len(set(sets)) > 1:
                    differing.append(field_id)
            if field is not None and not differing:
                continue
            done = tuple(sorted(adjudicated.get(article_id, set())))
            if pending_only and all(f in done for f in differing):
                continue
            items.append(ReviewItem(article_id, titles.get(article_id, ""), tuple(annotators),
                                    tuple(sorted(differing)), done))
        items.sort(key=lambda item: (-len(item.disagreements), item.article_id))
        return items
