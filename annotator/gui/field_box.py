"""What every box of the tag form shares, and what a box needs from the form around it.

A box shows one codebook :class:`~annotator.core.codebook.Field`'s tags on the article shown,
and owns how it shows them: its title and definition in the UI language, its values' labels
with their keyboard shortcuts (which it registers itself), its ⌖ buttons.  The form picks the
box by field type and tells it which modifier its keys take; nothing else.  A box never
edits anything itself: it asks its host (the :class:`~annotator.gui.tag_form.TagForm`, seen
through :class:`FormHost`) to run a session edit, and the host then refills the boxes that
the edit's change record concerns.  Boxes react only to user signals (``clicked``,
``activated``), never to ``toggled`` or ``currentIndexChanged``, so filling them
programmatically records nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QWidget

from annotator.core.codebook import Category, Field
from annotator.core.session import ArticleView, Edit, Session
from annotator.gui.texts import button_text, display, field_tooltip

# What the evidence target is: (field id, value); value None means "the field's one tag".
TargetKey = tuple[str, str | None]


class FormHost(Protocol):
    """What a box needs from the form around it."""

    session: Session
    language: str

    @property
    def article_id(self) -> str | None:
        """The article shown, if any."""
        ...

    def run_edit(self, change: Callable[[str], Edit | Sequence[Edit]],
                 target: TargetKey | None = None) -> bool:
        """Run ``change(article_id)`` (session edits); show their records; report errors."""
        ...

    def aim(self, target: TargetKey, jump: bool = False) -> None:
        """Make ``target`` the evidence target (and show its evidence if ``jump``)."""
        ...

    def participant_name(self, participant_id: str) -> str: ...

    def open_registry(self, participant_id: str) -> None:
        """Open the participants registry at this entry (to correct, merge or retire it)."""
        ...

    def show_message(self, text: str, error: bool = False) -> None: ...

    def participants_to_offer(self, view: ArticleView) -> tuple[list[str], list[str]]:
        """(participants tagged in the article, suggested ones not tagged) as ids."""
        ...


def show_if(widget: QWidget, visible: bool) -> None:
    """Show or hide ``widget``, calling Qt only when that changes something.

    The form sets every box's visibility for each article; most stay as they were, and
    each call still crosses into Qt (and may post a layout request).
    """
    if widget.isHidden() == visible:
        widget.setVisible(visible)


class FieldBox(QGroupBox):
    """One field's box, titled and explained (tooltip) in the UI language.

    ``modifiers``: the keys the form gives this box (``""`` plain digits, ``"Alt+"``,
    ``"Ctrl+"``), or None for none; each kind says what they do.
    """

    def __init__(self, host: FormHost, field: Field) -> None:
        super().__init__(button_text(display(field.text(host.language), host.language)))
        self.host, self.field = host, field
        self.setToolTip(field_tooltip(field, host.language))
        self.shortcuts: list[QShortcut] = []

    def fill(self, view: ArticleView) -> None:
        """Show ``view``'s tags of this field; records nothing."""
        raise NotImplementedError

    def value_text(self, category: Category, key: str = "") -> str:
        """A value's button text: its label in the UI language after its key, if any."""
        label = category.text(self.host.language)
        if category.retired:
            label += " " + self.tr("(no longer used)")
        return button_text(display(f"{key}  {label}" if key else label, self.host.language))

    def add_shortcut(self, keys: list[QKeySequence], slot: Callable[[], object]) -> None:
        """A window-wide shortcut; like the box, it is off while the form is disabled."""
        shortcut = QShortcut(self)
        shortcut.setKeys(keys)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(slot)
        self.shortcuts.append(shortcut)
