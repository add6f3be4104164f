"""Review: the queue of articles coded by several annotators, adjudication and comments.

Adjudicated tags live in their own table with the reviewer, time and an optional
comment; they never change an annotator's own tags.  The review queue sorts articles
coded by two or more annotators by how many fields they disagree on.

Annotators disagree on a field when their sets of values differ, a value being compared
as (value, participant, role) and, where the codebook asks for evidence
(``evidence_required``), with its evidence span: two annotators who name the same
participant in different roles disagree (:func:`compared`).

Each decision keeps its *basis*: every annotator's values of the field, compared that
way, when it was made.  When they differ now (a colleague's later change came in with a
merge, a new annotator coded the article) the decision needs a second look
(:meth:`Review.rechecks`); the queue keeps such articles pending until the reviewer
decides again (accepting the same values again confirms the decision).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from annotator.core.codebook import Codebook, Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.names import check_person
from annotator.core.store.articles import Articles
from annotator.core.store.base import Store, now
from annotator.core.store.checks import Checks
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.tags import Tag, Tags
from annotator.core.store.uids import new_uid

ADJUDICATED = "adjudicated"
_ADJUDICATION_COLUMNS = (
    "adjudication_id, adjudication_uid, article_id, field, value, participant, role, "
    "span_start, span_end, quote, source_annotator, reviewer, comment, codebook_version, "
    "created_at, updated_at, basis"
)
Key = tuple[object, ...]  # a value as review compares it (see :func:`compared`)
Basis = dict[str, frozenset[Key]]  # annotator -> their values of one field


def compared(spec: Field | None, value: object, participant: object, role: object,
             span_start: object = None, span_end: object = None) -> Key:
    """A value as review compares it: (value, participant, role), and its evidence span
    where the codebook asks for evidence."""
    if spec is not None and spec.evidence_required:
        return (value, participant, role, span_start, span_end)
    return (value, participant, role)


def difference(spec: Field | None, sets: Iterable[frozenset[Key]]) -> str | None:
    """How annotators' value sets of one field differ: ``values`` (what they coded),
    ``roles`` (the same values, a participant in another role), ``evidence`` (the same
    values, other evidence); None when they agree."""
    groups = list(sets)
    if len(set(groups)) <= 1:
        return None
    if len({frozenset(k[:2] for k in g) for g in groups}) > 1:
        return "values"
    if len({frozenset(k[:3] for k in g) for g in groups}) > 1:
        return "roles"
    return "evidence"


def basis_text(basis: Basis) -> str:
    """A basis as stored: JSON, annotators and values sorted, so equal bases are equal text."""
    return json.dumps({name: sorted((list(k) for k in keys), key=json.dumps)
                       for name, keys in sorted(basis.items()) if keys},
                      ensure_ascii=False, sort_keys=True)


def read_basis(text: str) -> Basis:
    try:
        raw = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(name): frozenset(tuple(k) for k in keys if isinstance(k, list))
            for name, keys in raw.items() if isinstance(keys, list)}


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
    basis: str | None = None  # JSON: every annotator's values when decided (None: older)

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
class Recheck:
    """A decision whose basis changed since it was made: it needs a second look."""

    article_id: str
    field: str
    decided_at: str
    # Annotators whose values differ from those the decision was made on, each with
    # their values then and now (a decision made before bases were kept: empty, the
    # tags' times and the history told).
    changed: tuple[tuple[str, frozenset[Key], frozenset[Key]], ...] = ()


@dataclass(frozen=True)
class ReviewItem:
    """An article coded by several annotators, with the fields they disagree on."""

    article_id: str
    title: str
    annotators: tuple[str, ...]
    disagreements: tuple[str, ...]  # field ids
    adjudicated: tuple[str, ...]  # field ids with an adjudication
    recheck: tuple[str, ...] = ()  # field ids whose decision's basis changed since
    # field id -> how the annotators differ there: "values", "roles" or "evidence"
    differences: dict[str, str] = dataclass_field(default_factory=dict)

    @property
    def pending(self) -> tuple[str, ...]:
        """Fields still to decide: disagreements without a decision, and decisions to
        look at again."""
        return tuple(sorted({f for f in self.disagreements if f not in self.adjudicated}
                            | set(self.recheck)))


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
        if spec.type == "text":
            raise AnnotatorError(Translatable("field '{field}' is free text, which is not "
                                              "adjudicated", field=field_id))
        if spec.type in ("single", "text") and len(values) > 1:
            raise AnnotatorError(Translatable("field '{field}' takes one value",
                                              field=field_id))
        with self._store.write() as conn:
            self._articles.require(article_id)
            basis = basis_text(self.current_basis(article_id, field_id))
            existing = {(a.value, a.participant): a for a in self.adjudications(article_id,
                                                                                 field_id)}
            wanted = []
            for item in values:
                if item.value is not None:
                    self._checks.value(spec, item.value, allow_retired=True)
                participant = self._checks.participant(spec, item.participant,
                                                       allow_retired=True)
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
                        "reviewer, comment, codebook_version, created_at, updated_at, basis) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (new_uid(), article_id, field_id, value, participant, role,
                         start, end, quote, source_annotator, reviewer.strip(), note,
                         self._codebooks.active_version(), stamp, stamp, basis))
                elif (old.role, old.span_start, old.span_end, old.source_annotator,
                      old.reviewer, old.comment, old.basis) != (
                          role, start, end, source_annotator, reviewer.strip(), note, basis):
                    # The same values decided again on changed tags: the basis is renewed,
                    # which settles the second look.
                    conn.execute(
                        "UPDATE adjudications SET role = ?, span_start = ?, span_end = ?, "
                        "quote = ?, source_annotator = ?, reviewer = ?, comment = ?, "
                        "updated_at = ?, basis = ? WHERE adjudication_id = ?",
                        (role, start, end, quote, source_annotator, reviewer.strip(), note,
                         stamp, basis, old.adjudication_id))
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

    def restore_adjudications(self, article_id: str, field_id: str,
                              rows: Sequence[Adjudication]) -> None:
        """Put a field's decision back as ``rows`` held it (undo and redo): the same
        identities, values, reviewer, comment and basis; the history records the restore
        like any other change."""
        with self._store.write() as conn:
            current = {a.adjudication_uid: a for a in self.adjudications(article_id, field_id)}
            wanted = {a.adjudication_uid: a for a in rows}
            for uid, gone in current.items():
                if uid not in wanted:
                    conn.execute("DELETE FROM adjudications WHERE adjudication_id = ?",
                                 (gone.adjudication_id,))
            stamp = now()
            for uid, row in wanted.items():
                columns = (row.value, row.participant, row.role, row.span_start, row.span_end,
                           row.quote, row.source_annotator, row.reviewer, row.comment, row.basis)
                same = current.get(uid)
                if same is None:
                    conn.execute(
                        "INSERT INTO adjudications (adjudication_uid, article_id, field, value, "
                        "participant, role, span_start, span_end, quote, source_annotator, "
                        "reviewer, comment, basis, codebook_version, created_at, updated_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (uid, article_id, field_id, *columns, row.codebook_version,
                         row.created_at, stamp))
                elif (same.value, same.participant, same.role, same.span_start, same.span_end,
                      same.quote, same.source_annotator, same.reviewer, same.comment,
                      same.basis) != columns:
                    conn.execute(
                        "UPDATE adjudications SET value = ?, participant = ?, role = ?, "
                        "span_start = ?, span_end = ?, quote = ?, source_annotator = ?, "
                        "reviewer = ?, comment = ?, basis = ?, updated_at = ? "
                        "WHERE adjudication_id = ?", (*columns, stamp, same.adjudication_id))

    # -- what a decision rests on -----------------------------------------------------
    def current_basis(self, article_id: str, field_id: str) -> Basis:
        """Every annotator's values of a field of an article now, as review compares them."""
        spec = _field_or_none(self._codebooks.active(), field_id)
        basis: dict[str, set[Key]] = defaultdict(set)
        for annotator, *values in self._store.conn.execute(
                "SELECT annotator, value, participant, role, span_start, span_end FROM tags "
                "WHERE article_id = ? AND field = ?", (article_id, field_id)):
            basis[str(annotator)].add(compared(spec, *values))
        return {name: frozenset(keys) for name, keys in basis.items()}

    def rechecks(self, article_id: str | None = None) -> dict[tuple[str, str], Recheck]:
        """Decisions whose basis changed since they were made, by (article, field)."""
        codebook = self._codebooks.active()
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        decided: dict[tuple[str, str], tuple[str, str | None, bool]] = {}
        for article, field_id, updated_at, basis in self._store.conn.execute(
                "SELECT article_id, field, updated_at, basis FROM adjudications "
                f"{where} ORDER BY updated_at", params):
            key = (str(article), str(field_id))
            _at, _basis, legacy = decided.get(key, ("", None, False))
            decided[key] = (str(updated_at), basis, legacy or basis is None)
        if not decided:
            return {}
        now_values: dict[tuple[str, str], dict[str, set[Key]]] = defaultdict(
            lambda: defaultdict(set))
        changed_after: dict[tuple[str, str], str] = {}
        for article, annotator, field_id, value, participant, role, start, end, updated_at in (
                self._store.conn.execute(
                    "SELECT t.article_id, t.annotator, t.field, t.value, t.participant, t.role, "
                    "t.span_start, t.span_end, t.updated_at FROM tags t JOIN (SELECT DISTINCT "
                    f"article_id, field FROM adjudications {where}) a "
                    "ON a.article_id = t.article_id AND a.field = t.field", params)):
            key = (str(article), str(field_id))
            spec = _field_or_none(codebook, key[1])
            now_values[key][str(annotator)].add(
                compared(spec, value, participant, role, start, end))
            changed_after[key] = max(changed_after.get(key, ""), str(updated_at))
        if any(legacy for _at, _basis, legacy in decided.values()):
            # Decisions without a basis: a tag of the field removed after the decision.
            for article, field_id, removed_at in self._store.conn.execute(
                    "SELECT h.article_id, h.field, MAX(h.changed_at) FROM history h JOIN "
                    f"(SELECT DISTINCT article_id, field FROM adjudications {where}) a "
                    "ON a.article_id = h.article_id AND a.field = h.field "
                    "WHERE h.what = 'tag' AND h.action = 'removed' "
                    "GROUP BY h.article_id, h.field", params):
                key = (str(article), str(field_id))
                changed_after[key] = max(changed_after.get(key, ""), str(removed_at))
        out: dict[tuple[str, str], Recheck] = {}
        for key, (decided_at, basis, legacy) in decided.items():
            if legacy:
                if changed_after.get(key, "") > decided_at:
                    out[key] = Recheck(key[0], key[1], decided_at)
                continue
            then = read_basis(basis or "")
            now_ = {name: frozenset(keys) for name, keys in now_values.get(key, {}).items()}
            changed = tuple(
                (name, then.get(name, frozenset()), now_.get(name, frozenset()))
                for name in sorted(set(then) | set(now_))
                if then.get(name, frozenset()) != now_.get(name, frozenset()))
            if changed:
                out[key] = Recheck(key[0], key[1], decided_at, changed)
        return out

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
            self._articles.require(article_id)
            uid, stamp = new_uid(), now()
            conn.execute("INSERT INTO comments (comment_uid, article_id, author, text, "
                         "created_at) VALUES (?,?,?,?,?)",
                         (uid, article_id, author.strip(), text.strip(), stamp))
        return Comment(uid, article_id, author.strip(), text.strip(), stamp)

    def remove_comment(self, comment_uid: str) -> None:
        """Take a comment out of its thread (undoing it)."""
        with self._store.write() as conn:
            conn.execute("DELETE FROM comments WHERE comment_uid = ?", (comment_uid,))

    def restore_comment(self, comment: Comment) -> None:
        """Put a removed comment back as it was (redoing it): same identity and time."""
        with self._store.write() as conn:
            self._articles.require(comment.article_id)
            conn.execute("INSERT OR IGNORE INTO comments (comment_uid, article_id, author, text, "
                         "created_at) VALUES (?,?,?,?,?)",
                         (comment.comment_uid, comment.article_id, comment.author, comment.text,
                          comment.created_at))

    # -- the queue ------------------------------------------------------------------
    def queue(self, field: str | None = None, pair: tuple[str, str] | None = None,
              pending_only: bool = False) -> list[ReviewItem]:
        """Articles coded by two or more annotators, most disagreement first.

        Values are compared as :func:`compared` says (roles included).  ``field`` counts
        (and keeps) only disagreements on that field; ``pair`` compares only those two
        annotators; ``pending_only`` drops articles whose disagreeing fields are all
        adjudicated and whose decisions all still rest on the annotators' values.
        """
        codebook = self._codebooks.active()
        values: dict[str, dict[str, dict[str, set[Key]]]] = (
            defaultdict(lambda: defaultdict(lambda: defaultdict(set))))
        params: list[object] = []
        sql = ("SELECT t.article_id, t.annotator, t.field, t.value, t.participant, t.role, "
               "t.span_start, t.span_end FROM tags t "
               "WHERE t.article_id IN (SELECT article_id FROM tags GROUP BY article_id "
               "HAVING COUNT(DISTINCT annotator) > 1)")
        if pair is not None:
            sql += " AND t.annotator IN (?, ?)"
            params += list(pair)
        specs: dict[str, Field | None] = {}
        rows = self._store.conn.execute(sql, params)
        for article_id, annotator, field_id, *tag in rows:
            if field_id not in specs:
                specs[field_id] = _field_or_none(codebook, field_id)
            values[article_id][field_id][annotator].add(compared(specs[field_id], *tag))
        adjudicated: dict[str, set[str]] = defaultdict(set)
        for article_id, field_id in self._store.conn.execute(
                "SELECT DISTINCT article_id, field FROM adjudications"):
            adjudicated[article_id].add(field_id)
        recheck: dict[str, set[str]] = defaultdict(set)
        for article_id, field_id in self.rechecks():
            recheck[article_id].add(field_id)
        # Free-text fields (notes) are not adjudicated and always differ: leave them out.
        text_fields = {f.id for f in codebook.fields if f.type == "text"}
        titles = dict(self._store.conn.execute(
            "SELECT article_id, title FROM articles WHERE article_id IN "
            "(SELECT article_id FROM tags GROUP BY article_id "
            "HAVING COUNT(DISTINCT annotator) > 1)"))
        items: list[ReviewItem] = []
        for article_id, fields in values.items():
            annotators = sorted({a for per in fields.values() for a in per})
            if len(annotators) < 2:
                continue
            differences: dict[str, str] = {}
            for field_id, per in fields.items():
                if field_id in text_fields or (field is not None and field_id != field):
                    continue
                how = difference(specs.get(field_id),
                                 (frozenset(per.get(name, set())) for name in annotators))
                if how is not None:
                    differences[field_id] = how
            again = tuple(sorted(f for f in recheck.get(article_id, set())
                                 if field is None or f == field))
            if field is not None and not differences and not again:
                continue
            done = tuple(sorted(adjudicated.get(article_id, set())))
            item = ReviewItem(article_id, titles.get(article_id, ""), tuple(annotators),
                              tuple(sorted(differences)), done, again, differences)
            if pending_only and not item.pending:
                continue
            items.append(item)
        # A decision to look at again on an article fewer than two annotators code now
        # (a coder cleared their tags): listed all the same, or it would stand unseen.
        listed = {item.article_id for item in items}
        alone = sorted(a for a, fields_ in recheck.items() if a not in listed
                       and (field is None or field in fields_))
        if alone:
            marks = ",".join("?" * len(alone))
            coders: dict[str, set[str]] = defaultdict(set)
            for article_id, annotator in self._store.conn.execute(
                    f"SELECT article_id, annotator FROM tags WHERE article_id IN ({marks})",
                    alone):
                coders[article_id].add(annotator)
            titled = dict(self._store.conn.execute(
                f"SELECT article_id, title FROM articles WHERE article_id IN ({marks})", alone))
            for article_id in alone:
                again = tuple(sorted(f for f in recheck[article_id]
                                     if field is None or f == field))
                items.append(ReviewItem(
                    article_id, titled.get(article_id, ""), tuple(sorted(coders[article_id])),
                    (), tuple(sorted(adjudicated.get(article_id, set()))), again, {}))
        items.sort(key=lambda item: (-len(item.disagreements), item.article_id))
        return items


def _field_or_none(codebook: Codebook, field_id: str) -> Field | None:
    """The active codebook's field (None for a field it does not know: compared plainly)."""
    return codebook.field(field_id) if codebook.has_field(field_id) else None
