"""Migration 0013: statuses stored by their key (article, annotator), without rowids.

The article list reads the annotator's status of each row it shows; in a table with
rowids that was a look-up in the key's index and then a read of the table's row.  A
project of the schema before (a real fixture file, with statuses, their history and their
counts) is migrated: every status, index and trigger is kept, the list's look-up reads
the table's own key, and the triggers still record and count a change.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from annotator.core.store import open_project
from tests.conftest import ARABIC_ID

FIXTURE = (Path(__file__).resolve().parents[1] / "fixtures"
           / "project_0012_history_removals.sqlite")


def _schema(conn: sqlite3.Connection) -> dict[str, str]:
    return {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "AND sql IS NOT NULL")}


def test_statuses_keep_every_row_index_and_trigger_and_are_read_by_key(
        tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    with sqlite3.connect(path) as raw:
        statuses = sorted(raw.execute("SELECT * FROM article_status").fetchall())
        counts = sorted(raw.execute("SELECT * FROM status_counts").fetchall())
        history = raw.execute("SELECT * FROM history ORDER BY change_id").fetchall()
        schema = _schema(raw)
    assert len(statuses) == 3 and counts
    with open_project(path, create=False) as project:
        conn = project.conn
        (create,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                                 "AND name = 'article_status'").fetchone()
        assert create.rstrip().endswith("WITHOUT ROWID")
        assert sorted(conn.execute("SELECT * FROM article_status").fetchall()) == statuses
        assert sorted(conn.execute("SELECT * FROM status_counts").fetchall()) == counts
        assert conn.execute("SELECT * FROM history ORDER BY change_id").fetchall() == history
        assert _schema(conn).items() >= schema.items()  # the same indexes and triggers
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # The list's status of a row: the table's own key, no second read.
        plan = " | ".join(str(row[3]) for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT a.article_id, COALESCE(s.status, 'not_started') "
            "FROM articles a INDEXED BY articles_listed LEFT JOIN article_status s "
            "ON s.article_id = a.article_id AND s.annotator = ? WHERE a.article_no = ?",
            ("sara", 1)))
        assert "SEARCH s USING PRIMARY KEY" in plan, plan
        # The triggers still record and count: a new status and a changed one.
        project.statuses.set(ARABIC_ID, "reza", "done")
        first = next(a for a, _annotator, status, _at in statuses if status != "in_progress")
        project.statuses.set(first, "sara", "in_progress")
        assert project.statuses.get(ARABIC_ID, "reza") == "done"
        assert project.statuses.get(first, "sara") == "in_progress"
        now = dict(((a, s), n) for a, s, n in conn.execute("SELECT * FROM status_counts"))
        assert now[("reza", "done")] == 1
        assert sum(n for (a, _s), n in now.items() if a == "sara") == 3
        latest = conn.execute("SELECT action, what, article_id, annotator, new_value "
                              "FROM history ORDER BY change_id DESC LIMIT 2").fetchall()
        assert latest == [("changed", "status", first, "sara", "in_progress"),
                          ("added", "status", ARABIC_ID, "reza", "done")]
