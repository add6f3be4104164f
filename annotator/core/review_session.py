"""A reviewer's session: the review queue, colleagues' tags side by side, adjudication.

The review screen and ``annotator review`` talk to a :class:`ReviewSession`, never to the
store, as the coding screen talks to :class:`annotator.core.session.Session`.  Every
decision (accepting an annotator's values, an adjudicated value of the reviewer's own,
clearing one) and every comment returns a :class:`ReviewChange` naming the article and
the fields it changed, with their adjudications before and after, so a view refreshes
what it concerns.  The reviewer signs each decision and comment with their name.

Decisions, clears and comments go on the :class:`~annotator.core.undo.UndoStack` the
review session is given (a window gives it the one its coding session uses): undoing one
puts the field's decision back as it was (a comment is taken out of the thread), redoing
makes it again, and each returns the :class:`ReviewChange` of what it changed.  An undo
that would overwrite a decision changed by another window or command since is refused
(:class:`~annotator.core.undo.UndoConflict`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core.codebook import Codebook
from annotator.core.names import check_person
from annotator.core.participants import Participant
from annotator.core.store import Article, Project, Tag
from annotator.core.store.review import (
    AdjudicatedValue,
    Adjudication,
    Comment,
    Recheck,
    ReviewItem,
)
from annotator.core.undo import UndoConflict, UndoStack


@dataclass(frozen=True)
class ReviewChange:
    """What one decision or comment changed: the adjudications of ``fields`` of an article
    (all of them, before and after; none for a comment) and, for a comment, its thread
    (``comment`` added, or with ``comment_removed`` taken out again by an undo)."""

    article_id: str
    fields: tuple[str, ...] = ()
    comment: Comment | None = None
    label: str = ""
    before: tuple[Adjudication, ...] = ()
    after: tuple[Adjudication, ...] = ()
    comment_removed: bool = False

    @property
    def decisions_changed(self) -> bool:
        return _content(self.before) != _content(self.after)


def _content(rows: Sequence[Adjudication]) -> frozenset[tuple[object, ...]]:
    """What a decision holds, without row ids and times (a restore keeps uids, not ids)."""
    return frozenset((a.adjudication_uid, a.field, a.value, a.participant, a.role, a.span_start,
                      a.span_end, a.source_annotator, a.reviewer, a.comment, a.basis)
                     for a in rows)


class ReviewSession:
    """``reviewer`` reviewing colleagues' tags in ``project``."""

    def __init__(self, project: Project, reviewer: str,
                 undo: UndoStack | None = None) -> None:
        self.project = project
        self.reviewer = check_person(reviewer.strip(), "reviewer's name")
        self.undo_stack = undo if undo is not None else UndoStack()

    # -- reading --------------------------------------------------------------------
    @property
    def codebook(self) -> Codebook:
        return self.project.codebooks.active()

    def participants(self) -> list[Participant]:
        return self.project.participants.all()

    def annotators(self) -> list[str]:
        """Everyone with tags in the project, in the order the store lists them."""
        return self.project.tags.annotators()

    def queue(self, field: str | None = None, pair: tuple[str, str] | None = None,
              pending_only: bool = False) -> list[ReviewItem]:
        """Articles coded by two or more annotators, most disagreement first (then by id).

        ``field`` keeps only disagreements on that field, ``pair`` compares only those two
        annotators, ``pending_only`` drops articles whose disagreements are all adjudicated.
        Free-text fields (notes) always differ and are not adjudicated: they never count.
        """
        return self.project.review.queue(field, pair, pending_only)

    def article(self, article_id: str) -> Article:
        return self.project.articles.get(article_id)

    def tags(self, article_id: str) -> list[Tag]:
        """Every annotator's tags of ``article_id`` (review is not blind)."""
        return self.project.tags.find(article_id)

    def adjudications(self, article_id: str, field: str | None = None) -> list[Adjudication]:
        return self.project.review.adjudications(article_id, field)

    def comments(self, article_id: str) -> list[Comment]:
        return self.project.review.comments(article_id)

    def rechecks(self, article_id: str | None = None) -> dict[tuple[str, str], Recheck]:
        """Decisions whose annotators' values changed since they were made, by (article,
        field): each to be looked at again."""
        return self.project.review.rechecks(article_id)

    # -- deciding -------------------------------------------------------------------
    def accept(self, article_id: str, field: str, annotator: str,
               comment: str | None = None) -> ReviewChange:
        """Make ``annotator``'s values of ``field`` the adjudicated ones."""
        return self._decide(f"accept {annotator}", article_id, (field,), lambda: (
            self.project.review.accept(article_id, field, annotator, reviewer=self.reviewer,
                                       comment=comment)))

    def accept_all(self, article_id: str, fields: Sequence[str],
                   annotator: str) -> ReviewChange:
        """Accept ``annotator``'s values of each of ``fields`` (all in one transaction: a
        refusal on one leaves every field as it was); one change to undo."""
        def change() -> None:
            for field in fields:
                self.project.review.accept(article_id, field, annotator,
                                           reviewer=self.reviewer)
        return self._decide(f"accept {annotator}", article_id, tuple(fields), change)

    def adjudicate(self, article_id: str, field: str, values: Sequence[AdjudicatedValue],
                   comment: str | None = None) -> ReviewChange:
        """Make ``values`` (the reviewer's own choice) the adjudicated values of ``field``."""
        return self._decide("adjudicate", article_id, (field,), lambda: (
            self.project.review.adjudicate(article_id, field, list(values),
                                           reviewer=self.reviewer, comment=comment)))

    def clear(self, article_id: str, field: str) -> ReviewChange:
        """Remove the adjudication of ``field``: back to undecided."""
        return self._decide("clear", article_id, (field,), lambda: (
            self.project.review.clear_adjudication(article_id, field)))

    def add_comment(self, article_id: str, text: str) -> ReviewChange:
        """Add ``text`` to the article's thread, signed by the reviewer."""
        comment = self.project.review.add_comment(article_id, author=self.reviewer, text=text)
        change = ReviewChange(article_id, comment=comment, label="comment")
        self.undo_stack.push(change, self._restore)
        return change

    # -- internals ------------------------------------------------------------------
    def _decided(self, article_id: str, fields: Sequence[str]) -> tuple[Adjudication, ...]:
        return tuple(a for field in fields
                     for a in self.project.review.adjudications(article_id, field))

    def _decide(self, label: str, article_id: str, fields: tuple[str, ...],
                change: Callable[[], object]) -> ReviewChange:
        with self.project.write():  # the record reads what this change alone did
            before = self._decided(article_id, fields)
            change()
            after = self._decided(article_id, fields)
        record = ReviewChange(article_id, fields, label=label, before=before, after=after)
        if record.decisions_changed:
            self.undo_stack.push(record, self._restore)
        return record

    def _restore(self, change: ReviewChange, backwards: bool) -> ReviewChange:
        """Put one side of ``change`` back; the record of that restore."""
        review = self.project.review
        if change.comment is not None:
            comment = change.comment
            with self.project.write():
                there = any(c.comment_uid == comment.comment_uid
                            for c in review.comments(comment.article_id))
                if there != backwards:  # removed, or added again, elsewhere
                    raise UndoConflict(change, backwards, "the comment thread")
                if backwards:
                    review.remove_comment(comment.comment_uid)
                else:
                    review.restore_comment(comment)
            return ReviewChange(change.article_id, comment=comment, label=change.label,
                                comment_removed=backwards)
        rows = change.before if backwards else change.after
        expected = change.after if backwards else change.before
        with self.project.write():
            current = self._decided(change.article_id, change.fields)
            if _content(current) != _content(expected):
                raise UndoConflict(change, backwards, "the decision")
            for field in change.fields:
                review.restore_adjudications(change.article_id, field,
                                             [a for a in rows if a.field == field])
            restored = self._decided(change.article_id, change.fields)
        return ReviewChange(change.article_id, change.fields, label=change.label,
                            before=current, after=restored)
