"""The near-duplicate check's sketches of the project's articles (table ``article_sketches``).

The import compares each new article with the project's articles
(:mod:`annotator.core.intake.duplicates`).  Their sketches are kept here, so that an import
reads 512 bytes per article instead of every article's text and folding it again; an
article without one (a project made before sketches were kept, articles merged in) gets
it from the next import, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.core.store.base import Store


class Sketches:
    """``project.sketches``: read, make and keep the articles' sketches."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def stored(self) -> Iterator[tuple[str, bytes, int, bytes, str]]:
        """``(article id, words, shingles, sketch, content hash)`` of every article that
        has a sketch (:class:`annotator.core.intake.duplicates.Sketch` reads them)."""
        yield from self._store.conn.execute(
            "SELECT a.article_id, s.words, s.shingles, s.sketch, a.content_hash "
            "FROM article_sketches s JOIN articles a ON a.article_no = s.article_no "
            "ORDER BY s.article_no")

    def missing(self) -> list[tuple[int, str, str, str]]:
        """``(article no, article id, body, content hash)`` of the articles without one."""
        return self._store.conn.execute(
            "SELECT a.article_no, a.article_id, a.body, a.content_hash FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM article_sketches s "
            "WHERE s.article_no = a.article_no) ORDER BY a.article_no").fetchall()

    def keep(self, sketches: Iterable[tuple[str, bytes, int, bytes]]) -> None:
        """Keep ``(article id, words, shingles, sketch)`` rows (an id not stored is passed
        over)."""
        rows = [(words, count, smallest, article_id)
                for article_id, words, count, smallest in sketches]
        if not rows:
            return
        with self._store.write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO article_sketches (article_no, words, shingles, sketch) "
                "SELECT article_no, ?, ?, ? FROM articles WHERE article_id = ?", rows)
