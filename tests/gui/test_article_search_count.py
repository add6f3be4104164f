"""The list's search shows its first rows at once and counts its matches a step at a time:
"Matches: 10+" beside the search box, more rows as the list is scrolled to its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.records import ArticleRecord
from annotator.core.store import open_project
from annotator.gui import article_list
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow

ARTICLES = 45
WORD = "غزه"


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(article_list, "COUNT_STEP", 10)
    path = tmp_path / "many.sqlite"
    with open_project(path) as project:
        project.articles.add(
            ArticleRecord(f"a{n:03d}", f"عنوان {n}", f"خبر {n} {WORD if n % 2 else 'قطر'}",
                          "corpus.jsonl", "fa") for n in range(1, ARTICLES + 1))
    return path


def _window(qtbot, path: Path, lang: str) -> MainWindow:  # type: ignore[no-untyped-def]
    win = create_window(str(path), lang, "Sara")
    assert win is not None
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def _search(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    box = win.list_panel.search
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    box.setText(text)  # (QTest types ASCII keys only)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_a_search_counts_a_step_of_matches_then_more_as_the_list_scrolls(
        qtbot, many: Path) -> None:
    win = _window(qtbot, many, "en")
    try:
        panel = win.list_panel
        model, label = panel.model, panel.matches
        assert model.rowCount() == ARTICLES and not label.isVisible()  # no search: all
        _search(qtbot, win, WORD)
        matches = (ARTICLES + 1) // 2  # the odd ones: 23
        assert model.rowCount() == 10 and model.more
        assert label.isVisible() and label.text() == "Matches: 10+"
        assert [model.summary(r).article_id for r in range(3)] == ["a001", "a003", "a005"]
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_End)  # to the end: Qt asks for more rows
        qtbot.waitUntil(lambda: model.rowCount() == 20)
        assert label.text() == "Matches: 20+"
        qtbot.keyClick(panel.view, Qt.Key.Key_End)
        qtbot.waitUntil(lambda: model.rowCount() == matches)
        assert not model.more and label.text() == f"Matches: {matches}"
        assert model.summary(matches - 1).article_id == "a045"
        # A search anew counts a step again; an article further down is counted on to.
        _search(qtbot, win, "خبر")
        assert model.rowCount() == 10 and label.text() == "Matches: 10+"
        panel.select("a038")
        assert model.rowCount() >= 38 and panel.current_id() == "a038"
        # Esc clears the search: every article, and no count beside the box.
        panel.search.setFocus()
        qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
        assert model.rowCount() == ARTICLES and not label.isVisible()
    finally:
        win.close()
        win.session.project.close()


@pytest.mark.parametrize(("lang", "expected"), [("fa", "یافته‌ها: ۱۰+"),
                                                ("ar", "النتائج: ١٠+")])
def test_the_count_is_written_in_the_interface_digits(qtbot, many: Path, lang: str,
                                                      expected: str) -> None:
    win = _window(qtbot, many, lang)
    try:
        _search(qtbot, win, WORD)
        assert win.list_panel.matches.text() == expected
        qtbot.keyClick(win.list_panel.search, Qt.Key.Key_Escape)  # all again, all counted
    finally:
        win.close()
        win.session.project.close()
