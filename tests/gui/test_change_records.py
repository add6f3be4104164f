"""An edit in the window refreshes only what its change record names.

The real window on a real project: each test spies on the views' refresh methods and on
the session's reads, makes edits as an analyst does, and checks that only the field, the
row, the progress or the marks the record concerns were touched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.session import Edit, Session
from annotator.core.store import open_project
from annotator.gui.main_window import MainWindow
from tests.conftest import ARABIC_ID, SAMPLE_IDS


@pytest.fixture
def window(qtbot, project_path: Path):
    win = MainWindow(Session(open_project(project_path, create=False), "sara"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.open_article(ARABIC_ID)
    yield win
    win.close()
    win.session.project.close()


class Calls:
    """Counts the calls of methods swapped in on objects (the real method still runs)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.counts: dict[str, int] = {}

    def spy(self, name: str, owner: object, method: str) -> None:
        real: Callable[..., object] = getattr(owner, method)
        self.counts[name] = 0

        def counted(*args: object, **kwargs: object) -> object:
            self.counts[name] += 1
            return real(*args, **kwargs)

        self.monkeypatch.setattr(owner, method, counted)

    def reset(self) -> None:
        self.counts = dict.fromkeys(self.counts, 0)


def _press(window: MainWindow, key: Qt.Key,
           modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    browser = window.reader.browser
    browser.setFocus()
    QTest.keyClick(browser, key, modifiers)


@pytest.fixture
def calls(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Calls:
    form, session = window.form, window.session
    spied = Calls(monkeypatch)
    spied.spy("stance", next(b for b in form.single_boxes if b.field.id == "stance"), "fill")
    spied.spy("demands", form.multiple_boxes[0], "fill")
    spied.spy("participants", form.participant_boxes[0], "fill")
    spied.spy("note", form.note_boxes[0], "fill")
    spied.spy("view", session, "view")
    spied.spy("page", session, "page")
    spied.spy("progress", session, "progress")
    spied.spy("marks", window.reader, "set_marks")
    return spied


def test_a_tag_refreshes_its_field_and_nothing_is_read_again(window, calls) -> None:
    records: list[Edit] = []
    window.edited.connect(records.append)
    _press(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # a demand: starts it
    [first] = records
    assert (first.article_id, first.annotator, first.field) == (ARABIC_ID, "sara", "demands")
    assert calls.counts["demands"] == 1 and calls.counts["stance"] == 0
    # The status changed (not started -> in progress): the progress moves by the record,
    # without counting every status again.
    assert calls.counts["progress"] == 0
    assert window.form.status_label.text() == "Status: in progress"
    model = window.list_panel.model
    assert model.data(model.index(model.row_of(ARABIC_ID), 3)) == "in progress"
    calls.reset()
    _press(window, Qt.Key.Key_2)  # the stance: its box only, no status change
    assert calls.counts["stance"] == 1
    assert calls.counts["demands"] == calls.counts["participants"] == calls.counts["note"] == 0
    assert calls.counts["progress"] == calls.counts["page"] == 0
    assert calls.counts["view"] == 0  # the record holds what the views show
    assert calls.counts["marks"] == 0  # no evidence span changed
    assert window.session.view(ARABIC_ID).values("stance") == ["condemning"]


def test_undo_and_redo_refresh_from_their_records(window, calls) -> None:
    _press(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    _press(window, Qt.Key.Key_3)
    stance = next(b for b in window.form.single_boxes if b.field.id == "stance")
    assert stance.radios["neutral"].isChecked()
    calls.reset()
    _press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not any(radio.isChecked() for radio in stance.radios.values())
    assert calls.counts["stance"] == 1 and calls.counts["demands"] == 0
    assert calls.counts["view"] == calls.counts["progress"] == 0
    _press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the demand, status
    assert calls.counts["demands"] == 1 and calls.counts["progress"] == 0
    assert window.form.status_label.text() == "Status: not started"
    assert not window.form.multiple_boxes[0].checks["ceasefire"].isChecked()
    _press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
           | Qt.KeyboardModifier.ShiftModifier)
    assert window.form.multiple_boxes[0].checks["ceasefire"].isChecked()
    assert window.form.status_label.text() == "Status: in progress"


def test_evidence_redraws_the_marks_and_a_participant_the_menus_listing_it(window, calls) -> None:
    _press(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # ceasefire
    body = window.reader.article.body
    phrase = "وقف إطلاق النار"
    start = body.index(phrase)
    calls.reset()
    window.reader.select_span(start, start + len(phrase))
    _press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert calls.counts["marks"] == 1
    assert (start, start + len(phrase)) in [(s, e) for s, e, _c in window.reader._evidence]
    calls.reset()
    assert window.form.participant_boxes[0].add("ebrahim_raisi")
    # The participants box, and the demands' participant menus that list who is tagged.
    assert calls.counts["participants"] == 1 and calls.counts["demands"] == 1
    assert calls.counts["stance"] == 0 and calls.counts["marks"] == 0
    menu = window.form.multiple_boxes[0].participant_menus["ceasefire"]
    assert menu.itemData(1) == "ebrahim_raisi"


def test_a_status_repaints_its_row_and_the_progress(window, calls) -> None:
    model = window.list_panel.model
    repainted: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: repainted.append((top.row(), bottom.row())))
    window.done_and_next()
    row = model.row_of(ARABIC_ID)
    assert repainted == [(row, row)]
    assert model.data(model.index(row, 3)) == "done"
    assert calls.counts["page"] == 0 and calls.counts["progress"] == 0
    assert "1 of 5" in window.list_panel.progress_label.text()
    assert window.session.progress() == (1, 5)  # what a recount would show
    assert window.current == SAMPLE_IDS[SAMPLE_IDS.index(ARABIC_ID) + 1]


def test_a_status_filtered_list_follows_a_status_change(window) -> None:
    panel = window.list_panel
    panel.filter.setCurrentIndex(panel.filter.findData("in_progress"))
    assert panel.model.rowCount() == 0
    _press(window, Qt.Key.Key_2)  # starts the article shown: it joins the rows listed
    assert panel.model.rowCount() == 1 and panel.current_id() == ARABIC_ID
    _press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.rowCount() == 0


def test_the_progress_moved_by_records_equals_a_recount(window) -> None:
    """Tags, done, skip, undo and redo in a row: the progress the list keeps by the
    records is the count of the statuses at every step."""
    panel = window.list_panel
    ctrl = Qt.KeyboardModifier.ControlModifier
    steps = [lambda: _press(window, Qt.Key.Key_1, ctrl), window.done_and_next,
             lambda: _press(window, Qt.Key.Key_2), window.skip_and_next,
             lambda: _press(window, Qt.Key.Key_Z, ctrl),
             lambda: _press(window, Qt.Key.Key_Z, ctrl),
             lambda: _press(window, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier),
             window.done_and_next, window.done_and_next,
             lambda: _press(window, Qt.Key.Key_Z, ctrl)]
    for step in steps:
        step()
        assert panel._progress == window.session.progress()
