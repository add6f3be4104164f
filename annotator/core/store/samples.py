"""Samples and assignments: the articles a team's lead draws, and who codes which.

``project.samples`` draws a named sample (:mod:`annotator.core.sampling` does the
arithmetic; candidates come from the articles table, or from a search), stores it with
its seed and recipe, shares it among annotators with an overlap everyone codes, and
lists an annotator's queue: the articles assigned to them with their status.  Merging a
team snapshot brings samples and assignments in (:func:`merge_attached`): a sample new
here comes whole, and a sample's assignment is replaced by a newer one.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from fractions import Fraction

from annotator.core import sampling
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.names import check_name, check_person
from annotator.core.store import search_parts
from annotator.core.store.articles import Articles, fts_query
from annotator.core.store.base import Store, now

STRATA = ("outlet", "month", "language")


@dataclass(frozen=True)
class Sample:
    """A stored sample and, once assigned, how it was shared."""

    name: str
    seed: str
    size: int
    stratum_by: str | None
    query: str | None
    created_by: str
    created_at: str
    annotators: tuple[str, ...]
    overlap: str | None
    assigned_at: str | None

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "seed": self.seed, "size": self.size,
                "by": self.stratum_by, "query": self.query, "created_by": self.created_by,
                "created_at": self.created_at, "annotators": list(self.annotators),
                "overlap": self.overlap, "assigned_at": self.assigned_at}


@dataclass(frozen=True)
class QueueItem:
    """An article in an annotator's queue."""

    sample: str
    article_id: str
    title: str
    status: str
    overlap: bool


@dataclass(frozen=True)
class Progress:
    """One annotator's progress through their assigned articles."""

    annotator: str
    assigned: int
    done: int
    skipped: int
    in_progress: int

    @property
    def not_started(self) -> int:
        return self.assigned - self.done - self.skipped - self.in_progress


_SAMPLE_COLUMNS = ("name, seed, size, stratum_by, query, created_by, created_at, annotators, "
                   "overlap, assigned_at")


class Samples:
    """``project.samples``: drawing, assigning and listing samples and queues."""

    def __init__(self, store: Store, articles: Articles) -> None:
        self._store = store
        self._articles = articles

    # -- samples -------------------------------------------------------------------------
    def all(self) -> list[Sample]:
        return [_sample(row) for row in self._store.conn.execute(
            f"SELECT {_SAMPLE_COLUMNS} FROM samples ORDER BY created_at, name")]

    def get(self, name: str) -> Sample:
        row = self._store.one(f"SELECT {_SAMPLE_COLUMNS} FROM samples WHERE name = ?", (name,))
        if row is None:
            raise AnnotatorError(Translatable("no sample named '{name}' (annotator sample "
                                              "--list shows them)", name=name))
        return _sample(row)

    def articles(self, name: str) -> list[str]:
        """The sample's article ids, in the order drawn."""
        self.get(name)
        return [str(a) for (a,) in self._store.conn.execute(
            "SELECT article_id FROM sample_articles WHERE sample = ? ORDER BY position",
            (name,))]

    def candidates(self, stratum_by: str | None, query: str | None) -> list[sampling.Candidate]:
        """The articles a sample may draw from, each with its stratum."""
        if stratum_by is not None and stratum_by not in STRATA:
            raise AnnotatorError(Translatable("--by: one of {choices}",
                                              choices=", ".join(STRATA)))
        stratum = {None: "NULL", "outlet": "NULLIF(TRIM(a.outlet), '')",
                   "month": "SUBSTR(a.published, 1, 7)", "language": "a.language"}[stratum_by]
        sql = f"SELECT a.article_id, {stratum} FROM articles a"
        params: list[object] = []
        if query is not None:
            match = fts_query(query)
            if not match:
                raise AnnotatorError(Translatable("--query: no words to search for"))
            chosen = self._articles.index_parts()
            sql += f" WHERE a.article_no IN ({search_parts.matching(chosen)})"
            params += [match] * len(chosen)
        return [sampling.Candidate(str(article_id), None if stratum_by is None
                                   else str(value or sampling.UNKNOWN_STRATUM))
                for article_id, value in self._store.conn.execute(sql, params)]

    def draw(self, name: str, size: int, seed: str, *, stratum_by: str | None = None,
             query: str | None = None, by: str) -> Sample:
        """Draw and store sample ``name``; the same recipe again returns the stored one."""
        check_name(name, "name")
        check_person(by)
        if size <= 0:
            raise AnnotatorError(Translatable("--size must be 1 or more"))
        existing = self._store.one("SELECT seed, size, stratum_by, query FROM samples "
                                   "WHERE name = ?", (name,))
        if existing is not None:
            if tuple(existing) == (seed, size, stratum_by, query):
                return self.get(name)
            raise AnnotatorError(Translatable(
                "a sample named '{name}' exists, drawn otherwise; choose another name",
                name=name))
        candidates = self.candidates(stratum_by, query)
        if len(candidates) < size:
            raise AnnotatorError(Translatable(
                "only {count} articles to draw from, fewer than --size {size}; nothing "
                "was stored", count=len(candidates), size=size))
        drawn = sampling.draw(candidates, size, seed, name, stratified=stratum_by is not None)
        with self._store.write() as conn:
            conn.execute("INSERT INTO samples (name, seed, size, stratum_by, query, created_by, "
                         "created_at) VALUES (?,?,?,?,?,?,?)",
                         (name, seed, size, stratum_by, query, by, now()))
            conn.executemany("INSERT INTO sample_articles (sample, position, article_id, "
                             "stratum) VALUES (?,?,?,?)",
                             [(name, n, c.article_id, c.stratum)
                              for n, c in enumerate(drawn, 1)])
        return self.get(name)

    # -- assignments ---------------------------------------------------------------------
    def coded(self, name: str) -> dict[str, set[str]]:
        """annotator -> the articles of sample ``name`` they tagged or gave a status."""
        coded: dict[str, set[str]] = {}
        for person, article in self._store.conn.execute(
                "SELECT annotator, article_id FROM tags WHERE article_id IN "
                "(SELECT article_id FROM sample_articles WHERE sample = ?) UNION "
                "SELECT annotator, article_id FROM article_status WHERE status <> "
                "'not_started' AND article_id IN (SELECT article_id FROM sample_articles "
                "WHERE sample = ?)", (name, name)):
            coded.setdefault(str(person), set()).add(str(article))
        return coded

    def assign(self, name: str, annotators: list[str], share: Fraction, seed: str,
               by: str) -> sampling.Plan:
        """Share sample ``name`` among ``annotators``; what is coded stays with its coder."""
        for person in annotators:
            check_person(person)
        check_person(by)
        if not annotators or len(set(annotators)) != len(annotators):
            raise AnnotatorError(Translatable("--annotators: name each annotator once"))
        if not 0 <= share <= 1:
            raise AnnotatorError(Translatable("--overlap must be between 0 and 1"))
        with self._store.write() as conn:
            articles = self.articles(name)
            plan = sampling.assign(articles, annotators, share, seed, name, self.coded(name))
            conn.execute("DELETE FROM assignments WHERE sample = ?", (name,))
            conn.executemany(
                "INSERT INTO assignments (sample, article_id, annotator, overlap) "
                "VALUES (?,?,?,?)",
                [(name, article, person, int(article in plan.overlap))
                 for person, queue in plan.queues.items() for article in queue])
            conn.execute("UPDATE samples SET annotators = ?, overlap = ?, assign_seed = ?, "
                         "assigned_by = ?, assigned_at = ? WHERE name = ?",
                         (json.dumps(annotators, ensure_ascii=False), str(share), seed, by,
                          now(), name))
        return plan

    def has_assignments(self, annotator: str | None = None) -> bool:
        sql = "SELECT 1 FROM assignments" + (" WHERE annotator = ?" if annotator else "")
        return self._store.one(sql + " LIMIT 1", (annotator,) if annotator else ()) is not None

    def queue(self, annotator: str, sample: str | None = None) -> list[QueueItem]:
        """``annotator``'s assigned articles with their status, sample by sample."""
        if sample is not None:
            self.get(sample)
        return [QueueItem(str(s), str(a), str(t), str(st), bool(o)) for s, a, t, st, o in
                self._store.conn.execute(
                    "SELECT q.sample, q.article_id, a.title, COALESCE(s.status, 'not_started'),"
                    " q.overlap FROM assignments q JOIN articles a USING (article_id) "
                    "JOIN sample_articles p ON p.sample = q.sample AND p.article_id = "
                    "q.article_id JOIN samples m ON m.name = q.sample "
                    "LEFT JOIN article_status s ON s.article_id = q.article_id "
                    "AND s.annotator = q.annotator WHERE q.annotator = ? "
                    "AND (? IS NULL OR q.sample = ?) ORDER BY m.created_at, m.name, p.position",
                    (annotator, sample, sample))]

    def queued_ids(self, annotator: str) -> list[str]:
        """The article ids of ``annotator``'s queue, each once, in queue order."""
        seen: dict[str, None] = {}
        for item in self.queue(annotator):
            seen.setdefault(item.article_id)
        return list(seen)

    def progress(self, sample: str | None = None) -> list[Progress]:
        """Each assigned annotator's progress (in one sample, or in all)."""
        if sample is not None:
            self.get(sample)
        rows = self._store.conn.execute(
            "SELECT q.annotator, COUNT(*), "
            "SUM(COALESCE(s.status, '') = 'done'), SUM(COALESCE(s.status, '') = 'skipped'), "
            "SUM(COALESCE(s.status, '') = 'in_progress') FROM "
            "(SELECT DISTINCT annotator, article_id FROM assignments "
            " WHERE ? IS NULL OR sample = ?) q LEFT JOIN article_status s "
            "ON s.article_id = q.article_id AND s.annotator = q.annotator "
            "GROUP BY q.annotator ORDER BY q.annotator", (sample, sample))
        return [Progress(str(a), int(n), int(d or 0), int(k or 0), int(p or 0))
                for a, n, d, k, p in rows]


def _sample(row: tuple) -> Sample:  # type: ignore[type-arg]
    name, seed, size, by, query, created_by, created_at, annotators, overlap, assigned = row
    return Sample(str(name), str(seed), int(size), by, query, str(created_by), str(created_at),
                  tuple(json.loads(annotators)) if annotators else (), overlap, assigned)


def merge_attached(conn: sqlite3.Connection) -> int:
    """Bring in the samples and assignments of the attached file ``other``; how many
    samples changed.

    Needs ``temp.merge_articles`` (their article id -> ours).  A sample new here comes
    whole (its articles that are here); a sample here keeps its articles, and takes
    their assignment when theirs is newer (later ``assigned_at``; equal times: the larger
    description), so merging twice, or in any order, ends the same.
    """
    tables = {str(n) for (n,) in conn.execute(
        "SELECT name FROM other.sqlite_master WHERE type = 'table'")}
    if not {"samples", "sample_articles", "assignments"} <= tables:
        return 0
    added = conn.execute(
        "INSERT INTO main.samples SELECT o.* FROM other.samples o "
        "WHERE o.name NOT IN (SELECT name FROM main.samples)").rowcount
    conn.execute(
        "INSERT OR IGNORE INTO main.sample_articles (sample, position, article_id, stratum) "
        "SELECT o.sample, o.position, m.ours, o.stratum FROM other.sample_articles o "
        "JOIN temp.merge_articles m ON m.theirs = o.article_id "
        "WHERE o.sample IN (SELECT name FROM main.samples) AND NOT EXISTS (SELECT 1 FROM "
        "main.sample_articles s WHERE s.sample = o.sample)")
    newer = [str(n) for (n,) in conn.execute(
        "SELECT o.name FROM other.samples o JOIN main.samples m ON m.name = o.name "
        "WHERE o.assigned_at IS NOT NULL AND (m.assigned_at IS NULL "
        "OR o.assigned_at > m.assigned_at OR (o.assigned_at = m.assigned_at AND "
        "(o.annotators || o.overlap || o.assign_seed) > "
        "(m.annotators || m.overlap || m.assign_seed)))")]
    for name in newer:
        conn.execute("DELETE FROM main.assignments WHERE sample = ?", (name,))
        conn.execute(
            "INSERT OR IGNORE INTO main.assignments (sample, article_id, annotator, overlap) "
            "SELECT o.sample, m.ours, o.annotator, o.overlap FROM other.assignments o "
            "JOIN temp.merge_articles m ON m.theirs = o.article_id WHERE o.sample = ?",
            (name,))
        conn.execute(
            "UPDATE main.samples SET (annotators, overlap, assign_seed, assigned_by, "
            "assigned_at) = (SELECT annotators, overlap, assign_seed, assigned_by, assigned_at "
            "FROM other.samples o WHERE o.name = ?) WHERE name = ?", (name, name))
    # A sample new here that was assigned there is "newer" above when it came unassigned;
    # one that came whole already carries its assignment columns: bring its rows.
    conn.execute(
        "INSERT OR IGNORE INTO main.assignments (sample, article_id, annotator, overlap) "
        "SELECT o.sample, m.ours, o.annotator, o.overlap FROM other.assignments o "
        "JOIN temp.merge_articles m ON m.theirs = o.article_id "
        "JOIN main.samples s ON s.name = o.sample JOIN other.samples t ON t.name = o.sample "
        "WHERE s.assigned_at IS t.assigned_at AND NOT EXISTS (SELECT 1 FROM main.assignments "
        "a WHERE a.sample = o.sample)")
    return added + len(newer)
