"""The restore dialog, on real backups: lists them, asks, restores, reports a refusal."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.core.store import open_project
from annotator.core.store.backups import backup, backups_folder
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
        project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    backup(path, "manual")
    with open_project(path) as project:
        project.tags.add_value(ARABIC_ID, "sara", "demands", "cut_ties")


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
    from annotator.core.store.restore import restore

    with open_project(project_path):  # another window still has it open
        monkeypatch.setattr("annotator.gui.restore_dialog.restore",
                            lambda path, chosen, **kw: restore(path, chosen, wait=0.1, **kw))
        dialog.restore_selected()
    assert warnings and "open in another window" in warnings[0]
    assert not dialog.restored and _tags(project_path) == 2


def test_no_backups_yet(qtbot, project_path: Path) -> None:
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.empty.isHidden()


def test_junk_rows_are_shown_greyed_with_the_reason_and_cannot_be_chosen(
        qtbot, project_path: Path) -> None:
    real = backup(project_path, "open")
    folder = backups_folder(project_path)
    (folder / "20261399T999999Z-open.sqlite").write_bytes(b"x")
    soon = (datetime.now(UTC) + timedelta(minutes=5)).strftime("%Y%m%dT%H%M%SZ")
    (folder / f"{soon}-manual.sqlite").write_bytes(b"")
    (folder / f"{soon}-2-manual.sqlite").mkdir()
    (folder / f"{soon}-3-manual.sqlite").symlink_to(real)
    future = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y%m%dT%H%M%SZ")
    shutil.copyfile(real, folder / f"{future}-open.sqlite")
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 6
    reasons = [dialog.table.item(r, 1).text() for r in range(6)]
    assert reasons[:2] == ["project opened (dated in the future: the clock was ahead)",
                           "project opened"]
    assert sorted(reasons[2:]) == sorted([
        "Not a backup: the time in its name is not a real date and time",
        "Not a backup: an empty file",
        "Not a backup: a folder, not a backup file",
        "Not a backup: a link, not a backup file"])
    for row in range(2, 6):
        item = dialog.table.item(row, 1)
        assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
        assert not item.flags() & Qt.ItemFlag.ItemIsSelectable
        assert item.toolTip().startswith(str(folder))
        dialog.table.selectRow(row)
        assert dialog.selected() is None and not dialog.restore_button.isEnabled()
        rect = dialog.table.visualItemRect(item)
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        assert dialog.selected() is None and not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    assert dialog.selected() is not None and dialog.selected().path == real


def test_a_backup_from_a_newer_version_is_refused_with_a_message(
        qtbot, project_path: Path, monkeypatch) -> None:
    made = backup(project_path, "manual")
    conn = sqlite3.connect(made)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('annotator', '0099_later', '2031-01-01')")
    conn.commit()
    conn.close()
    before = project_path.read_bytes()
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    dialog.restore_selected()
    assert warnings == [f"{made}: made by a newer version of annotator (schema 0099_later); "
                        "nothing was changed"]
    assert not dialog.restored and project_path.read_bytes() == before


def test_times_read_in_the_interface_digits_in_persian(qtbot, project_path: Path,
                                                       monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.gui.i18n import install_translations

    _two_backups(project_path)
    install_translations(QApplication.instance(), "fa")  # the fixture sets English back
    dialog = RestoreDialog(project_path)
    qtbot.addWidget(dialog)
    shown = dialog.table.item(1, 0).text()
    assert shown.startswith("\u2066") and shown.endswith("\u2069")  # kept left to right
    assert not any("0" <= c <= "9" for c in shown)
    assert shown[1:-1].replace("-", "").replace(":", "").replace(" ", "").isdigit()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    dialog.show()
    cell = dialog.table.visualItemRect(dialog.table.item(1, 1)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked and shown in asked[0]
