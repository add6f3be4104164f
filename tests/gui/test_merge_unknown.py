"""Merging, from the window, a colleague's file coded with another codebook: the window
names what our codebook does not know and merges only when the analyst says yes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core import paths
from annotator.core.codebook import parse_codebook
from annotator.core.intake.importer import import_paths
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from tests.conftest import ARABIC_ID


def _colleague(tmp_path: Path) -> Path:
    """Reza's file: a demand 'truce' our codebook lacks, and a stance we know."""
    theirs = tmp_path / "reza.sqlite"
    with open_project(theirs) as colleague:
        import_paths(colleague, [paths.corpus_dir()])
        source = colleague.codebooks.active().source.replace('id = "ceasefire"', 'id = "truce"', 1)
        colleague.codebooks.load(parse_codebook(source))
        reza = Session(colleague, "Reza")
        reza.set_choice(ARABIC_ID, "stance", "neutral")
        reza.set_value(ARABIC_ID, "demands", "truce", True)
    return theirs


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = create_window(None, "en", "Sara")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.project.close()


def _question(qtbot) -> QMessageBox:
    def shown() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                and w.isVisible() and w.icon() == QMessageBox.Icon.Question]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=20000)
    return shown()[0]


def _answer(qtbot, box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def test_no_merges_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    theirs = _colleague(tmp_path)
    window.jobs.start_merge([str(theirs)])
    box = _question(qtbot)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert str(theirs) in box.text()
    assert "Value \u2068truce\u2069 of field \u2068Demands\u2069 (1 tags)" in (
        box.informativeText())
    _answer(qtbot, box, QMessageBox.StandardButton.No)
    qtbot.waitUntil(lambda: any(
        isinstance(w, QMessageBox) and w.isVisible() and "Nothing was merged" in w.text()
        for w in QApplication.topLevelWidgets()), timeout=5000)
    assert window.session.project.tags.find(ARABIC_ID, "Reza") == []


def test_yes_merges_them_and_the_summary_lists_them(qtbot, window: MainWindow,
                                                     tmp_path: Path) -> None:
    theirs = _colleague(tmp_path)
    window.jobs.start_merge([str(theirs)])
    box = _question(qtbot)
    with qtbot.waitSignal(window.merged, timeout=20000):
        _answer(qtbot, box, QMessageBox.StandardButton.Yes)
    values = sorted(str(t.value) for t in window.session.project.tags.find(ARABIC_ID, "Reza"))
    assert values == ["neutral", "truce"]
    qtbot.waitUntil(lambda: any(
        isinstance(w, QMessageBox) and w.isVisible() and "does not know them" in w.text()
        for w in QApplication.topLevelWidgets()), timeout=5000)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()
