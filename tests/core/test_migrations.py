"""Project files of every past schema version open, migrate and keep all their tags."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.store import open_project
from annotator.core.store.backups import list_backups
from annotator.core.store.migrations import migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD_FILES = sorted(FIXTURES.glob("project_*.sqlite"))


def test_there_is_a_fixture_for_every_schema_version_but_the_newest() -> None:
    names = migrations.names
    assert [p.stem.removeprefix("project_") for p in OLD_FILES] == names[:-1]


@pytest.mark.parametrize("fixture", OLD_FILES, ids=lambda p: p.stem)
def test_old_project_opens_migrates_and_keeps_everything(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(fixture, path)
    raw = sqlite3.connect(path)
    before = sorted(raw.execute("SELECT tag_uid, field, value, quote FROM tags").fetchall())
    raw.close()
    with open_project(path) as project:
        assert not migrations.pending(project.conn)
        after = sorted((t.tag_uid, t.field, t.value, t.quote) for t in project.tags.find())
        assert after == before and len(after) == 3
        assert project.statuses.get("002_603f5c7882508bd5", "sara") == "done"
        assert project.review.adjudications() == []  # the new table is there and empty
        project.review.accept("002_603f5c7882508bd5", "stance", "sara", reviewer="mina")
        assert project.articles.search("اردوغان")
    # The file was backed up before it was changed.
    assert [b.reason for b in list_backups(path)] == ["before-migration"]


def test_a_full_disk_during_a_write_changes_nothing(project) -> None:
    article = "002_603f5c7882508bd5"
    project.tags.set_choice(article, "sara", "stance", "neutral")
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(AnnotatorError, match="disk is full"):
        project.tags.set_choice(article, "sara", "note", "یادداشت " * 20000)
    project.conn.execute("PRAGMA max_page_count = 1073741823")
    assert [(t.field, t.value) for t in project.tags.find(article, "sara")] == [
        ("stance", "neutral")]


@pytest.mark.parametrize("fixture", OLD_FILES[:1] + OLD_FILES[-1:], ids=lambda p: p.stem)
def test_what_is_applied_is_read_as_sqlite_utils_records_it(fixture: Path,
                                                             tmp_path: Path) -> None:
    # The names are read with plain SQL (no sqlite-utils at a project's opening): they must
    # be what sqlite-utils' own Migrations reads from its table, before and after it ran.
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    path = tmp_path / "old.sqlite"
    shutil.copy(fixture, path)
    conn = sqlite3.connect(path, isolation_level=None)
    theirs = Migrations(migrations.name)
    for name in migrations.names:
        theirs(name=name)(lambda db: None)
    before = migrations.applied(conn)
    assert before == [m.name for m in theirs.applied(Database(conn))]
    assert migrations.pending(conn) == [m.name for m in theirs.pending(Database(conn))]
    assert migrations.pending(conn) and migrations.names[:len(before)] == before
    conn.close()
    with open_project(path) as project:
        assert migrations.applied(project.conn) == migrations.names
        assert migrations.applied(project.conn) == [
            m.name for m in theirs.applied(Database(project.conn))]
        assert migrations.pending(project.conn) == []


def test_a_migration_name_cannot_be_registered_twice() -> None:
    from annotator.core.store.migration_set import MigrationSet

    steps = MigrationSet("trial")
    steps(name="0001_first")(lambda db: None)
    with pytest.raises(ValueError, match="registered twice"):
        steps(name="0001_first")(lambda db: None)
    assert steps.names == ["0001_first"]


def test_a_command_on_an_up_to_date_project_does_not_import_sqlite_utils(
        project_path: Path) -> None:
    # A tenth of a second of every command's start and the window's (migration_set).
    import subprocess
    import sys

    code = ("import sys; from annotator.cli.commands import main; "
            "code = main(['--db', sys.argv[1], 'list']); "
            "print('sqlite_utils' in sys.modules, file=sys.stderr); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, str(project_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1] == "False"
    assert "002_603f5c7882508bd5" in done.stdout
