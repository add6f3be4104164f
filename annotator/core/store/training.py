"""The training set: which articles new annotators are trained and scored on.

``project.training`` keeps the list (table ``training_articles``, migration 0007).  The
answers are the articles' adjudicated values (:mod:`annotator.core.store.review`); the
score itself is computed in :mod:`annotator.core.analysis.score`.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.store.base import Store


class Training:
    """``project.training``: add articles to the training set, take them out, list them."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def articles(self) -> list[str]:
        """The training set's article ids, in the order they were added."""
        return [row[0] for row in self._store.conn.execute(
            "SELECT article_id FROM training_articles ORDER BY added_at, rowid")]

    def add(self, article_ids: Iterable[str]) -> list[str]:
        """Add articles (checked to exist); the ids that were not in the set before."""
        wanted = list(dict.fromkeys(article_ids))
        with self._store.write() as conn:
            for article_id in wanted:
                if conn.execute("SELECT 1 FROM articles WHERE article_id = ?",
                                (article_id,)).fetchone() is None:
                    raise AnnotatorError(Translatable(
                        "no article '{article}' in the project; nothing was changed",
                        article=article_id))
            before = {row[0] for row in conn.execute(
                "SELECT article_id FROM training_articles")}
            added = [article_id for article_id in wanted if article_id not in before]
            conn.executemany("INSERT INTO training_articles (article_id) VALUES (?)",
                             [(article_id,) for article_id in added])
        return added

    def remove(self, article_ids: Iterable[str]) -> list[str]:
        """Take articles out of the set; the ids that were in it."""
        wanted = list(dict.fromkeys(article_ids))
        with self._store.write() as conn:
            present = {row[0] for row in conn.execute(
                "SELECT article_id FROM training_articles")}
            removed = [article_id for article_id in wanted if article_id in present]
            conn.executemany("DELETE FROM training_articles WHERE article_id = ?",
                             [(article_id,) for article_id in removed])
        return removed
