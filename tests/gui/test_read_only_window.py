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


def test_file_open_reads_a_read_only_project_as_starting_on_it_does(
        qtbot, project_path: Path, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from annotator.core import paths
    from annotator.core.intake.importer import import_paths
    from annotator.core.store import open_project

    writable = tmp_path / "mine.sqlite"
    with open_project(writable) as mine:
        import_paths(mine, [paths.corpus_dir()])
    window = create_window(str(writable), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.findChild(QLabel, "readOnlyNotice") is None
    real = sqlite3.connect

    def connect(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(database) == str(project_path):
            raise sqlite3.OperationalError("unable to open database file")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    chosen = [str(project_path), str(writable)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (chosen.pop(0), ""))
    window.projects.open_project_dialog()  # File > Open: no refusal, the project opens for reading
    assert window.session.project.path == project_path and window.session.project.read_only
    notice = window.findChild(QLabel, "readOnlyNotice")
    assert notice is not None and notice.isVisibleTo(window)
    assert "changes are off" in notice.text()
    assert window.current == SAMPLE_IDS[0]
    window.projects.open_project_dialog()  # back to a project that can be written: the notice goes
    assert window.session.project.path == writable and not window.session.project.read_only
    assert not notice.isVisibleTo(window)
    qtbot.wait(2600)  # past the timers: remembering the article, the backup on opening
    window.close()
    window.session.project.close()
