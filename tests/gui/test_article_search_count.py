"""The list's search shows its first rows at once and counts its matches a step at a time:
a few before the list shows, on to a step right after ("Matches: 10+" under the search
box), more rows as the list is scrolled to its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.records import ArticleRecord
from annotator.core.store import open_project
from annotator.gui import article_list
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow

ARTICLES = 120
STEP = 40  # more rows than the list shows at once: the end of the list scrolls
WORD = "غزه"


@pytest.fixture
def many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(article_list, "COUNT_STEP", STEP)
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
        matches = ARTICLES // 2  # the odd ones
        assert model.rowCount() == STEP and model.more
        assert label.isVisible() and label.text() == f"Matches: {STEP}+"
        assert [model.summary(r).article_id for r in range(3)] == ["a001", "a003", "a005"]
        view = panel.view
        assert view.verticalScrollBar().maximum() > 0  # the rows counted do not all fit
        view.setFocus()
        for _page in range(3):  # down to the end of the list: Qt asks for more rows
            qtbot.keyClick(view, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda: model.rowCount() == matches)
        assert not model.more and label.text() == f"Matches: {matches}"
        # Whole, however narrow the list: beside the box it was squeezed to "M".
        panel.parentWidget().setSizes([200, 900, 300])  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: panel.width() <= 220)
        assert label.width() >= label.sizeHint().width()
        assert model.summary(matches - 1).article_id == f"a{ARTICLES - 1:03d}"
        # A search anew counts on as far as the article chosen, which stays chosen.
        current = panel.current_id()
        assert current is not None and int(current[1:]) > STEP
        _search(qtbot, win, "خبر")
        assert panel.current_id() == current and model.rowCount() >= int(current[1:])
        assert label.text() == f"Matches: {model.rowCount()}" + ("+" if model.more else "")
        # Esc clears the search: every article, and no count under the box.
        panel.search.setFocus()
        qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
        assert model.rowCount() == ARTICLES and not label.isVisible()
    finally:
        win.close()
        win.session.project.close()


@pytest.mark.parametrize(("lang", "expected"), [("fa", "یافته‌ها: ۴۰+"),
                                                ("ar", "النتائج: ٤٠+")])
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


def test_the_count_goes_on_after_the_first_rows_are_shown(
        qtbot, many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = 10
    monkeypatch.setattr(article_list, "LIST_FIRST_COUNT", first)
    win = _window(qtbot, many, "en")
    try:
        panel = win.list_panel
        model, label = panel.model, panel.matches
        statements: list[str] = []
        win.session.project.conn.set_trace_callback(statements.append)
        model.set_filter(None, WORD)  # what typing a search does, before the event loop turns
        win.session.project.conn.set_trace_callback(None)
        # Counted no further than the first rows (the count stops at first + 1 matches).
        assert model.rowCount() == first and model.more
        assert label.text() == f"Matches: {first}+"
        assert any(f"LIMIT {first + 1}" in sql for sql in statements), statements
        qtbot.waitUntil(lambda: model.rowCount() == STEP)  # on to a step, unasked
        assert model.more and label.text() == f"Matches: {STEP}+"
        # A new search before the count went on: the count that goes on is the new one's.
        model.set_filter(None, WORD)
        model.set_filter(None, "قطر")
        qtbot.waitUntil(lambda: model.rowCount() == STEP)
        assert model.summary(0).article_id == "a002" and label.text() == f"Matches: {STEP}+"
        # Fewer matches than the first count: all counted at once, nothing goes on.
        model.set_filter(None, "خبر 7")
        assert not model.more and label.text() == "Matches: 1"
        qtbot.wait(50)
        assert model.rowCount() == 1
    finally:
        win.close()
        win.session.project.close()
