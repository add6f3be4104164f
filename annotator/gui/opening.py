"""What the window asks and says when a project opens, at start-up or from the File menu.

It asks the annotator's name (prefilled with ``ANNOTATOR_NAME`` when it is set, else the
system user name) and whether to create a project file that does not exist, and it says what a
project just opened needs said: a non-modal warning when it lies on a network share or in a
synced folder (:mod:`annotator.core.safety.location`), and a standing notice while its file
or folder cannot be written here (the project is open for reading only).  A project of an
older version is backed up and brought up to date before it opens, in a worker, under a
dialog that says so (:func:`update_first`).  Shared by
:mod:`annotator.gui.app` (start-up) and the window's own File > Open, so both behave alike.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.names import name_problem, refused
from annotator.core.safety.location import SharedPlace, shared_place
from annotator.core.store import Project
from annotator.core.store.opening import needs_update
from annotator.gui.texts import core_text, isolate, message_text
from annotator.gui.workers import UpdateWorker


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
            refuse_name(parent, refused(problem, name))
            suggestion = name


def refuse_name(parent: QWidget | None, problem: str) -> None:
    """Say why a name cannot be used (the name shown as plain text, never as markup);
    ``problem`` is the core's (:func:`~annotator.core.names.refused`), translated here."""
    box = QMessageBox(QMessageBox.Icon.Warning, "annotator",
                      message_text(QCoreApplication.translate(
                          "app", "This name cannot be used: %1").replace(
                          "%1", core_text(problem))), QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return ""


def confirm_new_project(parent: QWidget | None, path: Path) -> bool:
    """Ask before making a project file that does not exist (a mistyped ``--db``)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("app", "New project"),
        message_text(QCoreApplication.translate(
            "app", "%1 does not exist. Create a new project there?").replace(
                "%1", isolate(str(path)))),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def update_first(parent: QWidget | None, path: Path) -> bool:
    """When ``path`` is a project of an older version, back it up and bring it up to date
    in a worker while a dialog says so (minutes for a large project; the window would
    otherwise not answer, or not appear, meanwhile); True when it did.  Raises
    :class:`AnnotatorError` when that failed; the project is then as it was (each
    migration is a transaction)."""
    if not needs_update(path):
        return False  # up to date, or opening says what is wrong (read-only, say)
    dialog = _UpdateDialog(parent)
    dialog.setObjectName("updatingProject")
    dialog.setWindowTitle("annotator")
    label = QLabel(message_text(QCoreApplication.translate(
        "app", "%1 was made by an older version of annotator. It is backed up, then brought "
        "up to date; a large project takes a few minutes.").replace("%1", isolate(path.name))))
    label.setTextFormat(Qt.TextFormat.PlainText)  # the file name is data
    label.setWordWrap(True)
    dialog.setLabel(label)
    dialog.setCancelButton(None)  # a migration stops only between its transactions
    dialog.setRange(0, 0)  # busy: the steps give no fraction
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(440)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    worker = UpdateWorker(path)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)  # queued: a quick finish still ends the loop below
    worker.start()
    dialog.show()
    loop.exec()
    worker.wait()
    dialog.updating = False
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise AnnotatorError(worker.error)
    return True


class _UpdateDialog(QProgressDialog):
    """Stays up while the update runs: Escape and the close button do nothing.  Hidden,
    it would give the window back to the analyst, who could open the same file again and
    start a second update of it."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.updating = True

    def reject(self) -> None:
        if not self.updating:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.updating:
            event.ignore()
        else:
            super().closeEvent(event)


def show_project_notices(window: QMainWindow, project: Project) -> None:
    """What a project just opened in ``window`` needs said: the shared-folder warning
    (once, non-modal) and, for as long as the project is open, whether changes are off."""
    warn_if_shared(window, project.path)
    show_read_only(window, project.read_only)


def show_read_only(window: QMainWindow, read_only: bool = True) -> None:
    """Say in the status bar, for as long as ``read_only`` holds, that changes are off."""
    label = window.statusBar().findChild(QLabel, "readOnlyNotice")
    if label is None and read_only:
        label = QLabel(QCoreApplication.translate(
            "app", "Read-only: this project's file or folder cannot be written here, so "
            "changes are off."))
        label.setObjectName("readOnlyNotice")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: #b3261e; font-weight: bold;")
        window.statusBar().addWidget(label)
    elif label is not None:
        label.setVisible(read_only)


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
    return (message_text(where.replace("%1", isolate(place.name))
                         .replace("%2", isolate(place.where))),
            message_text(QCoreApplication.translate(
                "app", "Several windows or commands may write at once only on a local disk; "
                "exchange copies (merge) through a shared folder instead.")))


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
