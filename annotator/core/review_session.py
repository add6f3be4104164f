"""A reviewer's session: the review queue, colleagues' tags side by side, adjudication.

The review screen and ``annotator review`` talk to a :class:`ReviewSession`, never to the
store, as the coding screen talks to :class:`annotator.core.session.Session`.  Every
decision (accepting an annotator's values, an adjudicated value of the reviewer's own,
clearing one) and every comment returns a :class:`ReviewChange` naming the article and
the fields it changed, so a view refreshes what it concerns.  The reviewer signs each
decision and comment with their name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.codebook import Codebook
from annotator.core.names import check_person
from annotator.core.participants import Participant
from annotator.core.store import Article, Project, Tag
from annotator.core.store.review import AdjudicatedValue, Adjudication, Comment, ReviewItem


@dataclass(frozen=True)
class ReviewChange:
    """What one decision or comment changed: the adjudications of ``fields`` of an article
    (none for a comment) and, for a comment, its thread."""

    article_id: str
    fields: tuple[str, ...] = ()
    comment: Comment | None = None


class ReviewSession:
    """``reviewer`` reviewing colleagues' tags in ``project``."""

    def __init__(self, project: Project, reviewer: str) -> None:
        self.project = project
        self.reviewer = check_person(reviewer.strip(), "reviewer's name")

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

    # -- deciding -------------------------------------------------------------------
    def accept(self, article_id: str, field: str, annotator: str,
               comment: str | None = None) -> ReviewChange:
        """Make ``annotator``'s values of ``field`` the adjudicated ones."""
        self.project.review.accept(article_id, field, annotator, reviewer=self.reviewer,
                                   comment=comment)
        return ReviewChange(article_id, (field,))

    def accept_all(self, article_id: str, fields: Sequence[str],
                   annotator: str) -> ReviewChange:
        """Accept ``annotator``'s values of each of ``fields`` (all in one transaction: a
        refusal on one leaves every field as it was)."""
        with self.project.write():
            for field in fields:
                self.project.review.accept(article_id, field, annotator,
                                           reviewer=self.reviewer)
        return ReviewChange(article_id, tuple(fields))

    def adjudicate(self, article_id: str, field: str, values: Sequence[AdjudicatedValue],
                   comment: str | None = None) -> ReviewChange:
        """Make ``values`` (the reviewer's own choice) the adjudicated values of ``field``."""
        self.project.review.adjudicate(article_id, field, list(values),
                                       reviewer=self.reviewer, comment=comment)
        return ReviewChange(article_id, (field,))

    def clear(self, article_id: str, field: str) -> ReviewChange:
        """Remove the adjudication of ``field``: back to undecided."""
        self.project.review.clear_adjudication(article_id, field)
        return ReviewChange(article_id, (field,))

    def add_comment(self, article_id: str, text: str) -> ReviewChange:
        """Add ``text`` to the article's thread, signed by the reviewer."""
        comment = self.project.review.add_comment(article_id, author=self.reviewer, text=text)
        return ReviewChange(article_id, comment=comment)
