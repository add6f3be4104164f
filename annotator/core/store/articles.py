"""Articles in the project file: adding them (once), reading them, listing and searching.

An article's body is stored once, canonical, and never changes.  The search index holds
the *search keys* of title and body (folded spelling), so a query matches across
Persian/Arabic variants while what is shown stays exactly as imported.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Translatable
from annotator.core.names import name_problem, shown
from annotator.core.query import fts_query, highlight_words
from annotator.core.records import (
    ArticleRecord,
    ImportNotice,
    ImportProblem,
    PreparedArticle,
    prepare,
)
from annotator.core.store import search_parts
from annotator.core.store.article_count import carry_count, kept_count, write_count
from annotator.core.store.base import Store, now
from annotator.core.text import search_key_with_offsets

STATUSES = ("not_started", "in_progress", "done", "skipped")
QUEUE = "queue"  # a list filter, not a status: the articles assigned to the annotator
TRAINING = "training"  # a list filter: the training set's articles
SAMPLE = "sample:"  # a list filter "sample:NAME": the articles of sample NAME


def sample_filter(name: str) -> str:
    """The list filter that keeps the articles of sample ``name``."""
    return SAMPLE + name


def is_list_filter(value: str) -> bool:
    """Whether ``value`` keeps a set of articles (a queue, a sample, the training set)
    rather than a status."""
    return value in (QUEUE, TRAINING) or value.startswith(SAMPLE)
_BATCH = 1000
_IMPORT_CHECKPOINT_PAGES = 10_000
# The search index's automerge (FTS5 merges segments once this many share a level):
# FTS5's default outside an import, more while one loads many batches.
_AUTOMERGE = 4
_IMPORT_AUTOMERGE = 16
# Search costs what is shown, not what matches (a common word matches nearly every
# article): a count stops past COUNT_LIMIT matches ("10,000+"), and ranked search ranks
# the RANK_CANDIDATES last imported matches when more match.
COUNT_LIMIT = 10_000
RANK_CANDIDATES = 2_000
# A hit's snippet: the body's first characters are searched first (see _hit); a match
# counts there only this many key characters away from their end.
_SNIPPET_FIRST = 600
_SNIPPET_MARGIN = 8
_ARTICLE_COLUMNS = (
    "article_id, title, body, language, outlet, url, published, published_original, "
    "source_path, content_hash, imported_at"
)


@dataclass(frozen=True)
class Article:
    article_id: str
    title: str
    body: str
    language: str
    outlet: str | None
    url: str | None
    published: str | None
    published_original: str | None
    source_path: str | None
    content_hash: str
    imported_at: str


@dataclass(frozen=True)
class ArticleSummary:
    """A line of the article list: id, title, language and one annotator's status."""

    article_id: str
    title: str
    language: str
    status: str


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str
    snippet: str
    start: int  # first match in the body (code points), -1 when only the title matched
    end: int


@dataclass
class AddResult:
    """What adding articles did: ids added, ids already present, problems."""

    added: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notices: list[ImportNotice] = field(default_factory=list)  # converted, near-duplicates


class Articles:
    """``project.articles``: adding, reading, listing, counting and searching articles."""

    def __init__(self, store: Store) -> None:
        self._store = store
        # (last article number, other connections' writes) -> count: see _count_and_last.
        self._count_cache: tuple[tuple[int, int], int] | None = None
        self._parts = search_parts.Parts(store.conn)

    def add(
        self, items: Iterable[ArticleRecord | PreparedArticle | ImportProblem | ImportNotice]
    ) -> AddResult:
        """Store new articles in batches; each batch is one transaction.

        The same content (by hash) is never stored twice; an id already used for
        different content is a problem, not an overwrite.  Problems passed in are
        collected into the result untouched.  Articles may come prepared (see
        :mod:`annotator.core.intake.prepare`), for instance by a reader process.
        """
        result = AddResult()
        batch: list[PreparedArticle] = []
        # Fewer, bigger checkpoints of the write-ahead log while importing: the index's
        # pages, rewritten by every batch, are copied into the file once per 40 MB, not 4.
        checkpoint = self._store.scalar("PRAGMA wal_autocheckpoint")
        self._store.conn.execute(f"PRAGMA wal_autocheckpoint = {_IMPORT_CHECKPOINT_PAGES}")
        loading = False
        try:
            for item in items:
                if isinstance(item, ImportProblem):
                    result.problems.append(item)
                    continue
                if isinstance(item, ImportNotice):
                    result.notices.append(item)
                    continue
                # A file stem, CSV cell or JSON value: checked here, where every import
                # path meets, so a bad id is a problem of its file and line, not a crash.
                bad_id = name_problem(item.article_id, "article id")
                if bad_id is not None:
                    result.problems.append(ImportProblem(
                        item.source_path or "",
                        Translatable("{problem} ({id}); not imported", problem=bad_id,
                                     id=shown(item.article_id)), item.line))
                    continue
                batch.append(item if isinstance(item, PreparedArticle) else prepare(item))
                if len(batch) >= _BATCH:
                    if not loading:
                        # Many batches to come: the index merges its segments 16 at a
                        # time instead of 4, so each indexed word is rewritten fewer
                        # times (about a tenth less storing time on 100,000 articles,
                        # and searches no slower).  Set back after the import; an import
                        # that stopped half-way left 16, and the next one sets 4 again.
                        self._set_index_automerge(_IMPORT_AUTOMERGE)
                        loading = True
                    self._add_batch(batch, result)
                    batch = []
            if batch:
                self._add_batch(batch, result)
        finally:
            self._store.conn.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")
            if loading:
                with suppress(AnnotatorError):  # never hide why the import stopped
                    self._set_index_automerge(_AUTOMERGE)
        return result

    def _set_index_automerge(self, segments: int) -> None:
        with self._store.write() as conn:
            for part in search_parts.parts(conn):
                conn.execute(f"INSERT INTO {part.name} ({part.name}, rank) "
                             "VALUES ('automerge', ?)", (segments,))

    def _add_batch(self, batch: list[PreparedArticle], result: AddResult) -> None:
        hashes = [item.content_hash for item in batch]
        ids = [item.article_id for item in batch]
        with self._store.write() as conn:
            known_hash: dict[str, str] = {}
            known_id: dict[str, str] = {}
            for chunk in range(0, len(batch), 400):
                marks = ",".join("?" * len(ids[chunk : chunk + 400]))
                for article_id, digest in conn.execute(
                    f"SELECT article_id, content_hash FROM articles "
                    f"WHERE article_id IN ({marks}) OR content_hash IN ({marks})",
                    [*ids[chunk : chunk + 400], *hashes[chunk : chunk + 400]],
                ):
                    known_hash[digest] = article_id
                    known_id[article_id] = digest
            next_no = int(self._store.scalar(
                "SELECT COALESCE(MAX(article_no), 0) FROM articles") or 0)
            first_no = next_no
            stamp = now()
            rows: list[tuple] = []
            keys: list[tuple] = []
            for item in batch:
                digest = item.content_hash
                if digest in known_hash:
                    result.already_present.append(known_hash[digest])
                    continue
                if item.article_id in known_id:
                    result.problems.append(
                        ImportProblem(
                            item.source_path,
                            f"article id '{item.article_id}' is already in the project "
                            "with different text; not imported (give it another id)",
                            item.line,
                        )
                    )
                    continue
                next_no += 1
                known_hash[digest] = item.article_id
                known_id[item.article_id] = digest
                rows.append(
                    (
                        next_no, item.article_id, item.title, item.body,
                        item.language, item.outlet, item.url, item.published,
                        item.published_original, item.source_path, digest, stamp,
                    )
                )
                keys.append((next_no, item.title_key, item.body_key))
                result.added.append(item.article_id)
            # Body and body key come as UTF-8 bytes (see PreparedArticle); CAST stores
            # them as the TEXT they are, byte for byte, without a round trip through str.
            conn.executemany(
                f"INSERT INTO articles (article_no, {_ARTICLE_COLUMNS}) "
                "VALUES (?,?,?,CAST(? AS TEXT),?,?,?,?,?,?,?,?)",
                rows,
            )
            if keys:
                for part, low, high in search_parts.holding(conn, keys[0][0], keys[-1][0]):
                    conn.executemany(
                        f"INSERT INTO {part.name} (rowid, title_key, body_key) "
                        "VALUES (?,?,CAST(? AS TEXT))",
                        [key for key in keys if low <= key[0] <= high],
                    )
            carry_count(conn, first_no, len(rows), next_no)

    def index_parts(self) -> list[search_parts.Part]:
        """The search index's parts (:mod:`~.search_parts`), in article order."""
        return self._parts()

    def get(self, article_id: str) -> Article:
        row = self._store.one(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE article_id = ?", (article_id,)
        )
        if row is None:
            raise AnnotatorError(_no_article(article_id))
        return Article(*row)

    def has(self, article_id: str) -> bool:
        return self._store.one("SELECT 1 FROM articles WHERE article_id = ?",
                               (article_id,)) is not None

    def require(self, article_id: str) -> None:
        """An error naming ``article_id`` unless the project has it: a look in the id's
        index, without reading the article's text (long texts span overflow pages)."""
        if not self.has(article_id):
            raise AnnotatorError(_no_article(article_id))

    def body(self, article_id: str) -> str:
        """The article's text; an error names a missing article (tags and reviews check it)."""
        body = self._store.scalar("SELECT body FROM articles WHERE article_id = ?",
                                  (article_id,))
        if body is None:
            raise AnnotatorError(_no_article(article_id))
        return str(body)

    def _count_and_last(self) -> tuple[int, int]:
        """How many articles, and the last article number.

        Counting 100,000 rows takes milliseconds, and the list asks on every page and
        switch.  Articles are only ever appended (numbered last + 1), so the last number
        and another connection's changes (an SQLite tool's) say when to count again.
        The count is also kept in the project with the last number it was counted at
        (:mod:`.article_count`, carried forward by whatever appends articles): counting
        1,000,000 articles read from the disk took 1.7 s of the window's start.
        """
        last = int(self._store.scalar("SELECT MAX(article_no) FROM articles") or 0)
        version = (last, self._store.other_writes())
        cached = self._count_cache
        if cached is not None and cached[0] == version:
            return int(cached[1]), last
        # The same last number but other writes: perhaps a removal in an SQLite tool, which
        # keeps no count; a new last number was carried by what appended (or is not kept).
        moved = cached is None or cached[0][0] != last
        count = kept_count(self._store.conn, last) if moved else None
        if count is None:
            count = int(self._store.scalar("SELECT COUNT(*) FROM articles") or 0)
            self._keep_count(last, count)
        self._count_cache = (version, count)
        return count, last

    def _keep_count(self, last: int, count: int) -> None:
        """Keep the count in the project, if that can be done at once: never inside
        another transaction, never waiting for another writer, never on a file that
        cannot be written (it is counted again next time)."""
        conn = self._store.conn
        if conn.in_transaction or kept_count(conn, last) == count:
            return  # (a write would make every other window count again)
        waited = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
        try:
            conn.execute("PRAGMA busy_timeout = 0")
            write_count(conn, last, count)
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {waited}")

    def summaries(
        self,
        annotator: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        query: str | None = None,
    ) -> list[ArticleSummary]:
        """Articles in import order, with ``annotator``'s status (``not_started`` if none).

        ``status`` keeps one status (:data:`QUEUE`: the articles assigned to
        ``annotator``; :data:`TRAINING`: the training set; :func:`sample_filter`: a
        sample's articles); ``query`` keeps the articles matching a search.
        """
        if status is None and (query or "").strip():
            return self._matching_page(annotator, query or "", limit, offset)
        where, params = self._list_filter(annotator, status, query)
        if not where and offset and self._numbered_without_gaps():
            # Unfiltered, row r is article number r + 1: seek to it instead of stepping
            # over ``offset`` rows (a page deep in 100,000 articles costs what the first does).
            where = "WHERE a.article_no > ?"
            params.append(offset)
            offset = 0
        sql = (
            "SELECT a.article_id, a.title, a.language, COALESCE(s.status, 'not_started') "
            f"FROM articles a LEFT JOIN article_status s "
            f"ON s.article_id = a.article_id AND s.annotator = ? {where} "
            "ORDER BY a.article_no LIMIT ? OFFSET ?"
        )
        params += [-1 if limit is None else limit, offset]
        return [ArticleSummary(*row) for row in self._store.conn.execute(sql, params)]

    def _matching_page(self, annotator: str | None, query: str, limit: int | None,
                       offset: int) -> list[ArticleSummary]:
        """A page of the articles matching ``query``, in import order.

        The index hands out its matches in article-number order, so the page's numbers are
        read from it alone, part after part (:func:`~.search_parts.page`; stepping over
        ``offset`` matches reads no row), and only the page's rows are joined.
        Reading every match first, as ``article_no IN (...)`` did, cost what the matches
        cost: a common word's page took as long as counting all its articles.  The rows
        are read from the list's index (:func:`~.migrations.m0004_list_index`), not the
        table: a rare word's matches lie far apart, and reading ``language`` from the
        table walks each body's overflow pages (111 ms for 200 rows read from the disk at
        1,000,000 articles).
        """
        match = fts_query(query)
        if not match:
            return []
        numbers = search_parts.page(self._store.conn, self._parts(), match, limit, offset)
        sql = (
            "SELECT a.article_id, a.title, a.language, COALESCE(s.status, 'not_started') "
            "FROM json_each(?) AS hit "
            "JOIN articles a INDEXED BY articles_listed ON a.article_no = hit.value "
            "LEFT JOIN article_status s ON s.article_id = a.article_id AND s.annotator = ? "
            "ORDER BY hit.key"
        )
        params = (json.dumps(numbers), annotator or "")
        return [ArticleSummary(*row) for row in self._store.conn.execute(sql, params)]

    def _numbered_without_gaps(self) -> bool:
        """Whether articles are numbered 1..N (they are, unless a file was edited by hand)."""
        count, last = self._count_and_last()
        return count == last

    def count(self, annotator: str | None = None, status: str | None = None,
              query: str | None = None) -> int:
        """How many articles :meth:`summaries` lists with the same filters (all without).

        A search's count reads every match: :meth:`count_at_most` stops early."""
        if status is None and not (query or "").strip():
            return self._count_and_last()[0]
        if status is None:
            return self.search_count(query or "")  # the search index alone, no join
        where, params = self._list_filter(annotator, status, query)
        return int(self._store.scalar(
            "SELECT COUNT(*) FROM articles a LEFT JOIN article_status s "
            f"ON s.article_id = a.article_id AND s.annotator = ? {where}", params) or 0)

    def count_at_most(self, limit: int, annotator: str | None = None,
                      status: str | None = None,
                      query: str | None = None) -> tuple[int, bool]:
        """:meth:`count`, but counting no further than ``limit``: ``(count, more)``, where
        ``more`` says that more than ``limit`` articles are listed (the count is then
        ``limit``).  What the list shows first ("10,000+") costs what 10,000 matches cost,
        however many articles match."""
        if status is None and not (query or "").strip():
            total = self._count_and_last()[0]
            return min(total, limit), total > limit
        if status is None:
            match = fts_query(query or "")
            if not match:
                return 0, False
            chosen = self._parts()
            found = int(self._store.scalar(
                f"SELECT COUNT(*) FROM ({search_parts.matching(chosen)} LIMIT ?)",
                [*[match] * len(chosen), limit + 1]) or 0)
        else:
            where, params = self._list_filter(annotator, status, query)
            found = int(self._store.scalar(
                "SELECT COUNT(*) FROM (SELECT 1 FROM articles a LEFT JOIN article_status s "
                f"ON s.article_id = a.article_id AND s.annotator = ? {where} LIMIT ?)",
                [*params, limit + 1]) or 0)
        return min(found, limit), found > limit

    def neighbour(self, article_id: str, step: int, annotator: str | None = None,
                  skip_done: bool = False) -> str | None:
        """The next (``step`` 1) or previous (-1) article in list order, or None at an end.

        With ``skip_done``, articles ``annotator`` marked done or skipped are passed over.
        """
        number = self._store.scalar("SELECT article_no FROM articles WHERE article_id = ?",
                             (article_id,))
        if number is None:
            return None
        compare, order = (">", "ASC") if step > 0 else ("<", "DESC")
        skip = ("AND COALESCE(s.status, 'not_started') NOT IN ('done', 'skipped')"
                if skip_done else "")
        value = self._store.scalar(
            "SELECT a.article_id FROM articles a LEFT JOIN article_status s "
            "ON s.article_id = a.article_id AND s.annotator = ? "
            f"WHERE a.article_no {compare} ? {skip} ORDER BY a.article_no {order} LIMIT 1",
            (annotator or "", number),
        )
        return None if value is None else str(value)

    def position(self, article_id: str, annotator: str | None = None,
                 status: str | None = None, query: str | None = None) -> int | None:
        """The 0-based position of an article in :meth:`summaries` with these filters."""
        number = self._store.scalar("SELECT article_no FROM articles WHERE article_id = ?",
                             (article_id,))
        if number is None:
            return None
        if status is None and not (query or "").strip():
            if self._numbered_without_gaps():
                return int(number) - 1
            # No filter: a count over the primary key alone, no join.
            return int(self._store.scalar("SELECT COUNT(*) FROM articles WHERE article_no < ?",
                                   (number,)) or 0)
        if status is None:
            # The matches before it, from the index alone: it stops at the article.
            match = fts_query(query or "")
            chosen = [part for part in self._parts() if part.first < int(number)]
            if not match or not chosen:
                return 0
            return int(self._store.scalar(
                f"SELECT COUNT(*) FROM ({search_parts.matching(chosen, 'AND rowid < ?')})",
                [match, number] * len(chosen)) or 0)
        where, params = self._list_filter(annotator, status, query)
        where = (where + " AND" if where else "WHERE") + " a.article_no < ?"
        return int(self._store.scalar(
            "SELECT COUNT(*) FROM articles a LEFT JOIN article_status s "
            f"ON s.article_id = a.article_id AND s.annotator = ? {where}",
            [*params, number]) or 0)

    def _list_filter(self, annotator: str | None, status: str | None,
                     query: str | None) -> tuple[str, list[object]]:
        if status is not None and status not in STATUSES and not is_list_filter(status):
            raise AnnotatorError(unknown_status(status))
        conditions: list[str] = []
        params: list[object] = [annotator or ""]
        if status == QUEUE:
            conditions.append("a.article_id IN (SELECT article_id FROM assignments "
                              "WHERE annotator = ?)")
            params.append(annotator or "")
        elif status == TRAINING:
            conditions.append("a.article_id IN (SELECT article_id FROM training_articles)")
        elif status is not None and status.startswith(SAMPLE):
            conditions.append("a.article_id IN (SELECT article_id FROM sample_articles "
                              "WHERE sample = ?)")
            params.append(status[len(SAMPLE):])
        elif status is not None:
            conditions.append("COALESCE(s.status, 'not_started') = ?")
            params.append(status)
        match = fts_query(query or "")
        if match:
            chosen = self._parts()
            conditions.append(f"a.article_no IN ({search_parts.matching(chosen)})")
            params += [match] * len(chosen)
        elif (query or "").strip():
            conditions.append("0")  # a query with no words in it matches nothing
        return ("WHERE " + " AND ".join(conditions) if conditions else ""), params

    def iter_all(self) -> Iterator[Article]:
        """Every article, in import order."""
        yield from (
            Article(*row)
            for row in self._store.conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY article_no"
            )
        )

    def bodies(self) -> Iterator[tuple[str, str, str]]:
        """``(article id, body, content hash)`` of every article, in import order."""
        yield from self._store.conn.execute(
            "SELECT article_id, body, content_hash FROM articles ORDER BY article_no")

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles matching every word of ``query``, best first, with a snippet.

        Ranked in two stages, so that a common word costs what a rare one does: the index
        finds the :data:`RANK_CANDIDATES` last imported matches (it reads no further), and
        bm25 ranks those alone (title words weigh 4, body words 1).  A query with fewer
        matches is ranked whole, as before; asking for more hits than that (``limit`` +
        ``offset``) ranks as many candidates.  Each part of the index
        (:mod:`~.search_parts`) weighs words by its own articles, so candidates from two
        parts are ranked by slightly different weights.  Snippets are made for the hits
        returned only.
        """
        match = fts_query(query)
        if not match or limit <= 0:
            return []
        candidates = max(RANK_CANDIDATES, offset + limit)
        chosen = self._parts()
        lowest = search_parts.newest(self._store.conn, chosen, match, candidates)
        # Only the parts holding candidates rank (bm25 reads each query word's list in
        # each to weigh it): the newest one or two when a word is common.
        chosen = search_parts.from_number(chosen, lowest)
        ranked = search_parts.each(
            chosen, "SELECT rowid, bm25({part}, 4.0, 1.0) AS rank FROM {part} "
                    "WHERE {part} MATCH ? AND rowid >= ?")
        rows = self._store.conn.execute(
            "SELECT a.article_id, a.title, a.body FROM "
            f"({ranked} ORDER BY rank LIMIT ? OFFSET ?) AS hit "
            "JOIN articles a ON a.article_no = hit.rowid ORDER BY hit.rank",
            (*[match, lowest] * len(chosen), limit, offset),
        ).fetchall()
        words = highlight_words(query)
        return [_hit(article_id, title, body, words) for article_id, title, body in rows]

    def search_count(self, query: str) -> int:
        """How many articles match ``query``: every match is read (a common word's count
        costs what its articles do); :meth:`count_at_most` stops early."""
        match = fts_query(query)
        if not match:
            return 0
        chosen = self._parts()
        return int(self._store.scalar(f"SELECT COUNT(*) FROM ({search_parts.matching(chosen)})",
                                      [match] * len(chosen)) or 0)


def _hit(article_id: str, title: str, body: str, words: list[str]) -> SearchHit:
    # A common word is found near the start: fold the start first, the whole body only
    # when the start does not settle it (folding a body costs more than ranking it).
    found = _earliest(body, words, end=_SNIPPET_FIRST) if len(body) > _SNIPPET_FIRST else None
    start, end = found or _earliest(body, words) or (-1, -1)
    if start < 0:
        return SearchHit(article_id, title, body[:160].replace("\n", " "), -1, -1)
    left = max(0, start - 70)
    right = min(len(body), end + 90)
    snippet = ("…" if left else "") + body[left:right] + ("…" if right < len(body) else "")
    return SearchHit(article_id, title, snippet.replace("\n", " "), start, end)


def _earliest(body: str, words: list[str], end: int | None = None) -> tuple[int, int] | None:
    """Where in ``body`` (code points, end exclusive) the earliest of ``words`` is found
    in its search key (the longest at the same place), or None.

    With ``end``, in ``body[:end]`` alone (folded as the whole body is, see
    :func:`~annotator.core.text.search_key_with_offsets`), and a match is taken only where
    every word starting there or before ends well inside it: a word cut off at the end, or
    the last characters folded without what follows them, cannot change it.
    """
    key, where = search_key_with_offsets(body, end)
    best = -1
    length = 0
    for word in words:
        found = key.find(word)
        if found >= 0 and (best < 0 or found < best):
            best, length = found, len(word)
    if best < 0 or (end is not None
                    and best + max(map(len, words)) > len(key) - _SNIPPET_MARGIN):
        return None
    return where[best], where[best + length - 1] + 1


def _no_article(article_id: str) -> Translatable:
    return Translatable("no article with id '{id}' in the project", id=article_id)


def unknown_status(status: str) -> Translatable:
    return Translatable("unknown status '{status}' (use one of: {statuses})", status=status,
                        statuses=Listing(STATUSES))
