"""Migration 0004: the article list reads its pages from an index, never from the bodies."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.core.store import open_project

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "project_0002_review.sqlite"


def test_a_page_of_the_list_reads_the_index_alone(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    with open_project(path) as project:
        listed = project.articles.summaries("sara")
        assert [a.article_id for a in listed] == [
            row[0] for row in project.conn.execute(
                "SELECT article_id FROM articles ORDER BY article_no")]
        # The query a page deep in the list runs: articles after a number, with a status.
        plan = " ".join(str(row[3]) for row in project.conn.execute(
            "EXPLAIN QUERY PLAN SELECT a.article_id, a.title, a.language, s.status "
            "FROM articles a LEFT JOIN article_status s ON s.article_id = a.article_id "
            "AND s.annotator = ? WHERE a.article_no > ? ORDER BY a.article_no LIMIT 50",
            ("sara", 1)))
        assert "COVERING INDEX articles_listed" in plan
        assert [(a.article_id, a.title, a.language) for a in project.articles.summaries(
            "sara", limit=2, offset=1)] == [
            (a.article_id, a.title, a.language) for a in listed[1:3]]
