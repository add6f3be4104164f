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
    names = [m.name for m in migrations._migrations]
    assert [p.stem.removeprefix("project_") for p in OLD_FILES] == names[:-1]


@pytest.mark.parametrize("fixture", OLD_FILES, ids=lambda p: p.stem)
def test_old_project_opens_migrates_and_keeps_everything(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(fixture, path)
    raw = sqlite3.connect(path)
    before = sorted(raw.execute("SELECT tag_uid, field, value, quote FROM tags").fetchall())
    raw.close()
    with open_project(path) as project:
        assert not migrations.pending(project.db)
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
