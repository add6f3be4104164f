"""Paints the article list's cells straight from the model's row cache.

Qt's standard delegate asks the model for seven roles per cell, each a call from C++ into
Python, and shapes a title twice (to elide it, then to draw it).  A jump to a far article
repaints every visible row, so this delegate reads the row once, keeps each elided text
for its column width, and draws text and selection itself.  The columns whose few texts
recur on every row (language, status) are shaped once: each text is kept laid out
(``QStaticText``) and only drawn again.  Everything else (tooltips, keyboard, selection)
stays the view's.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QStaticText,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_DEFAULT_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_SINGLE_LINE = int(Qt.TextFlag.TextSingleLine)
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_SELECTED = QStyle.StateFlag.State_Selected.value
_MARKS = ("\u200e", "\u200f")  # LRM, RLM: a cell's text direction, set by the model
# The mark makes the whole cell a paragraph of that direction (else the view's direction
# decides, and a Persian title's closing quote lands on its start in the English window).
_FORCE = {"\u200e": int(Qt.TextFlag.TextForceLeftToRight.value),
          "\u200f": int(Qt.TextFlag.TextForceRightToLeft.value)}
_DIRECTIONS = {"\u200e": Qt.LayoutDirection.LeftToRight, "\u200f": Qt.LayoutDirection.RightToLeft}
_RIGHT = int(Qt.AlignmentFlag.AlignRight.value)
_CENTRE = int(Qt.AlignmentFlag.AlignHCenter.value)
_KEPT = 4000  # elided texts remembered (a few hundred rows' worth, at a few widths)


class RowSource(Protocol):
    """The model side: a row's texts and alignments by role and column."""

    def cells(self, row: int) -> dict[int, tuple[object, ...]] | None: ...


class RowDelegate(QStyledItemDelegate):
    """Draws one list cell: the selection, then the (elided) text, aligned as the model says."""

    def __init__(self, source: RowSource, parent: QWidget | None = None,
                 middle: frozenset[int] = frozenset(),
                 recurring: frozenset[int] = frozenset()) -> None:
        super().__init__(parent)
        self._source = source
        self._middle = middle  # columns elided in the middle (ids: start and end tell apart)
        self._recurring = recurring  # columns of a few texts on every row: kept laid out
        self._font = QFont()  # the font the kept texts were elided and laid out in
        self._elided: dict[tuple[int, int, str], str] = {}
        self._laid_out: dict[tuple[str, int, Qt.LayoutDirection], tuple[QStaticText, float,
                                                                         float]] = {}
        self._margin = -1
        self._flags: dict[tuple[Qt.LayoutDirection, object, str], int] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row, column = index.row(), index.column()
        cells = self._source.cells(row)
        if cells is None:
            return
        text = cells[_DISPLAY][column]
        if not isinstance(text, str):
            return
        # Flags as plain ints: PySide's flag enums are Python enums, slow to combine.
        state = int(option.state.value)  # type: ignore[attr-defined]
        if not state & _ENABLED:
            group = QPalette.ColorGroup.Disabled
        elif state & _ACTIVE:
            group = QPalette.ColorGroup.Normal
        else:
            group = QPalette.ColorGroup.Inactive
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        if state & _SELECTED:
            painter.fillRect(rect, palette.brush(group, QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(group, QPalette.ColorRole.HighlightedText))
        else:
            painter.setPen(palette.color(group, QPalette.ColorRole.Text))
        if self._margin < 0:
            # As Qt's own delegate: the focus frame's margin, plus one pixel.
            widget = option.widget  # type: ignore[attr-defined]
            style = widget.style() if widget is not None else None
            self._margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                              widget) + 1) if style is not None else 3
        area = rect.adjusted(self._margin, 0, -self._margin, 0)
        width = area.width()
        if width <= 0:
            return
        font = option.font  # type: ignore[attr-defined]
        if font != self._font:  # another font (the system's changed): shaped anew
            self._font = QFont(font)  # a copy: the option and its font are gone after this
            self._elided.clear()
            self._laid_out.clear()
        key = (column, width, text)
        shown = self._elided.get(key)
        if shown is None:
            metrics = option.fontMetrics  # type: ignore[attr-defined]
            # No need to shape more letters than the cell can show: a prefix wider than
            # the cell elides the same as the whole title (letters are 3 px or more at
            # the list's size; when zero-width marks make the prefix fit, the whole title
            # is elided instead).
            budget = width // 3 + 2
            if column in self._middle:
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width)
            else:
                shown = metrics.elidedText(text[:budget] if len(text) > budget else text,
                                           Qt.TextElideMode.ElideRight, width)
                if len(text) > budget and shown == text[:budget]:
                    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            if shown != text and shown[:1] in _MARKS:
                # The "…" takes the direction of the text it cuts (else an id cut short
                # in the Persian window shows its "…" on the wrong side).
                shown += shown[0]
            if len(self._elided) >= _KEPT:
                self._elided.clear()
            self._elided[key] = shown
        align = cells[_ALIGN][column]
        direction = option.direction  # type: ignore[attr-defined]
        mark = text[:1]
        flags = self._flags.get((direction, align, mark))
        if flags is None:
            alignment = Qt.AlignmentFlag(_DEFAULT_ALIGN if align is None else int(align))  # type: ignore[call-overload]
            flags = self._flags[(direction, align, mark)] = (
                int(QStyle.visualAlignment(direction, alignment).value) | _SINGLE_LINE
                | _FORCE.get(mark, 0))
        if column not in self._recurring:
            painter.drawText(area, flags, shown)
            return
        laid_out = self._laid_out.get((shown, flags, direction))
        if laid_out is None:
            if len(self._laid_out) >= _KEPT:
                self._laid_out.clear()
            laid_out = self._laid_out[(shown, flags, direction)] = _lay_out(
                shown, _DIRECTIONS.get(mark, direction), painter)
        static, text_width, height = laid_out
        # Where drawText would put it (the flags are visual): at the aligned side or in
        # the middle, centred in the row's height.
        if flags & _RIGHT:
            x = area.right() + 1 - text_width
        elif flags & _CENTRE:
            x = area.left() + (width - text_width) / 2
        else:
            x = area.left()
        painter.drawStaticText(QPointF(x, area.top() + (area.height() - height) / 2), static)


def _lay_out(text: str, direction: Qt.LayoutDirection,
             painter: QPainter) -> tuple[QStaticText, float, float]:
    """``text`` shaped once in the painter's font, as one line of ``direction``: its
    layout, width and height."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    option.setTextDirection(direction)
    static.setTextOption(option)
    font = painter.font()
    static.prepare(QTransform(), font)
    # Aligned and centred by the line's advance and height, as drawText does (the
    # layout's size is rounded up and counts a last letter's overhang).
    metrics = QFontMetricsF(font)
    return static, metrics.horizontalAdvance(text), metrics.height()
