"""Review mode by keyboard in the real window: decisions undo and redo with tagging, every
disagreement (a role's too) is found by Ctrl+Shift+N, and a decision whose annotators'
values changed since shows.  After every step the project file, read through another
connection, holds exactly what the window shows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from annotator.gui.review_view import ReviewView
from tests.conftest import ARABIC_ID
from tests.gui.test_review_view import AGREEING, code_two, press_ok, tick

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
ERDOGAN = "recep_tayyip_erdogan"
ROLES_ONLY = AGREEING[0]  # sara and reza agree there but on Erdoğan's role


def _press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
           ) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifiers)
    return widget


def stored(path: Path) -> dict[str, object]:
    """The decisions and comments in the file, read through a connection of its own."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        decisions = sorted(conn.execute(
            "SELECT article_id, field, COALESCE(value, ''), COALESCE(source_annotator, ''), "
            "reviewer FROM adjudications").fetchall())
        comments = [text for (text,) in conn.execute("SELECT text FROM comments")]
    finally:
        conn.close()
    return {"decisions": decisions, "comments": comments}


def shown(review: ReviewView) -> dict[str, object]:
    """The decisions and comments the review view shows for its article."""
    decided = sorted(f for f, box in review.field_reviews.items() if box.decided)
    comments = [review.comments.list.item(i).text().split("\n", 1)[-1]
                for i in range(review.comments.list.count())
                if review.comments.list.item(i).flags() != Qt.ItemFlag.NoItemFlags]
    return {"decided": decided, "comments": comments}


def decided_fields(path: Path, article: str) -> list[str]:
    return sorted({str(d[1]) for d in stored(path)["decisions"] if d[0] == article})


@pytest.fixture
def lead(qtbot, project_path: Path):
    """The reviewer mina's window on a project two colleagues coded; review mode on."""
    with open_project(project_path) as project:
        code_two(project)
        for name, role in (("sara", "counterpart"), ("reza", "mentioned")):
            Session(project, name).set_value(ROLES_ONLY, "participants", ERDOGAN, True,
                                             role=role)
    window = create_window(str(project_path), "en", "mina")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _press(Qt.Key.Key_R, CTRL)
    assert window.reviewing and window.review is not None
    window.review.queue.setFocus()
    yield window
    window.close()
    window.session.project.close()


def test_accept_undo_redo_set_comment_by_keyboard(qtbot, lead: MainWindow,
                                                  project_path: Path) -> None:
    review = lead.review
    assert review is not None and review.current == ARABIC_ID
    assert review.annotators == ("reza", "sara")

    _press(Qt.Key.Key_1, CTRL | SHIFT)  # accept reza's values where they disagree
    assert decided_fields(project_path, ARABIC_ID) == ["demands", "stance"]
    assert shown(review)["decided"] == ["demands", "stance"]
    assert lead.undo_action.isEnabled() and "decision on" in lead.undo_action.text()

    _press(Qt.Key.Key_Z, CTRL)
    assert stored(project_path)["decisions"] == []
    assert shown(review)["decided"] == []
    assert "not decided" in review.field_reviews["stance"].adjudication.text()
    assert "Undone" in lead.statusBar().currentMessage()

    _press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert decided_fields(project_path, ARABIC_ID) == ["demands", "stance"]
    assert shown(review)["decided"] == ["demands", "stance"]
    assert review.field_reviews["stance"].rows["reza"].accept.text() == "Accepted"

    # Set another value for the stance (the dialog, by keyboard-free clicks), then undo it.
    review.choose_other("stance")
    dialog = review.value_dialog
    assert dialog is not None
    tick(qtbot, dialog.radios["neutral"])
    press_ok(qtbot, review)
    assert ("stance", "neutral", "", "mina") in [d[1:] for d in stored(project_path)[
        "decisions"]]
    review.queue.setFocus()
    _press(Qt.Key.Key_Z, CTRL)
    assert (ARABIC_ID, "stance", "strongly_condemning", "reza", "mina") in stored(
        project_path)["decisions"]
    assert "Strongly condemning" in review.field_reviews["stance"].adjudication.text()

    # A comment: Ctrl+Enter adds it; Ctrl+Z (from the queue) takes it back; redo.
    review.comments.editor.setFocus()
    QTest.keyClicks(review.comments.editor, "Raisi called first.")
    _press(Qt.Key.Key_Return, CTRL)
    assert stored(project_path)["comments"] == ["Raisi called first."]
    assert shown(review)["comments"] == ["Raisi called first."]
    review.queue.setFocus()
    _press(Qt.Key.Key_Z, CTRL)
    assert stored(project_path)["comments"] == [] and shown(review)["comments"] == []
    _press(Qt.Key.Key_Y, CTRL)
    assert stored(project_path)["comments"] == ["Raisi called first."]
    assert shown(review)["comments"] == ["Raisi called first."]


def test_tagging_and_decisions_undo_in_the_order_made(qtbot, lead: MainWindow,
                                                      project_path: Path) -> None:
    review = lead.review
    assert review is not None
    _press(Qt.Key.Key_1, CTRL | SHIFT)  # a decision ...
    _press(Qt.Key.Key_R, CTRL)  # ... then coding: the reviewer's own stance
    assert not lead.reviewing
    coded = lead.current
    _press(Qt.Key.Key_2)
    with open_project(project_path) as other:
        assert [t.value for t in other.tags.find(coded, "mina", "stance")]
    _press(Qt.Key.Key_R, CTRL)
    review.queue.setFocus()
    _press(Qt.Key.Key_Z, CTRL)  # the stance goes first, in review mode too
    with open_project(project_path) as other:
        assert other.tags.find(coded, "mina", "stance") == []
    assert decided_fields(project_path, ARABIC_ID) == ["demands", "stance"]
    _press(Qt.Key.Key_Z, CTRL)  # then the decision
    assert stored(project_path)["decisions"] == [] and shown(review)["decided"] == []
    assert not lead.undo_action.isEnabled()
    _press(Qt.Key.Key_Z, CTRL | SHIFT)
    _press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert decided_fields(project_path, ARABIC_ID) == ["demands", "stance"]
    with open_project(project_path) as other:
        assert [t.value for t in other.tags.find(coded, "mina", "stance")]


def test_next_disagreement_stops_on_a_role_disagreement(qtbot, lead: MainWindow,
                                                        project_path: Path) -> None:
    review = lead.review
    assert review is not None
    roles_row = review.queue_model.row_of(ROLES_ONLY)
    assert roles_row is not None
    assert review.queue_model.data(review.queue_model.index(roles_row, 2)) == "1"
    _press(Qt.Key.Key_1, CTRL | SHIFT)  # the Arabic article is decided
    _press(Qt.Key.Key_N, CTRL | SHIFT)
    assert review.current == ROLES_ONLY
    participants = review.field_reviews["participants"]
    assert participants.disagrees and participants.badge.isVisible()
    assert participants.badge.text() == "roles differ"
    _press(Qt.Key.Key_N, CTRL | SHIFT)  # nothing else to decide: it stays, and says so
    assert review.current == ROLES_ONLY
    assert "No other article" in review.message.text()
    _press(Qt.Key.Key_2, CTRL | SHIFT)  # sara's roles
    assert decided_fields(project_path, ROLES_ONLY) == ["participants"]
    review.pending_check.setChecked(True)
    with open_project(project_path) as other:
        assert other.review.queue(pending_only=True) == []


def test_a_decision_whose_values_changed_since_shows(qtbot, lead: MainWindow,
                                                     project_path: Path) -> None:
    review = lead.review
    assert review is not None
    _press(Qt.Key.Key_1, CTRL | SHIFT)  # reza's demands (cut_ties) and stance
    demands = review.field_reviews["demands"]
    assert demands.decided and not demands.recheck_badge.isVisible()
    # Another process: reza unticks cut_ties and ticks ceasefire after the decision.
    with open_project(project_path) as other:
        reza = Session(other, "reza")
        reza.set_value(ARABIC_ID, "demands", "cut_ties", False)
        reza.set_value(ARABIC_ID, "demands", "ceasefire", True)
    qtbot.waitUntil(lambda: review.field_reviews["demands"].recheck_badge.isVisible(),
                    timeout=5000)
    demands = review.field_reviews["demands"]
    assert "reza" in demands.changes.text() and "Cut" in demands.changes.text()
    row = review.queue_model.row_of(ARABIC_ID)
    assert row is not None
    assert review.queue_model.data(review.queue_model.index(row, 4)) == "!"
    # Ctrl+Shift+N finds it from elsewhere in the queue; accepting again confirms it.
    review.open_article(ROLES_ONLY)
    review.queue.setFocus()
    _press(Qt.Key.Key_N, CTRL | SHIFT)
    assert review.current == ARABIC_ID
    _press(Qt.Key.Key_1, CTRL | SHIFT)
    assert not review.field_reviews["demands"].recheck_badge.isVisible()
    assert ("demands", "ceasefire", "reza", "mina") in [
        d[1:] for d in stored(project_path)["decisions"] if d[0] == ARABIC_ID]
    with open_project(project_path) as other:
        assert other.review.rechecks() == {}


def test_in_persian_a_decision_undoes_and_a_role_disagreement_shows(
        qtbot, project_path: Path) -> None:
    with open_project(project_path) as project:
        code_two(project)
        for name, role in (("sara", "counterpart"), ("reza", "mentioned")):
            Session(project, name).set_value(ROLES_ONLY, "participants", ERDOGAN, True,
                                             role=role)
    window = create_window(str(project_path), "fa", "mina")
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        _press(Qt.Key.Key_R, CTRL)
        review = window.review
        assert review is not None
        review.queue.setFocus()
        _press(Qt.Key.Key_1, CTRL | SHIFT)
        assert decided_fields(project_path, ARABIC_ID) == ["demands", "stance"]
        _press(Qt.Key.Key_Z, CTRL)
        assert stored(project_path)["decisions"] == []
        assert window.statusBar().currentMessage().startswith("واگرد شد")
        _press(Qt.Key.Key_N, CTRL | SHIFT)
        assert review.current == ROLES_ONLY
        assert review.field_reviews["participants"].badge.text() == "اختلاف در نقش"
        _press(Qt.Key.Key_N, CTRL | SHIFT)  # from the end of the queue back to the top
        assert review.current == ARABIC_ID
    finally:
        window.close()
        window.session.project.close()


def test_another_annotator_gets_a_history_of_their_own(qtbot, lead: MainWindow,
                                                       project_path: Path) -> None:
    _press(Qt.Key.Key_1, CTRL | SHIFT)
    lead._use_session(Session(lead.session.project, "nima"))  # File > Switch annotator
    review = lead.review
    assert review is not None and lead.reviewing and not lead.undo_action.isEnabled()
    review.queue.setFocus()
    _press(Qt.Key.Key_Z, CTRL)  # mina's decision is not nima's to undo
    assert decided_fields(project_path, ARABIC_ID) == ["demands", "stance"]
    review.clear_adjudication("stance")
    assert decided_fields(project_path, ARABIC_ID) == ["demands"]
    _press(Qt.Key.Key_Z, CTRL)
    assert decided_fields(project_path, ARABIC_ID) == ["demands", "stance"]
    assert review.field_reviews["stance"].decided
