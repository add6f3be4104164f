"""Pieces the tag form's boxes share: label texts, tooltips, the ⌖ button, the host protocol.

Labels come from the codebook and the participants registry in the UI language.  Qt lays out
Persian and Arabic by itself, so these helpers only add an RLM where a right-to-left label
would otherwise start left-to-right, escape ``&`` (Qt's mnemonic marker) in button texts, and
wrap long definitions in rich-text tooltips (plain-text tooltips do not wrap).  Text from
the data (names, titles, quotes, comments) is never markup: labels that show it are plain
text, and tooltips escape it (:func:`plain_tip`).
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QToolButton, QWidget

from annotator.core.codebook import Category, Field
from annotator.core.session import ArticleView, Edit, Session
from annotator.core.store import Tag
from annotator.gui.i18n import is_rtl

RLM = "\u200f"
AIM = "\u2316"  # ⌖ POSITION INDICATOR: "show / use this tag's evidence"

# What the evidence target is: (field id, value); value None means "the field's one tag".
TargetKey = tuple[str, str | None]


# -- text helpers ------------------------------------------------------------------------
def first_strong_is_rtl(text: str) -> bool | None:
    """Whether the first strongly directional character is right-to-left (None: none)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return None


def display(text: str, language: str) -> str:
    """``text`` for a label in ``language``: an RLM in front only when a Persian/Arabic
    label would otherwise start its paragraph left-to-right (e.g. ``ECO ...``)."""
    if is_rtl(language) and text and first_strong_is_rtl(text) is not True:
        return RLM + text
    return text


def button_text(text: str) -> str:
    """A button/box text with literal ampersands (Qt would read ``&`` as a mnemonic)."""
    return text.replace("&", "&&")


def _paragraph(text: str, italic: bool = False) -> str:
    direction = ' dir="rtl"' if first_strong_is_rtl(text) else ""
    body = html.escape(text)
    return f"<p{direction}>{'<i>' + body + '</i>' if italic else body}</p>"


def tooltip(definition: str, example: str = "") -> str:
    """A rich-text tooltip (so Qt wraps it) with a definition and an optional example."""
    parts = [_paragraph(definition)] if definition else []
    if example:
        parts.append(_paragraph(f"«{example}»", italic=True))
    return "".join(parts)


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written, whatever it holds.

    Qt reads a tooltip as rich text when ``Qt.mightBeRichText`` guesses so (a leading
    ``<b>``, ``<img src=...>``), so data handed over as it is could show a local image or
    markup.  Escaped inside rich text, every character is shown literally; each line is
    its own paragraph, with its own direction.
    """
    if not text:
        return ""
    return "".join(_paragraph(line) for line in text.split("\n"))


def plain_message(text: str) -> str:
    """``text`` for a message box that guesses its format: as it is, unless Qt would take
    it for markup (an error naming a file called ``<img src=...>``); then escaped."""
    return plain_tip(text) if QtGui.Qt.mightBeRichText(text) else text


def field_tooltip(field: Field, language: str) -> str:
    definition = field.definition_fa if language == "fa" and field.definition_fa else None
    return tooltip(definition or field.definition)


def category_tooltip(category: Category) -> str:
    return tooltip(category.definition, category.example)


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters (for quotes in labels and tooltips)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def aim_icon(color: QColor) -> QIcon:
    """A crosshair (like ⌖), painted: fonts without U+2316 are common."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2.5))
    painter.drawEllipse(QPointF(16, 16), 9, 9)
    for x1, y1, x2, y2 in ((16, 2, 16, 10), (16, 22, 16, 30), (2, 16, 10, 16), (22, 16, 30, 16)):
        painter.drawLine(x1, y1, x2, y2)
    painter.setBrush(color)
    painter.drawEllipse(QPointF(16, 16), 2.5, 2.5)
    painter.end()
    return QIcon(pixmap)


def aim_button(parent: QWidget) -> QToolButton:
    """The small ⌖ button: "this tag is the evidence target; show its evidence"."""
    button = QToolButton(parent)
    button.setText(AIM)
    button.setAccessibleName(AIM)
    button.setIcon(
        aim_icon(parent.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText))
    )
    button.setIconSize(QSize(16, 16))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setAutoRaise(True)
    return button


def show_if(widget: QWidget, visible: bool) -> None:
    """Show or hide ``widget``, calling Qt only when that changes something.

    The form sets every box's visibility for each article; most stay as they were, and
    each call still crosses into Qt (and may post a layout request).
    """
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def set_aim_state(button: QToolButton, tag: Tag | None,
                  _tr: Callable[[str], str] | None = None) -> None:
    """Enable a ⌖ button for an existing tag; its tooltip shows the quote, if any."""

    def tr(text: str) -> str:
        # One translation context for these texts, whichever box calls.
        return QCoreApplication.translate("form_parts", text)

    # Always set: isEnabled() also reflects a disabled form, so it cannot tell what to skip.
    button.setEnabled(tag is not None)
    if tag is not None and tag.has_span:
        # The quote is article text: escaped (plain_tip) and isolated (FSI ... PDI) so
        # neither markup nor a bidi control in it changes the rest of the tooltip.
        tip = plain_tip(tr("Evidence: %1 (click to show it in the article)").replace(
            "%1", f"\u2068«{shorten(tag.quote or '')}»\u2069"
        ))
    else:
        tip = tr(
            "Make this the evidence target: select text in the article and "
            "attach it as evidence"
        )
    if button.toolTip() != tip:
        button.setToolTip(tip)


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

    def show_message(self, text: str, error: bool = False) -> None: ...

    def attribution_choices(self, view: ArticleView) -> tuple[list[str], list[str]]:
        """(participants tagged in the article, suggested ones not tagged) as ids."""
        ...
