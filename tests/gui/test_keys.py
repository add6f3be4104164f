"""Keyboard and mouse in the real window (#16): where the focus is, what each key does, the wheel.

Every test drives the window built by the app's own start-up with real key presses sent to
the widget that has the focus (``QApplication.focusWidget()``), as an analyst's keyboard
would, and real wheel events.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        from annotator.gui.i18n import install_translations

        install_translations(app, "en")
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _show(qtbot, window: MainWindow | None) -> MainWindow:
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def window(qtbot):
    """A fresh start: a new project (the sample corpus) in the real window."""
    win = _show(qtbot, create_window(None, "en", "Sara"))
    yield win
    win.close()
    win.session.project.close()


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
           ) -> QWidget:
    """Press ``key`` where the focus is, as the keyboard would; returns that widget."""
    widget = _focus()
    QTest.keyClick(widget, key, modifiers)
    return widget


def _stance(window: MainWindow) -> list[str | None]:
    assert window.current is not None
    return window.session.view(window.current).values("stance")


def _scale(window: MainWindow, digit: int) -> str:
    """The stance value the digit picks (1… the scale)."""
    return [c.id for c in window.session.codebook.field("stance").active_categories
            if c.scale][digit - 1]


def _in_coding_area(window: MainWindow, widget: QWidget) -> bool:
    return any(widget is part or part.isAncestorOf(widget)
               for part in (window.reader, window.form_scroll))


# -- 1. focus: the article, not the search --------------------------------------------------
def test_the_first_key_pressed_sets_the_stance(qtbot, window: MainWindow) -> None:
    assert window.current is not None and _stance(window) == []
    assert _focus() is window.reader.browser
    _press(Qt.Key.Key_2)
    assert _stance(window) == [_scale(window, 2)]
    assert window.list_panel.search.text() == ""
    assert window.list_panel.model.rowCount() == 5


def test_search_by_ctrl_f_only_and_esc_gives_the_article_back(qtbot, window: MainWindow) -> None:
    panel = window.list_panel
    # Not by Tab: going round the whole window never lands in the search box.
    for _ in range(60):
        _press(Qt.Key.Key_Tab)
        assert _focus() is not panel.search
    window.reader.browser.setFocus()
    _press(Qt.Key.Key_F, CTRL)
    assert _focus() is panel.search
    QTest.keyClicks(panel.search, "zzqx")
    _press(Qt.Key.Key_Return)
    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No article matches “\u2068zzqx\u2069”."
    assert _stance(window) == []  # the letters were a search, nothing was coded

    _press(Qt.Key.Key_Escape)
    assert panel.search.text() == "" and panel.model.rowCount() == 5
    assert not panel.empty_label.isVisible()
    assert _in_coding_area(window, _focus())
    _press(Qt.Key.Key_3)
    assert _stance(window) == [_scale(window, 3)]


def test_an_empty_status_filter_says_why(qtbot, window: MainWindow) -> None:
    panel = window.list_panel
    panel.filter.setCurrentIndex(panel.filter.findData("done"))
    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No article has the status “done”."
    panel.search.setText("غزه")
    panel.search.returnPressed.emit()
    assert panel.empty_label.text() == (
        "No article with the status “done” matches “\u2068غزه\u2069”.")
    panel.filter.setCurrentIndex(0)
    assert panel.model.rowCount() > 0 and not panel.empty_label.isVisible()


def test_focus_comes_back_to_the_form_after_charts_and_review(qtbot, window: MainWindow) -> None:
    stance = window.form.single_boxes[0]
    radio = stance.radios[_scale(window, 1)]
    radio.setFocus(Qt.FocusReason.TabFocusReason)  # the analyst was in the form
    assert _focus() is radio

    # The charts dock: open it, work in it, close it by its key.
    _press(Qt.Key.Key_C, CTRL | SHIFT)
    assert window.charts_dock.isVisible()
    window.charts.kind_box.setFocus(Qt.FocusReason.MouseFocusReason)
    _press(Qt.Key.Key_C, CTRL | SHIFT)
    assert not window.charts_dock.isVisible()
    qtbot.waitUntil(lambda: _in_coding_area(window, _focus()))
    assert _focus() is radio
    _press(Qt.Key.Key_4)
    assert _stance(window) == [_scale(window, 4)]

    # Review mode and back.
    _press(Qt.Key.Key_R, CTRL)
    assert window.reviewing
    assert window.review is not None and window.review.isAncestorOf(_focus())
    _press(Qt.Key.Key_R, CTRL)
    assert not window.reviewing
    qtbot.waitUntil(lambda: _in_coding_area(window, _focus()))
    assert _focus() is not window.list_panel.search
    _press(Qt.Key.Key_2)
    assert _stance(window) == [_scale(window, 2)]


# -- translated ------------------------------------------------------------------------------
def test_no_match_line_in_persian(qtbot) -> None:
    window = _show(qtbot, create_window(None, "fa", "Sara"))
    try:
        panel = window.list_panel
        _press(Qt.Key.Key_F, CTRL)
        assert _focus() is panel.search
        panel.search.insert("ژژژ")  # as a Persian keyboard types it (QTest types ASCII only)
        _press(Qt.Key.Key_Return)
        text = panel.empty_label.text()
        assert panel.empty_label.isVisible() and "\u2068ژژژ\u2069" in text
        assert "No article" not in text and "مقاله" in text
        _press(Qt.Key.Key_Escape)
        assert _in_coding_area(window, _focus())
    finally:
        window.close()
        window.session.project.close()

