"""The window notices writes by another window or command and shows them, losing nothing.

Real windows on real project files; the other writer is a real ``annotator`` process, a
second connection, or a second window in this process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.core.store.review import AdjudicatedValue
from annotator.gui.main_window import MainWindow
from annotator.gui.project_switch import BACKUP_DELAY_MS
from tests.conftest import ARABIC_ID, SAMPLE_IDS

REFRESHED = "The project was changed by another window or command; refreshed."
FAST_MS = 100  # the watch's interval in most tests: the same code, less waiting


def _window(qtbot, path: Path, annotator: str = "tester", interval: int = FAST_MS) -> MainWindow:
    window = MainWindow(Session(open_project(path, create=False), annotator))
    qtbot.addWidget(window)
    window.watch.setInterval(interval)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.session.project.close()


def _cli(path: Path, *argv: str) -> None:
    done = subprocess.run([sys.executable, "-m", "annotator", *argv, "--db", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def _elsewhere(path: Path, annotator: str = "tester") -> Session:
    """Another window's session: its own connection to the same file."""
    return Session(open_project(path, create=False), annotator)


def _row_status(window: MainWindow, article_id: str) -> str:
    model = window.list_panel.model
    row = model.row_of(article_id)
    assert row is not None
    return str(model.data(model.index(row, 3)))


def _checked(window: MainWindow, field: str) -> str | None:
    box = next(b for b in window.form.single_boxes if b.field.id == field)
    return next((cid for cid, radio in box.radios.items() if radio.isChecked()), None)


def test_a_command_tagging_the_open_article_shows_in_form_list_and_progress(
        qtbot, project_path: Path) -> None:
    window = _window(qtbot, project_path, interval=1500)  # the real interval
    window.open_article(ARABIC_ID)
    assert _checked(window, "stance") is None
    with qtbot.waitSignal(window.changedElsewhere, timeout=10_000):
        _cli(project_path, "tag", "--annotator", "tester", ARABIC_ID, "stance", "neutral")
    assert _checked(window, "stance") == "neutral"
    assert window.form.view is not None and window.form.view.values("stance") == ["neutral"]
    assert _row_status(window, ARABIC_ID) == "in progress"
    assert window.form.status_label.text() == "Status: in progress"
    assert window.statusBar().currentMessage() == REFRESHED

    other = _elsewhere(project_path)
    other.set_status(SAMPLE_IDS[0], "done")
    qtbot.waitUntil(lambda: _row_status(window, SAMPLE_IDS[0]) == "done")
    qtbot.waitUntil(lambda: window.list_panel.progress_label.text() == "1 of 5 done")
    assert window.current == ARABIC_ID  # not moved
    assert window.list_panel.current_id() == ARABIC_ID
    other.project.close()
    _close(window)


def test_a_colleagues_tags_stay_out_of_the_blind_form(qtbot, project_path: Path) -> None:
    window = _window(qtbot, project_path)
    window.open_article(ARABIC_ID)
    with qtbot.waitSignal(window.changedElsewhere, timeout=5000):
        _cli(project_path, "tag", "--annotator", "reza", ARABIC_ID, "stance", "neutral")
    assert _checked(window, "stance") is None
    assert _row_status(window, ARABIC_ID) == "not started"
    _close(window)


def test_a_half_typed_note_survives_a_change_to_the_same_article(
        qtbot, project_path: Path) -> None:
    window = _window(qtbot, project_path)
    window.activateWindow()
    window.open_article(ARABIC_ID)
    note = window.form.note_boxes[0]
    note.timer.setInterval(60_000)  # the analyst is still typing: no pause yet
    note.editor.setFocus()
    qtbot.waitUntil(note.editor.hasFocus)
    QTest.keyClicks(note.editor, "my reasons so fa")
    other = _elsewhere(project_path)
    other.set_choice(ARABIC_ID, "stance", "condemning")
    other.set_choice(ARABIC_ID, "note", "their note")
    qtbot.waitUntil(lambda: _checked(window, "stance") == "condemning")
    assert note.editor.toPlainText() == "my reasons so fa"
    assert note.editor.hasFocus()
    assert note.editor.textCursor().position() == len("my reasons so fa")
    QTest.keyClicks(note.editor, "r")  # typing goes on where it was
    window.reader.browser.setFocus()  # leaving the note saves it, over theirs
    qtbot.waitUntil(lambda: note.stored == "my reasons so far")
    assert other.view(ARABIC_ID).values("note") == ["my reasons so far"]
    other.project.close()
    _close(window)


def test_nothing_is_read_again_while_nothing_changed(qtbot, project_path: Path,
                                                     monkeypatch) -> None:
    window = _window(qtbot, project_path)
    counted: list[object] = []
    real_count = window.session.count
    monkeypatch.setattr(window.session, "count",
                        lambda *args, **kw: counted.append(args) or real_count(*args, **kw))
    refreshes: list[bool] = []
    window.changedElsewhere.connect(lambda: refreshes.append(True))
    window.open_article(ARABIC_ID)
    box = next(b for b in window.form.single_boxes if b.field.id == "stance")
    box.choose("neutral")  # the window's own edits are no change elsewhere
    window.done_and_next()
    counted.clear()
    qtbot.wait(BACKUP_DELAY_MS + 10 * FAST_MS)  # past the backup on open, too
    assert window.projects.backup_worker is not None and window.projects.backup_worker.isFinished()
    assert refreshes == [] and counted == []
    assert window.statusBar().currentMessage() != REFRESHED
    _close(window)


def test_two_windows_on_one_file_see_each_others_statuses(qtbot, project_path: Path) -> None:
    first = _window(qtbot, project_path)
    second = _window(qtbot, project_path)
    first.open_article(ARABIC_ID)
    second.open_article(ARABIC_ID)
    first.done_and_next()
    qtbot.waitUntil(lambda: second.form.status_label.text() == "Status: done")
    assert _row_status(second, ARABIC_ID) == "done"
    assert second.current == ARABIC_ID
    _close(first)
    _close(second)


def test_undo_does_not_overwrite_a_change_made_elsewhere(qtbot, project_path: Path) -> None:
    window = _window(qtbot, project_path)
    window.open_article(ARABIC_ID)
    box = next(b for b in window.form.single_boxes if b.field.id == "stance")
    box.choose("neutral")
    other = _elsewhere(project_path)
    other.set_choice(ARABIC_ID, "stance", "condemning")
    window.undo()  # at once, before the watch looked
    assert _checked(window, "stance") == "condemning"
    message = window.statusBar().currentMessage()
    assert message.startswith("Not undone: Stance")  # the field's name in the codebook
    assert message.endswith(" was changed by another window or command since.")
    assert not window.undo_action.isEnabled()
    assert other.view(ARABIC_ID).values("stance") == ["condemning"]
    other.project.close()
    _close(window)


@pytest.fixture
def long_project(tmp_path: Path) -> Path:
    """120 short articles: enough for the list to scroll."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(120):
        (folder / f"a{number:03d}.txt").write_text(
            f"Article {number}\n\nSome text about talks number {number}.\n", encoding="utf-8")
    path = tmp_path / "long.sqlite"
    with open_project(path) as project:
        import_paths(project, [folder])
    return path


def test_the_list_keeps_its_filter_row_and_scroll(qtbot, long_project: Path) -> None:
    window = _window(qtbot, long_project)
    panel = window.list_panel
    panel.filter.setCurrentIndex(panel.filter.findData("not_started"))
    window.open_article("a100")
    bar = panel.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)  # the analyst looks elsewhere in the list
    assert not panel.view.viewport().rect().contains(
        panel.view.visualRect(panel.view.currentIndex()).center())
    top = bar.value()
    assert top > 0
    other = _elsewhere(long_project)
    for article in ("a000", "a001", "a002"):
        other.set_status(article, "done")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 117)
    assert panel.current_id() == "a100" and window.current == "a100"
    assert bar.value() == top
    assert panel.progress_label.text() == "3 of 120 done"
    other.project.close()
    _close(window)


def test_review_mode_shows_decisions_and_coders_from_elsewhere(
        qtbot, project_path: Path) -> None:
    window = _window(qtbot, project_path)
    window.toggle_review()
    review = window.review
    assert review is not None and review.queue_model.rowCount() == 0
    _cli(project_path, "tag", "--annotator", "sara", ARABIC_ID, "stance", "neutral")
    _cli(project_path, "tag", "--annotator", "reza", ARABIC_ID, "stance", "condemning")
    qtbot.waitUntil(lambda: review.queue_model.rowCount() == 1)
    qtbot.waitUntil(lambda: review.current == ARABIC_ID)
    assert set(review.annotators) == {"sara", "reza"}
    with open_project(project_path, create=False) as other:
        other.review.adjudicate(ARABIC_ID, "stance", [AdjudicatedValue("neutral")],
                                 reviewer="mina")
    qtbot.waitUntil(lambda: review.field_reviews["stance"].decided)
    assert review.current == ARABIC_ID
    _close(window)


def test_a_codebook_loaded_elsewhere_rebuilds_the_form(qtbot, project_path: Path,
                                                       tmp_path: Path) -> None:
    window = _window(qtbot, project_path)
    window.open_article(ARABIC_ID)
    with open_project(project_path, create=False) as project:
        source = project.codebooks.active().source
    extra = source + (
        '\n[[field]]\nid = "source_check"\ntype = "text"\n'
        'label = { en = "Source check", fa = "بررسی منبع", ar = "فحص المصدر" }\n'
        'definition = "Where the article came from."\n')
    changed = tmp_path / "codebook.toml"
    changed.write_text(extra, encoding="utf-8")
    _cli(project_path, "codebook", "--load", str(changed))
    qtbot.waitUntil(lambda: any(b.field.id == "source_check" for b in window.form.note_boxes))
    assert window.form.article_id == ARABIC_ID and window.form.isEnabled()
    _close(window)



def test_an_empty_project_shows_the_first_article_imported_elsewhere(
        qtbot, tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    open_project(path).close()
    window = _window(qtbot, path)
    assert window.current is None and not window.form.isEnabled()
    with open_project(path, create=False) as other:
        import_paths(other, [paths.corpus_dir()])
    qtbot.waitUntil(lambda: window.current == SAMPLE_IDS[0])
    assert window.form.isEnabled() and window.list_panel.model.rowCount() == len(SAMPLE_IDS)
    assert window.list_panel.progress_label.text() == "0 of 5 done"
    _close(window)


def test_done_and_next_on_a_file_that_refuses_writes_says_so_and_stays(
        qtbot, monkeypatch) -> None:
    from PySide6.QtCore import Qt as _Qt
    from PySide6.QtTest import QTest as _QTest
    from PySide6.QtWidgets import QApplication

    from annotator.core.errors import AnnotatorError as _Error
    from annotator.gui.app import create_window as _create

    window = _create(None, "en", "Sara")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    before = window.current

    def refuse(*_args, **_kwargs):
        raise _Error("project.sqlite: the disk is full; nothing was changed")

    monkeypatch.setattr(window.session.project.statuses, "set", refuse)
    browser = window.reader.browser
    browser.setFocus()
    _QTest.keyClick(browser, _Qt.Key.Key_Return, _Qt.KeyboardModifier.ControlModifier)
    assert window.current == before  # not moved on as if it had been saved
    assert "the disk is full" in window.statusBar().currentMessage()
    window.session.project.close()
