"""The "Set another value…" dialog of the review view: the reviewer's own adjudicated value.

Built from the codebook field, by type: radio buttons for a single-choice field, checkboxes
for a multiple-choice field, a checkable list of participants with a role each (those the
annotators tagged first, any registry participant can be added by name) for a participants
field.  Each type also offers "none" (coded, none).  The dialog only collects the choice;
the review view turns it into adjudicated values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Field
from annotator.core.participants import Participant
from annotator.core.store import Tag
from annotator.core.store.review import AdjudicatedValue, Adjudication
from annotator.gui.review_parts import Words
from annotator.gui.texts import RLM, button_text, category_tooltip, display

Choice = tuple[str | None, str | None]  # (value, role); value None: coded, none


class AdjudicationDialog(QDialog):
    """Choose the adjudicated value(s) of ``field``; ``current`` pre-selects (value, role) pairs."""

    def __init__(
        self,
        field: Field,
        words: Words,
        participants: Sequence[Participant],
        current: Sequence[Choice],
        offered: Mapping[str, str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field, self.words = field, words
        self.setWindowTitle(
            self.tr("Adjudicated value: %1").replace("%1", field.text(words.language))
        )
        chosen = {value for value, _role in current}
        roles = {value: role for value, role in current if value is not None}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The annotators' own tags stay as they are."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.radios: dict[str | None, QRadioButton] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.table: QTableWidget | None = None
        self.search: QLineEdit | None = None
        self._registry = {p.id: p for p in participants}
        self._role_boxes: dict[str, QComboBox] = {}
        self.group = QButtonGroup(self)
        # Made first: filling the choices below already asks them for the OK state.
        self.none_check: QCheckBox | QRadioButton = (
            QRadioButton(self.tr("none"))
            if field.type == "single"
            else QCheckBox(
                self.tr("None reported") if field.type == "multiple" else self.tr("No participants")
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if field.type == "single":
            for category in field.categories:
                if category.retired and category.id not in chosen:
                    continue
                radio = QRadioButton(
                    button_text(display(category.text(words.language), words.language))
                )
                radio.setToolTip(category_tooltip(category, words.language))
                radio.setChecked(category.id in chosen)
                self.group.addButton(radio)
                self.radios[category.id] = radio
                layout.addWidget(radio)
            self.group.addButton(self.none_check)
            self.radios[None] = self.none_check  # type: ignore[assignment]
        elif field.type == "multiple":
            for category in field.categories:
                if category.retired and category.id not in chosen:
                    continue
                check = QCheckBox(
                    button_text(display(category.text(words.language), words.language))
                )
                check.setToolTip(category_tooltip(category, words.language))
                check.setChecked(category.id in chosen)
                check.toggled.connect(self._value_ticked)
                self.checks[category.id] = check
                layout.addWidget(check)
        else:
            self._build_participants(layout, [v for v in chosen if v], roles, offered)
        self.none_check.setChecked(None in chosen)
        self.none_check.toggled.connect(self._none_ticked)
        layout.addWidget(self.none_check)
        layout.addWidget(self.buttons)
        self.group.buttonToggled.connect(lambda *_: self._update_ok())
        self._update_ok()

    # -- participants ------------------------------------------------------------------
    def _build_participants(
        self,
        layout: QVBoxLayout,
        chosen: list[str],
        roles: Mapping[str, str | None],
        offered: Mapping[str, str | None],
    ) -> None:
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Participant"), self.tr("Role")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.itemChanged.connect(lambda _item: self._participant_ticked())
        for participant_id in [*chosen, *(p for p in offered if p not in chosen)]:
            self.add_participant(
                participant_id,
                roles.get(participant_id, offered.get(participant_id)),
                checked=participant_id in chosen,
            )
        layout.addWidget(self.table)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Add a participant: type a name…"))
        self._spellings: dict[str, str] = {}
        for participant in self._registry.values():
            for spelling in (participant.text(self.words.language), *participant.spellings):
                self._spellings.setdefault(spelling, participant.id)
        completer = QCompleter(QStringListModel(sorted(self._spellings), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)
        completer.activated[str].connect(self._search_entered)
        self.search.installEventFilter(self)  # Enter adds the name; it must not press OK
        layout.addWidget(self.search)

    def add_participant(
        self, participant_id: str, role: str | None = None, checked: bool = True
    ) -> None:
        """A row for ``participant_id`` (ticked), or tick the row it already has."""
        assert self.table is not None
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == participant_id:
                item.setCheckState(Qt.CheckState.Checked)
                return
        with QSignalBlocker(self.table):
            row = self.table.rowCount()
            self.table.insertRow(row)
            item = QTableWidgetItem(display(self.words.name(participant_id), self.words.language))
            item.setData(Qt.ItemDataRole.UserRole, participant_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, item)
            box = QComboBox(self.table)
            box.addItem(self.tr("no role"), None)
            for field_role in self.field.roles:
                box.addItem(field_role.text(self.words.language), field_role.id)
            box.setCurrentIndex(max(box.findData(role), 0) if role else 0)
            self.table.setCellWidget(row, 1, box)
            self._role_boxes[participant_id] = box
        self._participant_ticked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._search_entered(self.search.text())
            return True
        return super().eventFilter(watched, event)

    def _search_entered(self, text: str) -> None:
        typed = text.replace(RLM, "").strip()
        participant_id = self._spellings.get(typed) or next(
            (
                pid
                for spelling, pid in self._spellings.items()
                if typed and typed.casefold() in spelling.casefold()
            ),
            None,
        )
        if participant_id is not None and self.search is not None:
            self.add_participant(participant_id)
            self.search.clear()

    # -- the choice --------------------------------------------------------------------
    def choice(self) -> list[Choice]:
        """What is chosen: (value, role) pairs; ``[(None, None)]`` for "none"."""
        if self.none_check.isChecked():
            return [(None, None)]
        if self.field.type == "single":
            return [
                (v, None) for v, radio in self.radios.items() if v is not None and radio.isChecked()
            ]
        if self.field.type == "multiple":
            return [(v, None) for v, check in self.checks.items() if check.isChecked()]
        result: list[Choice] = []
        assert self.table is not None
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                participant_id = str(item.data(Qt.ItemDataRole.UserRole))
                result.append((participant_id, self._role_boxes[participant_id].currentData()))
        return result

    def _value_ticked(self, on: bool) -> None:
        if on:
            with QSignalBlocker(self.none_check):
                self.none_check.setChecked(False)
        self._update_ok()

    def _participant_ticked(self) -> None:
        if self.table is not None and any(
            (item := self.table.item(row, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
            for row in range(self.table.rowCount())
        ):
            with QSignalBlocker(self.none_check):
                self.none_check.setChecked(False)
        self._update_ok()

    def _none_ticked(self, on: bool) -> None:
        if on and self.field.type != "single":
            for check in self.checks.values():
                with QSignalBlocker(check):
                    check.setChecked(False)
            if self.table is not None:
                with QSignalBlocker(self.table):
                    for row in range(self.table.rowCount()):
                        item = self.table.item(row, 0)
                        if item is not None:
                            item.setCheckState(Qt.CheckState.Unchecked)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.choice()))


def adjudicated_values(
    choice: Sequence[Choice], earlier: Sequence[Adjudication], coded: Sequence[Tag]
) -> list[AdjudicatedValue]:
    """The dialog's ``choice`` as adjudicated values.

    A value that an earlier adjudication (``earlier``) or, failing that, the first annotator
    in ``coded`` (their tags of the field, in the order the field's box lists them) already
    had keeps its evidence and its participant from there; a participant's role is the one
    chosen in the dialog.
    """
    if not choice or choice[0][0] is None:
        return [AdjudicatedValue(None)]
    result: dict[tuple[str | None, str | None], AdjudicatedValue] = {}
    for value, role in choice:
        sources: list[Tag | Adjudication] = [a for a in earlier if a.value == value]
        if not sources:
            first = next((t.annotator for t in coded if t.value == value), None)
            sources = [t for t in coded if t.value == value and t.annotator == first]
        if role is not None or not sources:  # a participant, or a value nobody had
            span = next((_span(s) for s in sources if _span(s) is not None), None)
            result[(value, None)] = AdjudicatedValue(value, None, role, span)
            continue
        for source in sources:
            result.setdefault(
                (value, source.participant),
                AdjudicatedValue(value, source.participant, None, _span(source)),
            )
    return list(result.values())


def _span(item: Tag | Adjudication) -> tuple[int, int] | None:
    if item.span_start is None or item.span_end is None:
        return None
    return item.span_start, item.span_end
