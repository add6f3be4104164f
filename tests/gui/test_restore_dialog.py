"""The restore dialog, on real backups: lists them, asks, restores, reports a refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.backup import backup
from annotator.core.store import open_project
from annotator.gui.restore_dialog import RestoreDialog
from tests.conftest import ARABIC_ID, SAMPLE_IDS


def _tags(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0])
    finally:
        conn.close()


def _two_backups(path: Path) -> None:
    backup(path, "open")
    with open_project(path) as project:
        project.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    backup(path, "manual")
    with open_project(path) as project:
        project.add_value(ARABIC_ID, "sara", "demands", "cut_ties")


def test_lists_backups_and_restores_after_confirmation(qtbot, project_path: Path,
                                                       monkeypatch) -> None:
    _two_backups(project_path)
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == [
        "made by hand", "project opened"]
    assert dialog.table.item(0, 2).text() == str(len(SAMPLE_IDS))
    assert [dialog.table.item(r, 3).text() for r in range(2)] == ["1", "0"]
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert dialog.restore_button.isEnabled()

    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return button
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and not dialog.restored and _tags(project_path) == 2
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored and dialog.result() == RestoreDialog.DialogCode.Accepted
    assert _tags(project_path) == 0
    assert "(5 articles, 0 tags)" in asked[-1]


def test_a_refused_restore_is_shown_and_changes_nothing(qtbot, project_path: Path,
                                                        monkeypatch) -> None:
    _two_backups(project_path)
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    import annotator.core.backup as backups

    with open_project(project_path):  # another window still has it open
        monkeypatch.setattr("annotator.gui.restore_dialog.restore",
                            lambda path, chosen: backups.restore(path, chosen, wait=0.1))
        dialog.restore_selected()
    assert warnings and "open in another window" in warnings[0]
    assert not dialog.restored and _tags(project_path) == 2


def test_no_backups_yet(qtbot, project_path: Path) -> None:
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.empty.isHidden()
