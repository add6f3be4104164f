"""Keyboard and mouse in the real window (#16): where the focus is, what each key does, the wheel.

Every test drives the window built by the app's own start-up with real key presses sent to
the widget that has the focus (``QApplication.focusWidget()``), as an analyst's keyboard
would, and real wheel events.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QInputDialog,
    QMenu,
    QWidget,
)

from annotator.core.store import open_project
from annotator.gui import settings as stored
from annotator.gui.app import create_window
from annotator.gui.keys import standard_keys
from annotator.gui.main_window import MainWindow
from tests.conftest import ARABIC_ID
from tests.gui.test_review_view import code_two

README = Path(__file__).resolve().parents[2] / "README.md"
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


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


# -- 2. the wheel scrolls the form; values change only in the focused box -------------------
def _wheel(widget: QWidget, down: bool = True) -> None:
    """A real wheel turn (one notch) with the pointer over ``widget``'s middle."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def test_the_wheel_over_a_combo_scrolls_the_form_and_changes_nothing(
        qtbot, window: MainWindow) -> None:
    window.open_article(ARABIC_ID)
    # A participant (Alt+P, Space: the first suggestion) and a demand (Ctrl+1) with its voice.
    window.reader.browser.setFocus()
    _press(Qt.Key.Key_P, ALT)
    _press(Qt.Key.Key_Space)
    window.reader.browser.setFocus()
    _press(Qt.Key.Key_1, CTRL)
    [person] = window.session.view(ARABIC_ID).field_tags("participants")
    role_before = person.role
    window.resize(1100, 420)  # the form is taller than its scroll area
    [row] = window.form.participant_boxes[0].rows.values()
    qtbot.waitUntil(lambda: row.role.isVisible())  # a new row shows once events ran
    qtbot.waitUntil(lambda: window.form_scroll.verticalScrollBar().maximum() > 0)

    combos = [w for w in window.form.findChildren(QWidget)
              if isinstance(w, QComboBox | QAbstractSpinBox) and w.isVisible()]
    assert row.role in combos and len(combos) >= 2  # the role, the demand's voice
    bar = window.form_scroll.verticalScrollBar()
    for combo in combos:
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
        window.reader.browser.setFocus()
        window.form_scroll.ensureWidgetVisible(combo)
        value, position = _value(combo), bar.value()
        down = position < bar.maximum()
        _wheel(combo, down)
        assert _value(combo) == value, combo.toolTip()
        assert bar.value() != position, "the form did not scroll"
        assert not combo.hasFocus()
    assert window.session.view(ARABIC_ID).field_tags("participants")[0].role == role_before

    # A deliberate act: the analyst clicks (focuses) the role box, then turns the wheel.
    window.form_scroll.ensureWidgetVisible(row.role)
    row.role.setFocus(Qt.FocusReason.MouseFocusReason)
    index = row.role.currentIndex()
    _wheel(row.role, down=index == 0)
    assert row.role.currentIndex() != index
    changed = window.session.view(ARABIC_ID).field_tags("participants")[0].role
    assert changed != role_before and changed == row.role.currentData()


# -- 3. no key sequence bound twice where both are active -----------------------------------
def _widget_active(widget: QWidget, context: Qt.ShortcutContext, focus: QWidget,
                   window: QWidget) -> bool:
    """Qt's rule (QShortcutMap's context matcher for widgets) for ``focus`` in ``window``."""
    if not widget.isVisible() or not widget.isEnabled():
        return False
    if context == Qt.ShortcutContext.ApplicationShortcut:
        return True
    if context == Qt.ShortcutContext.WidgetShortcut:
        return widget is focus
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return widget is focus or widget.isAncestorOf(focus)
    return widget.window() is window


def _object_active(owner: object, context: Qt.ShortcutContext, focus: QWidget,
                   window: QWidget) -> bool:
    if isinstance(owner, QMenu):  # a menu's actions: through the menu's own action
        menu_action = owner.menuAction()
        return (menu_action.isVisible() and menu_action.isEnabled()
                and any(_object_active(o, context, focus, window)
                        for o in menu_action.associatedObjects()))
    return isinstance(owner, QWidget) and _widget_active(owner, context, focus, window)


def _bindings(window: QWidget) -> list[tuple[str, str, object]]:
    """(key, what, owner) for every key sequence of every QAction and QShortcut."""
    found: list[tuple[str, str, object]] = []
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            found.append((key.toString(QKeySequence.SequenceFormat.PortableText),
                          f"action {action.text()!r}", action))
    for shortcut in window.findChildren(QShortcut):
        for key in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
            found.append((key.toString(QKeySequence.SequenceFormat.PortableText),
                          f"shortcut of {type(shortcut.parent()).__name__}", shortcut))
    return found


def _active(owner: object, focus: QWidget, window: QWidget) -> bool:
    if isinstance(owner, QAction):
        return (owner.isEnabled() and owner.isVisible()
                and any(_object_active(o, owner.shortcutContext(), focus, window)
                        for o in owner.associatedObjects()))
    assert isinstance(owner, QShortcut)
    parent = owner.parent()
    return (owner.isEnabled() and parent is not None
            and _widget_active(parent, owner.context(), focus, window))


def twice_bound(window: QWidget) -> dict[str, set[tuple[str, ...]]]:
    """Key -> the sets of bindings that are active together for some focus in ``window``."""
    bindings = _bindings(window)
    assert len(bindings) > 40  # menus, the form's digits, the review's keys
    focusable = [w for w in window.findChildren(QWidget)
                 if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
                 and w.isEnabled()]
    assert len(focusable) > 10
    clashes: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for focus in focusable:
        per_key: dict[str, list[str]] = defaultdict(list)
        for key, what, owner in bindings:
            if _active(owner, focus, window):
                per_key[key].append(what)
        for key, whats in per_key.items():
            if len(whats) > 1:
                clashes[key].add(tuple(sorted(whats)))
    return dict(clashes)


def _gnome_order(standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """The standard keys in the order of desktops whose first redo key is Ctrl+Shift+Z
    (GNOME, macOS): where ``QKeySequence(StandardKey.Redo)`` is Ctrl+Shift+Z itself."""
    if standard == QKeySequence.StandardKey.Redo:
        return [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    return standard_keys(standard)


@pytest.fixture(params=["this platform", "redo first on Ctrl+Shift+Z"])
def platform_keys(request, monkeypatch) -> str:
    if request.param != "this platform":
        monkeypatch.setattr("annotator.gui.window_menus.standard_keys", _gnome_order)
    return request.param


@pytest.fixture
def review_window(qtbot, project_path: Path, platform_keys: str):
    """The window of a reviewer on a project that two colleagues coded."""
    with open_project(project_path) as project:
        code_two(project)
    win = _show(qtbot, create_window(str(project_path), "en", "mina"))
    yield win
    win.close()
    win.session.project.close()


def test_no_key_is_bound_twice_in_coding_or_review_mode(qtbot, review_window) -> None:
    window = review_window
    window.open_article(ARABIC_ID)
    # Coding, with every kind of box filled (a participant's role, a demand's voice) and
    # the charts open.
    _press(Qt.Key.Key_P, ALT)
    _press(Qt.Key.Key_Space)
    window.reader.browser.setFocus()
    _press(Qt.Key.Key_1, CTRL)
    _press(Qt.Key.Key_C, CTRL | SHIFT)
    assert window.charts_dock.isVisible()
    qtbot.waitUntil(lambda: bool(window.form.participant_boxes[0].rows)
                    and all(r.isVisible() for r in window.form.participant_boxes[0].rows.values()))
    assert twice_bound(window) == {}

    _press(Qt.Key.Key_R, CTRL)
    assert window.reviewing and window.review is not None
    assert window.review.comments.editor.isEnabled()
    assert twice_bound(window) == {}

    # The walk sees what Qt refuses: Done and next (Ctrl+Enter) while the comment box's
    # Ctrl+Enter is active, and one action holding a key twice.
    done = next(a for a in window.coding_actions if a.text() == "&Done and next")
    done.setEnabled(True)
    assert "Ctrl+Return" in twice_bound(window)
    done.setEnabled(False)
    twin = QAction("twin", window.menuBar().actions()[0].menu())
    window.menuBar().actions()[0].menu().addAction(twin)
    twin.setShortcuts([QKeySequence("Ctrl+Shift+F12"), QKeySequence("Ctrl+Shift+F12")])
    hits: list[bool] = []
    twin.triggered.connect(lambda: hits.append(True))
    assert "Ctrl+Shift+F12" in twice_bound(window)
    _press(Qt.Key.Key_F12, CTRL | SHIFT)
    assert hits == []  # Qt runs neither: "ambiguous shortcut"


def test_ctrl_enter_in_the_review_comment_box_adds_the_comment(qtbot, review_window) -> None:
    window = review_window
    before = window.current
    statuses = window.session.project.statuses.counts("mina")
    _press(Qt.Key.Key_R, CTRL)
    review = window.review
    assert review is not None and review.current == ARABIC_ID
    review.comments.editor.setFocus()
    QTest.keyClicks(_focus(), "Is Raisi the initiator?")
    _press(Qt.Key.Key_Return, CTRL)
    assert [c.text for c in window.session.project.review.comments(ARABIC_ID)] == [
        "Is Raisi the initiator?"]
    # ... and nothing else: no "done and next" on the article being coded.
    assert window.current == before
    assert window.session.project.statuses.counts("mina") == statuses
    # The Go menu's keys step the review queue while reviewing.
    review.queue.setFocus()
    _press(Qt.Key.Key_PageDown, CTRL)
    assert review.current != ARABIC_ID and window.current == before


def test_the_redo_key_redoes(qtbot, platform_keys: str) -> None:
    window = _show(qtbot, create_window(None, "en", "Sara"))
    try:
        assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
        _press(Qt.Key.Key_2)
        _press(Qt.Key.Key_3)
        _press(Qt.Key.Key_Z, CTRL)
        assert _stance(window) == [_scale(window, 2)]
        _press(Qt.Key.Key_Z, CTRL | SHIFT)
        assert _stance(window) == [_scale(window, 3)]
        _press(Qt.Key.Key_Z, CTRL)
        _press(Qt.Key.Key_Y, CTRL)  # the other desktops' redo key works too
        assert _stance(window) == [_scale(window, 3)]
    finally:
        window.close()
        window.session.project.close()


# -- 4. the keys the menus show are the README's --------------------------------------------
def _readme_keys() -> set[str]:
    """Every key written in the README's key table of the window."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| keys | what they do |"):]
    table = table[:table.index("\n\n")]
    return set(re.findall(r"`([^`]+)`", table))


def _shown(action: QAction) -> str:
    """The key a menu shows beside ``action`` (Return is the Enter key to the analyst)."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.PortableText).replace(
        "Return", "Enter")


def test_the_menus_show_the_keys_the_readme_names(qtbot, window: MainWindow) -> None:
    readme = _readme_keys()
    actions = {a.text(): a for a in window.findChildren(QAction)}
    for text in ("&Undo", "&Redo", "&Find articles", "&Next article", "&Previous article",
                 "&Done and next", "&Skip and next", "Zoom &in", "Zoom &out",
                 "&Import articles…", "Import a &folder…"):
        action = actions.get(text) or next(a for t, a in actions.items() if t.startswith(text))
        assert _shown(action) in readme, (text, _shown(action))
    assert _shown(actions["Zoom &in"]) == "Ctrl++"


def test_zoom_keys(qtbot, window: MainWindow) -> None:
    reader = window.reader
    size = reader.text_font().pointSizeF()
    _press(Qt.Key.Key_Plus, CTRL)  # Ctrl++ (the keypad's +, or a layout with a + key)
    assert reader.text_font().pointSizeF() > size
    size = reader.text_font().pointSizeF()
    _press(Qt.Key.Key_Equal, CTRL)  # the same key without Shift on a US layout
    assert reader.text_font().pointSizeF() > size
    size = reader.text_font().pointSizeF()
    _press(Qt.Key.Key_Minus, CTRL)
    assert reader.text_font().pointSizeF() < size
    assert _in_coding_area(window, _focus())


# -- 5. ANNOTATOR_NAME presets the name; it does not skip the question ----------------------
def _answer_name_dialog(name: str, seen: list[str]) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QInputDialog):
        QTimer.singleShot(20, lambda: _answer_name_dialog(name, seen))
        return
    seen.append(dialog.textValue())
    dialog.setTextValue(name)
    dialog.accept()


def test_annotator_name_presets_the_question(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_NAME", "Reza")
    assert stored.annotator_name() in (None, "")
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_name_dialog("Reza", seen))
    window = _show(qtbot, create_window(None, "en"))
    assert seen == ["Reza"]  # asked, prefilled with ANNOTATOR_NAME
    assert window.session.annotator == "Reza"
    window.close()
    window.session.project.close()

    # Remembered: the next start asks nothing, whatever ANNOTATOR_NAME says now.
    monkeypatch.setenv("ANNOTATOR_NAME", "Omid")
    again = _show(qtbot, create_window(None, "en"))
    assert again.session.annotator == "Reza" and seen == ["Reza"]
    again.close()
    again.session.project.close()


def test_a_name_given_opens_the_window_without_asking(qtbot, monkeypatch) -> None:
    """``annotator --annotator NAME`` (and tests, scripts): no question."""
    asked: list[bool] = []
    monkeypatch.setattr("annotator.gui.app.ask_annotator_name",
                        lambda _parent: asked.append(True))
    window = _show(qtbot, create_window(None, "en", "Mina"))
    assert window.session.annotator == "Mina" and asked == []
    window.close()
    window.session.project.close()


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

