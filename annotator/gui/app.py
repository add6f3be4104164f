"""Starting the window: language, font, the annotator's name, which project, then show.

The project is the one given (``--db`` / ``ANNOTATOR_DB``), else the most recent one, else
the embedded default project with the sample corpus.  The name is asked once (prefilled
with the system user name; ``ANNOTATOR_NAME`` presets it) and remembered.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.importer import open_default_project
from annotator.core.session import Session
from annotator.core.store import Project, open_project
from annotator.gui import settings as stored
from annotator.gui.fonts import load_fonts
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
        if name.strip():
            return name.strip()


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


def choose_project(db: str | None) -> Project:
    if db:
        return open_project(db)
    for recent in stored.recent_projects()[:1]:
        if Path(recent).exists():
            try:
                return open_project(recent, create=False)
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
    name = annotator or os.environ.get("ANNOTATOR_NAME") or stored.annotator_name()
    if not name:
        name = ask_annotator_name(None)
        if not name:
            return None
    stored.set_annotator_name(name)
    project = choose_project(db)
    stored.add_recent(project.path)
    return MainWindow(Session(project, name), language, family)


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
        QMessageBox.critical(None, "annotator", str(exc))
        return 1
    if window is None:
        return 0
    window.show()
    return int(app.exec())
