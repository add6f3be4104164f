"""Starting the window: language, font, the annotator's name, which project, then show.

The project is the one given (``--db`` / ``ANNOTATOR_DB``; a file that does not exist is
made only after the user agrees), else the most recent one, else the embedded default
project with the sample corpus.  The name is asked once (prefilled with the system user
name; ``ANNOTATOR_NAME`` presets it) and remembered.  A project on a network share or in a
synced folder gets a non-modal warning once the window is up
(:mod:`annotator.core.safety.location`).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import open_default_project
from annotator.core.names import name_problem, shown
from annotator.core.safety.location import SharedPlace, shared_place
from annotator.core.session import Session
from annotator.core.store import Project, open_project
from annotator.core.store.files import probe
from annotator.gui import settings as stored
from annotator.gui.fonts import load_fonts
from annotator.gui.form_parts import plain_message
from annotator.gui.i18n import apply_color_scheme, install_translations, pick_language


def ask_annotator_name(parent: QWidget | None, current: str = "") -> str | None:
    """Ask for the annotator's name; None if cancelled."""
    suggestion = current or os.environ.get("ANNOTATOR_NAME") or _user_name()
    while True:
        name, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("app", "Who is annotating?"),
            QCoreApplication.translate(
                "app", "Your name as it should appear on your tags (colleagues see it when "
                "tags are merged):"),
            QLineEdit.EchoMode.Normal, suggestion)
        if not ok:
            return None
        name = name.strip()
        problem = name_problem(name, "name") if name else None
        if problem is None and name:
            return name
        if problem is not None:
            refuse_name(parent, f"{problem}: {shown(name)}")
            suggestion = name


def refuse_name(parent: QWidget | None, problem: str) -> None:
    """Say why a name cannot be used (the name shown as plain text, never as markup)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "annotator",
                      QCoreApplication.translate("app", "This name cannot be used: %1")
                      .replace("%1", problem), QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return ""


def has_display() -> bool:
    """Whether a window can be shown (on Linux, an X11 or Wayland display, or offscreen)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def confirm_new_project(parent: QWidget | None, path: Path) -> bool:
    """Ask before making a project file that does not exist (a mistyped ``--db``)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("app", "New project"),
        QCoreApplication.translate(
            "app", "%1 does not exist. Create a new project there?").replace("%1", str(path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_project(db: str | None) -> Project | None:
    """The project to open; None when the user declined to create a missing ``db``."""
    if db:
        path = Path(db).expanduser()
        if probe(path).kind == "missing" and not confirm_new_project(None, path):
            return None
        # A project that cannot be written here (a read-only folder or file) opens for
        # reading, with a notice, rather than not at all.
        return open_project(path, allow_read_only=True)
    for recent in stored.recent_projects()[:1]:
        if Path(recent).exists():
            try:
                return open_project(recent, create=False, allow_read_only=True)
            except AnnotatorError:
                break
    return open_default_project()


def create_window(db: str | None, lang: str | None, annotator: str | None = None):  # type: ignore[no-untyped-def]
    """Build the window (the QApplication must exist); None if the user cancelled."""
    from annotator.gui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = pick_language(lang, os.environ)
    app._annotator_translators = install_translations(app, language)  # type: ignore[attr-defined]
    family = load_fonts()
    if family:
        # One font for Latin and Arabic script keeps mixed labels even and joined.
        app.setFont(QFont(family, 10))
    name = (annotator or os.environ.get("ANNOTATOR_NAME") or stored.annotator_name() or "").strip()
    if name and name_problem(name) is not None:  # never store, nor start with, a bad name
        refuse_name(None, f"{name_problem(name)}: {shown(name)}")
        name = ""
    if not name:
        name = ask_annotator_name(None)
        if not name:
            return None
    stored.set_annotator_name(name)
    project = choose_project(db)
    if project is None:
        return None
    stored.add_recent(project.path)
    window = MainWindow(Session(project, name), language, family)
    warn_if_shared(window, project.path)
    if project.read_only:
        show_read_only(window)
    return window


def show_read_only(window: QMainWindow) -> None:
    """Say, for as long as the window is open, that changes are off."""
    label = QLabel(QCoreApplication.translate(
        "app", "Read-only: this project's file or folder cannot be written here, so "
        "changes are off."))
    label.setObjectName("readOnlyNotice")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #b3261e; font-weight: bold;")
    window.statusBar().addWidget(label)


def warn_if_shared(window: QWidget, path: Path) -> None:
    """Say once, without blocking, that the project is on a network share or synced folder."""
    try:
        place = shared_place(path)
    except Exception:  # noqa: BLE001 - the check is advice; it must never stop the window
        return
    if place is not None:
        # After the window is shown, so that the message sits on top of it.
        QTimer.singleShot(0, window, lambda: _show_shared_notice(window, place))


def shared_notice_text(place: SharedPlace) -> tuple[str, str]:
    """The warning's text and detail, translated."""
    if place.kind == "network":
        where = QCoreApplication.translate(
            "app", "This project is on a network file system (%1 at %2).")
    else:
        where = QCoreApplication.translate("app", "This project is in a folder synced by %1 (%2).")
    return (where.replace("%1", place.name).replace("%2", place.where),
            QCoreApplication.translate(
                "app", "Several windows or commands may write at once only on a local disk; "
                "exchange copies (merge) through a shared folder instead."))


def _show_shared_notice(window: QWidget, place: SharedPlace) -> None:
    text, detail = shared_notice_text(place)
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("app", "Project on a shared folder"), text,
                      QMessageBox.StandardButton.Ok, window)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the path is data
    box.setInformativeText(detail)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("sharedLocationNotice")
    box.show()


def prepare_environment() -> None:
    """Qt settings that must be made before the application object exists.

    Qt's software painting splits any fill taller than about a hundred pixel rows into
    jobs for a thread pool and waits for them; for a window's small fills (a scroll bar,
    a list row, a text view's background) handing the work over costs more than doing it,
    and on a two-core machine it also competes with the app's own background work
    (switching articles took 20 % longer with the pool while a backup ran).
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def run(db: str | None = None, lang: str | None = None, annotator: str | None = None) -> int:
    """The app's main loop; returns the exit status."""
    prepare_environment()
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    apply_color_scheme(app)
    try:
        window = create_window(db, lang, annotator)
    except AnnotatorError as exc:
        QMessageBox.critical(None, "annotator", plain_message(str(exc)))
        return 1
    if window is None:
        return 0
    window.show()
    return int(app.exec())
