"""A tag import costs what it changes: no copy of the whole project each time.

Before a tag import the project is backed up only when the import is large beside the
project (``LARGE_CHANGE`` rows or more, and one for every ``LARGE_SHARE`` tags stored) or
the newest backup is older than ``BACKUP_DUE``.  Any other import between backups is
still traceable and reversible row by row: the history holds each change with its old
and new value.  Real project files, real backups, the real command line.
"""

from __future__ import annotations

import csv
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.store import open_project
from annotator.core.store.backups import (
    BACKUP_DUE,
    LARGE_CHANGE,
    LARGE_SHARE,
    backup,
    large_change,
    list_backups,
)
from annotator.core.store.bench_data import add_bench_tags
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


def test_an_import_small_beside_a_large_project_copies_nothing(home: Path,
                                                               project_path: Path) -> None:
    """1,000 rows into a project of over 20,000 tags: the copy would cost twenty times the
    import, so the history and the recent backup are the way back."""
    stored = LARGE_CHANGE * LARGE_SHARE + 1
    with open_project(project_path, create=False) as project:
        tags = [(SAMPLE_IDS[n % len(SAMPLE_IDS)], f"bulk{n // len(SAMPLE_IDS)}", "stance",
                 "neutral", None, None) for n in range(stored)]
        assert add_bench_tags(project, tags) == stored
    backup(project_path, "manual")
    before = list_backups(project_path)
    assert main(["--db", str(project_path), "import-tags",
                 str(_rows(home / "large.csv", LARGE_CHANGE, "supportive"))]) == 0
    assert list_backups(project_path) == before  # no copy
    with open_project(project_path, create=False) as project:
        assert len([c for c in project.history.changes()
                    if c.annotator.startswith("coder") and c.what == "tag"]) == LARGE_CHANGE


def test_large_change_is_relative_to_the_project() -> None:
    assert large_change(LARGE_CHANGE, 0)
    assert large_change(LARGE_CHANGE, LARGE_CHANGE * LARGE_SHARE)
    assert not large_change(LARGE_CHANGE, LARGE_CHANGE * LARGE_SHARE + 1)
    assert not large_change(LARGE_CHANGE - 1, 0)
    assert large_change(10_000, 200_000) and not large_change(10_000, 600_000)
