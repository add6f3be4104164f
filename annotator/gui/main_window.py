"""The annotation window: article list, reader and tag form side by side.

It wires the three views to one :class:`~annotator.core.session.Session`: choosing an
article shows it, and every edit (in the form, a status, an undo or a redo) is saved at
once by the session, whose change record goes out on :attr:`MainWindow.edited`: each view
refreshes only what the record concerns (the form its field's boxes, the list the
article's row and the progress, the reader the evidence marks).

The window holds the views and composes the parts that do the rest, each in its own module:
the menu bar (:mod:`~annotator.gui.window_menus`), switching project or annotator and the
backup on opening (:mod:`~annotator.gui.project_switch`), import and merge in the background
(:mod:`~annotator.gui.background_jobs`), the watch that notices writes by another window
or command (:mod:`~annotator.gui.change_watch`), after which the window shows what is there
now, and where the keyboard focus goes (:mod:`~annotator.gui.window_focus`): on the article,
so that the first key pressed codes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.review_session import ReviewChange, ReviewSession
from annotator.core.session import ArticleView, Edit, Session, UndoConflict
from annotator.core.store import Tag
from annotator.core.undo import Change
from annotator.gui import opening, window_geometry
from annotator.gui import settings as stored
from annotator.gui.article_list import ArticleListPanel
from annotator.gui.background_jobs import BackgroundJobs
from annotator.gui.change_watch import ChangeWatch
from annotator.gui.charts_view import ChartsView
from annotator.gui.project_switch import ProjectSwitcher
from annotator.gui.reader import Reader
from annotator.gui.registry_dialog import RegistryDialog
from annotator.gui.review_view import ReviewView
from annotator.gui.splitter import Splitter
from annotator.gui.tag_form import TagForm
from annotator.gui.texts import error_message
from annotator.gui.training_run import TrainingRun
from annotator.gui.window_focus import FocusKeeper
from annotator.gui.window_menus import build_menus
from annotator.gui.workers import ImportSummary

if TYPE_CHECKING:
    from annotator.gui.agreement_dialog import AgreementDialog
    from annotator.gui.score_dialog import ScoreDialog


def charts_height(window_height: int) -> int:
    """The charts dock's height when it first opens in a window ``window_height`` high:
    two fifths of it, at least 220 pixels (a chart's bars and labels), at most 420 (the
    reader and the form keep the rest)."""
    return min(max(round(window_height * 0.4), 220), 420)


def _spans(tags: tuple[Tag, ...]) -> set[tuple[int | None, int | None]]:
    return {(t.span_start, t.span_end) for t in tags if t.has_span}


class MainWindow(QMainWindow):
    """One project, one annotator."""

    merged = Signal()  # colleagues' work came in
    edited = Signal(object)  # the Edit record of every edit made in this window
    reviewed = Signal(object)  # the ReviewChange of every decision or comment undone or redone
    changedElsewhere = Signal()  # another window or command wrote; the views show it now

    def __init__(self, session: Session, language: str = "en",
                 font_family: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        self.current: str | None = None
        self._shown_once = False
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
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a form that grows past the window's height (a demand's participant menu,
        # more participants) must not narrow and lay out every box again.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._fit_form_width()
        self.splitter = Splitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
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
        self.focus = FocusKeeper(self, self)
        self.list_panel.searchLeft.connect(self.focus.to_article)
        # Through the window, so the form can be rebuilt without reconnecting the reader.
        self.reader.evidenceRequested.connect(
            lambda start, end, quote: self.form.attach_evidence(start, end, quote))
        self.form.jumpToEvidence.connect(self.reader.select_span)
        self.form.edited.connect(self.edited)
        self.form.doneAndNext.connect(self.done_and_next)
        self.form.skipRequested.connect(self.skip_and_next)
        self.form.registryRequested.connect(self.show_registry)
        self.edited.connect(self.list_panel.show_edit)
        self.edited.connect(self._show_edit)
        self.reviewed.connect(lambda _change: self.charts.refresh())
        self.reviewed.connect(lambda _change: self._update_undo())

        self.charts = ChartsView(session, language)
        self.charts_dock = QDockWidget(self.tr("Charts"), self)
        self.charts_dock.setObjectName("chartsDock")
        self.charts_dock.setWidget(self.charts)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.charts_dock)
        self.charts_dock.hide()
        self._charts_sized = False
        self.charts_dock.visibilityChanged.connect(self._size_charts_dock)

        self.watch = ChangeWatch(self, lambda: self.session)
        self.watch.changed.connect(self.refresh_from_elsewhere)
        self.jobs = BackgroundJobs(self, lambda: self.session, self.flush)
        self.jobs.imported.connect(self._imported)
        self.jobs.merged.connect(self._merged)
        self.projects = ProjectSwitcher(self, lambda: self.session, self.flush,
                                        self._use_session, self.watch, self.jobs)
        self.training = TrainingRun(self, self)
        menus = build_menus(self)
        self.undo_action, self.redo_action, self.review_action = (
            menus.undo, menus.redo, menus.review)
        self.coding_actions = menus.coding
        self.training.set_actions(menus.training, menus.answers)
        self._update_undo()
        self._update_title()
        saved, maximized = stored.window_geometry()
        window_geometry.place(self, saved, maximized)
        self._fit_splits()
        first = session.last_article()
        if first:
            self.open_article(first)
        self.focus.to_article()  # the first key pressed codes the article
        opening.show_project_notices(self, session.project)
        self.watch.start()
        self.projects.first_backup_later()

    def _fit_splits(self) -> None:
        """Share the window's width: the list wide enough for its titles, the form for its
        boxes, the reader the rest (on a 1024-pixel screen too)."""
        width = self.width()
        listed = min(max(round(width * 0.30), 260), 380)
        form = min(max(round(width * 0.30), self.form_scroll.minimumWidth()), 440)
        reader = width - 2 * self.splitter.handleWidth() - listed - form
        self.splitter.setSizes([listed, max(reader, 120), form])

    def _fit_form_width(self) -> None:
        """The form's column no narrower than its boxes (the longest category label
        beside its evidence button): a narrower one would cut them off on the right."""
        scroll = self.form_scroll
        scroll.setMinimumWidth(self.form.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width()
                               + 2 * scroll.frameWidth())

    def _size_charts_dock(self, visible: bool) -> None:
        """The first time the charts open: a good part of the window's height (docked,
        Qt would give them the few rows their chooser and an empty picture ask for)."""
        if visible and not self._charts_sized and not self.charts_dock.isFloating():
            self._charts_sized = True
            QTimer.singleShot(0, lambda: self.resizeDocks(
                [self.charts_dock], [charts_height(self.height())], Qt.Orientation.Vertical))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # The window manager's frame is known now (or soon): still inside the screen?
            QTimer.singleShot(0, lambda: window_geometry.keep_on_screen(self))

    # -- articles -------------------------------------------------------------------
    def open_article(self, article_id: str) -> None:
        """Show ``article_id``: text, highlights, my tags."""
        self.form.flush()
        try:
            view = self.session.view(article_id)
        except AnnotatorError as exc:
            self.statusBar().showMessage(error_message(exc, self.language), 6000)
            return
        self.current = article_id
        self.reader.show_article(view.article, view.mentions, self._evidence(view))
        self.form.show_article(view)
        self.list_panel.select(article_id)
        self._remember.start()
        self._update_title()
        self.training.article_shown(article_id)

    def _remember_current(self) -> None:
        self._remember.stop()
        if self.current is not None:
            try:
                self.session.remember(self.current)
            except Exception as exc:  # where to resume is a convenience, never an error
                self.statusBar().showMessage(error_message(exc, self.language), 6000)

    def _evidence(self, view: ArticleView) -> list[tuple[int, int, str]]:
        colour = "#f6c343"
        return [(t.span_start, t.span_end, colour) for t in view.tags
                if t.span_start is not None and t.span_end is not None]

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) article: in the list, or in the review queue."""
        if self.reviewing:
            assert self.review is not None
            self.review.step(direction)
            return
        if self.current is None:
            return
        target = self._neighbour(self.current, direction)
        if target:
            self.open_article(target)
        else:
            self.statusBar().showMessage(
                self.tr("This is the last article.") if direction > 0
                else self.tr("This is the first article."), 4000)

    def _neighbour(self, article_id: str, step: int, skip_done: bool = False) -> str | None:
        """The next or previous article: in the training set while training, else in all."""
        if self.training.active:
            return self.training.neighbour(article_id, step, skip_done)
        return self.session.neighbour(article_id, step, skip_done)

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
            self.statusBar().showMessage(error_message(exc, self.language), 10000)
            return
        target = (self._neighbour(self.current, 1, skip_done=True)
                  or self._neighbour(self.current, 1))
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
    # One history for tagging and review (the sessions share an UndoStack): undo takes
    # back the last change of either kind, in review mode too.
    def undo(self) -> None:
        self.form.flush()
        try:
            self._replay(self.session.undo(), self.tr("Undone: %1"))
        except UndoConflict as conflict:
            self._undo_conflict(conflict)

    def redo(self) -> None:
        try:
            self._replay(self.session.redo(), self.tr("Redone: %1"))
        except UndoConflict as conflict:
            self._undo_conflict(conflict)

    def _undo_conflict(self, conflict: UndoConflict) -> None:
        """The field or decision was changed elsewhere since: nothing was undone (the
        entry is dropped); show what is there now, and say so."""
        self.session.changed_elsewhere()
        self.refresh_from_elsewhere(announce=False)
        if isinstance(conflict.edit, Edit) and conflict.edit.article_id != self.current:
            self.open_article(conflict.edit.article_id)
        if isinstance(conflict.edit, ReviewChange) and self.review is not None:
            self.review.show_change(conflict.edit)
        text = (self.tr("Not undone: %1 was changed by another window or command since.")
                if conflict.undoing else
                self.tr("Not redone: %1 was changed by another window or command since."))
        self.statusBar().showMessage(
            text.replace("%1", self._edit_name(conflict.edit).strip()), 10000)

    def _replay(self, record: Change | None, done: str = "") -> None:
        if record is None:
            return
        if isinstance(record, ReviewChange):
            # A decision or comment: the review view (built on first need) listens, and
            # shows its article as it is now; so do the charts and the undo labels.
            self._review_view()
            self.reviewed.emit(record)
        elif isinstance(record, Edit):
            if record.article_id != self.current:
                self.open_article(record.article_id)  # shows it as it is now
            self._publish(record)
            if self.reviewing and self.review is not None:
                # The reviewer's own tags may be among those compared.
                self.review.refresh_from_elsewhere()
        if done:
            self.statusBar().showMessage(
                done.replace("%1", self._edit_name(record).strip()), 4000)

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self.session.can_undo)
        self.redo_action.setEnabled(self.session.can_redo)
        self.undo_action.setText(self.tr("&Undo") + self._edit_name(self.session.next_undo()))
        self.redo_action.setText(self.tr("&Redo") + self._edit_name(self.session.next_redo()))

    def _edit_name(self, edit: Change | None) -> str:
        """What a change concerned, in the interface language: the field (the fields of a
        decision), the status, or a comment."""
        if edit is None:
            return ""
        codebook = self.session.codebook
        if isinstance(edit, ReviewChange):
            if edit.comment is not None:
                return " " + self.tr("comment")
            labels = [codebook.field(f).text(self.language) for f in edit.fields
                      if codebook.has_field(f)]
            return " " + self.tr("decision on %1").replace("%1", ", ".join(labels))
        if isinstance(edit, Edit) and edit.field and codebook.has_field(edit.field):
            return " " + codebook.field(edit.field).text(self.language)
        return " " + self.tr("status")

    # -- sessions ---------------------------------------------------------------------
    def flush(self) -> None:
        """Save what waits to be saved (a note being typed), now."""
        self.form.flush()

    def _use_session(self, session: Session) -> None:
        """Work with ``session`` (another project or annotator): rebuild the views."""
        self.training.leave()
        self.session = session
        state = self.splitter.saveState()
        self.list_panel.setParent(None)
        self.list_panel.deleteLater()
        self.list_panel = ArticleListPanel(self.session)
        self._new_form()
        self.splitter.insertWidget(0, self.list_panel)
        self.splitter.restoreState(state)
        self.list_panel.articleChosen.connect(self.open_article)
        self.list_panel.searchLeft.connect(self.focus.to_article)
        self.edited.connect(self.list_panel.show_edit)
        self.charts.set_session(self.session)
        old_review = self.review
        if old_review is not None:
            reviewing = self.stack.currentWidget() is old_review
            self.reviewed.disconnect(old_review.show_change)
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
        self.focus.to_article()

    def _new_form(self) -> None:
        """A tag form built from the session's codebook, in place of the old one."""
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.form.isAncestorOf(focus)
        self.form.setParent(None)
        self.form.deleteLater()
        self.form = TagForm(self.session, self.language)
        self.form_scroll.setWidget(self.form)
        self._fit_form_width()
        self.form.jumpToEvidence.connect(self.reader.select_span)
        self.form.edited.connect(self.edited)
        self.form.doneAndNext.connect(self.done_and_next)
        self.form.skipRequested.connect(self.skip_and_next)
        self.form.registryRequested.connect(self.show_registry)
        if had_focus:
            self.focus.to_article()

    # -- focus (FocusHost) --------------------------------------------------------------
    def coding_page(self) -> QWidget:
        return self.splitter

    def coding_parts(self) -> tuple[QWidget, ...]:
        return (self.reader, self.form_scroll)

    def article_text(self) -> QWidget:
        return self.reader.browser

    def _update_title(self) -> None:
        project = self.session.project.path
        self.setWindowTitle(f"{project.name} — annotator")
        self.who.setText(self.tr("Annotator: %1").replace("%1", self.session.annotator))

    # -- writes by others -------------------------------------------------------------
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
                self.statusBar().showMessage(error_message(exc, self.language), 6000)
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
        if announce and not self.jobs.busy:
            self.statusBar().showMessage(
                self.tr("The project was changed by another window or command; refreshed."),
                8000)
        self.changedElsewhere.emit()

    def _imported(self, summary: ImportSummary) -> None:
        """Articles came in from the window's own import: list them (no notice)."""
        self.list_panel.model.reload()
        self.list_panel.update_progress()
        if self.current is None and not summary.error:
            first = self.session.last_article()
            if first:
                self.open_article(first)

    def _merged(self) -> None:
        """A merge or sync from this window ended: show what came in (no notice)."""
        self.list_panel.offer_queue()  # a sync may have brought this annotator's queue
        self.list_panel.model.reload()
        self.list_panel.update_progress()
        if self.current:
            self.open_article(self.current)
        if self.review is not None:
            self.review.refresh()
        self.merged.emit()

    # -- review, agreement, export, search ----------------------------------------
    def export_dialog(self) -> None:
        from annotator.gui.export_dialog import show_export_dialog

        self.form.flush()
        show_export_dialog(self, self.session)

    def _review_view(self) -> ReviewView:
        if self.review is None:
            review = ReviewSession(self.session.project, self.session.annotator,
                                   self.session.undo_stack)
            self.review = ReviewView(review, self.language, self.reader_font)
            self.review.adjudicated.connect(lambda _change: self.charts.refresh())
            self.review.changed.connect(lambda _change: self._update_undo())
            self.reviewed.connect(self.review.show_change)
            self.stack.addWidget(self.review)
        return self.review

    @property
    def reviewing(self) -> bool:
        """Whether review mode is shown (else coding)."""
        return self.review is not None and self.stack.currentWidget() is self.review

    def toggle_review(self) -> None:
        """Switch between annotating (blind) and reviewing colleagues' tags.

        The commands on the article being coded (find, done, skip) are off while
        reviewing: their keys would act on an article not shown, and Ctrl+Enter adds a
        comment there.  Undo and redo stay: decisions share the history with tagging."""
        reviewing = self.reviewing
        if not reviewing:
            self.form.flush()
            review = self._review_view()
            review.refresh()
            self.stack.setCurrentWidget(review)
            review.queue.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.stack.setCurrentWidget(self.splitter)
            if self.current:
                self.open_article(self.current)
            self.focus.to_article()
        for action in self.coding_actions:
            action.setEnabled(reviewing)
        self._update_undo()
        self.review_action.setChecked(not reviewing)
        self.charts.set_blind(reviewing)  # colleagues' figures only while reviewing

    def show_agreement(self) -> AgreementDialog:
        # Imported on first use, as the analysis it shows: not part of the window's start.
        from annotator.gui.agreement_dialog import AgreementDialog

        dialog = AgreementDialog(self.session, self.language, self)
        dialog.open()
        return dialog

    def show_registry(self, participant_id: str | None = None) -> RegistryDialog:
        """Edit > Participants registry: correct, merge, retire and restore entries."""
        dialog = RegistryDialog(self.session, self.language, participant_id, self)
        dialog.changed.connect(self.registry_changed)
        dialog.open()
        return dialog

    def registry_changed(self) -> None:
        """The registry changed here (names, retirements, tags re-pointed): show it."""
        self.session.project.reset_caches()
        self.form.refresh()
        self.refresh_from_elsewhere(announce=False)

    def show_score(self) -> ScoreDialog:
        """The training set to code and this annotator's score (View > Training and score)."""
        from annotator.gui.score_dialog import ScoreDialog  # as the agreement: on first use

        dialog = ScoreDialog(self.session, self.language, self.open_article, self,
                             self.training.start)
        dialog.open()
        return dialog

    def focus_search(self) -> None:
        """Ctrl+F: the search box (the only way to it by keyboard; Esc leaves it)."""
        self.list_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_panel.search.selectAll()

    def zoom(self, delta: int) -> None:
        """Zoom the article shown: the coding page's, or the review's."""
        reader = self.review.reader if self.reviewing and self.review else self.reader
        reader.zoom(delta)

    # -- closing ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.watch.stop()
        self.form.flush()
        if self._remember.isActive():
            self._remember_current()
        self.jobs.wait(cancel=True)
        self.projects.wait()
        stored.set_window_geometry(*window_geometry.geometry_to_save(self))
        super().closeEvent(event)
