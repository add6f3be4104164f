"""File > Draw and assign a sample: the lead's sample picker.

The lead draws a named sample (size, seed, stratified by outlet, month or language, from
every article or only those the list's current search finds) and shares it among
annotators with an overlap everyone codes, through the same core calls as ``annotator
sample`` and ``annotator assign`` (:meth:`~annotator.core.session.Session.draw_sample`,
:meth:`~annotator.core.session.Session.assign_sample`): the same seed draws the same
articles in the window and on the command line.  The table lists the project's samples;
"Show in the list" keeps the article list to the chosen one.  In a team whose lead is
someone else, the samples are listed only: a sample reaches the team from the lead's
snapshot, so an annotator's own would go nowhere.  Errors of the core (a name taken, too
few articles, a read-only project) are said in a line of the dialog; nothing is stored.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from fractions import Fraction
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.session import Session
from annotator.core.store import sample_filter
from annotator.core.store.samples import STRATA, Sample
from annotator.gui.article_list import ArticleListPanel
from annotator.gui.i18n import is_rtl
from annotator.gui.plain_table import fill_table, plain_table
from annotator.gui.texts import RLM, error_message, isolate, number_text

_NAMES = re.compile("[,،]")  # annotators typed with a Latin or an Arabic comma


class SampleHost(Protocol):
    """What the picker needs of the window."""

    session: Session
    list_panel: ArticleListPanel
    language: str


class SampleDialog(QDialog):
    """Draw a sample, assign it, and show it in the list."""

    changed = Signal()  # a sample was drawn or assigned
    showInList = Signal(str)  # the list filter of the sample to show

    def __init__(self, session: Session, language: str = "en", query: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleDialog")
        self.session, self.language, self.query = session, language, query.strip()
        self.setWindowTitle(self.tr("Samples and assignments"))
        self.resize(820, 560)  # fits a 1024 x 600 screen
        layout = QVBoxLayout(self)

        self.table = plain_table([self.tr("Sample"), self.tr("Articles"), self.tr("Seed"),
                                  self.tr("Stratified by"), self.tr("Search"),
                                  self.tr("Annotators"), self.tr("Overlap")])
        self.table.setObjectName("samples")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._chosen)
        layout.addWidget(self.table, 1)

        draw = QGroupBox(self.tr("Draw a new sample"))
        form = QFormLayout(draw)
        self.name = QLineEdit(objectName="sampleName")
        self.name.setPlaceholderText(self.tr("e.g. pilot"))
        form.addRow(self.tr("&Name:"), self.name)
        self.sample_size = QSpinBox(objectName="sampleSize")
        self.sample_size.setRange(1, max(1, session.count()))
        self.sample_size.setValue(min(100, session.count()) or 1)
        form.addRow(self.tr("&Size:"), self.sample_size)
        seed_row = QHBoxLayout()
        self.seed = QLineEdit(str(secrets.randbelow(10**9)), objectName="sampleSeed")
        self.seed.setToolTip(self.tr("The same seed draws the same articles again, here or "
                                     "with annotator sample --seed."))
        new_seed = QPushButton(self.tr("Ne&w seed"))
        new_seed.clicked.connect(lambda: self.seed.setText(str(secrets.randbelow(10**9))))
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(new_seed)
        seed_label = QLabel(self.tr("S&eed:"))
        seed_label.setBuddy(self.seed)  # a row holding a layout gets no buddy of itself
        form.addRow(seed_label, seed_row)
        self.by = QComboBox(objectName="sampleBy")
        self.by.addItem(self.tr("not stratified"), None)
        words = {"outlet": self.tr("outlet"), "month": self.tr("month"),
                 "language": self.tr("language")}
        for stratum in STRATA:
            self.by.addItem(words[stratum], stratum)
        self.by.setToolTip(self.tr("Each outlet, month or language gets its share of the "
                                   "sample in proportion to its articles."))
        form.addRow(self.tr("Stratified &by:"), self.by)
        self.from_search = QCheckBox(objectName="sampleFromSearch")
        if self.query:
            self.from_search.setText(self.tr("Only articles the search “%1” finds")
                                     .replace("%1", isolate(self.query)))
        else:
            self.from_search.setText(self.tr("Only articles a search finds (search the "
                                             "list first)"))
            self.from_search.setEnabled(False)
        form.addRow("", self.from_search)
        # No larger than what there is to draw from (all articles, or the search's).
        self.from_search.toggled.connect(self._fit_size)
        self.draw_button = QPushButton(self.tr("&Draw"), objectName="drawSample")
        self.draw_button.clicked.connect(self.draw)
        form.addRow("", self.draw_button)
        layout.addWidget(draw)

        assign = QGroupBox(self.tr("Assign the chosen sample"))
        form = QFormLayout(assign)
        self.annotators = QLineEdit(objectName="sampleAnnotators")
        self.annotators.setPlaceholderText(self.tr("Sara, Reza, Mina"))
        form.addRow(self.tr("&Annotators:"), self.annotators)
        self.overlap = QSpinBox(objectName="sampleOverlap")
        self.overlap.setRange(0, 100)
        self.overlap.setValue(20)
        self.overlap.setSuffix(" %")
        self.overlap.setToolTip(self.tr("The share of the sample every annotator codes, for "
                                        "agreement; the rest is split evenly."))
        form.addRow(self.tr("&Overlap:"), self.overlap)
        self.assign_button = QPushButton(self.tr("Assi&gn"), objectName="assignSample")
        self.assign_button.clicked.connect(self.assign)
        form.addRow("", self.assign_button)
        layout.addWidget(assign)

        self.message = QLabel(objectName="sampleMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = QPushButton(self.tr("Show in the &list"), objectName="showSample")
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.clicked.connect(self._show_in_list)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        lead = session.team_lead()
        if lead is not None and lead != session.annotator:
            draw.setEnabled(False)
            assign.setEnabled(False)
            self.message.setText(self.tr("Samples are drawn and assigned by the team's lead, "
                                         "%1; you can show them in the list.")
                                 .replace("%1", isolate(lead)))
        self.refresh()
        self.name.setFocus()

    def _fit_size(self) -> None:
        query = self.query if self.from_search.isChecked() else None
        self.sample_size.setMaximum(max(1, self.session.count(None, query)))

    # -- the samples ----------------------------------------------------------------------
    def refresh(self, choose: str | None = None) -> None:
        """List the samples again (and choose ``choose``)."""
        self.samples = self.session.samples()
        fill_table(self.table, [self._row(s) for s in self.samples])
        names = [s.name for s in self.samples]
        if choose in names:
            # Not selectRow: it reads the keyboard's modifiers, and Ctrl held would toggle.
            index = self.table.model().index(names.index(choose), 0)
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().setCurrentIndex(index, flags)
        self._chosen()

    def _row(self, sample: Sample) -> list[str]:
        by = {None: "", "outlet": self.tr("outlet"), "month": self.tr("month"),
              "language": self.tr("language")}.get(sample.stratum_by, sample.stratum_by or "")
        overlap = ""
        if sample.overlap is not None:
            overlap = number_text(round(float(Fraction(sample.overlap)) * 100)) + " %"
        return [sample.name, number_text(sample.size), sample.seed, by, sample.query or "",
                self._joined(sample.annotators), overlap]

    @property
    def _rtl(self) -> bool:
        return is_rtl(self.language)

    def _joined(self, items: Iterable[str]) -> str:
        """Names separated as the language separates them (the Arabic comma in fa, ar)."""
        return ("، " if self._rtl else ", ").join(items)

    def chosen(self) -> Sample | None:
        rows = self.table.selectionModel().selectedRows()
        return self.samples[rows[0].row()] if rows else None

    def _chosen(self) -> None:
        sample = self.chosen()
        self.show_button.setEnabled(sample is not None)
        self.assign_button.setEnabled(sample is not None)
        if sample is not None and sample.annotators:
            self.annotators.setText(self._joined(sample.annotators))
            if sample.overlap is not None:
                self.overlap.setValue(round(float(Fraction(sample.overlap)) * 100))

    # -- drawing and assigning --------------------------------------------------------------
    def draw(self) -> Sample | None:
        """Draw the sample the form describes (as ``annotator sample``)."""
        name, seed = self.name.text().strip(), self.seed.text().strip()
        if not name or not seed:
            self._say(self.tr("Give the sample a name and a seed."))
            return None
        try:
            sample = self.session.draw_sample(
                name, self.sample_size.value(), seed, self.by.currentData(),
                self.query if self.from_search.isChecked() else None)
        except AnnotatorError as exc:
            self._say(error_message(exc, self.language))
            return None
        self.refresh(choose=sample.name)
        self._say(self.tr("Sample “%1”: %2 articles drawn with seed %3.")
                  .replace("%1", isolate(sample.name)).replace("%2", number_text(sample.size))
                  .replace("%3", isolate(sample.seed)))
        self.name.clear()
        self.changed.emit()
        self.annotators.setFocus()
        return sample

    def assign(self) -> bool:
        """Share the chosen sample among the annotators named (as ``annotator assign``)."""
        sample = self.chosen()
        if sample is None:
            return False
        names = [n.strip() for n in _NAMES.split(self.annotators.text().replace(RLM, ""))
                 if n.strip()]
        if not names:
            self._say(self.tr("Name the annotators, separated by commas."))
            return False
        try:
            plan = self.session.assign_sample(sample.name, names,
                                              Fraction(self.overlap.value(), 100))
        except AnnotatorError as exc:
            self._say(error_message(exc, self.language))
            return False
        self.refresh(choose=sample.name)
        parts = [self.tr("%1: %2 articles").replace("%1", isolate(person))
                 .replace("%2", number_text(len(queue))) for person, queue in plan.queues.items()]
        self._say(self.tr("Sample “%1” assigned: %2 articles for everyone; %3.")
                  .replace("%1", isolate(sample.name))
                  .replace("%2", number_text(len(plan.overlap)))
                  .replace("%3", self._joined(parts)))
        self.changed.emit()
        return True

    def _show_in_list(self) -> None:
        sample = self.chosen()
        if sample is not None:
            self.showInList.emit(sample_filter(sample.name))
            self.accept()

    def _say(self, text: str) -> None:
        self.message.setText((RLM if self._rtl else "") + text)


def show_sample_dialog(window: SampleHost) -> SampleDialog:
    """Open the picker over ``window``; what it draws or assigns shows in the list."""
    panel = window.list_panel
    dialog = SampleDialog(window.session, window.language, panel.search.text(),
                          panel.window())

    def changed() -> None:
        current = window.list_panel
        current.offer_queue()  # the new sample, and the lead's queue if they assigned
        current.model.reload()  # themselves articles

    dialog.changed.connect(changed)
    dialog.showInList.connect(lambda scope: window.list_panel.show_scope(scope))
    dialog.open()
    return dialog
