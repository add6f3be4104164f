"""Inter-annotator agreement in the window: the figures table, pairwise table and chart.

The numbers come from :mod:`annotator.core.analysis.agreement`, the same as ``annotator
agreement``; the chart is the charts module's ``agreement`` kind.  Fields, categories,
levels, "n/a" and the notes are worded by :class:`annotator.core.labels.Labels`, the same
words as the report's; the dialog's own words come from Qt Linguist.  Every table names
the codebook revision of its figures (agreement is comparable within one revision only),
the caveats about articles coded under two revisions sit under the tables, and the
matrix tab shows one revision's matrix at a time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
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
from annotator.core.analysis.matrix import FieldMatrix, field_matrices, tidy
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import translate
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


SAMPLES = 1000
SEED = 1
"""The window's intervals are those of ``annotator agreement --bootstrap 1000 --seed 1``."""


def _table(headers: list[str], rows: list[list[str]],
           numbers: range = range(4, 8)) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in numbers:
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
        # numpy comes with the bootstrap: imported here, not at the window's start.
        from annotator.core.analysis.bootstrap import Bootstrap

        try:
            result = agreement.report(session.project,
                                      bootstrap=Bootstrap(SAMPLES, SEED))
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
                interval = figure.interval
                bounded = interval is not None and interval.low is not None
                rows.append([
                    labels.number(figure.revision),
                    labels.field(figure.field) + (" *" if figure.primary else ""),
                    category_label(figure.field, figure.category),
                    labels.level(figure.level),
                    (labels.not_applicable if figure.alpha is None else alpha(figure.alpha)),
                    (labels.interval(interval.low, interval.high)
                     if bounded and interval else ""),
                    (alpha(interval.below_tentative) if bounded and interval else ""),
                    (alpha(interval.below_reliable) if bounded and interval else ""),
                    count(figure.n_units), count(figure.n_annotators), count(figure.n_values),
                    labels.note(figure.note),
                ])
            self.figures = _table(
                [self.tr("Revision"), self.tr("Field"), self.tr("Category"), self.tr("Level"),
                 self.tr("Alpha"), self.tr("95% interval"), self.tr("q < 0.667"),
                 self.tr("q < 0.800"), self.tr("Articles"), self.tr("Annotators"),
                 self.tr("Values"), self.tr("Note")],
                rows, range(4, 11))
            self.tabs.addTab(self.figures, self.tr("Krippendorff's alpha"))
            pairs = [[labels.number(p.revision), labels.field(p.field), p.annotator_a,
                      p.annotator_b,
                      (labels.not_applicable if p.agreement is None
                       else percent(100 * p.agreement)),
                      count(p.n_units)] for p in result.pairs]
            self.pairs = _table([self.tr("Revision"), self.tr("Field"), self.tr("Annotator"),
                                 self.tr("Annotator"), self.tr("Agreement"),
                                 self.tr("Shared articles")], pairs)
            self.tabs.addTab(self.pairs, self.tr("Pairwise"))
            self.matrix_tab = _MatrixView(session, labels, self)
            self.tabs.addTab(self.matrix_tab, self.tr("Coincidence matrix"))
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
                              "says why).").replace("n/a", labels.not_applicable)
                      + " " + self.tr("95% interval and q (the share of resampled alphas "
                                      "below 0.667 and 0.800): %1 resamples of the articles, "
                                      "seed %2.")
                      .replace("%1", labels.number(SAMPLES)).replace("%2", labels.number(SEED)))
        note.setWordWrap(True)
        layout.addWidget(note)
        # The caveats name fields and categories (data): plain text.
        caveats = [translate(message, language) for caveat in
                   (result.caveats if result is not None else [])
                   for message in caveat.messages(labels.field(caveat.field), [
                       category_label(caveat.field, c) for c in caveat.left_out])]
        self.caveats = QLabel("\n".join(caveats))
        self.caveats.setTextFormat(Qt.TextFormat.PlainText)
        self.caveats.setWordWrap(True)
        self.caveats.setVisible(bool(caveats))
        layout.addWidget(self.caveats)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class _MatrixView(QWidget):
    """A field's coincidence matrix as a heat-map table, and the pairs that disagree most."""

    def __init__(self, session: Session, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.labels = session, labels
        layout = QVBoxLayout(self)
        self.fields = QComboBox()
        for spec in session.codebook.fields:
            if spec.type != "text":
                self.fields.addItem(labels.field(spec.id), spec.id)
        layout.addWidget(self.fields)
        # One revision's matrix at a time: the field's revisions with tags, newest chosen.
        self.revisions = QComboBox()
        layout.addWidget(self.revisions)
        self._matrices: list[FieldMatrix] = []
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.most = QLabel()
        self.most.setTextFormat(Qt.TextFormat.PlainText)
        self.most.setWordWrap(True)
        layout.addWidget(self.most)
        self.fields.currentIndexChanged.connect(self.show_field)
        self.revisions.currentIndexChanged.connect(self.show_matrix)
        self.show_field()

    def _value(self, field_id: str, name: str) -> str:
        labels = self.labels
        return "+".join(labels.value(field_id, part) or labels.participant_text(part) or part
                        for part in name.split("+"))

    def _count(self, value: float) -> str:
        whole = tidy(value)
        text = str(whole) if isinstance(whole, int) else f"{whole:.2f}"
        return text if self.labels.language == "en" else self.labels.number(text)

    def show_field(self) -> None:
        field_id = self.fields.currentData()
        if field_id is None:
            return
        try:
            self._matrices = field_matrices(self.session.project, field_id)
        except AnnotatorError as exc:
            self._matrices = []
            self.most.setText(error_message(exc, self.labels.language))
        self.revisions.blockSignals(True)
        self.revisions.clear()
        for matrix in self._matrices:
            self.revisions.addItem(self.tr("Codebook revision %1").replace(
                "%1", self.labels.number(matrix.revision)), matrix.revision)
        with_values = [i for i, m in enumerate(self._matrices) if m.values]
        self.revisions.setCurrentIndex(with_values[-1] if with_values else
                                       len(self._matrices) - 1)
        self.revisions.blockSignals(False)
        self.show_matrix()

    def show_matrix(self) -> None:
        field_id = self.fields.currentData()
        index = self.revisions.currentIndex()
        result = self._matrices[index] if 0 <= index < len(self._matrices) else None
        values = result.values if result is not None else []
        names = [self._value(field_id, value) for value in values]
        self.table.clear()
        self.table.setRowCount(len(values))
        self.table.setColumnCount(len(values))
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels(names)
        if result is None:
            return
        largest = max((result.count(a, b) for a in values for b in values), default=0.0) or 1.0
        for r, row in enumerate(values):
            for c, column in enumerate(values):
                count = result.count(row, column)
                item = QTableWidgetItem(self._count(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                # Agreement in blue on the diagonal, disagreement in red off it.
                strength = int(200 * count / largest)
                colour = (QColor(255 - strength, 255 - strength // 2, 255) if r == c
                          else QColor(255, 255 - strength, 255 - strength))
                item.setBackground(QBrush(colour))
                item.setForeground(QBrush(QColor("black")))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        if not values:
            self.most.setText(self.tr("No article was coded by two or more annotators in this "
                                      "field."))
            return
        pairs = [f"{self._value(field_id, d.first)} / {self._value(field_id, d.second)}: "
                 f"{self.labels.number(f'{100 * d.share:.1f}%')}"
                 for d in result.disagreements[:5]]
        self.most.setText(self.tr("Where the annotators disagree most: %1")
                          .replace("%1", self.labels.joined(pairs) if pairs else "-"))
