"""The tag form's box for a multiple-choice field (the demands): a checkbox per value.

Besides the values: "None reported" (coded, none: a tag without a value, exclusive with the
values), a ⌖ per value, and for a field with a participant per value (``with_participant``)
a participant menu under each ticked value listing the participants tagged in the article,
then the others it names.  Its keys
(the form gives Ctrl+ to the first multiple-choice field): modifier+1…9 tick the first nine
values in use and modifier+0 "None reported"; each checkbox shows its key.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QStyle

from annotator.core.codebook import Field
from annotator.core.session import ArticleView, Edit
from annotator.core.store import Tag
from annotator.gui.aim_button import AimButton
from annotator.gui.field_box import FieldBox, FormHost, show_if
from annotator.gui.keys import digit_keys, key_label
from annotator.gui.texts import category_tooltip
from annotator.gui.wheel_guard import guard_wheel


class MultipleFieldBox(FieldBox):
    """A multiple-choice field: a checkbox per category, "None reported", and for a field
    ``with_participant`` a participant menu per ticked value."""

    def __init__(self, host: FormHost, field: Field, modifiers: str | None = None) -> None:
        super().__init__(host, field)
        # With keys: modifier+1…9 tick the first nine values in use, modifier+0 "None".
        keyed = [c.id for c in field.active_categories][:9] if modifiers is not None else []
        self.checks: dict[str, QCheckBox] = {}
        self.participant_menus: dict[str, QComboBox] = {}
        self.aims: dict[str, AimButton] = {}
        self.tags: dict[str, list[Tag]] = {}
        self._menu_entries: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        # Which participant menus hold the current entries: a menu is filled when it is first
        # shown for them (most demands are unticked, their menus hidden).
        self._menus_filled: set[str] = set()
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        grid.setVerticalSpacing(2)
        style = self.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing
        )
        for row, category in enumerate(field.categories):
            digit = keyed.index(category.id) + 1 if category.id in keyed else None
            check = QCheckBox(self.value_text(
                category, "" if digit is None else key_label(digit, modifiers or "")))
            check.setToolTip(category_tooltip(category, host.language))
            check.setVisible(not category.retired)
            check.clicked.connect(lambda on, cid=category.id: self._ticked(cid, on))
            grid.addWidget(check, 2 * row, 0)
            self.checks[category.id] = check
            aim = AimButton(self)
            aim.clicked.connect(lambda _=False, cid=category.id: host.aim((field.id, cid), True))
            grid.addWidget(aim, 2 * row, 1)
            self.aims[category.id] = aim
            if field.with_participant:
                # On a line of its own under the value, so long labels keep the box narrow.
                menu = QComboBox(self)
                menu.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                menu.setMinimumContentsLength(14)
                menu.setToolTip(self.tr("The participant who voiced this demand"))
                menu.activated.connect(
                    lambda index, cid=category.id: self._participant_chosen(cid, index)
                )
                guard_wheel(menu)  # scrolling the form over it must not change it
                menu.setVisible(False)
                line = QHBoxLayout()
                line.addSpacing(indent)
                line.addWidget(menu)
                line.addStretch(1)
                grid.addLayout(line, 2 * row + 1, 0)
                self.participant_menus[category.id] = menu
        none_text = self.tr("None reported")
        none_key = key_label(0, modifiers) if modifiers is not None else ""
        self.none_check = QCheckBox(f"{none_key}  {none_text}" if none_key else none_text)
        self.none_check.setToolTip(self.tr("Coded: the article reports none of these"))
        self.none_check.clicked.connect(self._none_ticked)
        grid.addWidget(self.none_check, 2 * len(field.categories), 0, 1, 2)
        for digit, category_id in enumerate(keyed, start=1):
            self.add_shortcut(digit_keys(digit, modifiers or ""),
                              lambda c=category_id: self.toggle(c))
        if modifiers is not None:
            self.add_shortcut(digit_keys(0, modifiers), self.none_check.click)

    def fill(self, view: ArticleView) -> None:
        self.tags = {}
        none = False
        for tag in view.field_tags(self.field.id):
            if tag.value is None:
                none = True
            else:
                self.tags.setdefault(tag.value, []).append(tag)
        if self.participant_menus:
            self._read_menu_entries(view)
        for category in self.field.categories:
            tags = self.tags.get(category.id, [])
            check = self.checks[category.id]
            check.setChecked(bool(tags))
            show_if(check, not category.retired or bool(tags))
            self.aims[category.id].show_tag(tags[0] if tags else None)
            menu = self.participant_menus.get(category.id)
            if menu is not None:
                if tags:
                    self._fill_menu(category.id)
                    self._show_participant(menu, tags[0].participant)
                show_if(menu, bool(tags))
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
        participants = list(dict.fromkeys(t.participant for t in self.tags.get(category_id, [])))

        def untick(article: str) -> list[Edit]:
            return [session.set_value(article, field_id, category_id, False,
                                      participant=participant)
                    for participant in participants or [None]]

        self.host.run_edit(untick)

    def _none_ticked(self, on: bool) -> None:
        self.host.run_edit(lambda article: self.host.session.set_none(article, self.field.id, on))

    def _participant_chosen(self, category_id: str, index: int) -> None:
        tags = self.tags.get(category_id)
        if not tags:
            return
        participant = self.participant_menus[category_id].itemData(index)
        target = (self.field.id, category_id)
        if participant == tags[0].participant:
            self.host.aim(target)
            return
        self.host.run_edit(
            lambda _article: self.host.session.update_tag(
                tags[0], "participant", participant=participant
            ),
            target,
        )

    def _read_menu_entries(self, view: ArticleView) -> None:
        tagged, suggested = self.host.participants_to_offer(view)
        entries = (tuple(tagged), tuple(suggested))
        if entries != self._menu_entries:
            self._menu_entries = entries
            self._menus_filled.clear()

    def _fill_menu(self, category_id: str) -> None:
        """Put the current entries in ``category_id``'s participant menu unless there."""
        if category_id in self._menus_filled or self._menu_entries is None:
            return
        tagged, suggested = self._menu_entries
        menu = self.participant_menus[category_id]
        with QSignalBlocker(menu):
            menu.clear()
            menu.addItem(self.tr("participant: —"), None)
            for participant in tagged:
                menu.addItem(self.host.participant_name(participant), participant)
            if tagged and suggested:
                menu.insertSeparator(menu.count())
            for participant in suggested:
                menu.addItem(self.host.participant_name(participant), participant)
        self._menus_filled.add(category_id)

    def _show_participant(self, menu: QComboBox, participant: str | None) -> None:
        with QSignalBlocker(menu):
            index = menu.findData(participant) if participant else 0
            if index < 0:  # a participant no longer listed: keep showing them
                menu.addItem(self.host.participant_name(participant or ""), participant)
                index = menu.count() - 1
            menu.setCurrentIndex(index)
