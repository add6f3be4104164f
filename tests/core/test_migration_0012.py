"""Migration 0012: a merge finds the tags removed in either file from a small index.

Without it, each of the merge's two looks for removals read every history entry of its
file (some 10,000,000 at 1,000,000 articles).  A project of the schema before (a real
fixture file, whose history holds a removed tag) is migrated, merged with a copy of itself
in which a tag was removed, and the statements the merge ran are planned again.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from annotator.core.store import open_project

FIXTURE = (Path(__file__).resolve().parents[1] / "fixtures"
           / "project_0011_article_columns.sqlite")


def _plan(conn: sqlite3.Connection, sql: str) -> str:
    return " | ".join(str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_the_merge_reads_removals_from_their_index(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    shutil.copy(FIXTURE, mine)
    with sqlite3.connect(mine) as raw:
        assert not raw.execute("SELECT 1 FROM sqlite_master WHERE name = "
                               "'history_tag_removals'").fetchone()
        history = raw.execute("SELECT * FROM history ORDER BY change_id").fetchall()
    with open_project(mine, create=False) as project:
        assert project.conn.execute(
            "SELECT * FROM history ORDER BY change_id").fetchall() == history
        assert project.tags.find("002_603f5c7882508bd5", "sara", "stance")
    shutil.copy(mine, theirs)
    with open_project(theirs, create=False) as project:
        project.tags.clear_field("002_603f5c7882508bd5", "sara", "stance")
    with open_project(mine, create=False) as project:
        statements: list[str] = []
        project.conn.set_trace_callback(statements.append)
        summary = project.merge.from_file(theirs, backup=False)
        project.conn.set_trace_callback(None)
        assert summary.tags_removed == 1
        assert not project.tags.find("002_603f5c7882508bd5", "sara", "stance")
    looks = {s for s in statements if "action = 'removed'" in s and "SELECT" in s
             and not s.startswith("UPDATE")}
    assert len(looks) >= 2
    check = sqlite3.connect(mine)
    check.execute("ATTACH DATABASE ? AS other", (str(theirs),))
    check.execute("CREATE TEMP TABLE merge_articles (theirs TEXT PRIMARY KEY, "
                  "ours TEXT NOT NULL) WITHOUT ROWID")
    for sql in looks:
        if sql.startswith("INSERT INTO temp.merge_gone"):
            check.execute("CREATE TEMP TABLE IF NOT EXISTS merge_gone (tag_id INTEGER "
                          "PRIMARY KEY, tag_uid TEXT NOT NULL, removed_at TEXT NOT NULL)")
        if sql.startswith("INSERT INTO temp.merge_removed"):
            check.execute("CREATE TEMP TABLE IF NOT EXISTS merge_removed (tag_uid TEXT "
                          "PRIMARY KEY, removed_at TEXT) WITHOUT ROWID")
        plan = _plan(check, sql)
        assert "history_tag_removals" in plan, (sql, plan)
    check.close()
