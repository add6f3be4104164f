"""Migration 0011: the exports and the statistics read the articles' columns from an index.

Title, outlet, date and language sit after the body in an article's row; reading them
from the table walked every body's overflow pages (about 5 GB at 1,000,000 articles).
A project of the schema before (a real fixture file) is migrated and read.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from annotator.core.intake.importer import import_paths
from annotator.core.store import open_project
from annotator.core.store.export_rows import article_rows
from annotator.core.store.stats import corpus_summary

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "project_0010_status_counts.sqlite"


def _plan(conn: sqlite3.Connection, sql: str) -> str:
    return " ".join(str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_the_exports_article_columns_come_from_the_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    with sqlite3.connect(path) as raw:
        before = raw.execute("SELECT article_id, title, outlet, published, language "
                             "FROM articles ORDER BY article_no").fetchall()
        assert "COVERING INDEX" not in _plan(
            raw, "SELECT article_id, title, outlet, published, language FROM articles "
            "ORDER BY article_no")
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps({"id": "irna-1", "title": "گفت‌وگوی تلفنی", "outlet": "ایرنا",
                               "published": "2023-11-02", "text": "متن خبر دربارهٔ غزه."},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    with open_project(path) as project:
        import_paths(project, [new])
        statements: list[str] = []
        project.conn.set_trace_callback(statements.append)
        assert list(article_rows(project)) == [
            *before, ("irna-1", "گفت‌وگوی تلفنی", "ایرنا", "2023-11-02", "fa")]
        project.conn.set_trace_callback(None)
        [read] = [s for s in statements if "FROM articles" in s]
        assert "COVERING INDEX articles_listed" in _plan(project.conn, read)
        # The statistics' counts by language, outlet and date too.
        statements.clear()
        project.conn.set_trace_callback(statements.append)
        stats = corpus_summary(project)
        project.conn.set_trace_callback(None)
        reads = [s for s in statements if "FROM articles" in s]
        assert reads
        for sql in reads:
            assert "COVERING INDEX articles_listed" in _plan(project.conn, sql), sql
        assert stats.outlets == {"ایرنا": 1} and stats.no_outlet == len(before)
        dates = [row[3] for row in before if row[3]] + ["2023-11-02"]
        assert (stats.first_published, stats.last_published) == (min(dates), max(dates))
