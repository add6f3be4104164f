"""A small tag import costs what it changes: no copy of the whole project each time.

Before a tag import the project is backed up only when the import is large
(``LARGE_CHANGE`` rows or more) or the newest backup is older than ``BACKUP_DUE``.  A small
import between backups is still traceable and reversible row by row: the history holds
each change with its old and new value.  Real project files, real backups, the real
command line.
"""

from __future__ import annotations

import csv
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.store import open_project
from annotator.core.store.backups import BACKUP_DUE, LARGE_CHANGE, backup, list_backups
from tests.conftest import SAMPLE_IDS


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("ANNOTATOR_HOME", str(tmp_path / "home"))
    return tmp_path


def _rows(path: Path, count: int, value: str = "neutral") -> Path:
    """A long tag CSV of ``count`` rows (stance of many annotators, one per row)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["article_id", "annotator", "field", "value"])
        for number in range(count):
            out.writerow([SAMPLE_IDS[number % len(SAMPLE_IDS)], f"coder{number}", "stance",
                          value])
    return path


def _age_newest(project: Path, by: timedelta) -> None:
    """Make the newest backup look older, as if made ``by`` ago (renamed, as the clock
    would have named it)."""
    [newest, *_] = list_backups(project)
    stamp = (newest.time - by).strftime("%Y%m%dT%H%M%SZ")
    newest.path.rename(newest.path.with_name(f"{stamp}-{newest.reason}.sqlite"))


def test_a_small_import_after_a_recent_backup_copies_nothing(home: Path,
                                                             project_path: Path) -> None:
    backup(project_path, "manual")
    before = list_backups(project_path)
    assert main(["--db", str(project_path), "import-tags",
                 str(_rows(home / "small.csv", 10))]) == 0
    assert list_backups(project_path) == before  # no copy of the project
    with open_project(project_path, create=False) as project:
        changes = [c for c in project.history.changes()
                   if c.annotator.startswith("coder") and c.what == "tag"]
        assert len(changes) == 10 and all(c.new_value for c in changes)
    # Changed again: the history holds the old value, so the change can be traced back.
    assert main(["--db", str(project_path), "import-tags",
                 str(_rows(home / "again.csv", 10, "supportive"))]) == 0
    assert list_backups(project_path) == before
    with open_project(project_path, create=False) as project:
        changed = [c for c in project.history.changes()
                   if c.annotator == "coder3" and c.what == "tag"]
        assert changed and "neutral" in (changed[-1].old_value or "")
        assert "supportive" in (changed[-1].new_value or "")


def test_a_large_import_is_backed_up_before(home: Path, project_path: Path) -> None:
    backup(project_path, "manual")
    assert main(["--db", str(project_path), "import-tags",
                 str(_rows(home / "small.csv", 5))]) == 0
    count = len(list_backups(project_path))  # the small one made none
    assert main(["--db", str(project_path), "import-tags",
                 str(_rows(home / "large.csv", LARGE_CHANGE, "supportive"))]) == 0
    after = list_backups(project_path)
    assert len(after) == count + 1 and after[0].reason == "before-import-tags"
    assert after[0].tags == 5  # the state before the large import


def test_a_small_import_is_backed_up_when_the_newest_backup_is_old(
        home: Path, project_path: Path) -> None:
    assert list_backups(project_path) == []
    assert main(["--db", str(project_path), "import-tags",
                 str(_rows(home / "first.csv", 3))]) == 0
    [first] = list_backups(project_path)  # none at all before: one is made
    assert first.reason == "before-import-tags"
    _age_newest(project_path, BACKUP_DUE + timedelta(minutes=1))
    assert main(["--db", str(project_path), "import-tags",
                 str(_rows(home / "later.csv", 3, "supportive"))]) == 0
    newest = list_backups(project_path)[0]
    assert newest.reason == "before-import-tags"
    assert datetime.now(UTC) - newest.time < timedelta(minutes=5)
    assert newest.tags == 3  # holds the first import, from before the second
    assert os.path.exists(newest.path)
