"""The tag form's participants field: who took part, in which role, and how to add them.

Three parts, top to bottom: the participants this annotator tagged (name, role, ⌖, remove),
"Suggested from the text" (one button per registry participant the article names and the
annotator has not tagged yet, with the number of mentions: one click or Enter adds it with
the role "mentioned"), and a search box completing over every spelling in the registry
(names in English, Persian and Arabic and all aliases, case-insensitive, anywhere in the
name; Enter adds the best match, and a folded search key catches Yeh/Kaf/hamza variants).
Its key (the form gives it to the first participants field): Alt+P (Alt+ح on a Persian or
Arabic layout) moves the focus to the suggestions.  Retired and merged registry entries
are neither suggested nor completed; a tag made before that names one shows it marked,
and a tagged participant's context menu opens the registry at it to correct it.  Like the
other boxes it edits only through its host, the tag form.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Field
from annotator.core.participants import Participant
from annotator.core.session import ArticleView
from annotator.core.store import Tag
from annotator.core.text import search_key
from annotator.gui.aim_button import AimButton
from annotator.gui.field_box import FieldBox, FormHost, show_if
from annotator.gui.flow_area import FlowArea
from annotator.gui.texts import RLM, button_text, display, number_text, plain_tip, tooltip
from annotator.gui.wheel_guard import guard_wheel

DEFAULT_ROLE = "mentioned"  # the role a participant gets when added; editable afterwards


class ParticipantRow(QWidget):
    """One tagged participant: name, role, ⌖ (evidence) and remove."""

    def __init__(self, box: ParticipantsBox, participant_id: str) -> None:
        super().__init__(box)
        self.participant_id = participant_id
        host, field = box.host, box.field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        name = host.participant_name(participant_id)
        self.name = QLabel(display(box.shown_name(participant_id), host.language))
        self.name.setTextFormat(Qt.TextFormat.PlainText)  # a registry name is data
        self.name.setToolTip(box.describe(participant_id))
        # Right-click (or the menu key on the focused role) to correct it in the registry.
        self.correct = QAction(self.tr("Correct in the registry…"), self)
        self.correct.triggered.connect(lambda: host.open_registry(participant_id))
        for widget in (self.name, self):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            widget.addAction(self.correct)
        self.role = QComboBox(self)
        self.role.setPlaceholderText(self.tr("role…"))
        for role in field.roles:
            self.role.addItem(role.text(host.language), role.id)
            if role.definition:
                self.role.setItemData(
                    self.role.count() - 1,
                    tooltip(role.definition_in(host.language)),
                    Qt.ItemDataRole.ToolTipRole,
                )
        self.role.setToolTip(plain_tip(self.tr("Role of %1").replace("%1", name)))
        self.role.activated.connect(lambda index: box.change_role(participant_id, index))
        guard_wheel(self.role)  # scrolling the form over it must not change the role
        self.aim = AimButton(self)
        self.aim.clicked.connect(lambda: host.aim((field.id, participant_id), jump=True))
        self.remove = QToolButton(self)
        self.remove.setText("\u2715")
        self.remove.setAutoRaise(True)
        self.remove.setToolTip(plain_tip(self.tr("Remove %1").replace("%1", name)))
        self.remove.clicked.connect(lambda: box.remove(participant_id))
        layout.addWidget(self.name, 1)
        layout.addWidget(self.role)
        layout.addWidget(self.aim)
        layout.addWidget(self.remove)

    def fill(self, tag: Tag, name: str) -> None:
        if self.name.text() != name:
            self.name.setText(name)
        with QSignalBlocker(self.role):
            self.role.setCurrentIndex(self.role.findData(tag.role) if tag.role else -1)
        self.aim.show_tag(tag)

    def focusables(self) -> list[QWidget]:
        return [self.role, self.aim, self.remove]


class ParticipantsBox(FieldBox):
    """The participants field (see the module docstring)."""

    def __init__(self, host: FormHost, field: Field, modifiers: str | None = None) -> None:
        super().__init__(host, field)
        self.tags: dict[str, Tag] = {}
        self.rows: dict[str, ParticipantRow] = {}
        self.suggestion_buttons: list[QPushButton] = []
        self._button_pool: list[QPushButton] = []
        self._suggested: list[tuple[str, int]] | None = None
        self._registry: dict[str, Participant] = {}
        self._entries: list[tuple[str, str, str]] = []  # shown text, participant id, key
        layout = QVBoxLayout(self)
        self.rows_layout = QVBoxLayout()
        self.nobody = QLabel(self.tr("No participants yet."))
        self.nobody.setEnabled(False)
        layout.addWidget(self.nobody)
        layout.addLayout(self.rows_layout)
        self.suggest_label = QLabel(self.tr("Suggested from the text (Alt+P):"))
        layout.addWidget(self.suggest_label)
        self.suggestion_area = FlowArea(self)
        layout.addWidget(self.suggestion_area)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Add a participant: type any name…"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.search.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._completed)
        self.search.returnPressed.connect(self._search_entered)
        layout.addWidget(self.search)
        if modifiers is not None:
            # ح is where P is on the Persian and Arabic keyboard layouts.
            self.add_shortcut([QKeySequence(modifiers + "P"), QKeySequence(modifiers + "\u062d")],
                              self.focus_suggestions)

    # -- registry and filling ----------------------------------------------------------
    def set_registry(self, participants: Sequence[Participant]) -> None:
        """(Re)build the completion list from the participants registry."""
        registry = {p.id: p for p in participants}
        if registry == self._registry:
            return
        self._registry = registry
        # Retired and merged entries stay on the tags made before, but are not offered.
        offered = [p for p in participants if not p.retired]
        owners: dict[str, set[str]] = {}
        for participant in offered:
            for spelling in participant.spellings:
                owners.setdefault(spelling.casefold(), set()).add(participant.id)
        entries: list[tuple[str, str, str]] = []
        for participant in offered:
            for spelling in participant.spellings:
                shown = spelling
                if len(owners[spelling.casefold()]) > 1:  # one spelling, two participants
                    shown = f"{spelling} ({participant.text(self.host.language)})"
                entries.append((shown, participant.id, search_key(spelling)))
        entries.sort(key=lambda entry: (len(entry[0]), entry[0]))
        self._entries = list(dict.fromkeys(entries))
        self.model.clear()
        for shown, participant_id, _key in self._entries:
            item = QStandardItem(shown)
            item.setData(participant_id, Qt.ItemDataRole.UserRole)
            item.setToolTip(self.describe(participant_id))
            self.model.appendRow(item)

    def shown_name(self, participant_id: str) -> str:
        """A tagged participant's name, marked when the entry is retired or merged."""
        name = self.host.participant_name(participant_id)
        participant = self._registry.get(participant_id)
        if participant is None or not participant.retired:
            return name
        if participant.merged_into:
            return self.tr("%1 (merged into %2)").replace("%1", name).replace(
                "%2", self.host.participant_name(participant.merged_into))
        return self.tr("%1 (retired)").replace("%1", name)

    def describe(self, participant_id: str) -> str:
        """Name and office in the UI language (for tooltips)."""
        participant = self._registry.get(participant_id)
        if participant is None:
            return plain_tip(participant_id)
        language = self.host.language
        office = participant.office.get(language) or participant.office.get("en", "")
        return tooltip(participant.text(language) + (f" — {office}" if office else ""))

    def fill(self, view: ArticleView) -> None:
        self.tags = {}
        for tag in view.field_tags(self.field.id):
            if tag.value is not None:
                self.tags.setdefault(tag.value, tag)
        for participant_id in [p for p in self.rows if p not in self.tags]:
            row = self.rows.pop(participant_id)
            self.rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        shown = [self.rows_layout.itemAt(i).widget() for i in range(self.rows_layout.count())]
        wanted = [self.rows.get(p) or ParticipantRow(self, p) for p in self.tags]
        if shown != wanted:
            for row in shown:
                self.rows_layout.removeWidget(row)
            for row in wanted:
                self.rows_layout.addWidget(row)
        for row in wanted:
            self.rows[row.participant_id] = row
            row.fill(self.tags[row.participant_id],
                     display(self.shown_name(row.participant_id), self.host.language))
        show_if(self.nobody, not self.tags)
        suggested = [(p, n) for p, n in view.suggestions if p not in self.tags]
        if suggested != self._suggested:
            self._suggested = suggested
            self._show_suggestions(suggested)
        self._chain_tab_order()

    def _show_suggestions(self, suggested: list[tuple[str, int]]) -> None:
        # The buttons are kept and relabelled from article to article: making new ones each
        # time (and laying them out, polishing, painting) was a good part of a switch.
        area = self.suggestion_area
        while len(self._button_pool) < len(suggested):
            button = QPushButton(area)
            button.setAutoDefault(True)  # Enter accepts, as Space does
            button.clicked.connect(
                lambda _=False, b=button: self._accept(str(b.property("participant"))))
            area.add(button)
            self._button_pool.append(button)
        for button, (participant_id, count) in zip(self._button_pool, suggested, strict=False):
            name = self.host.participant_name(participant_id)
            text = button_text(display(f"{name} ({count})", self.host.language))
            if button.text() != text:
                button.setText(text)
            if button.property("shown") != (participant_id, count):
                button.setToolTip(
                    self.describe(participant_id)
                    + tooltip(
                        self.tr("Named %1 times in the text. Click or press Enter to add.")
                        .replace("%1", number_text(count))
                    )
                )
                button.setProperty("participant", participant_id)
                button.setProperty("shown", (participant_id, count))
            show_if(button, True)
        for button in self._button_pool[len(suggested):]:
            show_if(button, False)
        self.suggestion_buttons = self._button_pool[: len(suggested)]
        self.suggest_label.setText(
            self.tr("Suggested from the text (Alt+P):")
            if suggested
            else self.tr("No other participants named in the text.")
        )

    def _chain_tab_order(self) -> None:
        """Put rebuilt rows and buttons in the Tab order where they appear, before the
        search box (new widgets would otherwise come last in the window)."""
        dynamic = [w for row in self.rows.values() for w in row.focusables()]
        dynamic += self.suggestion_buttons
        anchor = self.search.previousInFocusChain()
        while (
            anchor is not None
            and anchor is not self.search
            and (self.isAncestorOf(anchor) or anchor.focusPolicy() == Qt.FocusPolicy.NoFocus)
        ):
            anchor = anchor.previousInFocusChain()
        if anchor is None or anchor is self.search:
            return
        previous = anchor
        for widget in [*dynamic, self.search]:
            QWidget.setTabOrder(previous, widget)
            previous = widget

    # -- actions -----------------------------------------------------------------------
    def focus_suggestions(self) -> None:
        """Alt+P: the first suggestion gets the focus (the search box when there is none),
        scrolled into view in the form's scroll area."""
        target: QWidget = self.suggestion_buttons[0] if self.suggestion_buttons else self.search
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        focused = self.focusWidget()
        if scroll is not None and focused is not None:
            scroll.ensureWidgetVisible(focused)

    def add(self, participant_id: str) -> bool:
        """Tag ``participant_id`` (role "mentioned"); an already tagged one is only aimed at."""
        target = (self.field.id, participant_id)
        if participant_id in self.tags:
            self.host.aim(target)
            return True
        role = DEFAULT_ROLE if self.field.role(DEFAULT_ROLE) else None
        return self.host.run_edit(
            lambda article: self.host.session.set_value(
                article, self.field.id, participant_id, True, role=role
            ),
            target,
        )

    def remove(self, participant_id: str) -> None:
        self.host.run_edit(
            lambda article: self.host.session.set_value(
                article, self.field.id, participant_id, False
            )
        )

    def change_role(self, participant_id: str, index: int) -> None:
        tag = self.tags.get(participant_id)
        row = self.rows.get(participant_id)
        if tag is None or row is None:
            return
        role = row.role.itemData(index)
        target = (self.field.id, participant_id)
        if role == tag.role:
            self.host.aim(target)
            return
        self.host.run_edit(
            lambda _article: self.host.session.update_tag(tag, "role", role=role), target
        )

    def resolve(self, text: str) -> str | None:
        """The participant a typed text means: an exact spelling, else the first completion
        (the popup's order), else the first spelling containing its search key."""
        typed = text.replace(RLM, "").strip().casefold()
        if not typed:
            return None
        for matches in (
            lambda shown, _key: shown.casefold() == typed,
            lambda shown, _key: typed in shown.casefold(),
        ):
            for shown, participant_id, key in self._entries:
                if matches(shown, key):
                    return participant_id
        folded = search_key(text)
        if folded:
            for _shown, participant_id, key in self._entries:
                if folded in key:
                    return participant_id
        return None

    def _accept(self, participant_id: str) -> None:
        position = next(
            (i for i, (p, _n) in enumerate(self._suggested or []) if p == participant_id), 0
        )
        had_focus = any(b.hasFocus() for b in self.suggestion_buttons)
        if self.add(participant_id) and had_focus:
            if self.suggestion_buttons:
                self.suggestion_buttons[min(position, len(self.suggestion_buttons) - 1)].setFocus(
                    Qt.FocusReason.OtherFocusReason
                )
            else:
                self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _completed(self, index: QModelIndex) -> None:
        participant_id = index.data(Qt.ItemDataRole.UserRole)
        if participant_id and self.add(str(participant_id)):
            self.search.clear()

    def _search_entered(self) -> None:
        text = self.search.text()
        if not text.strip():
            return
        participant_id = self.resolve(text)
        if participant_id is None:
            self.host.show_message(
                self.tr("No participant in the registry matches “%1”.").replace("%1", text),
                error=True,
            )
            return
        if self.add(participant_id):
            self.search.clear()
            self.completer.popup().hide()
