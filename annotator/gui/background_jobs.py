"""File > Import, File > Merge and File > Sync: long work in a worker thread, a progress
dialog, a summary.

Importing articles (files or a folder) and merging colleagues' project files run in worker
threads (:mod:`annotator.gui.workers`), each with its own connection, so the window stays
usable; an import can be cancelled (what was stored stays), a merge cannot.  When one ends
the window is told (:attr:`BackgroundJobs.imported`, :attr:`BackgroundJobs.merged`) and
reads again what came in, and the summary follows: what was added, the problems, what a
merge brought.  A colleague's file holding values our codebook does not know is merged only
after the user says yes.  Syncing with a team folder publishes this annotator's snapshot and
merges the others' (:meth:`~annotator.core.store.team.Team.sync`), naming any it skipped.
The texts are in the main window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
)

from annotator.core.labels import Labels
from annotator.core.session import Session
from annotator.gui import settings
from annotator.gui.i18n import interface_language
from annotator.gui.merge_summary import summary_lines, unknown_lines
from annotator.gui.texts import (
    core_text,
    isolate,
    message_text,
    number_text,
    percent_in_language,
    plain_message,
)
from annotator.gui.workers import (
    ImportSummary,
    ImportWorker,
    MergeStopped,
    MergeWorker,
    SyncWorker,
)

translate = QCoreApplication.translate


class BackgroundJobs(QObject):
    """Imports and merges into ``session()``'s project, with ``window`` as their parent."""

    imported = Signal(object)  # the ImportSummary, before it is shown
    merged = Signal()  # a merge ended (merged, stopped or failed), before its summary

    def __init__(self, window: QMainWindow, session: Callable[[], Session],
                 flush: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self._session = session
        self._flush = flush  # saves what waits to be saved (a note being typed)
        self.import_worker: ImportWorker | None = None
        self.merge_worker: MergeWorker | None = None
        self.sync_worker: SyncWorker | None = None
        self.merging = False

    @property
    def busy(self) -> bool:
        """An import or merge is writing: its writes are no news from elsewhere."""
        return self.import_worker is not None or self.merging

    def wait(self, cancel: bool = False) -> None:
        """Wait for the work under way to end (cancelling an import if ``cancel``)."""
        if self.import_worker is not None and cancel:
            self.import_worker.cancel()
        for worker in (self.import_worker, self.merge_worker, self.sync_worker):
            if worker is not None:
                worker.wait()

    # -- import -------------------------------------------------------------------------
    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, translate("MainWindow", "Import articles"), "",
            translate("MainWindow", "Articles (*.txt *.html *.htm *.jsonl *.csv)"))
        if names:
            self.start_import(names)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, translate("MainWindow", "Import a folder of articles"))
        if folder:
            self.start_import([folder])

    def start_import(self, sources: list[str]) -> ImportWorker:
        """Import in a worker thread with a progress dialog that can cancel."""
        dialog = QProgressDialog(translate("MainWindow", "Importing articles…"),
                                 translate("MainWindow", "Cancel"), 0, 0, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        bar = QProgressBar(dialog)
        percent_in_language(bar)
        dialog.setBar(bar)
        worker = ImportWorker(self._session().project.path, sources, settings.import_options())
        self.import_worker = worker

        def progressed(done: int, total: int, name: str, articles: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(
                translate("MainWindow", "Importing %1…").replace("%1", name) + "\n"
                + translate("MainWindow", "%1 articles read").replace("%1", number_text(articles)))

        worker.progressed.connect(progressed)
        worker.compacting.connect(lambda step, steps: _compacting(dialog, step, steps))
        dialog.canceled.connect(worker.cancel)
        worker.done.connect(lambda summary: self._import_done(summary, dialog))
        worker.start()
        return worker

    def _import_done(self, summary: ImportSummary, dialog: QProgressDialog) -> None:
        dialog.reset()
        dialog.deleteLater()
        if self.import_worker is not None:
            self.import_worker.wait()
            self.import_worker = None
        self._session().changed_elsewhere()  # the worker's writes, shown here (no notice)
        self.imported.emit(summary)
        if summary.error:
            QMessageBox.warning(self.window, translate("MainWindow", "Import failed"),
                                plain_message(core_text(summary.error)))
            return
        text = translate("MainWindow", "%1 articles added, %2 already present.").replace(
            "%1", number_text(summary.added)).replace("%2", number_text(summary.already_present))
        if summary.cancelled:
            text = translate("MainWindow",
                             "Import cancelled; articles stored before that are kept.")
        if summary.problems:
            box = QMessageBox(QMessageBox.Icon.Warning,
                              translate("MainWindow", "Import finished with problems"),
                              message_text(text + "\n" + translate(
                                  "MainWindow", "%1 problems:").replace(
                                  "%1", number_text(len(summary.problems)))),
                              parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
            box.setDetailedText("\n".join(core_text(line) for line in
                                          [*summary.problems, *summary.notices]))
            box.open()
        elif summary.notices:
            # Texts converted, near-duplicates skipped: said in the core's words, the
            # last line (the count skipped, when there is one) in the message itself.
            box = QMessageBox(QMessageBox.Icon.Information,
                              translate("MainWindow", "Import articles"),
                              message_text(text + "\n" + core_text(summary.notices[-1])),
                              parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDetailedText("\n".join(core_text(line) for line in summary.notices))
            box.open()
        else:
            self.window.statusBar().showMessage(text, 8000)

    def _field_label(self, field_id: str) -> str:
        """A field's label in the interface language (its id if our codebook lacks it)."""
        session = self._session()
        return Labels(session.codebook, [], interface_language()).field(field_id)

    # -- merge --------------------------------------------------------------------------
    def merge_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, translate("MainWindow", "Merge a colleague's project"), "",
            translate("MainWindow", "Project files (*.annotator *.sqlite *.db);;All files (*)"))
        if names:
            self.start_merge(names)

    def start_merge(self, files: list[str], accepted: frozenset[str] = frozenset(),
                    earlier: tuple[object, ...] = ()) -> MergeWorker:
        """Merge in a worker thread; the summary says what came in.

        A file with values our codebook does not know is merged only once the user
        says yes (``accepted``); ``earlier`` holds the summaries of files merged before
        the question, shown with the rest at the end.
        """
        self._flush()
        dialog = QProgressDialog(translate("MainWindow", "Merging…"), "", 0, 0, self.window)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        bar = QProgressBar(dialog)
        percent_in_language(bar)
        dialog.setBar(bar)
        worker = MergeWorker(self._session().project.path, files, accepted)
        self.merge_worker = worker
        worker.compacting.connect(lambda step, steps: _compacting(dialog, step, steps))
        # The next file's merge, after a compaction: the dialog says "Merging…" again.
        worker.merging.connect(lambda _number, _files: _merging(dialog))
        self.merging = True  # its writes refresh the views without a notice

        def finished(result: object) -> None:
            dialog.reset()
            dialog.deleteLater()
            worker.wait()
            self.merging = False
            self._session().changed_elsewhere()  # forgets cached participants and codebook
            self.merged.emit()
            if isinstance(result, str):
                QMessageBox.warning(self.window, translate("MainWindow", "Merge failed"),
                                    plain_message(core_text(result)))
                return
            if isinstance(result, MergeStopped):
                self._ask_unknown(result, accepted, earlier)
                return
            lines = [line for summary in (*earlier, *result)  # type: ignore[misc]
                     for line in summary_lines(summary, self._field_label)]  # type: ignore[arg-type]
            box = QMessageBox(QMessageBox.Icon.Information,
                              translate("MainWindow", "Merge finished"),
                              message_text("\n".join(lines)), parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # colleagues' names are data
            box.open()

        worker.done.connect(finished)
        worker.start()
        return worker

    def _ask_unknown(self, stopped: MergeStopped, accepted: frozenset[str],
                     earlier: tuple[object, ...]) -> None:
        """Ask whether to merge a file whose values our codebook does not know."""
        source = stopped.remaining[0]
        done = (*earlier, *stopped.merged)
        text = translate(
            "MainWindow", "%1 holds fields, values or roles that our codebook does not know. "
            "Merged, they are kept and counted in agreement as they are. Merge "
            "it anyway?").replace("%1", isolate(source))
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("MainWindow", "Values our codebook does not know"),
                          message_text(text),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(message_text("\n".join(
            unknown_lines(stopped.refused.unknown, field_label=self._field_label))))
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button: int) -> None:
            box.deleteLater()
            if button == QMessageBox.StandardButton.Yes:
                self.start_merge(stopped.remaining, accepted | {source}, done)
            elif stopped.remaining[1:]:
                self.start_merge(stopped.remaining[1:], accepted, done)
            else:
                lines = [line for summary in done
                         for line in summary_lines(summary, self._field_label)]  # type: ignore[arg-type]
                lines.append(translate("MainWindow", "Nothing was merged from %1.").replace(
                    "%1", isolate(source)))
                finished_box = QMessageBox(QMessageBox.Icon.Information,
                                           translate("MainWindow", "Merge finished"),
                                           message_text("\n".join(lines)),
                                           parent=self.window)
                finished_box.setTextFormat(Qt.TextFormat.PlainText)
                finished_box.open()

        box.finished.connect(answered)
        box.open()

    # -- sync with a team folder ----------------------------------------------------------
    def sync_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, translate("MainWindow", "Sync with team folder"),
            settings.team_folder())
        if folder:
            settings.set_team_folder(folder)
            self.start_sync(folder)

    def start_sync(self, folder: str) -> SyncWorker:
        """Publish this annotator's snapshot into ``folder`` and merge the others', in a
        worker thread, with progress; the summary says what came in and what was skipped."""
        self._flush()
        dialog = QProgressDialog(translate("MainWindow", "Syncing with the team folder…"), "",
                                 0, 0, self.window)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        session = self._session()
        worker = SyncWorker(session.project.path, folder, session.annotator)
        self.sync_worker = worker
        self.merging = True  # its writes refresh the views without a notice

        def progressed(step: int, steps: int, name: str) -> None:
            dialog.setMaximum(steps)
            dialog.setValue(step)
            if name:
                dialog.setLabelText(translate("MainWindow", "Syncing %1…").replace(
                    "%1", isolate(name)))

        def finished(result: object) -> None:
            dialog.reset()
            dialog.deleteLater()
            worker.wait()
            self.sync_worker = None
            self.merging = False
            self._session().changed_elsewhere()
            self.merged.emit()
            if isinstance(result, str):
                QMessageBox.warning(self.window, translate("MainWindow", "Sync failed"),
                                    plain_message(core_text(result)))
                return
            lines = [core_text(line) for line in result.lines()]  # type: ignore[attr-defined]
            box = QMessageBox(QMessageBox.Icon.Information,
                              translate("MainWindow", "Sync finished"),
                              message_text("\n".join(lines)), parent=self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are data
            box.setObjectName("syncSummary")
            box.open()

        worker.progressed.connect(progressed)
        worker.done.connect(finished)
        worker.start()
        return worker

    def show_team_progress(self) -> None:
        """Each assigned annotator's progress through their queue (for the lead)."""
        rows = self._session().team_progress()
        if rows:
            lines = [translate("MainWindow", "%1: %2 of %3 done or skipped, %4 in progress")
                     .replace("%1", isolate(row.annotator))
                     .replace("%2", number_text(row.done + row.skipped))
                     .replace("%3", number_text(row.assigned))
                     .replace("%4", number_text(row.in_progress)) for row in rows]
        else:
            lines = [translate("MainWindow", "No sample is assigned yet: annotator assign.")]
        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("MainWindow", "Team progress"),
                          message_text("\n".join(lines)), parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("teamProgress")
        box.open()


def _compacting(dialog: QProgressDialog, step: int, steps: int) -> None:
    """An import's or a merge's dialog while the search index is merged into one piece
    (:meth:`~annotator.core.store.search_index.SearchIndex.compact`)."""
    dialog.setMaximum(steps)
    dialog.setValue(min(step, steps - 1))
    dialog.setLabelText(translate(
        "MainWindow", "Articles stored; making searches faster (merging the search "
        "index into one piece)…"))


def _merging(dialog: QProgressDialog) -> None:
    dialog.setRange(0, 0)
    dialog.setLabelText(translate("MainWindow", "Merging…"))
