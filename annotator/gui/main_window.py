"""The annotation window: article list, reader and tag form side by side.

It wires the three views to one :class:`~annotator.core.session.Session`: choosing an
article shows it, and every edit (in the form, a status, an undo or a redo) is saved at
once by the session, whose change record goes out on :attr:`MainWindow.edited`: each view
refreshes only what the record concerns (the form its field's boxes, the list the
article's row and the progress, the reader the evidence marks).  Menus carry every
command with a keyboard shortcut.  A timer notices writes by another window or command
(and by the window's own import and merge workers) and shows what is there now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.session import ArticleView, Edit, Session, UndoConflict
from annotator.core.store import Tag, open_project
from annotator.gui import opening
from annotator.gui import settings as stored
from annotator.gui.agreement_dialog import AgreementDialog
from annotator.gui.article_list import ArticleListPanel
from annotator.gui.charts_view import ChartsView
from annotator.gui.help_dialogs import show_about, show_shortcuts
from annotator.gui.merge_summary import summary_lines, unknown_lines
from annotator.gui.reader import Reader
from annotator.gui.review_view import ReviewView
from annotator.gui.tag_form import TagForm
from annotator.gui.texts import plain_message
from annotator.gui.workers import (
    BackupWorker,
    ImportSummary,
    ImportWorker,
    MergeStopped,
    MergeWorker,
)

BACKUP_DELAY_MS = 2000
# How often to ask whether another window or command wrote: one pragma (a few microseconds,
# no table read) while nothing changed, so it runs always, also while the window is in the
# background (the analyst is in the terminal running the command that writes).
WATCH_INTERVAL_MS = 1500


def _spans(tags: tuple[Tag, ...]) -> set[tuple[int | None, int | None]]:
    return {(t.span_start, t.span_end) for t in tags if t.has_span}


class MainWindow(QMainWindow):
    """One project, one annotator."""

    merged = Signal()  # colleagues' work came in
    edited = Signal(object)  # the Edit record of every edit made in this window
    changedElsewhere = Signal()  # another window or command wrote; the views show it now

    def __init__(self, session: Session, language: str = "en",
                 font_family: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        self.current: str | None = None
        self._worker: ImportWorker | None = None
        self.setObjectName("mainWindow")
        # Where to resume is written once the analyst stays on an article for a moment
        # (and on closing), not on every switch: a write per keypress when paging fast.
        self._remember = QTimer(self, singleShot=True, interval=1000)
        self._remember.timeout.connect(self._remember_current)

        self.list_panel = ArticleListPanel(session)
        self.reader = Reader(font_family)
        self.form = TagForm(session, language)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.form_scroll = scroll
        scroll.setMinimumWidth(400)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a form that grows past the window's height (a demand's voice menu,
        # more participants) must not narrow and lay out every box again.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([380, 560, 420])  # the list wide enough for its titles
        self.reader_font = font_family
        # Review mode is built when first opened: its queue reads every tag, which a
        # window that opens for coding should not wait for.
        self.review: ReviewView | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.who = QLabel()
        self.statusBar().addPermanentWidget(self.who)

        self.list_panel.articleChosen.connect(self.open_article)
        # Through the window, so the form can be rebuilt without reconnecting the reader.
        self.reader.evidenceRequested.connect(
            lambda start, end, quote: self.form.attach_evidence(start, end, quote))
        self.form.jumpToEvidence.connect(self.reader.select_span)
        self.form.edited.connect(self.edited)
        self.form.doneAndNext.connect(self.done_and_next)
        self.form.skipRequested.connect(self.skip_and_next)
        self.edited.connect(self.list_panel.show_edit)
        self.edited.connect(self._show_edit)

        self.charts = ChartsView(session, language)
        self.charts_dock = QDockWidget(self.tr("Charts"), self)
        self.charts_dock.setObjectName("chartsDock")
        self.charts_dock.setWidget(self.charts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.charts_dock)
        self.charts_dock.hide()

        self._build_menus()
        self._update_title()
        geometry = stored.settings().value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        first = session.last_article()
        if first:
            self.open_article(first)
        opening.show_project_notices(self, session.project)
        self.backup_worker: BackupWorker | None = None
        self._closing = False
        self._merging = False
        self.watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self.watch.timeout.connect(self._check_elsewhere)
        self.watch.start()
        # The first seconds belong to the analyst: reading the first article must not wait
        # for a copy of a gigabyte file.
        QTimer.singleShot(BACKUP_DELAY_MS, self, self._first_backup)

    def _first_backup(self) -> None:
        if not self._closing and self.backup_worker is None:
            self._backup_on_open()

    def _backup_on_open(self) -> None:
        """A backup when a project opens (if it changed since the last), in the background."""
        if self.backup_worker is not None:
            self.backup_worker.wait()  # another project's, just opened before this one
        worker = BackupWorker(self.session.project.path)
        self.backup_worker = worker

        def finished(result: str) -> None:
            worker.wait()
            if result.startswith("error: "):
                self.statusBar().showMessage(
                    self.tr("Could not back up the project: %1").replace("%1", result[7:]),
                    10000)

        worker.done.connect(finished)
        worker.start()

    # -- menus ----------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(self.tr("&New project…"), self.new_project, QKeySequence.StandardKey.New,
                     file)
        self._action(self.tr("&Open project…"), self.open_project_dialog,
                     QKeySequence.StandardKey.Open, file)
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        self._action(self.tr("&Export…"), self.export_dialog, QKeySequence("Ctrl+Shift+E"),
                     file)
        self._action(self.tr("&Import articles…"), self.import_files, QKeySequence("Ctrl+I"),
                     file)
        self._action(self.tr("Import a &folder…"), self.import_folder,
                     QKeySequence("Ctrl+Shift+I"), file)
        self._action(self.tr("&Merge a colleague's project…"), self.merge_dialog,
                     QKeySequence("Ctrl+Shift+M"), file)
        self._action(self.tr("Restore a &backup…"), self.restore_backup, None, file)
        file.addSeparator()
        self._action(self.tr("&Switch annotator…"), self.switch_annotator, None, file)
        file.addSeparator()
        self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file)

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo,
                                        QKeySequence.StandardKey.Undo, edit)
        self.redo_action = self._action(
            self.tr("&Redo"), self.redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)], edit)
        edit.addSeparator()
        edit.addAction(self.reader.evidence_action)
        self._action(self.tr("&Find articles"), self.focus_search, QKeySequence.StandardKey.Find,
                     edit)

        go = bar.addMenu(self.tr("&Go"))
        # Up/down and page keys read the same in a mirrored (right-to-left) layout.
        self._action(self.tr("&Next article"), lambda: self.step(1),
                     [QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Down")], go)
        self._action(self.tr("&Previous article"), lambda: self.step(-1),
                     [QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Up")], go)
        go.addSeparator()
        self._action(self.tr("&Done and next"), self.done_and_next,
                     [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")], go)
        self._action(self.tr("&Skip and next"), self.skip_and_next,
                     QKeySequence("Ctrl+Shift+Return"), go)

        view = bar.addMenu(self.tr("&View"))
        self._action(self.tr("Zoom &in"), lambda: self.reader.zoom(1),
                     [QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)],
                     view)
        self._action(self.tr("Zoom &out"), lambda: self.reader.zoom(-1),
                     QKeySequence(QKeySequence.StandardKey.ZoomOut), view)
        view.addSeparator()
        self.review_action = self._action(self.tr("&Review colleagues' tags"),
                                          self.toggle_review, QKeySequence("Ctrl+R"), view)
        self.review_action.setCheckable(True)
        self._action(self.tr("&Agreement…"), self.show_agreement, QKeySequence("Ctrl+Shift+A"),
                     view)
        charts = self.charts_dock.toggleViewAction()
        charts.setText(self.tr("&Charts"))
        charts.setShortcut(QKeySequence("Ctrl+Shift+C"))
        view.addAction(charts)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                     QKeySequence.StandardKey.HelpContents, help_menu)
        self._action(self.tr("&About annotator"), self.show_about, None, help_menu)
        self._update_undo()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in stored.recent_projects():
            if Path(path).exists():
                self._action(path, lambda p=path: self._switch_project(Path(p)), None,
                             self.recent_menu)

    # -- articles -------------------------------------------------------------------
    def open_article(self, article_id: str) -> None:
        """Show ``article_id``: text, highlights, my tags."""
        self.form.flush()
        try:
            view = self.session.view(article_id)
        except AnnotatorError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return
        self.current = article_id
        self.reader.show_article(view.article, view.mentions, self._evidence(view))
        self.form.show_article(view)
        self.list_panel.select(article_id)
        self._remember.start()
        self._update_title()

    def _remember_current(self) -> None:
        self._remember.stop()
        if self.current is not None:
            try:
                self.session.remember(self.current)
            except Exception as exc:  # where to resume is a convenience, never an error
                self.statusBar().showMessage(str(exc), 6000)

    def _evidence(self, view: ArticleView) -> list[tuple[int, int, str]]:
        colour = "#f6c343"
        return [(t.span_start, t.span_end, colour) for t in view.tags
                if t.span_start is not None and t.span_end is not None]

    def step(self, direction: int) -> None:
        if self.current is None:
            return
        target = self.session.neighbour(self.current, direction)
        if target:
            self.open_article(target)
        else:
            self.statusBar().showMessage(
                self.tr("This is the last article.") if direction > 0
                else self.tr("This is the first article."), 4000)

    def done_and_next(self) -> None:
        self._finish("done")

    def skip_and_next(self) -> None:
        self._finish("skipped")

    def _finish(self, status: str) -> None:
        if self.current is None:
            return
        self.form.flush()
        try:
            edit = self.session.set_status(self.current, status)
        except AnnotatorError as exc:  # a full disk, a busy or read-only file: say so
            self.statusBar().showMessage(str(exc), 10000)
            return
        target = (self.session.neighbour(self.current, 1, skip_done=True)
                  or self.session.neighbour(self.current, 1))
        self._publish(edit)
        if target:
            self.open_article(target)
        else:
            self.statusBar().showMessage(self.tr("That was the last article."), 5000)

    def _publish(self, edit: Edit) -> None:
        """An edit made here outside the form (a status, an undo, a redo): the form shows
        it, then every view subscribed to :attr:`edited`."""
        self.form.show_edit(edit)
        self.edited.emit(edit)

    def _show_edit(self, edit: Edit) -> None:
        """What the window itself shows of an edit: the evidence marks in the reader (when
        a span changed in the article shown), charts, undo labels and "Saved"."""
        view = self.form.view  # already shows the edit: the form is told first
        if (edit.tags_changed and view is not None and edit.article_id == self.current
                and _spans(edit.before) != _spans(edit.after)):
            self.reader.set_marks(view.mentions, self._evidence(view))
        if edit.tags_changed or edit.status_changed:
            self.charts.refresh()
        self._update_undo()
        self.statusBar().showMessage(self.tr("Saved"), 1500)

    # -- undo -----------------------------------------------------------------------
    def undo(self) -> None:
        self.form.flush()
        try:
            self._replay(self.session.undo())
        except UndoConflict as conflict:
            self._undo_conflict(conflict)

    def redo(self) -> None:
        try:
            self._replay(self.session.redo())
        except UndoConflict as conflict:
            self._undo_conflict(conflict)

    def _undo_conflict(self, conflict: UndoConflict) -> None:
        """The field was changed elsewhere since the edit: nothing was undone (the session
        dropped the edit); show what is there now, and say so."""
        self.session.changed_elsewhere()
        self.refresh_from_elsewhere(announce=False)
        if conflict.edit.article_id != self.current:
            self.open_article(conflict.edit.article_id)
        text = (self.tr("Not undone: %1 was changed by another window or command since.")
                if conflict.undoing else
                self.tr("Not redone: %1 was changed by another window or command since."))
        self.statusBar().showMessage(
            text.replace("%1", self._edit_name(conflict.edit).strip()), 10000)

    def _replay(self, edit: Edit | None) -> None:
        if edit is None:
            return
        if edit.article_id != self.current:
            self.open_article(edit.article_id)  # shows it as it is now
        self._publish(edit)

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self.session.can_undo)
        self.redo_action.setEnabled(self.session.can_redo)
        self.undo_action.setText(self.tr("&Undo") + self._edit_name(self.session.next_undo()))
        self.redo_action.setText(self.tr("&Redo") + self._edit_name(self.session.next_redo()))

    def _edit_name(self, edit: Edit | None) -> str:
        """What an edit changed, in the interface language: the field, or the status."""
        if edit is None:
            return ""
        codebook = self.session.codebook
        if edit.field and codebook.has_field(edit.field):
            return " " + codebook.field(edit.field).text(self.language)
        return " " + self.tr("status")

    # -- files ----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.list_panel.search.setFocus()
        self.list_panel.search.selectAll()

    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), "project.sqlite",
                                              self.tr("Project files (*.sqlite)"))
        if name:
            self._switch_project(Path(name))

    def open_project_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              self.tr("Project files (*.sqlite *.db);;"
                                                      "All files (*)"))
        if name:
            self._switch_project(Path(name), create=False)

    def _switch_project(self, path: Path, create: bool = True,
                        already_closed: bool = False) -> None:
        """Open ``path`` here as starting the window on it does: a project that cannot be
        written here opens for reading (with the standing notice), and one in a shared or
        synced folder gets the warning."""
        try:
            project = open_project(path, create=create, allow_read_only=True)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the project"),
                                plain_message(str(exc)))
            return
        if not already_closed:
            self.form.flush()
            self.session.project.close()
        self.session = Session(project, self.session.annotator)
        stored.add_recent(path)
        self._rebuild()
        opening.show_project_notices(self, project)
        self._backup_on_open()

    def restore_backup(self) -> None:
        """Put an earlier state of the project back (the current one is backed up first)."""
        from annotator.gui.restore_dialog import show_restore_dialog

        for worker in (self._worker, getattr(self, "_merge_worker", None), self.backup_worker):
            if worker is not None:
                worker.wait()
        self.form.flush()
        path = self.session.project.path
        self.watch.stop()  # the connection is closed while the dialog is open
        self.session.project.close()
        try:
            show_restore_dialog(self, path)
        finally:
            self._switch_project(path, create=False, already_closed=True)
            self.watch.start()

    def switch_annotator(self) -> None:
        name = opening.ask_annotator_name(self, self.session.annotator)
        if name and name != self.session.annotator:
            self.form.flush()
            stored.set_annotator_name(name)
            self.session = Session(self.session.project, name)
            self._rebuild()

    def _rebuild(self) -> None:
        """A new session (project or annotator): rebuild the views around it."""
        state = self.splitter.saveState()
        self.list_panel.setParent(None)
        self.list_panel.deleteLater()
        self.list_panel = ArticleListPanel(self.session)
        self._new_form()
        self.splitter.insertWidget(0, self.list_panel)
        self.splitter.restoreState(state)
        self.list_panel.articleChosen.connect(self.open_article)
        self.edited.connect(self.list_panel.show_edit)
        self.charts.set_session(self.session)
        old_review = self.review
        if old_review is not None:
            reviewing = self.stack.currentWidget() is old_review
            self.stack.removeWidget(old_review)
            old_review.deleteLater()
            self.review = None
            if reviewing:
                self.stack.setCurrentWidget(self._review_view())
        self.current = None
        self.reader.clear()
        first = self.session.last_article()
        if first:
            self.open_article(first)
        self._update_title()
        self._update_undo()

    def _new_form(self) -> None:
        """A tag form built from the session's codebook, in place of the old one."""
        self.form.setParent(None)
        self.form.deleteLater()
        self.form = TagForm(self.session, self.language)
        self.form_scroll.setWidget(self.form)
        self.form.jumpToEvidence.connect(self.reader.select_span)
        self.form.edited.connect(self.edited)
        self.form.doneAndNext.connect(self.done_and_next)
        self.form.skipRequested.connect(self.skip_and_next)

    # -- writes by others -------------------------------------------------------------
    def _check_elsewhere(self) -> None:
        try:
            changed = self.session.changed_elsewhere()
        except Exception:  # a poll must not raise into the event loop; a file gone or
            return  # closed (a restore under way) shows at the analyst's next action
        if changed:
            self.refresh_from_elsewhere()

    def refresh_from_elsewhere(self, announce: bool = True) -> None:
        """Another window or command wrote to the project: show what is there now.

        The list keeps its filter, current row and scroll position.  The form and the
        reader are filled again only when this annotator's tags or status of the article
        (or the participants found in it) changed, and that keeps the focus, the evidence
        target and a note being typed: its text is saved when the typing pauses, over
        what came in, as any later write would be.  The undo stack is kept: an undo or
        redo whose field was changed since is refused by the session (UndoConflict), so it
        cannot overwrite what came in, and a change to other articles or fields costs the
        analyst none of their undo history.
        """
        if self.form.codebook.source != self.session.codebook.source:
            self.form.flush()  # another command loaded a codebook: boxes for its fields
            self._new_form()
        self.list_panel.reload_in_place()
        if self.current is None:  # the project was empty; articles came in
            first = self.session.last_article()
            if first:
                self.open_article(first)
        else:
            try:
                view = self.session.view(self.current)
            except AnnotatorError as exc:  # the article is no longer in the project
                self.statusBar().showMessage(str(exc), 6000)
                view = None
            if view is not None and self.form.view is None:
                self.form.show_article(view)
                self.reader.set_marks(view.mentions, self._evidence(view))
            elif view is not None and view != self.form.view:
                self.form.refresh(view)
                self.reader.set_marks(view.mentions, self._evidence(view))
        if self.review is not None and self.stack.currentWidget() is self.review:
            self.review.refresh_from_elsewhere()
        self.charts.refresh()
        self._update_undo()
        if announce and self._worker is None and not self._merging:
            self.statusBar().showMessage(
                self.tr("The project was changed by another window or command; refreshed."),
                8000)
        self.changedElsewhere.emit()

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), "",
            self.tr("Articles (*.txt *.html *.htm *.jsonl *.csv)"))
        if names:
            self.start_import(names)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        if folder:
            self.start_import([folder])

    def start_import(self, sources: list[str]) -> ImportWorker:
        """Import in a worker thread with a progress dialog that can cancel."""
        dialog = QProgressDialog(self.tr("Importing articles…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        worker = ImportWorker(self.session.project.path, sources)
        self._worker = worker

        def progressed(done: int, total: int, name: str, articles: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Importing %1…").replace("%1", name) + "\n"
                                + self.tr("%1 articles read").replace("%1", f"{articles:,}"))

        worker.progressed.connect(progressed)
        dialog.canceled.connect(worker.cancel)
        worker.done.connect(lambda summary: self._import_done(summary, dialog))
        worker.start()
        return worker

    def _import_done(self, summary: ImportSummary, dialog: QProgressDialog) -> None:
        dialog.reset()
        dialog.deleteLater()
        if self._worker is not None:
            self._worker.wait()
            self._worker = None
        self.session.changed_elsewhere()  # the worker's writes, shown here (no notice)
        self.list_panel.model.reload()
        self.list_panel.update_progress()
        if summary.error:
            QMessageBox.warning(self, self.tr("Import failed"),
                                plain_message(summary.error))
            return
        text = self.tr("%1 articles added, %2 already present.").replace(
            "%1", str(summary.added)).replace("%2", str(summary.already_present))
        if summary.cancelled:
            text = self.tr("Import cancelled; articles stored before that are kept.")
        if summary.problems:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import finished with problems"),
                              text + "\n" + self.tr("%1 problems:").replace(
                                  "%1", str(len(summary.problems))), parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
            box.setDetailedText("\n".join(summary.problems))
            box.open()
        else:
            self.statusBar().showMessage(text, 8000)
        if self.current is None:
            first = self.session.last_article()
            if first:
                self.open_article(first)

    def export_dialog(self) -> None:
        from annotator.gui.export_dialog import show_export_dialog

        self.form.flush()
        show_export_dialog(self, self.session)

    def _review_view(self) -> ReviewView:
        if self.review is None:
            self.review = ReviewView(self.session, self.language, self.reader_font)
            self.review.adjudicated.connect(lambda _article: self.charts.refresh())
            self.stack.addWidget(self.review)
        return self.review

    def toggle_review(self) -> None:
        """Switch between annotating (blind) and reviewing colleagues' tags."""
        reviewing = self.review is not None and self.stack.currentWidget() is self.review
        if not reviewing:
            self.form.flush()
            review = self._review_view()
            review.refresh()
            self.stack.setCurrentWidget(review)
        else:
            self.stack.setCurrentWidget(self.splitter)
            if self.current:
                self.open_article(self.current)
        self.review_action.setChecked(not reviewing)
        self.charts.set_blind(reviewing)  # colleagues' figures only while reviewing

    def show_agreement(self) -> AgreementDialog:
        dialog = AgreementDialog(self.session, self.language, self)
        dialog.open()
        return dialog

    def merge_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Merge a colleague's project"), "",
            self.tr("Project files (*.sqlite *.db);;All files (*)"))
        if names:
            self.start_merge(names)

    def start_merge(self, files: list[str], accepted: frozenset[str] = frozenset(),
                    earlier: tuple[object, ...] = ()) -> MergeWorker:
        """Merge in a worker thread; the summary says what came in.

        A file with values our codebook does not know is merged only once the user
        says yes (``accepted``); ``earlier`` holds the summaries of files merged before
        the question, shown with the rest at the end.
        """
        self.form.flush()
        dialog = QProgressDialog(self.tr("Merging…"), "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        worker = MergeWorker(self.session.project.path, files, accepted)
        self._merge_worker = worker
        self._merging = True  # its writes refresh the views without a notice

        def finished(result: object) -> None:
            dialog.reset()
            dialog.deleteLater()
            worker.wait()
            self._merging = False
            self.session.changed_elsewhere()  # forgets cached participants and codebook
            self.list_panel.model.reload()
            self.list_panel.update_progress()
            if self.current:
                self.open_article(self.current)
            if self.review is not None:
                self.review.refresh()
            self.merged.emit()
            if isinstance(result, str):
                QMessageBox.warning(self, self.tr("Merge failed"),
                                    plain_message(result))
                return
            if isinstance(result, MergeStopped):
                self._ask_unknown(result, accepted, earlier)
                return
            lines = [line for summary in (*earlier, *result)
                     for line in summary_lines(summary)]  # type: ignore[arg-type]
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Merge finished"),
                              "\n".join(lines), parent=self)
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
        text = self.tr("%1 holds fields, values or roles that our codebook does not know. "
                       "Merged, they are kept and counted in agreement as they are. Merge "
                       "it anyway?").replace("%1", f"\u2068{source}\u2069")
        box = QMessageBox(QMessageBox.Icon.Question,
                          self.tr("Values our codebook does not know"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n".join(unknown_lines(stopped.refused.unknown)))
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button: int) -> None:
            box.deleteLater()
            if button == QMessageBox.StandardButton.Yes:
                self.start_merge(stopped.remaining, accepted | {source}, done)
            elif stopped.remaining[1:]:
                self.start_merge(stopped.remaining[1:], accepted, done)
            else:
                lines = [line for summary in done
                         for line in summary_lines(summary)]  # type: ignore[arg-type]
                lines.append(self.tr("Nothing was merged from %1.").replace(
                    "%1", f"\u2068{source}\u2069"))
                finished_box = QMessageBox(QMessageBox.Icon.Information,
                                           self.tr("Merge finished"), "\n".join(lines),
                                           parent=self)
                finished_box.setTextFormat(Qt.TextFormat.PlainText)
                finished_box.open()

        box.finished.connect(answered)
        box.open()

    # -- help and closing -----------------------------------------------------------
    def show_shortcuts(self) -> None:
        show_shortcuts(self)

    def show_about(self) -> None:
        show_about(self)

    def _update_title(self) -> None:
        project = self.session.project.path
        self.setWindowTitle(f"{project.name} — annotator")
        self.who.setText(self.tr("Annotator: %1").replace("%1", self.session.annotator))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True
        self.watch.stop()
        self.form.flush()
        if self._remember.isActive():
            self._remember_current()
        if self._worker is not None:
            self._worker.cancel()
            self._worker.wait()
        for worker in (getattr(self, "_merge_worker", None), self.backup_worker):
            if worker is not None:
                worker.wait()
        store = stored.settings()
        store.setValue("geometry", self.saveGeometry())
        store.sync()
        super().closeEvent(event)
