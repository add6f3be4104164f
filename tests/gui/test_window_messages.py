"""The window in Persian and Arabic says what the core says in its own language (#16).

Through the real window: a ``--db`` that is not a project, a status-bar error, an import
with problems, a merge that fails and one with an article that differs, a refused name; the
language menu names each language in itself; Qt's own dialogs speak the language too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
)

from annotator.core.names import name_problem, refused
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui import app as start
from annotator.gui import i18n
from annotator.gui import settings as stored
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from annotator.gui.opening import refuse_name
from tests.conftest import ARABIC_ID, SAMPLE_IDS

ISOLATED = re.compile("\u2068[^\u2069]*\u2069")
# Words each language's messages use, and English words that must not show.
WORDS = {
    "fa": {"not a project": "پروژهٔ annotator نیست", "no article": "مقاله‌ای با شناسهٔ",
           "empty": "پروندهٔ خالی", "unsupported": "نوع پرونده پشتیبانی نمی‌شود",
           "different text": "در پروندهٔ همکار متن دیگری دارد",
           "invisible": "نویسهٔ نامرئی"},
    "ar": {"not a project": "ليس مشروع annotator", "no article": "لا مقالة بالمعرّف",
           "empty": "ملف فارغ", "unsupported": "نوع ملف غير مدعوم",
           "different text": "نص مختلف في ملف الزميل",
           "invisible": "محرفًا غير مرئي"},
}


def _english_left(text: str) -> set[str]:
    """English words outside the isolated paths, ids and names (file formats aside)."""
    words = set(re.findall(r"[A-Za-z]{3,}", ISOLATED.sub("", text)))
    return words - {"annotator", "SQLite", "sqlite", "txt", "html", "htm", "jsonl", "csv"}


def _window(qtbot, language: str, db: str | None = None) -> MainWindow:
    window = create_window(db, language, "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _answer_modal(seen: list[QMessageBox | str]) -> None:
    """Read the modal message box when it appears, then close it, as a user would."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer_modal(seen))
        return
    seen.append(box.text())
    box.button(QMessageBox.StandardButton.Ok).click()


def _boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_the_not_a_project_box_for_db_speaks_the_language(tmp_path: Path, monkeypatch,
                                                          language: str) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("these are notes, not a project\n", encoding="utf-8")
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "1")  # run() sets it; undone after the test
    seen: list[QMessageBox | str] = []
    QTimer.singleShot(0, lambda: _answer_modal(seen))
    assert start.run(str(notes), language, "Sara") == 1
    [text] = seen
    assert WORDS[language]["not a project"] in str(text)
    assert f"\u2068{notes}\u2069" in str(text)  # the path set apart from the sentence
    assert _english_left(str(text)) == set(), text


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_a_status_bar_error_speaks_the_language(qtbot, language: str) -> None:
    window = _window(qtbot, language)
    try:
        window.open_article("no-such-article")
        message = window.statusBar().currentMessage()
        assert WORDS[language]["no article"] in message and "\u2068no-such-article\u2069" in (
            message)
        assert _english_left(message) == set(), message
    finally:
        window.close()
        window.session.project.close()


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_the_import_summary_lists_problems_in_the_language(qtbot, tmp_path: Path,
                                                           language: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "notes.docx"
    odd.write_text("x", encoding="utf-8")
    window = _window(qtbot, language)
    try:
        with qtbot.waitSignal(window.jobs.imported, timeout=30000):
            window.jobs.start_import([str(empty), str(odd)])
        qtbot.waitUntil(lambda: any(box.detailedText() for box in _boxes(window)))
        [box] = [box for box in _boxes(window) if box.detailedText()]
        details = box.detailedText()
        assert WORDS[language]["empty"] in details
        assert WORDS[language]["unsupported"] in details
        assert f"\u2068{empty}\u2069" in details
        assert _english_left(details) == set(), details
        box.close()
    finally:
        window.close()
        window.session.project.close()


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_a_failed_merge_says_why_in_the_language(qtbot, tmp_path: Path,
                                                 language: str) -> None:
    notes = tmp_path / "colleague.sqlite"
    notes.write_text("not a project\n", encoding="utf-8")
    window = _window(qtbot, language)
    try:
        seen: list[QMessageBox | str] = []
        QTimer.singleShot(0, lambda: _answer_modal(seen))
        window.jobs.start_merge([str(notes)])
        qtbot.waitUntil(lambda: bool(seen), timeout=30000)
        assert WORDS[language]["not a project"] in str(seen[0])
        assert _english_left(str(seen[0])) == set(), seen[0]
    finally:
        window.close()
        window.session.project.close()


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_the_merge_summary_names_an_article_that_differs_in_the_language(
        qtbot, tmp_path: Path, language: str) -> None:
    corpus = tmp_path / "theirs"
    corpus.mkdir()
    (corpus / f"{ARABIC_ID}.txt").write_text("عنوان دیگر\nمتن دیگری با همان شناسه.\n",
                                             encoding="utf-8")
    theirs = tmp_path / "reza.sqlite"
    with open_project(theirs) as colleague:
        from annotator.core.intake.importer import import_paths

        import_paths(colleague, [corpus])
        Session(colleague, "Reza").set_choice(ARABIC_ID, "stance", "neutral")
    window = _window(qtbot, language)
    try:
        with qtbot.waitSignal(window.jobs.merged, timeout=30000):
            window.jobs.start_merge([str(theirs)])
        qtbot.waitUntil(lambda: bool(_boxes(window)), timeout=10000)
        text = _boxes(window)[0].text()
        assert WORDS[language]["different text"] in text
        assert f"\u2068{ARABIC_ID}\u2069" in text
        assert _english_left(text) == set(), text
    finally:
        window.close()
        window.session.project.close()


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_a_refused_name_is_explained_in_the_language(qtbot, language: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translations(app, language)
    seen: list[QMessageBox | str] = []
    QTimer.singleShot(0, lambda: _answer_modal(seen))
    name = "Sara\u202e"
    refuse_name(None, refused(name_problem(name) or "", name))
    [text] = seen
    assert WORDS[language]["invisible"] in str(text)
    assert _english_left(str(text)) == set(), text


def test_the_language_menu_names_each_language_in_itself(qtbot) -> None:
    window = _window(qtbot, "fa")
    try:
        menu = window.findChild(QMenu, "languageMenu")
        assert menu is not None and menu.title() == "&زبان"
        actions = menu.actions()
        assert [a.text() for a in actions] == ["English", "فارسی", "العربية"]
        assert [a.isChecked() for a in actions] == [False, True, False]
        actions[2].trigger()
        assert stored.interface_language() == "ar"
        notice = window.findChild(QMessageBox, "languageNotice")
        assert notice is not None and "العربية" in notice.text()
        notice.close()
    finally:
        window.close()
        window.session.project.close()
    again = create_window(None, None, "Sara")  # the next start speaks the choice
    assert again is not None
    qtbot.addWidget(again)
    try:
        assert again.language == "ar"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        again.session.project.close()


def test_the_article_list_names_languages_in_persian(qtbot) -> None:
    window = _window(qtbot, "fa")
    try:
        model = window.list_panel.model
        shown = {model.data(model.index(row, 2)) for row in range(model.rowCount())}
        assert shown == {"فارسی", "عربی"}
    finally:
        window.close()
        window.session.project.close()


@pytest.mark.parametrize(("language", "cancel", "file_name"),
                         [("fa", "انصراف", "&نام پرونده:"), ("ar", "ألغِ", "ا&سم الملفّ:")])
def test_qt_dialogs_speak_the_interface_language(qtbot, tmp_path: Path, language: str,
                                                 cancel: str, file_name: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translations(app, language, system=["en-US"])
    # A native dialog would speak the system's language: Qt's own are used instead.
    assert app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    files = QFileDialog(None, "x", str(tmp_path))
    qtbot.addWidget(files)
    files.show()
    label = files.findChild(QLabel, "fileNameLabel")
    assert label is not None and label.text() == file_name
    buttons = files.findChild(QDialogButtonBox)
    assert buttons is not None
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    asked = QInputDialog()
    qtbot.addWidget(asked)
    asked.show()
    asked_buttons = asked.findChild(QDialogButtonBox)
    assert asked_buttons is not None
    assert asked_buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() not in ("&Yes", "Yes")
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    # The words, not the shortcut after the tab ("Ctrl+Z" is the key's name).
    texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert texts and not any(re.search("[A-Za-z]{2,}", text) for text in texts), texts


def test_native_dialogs_stay_when_the_system_speaks_the_interface_language() -> None:
    assert not i18n.uses_qt_dialogs("fa", ["fa-IR", "en-US"])
    assert not i18n.uses_qt_dialogs("en", ["en-GB"])
    assert i18n.uses_qt_dialogs("fa", ["en-US"]) and i18n.uses_qt_dialogs("en", ["de-DE"])
    assert i18n.uses_qt_dialogs("ar", [])


def test_the_agreement_dialog_writes_a_negative_alpha_for_a_persian_reader(qtbot) -> None:
    window = _window(qtbot, "fa")
    try:
        first, second = SAMPLE_IDS[:2]
        for name, values in (("ana", ("condemning", "neutral")),
                             ("bo", ("neutral", "condemning"))):
            session = Session(window.session.project, name)
            session.set_choice(first, "stance", values[0])
            session.set_choice(second, "stance", values[1])
        dialog = window.show_agreement()
        qtbot.addWidget(dialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        from PySide6.QtWidgets import QTableWidget

        for table in dialog.findChildren(QTableWidget):
            texts += [table.item(r, c).text() for r in range(table.rowCount())
                      for c in range(table.columnCount()) if table.item(r, c)]
        # Each number (an interval's two ends each in its own isolate) starts with its sign.
        negative = [number.strip("\u2066\u2069") for text in texts if "\u2212" in text
                    for number in text.split(" – ")]
        assert negative and all(text.startswith("\u200e\u2212۰٫") for text in negative)
        assert not any(re.search(r"-[0-9۰-۹]", text) for text in texts)
    finally:
        window.close()
        window.session.project.close()
