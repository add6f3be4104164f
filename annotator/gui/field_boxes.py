"""The tag form's boxes for single-choice, multiple-choice and text fields.

Each box is built from one codebook :class:`~annotator.core.codebook.Field` and shows one
article's tags for it.  A box never edits anything itself: it asks its host (the
:class:`~annotator.gui.tag_form.TagForm`) to run a session edit, and the host then refills
the boxes that show what the edit's record names.  Boxes react only to user signals
(``clicked``, ``activated``), never to ``toggled`` or ``currentIndexChanged`` (the note
ignores the text changes its own refill makes), so filling them programmatically records
nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
)

from annotator.core.codebook import Field
from annotator.core.session import ArticleView, Edit
from annotator.core.store import Tag
from annotator.gui.form_parts import (
    FormHost,
    aim_button,
    button_text,
    category_tooltip,
    display,
    field_tooltip,
    set_aim_state,
    show_if,
)

NOTE_DELAY_MS = 800  # a pause in typing this long saves the note


# -- single choice -----------------------------------------------------------------------
class SingleFieldBox(QGroupBox):
    """A single-choice field: a radio button per category, a ⌖ and a clear button."""

    def __init__(self, host: FormHost, field: Field, keys: Mapping[str, str]) -> None:
        super().__init__(button_text(display(field.text(host.language), host.language)))
        self.host, self.field = host, field
        self.setToolTip(field_tooltip(field, host.language))
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.value: str | None = None
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        for index, category in enumerate(field.categories):
            label = category.text(host.language)
            if category.retired:
                label += " " + self.tr("(no longer used)")
            key = keys.get(category.id)
            radio = QRadioButton(
                button_text(display(f"{key}  {label}" if key else label, host.language))
            )
            radio.setToolTip(category_tooltip(category))
            radio.setVisible(not category.retired)
            self.group.addButton(radio, index)
            self.radios[category.id] = radio
            grid.addWidget(radio, index, 0)
        tools = QHBoxLayout()
        self.aim = aim_button(self)
        self.aim.clicked.connect(lambda: host.aim((field.id, None), jump=True))
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("No value: back to not coded"))
        self.clear_button.clicked.connect(self.clear)
        tools.addWidget(self.aim)
        tools.addWidget(self.clear_button)
        grid.addLayout(
            tools,
            0,
            1,
            len(field.categories),
            1,
            Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignTrailing,
        )
        self.group.idClicked.connect(lambda index: self.choose(field.categories[index].id))

    def fill(self, view: ArticleView) -> None:
        tag = next((t for t in view.field_tags(self.field.id) if t.value is not None), None)
        self.value = tag.value if tag else None
        with QSignalBlocker(self.group):
            for category in self.field.categories:
                radio = self.radios[category.id]
                show_if(radio, not category.retired or category.id == self.value)
            if self.value in self.radios:
                self.radios[self.value].setChecked(True)
            elif self.group.checkedButton() is not None:
                # An exclusive group cannot be emptied: switch exclusivity off for a moment.
                self.group.setExclusive(False)
                self.group.checkedButton().setChecked(False)
                self.group.setExclusive(True)
        self.clear_button.setEnabled(tag is not None)
        set_aim_state(self.aim, tag, self.tr)

    def choose(self, category_id: str) -> None:
        """The analyst picked ``category_id`` (mouse or key); the same value again edits
        nothing but still makes the field the evidence target."""
        target = (self.field.id, None)
        if category_id == self.value:
            self.host.aim(target)
            return
        self.host.run_edit(
            lambda article: self.host.session.set_choice(article, self.field.id, category_id),
            target,
        )

    def clear(self) -> None:
        self.host.run_edit(
            lambda article: self.host.session.set_choice(article, self.field.id, None)
        )


# -- multiple choice ---------------------------------------------------------------------
class MultipleFieldBox(QGroupBox):
    """A multiple-choice field: a checkbox per category, "None reported", and for an
    attributable field a "voiced by" participant per ticked value."""

    def __init__(
        self, host: FormHost, field: Field, keys: Sequence[str] = (), none_key: str = ""
    ) -> None:
        super().__init__(button_text(display(field.text(host.language), host.language)))
        self.host, self.field = host, field
        self.setToolTip(field_tooltip(field, host.language))
        self.checks: dict[str, QCheckBox] = {}
        self.voices: dict[str, QComboBox] = {}
        self.aims: dict[str, QToolButton] = {}
        self.tags: dict[str, list[Tag]] = {}
        self._voice_options: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        # Which voice menus hold the current options: a menu is filled when it is first
        # shown for them (most demands are unticked, their menus hidden).
        self._voices_filled: set[str] = set()
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing
        )
        active = list(field.active_categories)
        for row, category in enumerate(field.categories):
            label = category.text(host.language)
            if category.retired:
                label += " " + self.tr("(no longer used)")
            position = active.index(category) if category in active else -1
            key = keys[position] if 0 <= position < len(keys) else ""
            check = QCheckBox(
                button_text(display(f"{key}  {label}" if key else label, host.language))
            )
            check.setToolTip(category_tooltip(category))
            check.setVisible(not category.retired)
            check.clicked.connect(lambda on, cid=category.id: self._ticked(cid, on))
            grid.addWidget(check, 2 * row, 0)
            self.checks[category.id] = check
            aim = aim_button(self)
            aim.clicked.connect(lambda _=False, cid=category.id: host.aim((field.id, cid), True))
            grid.addWidget(aim, 2 * row, 1)
            self.aims[category.id] = aim
            if field.attributable:
                # On a line of its own under the value, so long labels keep the box narrow.
                voice = QComboBox(self)
                voice.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                voice.setMinimumContentsLength(14)
                voice.setToolTip(self.tr("Who voiced this demand"))
                voice.activated.connect(lambda index, cid=category.id: self._voiced(cid, index))
                voice.setVisible(False)
                line = QHBoxLayout()
                line.addSpacing(indent)
                line.addWidget(voice)
                line.addStretch(1)
                grid.addLayout(line, 2 * row + 1, 0)
                self.voices[category.id] = voice
        none_text = self.tr("None reported")
        self.none_check = QCheckBox(f"{none_key}  {none_text}" if none_key else none_text)
        self.none_check.setToolTip(self.tr("Coded: the article reports none of these"))
        self.none_check.clicked.connect(self._none_ticked)
        grid.addWidget(self.none_check, 2 * len(field.categories), 0, 1, 2)

    def fill(self, view: ArticleView) -> None:
        self.tags = {}
        none = False
        for tag in view.field_tags(self.field.id):
            if tag.value is None:
                none = True
            else:
                self.tags.setdefault(tag.value, []).append(tag)
        if self.voices:
            self._fill_voice_options(view)
        for category in self.field.categories:
            tags = self.tags.get(category.id, [])
            check = self.checks[category.id]
            check.setChecked(bool(tags))
            show_if(check, not category.retired or bool(tags))
            set_aim_state(self.aims[category.id], tags[0] if tags else None, self.tr)
            voice = self.voices.get(category.id)
            if voice is not None:
                if tags:
                    self._fill_voice(category.id)
                    self._show_voice(voice, tags[0].participant)
                show_if(voice, bool(tags))
        self.none_check.setChecked(none)

    def toggle(self, category_id: str) -> None:
        """Tick or untick ``category_id`` as a click would (used by Ctrl+digit)."""
        self.checks[category_id].click()

    def _ticked(self, category_id: str, on: bool) -> None:
        session, field_id = self.host.session, self.field.id
        if on:
            self.host.run_edit(
                lambda article: session.set_value(article, field_id, category_id, True),
                (field_id, category_id),
            )
            return
        voiced_by = list(dict.fromkeys(t.participant for t in self.tags.get(category_id, [])))

        def untick(article: str) -> list[Edit]:
            return [session.set_value(article, field_id, category_id, False,
                                      participant=participant)
                    for participant in voiced_by or [None]]

        self.host.run_edit(untick)

    def _none_ticked(self, on: bool) -> None:
        self.host.run_edit(lambda article: self.host.session.set_none(article, self.field.id, on))

    def _voiced(self, category_id: str, index: int) -> None:
        tags = self.tags.get(category_id)
        if not tags:
            return
        participant = self.voices[category_id].itemData(index)
        target = (self.field.id, category_id)
        if participant == tags[0].participant:
            self.host.aim(target)
            return
        self.host.run_edit(
            lambda _article: self.host.session.update_tag(
                tags[0], "voiced by", participant=participant
            ),
            target,
        )

    def _fill_voice_options(self, view: ArticleView) -> None:
        tagged, suggested = self.host.attribution_choices(view)
        options = (tuple(tagged), tuple(suggested))
        if options != self._voice_options:
            self._voice_options = options
            self._voices_filled.clear()

    def _fill_voice(self, category_id: str) -> None:
        """Put the current options in ``category_id``'s voice menu, unless they are there."""
        if category_id in self._voices_filled or self._voice_options is None:
            return
        tagged, suggested = self._voice_options
        voice = self.voices[category_id]
        with QSignalBlocker(voice):
            voice.clear()
            voice.addItem(self.tr("voiced by: —"), None)
            for participant in tagged:
                voice.addItem(self.host.participant_name(participant), participant)
            if tagged and suggested:
                voice.insertSeparator(voice.count())
            for participant in suggested:
                voice.addItem(self.host.participant_name(participant), participant)
        self._voices_filled.add(category_id)

    def _show_voice(self, voice: QComboBox, participant: str | None) -> None:
        with QSignalBlocker(voice):
            index = voice.findData(participant) if participant else 0
            if index < 0:  # attributed to someone no longer listed: keep showing them
                voice.addItem(self.host.participant_name(participant or ""), participant)
                index = voice.count() - 1
            voice.setCurrentIndex(index)


# -- text --------------------------------------------------------------------------------
class NoteEdit(QPlainTextEdit):
    """A plain-text editor that says when it loses the keyboard focus."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focusLost.emit()


class NoteBox(QGroupBox):
    """A text field: saved when the editor loses focus, after a pause in typing, or on
    :meth:`flush`.  Text typed but not yet saved is never overwritten by a refill."""

    def __init__(self, host: FormHost, field: Field) -> None:
        super().__init__(button_text(display(field.text(host.language), host.language)))
        self.host, self.field = host, field
        self.setToolTip(field_tooltip(field, host.language))
        self.editor = NoteEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("Reasons, doubts, other demands… (any language)"))
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 5 + 12)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.editor.focusLost.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        self.stored = ""
        self.pending_article: str | None = None  # the article that unsaved text belongs to
        self._filling = False

    @property
    def dirty(self) -> bool:
        return self.pending_article is not None

    def fill(self, view: ArticleView, force: bool = False) -> None:
        """Show the stored note; unsaved typing survives unless ``force``."""
        tags = view.field_tags(self.field.id)
        self.stored = next((t.value for t in tags if t.value), "") or ""
        if self.dirty and not force:
            return
        self.timer.stop()
        self.pending_article = None
        if self.editor.toPlainText() != self.stored:
            self._filling = True
            try:
                self.editor.setPlainText(self.stored)
            finally:
                self._filling = False

    def flush(self) -> None:
        """Save unsaved text now (nothing happens when there is none)."""
        self.timer.stop()
        article = self.pending_article
        if article is None:
            return
        text = self.editor.toPlainText()
        if text == self.stored or (not text.strip() and not self.stored):
            self.pending_article = None
            return
        value = text if text.strip() else None
        # Still pending while saving, so the refill that follows keeps the text on failure.
        if self.host.run_edit(
            lambda _current: self.host.session.set_choice(article, self.field.id, value)
        ):
            self.pending_article = None

    def _typed(self) -> None:
        if self._filling or self.host.article_id is None:
            return
        self.pending_article = self.host.article_id
        self.timer.start()
