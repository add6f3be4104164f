"""The participants registry in the window: correct, merge, retire and restore entries.

Edit > Participants registry… (Ctrl+Shift+P), or "Correct in the registry…" on a tagged
participant's context menu, opens it at that entry.  Left: every entry, retired and
merged ones marked, with a filter; right: the chosen entry's names in English, Persian
and Arabic and its aliases (one a line), "Save corrections", "Merge into…", "Retire" or
"Restore", and the entry's history.  Each button has a mnemonic (Alt+letter) and the
list and fields are reached with Tab.  A name another entry in use has too is refused
by the core; the dialog then asks whether to keep it anyway.  Every change goes through
the session to the core (:mod:`annotator.core.store.registry`), which records it; the
window is told (``changed``) to show the registry as it is now.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.languages import LANGUAGES
from annotator.core.participants import Participant
from annotator.core.session import Session
from annotator.core.store.registry import ClashError, RegistryChange
from annotator.core.text import search_key
from annotator.gui.texts import error_message, isolate, message_text, number_text


class RegistryDialog(QDialog):
    """Correcting the participants registry (see the module docstring)."""

    changed = Signal()  # the registry (and perhaps tags) changed: views show it anew

    def __init__(self, session: Session, language: str = "en",
                 current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.language = session, language
        self.setWindowTitle(self.tr("Participants registry"))
        self.resize(820, 560)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter: any name or id…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill_list)
        self.entries = QListWidget(self)
        self.entries.currentItemChanged.connect(lambda *_: self._show_current())
        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.entries, 1)

        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.names = {lang: QLineEdit(self) for lang in LANGUAGES}
        self.aliases = QPlainTextEdit(self)
        self.aliases.setTabChangesFocus(True)
        self.aliases.setPlaceholderText(self.tr("One spelling a line"))
        # Aliases are the Persian and Arabic spellings of articles: laid out right to left
        # whatever the interface language (the widget's direction does not do it; see NOTES).
        option = self.aliases.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.aliases.document().setDefaultTextOption(option)
        form = QFormLayout()
        words = {"en": self.tr("Name in &English:"), "fa": self.tr("Name in &Persian:"),
                 "ar": self.tr("Name in &Arabic:")}
        for lang in LANGUAGES:
            label = QLabel(words[lang], self)
            label.setBuddy(self.names[lang])
            form.addRow(label, self.names[lang])
        aliases_label = QLabel(self.tr("A&liases:"), self)
        aliases_label.setBuddy(self.aliases)
        form.addRow(aliases_label, self.aliases)
        self.save_button = QPushButton(self.tr("&Save corrections"), self)
        self.save_button.clicked.connect(self.save)
        self.merge_button = QPushButton(self.tr("&Merge into…"), self)
        self.merge_button.setToolTip(self.tr(
            "One person under two ids: the tags naming this entry will name the other, and "
            "its names become the other's aliases. The project is backed up first."))
        self.merge_button.clicked.connect(self.merge)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.retire_button.setToolTip(self.tr(
            "Keep the entry on the tags made before, but suggest and offer it for no new ones"))
        self.retire_button.clicked.connect(self.retire_or_restore)
        actions = QHBoxLayout()
        for button in (self.save_button, self.merge_button, self.retire_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        self.history = QPlainTextEdit(self)
        self.history.setReadOnly(True)
        self.history.setTabChangesFocus(True)
        history_label = QLabel(self.tr("&History:"), self)
        history_label.setBuddy(self.history)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        right = QVBoxLayout()
        right.addWidget(self.state)
        right.addLayout(form)
        right.addLayout(actions)
        right.addWidget(history_label)
        right.addWidget(self.history, 1)
        right.addWidget(self.message)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self._participants: list[Participant] = []
        self._load(current)

    # -- showing ------------------------------------------------------------------------
    def _load(self, current: str | None = None) -> None:
        self._participants = self.session.participants()
        self._fill_list(select=current)

    def entry_text(self, participant: Participant) -> str:
        """The list's line for an entry: its name and id, marked when not in use."""
        text = f"{participant.text(self.language)} ({participant.id})"
        if participant.merged_into:
            return self.tr("%1 — merged into %2").replace("%1", isolate(text)).replace(
                "%2", isolate(participant.merged_into))
        if participant.retired:
            return self.tr("%1 — retired").replace("%1", isolate(text))
        return text

    def _fill_list(self, _typed: str = "", select: str | None = None) -> None:
        keep = select or self.current_id()
        typed = search_key(self.filter.text())
        self.entries.blockSignals(True)
        self.entries.clear()
        for participant in self._participants:
            if typed and not any(typed in search_key(s) for s in
                                 (*participant.spellings, participant.id)):
                continue
            item = QListWidgetItem(self.entry_text(participant), self.entries)
            item.setData(Qt.ItemDataRole.UserRole, participant.id)
            if participant.id == keep:
                self.entries.setCurrentItem(item)
        if self.entries.currentItem() is None and self.entries.count():
            self.entries.setCurrentRow(0)
        self.entries.blockSignals(False)
        self._show_current()

    def current_id(self) -> str | None:
        item = self.entries.currentItem() if hasattr(self, "entries") else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current(self) -> Participant | None:
        pid = self.current_id()
        return next((p for p in self._participants if p.id == pid), None)

    def _show_current(self) -> None:
        participant = self.current()
        for widget in (*self.names.values(), self.aliases, self.save_button,
                       self.merge_button, self.retire_button):
            widget.setEnabled(participant is not None)
        if participant is None:
            self.state.setText("")
            self.history.setPlainText("")
            return
        for lang in LANGUAGES:
            self.names[lang].setText(participant.name.get(lang, ""))
        self.aliases.setPlainText("\n".join(participant.aliases))
        merged = participant.merged_into is not None
        self.state.setText(self.entry_text(participant))
        for widget in (*self.names.values(), self.aliases, self.save_button,
                       self.merge_button):
            widget.setEnabled(not merged)
        self.retire_button.setEnabled(not merged)
        self.retire_button.setText(self.tr("Re&store") if participant.retired
                                   else self.tr("&Retire"))
        self.history.setPlainText("\n".join(
            self.change_text(c) for c in self.session.registry_history(participant.id)))

    def change_text(self, change: RegistryChange) -> str:
        """One line of an entry's history: when, who, what."""
        words = {"added": self.tr("added"), "updated": self.tr("corrected"),
                 "retired": self.tr("retired"), "restored": self.tr("restored")}
        if change.action == "merged":
            detail = change.detail or {}
            tags = int(detail.get("tags", 0)) + int(detail.get("folded", 0))
            what = self.tr("%1 merged into %2 (%3 tags)").replace(
                "%1", isolate(change.participant_id)).replace(
                "%2", isolate(change.into_id or "")).replace("%3", number_text(tags))
        else:
            what = words.get(change.action, change.action)
        return f"{isolate(change.changed_at[:16].replace('T', ' '))}  " \
               f"{isolate(change.changed_by)}  {what}"

    def say(self, text: str) -> None:
        self.message.setText(text)

    # -- changing ---------------------------------------------------------------------
    def _done(self, select: str | None, text: str) -> None:
        self._load(select)
        self.say(text)
        self.changed.emit()

    def save(self) -> None:
        participant = self.current()
        if participant is None:
            return
        names = {lang: self.names[lang].text().strip() for lang in LANGUAGES}
        aliases = self.aliases.toPlainText().splitlines()
        try:
            try:
                self.session.correct_participant(participant.id, names, aliases)
            except ClashError as exc:
                if not self._allow_clash(exc):
                    return
                self.session.correct_participant(participant.id, names, aliases,
                                                 allow_clash=True)
        except AnnotatorError as exc:
            self.say(error_message(exc, self.language))
            return
        self._done(participant.id, self.tr("Corrected: %1").replace(
            "%1", isolate(participant.id)))

    def _allow_clash(self, exc: ClashError) -> bool:
        answer = QMessageBox.question(
            self, self.tr("A name two entries share"),
            message_text(self.tr("%1\n\nThe same name would be suggested under two ids. "
                                 "Keep it anyway?").replace(
                "%1", error_message(exc.clashes[0].message(), self.language)),
                self.language),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def merge_targets(self, participant: Participant) -> list[Participant]:
        return [p for p in self._participants if not p.retired and p.id != participant.id]

    def merge(self, target: str | None = None) -> None:
        """Merge the chosen entry into ``target`` (asked for when not given)."""
        participant = self.current()
        if participant is None:
            return
        if target is None:
            choices = self.merge_targets(participant)
            shown = [f"{p.text(self.language)} ({p.id})" for p in choices]
            picked, ok = QInputDialog.getItem(
                self, self.tr("Merge into…"),
                self.tr("The entry %1 is the same person as:").replace(
                    "%1", isolate(participant.id)), shown, 0, False)
            if not ok or picked not in shown:
                return
            target = choices[shown.index(picked)].id
        try:
            moved = self.session.merge_participants(participant.id, target)
        except AnnotatorError as exc:
            self.say(error_message(exc, self.language))
            return
        self._done(target, self.tr("%1 merged into %2: %3 tags now name %2.").replace(
            "%1", isolate(participant.id)).replace("%2", isolate(target)).replace(
            "%3", number_text(moved.tags + moved.adjudications + moved.folded)))

    def retire_or_restore(self) -> None:
        participant = self.current()
        if participant is None:
            return
        try:
            if participant.retired:
                try:
                    self.session.restore_participant(participant.id)
                except ClashError as exc:
                    if not self._allow_clash(exc):
                        return
                    self.session.restore_participant(participant.id, allow_clash=True)
                text = self.tr("%1 is in use again.")
            else:
                self.session.retire_participant(participant.id)
                text = self.tr("%1 retired: kept on its tags, offered for no new ones.")
        except AnnotatorError as exc:
            self.say(error_message(exc, self.language))
            return
        self._done(participant.id, text.replace("%1", isolate(participant.id)))
