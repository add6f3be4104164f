"""Inter-annotator agreement in the window: the figures table, pairwise table and chart.

The numbers come from :mod:`annotator.core.analysis.agreement`, the same as ``annotator
agreement``; the chart is the charts module's ``agreement`` kind.  Fields, categories,
levels, "n/a" and the notes are worded by :class:`annotator.core.labels.Labels`, the same
words as the report's; the dialog's own words come from Qt Linguist.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.analysis import agreement
from annotator.core.errors import AnnotatorError
from annotator.core.labels import Labels
from annotator.core.session import Session
from annotator.gui.texts import error_message

_LRI, _PDI = "\u2066", "\u2069"


def _number(text: str) -> str:
    """Numbers keep their sign and order inside a right-to-left table."""
    return _LRI + text + _PDI


def _figures(labels: Labels) -> tuple[Callable[[float], str], Callable[[float], str],
                                      Callable[[object], str]]:
    """How the tables write an alpha, a percentage and a count in the labels' language:
    Persian and Arabic with their own digits and minus sign (a negative alpha reads
    ``−۰٫۵۰۰`` in Persian, not ``۰٫۵۰۰-``), English as plain numbers kept left to right."""
    if labels.language == "en":
        return (lambda value: _number(f"{value:.3f}"),
                lambda value: _number(f"{value:.1f} %"), str)
    return (lambda value: labels.alpha(value), lambda value: labels.number(f"{value:.1f}%"),
            labels.number)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if 3 <= c <= 6:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AgreementDialog(QDialog):
    """Krippendorff's alpha per field and category, pairwise agreement, and the chart."""

    def __init__(self, session: Session, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inter-annotator agreement"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        try:
            result = agreement.report(session.project)
        except AnnotatorError as exc:
            problem = QLabel(error_message(exc, language))  # names data: plain text
            problem.setTextFormat(Qt.TextFormat.PlainText)
            layout.insertWidget(0, problem)
            result = None
        # Labels, "n/a" and the notes come from the core's catalogue, as in the report.
        labels = Labels(session.codebook, session.participants(), language)

        def category_label(field_id: str, value: str | None) -> str:
            if not value:
                return ""
            return labels.value(field_id, value) or labels.participant_text(value)

        if result is not None:
            alpha, percent, count = _figures(labels)
            rows = []
            for figure in result.figures:
                rows.append([
                    labels.field(figure.field) + (" *" if figure.primary else ""),
                    category_label(figure.field, figure.category),
                    labels.level(figure.level),
                    (labels.not_applicable if figure.alpha is None else alpha(figure.alpha)),
                    count(figure.n_units), count(figure.n_annotators), count(figure.n_values),
                    labels.note(figure.note),
                ])
            self.figures = _table(
                [self.tr("Field"), self.tr("Category"), self.tr("Level"), self.tr("Alpha"),
                 self.tr("Articles"), self.tr("Annotators"), self.tr("Values"), self.tr("Note")],
                rows)
            self.tabs.addTab(self.figures, self.tr("Krippendorff's alpha"))
            pairs = [[labels.field(p.field), p.annotator_a, p.annotator_b,
                      (labels.not_applicable if p.agreement is None
                       else percent(100 * p.agreement)),
                      count(p.n_units)] for p in result.pairs]
            self.pairs = _table([self.tr("Field"), self.tr("Annotator"), self.tr("Annotator"),
                                 self.tr("Agreement"), self.tr("Shared articles")], pairs)
            self.tabs.addTab(self.pairs, self.tr("Pairwise"))
        chart = QLabel()
        chart.setTextFormat(Qt.TextFormat.PlainText)
        chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        try:
            from annotator.core.outputs.charts import chart_png, make_chart

            pixmap = QPixmap()
            pixmap.loadFromData(chart_png(make_chart(session.project, "agreement", language),
                                          dpi=90))
            chart.setPixmap(pixmap)
        except AnnotatorError as exc:
            chart.setText(error_message(exc, language))
        self.tabs.addTab(chart, self.tr("Chart"))
        # The footnote's translations keep "n/a" as written; it becomes the word the cells
        # show, so that a Persian footnote explains the Persian cells.
        note = QLabel(self.tr("* the field's main figure. n/a: alpha is undefined (the note "
                              "says why).").replace("n/a", labels.not_applicable))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
