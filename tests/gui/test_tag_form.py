"""The tag form: the real widget on a real session, driven by keyboard and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QTextBrowser, QWidget

from annotator.core.session import Session
from annotator.gui.tag_form import TagForm
from tests.conftest import ARABIC_ID, SAMPLE_IDS, quote_span

OTHER_ID = next(article for article in SAMPLE_IDS if article != ARABIC_ID)


class Window(QWidget):
    """A stand-in for the main window: a reader beside the form."""

    def __init__(self, session: Session, language: str = "en") -> None:
        super().__init__()
        self.reader = QTextBrowser()
        self.form = TagForm(session, language)
        layout = QHBoxLayout(self)
        layout.addWidget(self.reader)
        layout.addWidget(self.form)


@pytest.fixture
def session(project) -> Session:
    return Session(project, "sara")


@pytest.fixture
def window(qtbot, session: Session) -> Window:
    window = Window(session)
    qtbot.addWidget(window)
    window.form.show_article(session.view(ARABIC_ID))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()
    return window


@pytest.fixture
def form(window: Window) -> TagForm:
    return window.form


def values(session: Session, field: str, article: str = ARABIC_ID) -> list[str | None]:
    return session.view(article).values(field)


def send_chars(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Persian letters too (QTest.keyClicks sends only Latin-1)."""
    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click,
            widget,
            Qt.Key(ord(char.upper())),
            char,
            Qt.KeyboardModifier.NoModifier,
        )


def tick(qtbot, button: QWidget) -> None:
    """Click a checkbox or radio button on its indicator (wide ones ignore their middle)."""
    qtbot.mouseClick(
        button, Qt.MouseButton.LeftButton, pos=QPoint(button.height() // 2, button.height() // 2)
    )


# -- single choice -----------------------------------------------------------------------
def test_stance_by_number_key_while_the_reader_has_focus(window, form, session) -> None:
    stance = form.single_boxes[0]
    assert stance.radios["strongly_condemning"].text().startswith("1  ")
    assert stance.radios["unclear"].text().startswith("0  ")
    QTest.keyClick(window.reader, Qt.Key.Key_2)
    assert values(session, "stance") == ["condemning"]
    assert stance.radios["condemning"].isChecked()
    QTest.keyClick(window.reader, Qt.Key.Key_0)
    assert values(session, "stance") == ["unclear"]
    # A Persian keyboard layout sends Persian digits: ۳ is 3.
    QTest.sendKeyEvent(
        QTest.KeyAction.Click,
        window.reader,
        Qt.Key(0x06F3),
        "\u06f3",
        Qt.KeyboardModifier.NoModifier,
    )
    assert values(session, "stance") == ["neutral"]
    assert form.evidence_target().value == "neutral"


def test_typing_digits_in_text_boxes_does_not_change_the_stance(window, form, session) -> None:
    search = form.participant_boxes[0].search
    search.setFocus()
    QTest.keyClick(search, Qt.Key.Key_2)
    assert search.text() == "2"
    note = form.note_boxes[0].editor
    note.setFocus()
    QTest.keyClick(note, Qt.Key.Key_1)
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, note, Qt.Key(0x06F3), "\u06f3", Qt.KeyboardModifier.NoModifier
    )
    assert note.toPlainText() == "1\u06f3"
    assert values(session, "stance") == []
    assert not any(radio.isChecked() for radio in form.single_boxes[0].radios.values())


def test_event_type_by_alt_digit_and_clicking_the_chosen_radio_again(
    qtbot, window, form, session
) -> None:
    event = next(box for box in form.single_boxes if not box.field.ordered)
    QTest.keyClick(window.reader, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert values(session, event.field.id) == [event.field.active_categories[1].id]
    label = session.undo_label()
    radio = event.radios[event.field.active_categories[1].id]
    with qtbot.assertNotEmitted(form.edited):
        tick(qtbot, radio)
    assert session.undo_label() == label and radio.isChecked()
    qtbot.mouseClick(event.clear_button, Qt.MouseButton.LeftButton)
    assert values(session, event.field.id) == []
    assert not radio.isChecked()


# -- multiple choice ---------------------------------------------------------------------
def test_ctrl_digit_toggles_the_first_demand(window, form, session) -> None:
    demands = form.multiple_boxes[0]
    first = demands.field.active_categories[0].id
    with_key = demands.checks[first].text()
    assert with_key.endswith(demands.field.active_categories[0].text("en"))
    QTest.keyClick(window.reader, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert values(session, "demands") == [first]
    assert demands.checks[first].isChecked()
    QTest.keyClick(window.reader, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert values(session, "demands") == []
    assert not demands.checks[first].isChecked()


def test_none_reported_is_a_null_tag_exclusive_with_the_values(qtbot, form, session) -> None:
    demands = form.multiple_boxes[0]
    tick(qtbot, demands.checks["cut_ties"])
    assert values(session, "demands") == ["cut_ties"]
    tick(qtbot, demands.none_check)
    assert values(session, "demands") == [None]  # coded, none
    assert demands.none_check.isChecked() and not demands.checks["cut_ties"].isChecked()
    tick(qtbot, demands.checks["ceasefire"])
    assert values(session, "demands") == ["ceasefire"]
    assert not demands.none_check.isChecked()
    tick(qtbot, demands.checks["ceasefire"])
    assert session.view(ARABIC_ID).field_tags("demands") == []  # back to not coded
    tick(qtbot, demands.none_check)
    tick(qtbot, demands.none_check)
    assert session.view(ARABIC_ID).field_tags("demands") == []


def test_give_a_demand_a_tagged_participant(qtbot, form, session) -> None:
    people = form.participant_boxes[0]
    assert people.add("ebrahim_raisi")
    demands = form.multiple_boxes[0]
    menu = demands.participant_menus["cut_ties"]
    assert not menu.isVisibleTo(form)
    tick(qtbot, demands.checks["cut_ties"])
    assert menu.isVisibleTo(form)
    # (blank), then the participants tagged, then the article's other suggestions.
    assert menu.itemData(0) is None and menu.itemData(1) == "ebrahim_raisi"
    assert "israel" in [menu.itemData(i) for i in range(menu.count())]
    menu.setFocus()
    QTest.keyClick(menu, Qt.Key.Key_Down)
    [tag] = session.view(ARABIC_ID).field_tags("demands")
    assert tag.participant == "ebrahim_raisi"
    assert menu.currentData() == "ebrahim_raisi" and menu.currentText() == "Ebrahim Raisi"
    QTest.keyClick(menu, Qt.Key.Key_Up)
    assert session.view(ARABIC_ID).field_tags("demands")[0].participant is None


def test_participant_menus_follow_the_article_shown(qtbot, form, session) -> None:
    demands = form.multiple_boxes[0]
    tick(qtbot, demands.checks["cut_ties"])
    cut_ties = demands.participant_menus["cut_ties"]
    here = [cut_ties.itemData(i) for i in range(1, cut_ties.count()) if cut_ties.itemData(i)]
    assert here == [p for p, _n in session.view(ARABIC_ID).suggestions]
    # Another article, the same demand ticked (and one more): its menus list its names.
    session.set_value(OTHER_ID, "demands", "cut_ties", True)
    session.set_value(OTHER_ID, "demands", "ceasefire", True)
    other = session.view(OTHER_ID)
    form.show_article(other)
    for category in ("cut_ties", "ceasefire"):
        menu = demands.participant_menus[category]
        assert menu.isVisibleTo(form)
        assert menu.itemData(0) is None
        listed = [menu.itemData(i) for i in range(1, menu.count()) if menu.itemData(i)]
        assert listed == [p for p, _n in other.suggestions]
    assert [p for p, _n in other.suggestions] != here
    form.show_article(session.view(ARABIC_ID))
    assert [cut_ties.itemData(i) for i in range(1, cut_ties.count())
            if cut_ties.itemData(i)] == here


# -- participants ------------------------------------------------------------------------
def test_accept_a_suggestion_with_one_click_then_change_its_role(qtbot, form, session) -> None:
    people = form.participant_boxes[0]
    first_id, count = session.view(ARABIC_ID).suggestions[0]
    button = people.suggestion_buttons[0]
    assert button.text() == f"{form.participant_name(first_id)} ({count})"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [tag] = session.view(ARABIC_ID).field_tags("participants")
    assert (tag.value, tag.role) == (first_id, "mentioned")
    assert first_id not in [p for p, _n in people._suggested or []]
    row = people.rows[first_id]
    assert row.role.currentData() == "mentioned"
    row.role.setFocus()
    QTest.keyClick(row.role, Qt.Key.Key_Up)
    assert session.view(ARABIC_ID).field_tags("participants")[0].role == "counterpart"
    assert form.evidence_target().value == first_id
    qtbot.mouseClick(row.remove, Qt.MouseButton.LeftButton)
    assert session.view(ARABIC_ID).field_tags("participants") == []
    assert first_id not in people.rows


def test_alt_p_then_enter_accepts_suggestions_in_turn(window, form, session) -> None:
    people = form.participant_boxes[0]
    first, second = (p for p, _n in session.view(ARABIC_ID).suggestions[:2])
    QTest.keyClick(window.reader, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is people.suggestion_buttons[0]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert values(session, "participants") == [first, second]


def test_autocomplete_adds_a_participant_from_part_of_a_persian_name(form, session) -> None:
    people = form.participant_boxes[0]
    people.search.setFocus()
    send_chars(people.search, "اردوغ")
    assert people.search.text() == "اردوغ"
    completer = people.completer
    shown = [
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    ]
    assert "اردوغان" in shown and "رجب طیب اردوغان" in shown
    QTest.keyClick(people.search, Qt.Key.Key_Return)
    assert values(session, "participants") == ["recep_tayyip_erdogan"]
    assert people.search.text() == ""
    # Any case, any script, any alias; an already tagged participant is not added twice.
    assert people.resolve("ERDO") == "recep_tayyip_erdogan"
    assert people.resolve("إردوغان") == "recep_tayyip_erdogan"
    send_chars(people.search, "erdo")
    QTest.keyClick(people.search, Qt.Key.Key_Return)
    assert values(session, "participants") == ["recep_tayyip_erdogan"]
    send_chars(people.search, "zzz")
    QTest.keyClick(people.search, Qt.Key.Key_Return)
    assert "zzz" in form.message.text() and form.message.isVisibleTo(form)


# -- note --------------------------------------------------------------------------------
def test_note_is_saved_on_flush_and_after_a_pause(qtbot, form, session) -> None:
    editor = form.note_boxes[0].editor
    editor.setFocus()
    QTest.keyClicks(editor, "borderline")
    assert values(session, "note") == []  # not yet: typing goes on
    form.flush()
    assert values(session, "note") == ["borderline"]
    with qtbot.waitSignal(form.edited, timeout=3000):
        QTest.keyClicks(editor, " call")
    assert values(session, "note") == ["borderline call"]
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    form.flush()
    assert values(session, "note") == []


def test_note_is_saved_when_the_editor_loses_focus(window, form, session) -> None:
    editor = form.note_boxes[0].editor
    editor.setFocus()
    QTest.keyClicks(editor, "why")
    window.reader.setFocus()
    assert values(session, "note") == ["why"]


# -- evidence ----------------------------------------------------------------------------
def test_evidence_goes_to_the_last_checked_demand(qtbot, window, form, session, project) -> None:
    start, end = quote_span(project, ARABIC_ID, "قطع العلاقات")
    form.attach_evidence(start, end, "قطع العلاقات")
    assert "Choose a stance, demand or participant first" in form.message.text()
    assert session.view(ARABIC_ID).tags == ()
    demands = form.multiple_boxes[0]
    QTest.keyClick(window.reader, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    tick(qtbot, demands.checks["cut_ties"])
    assert form.evidence_target().value == "cut_ties"
    with qtbot.waitSignal(form.edited):
        form.attach_evidence(start, end, "قطع العلاقات")
    tags = {t.value: t for t in session.view(ARABIC_ID).field_tags("demands")}
    assert (tags["cut_ties"].span_start, tags["cut_ties"].quote) == (start, "قطع العلاقات")
    assert tags["ceasefire"].quote is None
    assert "قطع العلاقات" in form.evidence_label.text()
    assert not form.message.isVisibleTo(form)
    # ⌖ on the ceasefire row makes it the target (no span yet: no jump) ...
    with qtbot.assertNotEmitted(form.jumpToEvidence):
        qtbot.mouseClick(demands.aims["ceasefire"], Qt.MouseButton.LeftButton)
    assert form.evidence_target().value == "ceasefire"
    # ... and on the cut_ties row it shows the passage.
    with qtbot.waitSignal(form.jumpToEvidence) as jumped:
        qtbot.mouseClick(demands.aims["cut_ties"], Qt.MouseButton.LeftButton)
    assert jumped.args == [start, end]


def test_session_errors_are_shown_not_raised(form, session) -> None:
    form.single_boxes[0].choose("neutral")
    length = len(session.view(ARABIC_ID).article.body)
    form.attach_evidence(length + 5, length + 9)
    assert "outside article" in form.message.text()
    assert session.view(ARABIC_ID).field_tags("stance")[0].quote is None


# -- switching articles, undo ------------------------------------------------------------
def test_show_article_shows_that_articles_tags_and_no_leftovers(qtbot, form, session) -> None:
    form.single_boxes[0].choose("condemning")
    form.multiple_boxes[0].toggle("ceasefire")
    form.participant_boxes[0].add("ebrahim_raisi")
    editor = form.note_boxes[0].editor
    editor.setFocus()
    QTest.keyClicks(editor, "typed, not yet saved")
    session.set_choice(OTHER_ID, "stance", "neutral")
    undo_depth = session.undo_label()
    form.show_article(session.view(OTHER_ID))  # saves the note of the article it leaves
    assert values(session, "note") == ["typed, not yet saved"]
    assert session.undo_label() != undo_depth
    stance = form.single_boxes[0]
    assert stance.radios["neutral"].isChecked() and not stance.radios["condemning"].isChecked()
    assert not any(c.isChecked() for c in form.multiple_boxes[0].checks.values())
    assert form.participant_boxes[0].rows == {}
    assert editor.toPlainText() == ""
    assert form.evidence_target() is None
    label = session.undo_label()
    with qtbot.assertNotEmitted(form.edited):
        form.show_article(session.view(ARABIC_ID))
    assert session.undo_label() == label  # showing records nothing
    assert stance.radios["condemning"].isChecked()
    assert form.multiple_boxes[0].checks["ceasefire"].isChecked()
    assert list(form.participant_boxes[0].rows) == ["ebrahim_raisi"]
    assert editor.toPlainText() == "typed, not yet saved"


def test_evidence_buttons_are_enabled_only_for_tagged_values(qtbot, session) -> None:
    session.set_value(OTHER_ID, "demands", "ceasefire", True)
    window = Window(session)  # the form starts disabled: no article yet
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    form = window.form
    form.show_article(session.view(OTHER_ID))
    demands = form.multiple_boxes[0]
    assert demands.aims["ceasefire"].isEnabled()
    assert not demands.aims["cut_ties"].isEnabled()
    demands.toggle("cut_ties")
    assert demands.aims["cut_ties"].isEnabled()
    form.show_article(session.view(ARABIC_ID))  # nothing tagged there
    assert not any(aim.isEnabled() for aim in demands.aims.values())


def test_undo_then_refresh_shows_the_previous_state(window, form, session) -> None:
    QTest.keyClick(window.reader, Qt.Key.Key_1)
    QTest.keyClick(window.reader, Qt.Key.Key_2)
    QTest.keyClick(window.reader, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    stance, demands = form.single_boxes[0], form.multiple_boxes[0]
    session.undo()
    form.refresh()
    assert not demands.checks["ceasefire"].isChecked()
    session.undo()
    form.refresh()
    assert stance.radios["strongly_condemning"].isChecked()
    session.redo()
    form.refresh()
    assert stance.radios["condemning"].isChecked()


def test_no_article_no_shortcuts(qtbot, session) -> None:
    window = Window(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QTest.keyClick(window.reader, Qt.Key.Key_1)
    assert not window.form.isEnabled() and not session.can_undo


# -- languages and direction -------------------------------------------------------------
def test_persian_labels_and_mirrored_layout(qtbot, session, tmp_path) -> None:
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        window = Window(session, "fa")
        qtbot.addWidget(window)
        form = window.form
        form.show_article(session.view(ARABIC_ID))
        window.resize(900, 1400)
        window.show()
        qtbot.waitExposed(window)
        stance = form.single_boxes[0]
        assert stance.title() == session.codebook.field("stance").text("fa")
        assert stance.radios["strongly_condemning"].text() == "1  محکومیت شدید"
        radio = stance.radios["strongly_condemning"]
        # Mirrored: the radio buttons sit right of the Clear button.
        assert (
            radio.mapTo(form, radio.rect().center()).x()
            > stance.clear_button.mapTo(form, stance.clear_button.rect().center()).x()
        )
        people = form.participant_boxes[0]
        buttons = people.suggestion_buttons
        assert buttons[0].x() > buttons[1].x()  # the flow starts on the right
        assert buttons[0].text().startswith("اسرائیل")
        assert not form.grab().isNull()
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
