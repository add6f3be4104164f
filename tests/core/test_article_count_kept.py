"""The number of articles is kept in the project, so a window's start does not count them.

Counting 1,000,000 articles read from the disk took 1.7 s of the window's start; articles
are only ever appended, so a count kept with the last article number it was counted at
holds until that number changes; an import and a merge carry it forward as they append.
Real project files, real imports and merges.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.store import open_project
from annotator.core.store.article_count import COUNTED_KEY
from tests.conftest import SAMPLE_IDS


def _counting(project) -> list[str]:  # type: ignore[no-untyped-def]
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    return statements


def test_a_reopened_project_does_not_count_its_articles(project_path: Path) -> None:
    with open_project(project_path, create=False) as project:
        assert project.articles.count() == len(SAMPLE_IDS)
    with sqlite3.connect(project_path) as conn:
        kept = conn.execute("SELECT value FROM project_settings WHERE key = ?",
                            (COUNTED_KEY,)).fetchone()[0]
    assert kept.endswith(f":{len(SAMPLE_IDS)}")
    with open_project(project_path, create=False) as project:
        statements = _counting(project)
        assert project.articles.count() == len(SAMPLE_IDS)
        assert not [s for s in statements if "COUNT(*) FROM articles" in s]


def test_an_import_carries_the_kept_count(project_path: Path, tmp_path: Path) -> None:
    with open_project(project_path, create=False) as project:
        before = project.articles.count()
    extra = tmp_path / "extra.txt"
    extra.write_text("یک خبر تازه دربارهٔ غزه و گفت‌وگوی دو وزیر.\n", encoding="utf-8")
    with open_project(project_path, create=False) as project:
        import_paths(project, [extra])
    with open_project(project_path, create=False) as project:
        statements = _counting(project)
        assert project.articles.count() == before + 1
        assert not [s for s in statements if "COUNT(*) FROM articles" in s]


def test_a_new_project_keeps_its_count_from_the_first_import(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    with open_project(path) as project:
        added = import_paths(project, [paths.corpus_dir()]).added
    assert added
    with open_project(path, create=False) as project:
        statements = _counting(project)
        assert project.articles.count() == len(added)
        assert not [s for s in statements if "COUNT(*) FROM articles" in s]


def test_a_merge_carries_the_kept_count(project_path: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.sqlite"
    extra = tmp_path / "only-theirs.txt"
    extra.write_text("خبری که فقط در پروندهٔ همکار است.\n", encoding="utf-8")
    with open_project(theirs) as project:
        import_paths(project, [extra, paths.corpus_dir()])
    with open_project(project_path, create=False) as project:
        before = project.articles.count()
        summary = project.merge.from_file(theirs)
    assert summary.articles_added == 1
    with open_project(project_path, create=False) as project:
        statements = _counting(project)
        assert project.articles.count() == before + 1
        assert not [s for s in statements if "COUNT(*) FROM articles" in s]


def test_articles_added_behind_the_apps_back_are_counted_again(project_path: Path) -> None:
    with open_project(project_path, create=False) as project:
        before = project.articles.count()
        row = project.conn.execute(
            "SELECT article_no, article_id, title, body, content_hash FROM articles "
            "ORDER BY article_no DESC LIMIT 1").fetchone()
    with sqlite3.connect(project_path) as conn:  # an SQLite tool, not the app
        conn.execute(
            "INSERT INTO articles (article_no, article_id, title, body, language, "
            "content_hash, imported_at) VALUES (?, ?, ?, ?, 'fa', ?, '2026-01-01')",
            (row[0] + 1, row[1] + "-copy", row[2], row[3] + " ", row[4] + "x"))
    with open_project(project_path, create=False) as project:
        statements = _counting(project)
        assert project.articles.count() == before + 1
        assert [s for s in statements if "COUNT(*) FROM articles" in s]  # counted anew


def test_a_stale_or_odd_kept_count_is_not_believed(project_path: Path) -> None:
    with sqlite3.connect(project_path) as conn:
        conn.execute("INSERT OR REPLACE INTO project_settings (key, value) VALUES (?, ?)",
                     (COUNTED_KEY, "1:99999"))  # counted at another last number
    with open_project(project_path, create=False) as project:
        assert project.articles.count() == len(SAMPLE_IDS)
    with sqlite3.connect(project_path) as conn:
        conn.execute("UPDATE project_settings SET value = 'x:y' WHERE key = ?", (COUNTED_KEY,))
    with open_project(project_path, create=False) as project:
        assert project.articles.count() == len(SAMPLE_IDS)


def test_a_busy_project_is_counted_without_waiting(project_path: Path) -> None:
    """Another process writing: the count is not kept this time, and nothing waits."""
    other = sqlite3.connect(project_path, isolation_level=None)
    with open_project(project_path, create=False) as project:
        other.execute("BEGIN IMMEDIATE")
        try:
            assert project.articles.count() == len(SAMPLE_IDS)
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_an_import_in_the_same_window_is_not_counted_again(project_path: Path,
                                                           tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("یک خبر تازه دربارهٔ غزه و گفت‌وگوی دو وزیر.\n", encoding="utf-8")
    with open_project(project_path, create=False) as project:
        before = project.articles.count()
        import_paths(project, [extra])
        statements = _counting(project)
        assert project.articles.count() == before + 1
        assert not [s for s in statements if "COUNT(*) FROM articles" in s]
