"""Every screen in Persian and Arabic, walked: no English word may be left on it.

The real window opens in fa and in ar on a project with two annotators' tags, and the walk
reads everything an analyst can see or hover: each widget's text, placeholder, title,
tooltip and combo-box entries, the headers of every table and list, the menus and their
actions; then each dialog in turn (keyboard shortcuts, about, export, import and merge
file choosers, the import and merge summaries, agreement, restore, review, the charts
dock, the name dialog).  A Latin word fails the walk unless it is a proper name, a file
format or a key name (:data:`ALLOWED`).  Data is not checked: article text and titles,
annotators' names and file paths are the analyst's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from annotator.gui.reader import Reader
from annotator.gui.texts import _qt_starts_rtl
from tests.conftest import ARABIC_ID, SAMPLE_IDS

# Words that stay Latin in a Persian or Arabic interface: names, formats, keys, methods.
ALLOWED = {
    "annotator", "CSV", "JSON", "JSONL", "PDF", "HTML", "PNG", "SVG", "SQLite", "Excel",
    "SPSS", "pandas", "UTF", "BOM", "GPL", "or", "later", "Qt", "PySide", "Python",
    "OR",  # the search syntax's operator, typed as it is
    "Ctrl", "Shift", "Alt", "Meta", "Enter", "Return", "Esc", "Tab", "Space", "PgUp",
    "PgDown", "Del", "Delete", "Backspace", "Up", "Down", "Left", "Right", "Home", "End",
    "Ins", "English",  # the language list names each language in itself
    "Krippendorff", "Cohen", "MASI", "sqlite", "db", "jsonl", "csv", "txt", "html",
    "htm", "xml", "json", "tsv",
}
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_PATHLIKE = re.compile(r"\S*[/\\]\S*|\S+\.(?:sqlite|db|csv|jsonl|json|txt|html|pdf|png)\b")
# Persian and Arabic names for the annotators, so that data stays out of the findings.
ME, COLLEAGUE = "سارا", "رضا"


def _plain(text: str) -> str:
    if re.search(r"<[A-Za-z/!]", text):  # rich text: read what it shows, not its tags
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


# Names of formats written in more than one word.
PHRASES = ("JSON Lines",)


def english(text: str, data: set[str]) -> list[str]:
    """The Latin words of ``text`` an analyst would read as English."""
    text = _plain(text)
    for phrase in PHRASES:
        text = text.replace(phrase, " ")
    for item in sorted(data, key=len, reverse=True):
        text = text.replace(item, " ")
    text = _PATHLIKE.sub(" ", text)
    return [w for w in _LATIN_WORD.findall(text.replace("&", ""))
            if w not in ALLOWED and w.strip("&") not in ALLOWED]


def _is_data(widget: QWidget) -> bool:
    """Widgets that show the analyst's data (article text), not the interface."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, Reader):
            return True
        parent = parent.parentWidget()
    return False


def _headers(view: QAbstractItemView) -> Iterator[str]:
    header = (view.horizontalHeader() if isinstance(view, QTableView)
              else view.header() if isinstance(view, QTreeView) else None)
    if header is None or header.isHidden():
        return
    for section in range(header.count()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = view.model().headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def _actions(actions: list[QAction], where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.isSeparator():
            continue
        yield f"{where} > action", action.text()
        if action.toolTip() != action.text().replace("&", ""):
            yield f"{where} > {action.text()} tooltip", action.toolTip()
        yield f"{where} > {action.text()} status tip", action.statusTip()
        if action.menu() is not None:
            yield from _actions(action.menu().actions(), f"{where} > {action.text()}")


def texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything ``top`` shows or tells on hover."""
    yield f"{type(top).__name__} title", top.windowTitle()
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top) and not isinstance(widget, QMenu):
            continue
        if _is_data(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{where} item", widget.itemText(index)
                tip = widget.itemData(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    yield f"{where} item tooltip", tip
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{where} tab", widget.tabText(index)
                yield f"{where} tab tooltip", widget.tabToolTip(index)
        elif isinstance(widget, QDockWidget):
            yield f"{where} title", widget.windowTitle()
        elif isinstance(widget, QProgressBar):
            yield where, widget.text()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for header in _headers(widget):
                yield f"{where} header", header
        if isinstance(widget, QMenu):
            yield from _actions(widget.actions(), where)


def left_to_right_lines(box: QMessageBox) -> list[str]:
    """The lines of a message box that Qt would lay out left-to-right (a Persian sentence
    starting with a path, say): Qt takes the first strong character, even inside an
    isolate, as the paragraph's direction."""
    # (Rich text sets its direction with its own markup, paragraph by paragraph.)
    lines = [line for text in (box.text(), box.informativeText())
             if box.textFormat() == Qt.TextFormat.PlainText or not QtGui.Qt.mightBeRichText(text)
             for line in text.split("\n")]
    # (A line all in Latin script, a version or a licence, may read left-to-right.)
    return [line for line in lines if any(
        unicodedata.bidirectional(c) in ("R", "AL") for c in line)
        and not _qt_starts_rtl(line)]


class Walk:
    """What a walk found, screen by screen."""

    def __init__(self, data: set[str]) -> None:
        self.data = data
        self.found: list[str] = []
        self.screens: list[str] = []

    def check(self, screen: str, top: QWidget) -> None:
        self.screens.append(screen)
        for where, text in texts(top):
            words = english(text, self.data)
            if words:
                self.found.append(f"{screen}: {where}: {text!r} ({', '.join(words)})")
        if isinstance(top, QMessageBox):
            self.found += [f"{screen}: reads left-to-right: {line!r}"
                           for line in left_to_right_lines(top)]

    def modal(self, qtbot, screen: str, open_it: Callable[[], object],
              close: Callable[[QDialog], None] | None = None) -> None:
        """Open a modal dialog with ``open_it``, walk it, and close it."""
        seen: list[QWidget] = []

        def walk_it() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, walk_it)
                return
            seen.append(dialog)
            self.check(screen, dialog)
            if isinstance(dialog, QDialog):
                (close or QDialog.reject)(dialog)
            else:
                dialog.close()

        QTimer.singleShot(0, walk_it)
        open_it()
        qtbot.waitUntil(lambda: bool(seen), timeout=10000)


def _open_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def two_annotators(tmp_path: Path) -> tuple[Path, Path]:
    """Our project (me) and a colleague's file (coded differently), to merge and review."""
    ours, theirs = tmp_path / "ours.sqlite", tmp_path / "theirs.sqlite"
    for path, name, stance in ((ours, ME, "neutral"), (theirs, COLLEAGUE, "strongly_condemning")):
        with open_project(path) as project:
            import_paths(project, [paths.corpus_dir()])
            session = Session(project, name)
            for article in SAMPLE_IDS[:3]:
                session.set_choice(article, "stance", stance)
                session.set_status(article, "done")
    return ours, theirs


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_no_english_on_any_screen(qtbot, monkeypatch, tmp_path: Path, two_annotators,
                                  language: str) -> None:
    ours, theirs = two_annotators
    monkeypatch.setenv("ANNOTATOR_NAME", ME)
    window = create_window(str(ours), language, ME)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    walk = Walk({ME, COLLEAGUE, str(ours), str(theirs), str(tmp_path)})
    try:
        window.open_article(ARABIC_ID)
        walk.check("window", window)
        for action in window.menuBar().actions():
            walk.check(f"menu {action.text()}", action.menu())

        from annotator.gui.help_dialogs import show_about, show_shortcuts

        walk.modal(qtbot, "keyboard shortcuts", lambda: show_shortcuts(window))
        walk.modal(qtbot, "about", lambda: show_about(window))
        walk.modal(qtbot, "import file chooser", window.jobs.import_files)
        walk.modal(qtbot, "merge file chooser", window.jobs.merge_dialog)

        # The import summary with a problem, and the merge summary.
        folder = tmp_path / "more"
        folder.mkdir()
        (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
        (folder / "extra.txt").write_text("خبر\n\nمتن خبر درباره غزه.", encoding="utf-8")
        with qtbot.waitSignal(window.jobs.imported, timeout=20000):
            window.jobs.start_import([str(folder)])
        qtbot.waitUntil(lambda: bool(_open_boxes()))
        for box in _open_boxes():
            walk.check("import summary", box)
            box.close()
        with qtbot.waitSignal(window.merged, timeout=20000):
            window.jobs.start_merge([str(theirs)])
        qtbot.waitUntil(lambda: bool(_open_boxes()))
        for box in _open_boxes():
            walk.check("merge summary", box)
            box.close()

        dialog = window.show_agreement()
        qtbot.waitExposed(dialog)
        walk.check("agreement", dialog)
        dialog.close()

        project = window.session.project
        project.training.add(SAMPLE_IDS[:3])
        project.review.accept(SAMPLE_IDS[0], "stance", COLLEAGUE, reviewer=ME)
        dialog = window.show_score()
        qtbot.waitExposed(dialog)
        assert dialog.articles.rowCount() == 3 and dialog.fields.rowCount() >= 1
        walk.check("score", dialog)
        dialog.close()

        # The participants registry, at a retired entry with its history.
        project.registry.retire("hossein_salami", ME)
        walk.data |= {p.id for p in project.participants.all()}  # ids are data
        dialog = window.show_registry("hossein_salami")
        qtbot.waitExposed(dialog)
        assert dialog.current_id() == "hossein_salami"
        walk.check("participants registry", dialog)
        dialog.close()

        # A training run: the list kept to the training set with its line, then the score.
        assert window.training.start()
        walk.check("training", window)
        result = window.training.end(show_score=True)
        assert result is not None and result.fields.rowCount() >= 1
        qtbot.waitExposed(result)
        walk.check("training result", result)
        result.close()

        # The lead's sample picker, before and after drawing a sample and assigning it.
        from annotator.gui.sample_dialog import show_sample_dialog

        picker = show_sample_dialog(window)
        qtbot.waitExposed(picker)
        walk.check("samples", picker)
        picker.name.setText("آزمایشی")
        picker.sample_size.setValue(2)
        picker.by.setCurrentIndex(picker.by.findData("language"))
        assert picker.draw() is not None
        picker.annotators.setText(f"{ME}، {COLLEAGUE}")
        assert picker.assign(), picker.message.text()
        walk.check("samples drawn", picker)
        picker.close()

        window.export_dialog()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        export = QApplication.activeModalWidget()
        walk.check("export", export)
        export.close()

        walk.modal(qtbot, "restore", window.projects.restore_backup)

        window.charts_dock.show()
        qtbot.waitExposed(window.charts_dock)
        walk.check("charts", window.charts_dock)
        window.charts_dock.hide()

        window.toggle_review()
        assert window.review is not None
        qtbot.waitExposed(window.review)
        walk.check("review", window.review)
        walk.modal(qtbot, "adjudication value",
                   lambda: window.review.choose_other("stance"))
        window.toggle_review()

        from annotator.gui.opening import ask_annotator_name

        walk.modal(qtbot, "name dialog", lambda: ask_annotator_name(window))
    finally:
        window.close()
        window.session.project.close()
    assert walk.found == [], "\n".join(walk.found)
    assert len(walk.screens) > 15
