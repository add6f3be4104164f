"""The end of a training run: the annotator's score per field, the minimum, and where they
went wrong.

Shown when the last article of the training set is done (:mod:`annotator.gui.training_run`):
per field the level, alpha with the adjudicated values, the minimum it must reach (the
codebook's ``certification_minimum``, else Krippendorff's 0.800; the line above says
which), passed or not and how many articles were coded, as ``annotator score`` gives them;
below, the per-value confusion (for a single-choice field, which values the annotator
chose where the adjudication says each value; for a multiple-choice or participants field,
per category: chosen by both, only in the adjudication, only by the annotator); and
whether the annotator is certified.  Fields, levels, values, numbers and the core's
messages are worded by :class:`annotator.core.labels.Labels` and the core's catalogue;
the dialog's own words come from Qt Linguist.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.core.analysis.score import FieldScore, Score, score
from annotator.core.errors import AnnotatorError
from annotator.core.labels import Labels
from annotator.core.session import Session
from annotator.gui.plain_table import fill_table, plain_table
from annotator.gui.texts import error_message, isolate

_SET_COUNTS = ("both", "adjudicated only", "annotator only")


class TrainingResultDialog(QDialog):
    """The score of ``session``'s annotator on the training set, at the end of training."""

    def __init__(self, session: Session, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingResult")
        self.language = language
        self.codebook = session.codebook
        self.labels = Labels(self.codebook, session.participants(), language)
        self.setWindowTitle(self.tr("Training finished"))
        self.resize(760, 560)  # fits a 1024 x 600 screen
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)
        self.fields = plain_table([self.tr("Field"), self.tr("Level"), self.tr("Alpha"),
                                   self.tr("Minimum"), self.tr("Result"), self.tr("Coded")])
        self.fields.setObjectName("trainingFields")
        layout.addWidget(self.fields, 2)
        heading = QLabel(self.tr("Your values for each adjudicated value:"))
        layout.addWidget(heading)
        self.confusion = plain_table([self.tr("Field"), self.tr("Adjudicated value"),
                                      self.tr("Your values")])
        self.confusion.setObjectName("trainingConfusion")
        layout.addWidget(self.confusion, 3)
        self.verdict = QLabel()
        self.verdict.setObjectName("trainingVerdict")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout.addWidget(buttons)
        try:
            self.score_result: Score | None = score(session.project, session.annotator)
        except AnnotatorError as exc:  # nothing coded, or no answers to score against
            self.score_result = None
            self.intro.setText(error_message(exc, language))
            return
        self._show(self.score_result, session.codebook.certification_minimum is not None)

    def _number(self, value: object) -> str:
        return str(value) if self.language == "en" else self.labels.number(value)

    def _alpha(self, value: float | None) -> str:
        if value is None:
            return self.labels.not_applicable
        return f"{value:.3f}" if self.language == "en" else self.labels.alpha(value)

    def _show(self, result: Score, from_codebook: bool) -> None:
        minimum = self._alpha(result.minimum)
        self.intro.setText(
            (self.tr("Your score against the adjudicated values on %1 training articles. "
                     "Each field must reach alpha %2, the codebook's certification threshold.")
             if from_codebook else
             self.tr("Your score against the adjudicated values on %1 training articles. "
                     "Each field must reach alpha %2 (the codebook sets no threshold: "
                     "Krippendorff's customary minimum)."))
            .replace("%1", self._number(len(result.articles))).replace("%2", minimum))
        rows = []
        for item in result.fields:
            primary = item.primary
            outcome = (self.tr("not judged: no adjudicated value") if item.passed is None
                       else self.tr("passed") if item.passed else self.tr("not passed"))
            rows.append([self.labels.field(item.field),
                         self.labels.level(primary.level) if primary else "",
                         self._alpha(primary.alpha if primary else None), minimum, outcome,
                         self.tr("%1 of %2").replace("%1", self._number(item.n_coded))
                         .replace("%2", self._number(item.n_articles))])
        fill_table(self.fields, rows)
        confusion = [pair for item in result.fields for pair in self._confusion(item)]
        fill_table(self.confusion, [row for row, _differs in confusion])
        for number, (_row, differs) in enumerate(confusion):
            for column in range(self.confusion.columnCount()) if differs else ():
                cell = self.confusion.item(number, column)
                font = cell.font()
                font.setBold(True)  # where the annotator's values are not the answer
                cell.setFont(font)
        self.verdict.setText(
            self.tr("Certified: every field reaches the minimum.") if result.certified else
            self.tr("Not certified yet: a field is below the minimum or its alpha is "
                    "undefined. Go over the articles again, or ask the lead."))

    def _value(self, field_id: str, value_id: str) -> str:
        return (self.labels.value(field_id, value_id) or self.labels.participant_text(value_id)
                or value_id)

    def _confusion(self, item: FieldScore) -> list[tuple[list[str], bool]]:
        """One row per adjudicated value (per category for a set field), and whether the
        annotator chose otherwise there."""
        field = self.labels.field(item.field)
        rows = []
        # In the codebook's order of the values (participants, not in it, by id after them).
        order = ({c.id: n for n, c in enumerate(self.codebook.field(item.field).categories)}
                 if self.codebook.has_field(item.field) else {})
        for answer, chosen in sorted(item.confusion.items(),
                                     key=lambda pair: (order.get(pair[0], len(order)), pair[0])):
            if set(chosen) <= set(_SET_COUNTS):
                text = (self.tr("both %1, only adjudicated %2, only yours %3")
                        .replace("%1", self._number(chosen.get("both", 0)))
                        .replace("%2", self._number(chosen.get("adjudicated only", 0)))
                        .replace("%3", self._number(chosen.get("annotator only", 0))))
                differs = bool(chosen.get("adjudicated only") or chosen.get("annotator only"))
            else:
                text = self.labels.joined(
                    self.tr("%1: %2").replace("%1", isolate(self._value(item.field, mine)))
                    .replace("%2", self._number(count)) for mine, count in sorted(
                        chosen.items(), key=lambda pair: (order.get(pair[0], len(order)),
                                                          pair[0])))
                differs = any(mine != answer for mine in chosen)
            rows.append(([field, self._value(item.field, answer), text], differs))
        return rows
