"""Migration 0003: the same CHECKs as plain comparisons; every row kept, both ways it runs."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.errors import AnnotatorError
from annotator.core.store import merge as merge_module
from annotator.core.store import open_project, schema_edit
from annotator.core.store.migrations import migrations
from tests.conftest import ARABIC_ID
from tests.core.test_merge import new_project

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "project_0002_review.sqlite"
CHECKED = {"history": {"action": ("added", "changed", "removed"),
                       "what": ("tag", "status", "adjudication")},
           "article_status": {"status": ("not_started", "in_progress", "done", "skipped")}}


@pytest.fixture(params=["writable_schema", "rebuild"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs with the schema edited in place, and with the tables rebuilt."""
    monkeypatch.setattr(schema_edit, "ALLOW_WRITABLE_SCHEMA", request.param == "writable_schema")
    return str(request.param)


LATER_TABLES = ("training_articles", "participant_history", "article_sketches",
                "article_anchors", "status_counts")
"""Tables later migrations add (0007, 0008, 0009, 0010): not part of what 0003 must keep."""
WITHOUT_ROWIDS_LATER = ("article_status",)
"""Tables a later migration stores without rowids (0013): their rows compared by key."""
LATER_COLUMNS = {"participants": 4}
"""Columns later migrations add at a table's end (0008: corrections, retirement, merge)."""


def _everything(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%' "
        "AND name NOT LIKE 'article_search_%' AND name <> '_sqlite_migrations'")
        if name not in LATER_TABLES]
    return {t: (conn.execute(f'SELECT * FROM "{t}" ORDER BY article_id, annotator').fetchall()
                if t in WITHOUT_ROWIDS_LATER else
                conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall())
            for t in tables}


def _without_later_columns(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The rows as 0003 left them: later migrations' columns (NULL here) dropped."""
    return {t: [row[:len(row) - LATER_COLUMNS.get(t, 0)] for row in r] for t, r in rows.items()}


def _schema(conn: sqlite3.Connection, kind: str) -> dict[str, str]:
    return {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL", (kind,))}


def _old_project(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    return path


def test_migrating_keeps_every_row_index_and_trigger(way: str, tmp_path: Path) -> None:
    path = _old_project(tmp_path)
    raw = sqlite3.connect(path)
    rows, indexes, triggers = _everything(raw), _schema(raw, "index"), _schema(raw, "trigger")
    raw.close()
    assert len(rows["history"]) == 10 and len(rows["article_status"]) == 3
    with open_project(path) as project:
        conn = project.conn
        assert "0003_plain_checks" in migrations.applied(project.conn)
        assert not migrations.pending(project.conn)
        # Later migrations add tables (0006: samples), empty in a migrated file.
        assert {t: r for t, r in _without_later_columns(_everything(conn)).items()
                if t in rows or r} == rows
        now = _schema(conn, "index")
        assert {name: now[name] for name in indexes} == indexes  # 0004 adds one for the list
        assert set(now) - set(indexes) == {"articles_listed", "assignments_by_annotator",
                                           "participant_history_by_id",
                                           "article_sketches_by_words",
                                           "history_tag_removals"}
        now = _schema(conn, "trigger")
        assert {name: now[name] for name in triggers} == triggers  # 0010 adds the counts'
        assert set(now) - set(triggers) == {"status_counted", "status_recounted",
                                            "status_uncounted"}
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = _schema(conn, "table")
        for table, columns in CHECKED.items():
            for column in columns:
                assert f"{column} IN (" not in tables[table]
                assert f"{column} = " in tables[table]
        # The triggers still record, and the indexes are used.
        project.tags.set_choice(ARABIC_ID, "reza", "stance", "neutral")
        project.statuses.set(ARABIC_ID, "reza", "done")
        assert {(c.action, c.what) for c in project.history.changes(ARABIC_ID, "reza")} >= {
            ("added", "tag"), ("added", "status")}
        plan = " ".join(str(r[-1]) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM history WHERE article_id = ? AND annotator = ?",
            (ARABIC_ID, "reza")))
        assert "history_by_article" in plan


@pytest.mark.parametrize(("table", "column"), [
    ("history", "action"), ("history", "what"), ("article_status", "status")])
def test_the_new_checks_refuse_what_the_old_ones_refused(
        way: str, tmp_path: Path, table: str, column: str) -> None:
    path = _old_project(tmp_path)
    with open_project(path) as project:
        conn = project.conn
        # (statuses have no rowids since 0013: a row is named by its key)
        key = "article_id || '/' || annotator" if table == "article_status" else "rowid"
        row = conn.execute(f"SELECT {key} FROM {table} LIMIT 1").fetchone()[0]
        for bad in ("bogus", "", "Added", "done ", "tag,status", 1):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (bad, row))
        conn.execute("BEGIN")
        for good in CHECKED[table][column]:
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (good, row))
        conn.execute("ROLLBACK")


def test_the_plain_spelling_decides_every_value_as_the_list_did() -> None:
    conn = sqlite3.connect(":memory:")
    values = ("added", "changed", "removed")
    old, new = schema_edit.in_list("x", values), schema_edit.any_of("x", values)
    for candidate in (*values, "bogus", "", "ADDED", " added", None, 0, 1.5, b"added"):
        assert conn.execute(f"SELECT ({old}) IS ({new}) FROM (SELECT ? AS x)",
                            (candidate,)).fetchone() == (1,), candidate


def test_a_refused_schema_edit_rolls_back_and_rebuilds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As in defensive mode: the edit of sqlite_master does not take, so the tables are
    made again, and nothing of the refused attempt stays."""
    tried: list[str] = []

    def refuse(conn: sqlite3.Connection, changed: dict[str, tuple[str, str]]) -> None:
        tried.extend(changed)
        conn.execute("UPDATE main.history SET action = 'changed'")  # must be undone
        raise schema_edit.SchemaEditRefused("refused for the test")

    monkeypatch.setattr(schema_edit, "_edit_in_place", refuse)
    path = _old_project(tmp_path)
    raw = sqlite3.connect(path)
    rows = _everything(raw)
    raw.close()
    with open_project(path) as project:
        assert sorted(tried) == ["article_status", "history"]
        assert {t: r for t, r in _without_later_columns(_everything(project.conn)).items()
                if t in rows or r} == rows
        assert 'CREATE TABLE "history"' in _schema(project.conn, "table")["history"]


@pytest.mark.skipif(not hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"),
                    reason="sqlite3.Connection.setconfig needs Python 3.12")
def test_in_defensive_mode_the_tables_are_rebuilt(tmp_path: Path) -> None:
    path = _old_project(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    rows = _everything(conn)
    conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]
    migrations.apply(Database(conn))
    assert _everything(conn) == rows
    assert 'CREATE TABLE "history"' in _schema(conn, "table")["history"]
    conn.close()


def test_a_colleagues_file_without_0003_is_read_in_place_and_merged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copies: list[Path] = []
    monkeypatch.setattr(merge_module, "_copy_read_only",
                        lambda source, target: copies.append(source))
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = _old_project(tmp_path)
    before = theirs.read_bytes()
    summary = mine.merge.from_file(theirs)
    assert copies == [] and theirs.read_bytes() == before
    assert summary.tags_added == 3 and summary.annotators == ["sara"]
    assert summary.statuses == 3
    assert [t.value for t in mine.tags.find(ARABIC_ID, "sara", "stance")] == ["strongly_condemning"]
    assert mine.statuses.get(ARABIC_ID, "sara") == "done"
    assert mine.statuses.get("001_5b82d33603e0f177", "sara") == "skipped"
    history = "SELECT changed_at, changed_by, action, what, article_id, annotator, field, " \
        "old_value, new_value FROM history"
    raw = sqlite3.connect(theirs)
    their_history = set(raw.execute(history).fetchall())
    raw.close()
    assert len(their_history) == 10 and their_history <= set(mine.conn.execute(history))
    assert mine.merge.from_file(theirs).history == 0  # and again: nothing new
    mine.close()


def test_a_row_the_new_check_refuses_stops_the_edit_in_place(tmp_path: Path) -> None:
    """quick_check reads every row against the new text: a stored row it refuses sends
    the table to the rebuild, whose insert refuses it too; nothing is changed."""
    path = _old_project(tmp_path)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA ignore_check_constraints = ON")
    raw.execute("UPDATE history SET action = 'bogus' WHERE rowid = 1")
    rows = _everything(raw)
    raw.close()
    with pytest.raises(AnnotatorError, match="CHECK constraint failed"):
        open_project(path, backup_before_migration=False)
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT name FROM _sqlite_migrations").fetchall()[-1] == ("0002_review",)
    assert " IN (" in _schema(raw, "table")["history"]
    assert _everything(raw) == rows
    raw.close()
