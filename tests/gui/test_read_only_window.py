"""A project that cannot be written here opens in the window for reading, changes off.

As root here, file permissions do not apply, so SQLite's refusal is simulated as in
``tests/core/test_store.py`` (the same message a read-only folder or file gives).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from annotator.gui.app import create_window
from tests.conftest import SAMPLE_IDS


def _count(path: Path, sql: str) -> int:
    raw = sqlite3.connect(path)
    try:
        return int(raw.execute(sql).fetchone()[0])
    finally:
        raw.close()


def test_the_window_reads_a_read_only_project_and_refuses_edits_in_words(
        qtbot, project_path: Path, monkeypatch) -> None:
    tags = _count(project_path, "SELECT COUNT(*) FROM tags")
    settings = _count(project_path, "SELECT COUNT(*) FROM project_settings")
    real = sqlite3.connect

    def connect(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(database) == str(project_path):
            raise sqlite3.OperationalError("unable to open database file")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    window = create_window(str(project_path), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    notice = window.findChild(QLabel, "readOnlyNotice")
    assert notice is not None and "changes are off" in notice.text()
    assert window.current == SAMPLE_IDS[0]
    browser = window.reader.browser
    browser.setFocus()
    QTest.keyClick(browser, Qt.Key.Key_2)  # a stance: refused, and the form says why
    assert window.session.view(SAMPLE_IDS[0]).values("stance") == []
    assert "read-only" in window.form.message.text()
    QTest.keyClick(browser, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current == SAMPLE_IDS[1]  # reading goes on
    qtbot.wait(2600)  # past the timers: remembering the article, the backup on opening
    window.session.project.close()
    monkeypatch.undo()
    assert _count(project_path, "SELECT COUNT(*) FROM tags") == tags
    assert _count(project_path, "SELECT COUNT(*) FROM project_settings") == settings
