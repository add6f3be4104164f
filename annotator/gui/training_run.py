"""A training run: the window takes a new annotator through the training set, then scores them.

Go > Start training keeps the article list to the training set (in list order), opens its
first article not yet done, and shows a line above the list: "Training: article 3 of 12, 2
done".  Next, previous, done-and-next and skip-and-next move within the training set.
While training, what would show the answers is off: review mode (the adjudicated values),
the agreement view, the training and score dialog and export (its adjudicated tags).  When
every training article is done or skipped, the run ends: the list and the menus are as
before, and :class:`~annotator.gui.training_result.TrainingResultDialog` shows the score;
closing it returns to normal coding.  Go > End training leaves earlier; starting again goes
on where the annotator left off (their tags and statuses are kept, as always).

The run needs the adjudicated values of the training set (the answers); without them it
does not start and says what to do.  It talks to the session only; the score is
:func:`annotator.core.analysis.score.score`, as ``annotator score`` computes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from annotator.core.session import HANDLED, Edit, Session
from annotator.core.store import TRAINING, ArticleSummary
from annotator.gui.article_list import ArticleListPanel
from annotator.gui.texts import message_text, number_text
from annotator.gui.window_focus import FocusKeeper

if TYPE_CHECKING:
    from annotator.gui.training_result import TrainingResultDialog


class TrainingHost(Protocol):
    """What a training run needs of the window."""

    session: Session
    list_panel: ArticleListPanel
    language: str
    current: str | None
    edited: Signal
    focus: FocusKeeper

    def open_article(self, article_id: str) -> None: ...
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def flush(self) -> None: ...
    @property
    def reviewing(self) -> bool: ...
    def toggle_review(self) -> None: ...


class TrainingRun(QObject):
    """The window's training run (at most one at a time)."""

    finished = Signal(object)  # the TrainingResultDialog shown at the end

    def __init__(self, window: TrainingHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.active = False
        self.toggle_action: QAction | None = None  # Go > Start training / End training
        self.answer_actions: tuple[QAction, ...] = ()  # off while training
        self._articles: list[ArticleSummary] = []
        self._filter: object = None  # the list's filter before the run
        self.line = QLabel()
        self.line.setObjectName("trainingLine")
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self.line.setWordWrap(True)
        self.line.setContentsMargins(6, 4, 6, 4)
        self.line.setStyleSheet("QLabel#trainingLine { background: #fff4c2; color: #3a2e00; "
                                "font-weight: bold; }")
        self.line.hide()
        window.edited.connect(self._edited)

    def set_actions(self, toggle: QAction, answers: tuple[QAction, ...]) -> None:
        self.toggle_action, self.answer_actions = toggle, answers
        self._name_toggle()

    # -- starting and ending ----------------------------------------------------------
    def toggle(self) -> None:
        if self.active:
            self.end()
        else:
            self.start()

    def start(self) -> bool:
        """Take this annotator through the training set; False (and why) if it cannot."""
        window = self.window
        session = window.session
        training = session.project.training.articles()
        answered = {tag.article_id for tag in session.project.review.adjudicated_tags()}
        problem = ""
        if not training:
            problem = self.tr("There is no training set yet. The lead marks it: annotator "
                              "training add ARTICLE…, and adjudicates its articles in review.")
        elif not answered & set(training):
            problem = self.tr("The training set has no adjudicated values yet, so there is "
                              "nothing to score against: the lead decides its articles in "
                              "review first.")
        if problem:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Training"),
                              message_text(problem), parent=window.list_panel.window())
            box.setObjectName("trainingRefused")
            box.open()
            return False
        window.flush()
        if window.reviewing:  # the adjudicated values are shown there
            window.toggle_review()
        self.active = True
        panel = window.list_panel
        self._filter = panel.filter.currentData()
        panel.show_scope(TRAINING)
        panel.filter.setEnabled(False)
        panel.layout().insertWidget(0, self.line)
        self.line.show()
        for action in self.answer_actions:
            action.setEnabled(False)
        self._name_toggle()
        self._read()
        first = next((a.article_id for a in self._articles if a.status not in HANDLED),
                     self._articles[0].article_id if self._articles else None)
        if first:
            window.open_article(first)
        self._show_line()
        window.focus.to_article()
        return True

    def end(self, show_score: bool = False) -> TrainingResultDialog | None:
        """Back to normal coding: the list's filter and the menus as before the run; with
        ``show_score``, the score dialog on top."""
        if not self.active:
            return None
        self.active = False
        window = self.window
        panel = window.list_panel
        self.line.hide()
        self.line.setParent(None)  # out of the list's layout; kept for the next run
        panel.filter.setEnabled(True)
        index = panel.filter.findData(self._filter)
        panel.filter.setCurrentIndex(max(index, 0))
        if window.current:
            panel.select(window.current)
        for action in self.answer_actions:
            action.setEnabled(True)
        self._name_toggle()
        if not show_score:
            done = sum(a.status in HANDLED for a in self._articles)
            window.statusBar().showMessage(
                self.tr("Training left with %1 of %2 articles done; Go > Start training goes "
                        "on from there.").replace("%1", number_text(done))
                .replace("%2", number_text(len(self._articles))), 8000)
            window.focus.to_article()
            return None
        from annotator.gui.training_result import TrainingResultDialog  # the score: on use

        dialog = TrainingResultDialog(window.session, window.language, window.list_panel.window())
        dialog.finished.connect(lambda _result: window.focus.to_article())
        dialog.open()
        self.finished.emit(dialog)
        return dialog

    def leave(self) -> None:
        """The window changes project or annotator: end without a word."""
        if self.active:
            self.active = False
            self.line.hide()
            self.line.setParent(None)  # the list it was in goes with the old session
            for action in self.answer_actions:
                action.setEnabled(True)
            self._name_toggle()

    # -- moving within the training set ---------------------------------------------------
    def neighbour(self, article_id: str, step: int, skip_done: bool = False) -> str | None:
        """The next (``step`` 1) or previous (-1) training article, in list order."""
        ids = [a.article_id for a in self._articles]
        if article_id not in ids:
            return ids[0] if ids and step > 0 else None
        position = ids.index(article_id)
        while 0 <= position + step < len(ids):
            position += step
            if not skip_done or self._articles[position].status not in HANDLED:
                return ids[position]
        return None

    def article_shown(self, _article_id: str) -> None:
        if self.active:
            self._show_line()

    # -- internals ----------------------------------------------------------------------
    def _read(self) -> None:
        session = self.window.session
        count = session.count(TRAINING)
        self._articles = session.page(0, count, TRAINING) if count else []

    def _edited(self, edit: Edit) -> None:
        if not self.active or not edit.status_changed:
            return
        if edit.article_id not in {a.article_id for a in self._articles}:
            return
        self._read()
        self._show_line()
        if self._articles and all(a.status in HANDLED for a in self._articles):
            self.end(show_score=True)

    def _show_line(self) -> None:
        ids = [a.article_id for a in self._articles]
        current = self.window.current
        done = sum(a.status in HANDLED for a in self._articles)
        if current in ids:
            text = self.tr("Training: article %1 of %2, %3 done").replace(
                "%1", number_text(ids.index(current) + 1))
        else:
            text = self.tr("Training: %2 articles, %3 done")
        self.line.setText(text.replace("%2", number_text(len(ids)))
                          .replace("%3", number_text(done)))

    def _name_toggle(self) -> None:
        if self.toggle_action is not None:
            self.toggle_action.setText(self.tr("End &training") if self.active
                                       else self.tr("Start &training"))
