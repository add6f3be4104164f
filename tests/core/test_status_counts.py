"""Each annotator's count of articles per status is kept by triggers (migration 0010).

The window's progress bar read it with a ``GROUP BY`` over every status of the annotator
(0.6 s from the disk at 1,000,000 articles).  The kept counts must equal a recount after
whatever writes statuses: the window's edits and their undo, the CLI, a tag import and
its undo, a merge, a team snapshot, an old project migrated.  Real project files.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.commands import main
from annotator.core.i18n import translation
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.core.store.backups import backup
from annotator.core.store.snapshot_files import LEAD, MEMBER, copy_owned
from tests.conftest import SAMPLE_IDS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def kept(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    return {(str(a), str(s)): int(n) for a, s, n in conn.execute(
        "SELECT annotator, status, articles FROM status_counts WHERE articles <> 0")}


def recounted(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    return {(str(a), str(s)): int(n) for a, s, n in conn.execute(
        "SELECT annotator, status, COUNT(*) FROM article_status GROUP BY annotator, status")}


def test_counts_do_not_scan_the_statuses(project_path: Path) -> None:
    with open_project(project_path, create=False) as project:
        Session(project, "sara").set_status(SAMPLE_IDS[0], "done")
        Session(project, "sara").set_choice(SAMPLE_IDS[1], "stance", "neutral")
        statements: list[str] = []
        project.conn.set_trace_callback(statements.append)
        counts = project.statuses.counts("sara")
        project.conn.set_trace_callback(None)
        assert counts["done"] == 1 and counts["in_progress"] == 1
        assert counts["not_started"] == len(SAMPLE_IDS) - 2
        assert not [s for s in statements if "article_status" in s]


_STEP = st.tuples(st.sampled_from(["set", "tag", "undo", "redo"]),
                  st.sampled_from(["sara", "reza"]), st.sampled_from(SAMPLE_IDS[:4]),
                  st.sampled_from(["not_started", "in_progress", "done", "skipped"]))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_STEP, min_size=1, max_size=25))
def test_kept_counts_equal_a_recount_after_edits_and_undo(
        project_path: Path, tmp_path: Path, steps: list[tuple[str, str, str, str]]) -> None:
    path = tmp_path / "edited.sqlite"
    shutil.copy(project_path, path)
    with open_project(path, create=False) as project:
        sessions = {name: Session(project, name) for name in ("sara", "reza")}
        for action, name, article, status in steps:
            session = sessions[name]
            if action == "set":
                session.set_status(article, status)
            elif action == "tag":
                session.set_choice(article, "stance", "neutral")
            elif action == "undo":
                session.undo()
            else:
                session.redo()
            assert kept(project.conn) == recounted(project.conn)
        for name in sessions:
            counts = project.statuses.counts(name)
            assert sum(counts.values()) == len(SAMPLE_IDS)
    path.unlink()


def test_cli_tag_import_and_its_undo_keep_the_counts(project_path: Path, tmp_path: Path) -> None:
    backup(project_path, "manual")  # a recent backup: the small import makes none
    rows = ["article_id,annotator,field,value"] + [
        f"{article},nima,stance,neutral" for article in SAMPLE_IDS[:3]]
    (tmp_path / "in.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = ["--db", str(project_path)]
    assert main([*db, "status", SAMPLE_IDS[0], "done", "--annotator", "nima"]) == 0
    assert main([*db, "import-tags", str(tmp_path / "in.csv")]) == 0
    with sqlite3.connect(project_path) as conn:
        assert kept(conn) == recounted(conn)
        assert kept(conn)[("nima", "in_progress")] == 2
    assert main([*db, "import-tags", "--undo"]) == 0
    with sqlite3.connect(project_path) as conn:
        assert kept(conn) == recounted(conn)
        # the undo leaves "not started" rows, as the window's undo does
        assert kept(conn) == {("nima", "done"): 1, ("nima", "not_started"): 2}
    with open_project(project_path, create=False) as project:
        counts = project.statuses.counts("nima")
        assert counts["done"] == 1 and counts["in_progress"] == 0
        assert counts["not_started"] == len(SAMPLE_IDS) - 1


def test_a_merge_keeps_the_counts(project_path: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.sqlite"
    shutil.copy(project_path, theirs)
    with open_project(theirs, create=False) as project:
        reza = Session(project, "reza")
        for article in SAMPLE_IDS[:3]:
            reza.set_status(article, "done")
        Session(project, "sara").set_status(SAMPLE_IDS[3], "skipped")
    with open_project(project_path, create=False) as project:
        Session(project, "sara").set_status(SAMPLE_IDS[0], "in_progress")
        project.merge.from_file(theirs)
        assert kept(project.conn) == recounted(project.conn)
        assert project.statuses.counts("reza")["done"] == 3
        assert project.statuses.counts("sara")["skipped"] == 1


def test_a_snapshot_counts_only_what_it_holds(project_path: Path, tmp_path: Path) -> None:
    with open_project(project_path, create=False) as project:
        Session(project, "sara").set_status(SAMPLE_IDS[0], "done")
        Session(project, "reza").set_status(SAMPLE_IDS[1], "skipped")
        for role, name in ((LEAD, "lead.sqlite"), (MEMBER, "member.sqlite")):
            copy = tmp_path / name
            copy_owned(project.conn, copy, "sara", role)
            with sqlite3.connect(copy) as conn:
                assert kept(conn) == recounted(conn) == {("sara", "done"): 1}
                # and the copy's own triggers keep counting
                conn.execute("UPDATE article_status SET status = 'skipped'")
                assert kept(conn) == recounted(conn) == {("sara", "skipped"): 1}


def test_an_old_project_is_counted_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "project_0009_article_sketches.sqlite", path)
    with open_project(path) as project:
        counts = project.statuses.counts("sara")
        assert counts["done"] == 1 and counts["skipped"] == 1
        assert kept(project.conn) == recounted(project.conn)


def test_check_finds_counts_a_tool_left_wrong_and_recount_mends_them(
        project_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = ["--db", str(project_path)]
    assert main([*db, "status", SAMPLE_IDS[0], "done", "--annotator", "nima"]) == 0
    assert main([*db, "status", SAMPLE_IDS[1], "skipped", "--annotator", "nima"]) == 0
    assert main([*db, "check"]) == 0
    assert "status counts: ok" in capsys.readouterr().out
    # An SQLite tool writes statuses without the project's triggers (a copy of the
    # table from elsewhere, the triggers dropped by hand).
    with sqlite3.connect(project_path) as conn:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'article_status'").fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE article_status SET status = 'done' WHERE annotator = 'nima'")
        conn.execute("INSERT INTO article_status (article_id, annotator, status, updated_at) "
                     "VALUES (?, 'reza', 'in_progress', '2026-01-01T00:00:00Z')",
                     (SAMPLE_IDS[2],))
        for _, sql in triggers:
            conn.execute(sql)
    assert main([*db, "check"]) == 1
    out = capsys.readouterr().out
    assert "status counts: 3 kept counts differ from the statuses" in out
    assert "annotator check --recount" in out
    assert "nima, done: kept 1, counted 2" in out
    assert "nima, skipped: kept 1, counted 0" in out
    assert "reza, in_progress: kept 0, counted 1" in out
    assert "result: 1 problems" not in out and "result: 3 problems" in out
    for lang in ("fa", "ar"):  # the statuses named as the window names them
        assert main(["--lang", lang, *db, "check"]) == 1
        out = capsys.readouterr().out
        words = translation(lang)
        # The window's status words, which the catalogue has in this language.
        assert not words.pgettext("status", "in progress").isascii()
        assert not words.pgettext("status", "skipped").isascii()
        assert "in_progress" not in out and "skipped" not in out
        assert f"reza، {words.pgettext('status', 'in progress')}" in out
        assert f"nima، {words.pgettext('status', 'skipped')}" in out
    assert main([*db, "check", "--recount"]) == 0
    out = capsys.readouterr().out
    assert "status counts: counted again (3 were wrong)" in out and "status counts: ok" in out
    with sqlite3.connect(project_path) as conn:
        assert kept(conn) == recounted(conn)
    with open_project(project_path, create=False) as project:
        assert project.statuses.counts("nima")["done"] == 2
        assert project.statuses.drift() == []
        # Nothing else changed: the statuses themselves are as the tool left them.
        assert project.statuses.get(SAMPLE_IDS[2], "reza") == "in_progress"
