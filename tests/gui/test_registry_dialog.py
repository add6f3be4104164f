"""Correcting the participants registry in the window, by keyboard, on a real project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.participants import Participant
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui.main_window import MainWindow
from annotator.gui.registry_dialog import RegistryDialog
from tests.conftest import ARABIC_ID


@pytest.fixture
def window(qtbot, project_path: Path):
    project = open_project(project_path, create=False)
    project.registry.load([Participant("jane_doe", "person", {"en": "Jane Doe"})], "sara")
    project.tags.add_value(ARABIC_ID, "sara", "participants", "jane_doe", role="mentioned")
    win = MainWindow(Session(project, "sara"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.open_article(ARABIC_ID)
    yield win
    win.close()
    win.session.project.close()


def _dialog(qtbot, window: MainWindow) -> RegistryDialog:
    QTest.keyClick(window, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RegistryDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RegistryDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _alt(dialog: RegistryDialog, key: Qt.Key) -> None:
    """A mnemonic, typed where the focus is (as a person's Alt+letter reaches it)."""
    QTest.keyClick(QApplication.focusWidget() or dialog, key, Qt.KeyboardModifier.AltModifier)


def _choose(dialog: RegistryDialog, participant_id: str) -> None:
    dialog.filter.setFocus()
    QTest.keyClicks(dialog.filter, participant_id)
    assert dialog.current_id() == participant_id


def test_correct_an_entry_by_keyboard_and_the_form_shows_it(qtbot, window) -> None:
    dialog = _dialog(qtbot, window)
    _choose(dialog, "jane_doe")
    _alt(dialog, Qt.Key.Key_E)  # Name in English
    assert dialog.names["en"].hasFocus()
    dialog.names["en"].selectAll()
    QTest.keyClicks(dialog.names["en"], "Jane Q. Doe")
    _alt(dialog, Qt.Key.Key_S)  # Save corrections (a mnemonic clicks a moment later)
    project = window.session.project
    qtbot.waitUntil(lambda: project.participants.get("jane_doe").name["en"] != "Jane Doe")
    assert project.participants.get("jane_doe").name["en"] == "Jane Q. Doe"
    assert [c.action for c in project.registry.history("jane_doe")] == ["added", "updated"]
    assert "corrected" in dialog.history.toPlainText()
    [box] = window.form.participant_boxes
    assert box.rows["jane_doe"].name.text() == "Jane Q. Doe"
    dialog.close()


def test_a_clash_is_asked_about_and_refused_unless_kept(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox
    dialog = _dialog(qtbot, window)
    _choose(dialog, "jane_doe")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.No)
    dialog.aliases.setPlainText("رئیسی")  # Raisi's (hossein_... and ebrahim_raisi's) name
    dialog.save()
    assert asked and "jane_doe" in asked[0]
    assert window.session.project.participants.get("jane_doe").aliases == ()
    dialog.close()


def test_merge_and_retire_in_the_window(qtbot, window) -> None:
    dialog = _dialog(qtbot, window)
    _choose(dialog, "jane_doe")
    dialog.merge("ebrahim_raisi")
    project = window.session.project
    assert project.participants.get("jane_doe").merged_into == "ebrahim_raisi"
    assert {t.value for t in project.tags.find(ARABIC_ID, "sara", "participants")} == {
        "ebrahim_raisi"}
    assert "jane_doe" in dialog.history.toPlainText()  # the merge, on the kept entry
    [box] = window.form.participant_boxes
    assert "ebrahim_raisi" in box.rows and "jane_doe" not in box.rows
    assert box.resolve("Jane Doe") == "ebrahim_raisi"  # its name is the kept one's alias
    # Retire an entry on an existing tag: still shown there, marked; no longer offered.
    dialog.filter.clear()
    _choose(dialog, "ebrahim_raisi")
    _alt(dialog, Qt.Key.Key_R)  # Retire
    qtbot.waitUntil(lambda: project.participants.get("ebrahim_raisi").retired)
    assert project.participants.get("ebrahim_raisi").retired
    assert box.rows["ebrahim_raisi"].name.text().endswith("(retired)")
    assert all(pid != "ebrahim_raisi" for _s, pid, _k in box._entries)
    assert dialog.retire_button.text() == "Re&store"
    dialog.retire_or_restore()
    assert not project.participants.get("ebrahim_raisi").retired
    dialog.close()


def test_a_tagged_participant_opens_the_registry_at_it(qtbot, window) -> None:
    [box] = window.form.participant_boxes
    row = box.rows["jane_doe"]
    assert row.correct in row.name.actions()  # its context menu
    row.correct.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RegistryDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.current_id() == "jane_doe"
    dialog.close()
