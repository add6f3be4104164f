"""A list item whose lines each read in their own direction: Persian right to left, English
left to right, whatever the interface's direction.

Qt lays an item's text out as one paragraph in the view's direction, so a Persian comment
in the English window started on the left with its full stop on the wrong side, and an
English one in the Persian window hugged the right.  :class:`ParagraphsDelegate` draws
each line of an item as a paragraph of its own, in the direction of its first strong
letter (outside isolates); a line with none (a time, a number) takes the view's direction.
Lines wrap at the view's width (the view lays its items out again when it is resized).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from annotator.gui.texts import first_strong_is_rtl

Index = QModelIndex | QPersistentModelIndex
_MARGIN = 3  # around the text, as Qt's own item text has


def line_direction(line: str, default: Qt.LayoutDirection) -> Qt.LayoutDirection:
    """The direction ``line`` reads in: its first strong letter's, else ``default``."""
    rtl = first_strong_is_rtl(line)
    if rtl is None:
        return default
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def paragraphs_document(text: str, option: QStyleOptionViewItem, width: int) -> QTextDocument:
    """``text`` as a document of one paragraph per line, each in its own direction, wrapped
    at ``width`` (its alignment is the start of its own direction)."""
    document = QTextDocument()
    document.setDefaultFont(option.font)  # type: ignore[attr-defined]
    document.setDocumentMargin(_MARGIN)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(wrap)
    cursor = QTextCursor(document)
    default = option.direction  # type: ignore[attr-defined]
    # Qt hands an item's text over with its line ends made U+2028; splitlines() takes both.
    for number, line in enumerate(text.splitlines() or [""]):
        block = QTextBlockFormat()
        block.setLayoutDirection(line_direction(line, default))
        if number:
            cursor.insertBlock(block)
        else:
            cursor.setBlockFormat(block)
        cursor.insertText(line)
    document.setTextWidth(max(width, 1))
    return document


class ParagraphsDelegate(QStyledItemDelegate):
    """Draws a list item's lines as paragraphs, each in its own direction."""

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            return view.viewport().width() - 2
        rect = option.rect  # type: ignore[attr-defined]
        return rect.width() if rect.isValid() else 300

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = self._text_width(shown)
        document = paragraphs_document(shown.text, shown, width)  # type: ignore[attr-defined]
        return QSize(width, math.ceil(document.size().height()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        text: str = shown.text  # type: ignore[attr-defined]
        shown.text = ""  # type: ignore[attr-defined]
        widget = shown.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        # The row's background, selection and focus as Qt draws them; the text is ours.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, widget)
        rect = shown.rect  # type: ignore[attr-defined]
        document = paragraphs_document(text, shown, rect.width())
        state = shown.state  # type: ignore[attr-defined]
        group = (QPalette.ColorGroup.Disabled if not state & QStyle.StateFlag.State_Enabled
                 else QPalette.ColorGroup.Normal if state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        role = (QPalette.ColorRole.HighlightedText if state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Text)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text,
                                 shown.palette.color(group, role))  # type: ignore[attr-defined]
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()
