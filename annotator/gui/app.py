"""Starting the window: language, font, the annotator's name, which project, then show.

The project is the one given (``--db`` / ``ANNOTATOR_DB``; a file that does not exist is
made only after the user agrees), else the most recent one, else the embedded default
project with the sample corpus.  The name is the one given (``--annotator``, which scripts
and tests use to open the window without a question), else the one remembered, else asked
once (prefilled with ``ANNOTATOR_NAME`` or the user name) and remembered.  The questions
and the notices a project gets when it opens (a shared or synced folder, a read-only file)
live in :mod:`annotator.gui.opening`, which the window's File > Open uses too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.names import name_problem, refused
from annotator.core.session import Session
from annotator.core.store import Project, open_project
from annotator.core.store.files import probe
from annotator.gui import settings as stored
from annotator.gui.fonts import load_fonts
from annotator.gui.i18n import apply_color_scheme, install_translations, pick_language
from annotator.gui.main_window import MainWindow
from annotator.gui.opening import (
    ask_annotator_name,
    confirm_new_project,
    refuse_name,
    update_first,
)
from annotator.gui.texts import error_message, message_text, plain_message


def has_display() -> bool:
    """Whether a window can be shown (on Linux, an X11 or Wayland display, or offscreen)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def choose_project(db: str | None) -> tuple[Project, bool] | None:
    """The project to open, and whether it was backed up and updated on the way
    (:func:`~annotator.gui.opening.update_first`); None when the user declined to create
    a missing ``db``."""
    if db:
        path = Path(db).expanduser()
        if probe(path).kind == "missing" and not confirm_new_project(None, path):
            return None
        updated = update_first(None, path)
        # A project that cannot be written here (a read-only folder or file) opens for
        # reading, with a notice, rather than not at all.
        return open_project(path, allow_read_only=True), updated
    for recent in stored.recent_projects()[:1]:
        if Path(recent).exists():
            try:
                updated = update_first(None, Path(recent))
                return open_project(recent, create=False, allow_read_only=True), updated
            except AnnotatorError as exc:
                show_recent_error(exc)  # said, and the window still starts
                break
    # Only a first start (or one whose projects are gone) needs the corpus importer: the
    # window's start on an existing project does not import it (tests/gui/test_app_start.py).
    from annotator.core.intake.importer import open_default_project

    updated = update_first(None, paths.default_project_path())
    return open_default_project(), updated


def create_window(db: str | None, lang: str | None,
                  annotator: str | None = None) -> MainWindow | None:
    """Build the window (the QApplication must exist); None if the user cancelled.

    The window says itself what the project needs said (shared folder, read-only)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # --lang, else the language chosen in View > Language, else the locale's.
    language = pick_language(lang or stored.interface_language(), os.environ)
    app._annotator_translators = install_translations(app, language)  # type: ignore[attr-defined]
    family = load_fonts()
    if family:
        # One font for Latin and Arabic script keeps mixed labels even and joined.
        app.setFont(QFont(family, 10))
    # ANNOTATOR_NAME presets the question rather than skipping it (the README's contract):
    # the analyst sees, once, the name their tags will carry.
    name = (annotator or stored.annotator_name() or "").strip()
    if name and name_problem(name) is not None:  # never store, nor start with, a bad name
        refuse_name(None, refused(name_problem(name) or "", name))
        name = ""
    if not name:
        asked = ask_annotator_name(None)
        if not asked:
            return None
        name = asked
    stored.set_annotator_name(name)
    chosen = choose_project(db)
    if chosen is None:
        return None
    project, updated = chosen
    stored.add_recent(project.path)
    window = MainWindow(Session(project, name), language, family)
    if updated:
        window.projects.first_backed_up_by_update()
    return window


def show_recent_error(error: AnnotatorError) -> None:
    """Say why the last project did not open (a failed update, a damaged file) before the
    default project opens instead."""
    box = QMessageBox(QMessageBox.Icon.Warning, "annotator", message_text(
        QCoreApplication.translate("app", "The last project could not be opened; the "
                                   "default project opens instead.")),
                      QMessageBox.StandardButton.Ok)
    box.setObjectName("recentProjectError")
    box.setInformativeText(plain_message(error_message(error)))
    box.exec()


def show_start_error(error: AnnotatorError) -> None:
    """Say why the window cannot start (a ``--db`` that is not a project, say), in the
    interface language, which :func:`create_window` has installed by then."""
    box = QMessageBox(QMessageBox.Icon.Critical, "annotator",
                      plain_message(error_message(error)), QMessageBox.StandardButton.Ok)
    box.exec()


def app_icon() -> QIcon:
    """The app's icon in every size drawn (``packaging/icons.py``); empty if none are there."""
    icon = QIcon()
    for path in sorted((paths.resources_dir() / "icons").glob("annotator-*.png")):
        icon.addFile(str(path))
    return icon


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
    # Wayland finds the launcher entry (and its icon) by this name: packaging/*.desktop.
    app.setDesktopFileName("annotator")
    app.setWindowIcon(app_icon())
    apply_color_scheme(app)
    try:
        window = create_window(db, lang, annotator)
    except AnnotatorError as exc:
        show_start_error(exc)
        return 1
    if window is None:
        return 0
    window.show()
    return int(app.exec())


def show_offscreen(project_path: Path, language: str = "fa") -> tuple[list[str], str | None]:
    """``--self-check``'s window step: the window on ``project_path`` in ``language``,
    shown on Qt's offscreen platform (no display needed) and closed again.

    Returns the translation files that loaded and the font family; raises when the window
    does not show.  Call it in a process that has no QApplication yet and that ends after
    it: the platform is chosen once per process, and the window remembers its geometry in
    the data folder (the self-check points ``ANNOTATOR_HOME`` at its temporary folder).
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    prepare_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    translators = install_translations(app, language)
    loaded = sorted({Path(t.filePath()).stem for t in translators if t.filePath()})
    family = load_fonts()
    with open_project(project_path, create=False) as project:
        window = MainWindow(Session(project, "self-check"), language, family)
        window.show()
        app.processEvents()
        shown = window.isVisible() and window.width() > 0
        window.close()
        app.processEvents()
    if not shown:
        raise RuntimeError("the window did not show")
    return loaded, family
