"""The tag form's box for a single-choice field: a radio button per value, ⌖ and Clear.

Its keys: with plain digits (the form gives them to the ordered field, the stance) 1…9 follow
the scale and 0 picks the first value off it ("unclear"); with a modifier (Alt+, the next
single-choice field) 1…9 pick the values in order.  Each radio shows its key.  Picking the
value already chosen edits nothing but makes the field the evidence target.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QRadioButton, QToolButton

from annotator.core.codebook import Field
from annotator.core.session import ArticleView
from annotator.gui.aim_button import AimButton
from annotator.gui.field_box import FieldBox, FormHost, show_if
from annotator.gui.keys import digit_keys, key_label
from annotator.gui.texts import category_tooltip


class SingleFieldBox(FieldBox):
    """A single-choice field: a radio button per category, a ⌖ and a clear button."""

    def __init__(self, host: FormHost, field: Field, modifiers: str | None = None) -> None:
        super().__init__(host, field)
        digits = self._digits(scale=modifiers == "") if modifiers is not None else {}
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.value: str | None = None
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        for index, category in enumerate(field.categories):
            digit = digits.get(category.id)
            radio = QRadioButton(self.value_text(
                category, "" if digit is None else key_label(digit, modifiers or "")))
            radio.setToolTip(category_tooltip(category, host.language))
            radio.setVisible(not category.retired)
            self.group.addButton(radio, index)
            self.radios[category.id] = radio
            grid.addWidget(radio, index, 0)
        for category_id, digit in digits.items():
            self.add_shortcut(digit_keys(digit, modifiers or ""),
                              lambda c=category_id: self.choose(c))
        tools = QHBoxLayout()
        self.aim = AimButton(self)
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

    def _digits(self, scale: bool) -> dict[str, int]:
        """Category id -> digit: the scale 1…9 and 0 for the first off-scale value when
        ``scale``; 1…9 in order otherwise."""
        active = self.field.active_categories
        if not scale:
            return {c.id: n for n, c in enumerate(active[:9], start=1)}
        digits = {c.id: n for n, c in enumerate([c for c in active if c.scale][:9], start=1)}
        off_scale = next((c for c in active if not c.scale), None)
        if off_scale is not None:
            digits[off_scale.id] = 0
        return digits

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
        self.aim.show_tag(tag)

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
