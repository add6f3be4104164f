"""The review view: the real widget on a real project coded by two and three annotators."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QWidget

from annotator.core.review_session import ReviewSession
from annotator.core.session import Session
from annotator.core.store import Project
from annotator.core.store.review import ADJUDICATED
from annotator.gui.reader import MARK_KIND
from annotator.gui.review_parts import NOT_CODED, PALETTE
from annotator.gui.review_view import ReviewView
from tests.conftest import ARABIC_ID, SAMPLE_IDS, quote_span

REVIEWER = "mina"
SARA_STANCE = "وقف الهجمات الإسرائيلية على غزة"
REZA_STANCE = "قطع علاقاتها السياسية والاقتصادية"
SARA_CEASEFIRE = "وقف إطلاق النار في قطاع غزة فوراً"
AGREEING = [a for a in SAMPLE_IDS[:3] if a != ARABIC_ID]


def _evidence(project: Project, session: Session, field: str, value: str, quote: str) -> None:
    tag = next(t for t in session.view(ARABIC_ID).field_tags(field) if t.value == value)
    session.update_tag(tag, "evidence", span=quote_span(project, ARABIC_ID, quote))


def code_two(project: Project) -> None:
    """sara and reza agree on two articles and disagree on the Arabic one (stance, demands)."""
    sara, reza = Session(project, "sara"), Session(project, "reza")
    for article in AGREEING:
        sara.set_choice(article, "stance", "condemning")
        reza.set_choice(article, "stance", "condemning")
    sara.set_choice(ARABIC_ID, "stance", "condemning")
    _evidence(project, sara, "stance", "condemning", SARA_STANCE)
    reza.set_choice(ARABIC_ID, "stance", "strongly_condemning")
    _evidence(project, reza, "stance", "strongly_condemning", REZA_STANCE)
    sara.set_value(ARABIC_ID, "demands", "ceasefire", True)
    _evidence(project, sara, "demands", "ceasefire", SARA_CEASEFIRE)
    reza.set_value(ARABIC_ID, "demands", "cut_ties", True)
    for session in (sara, reza):
        session.set_value(ARABIC_ID, "participants", "ebrahim_raisi", True, role="initiator")
    reza.set_choice(ARABIC_ID, "note", "The headline decides it.")


def code_third(project: Project) -> None:
    omid = Session(project, "omid")
    omid.set_choice(ARABIC_ID, "stance", "strongly_condemning")
    omid.set_none(ARABIC_ID, "demands", True)
    omid.set_value(ARABIC_ID, "participants", "recep_tayyip_erdogan", True, role="counterpart")


def _show(qtbot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


@pytest.fixture
def coded(project: Project) -> Project:
    code_two(project)
    return project


@pytest.fixture
def view(qtbot, coded: Project) -> ReviewView:
    widget = ReviewView(ReviewSession(coded, REVIEWER))
    _show(qtbot, widget)
    return widget


@pytest.fixture
def right_to_left():
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def queue_ids(view: ReviewView) -> list[str]:
    return [item.article_id for item in view.queue_model.items]


def click_row(qtbot, view: ReviewView, row: int) -> None:
    rect = view.queue.visualRect(view.queue_model.index(row, 1))
    qtbot.mouseClick(view.queue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def tick(qtbot, button: QWidget) -> None:
    """Click a checkbox or radio button on its indicator (wide ones ignore their middle)."""
    half = button.height() // 2
    x = button.width() - half if button.isRightToLeft() else half
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(x, half))


def press_ok(qtbot, view: ReviewView) -> None:
    dialog = view.value_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.value_dialog is None)


# -- the queue and the field boxes ----------------------------------------------------------
def test_queue_lists_the_disagreeing_article_first(view: ReviewView) -> None:
    assert queue_ids(view) == [ARABIC_ID, *AGREEING]
    model = view.queue_model
    assert model.data(model.index(0, 2)) == "2"  # stance and demands
    assert model.data(model.index(0, 3)) == "reza, sara"
    assert model.data(model.index(1, 2)) == "0"
    assert model.data(model.index(0, 4)) == ""  # nothing adjudicated yet
    assert view.current == ARABIC_ID  # the first article opens by itself
    assert view.queue.currentIndex().row() == 0


def test_selecting_an_article_shows_the_coders_side_by_side(qtbot, view: ReviewView) -> None:
    click_row(qtbot, view, 1)
    assert view.current == AGREEING[0]
    stance = view.field_reviews["stance"]
    assert not stance.disagrees and stance.badge.isHidden()
    click_row(qtbot, view, 0)
    assert view.current == ARABIC_ID
    assert view.reader.article is not None and view.reader.article.article_id == ARABIC_ID
    assert list(stance.rows) == ["reza", "sara"]
    assert "Strongly condemning" in stance.rows["reza"].values.text()
    assert "Condemning" in stance.rows["sara"].values.text()
    assert stance.disagrees and stance.badge.isVisible()
    assert "disagree" in stance.badge.text()
    assert "border" in stance.styleSheet()  # the group is framed in the disagreement colour
    demands = view.field_reviews["demands"]
    assert demands.disagrees
    assert "Ceasefire" in demands.rows["sara"].values.text()
    assert "Cut ties" in demands.rows["reza"].values.text()
    people = view.field_reviews["participants"]
    assert not people.disagrees and people.badge.isHidden()
    assert "Ebrahim Raisi (Initiator)" in people.rows["reza"].values.text()
    event = view.field_reviews["event_type"]  # nobody coded it
    assert not event.disagrees
    assert NOT_CODED in event.rows["sara"].values.text()
    assert not event.rows["sara"].accept.isEnabled()  # nothing to accept
    assert "not decided" in stance.adjudication.text()
    # Notes are shown read-only; text fields get no review box.
    assert "note" not in view.field_reviews
    assert view.notes is not None
    assert view.notes.labels["reza"].text() == "The headline decides it."
    assert view.notes.labels["sara"].text() == NOT_CODED
    assert "reza" in view.summary.text() and "0 of 2" in view.summary.text()


def test_accept_stores_an_adjudication_and_never_changes_the_tags(
    qtbot, view: ReviewView, coded: Project
) -> None:
    before = coded.tags.find()
    stance = view.field_reviews["stance"]
    stance.comment.setText("The headline is explicit.")
    with qtbot.waitSignal(view.adjudicated) as signal:
        qtbot.mouseClick(stance.rows["reza"].accept, Qt.MouseButton.LeftButton)
    assert signal.args[0].article_id == ARABIC_ID
    assert signal.args[0].fields == ("stance",)
    adjudicated = coded.review.adjudications(ARABIC_ID, "stance")
    assert [(a.value, a.source_annotator, a.reviewer) for a in adjudicated] == [
        ("strongly_condemning", "reza", REVIEWER)
    ]
    assert adjudicated[0].comment == "The headline is explicit."
    assert adjudicated[0].span_start is not None  # reza's evidence came along
    assert coded.tags.find() == before
    # The adjudicated value is shown in bold with the reviewer; reza's row says it was accepted.
    stance = view.field_reviews["stance"]
    shown = stance.adjudication.text()
    assert "<b>" in shown and "Strongly condemning" in shown
    assert REVIEWER in shown
    assert "The headline is explicit." in shown
    assert stance.rows["reza"].accept.text() == "Accepted"
    assert not stance.rows["reza"].accept.isEnabled()
    assert stance.rows["sara"].accept.isEnabled()
    assert stance.comment.text() == ""
    assert stance.decided and stance.decided_badge.isVisible()
    assert view.queue_model.data(view.queue_model.index(0, 4)) == "1/2"
    # Exports read the adjudicated values as tags of the pseudo-annotator "adjudicated".
    exported = list(coded.review.adjudicated_tags())
    assert [(t.annotator, t.article_id, t.field, t.value) for t in exported] == [
        (ADJUDICATED, ARABIC_ID, "stance", "strongly_condemning")
    ]
    # Clear removes the adjudication, and still leaves the annotators' tags alone.
    with qtbot.waitSignal(view.adjudicated):
        qtbot.mouseClick(stance.clear_button, Qt.MouseButton.LeftButton)
    assert coded.review.adjudications(ARABIC_ID) == []
    assert "not decided" in view.field_reviews["stance"].adjudication.text()
    assert coded.tags.find() == before


def test_set_another_value_through_the_dialog(qtbot, view: ReviewView, coded: Project) -> None:
    before = coded.tags.find()
    stance = view.field_reviews["stance"]
    qtbot.mouseClick(stance.other_button, Qt.MouseButton.LeftButton)
    dialog = view.value_dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing chosen yet
    assert "unclear" in dialog.radios and None in dialog.radios
    tick(qtbot, dialog.radios["neutral"])
    with qtbot.waitSignal(view.adjudicated):
        press_ok(qtbot, view)
    adjudicated = coded.review.adjudications(ARABIC_ID, "stance")
    assert [(a.value, a.source_annotator, a.reviewer) for a in adjudicated] == [
        ("neutral", None, REVIEWER)
    ]
    assert "Neutral" in view.field_reviews["stance"].adjudication.text()

    # Demands: checkboxes; a value an annotator had keeps that annotator's evidence.
    qtbot.mouseClick(view.field_reviews["demands"].other_button, Qt.MouseButton.LeftButton)
    dialog = view.value_dialog
    assert dialog is not None
    tick(qtbot, dialog.checks["ceasefire"])
    tick(qtbot, dialog.checks["humanitarian_aid"])
    press_ok(qtbot, view)
    demands = {a.value: a for a in coded.review.adjudications(ARABIC_ID, "demands")}
    assert set(demands) == {"ceasefire", "humanitarian_aid"}
    assert demands["ceasefire"].quote == SARA_CEASEFIRE
    assert demands["humanitarian_aid"].quote is None

    # Demands again, now "None reported": it unticks the values.
    qtbot.mouseClick(view.field_reviews["demands"].other_button, Qt.MouseButton.LeftButton)
    dialog = view.value_dialog
    assert dialog is not None and dialog.checks["ceasefire"].isChecked()  # pre-filled
    tick(qtbot, dialog.none_check)
    assert not dialog.checks["ceasefire"].isChecked()
    press_ok(qtbot, view)
    assert [a.value for a in coded.review.adjudications(ARABIC_ID, "demands")] == [None]
    assert "none" in view.field_reviews["demands"].adjudication.text()

    # Participants: the annotators' participants are offered; any other can be added by name.
    qtbot.mouseClick(view.field_reviews["participants"].other_button, Qt.MouseButton.LeftButton)
    dialog = view.value_dialog
    assert dialog is not None and dialog.table is not None and dialog.search is not None
    assert dialog.table.rowCount() == 1  # Raisi, from the annotators, not ticked yet
    QTest.keyClicks(dialog.search, "Erdo")
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 2
    role = dialog.table.cellWidget(1, 1)
    role.setCurrentIndex(role.findData("counterpart"))
    press_ok(qtbot, view)
    people = [(a.value, a.role) for a in coded.review.adjudications(ARABIC_ID, "participants")]
    assert people == [("recep_tayyip_erdogan", "counterpart")]
    # Cancel changes nothing.
    qtbot.mouseClick(view.field_reviews["stance"].other_button, Qt.MouseButton.LeftButton)
    dialog = view.value_dialog
    assert dialog is not None
    tick(qtbot, dialog.radios["supportive"])
    dialog.reject()
    assert [a.value for a in coded.review.adjudications(ARABIC_ID, "stance")] == ["neutral"]
    assert coded.tags.find() == before


def test_not_yet_adjudicated_filter(qtbot, view: ReviewView, coded: Project) -> None:
    view.accept("stance", "reza")
    assert ARABIC_ID in queue_ids(view)
    tick(qtbot, view.pending_check)
    assert queue_ids(view) == [ARABIC_ID]  # demands still open; agreeing articles gone
    qtbot.mouseClick(view.field_reviews["demands"].rows["sara"].accept, Qt.MouseButton.LeftButton)
    # Just settled: it stays listed (marked) so the reviewer is not moved away ...
    assert queue_ids(view) == [ARABIC_ID]
    assert view.queue_model.data(view.queue_model.index(0, 4)) == "\u2713"
    assert view.current == ARABIC_ID
    # ... until the queue is filtered again.
    view.refresh()
    assert queue_ids(view) == []
    assert view.current is None and not view.details.isEnabled()
    tick(qtbot, view.pending_check)
    assert queue_ids(view) == [ARABIC_ID, *AGREEING]


def test_field_filter(qtbot, view: ReviewView) -> None:
    view.field_filter.setCurrentIndex(view.field_filter.findData("demands"))
    view.field_filter.activated.emit(view.field_filter.currentIndex())
    assert queue_ids(view) == [ARABIC_ID]
    assert view.field_filter.findData("note") == -1  # text fields are not filters


def test_comment_thread(qtbot, view: ReviewView, coded: Project) -> None:
    thread = view.comments
    assert thread.list.count() == 1 and not thread.list.item(0).flags()  # "No comments yet."
    thread.editor.setFocus()
    QTest.keyClicks(thread.editor, "Is Raisi the initiator?")
    qtbot.mouseClick(thread.add_button, Qt.MouseButton.LeftButton)
    comments = coded.review.comments(ARABIC_ID)
    assert [(c.author, c.text) for c in comments] == [(REVIEWER, "Is Raisi the initiator?")]
    assert thread.list.count() == 1
    assert REVIEWER in thread.list.item(0).text()
    assert "Is Raisi the initiator?" in thread.list.item(0).text()
    assert thread.editor.toPlainText() == ""
    # Ctrl+Enter adds too; Persian text is kept as typed.
    thread.editor.setFocus()
    thread.editor.setPlainText("بله، آغازگر است.")
    QTest.keyClick(thread.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [c.text for c in coded.review.comments(ARABIC_ID)][-1] == "بله، آغازگر است."
    assert thread.list.count() == 2


def test_each_annotators_evidence_in_their_own_colour(view: ReviewView) -> None:
    evidence = [
        s
        for s in view.reader.browser.extraSelections()
        if s.format.property(MARK_KIND) == "evidence"
    ]
    assert len(evidence) == 3  # reza: stance; sara: stance and ceasefire
    backgrounds = {s.format.background().color().name() for s in evidence}
    assert len(backgrounds) == 2
    hues = {round(s.format.background().color().hslHueF(), 2) for s in evidence}
    expected = {round(QColor(PALETTE[i]).hslHueF(), 2) for i in (0, 1)}  # reza, sara
    assert hues == expected
    assert [name for name, _colour in view.legend.entries] == ["reza", "sara"]
    # The aim button shows an annotator's evidence in the reader.
    row = view.field_reviews["stance"].rows["sara"]
    assert row.aim.isEnabled()
    row.aim.click()
    assert view.reader.selected_span() is not None
    assert view.reader.selected_span()[2] == SARA_STANCE


# -- three annotators, refresh and the keyboard -----------------------------------------------
def test_three_annotators_refresh_and_pair_filter(qtbot, view: ReviewView, coded: Project) -> None:
    click_row(qtbot, view, 0)
    code_third(coded)  # as a merge would bring in
    view.refresh()
    assert view.current == ARABIC_ID and view.queue.currentIndex().row() == 0
    assert view.annotators == ("omid", "reza", "sara")
    stance = view.field_reviews["stance"]
    assert list(stance.rows) == ["omid", "reza", "sara"]
    assert "none" in view.field_reviews["demands"].rows["omid"].values.text()
    assert "Counterpart" in view.field_reviews["participants"].rows["omid"].values.text()
    assert view.field_reviews["participants"].disagrees
    assert [name for name, _c in view.legend.entries] == ["omid", "reza", "sara"]
    pairs = [view.pair_filter.itemData(i) for i in range(view.pair_filter.count())]
    assert pairs == [None, ("omid", "reza"), ("omid", "sara"), ("reza", "sara")]
    view.pair_filter.setCurrentIndex(pairs.index(("omid", "reza")))
    view.pair_filter.activated.emit(view.pair_filter.currentIndex())
    assert queue_ids(view) == [ARABIC_ID]
    assert view.annotators == ("omid", "reza")
    assert not view.field_reviews["stance"].disagrees  # both strongly condemning
    assert view.field_reviews["demands"].disagrees


def test_keyboard_next_previous_and_accept_all(qtbot, view: ReviewView, coded: Project) -> None:
    before = coded.tags.find()
    browser = view.reader.browser
    browser.setFocus()
    QTest.keyClick(browser, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current == AGREEING[0]
    QTest.keyClick(browser, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current == ARABIC_ID
    view.queue.setFocus()
    QTest.keyClick(view.queue, Qt.Key.Key_Down)
    assert view.current == AGREEING[0]
    QTest.keyClick(view.queue, Qt.Key.Key_Up)
    assert view.current == ARABIC_ID
    # Ctrl+Shift+2: the second annotator's (sara's) values for every disagreeing field.
    browser.setFocus()
    with qtbot.waitSignal(view.adjudicated):
        QTest.keyClick(
            browser,
            Qt.Key.Key_2,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    adjudicated = {(a.field, a.value, a.source_annotator)
                   for a in coded.review.adjudications(ARABIC_ID)}
    assert adjudicated == {("stance", "condemning", "sara"), ("demands", "ceasefire", "sara")}
    assert "sara" in view.message.text()
    assert coded.tags.find() == before


def test_alt_arrows_step_the_queue_even_inside_a_window_that_uses_them(
    qtbot, coded: Project
) -> None:
    window = QMainWindow()
    fired: list[str] = []
    go = QAction("next article", window)
    go.setShortcut(QKeySequence("Alt+Down"))
    go.triggered.connect(lambda: fired.append("window"))
    window.addAction(go)
    view = ReviewView(ReviewSession(coded, REVIEWER))
    window.setCentralWidget(view)
    _show(qtbot, window)
    view.comments.editor.setFocus()
    QTest.keyClick(view.comments.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current == AGREEING[0]
    assert fired == []


def test_mirrored_in_persian(qtbot, right_to_left, coded: Project) -> None:
    view = ReviewView(ReviewSession(coded, REVIEWER), "fa")
    _show(qtbot, view)
    assert view.isRightToLeft() and view.field_reviews["stance"].isRightToLeft()
    stance = view.field_reviews["stance"]
    assert stance.title() == "موضع در برابر رفتار اسرائیل"
    assert "محکومیت شدید" in stance.rows["reza"].values.text()
    assert "سید ابراهیم رئیسی" in view.field_reviews["participants"].rows["sara"].values.text()
    # The annotators' names are listed with the Persian comma, each name isolated.
    assert "\u2069، \u2068" in view.summary.text() and ", " not in view.summary.text()
    # Mirrored: the queue is on the right, the field boxes on the left.
    queue_x = view.queue.mapTo(view, QPoint(0, 0)).x()
    details_x = view.details.mapTo(view, QPoint(0, 0)).x()
    assert queue_x > details_x
    view.accept("stance", "sara")
    assert "محکومیت" in view.field_reviews["stance"].adjudication.text()
