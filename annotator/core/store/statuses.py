"""Each annotator's status for each article: not started, in progress, done or skipped.

An article an annotator never touched has no row and reads as ``not_started``; tagging
it puts it in progress (:meth:`Statuses.touch`); the annotator marks it done or skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.names import check_person
from annotator.core.store.articles import STATUSES, Articles, unknown_status
from annotator.core.store.base import Store, now


@dataclass(frozen=True)
class CountDrift:
    """A kept count of an annotator's articles with a status that a recount disagrees with."""

    annotator: str
    status: str
    kept: int
    counted: int


def recount_sql(schema: str = "main") -> str:
    """The statement that fills an empty ``status_counts`` of ``schema`` from its statuses
    (a team snapshot counts its own; :meth:`Statuses.recount` mends a wrong count)."""
    return (f"INSERT INTO {schema}.status_counts (annotator, status, articles) "
            f"SELECT annotator, status, COUNT(*) FROM {schema}.article_status "
            "GROUP BY annotator, status")


# The kept counts (status_counts) beside a recount, for every pair either side has.
_DRIFT = (
    "WITH counted (annotator, status, articles) AS (SELECT annotator, status, COUNT(*) "
    "FROM article_status GROUP BY annotator, status), "
    "kept (annotator, status, articles) AS (SELECT annotator, status, articles "
    "FROM status_counts WHERE articles <> 0), "
    "pairs AS (SELECT annotator, status FROM counted UNION SELECT annotator, status FROM kept) "
    "SELECT p.annotator, p.status, COALESCE(k.articles, 0), COALESCE(c.articles, 0) "
    "FROM pairs p LEFT JOIN kept k USING (annotator, status) "
    "LEFT JOIN counted c USING (annotator, status) "
    "WHERE COALESCE(k.articles, 0) <> COALESCE(c.articles, 0) ORDER BY 1, 2")


class Statuses:
    """``project.statuses``: an annotator's status of an article, and their counts."""

    def __init__(self, store: Store, articles: Articles) -> None:
        self._store = store
        self._articles = articles

    def get(self, article_id: str, annotator: str) -> str:
        value = self._store.scalar(
            "SELECT status FROM article_status WHERE article_id = ? AND annotator = ?",
            (article_id, annotator),
        )
        return str(value) if value else "not_started"

    def set(self, article_id: str, annotator: str, status: str) -> None:
        if status not in STATUSES:
            raise AnnotatorError(unknown_status(status))
        check_person(annotator)
        with self._store.write() as conn:
            self._articles.require(article_id)
            conn.execute(
                "INSERT INTO article_status (article_id, annotator, status, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator) "
                "DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                (article_id, annotator, status, now()),
            )

    def counts(self, annotator: str) -> dict[str, int]:
        """``status -> articles`` for ``annotator``, every status present.

        Read from the counts the triggers of migration 0010 keep, so it costs the same
        at 100 articles and at 1,000,000.
        """
        counts = dict.fromkeys(STATUSES, 0)
        for status, count in self._store.conn.execute(
            "SELECT status, articles FROM status_counts WHERE annotator = ?", (annotator,),
        ):
            counts[status] = count
        # An undo back to "not started" leaves a row saying so: count every article
        # without another status once, row or no row.
        started = sum(n for status, n in counts.items() if status != "not_started")
        counts["not_started"] = self._articles.count() - started
        return counts

    def drift(self) -> list[CountDrift]:
        """The kept counts that differ from a recount of the statuses (none, unless the
        file was written without the triggers of migration 0010: an SQLite tool, a
        damaged copy).  Reads every status once (``annotator check``)."""
        return [CountDrift(str(a), str(s), int(k), int(c))
                for a, s, k, c in self._store.conn.execute(_DRIFT)]

    def recount(self) -> int:
        """Count every annotator's statuses again into the kept counts; how many kept
        counts were wrong.  Nothing but the counts changes (they are derived data)."""
        with self._store.write() as conn:
            wrong = len(self.drift())
            conn.execute("DELETE FROM status_counts")
            conn.execute(recount_sql())
        return wrong

    def touch(self, article_id: str, annotator: str) -> None:
        """Tagging an article that was not started puts it in progress.

        Every new (article, annotator) pair passes here, tag CSV rows too: the name is
        checked again so that no path stores a name the listings cannot show.  Runs in
        the caller's transaction.
        """
        check_person(annotator)
        self._store.conn.execute(
            "INSERT INTO article_status (article_id, annotator, status, updated_at) "
            "VALUES (?, ?, 'in_progress', ?) ON CONFLICT (article_id, annotator) DO UPDATE "
            "SET status = 'in_progress', updated_at = excluded.updated_at "
            "WHERE article_status.status = 'not_started'",
            (article_id, annotator, now()),
        )
