"""A training run in the window, driven by keys: the training set in order, a progress
line, the answers out of reach, the score at the end, and back to normal coding."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core import paths
from annotator.core.analysis.score import score
from annotator.core.intake.importer import import_paths
from annotator.core.store import TRAINING, open_project
from annotator.core.store.review import AdjudicatedValue
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from annotator.gui.training_result import TrainingResultDialog
from tests.conftest import SAMPLE_IDS

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
# The training set, added out of list order: the run goes in list order all the same.
TRAINING_IDS = [SAMPLE_IDS[3], SAMPLE_IDS[0], SAMPLE_IDS[1]]


@pytest.fixture
def training_project(tmp_path: Path) -> Path:
    """Three training articles whose stance the lead adjudicated: the first three values
    of the scale, in list order."""
    path = tmp_path / "training.sqlite"
    with open_project(path) as project:
        import_paths(project, [paths.corpus_dir()])
        stance = project.codebooks.active().field("stance")
        project.training.add(TRAINING_IDS)
        for article, category in zip(sorted(TRAINING_IDS, key=SAMPLE_IDS.index),
                                     stance.categories, strict=False):
            project.review.adjudicate(article, "stance", [AdjudicatedValue(category.id)],
                                      reviewer="Mina")
    return path


def _show(qtbot, window: MainWindow | None) -> MainWindow:
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _keys(window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.reader.browser.setFocus()
    QTest.keyClick(window.reader.browser, key, modifiers)


def _action(window: MainWindow, text: str) -> QAction:
    [action] = [a for a in window.findChildren(QAction) if a.text() == text]
    return action


def _result() -> TrainingResultDialog:
    [dialog] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, TrainingResultDialog) and w.isVisible()]
    return dialog


def test_a_coder_is_taken_through_the_training_set_and_scored(qtbot,
                                                              training_project: Path) -> None:
    window = _show(qtbot, create_window(str(training_project), "en", "Sara"))
    panel = window.list_panel
    review = _action(window, "&Review colleagues' tags")
    assert panel.filter.currentData() is None and review.isEnabled()

    _keys(window, Qt.Key.Key_T, CTRL | SHIFT)  # Go > Start training
    assert window.training.active and panel.filter.currentData() == TRAINING
    listed = [panel.model.summary(r).article_id for r in range(panel.model.rowCount())]
    in_order = sorted(TRAINING_IDS, key=SAMPLE_IDS.index)
    assert listed == in_order and window.current == in_order[0]
    line = window.training.line
    assert line.isVisible() and line.text() == "Training: article 1 of 3, 0 done"
    # The adjudicated values are out of reach: review, agreement, the score, export.
    assert not review.isEnabled() and not _action(window, "&Agreement…").isEnabled()
    assert not _action(window, "&Training and score…").isEnabled()
    assert not _action(window, "&Export…").isEnabled()
    _keys(window, Qt.Key.Key_R, CTRL)
    assert not window.reviewing
    assert _action(window, "End &training").isEnabled()

    # The first two as adjudicated, the third wrong (the first value of the scale).
    for step, key in enumerate((Qt.Key.Key_1, Qt.Key.Key_2)):
        _keys(window, key)
        _keys(window, Qt.Key.Key_Return, CTRL)  # done and next, within the training set
        assert window.current == in_order[step + 1]
        assert line.text() == f"Training: article {step + 2} of 3, {step + 1} done"
    _keys(window, Qt.Key.Key_1)
    _keys(window, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: any(isinstance(w, TrainingResultDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = _result()
    expected = score(window.session.project, "Sara")
    stance = next(f for f in expected.fields if f.field == "stance")
    assert stance.passed is False and stance.primary is not None
    rows = {dialog.fields.item(r, 0).text(): [dialog.fields.item(r, c).text()
                                             for c in range(6)]
            for r in range(dialog.fields.rowCount())}
    label = window.session.codebook.field("stance").text("en")
    assert rows[label][2] == f"{stance.primary.alpha:.3f}" and rows[label][3] == "0.800"
    assert rows[label][4] == "not passed" and rows[label][5] == "3 of 3"
    categories = window.session.codebook.field("stance").categories
    confusion = [[dialog.confusion.item(r, c).text() for c in range(3)]
                 for r in range(dialog.confusion.rowCount())]
    third = [row for row in confusion if row[1] == categories[2].text("en")]
    assert third and third[0][2] == f"\u2068{categories[0].text('en')}\u2069: 1"
    # In the codebook's order, the miss in bold.
    assert [row[1] for row in confusion] == [c.text("en") for c in categories[:3]]
    assert [dialog.confusion.item(r, 2).font().bold() for r in range(3)] == [
        False, False, True]
    assert "Not certified yet" in dialog.verdict.text()
    assert "the codebook sets no threshold" in dialog.intro.text()

    # Back to normal coding once the score is shown.
    assert not window.training.active and not line.isVisible()
    assert panel.filter.currentData() is None and panel.filter.isEnabled()
    assert review.isEnabled() and _action(window, "Start &training").isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert panel.model.rowCount() == len(SAMPLE_IDS)


def test_training_can_be_left_and_goes_on_where_it_stopped(qtbot,
                                                           training_project: Path) -> None:
    window = _show(qtbot, create_window(str(training_project), "en", "Sara"))
    window.training.start()
    in_order = sorted(TRAINING_IDS, key=SAMPLE_IDS.index)
    _keys(window, Qt.Key.Key_3)
    _keys(window, Qt.Key.Key_Return, CTRL)
    _keys(window, Qt.Key.Key_T, CTRL | SHIFT)  # End training
    assert not window.training.active and window.list_panel.filter.currentData() is None
    assert "1 of 3 articles done" in window.statusBar().currentMessage()
    # Next article walks the whole list again, not the training set.
    window.open_article(in_order[1])
    _keys(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current == SAMPLE_IDS[SAMPLE_IDS.index(in_order[1]) + 1]
    window.training.start()
    assert window.current == in_order[1]
    assert window.training.line.text() == "Training: article 2 of 3, 1 done"
    # Previous and next stay within the training set.
    _keys(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current == in_order[0]
    _keys(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.current == in_order[0]
    assert window.statusBar().currentMessage() == "This is the first article."


def test_without_adjudicated_answers_training_does_not_start(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    with open_project(path) as project:
        import_paths(project, [paths.corpus_dir()])
        project.training.add(SAMPLE_IDS[:2])
    window = _show(qtbot, create_window(str(path), "en", "Sara"))
    _keys(window, Qt.Key.Key_T, CTRL | SHIFT)
    [box] = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert box.objectName() == "trainingRefused" and "adjudicated" in box.text()
    assert not window.training.active and window.list_panel.filter.currentData() is None
    box.close()


def test_training_leaves_review_and_ends_with_the_annotator(qtbot,
                                                            training_project: Path) -> None:
    from annotator.core.session import Session

    window = _show(qtbot, create_window(str(training_project), "en", "Sara"))
    _keys(window, Qt.Key.Key_R, CTRL)
    assert window.reviewing
    window.training.start()
    assert not window.reviewing and window.training.active  # the answers are shown there
    # Another annotator takes the window: their list, their menus, no training under way.
    window._use_session(Session(window.session.project, "Reza"))
    assert not window.training.active
    assert window.list_panel.filter.currentData() is None
    assert _action(window, "&Review colleagues' tags").isEnabled()
    assert _action(window, "Start &training").isEnabled()
    window.training.start()
    assert window.list_panel.filter.currentData() == TRAINING
    assert window.training.line.isVisible()
    assert window.training.line.text() == "Training: article 1 of 3, 0 done"


def test_the_training_and_score_dialog_starts_the_run(qtbot, training_project: Path) -> None:
    window = _show(qtbot, create_window(str(training_project), "en", "Sara"))
    dialog = window.show_score()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.training_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and window.training.active
    assert window.current == sorted(TRAINING_IDS, key=SAMPLE_IDS.index)[0]
