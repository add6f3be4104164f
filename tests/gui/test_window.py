"""The whole window, driven as an analyst drives it: first run to reopen, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.core.intake.importer import open_default_project
from annotator.core.session import Session
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from tests.conftest import ARABIC_ID, SAMPLE_IDS

ARABIC_TITLE_START = "رئيسي يؤكد"


def _answer_name_dialog(name: str, seen: list[str]) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QInputDialog):
        QTimer.singleShot(20, lambda: _answer_name_dialog(name, seen))
        return
    seen.append(dialog.textValue())
    dialog.setTextValue(name)
    dialog.accept()


def _show(qtbot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _reader_focus(window: MainWindow):
    window.reader.browser.setFocus()
    return window.reader.browser


def test_first_run_annotate_close_reopen(qtbot, monkeypatch) -> None:
    monkeypatch.delenv("ANNOTATOR_NAME")
    monkeypatch.setenv("USER", "analyst7")
    monkeypatch.setenv("LOGNAME", "analyst7")
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_name_dialog("Sara", seen))
    window = _show(qtbot, create_window(None, "en"))
    assert seen == ["analyst7"]  # the name is asked once, prefilled with the user name
    assert window.session.annotator == "Sara"
    assert window.current == SAMPLE_IDS[0]

    # Next article twice by keyboard: the Arabic one.
    browser = _reader_focus(window)
    QTest.keyClick(browser, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(browser, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current == ARABIC_ID
    assert window.reader.title_label.text().lstrip("\u200f").startswith(ARABIC_TITLE_START)

    # Stance by number key, two demands by Ctrl+digit, one suggested participant by click.
    QTest.keyClick(browser, Qt.Key.Key_1)
    QTest.keyClick(browser, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(browser, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    people = window.form.participant_boxes[0]
    suggested = session_view(window).suggestions[0][0]
    qtbot.mouseClick(people.suggestion_buttons[0], Qt.MouseButton.LeftButton)

    # Evidence: select a phrase in the reader and press Ctrl+E; it goes to the last
    # touched tag (the participant); then a span inside a word for the first demand.
    body = window.reader.article.body
    phrase = "وقف إطلاق النار"
    start = body.index(phrase)
    window.reader.select_span(start, start + len(phrase))
    QTest.keyClick(_reader_focus(window), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    first_demand = window.session.codebook.field("demands").active_categories[0].id
    qtbot.mouseClick(window.form.multiple_boxes[0].aims[first_demand], Qt.MouseButton.LeftButton)
    word = body.index("الإسلامية")
    window.reader.select_span(word + 2, word + 5)
    QTest.keyClick(_reader_focus(window), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    view = session_view(window)
    assert view.values("stance") == [window.session.codebook.field("stance").categories[0].id]
    assert len(view.values("demands")) == 2
    [person] = view.field_tags("participants")
    assert person.value == suggested and person.quote == phrase
    inner = next(t for t in view.field_tags("demands") if t.value == first_demand)
    assert inner.quote == "إسل" and inner.span_start == word + 2
    assert view.status == "in_progress"
    assert window.list_panel.model.summary(2).status == "in_progress"

    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    window.session.project.close()

    # Reopen: no name asked, same project, same article, every tag there.
    again = _show(qtbot, create_window(None, "en"))
    assert again.session.annotator == "Sara" and again.current == ARABIC_ID
    reopened = session_view(again)
    assert reopened.tags == view.tags
    stance_box = again.form.single_boxes[0]
    assert [c for c, radio in stance_box.radios.items() if radio.isChecked()] == \
        reopened.values("stance")
    assert again.form.multiple_boxes[0].checks[first_demand].isChecked()
    again.session.project.close()


def session_view(window: MainWindow):
    assert window.current is not None
    return window.session.view(window.current)


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = _show(qtbot, create_window(None, "en", "Sara"))
    yield win
    win.session.project.close()


def test_undo_and_redo_by_keyboard(qtbot, window: MainWindow) -> None:
    browser = _reader_focus(window)
    QTest.keyClick(browser, Qt.Key.Key_2)
    QTest.keyClick(browser, Qt.Key.Key_3)
    stance = window.session.codebook.field("stance").categories
    assert session_view(window).values("stance") == [stance[2].id]
    QTest.keyClick(browser, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session_view(window).values("stance") == [stance[1].id]
    QTest.keyClick(browser, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session_view(window).values("stance") == []
    QTest.keyClick(browser, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session_view(window).values("stance") == [stance[1].id]
    # The form follows undo/redo.
    assert window.form.single_boxes[0].isEnabled()


def test_done_and_next_and_progress(qtbot, window: MainWindow) -> None:
    browser = _reader_focus(window)
    first = window.current
    QTest.keyClick(browser, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.statuses.get(first, "Sara") == "done"
    assert window.current == SAMPLE_IDS[1]
    assert "1 of 5" in window.list_panel.progress_label.text()
    # Filter the list to done articles; the search box narrows it down too.
    panel = window.list_panel
    panel.filter.setCurrentIndex(panel.filter.findData("done"))
    assert panel.model.rowCount() == 1
    panel.filter.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "1403")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)


def test_blind_coding_hides_colleagues_tags(qtbot, window: MainWindow) -> None:
    colleague = Session(window.session.project, "Reza")
    colleague.set_choice(window.current, "stance", "neutral")
    colleague.set_status(window.current, "done")
    window.open_article(window.current)
    assert session_view(window).tags == ()
    assert not any(radio.isChecked() for radio in window.form.single_boxes[0].radios.values())
    assert window.list_panel.model.summary(0).status == "not_started"


def test_persian_interface_is_mirrored_and_latin_first_paragraph_is_rtl(
        qtbot, tmp_path: Path) -> None:
    article = tmp_path / "bbc_report.txt"
    article.write_text("گزارش بی‌بی‌سی\n\nBBC گزارش داد که وزیر امروز آمد.\n\n2024 سال سختی بود.",
                       encoding="utf-8")
    with open_default_project() as project:
        from annotator.core.intake.importer import import_paths

        import_paths(project, [article])
    window = _show(qtbot, create_window(None, "fa", "Sara"))
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.form.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window.open_article("bbc_report")
        document = window.reader.browser.document()
        option = document.defaultTextOption()
        assert option.textDirection() == Qt.LayoutDirection.RightToLeft
        block = document.begin()
        assert block.text().startswith("BBC")
        line = block.layout().lineAt(0)
        width = window.reader.browser.viewport().width()
        # Right-to-left: the line hugs the right edge, whatever its first letter.
        assert line.naturalTextRect().right() > width * 0.8
        assert option.alignment() & Qt.AlignmentFlag.AlignRight
        assert window.menuBar().actions()[0].text() != "&File"  # translated
    finally:
        window.session.project.close()


def test_import_a_folder_in_the_background(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    for number in range(12):
        (folder / f"extra_{number:02}.txt").write_text(
            f"خبر شماره {number}\n\nمتن خبر شماره {number} درباره غزه و آتش‌بس.",
            encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    # The window's own signal: the worker may finish before a test could connect to it.
    with qtbot.waitSignal(window.jobs.imported, timeout=20000) as blocker:
        window.jobs.start_import([str(folder)])
    summary = blocker.args[0]
    assert summary.added == 12 and len(summary.problems) == 1
    assert "broken.txt" in summary.problems[0]
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 17)


def test_merge_a_colleagues_file_from_the_window(qtbot, window: MainWindow,
                                                 tmp_path: Path) -> None:
    from annotator.core import paths
    from annotator.core.store import open_project

    theirs = tmp_path / "reza.sqlite"
    with open_project(theirs) as colleague:
        from annotator.core.intake.importer import import_paths

        import_paths(colleague, [paths.corpus_dir()])
        Session(colleague, "Reza").set_choice(ARABIC_ID, "stance", "neutral")
    worker = window.jobs.start_merge([str(theirs)])
    with qtbot.waitSignal(window.merged, timeout=20000):
        pass
    assert not worker.isRunning()
    assert [t.value for t in window.session.project.tags.find(ARABIC_ID, "Reza")] == ["neutral"]
    # Blind coding still holds for Sara.
    window.open_article(ARABIC_ID)
    assert session_view(window).tags == ()


def test_review_mode_shows_colleagues_and_returns_to_blind_coding(qtbot,
                                                                  window: MainWindow) -> None:
    project = window.session.project
    Session(project, "Reza").set_choice(ARABIC_ID, "stance", "neutral")
    Session(project, "Mina").set_choice(ARABIC_ID, "stance", "condemning")
    QTest.keyClick(_reader_focus(window), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.review
    assert window.review.current == ARABIC_ID
    window.review.accept("stance", "Reza")
    assert [a.value for a in project.review.adjudications(ARABIC_ID, "stance")] == ["neutral"]
    assert project.review.adjudications(ARABIC_ID, "stance")[0].reviewer == "Sara"
    # The adjudicated tag is what the research export gives with --adjudicated.
    import csv
    import io

    from annotator.core.outputs.export import ExportOptions, export

    out = io.StringIO(newline="")
    export(project, out, ExportOptions(format="long", adjudicated=True))
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [(r["article_id"], r["annotator"], r["field"], r["value"]) for r in rows] == [
        (ARABIC_ID, "adjudicated", "stance", "neutral")]
    QTest.keyClick(window.review, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.splitter
    assert session_view(window).tags == ()  # blind again


def test_agreement_table_in_the_window(qtbot, window: MainWindow) -> None:
    project = window.session.project
    for name, values in (("Reza", ["neutral", "condemning"]), ("Mina", ["neutral", "neutral"])):
        for article, value in zip(SAMPLE_IDS[:2], values, strict=True):
            Session(project, name).set_choice(article, "stance", value)
    dialog = window.show_agreement()
    qtbot.addWidget(dialog)
    table = dialog.figures
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    # The codebook revision first, then field, category, level ... articles.
    stance = [r for r in rows if r[1].startswith("Stance") and r[3] == "ordinal"]
    assert stance and stance[0][0] == "1"
    assert stance[0][8] == "2"  # two articles coded by both (after the interval)
    assert dialog.pairs.rowCount() >= 1


def test_backup_on_open_and_restore_from_the_window(qtbot, window: MainWindow,
                                                    monkeypatch) -> None:
    from annotator.core.store.backups import list_backups

    qtbot.waitUntil(lambda: window.projects.backup_worker is not None
                    and window.projects.backup_worker.isFinished(), timeout=10000)
    path = window.session.project.path
    assert [b.reason for b in list_backups(path)][:1] == ["open"]
    Session(window.session.project, "Sara").set_choice(ARABIC_ID, "stance", "neutral")

    def restore_oldest(parent, project_path) -> bool:
        from annotator.core.store.restore import restore

        oldest = list_backups(project_path)[-1]
        restore(project_path, oldest.path)
        return True

    monkeypatch.setattr("annotator.gui.restore_dialog.show_restore_dialog", restore_oldest)
    window.projects.restore_backup()
    assert window.session.project.tags.find(ARABIC_ID, "Sara") == []  # back as it was
    assert window.current is not None


def test_switch_annotator_rebuilds_the_views(qtbot, window: MainWindow, monkeypatch) -> None:
    QTest.keyClick(_reader_focus(window), Qt.Key.Key_2)
    monkeypatch.setattr("annotator.gui.opening.ask_annotator_name", lambda *a: "Omid")
    window.projects.switch_annotator()
    assert window.session.annotator == "Omid"
    assert session_view(window).tags == ()  # Omid sees none of Sara's tags
    QTest.keyClick(_reader_focus(window), Qt.Key.Key_3)
    assert session_view(window).values("stance") == [
        window.session.codebook.field("stance").categories[2].id]


def test_merge_summary_in_persian(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from annotator.core import paths
    from annotator.core.intake.importer import import_paths
    from annotator.core.store import open_project

    theirs = tmp_path / "reza.sqlite"
    with open_project(theirs) as colleague:
        import_paths(colleague, [paths.corpus_dir()])
        Session(colleague, "Reza").set_choice(ARABIC_ID, "stance", "neutral")
    window = _show(qtbot, create_window(None, "fa", "Sara"))
    try:
        window.jobs.start_merge([str(theirs)])
        with qtbot.waitSignal(window.merged, timeout=20000):
            pass
        [box] = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        lines = box.text().split("\n")
        assert lines[0] == f"ادغام شد: \u2068{theirs}\u2069"  # the path isolated: slashes stay
        assert lines[2].startswith("برچسب‌ها: ۱ افزوده شد")  # Persian digits
        assert lines[-1] == "کدگذاران در این فایل: \u2068Reza\u2069"
        box.close()
    finally:
        window.close()
        window.session.project.close()
