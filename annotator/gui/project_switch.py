"""Which project and annotator the window works with, and the backup made when one opens.

File > New project, Open project, Open recent, Restore a backup and Switch annotator end
here.  Opening a project from the menu behaves as starting the window on it does
(:mod:`annotator.gui.opening`): a project that cannot be written here opens for reading with
a standing notice, and one on a network share or in a synced folder gets the warning.
Whenever a project opens a backup is made in the background (if the project changed since
the last one); the first one waits :data:`BACKUP_DELAY_MS`, as the first seconds belong to
the analyst.  The window is handed the new session and rebuilds its views around it.
The texts are in the main window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui import opening
from annotator.gui import settings as stored
from annotator.gui.background_jobs import BackgroundJobs
from annotator.gui.change_watch import ChangeWatch
from annotator.gui.texts import core_text, error_message, plain_message
from annotator.gui.workers import BackupWorker

translate = QCoreApplication.translate

BACKUP_DELAY_MS = 2000


class ProjectSwitcher(QObject):
    """Switches ``window`` to another project or annotator.

    ``session()`` is the window's session, ``flush()`` saves what waits to be saved (a note
    being typed), ``use(session)`` makes the window show another session; ``watch`` and
    ``jobs`` are paused and waited for while a backup is restored.
    """

    def __init__(self, window: QMainWindow, session: Callable[[], Session],
                 flush: Callable[[], None], use: Callable[[Session], None],
                 watch: ChangeWatch, jobs: BackgroundJobs) -> None:
        super().__init__(window)
        self.window = window
        self._session, self._flush, self._use = session, flush, use
        self.watch, self.jobs = watch, jobs
        self.backup_worker: BackupWorker | None = None
        self.closing = False
        self._backed_up_first = False  # the first project was backed up as it was updated

    # -- the File menu ------------------------------------------------------------------
    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            # *.annotator: the launcher opens such a file in annotator (packaging/).
            self.window, translate("MainWindow", "New project"), "project.annotator",
            translate("MainWindow", "Project files (*.annotator *.sqlite)"))
        if name:
            self.switch_project(Path(name))

    def open_project_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, translate("MainWindow", "Open project"), "",
            translate("MainWindow", "Project files (*.annotator *.sqlite *.db);;All files (*)"))
        if name:
            self.switch_project(Path(name), create=False)

    def recent_projects(self) -> list[str]:
        """The recent projects still there (File > Open recent)."""
        return [path for path in stored.recent_projects() if Path(path).exists()]

    def open_recent(self, path: str) -> None:
        # Not created if it went away since the menu listed it: only New makes a project.
        self.switch_project(Path(path), create=False)

    def switch_project(self, path: Path, create: bool = True,
                       already_closed: bool = False) -> None:
        """Open ``path`` here as starting the window on it does: a project that cannot be
        written here opens for reading (with the standing notice), and one in a shared or
        synced folder gets the warning."""
        try:
            updated = opening.update_first(self.window, path)
            project = open_project(path, create=create, allow_read_only=True)
        except AnnotatorError as exc:
            QMessageBox.warning(self.window, translate("MainWindow", "Cannot open the project"),
                                plain_message(error_message(exc)))
            return
        if not already_closed:
            self._flush()
            self._session().project.close()
        stored.add_recent(path)
        self._use(Session(project, self._session().annotator))
        opening.show_project_notices(self.window, project)
        if not updated:  # else backed up just before its update (see update_first)
            self.backup_on_open()

    def restore_backup(self) -> None:
        """Put an earlier state of the project back (the current one is backed up first)."""
        from annotator.gui.restore_dialog import show_restore_dialog

        self.jobs.wait()
        if self.backup_worker is not None:
            self.backup_worker.wait()
        self._flush()
        path = self._session().project.path
        self.watch.stop()  # the connection is closed while the dialog is open
        self._session().project.close()
        try:
            show_restore_dialog(self.window, path)
        finally:
            self.switch_project(path, create=False, already_closed=True)
            self.watch.start()

    def switch_annotator(self) -> None:
        session = self._session()
        name = opening.ask_annotator_name(self.window, session.annotator)
        if name and name != session.annotator:
            self._flush()
            stored.set_annotator_name(name)
            self._use(Session(session.project, name))

    # -- backups ------------------------------------------------------------------------
    def first_backup_later(self) -> None:
        """Back up the window's first project in a moment: reading the first article must
        not wait for a copy of a gigabyte file."""
        QTimer.singleShot(BACKUP_DELAY_MS, self, self.first_backup)

    def first_backup(self) -> None:
        """The backup on opening the window's first project, once the analyst has started."""
        if not self.closing and self.backup_worker is None and not self._backed_up_first:
            self.backup_on_open()

    def first_backed_up_by_update(self) -> None:
        """The window's first project was backed up and updated as it opened
        (:func:`~annotator.gui.opening.update_first`): no backup on opening as well.  The
        one before the update, updated again, is this state, and a second copy would cost
        as much (13 GB at 1,000,000 articles) beside the analyst's first minutes."""
        self._backed_up_first = True

    def backup_on_open(self) -> None:
        """A backup when a project opens (if it changed since the last), in the background."""
        if self.backup_worker is not None:
            self.backup_worker.wait()  # another project's, just opened before this one
        worker = BackupWorker(self._session().project.path)
        self.backup_worker = worker

        def finished(result: str) -> None:
            worker.wait()
            if result.startswith("error: "):
                self.window.statusBar().showMessage(
                    translate("MainWindow", "Could not back up the project: %1").replace(
                        "%1", core_text(worker.error or result[7:])), 10000)

        worker.done.connect(finished)
        worker.start()

    def wait(self) -> None:
        """Wait for a backup under way (the window is closing)."""
        self.closing = True
        if self.backup_worker is not None:
            self.backup_worker.wait()
