"""A word-wrapped label that works out its height once per text, font and width.

Qt's layouts ask a wrapped QLabel for its size hint, its minimum size hint and its height
for a width several times whenever the window is laid out, and for a new text the label
lays the text out again for each question.  Showing the next article changes the title,
the date line and the evidence line, so those labels are this class: the height for a
width is remembered until the text or font changes, and the label asks nothing of the
window's minimum width (it wraps; a long title must not widen the window).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """A QLabel with word wrap on and its sizes remembered per width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:  # noqa: N802
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # One line, whatever the text: the layout gives the label its height for its width
        # (the label has height-for-width), and a hint that followed the text would change
        # the window's minimum size, and make it lay out again, on every article.
        return QSize(0, self.fontMetrics().lineSpacing() if self.text() else 0)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSizeHint()
