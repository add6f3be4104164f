"""File > Draw and assign a sample, driven by keyboard and mouse: the lead draws a sample
from the current search, stratified, assigns it with an overlap, and the list shows it;
the same recipe on the command line draws the same articles."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.cli.commands import main
from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.store import QUEUE, open_project, sample_filter
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from annotator.gui.sample_dialog import SampleDialog

TURKEY = "ترکیه"  # three of the five articles mention Turkey


def _project(path: Path) -> Path:
    with open_project(path) as project:
        import_paths(project, [paths.corpus_dir()])
    return path


@pytest.fixture
def lead_project(tmp_path: Path) -> Path:
    return _project(tmp_path / "lead.sqlite")


def _show(qtbot, window: MainWindow | None) -> MainWindow:
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _open_dialog(qtbot, window: MainWindow) -> SampleDialog:
    [action] = [a for a in window.findChildren(QAction)
                if a.text() == "Draw and assign a sam&ple…"]
    action.trigger()
    [dialog] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, SampleDialog) and w.isVisible()]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_the_lead_draws_assigns_and_lists_a_sample(qtbot, lead_project: Path,
                                                   tmp_path: Path, capsys) -> None:
    window = _show(qtbot, create_window(str(lead_project), "en", "Mina"))
    panel = window.list_panel
    panel.search.setFocus()
    panel.search.insert(TURKEY)  # (QTest types Latin keys only: Persian is inserted)
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 3

    dialog = _open_dialog(qtbot, window)
    assert dialog.table.rowCount() == 0 and not dialog.assign_button.isEnabled()
    assert dialog.sample_size.maximum() == 5
    qtbot.keyClicks(dialog.name, "pilot")  # the name has the focus first
    _type(qtbot, dialog.sample_size, "2")
    _type(qtbot, dialog.seed, "42")
    dialog.by.setFocus()
    QTest.keyClick(dialog.by, Qt.Key.Key_Down)  # outlet
    QTest.keyClick(dialog.by, Qt.Key.Key_Down)  # month
    QTest.keyClick(dialog.by, Qt.Key.Key_Down)  # language
    assert dialog.by.currentData() == "language"
    assert TURKEY in dialog.from_search.text()
    QTest.keyClick(dialog.by, Qt.Key.Key_Tab)
    assert dialog.from_search.hasFocus(), QApplication.focusWidget()
    QTest.keyClick(dialog.from_search, Qt.Key.Key_Space)
    assert dialog.from_search.isChecked()
    assert dialog.sample_size.maximum() == 3  # what the search finds; 5 without it
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Sample “\u2068pilot\u2069”: 2 articles drawn with seed " \
                                    "\u206842\u2069."
    project = window.session.project
    drawn = project.samples.articles("pilot")
    sample = project.samples.get("pilot")
    assert (sample.size, sample.seed, sample.stratum_by, sample.query) == (
        2, "42", "language", TURKEY)
    assert project.team.lead == "Mina"
    assert dialog.table.rowCount() == 1 and dialog.chosen() == sample

    # The same recipe on the command line draws the same articles.
    other = _project(tmp_path / "cli.sqlite")
    assert main(["sample", "pilot", "--size", "2", "--seed", "42", "--by", "language",
                 "--query", TURKEY, "--db", str(other), "--annotator", "Mina"]) == 0
    capsys.readouterr()
    with open_project(other) as cli:
        assert cli.samples.articles("pilot") == drawn

    # Assign it: typed names, the overlap by keys, a click.
    assert dialog.annotators.hasFocus()
    qtbot.keyClicks(dialog.annotators, "Sara")
    dialog.annotators.insert("،")  # the Arabic comma, as a Persian keyboard types it
    qtbot.keyClicks(dialog.annotators, " Reza, Mina")
    _type(qtbot, dialog.overlap, "50")
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    plan = {p: project.samples.queued_ids(p) for p in ("Sara", "Reza", "Mina")}
    # One article for everyone, the other dealt to the first named.
    assert [len(plan[p]) for p in ("Sara", "Reza", "Mina")] == [2, 1, 1]
    assert "1 articles for everyone" in dialog.message.text()
    assert project.samples.get("pilot").overlap == str(Fraction(1, 2))
    # The lead assigned articles to themselves: their queue is offered.
    assert panel.filter.findData(QUEUE) >= 0

    # Show in the list: the list keeps to the sample.
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert panel.filter.currentData() == sample_filter("pilot")
    assert panel.filter.currentText() == "Sample \u2068pilot\u2069"
    panel.search.clear()
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    listed = sorted(panel.model.summary(r).article_id for r in range(panel.model.rowCount()))
    assert listed == sorted(drawn)


def test_a_refused_draw_says_why_and_stores_nothing(qtbot, lead_project: Path) -> None:
    window = _show(qtbot, create_window(str(lead_project), "en", "Mina"))
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.name, "all")
    _type(qtbot, dialog.sample_size, "5")
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    _type(qtbot, dialog.name, "all")
    _type(qtbot, dialog.sample_size, "4")
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert "exists, drawn otherwise" in dialog.message.text()
    assert [s.size for s in window.session.samples()] == [5]
    _type(qtbot, dialog.name, "nameless")
    dialog.seed.clear()
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Give the sample a name and a seed."


def test_an_annotator_of_someone_elses_team_only_lists_the_samples(qtbot,
                                                                   lead_project: Path) -> None:
    with open_project(lead_project) as project:
        project.samples.draw("pilot", 3, "1", by="Mina")
        project.samples.assign("pilot", ["Sara", "Reza"], Fraction(0), "1", by="Mina")
        project.team.found("Mina")
    window = _show(qtbot, create_window(str(lead_project), "en", "Sara"))
    assert window.list_panel.filter.findData(sample_filter("pilot")) >= 0
    dialog = _open_dialog(qtbot, window)
    assert not dialog.draw_button.isEnabled() and not dialog.assign_button.isEnabled()
    assert "drawn and assigned by the team's lead, \u2068Mina\u2069" in dialog.message.text()
    dialog.table.selectRow(0)
    assert dialog.table.item(0, 5).text() == "Sara, Reza"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_sample_drawn_by_a_command_joins_the_lists_filter(qtbot, lead_project: Path,
                                                            capsys) -> None:
    window = _show(qtbot, create_window(str(lead_project), "en", "Mina"))
    filter_ = window.list_panel.filter
    assert filter_.findData(sample_filter("second")) < 0
    assert main(["sample", "second", "--size", "2", "--seed", "5", "--db", str(lead_project),
                 "--annotator", "Mina"]) == 0
    capsys.readouterr()
    # The window notices the command's write and offers the new sample.
    qtbot.waitUntil(lambda: filter_.findData(sample_filter("second")) >= 0, timeout=10000)
    filter_.setCurrentIndex(filter_.findData(sample_filter("second")))
    assert window.list_panel.model.rowCount() == 2
    # Searched and found nothing there: the line names the sample, not a status.
    panel = window.list_panel
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "nowhere")
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 0
    assert panel.empty_label.text() == ("No article in “Sample \u2068second\u2069” matches "
                                        "“\u2068nowhere\u2069”.")
