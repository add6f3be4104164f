"""The window of a team member: "My queue" in the article list, File > Sync with team
folder with its summary, and the lead's View > Team progress."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.store import QUEUE, open_project
from annotator.core.store.team import snapshot_name
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow


@pytest.fixture
def lead_project(tmp_path: Path) -> Path:
    """A project whose sample of four articles is shared between Sara and Reza."""
    path = tmp_path / "lead.annotator"
    with open_project(path) as project:
        import_paths(project, [paths.corpus_dir()])
        project.samples.draw("pilot", 4, "1", by="Mina")
        project.samples.assign("pilot", ["Sara", "Reza"], Fraction(1, 2), "1", by="Mina")
        project.team.found("Mina")
    return path


def _show(qtbot, window: MainWindow | None) -> MainWindow:
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _action(window: MainWindow, text: str) -> QAction:
    for action in window.findChildren(QAction):
        if action.text() == text:
            return action
    raise AssertionError(text)


def _box(name: str) -> QMessageBox:
    [box] = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == name]
    return box


def test_an_annotator_sees_their_queue_first(qtbot, lead_project: Path) -> None:
    with open_project(lead_project) as project:
        queue = project.samples.queued_ids("Sara")
    window = _show(qtbot, create_window(str(lead_project), "en", "Sara"))
    panel = window.list_panel
    assert panel.filter.currentData() == QUEUE and panel.filter.currentText() == "My queue"
    listed = [panel.model.summary(row).article_id for row in range(panel.model.rowCount())]
    assert sorted(listed) == sorted(queue) and len(listed) == 3
    # "All" lists every article again.
    panel.filter.setCurrentIndex(panel.filter.findData(None))
    assert panel.model.rowCount() == 5


def test_the_lead_has_no_queue_and_sees_each_annotators_progress(qtbot,
                                                                lead_project: Path) -> None:
    window = _show(qtbot, create_window(str(lead_project), "en", "Mina"))
    assert window.list_panel.filter.findData(QUEUE) < 0
    _action(window, "&Team progress…").trigger()
    text = _box("teamProgress").text()
    assert "Reza" in text and "Sara" in text and "0 of 3 done or skipped" in text


def test_sync_from_the_file_menu_publishes_and_summarises(qtbot, monkeypatch, tmp_path: Path,
                                                          lead_project: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(folder)))
    window = _show(qtbot, create_window(str(lead_project), "en", "Mina"))
    with qtbot.waitSignal(window.jobs.merged, timeout=30000):
        _action(window, "S&ync with team folder…").trigger()
    assert (folder / snapshot_name("Mina")).is_file()
    text = _box("syncSummary").text()
    assert "published" in text and "no other snapshot in the team folder yet" in text


def test_sync_summary_in_persian(qtbot, tmp_path: Path, lead_project: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    window = _show(qtbot, create_window(str(lead_project), "fa", "Mina"))
    with qtbot.waitSignal(window.jobs.merged, timeout=30000):
        window.jobs.start_sync(str(folder))
    text = _box("syncSummary").text()
    assert "منتشر شد" in text and "هنوز تصویر دیگری در پوشهٔ تیم نیست" in text
