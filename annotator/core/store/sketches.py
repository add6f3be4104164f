"""The near-duplicate check's sketches of the project's articles.

The import compares each new article with the project's articles
(:mod:`annotator.core.intake.duplicates`).  Their sketches are kept here (table
``article_sketches``, with ``article_anchors`` to find the articles that share some of a
text's smallest hashes), so an import looks up what could repeat each new article instead
of reading every article's text: its cost follows what is imported, not the project.  An
article without a sketch (a project made before sketches were kept, articles merged in)
gets it from the next import, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from operator import itemgetter
from typing import NamedTuple

from annotator.core.store.base import Store

_CHUNK = 50_000
"""Articles whose sketches are kept in one transaction (their anchors sorted together)."""


class StoredSketch(NamedTuple):
    """A kept sketch: whose, the digest of its folded words, its shingles and hashes."""

    article_id: str
    words: bytes
    shingles: int
    sketch: bytes


class Sketches:
    """``project.sketches``: keep the articles' sketches and find candidates among them."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def missing(self) -> list[tuple[str, str]]:
        """``(article id, body)`` of the articles without a sketch, in import order."""
        return self._store.conn.execute(
            "SELECT a.article_id, a.body FROM articles a WHERE NOT EXISTS (SELECT 1 FROM "
            "article_sketches s WHERE s.article_no = a.article_no) ORDER BY a.article_no"
        ).fetchall()

    def keep(self, sketches: Iterable[tuple[str, bytes, int, bytes, list[int]]]) -> None:
        """Keep ``(article id, words, shingles, sketch, anchors)`` rows (an id the project
        does not hold is passed over), a transaction per :data:`_CHUNK` articles: if
        ``sketches`` fails half-way, the chunks before stay kept (the next import makes
        the missing ones, as for any article without a sketch)."""
        rows = iter(sketches)
        while chunk := list(islice(rows, _CHUNK)):
            self._keep_chunk(chunk)

    def _keep_chunk(self, rows: list[tuple[str, bytes, int, bytes, list[int]]]) -> None:
        conn = self._store.conn
        # Each anchor names an article found just above in the same transaction, so
        # SQLite's check of the reference would only repeat that: a look into the
        # articles table per anchor, in the anchors' order a leaf anywhere in it (2.6 s
        # of 4 s per 50,000 articles at 100,000).  The setting is put back at once; in
        # a caller's open transaction SQLite ignores it and the checks stay on.
        checked = conn.execute("PRAGMA foreign_keys").fetchone()[0]
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self._store.write():
                numbers: dict[str, int] = {}
                for start in range(0, len(rows), 500):
                    ids = [row[0] for row in rows[start:start + 500]]
                    numbers.update(conn.execute(
                        "SELECT article_id, article_no FROM articles WHERE article_id IN "
                        f"({', '.join('?' * len(ids))})", ids))
                kept = [row for row in rows if row[0] in numbers]
                conn.executemany(
                    "INSERT OR REPLACE INTO article_sketches (article_no, words, shingles, "
                    "sketch) VALUES (?, ?, ?, ?)",
                    [(numbers[article_id], words, count, sketch)
                     for article_id, words, count, sketch, _anchors in kept])
                # In key order: anchors are hashes, so in the articles' order each one
                # went to a leaf anywhere in their index, slower as it grows; sorted, a
                # chunk's anchors pass over the index once.
                anchors = [(anchor, numbers[article_id])
                           for article_id, _w, _c, _s, held in kept for anchor in held]
                anchors.sort(key=itemgetter(0))
                conn.executemany("INSERT OR IGNORE INTO article_anchors (anchor, article_no) "
                                 "VALUES (?, ?)", anchors)
        finally:
            conn.execute(f"PRAGMA foreign_keys = {'ON' if checked else 'OFF'}")

    def has_content(self, digest: str) -> bool:
        """Whether an article with exactly this content hash is in the project."""
        return self._store.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None

    def same_words(self, words: bytes) -> str | None:
        """The first article whose folded words have this digest, if any."""
        row = self._store.conn.execute(
            "SELECT a.article_id FROM article_sketches s JOIN articles a "
            "ON a.article_no = s.article_no WHERE s.words = ? ORDER BY s.article_no LIMIT 1",
            (words,)).fetchone()
        return None if row is None else str(row[0])

    def candidates(self, anchors: list[int], *, common: int, votes: int,
                   most: int) -> list[tuple[int, StoredSketch]]:
        """The kept sketches sharing at least ``votes`` of ``anchors`` (an anchor held by
        more than ``common`` articles does not count), most shared first, at most
        ``most``: ``(shared anchors, sketch)``."""
        if not anchors:
            return []
        conn = self._store.conn
        marks = ", ".join("?" * len(anchors))
        rare = [anchor for anchor, in conn.execute(
            f"SELECT anchor FROM article_anchors WHERE anchor IN ({marks}) "
            f"GROUP BY anchor HAVING COUNT(*) <= ?", (*anchors, common))]
        if len(rare) < votes:
            return []
        marks = ", ".join("?" * len(rare))
        return [(int(shared), StoredSketch(str(article_id), bytes(words), int(count),
                                           bytes(sketch)))
                for shared, article_id, words, count, sketch in conn.execute(
                    "SELECT n.shared, a.article_id, s.words, s.shingles, s.sketch FROM "
                    f"(SELECT article_no, COUNT(*) AS shared FROM article_anchors "
                    f"WHERE anchor IN ({marks}) GROUP BY article_no HAVING COUNT(*) >= ? "
                    "ORDER BY COUNT(*) DESC, article_no LIMIT ?) n "
                    "JOIN article_sketches s ON s.article_no = n.article_no "
                    "JOIN articles a ON a.article_no = n.article_no "
                    "ORDER BY n.shared DESC, n.article_no", (*rare, votes, most))]
