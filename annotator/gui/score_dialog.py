"""Training in the window: the training set to code, and the annotator's score at the end.

The training set's articles are listed with the annotator's status (double-click one to code
it, or Start training for the window's training run); below, the score of
:func:`annotator.core.analysis.score.score` for the session's annotator, the same figures as
``annotator score``: per field the level, alpha with the adjudicated values, passed or not,
and how many articles were coded; and whether the annotator is certified. Refresh recomputes
after coding. Fields, levels, statuses, numbers and the core's messages are worded by
:class:`annotator.core.labels.Labels` and the core's catalogue; the dialog's own words come
from Qt Linguist.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.analysis.score import Score, score
from annotator.core.errors import AnnotatorError
from annotator.core.labels import Labels
from annotator.core.session import Session
from annotator.gui.plain_table import fill_table, plain_table
from annotator.gui.texts import error_message


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = plain_table(headers)
    fill_table(table, rows)
    return table


class ScoreDialog(QDialog):
    """The training set and the session's annotator's score against the adjudication."""

    def __init__(self, session: Session, language: str = "en",
                 open_article: Callable[[str], object] | None = None,
                 parent: QWidget | None = None,
                 start_training: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.session, self.language, self.open_article = session, language, open_article
        self.labels = Labels(session.codebook, session.participants(), language)
        self.setWindowTitle(self.tr("Training and score"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.articles = _table([self.tr("Article"), self.tr("Title"), self.tr("Status")], [])
        self.articles.cellDoubleClicked.connect(self._open)
        layout.addWidget(self.articles, 1)
        self.fields = _table([self.tr("Field"), self.tr("Level"), self.tr("Alpha"),
                              self.tr("Result"), self.tr("Coded")], [])
        layout.addWidget(self.fields, 1)
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        if start_training is not None:  # the window's training run (Go > Start training)
            self.training_button = QPushButton(self.tr("Start &training"))
            buttons.addButton(self.training_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.training_button.clicked.connect(lambda: (self.accept(), start_training()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _number(self, value: object) -> str:
        return str(value) if self.language == "en" else self.labels.number(value)

    def _alpha(self, value: float | None) -> str:
        if value is None:
            return self.labels.not_applicable
        return f"{value:.3f}" if self.language == "en" else self.labels.alpha(value)

    def refresh(self) -> None:
        """Read the training set and compute the score again."""
        project, annotator = self.session.project, self.session.annotator
        training = project.training.articles()
        self.intro.setText(self.tr("Training set: %1 articles. Double-click one to code it; "
                                   "the score against the adjudicated values is below.")
                           .replace("%1", self._number(len(training))))
        self.articles.setRowCount(len(training))
        for row, article_id in enumerate(training):
            title = project.articles.get(article_id).title
            status = self.labels.status(project.statuses.get(article_id, annotator))
            for column, text in enumerate((article_id, title, status)):
                self.articles.setItem(row, column, QTableWidgetItem(text))
        try:
            result: Score | None = score(project, annotator)
        except AnnotatorError as exc:
            result = None
            self.verdict.setText(error_message(exc, self.language))
        self.fields.setRowCount(0 if result is None else len(result.fields))
        if result is None:
            return
        for row, item in enumerate(result.fields):
            primary = item.primary
            outcome = (self.tr("not judged: no adjudicated value") if item.passed is None
                       else self.tr("passed") if item.passed else self.tr("not passed"))
            cells = [self.labels.field(item.field),
                     self.labels.level(primary.level) if primary else "",
                     self._alpha(primary.alpha if primary else None), outcome,
                     self.tr("%1 of %2").replace("%1", self._number(item.n_coded))
                     .replace("%2", self._number(item.n_articles))]
            for column, text in enumerate(cells):
                self.fields.setItem(row, column, QTableWidgetItem(text))
        minimum = self._alpha(result.minimum)
        self.verdict.setText(
            (self.tr("Certified: every field reaches %1.") if result.certified else
             self.tr("Not certified yet: every field must reach %1.")).replace("%1", minimum))

    def _open(self, row: int, _column: int) -> None:
        item = self.articles.item(row, 0)
        if item is not None and self.open_article is not None:
            self.open_article(item.text())
