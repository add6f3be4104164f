"""A widget that places its child buttons in rows that wrap, mirrored right to left.

It positions its children itself instead of through a QLayout.  With a layout, showing
one hidden child makes Qt lay out every layout from there up to the window before the
call returns; the participant suggestions show and hide a dozen buttons per article, so
here a change only asks for one pass, when the event loop next runs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QStyle, QWidget


class FlowArea(QWidget):
    """Rows of child widgets, left to right (mirrored in a right-to-left layout), that wrap."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._spacing = spacing
        self._children: list[QWidget] = []
        self._hints: list[tuple[QWidget, QSize]] | None = None
        self._heights: dict[int, int] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add(self, widget: QWidget) -> None:
        """Place ``widget`` after the others (it becomes a child of this area)."""
        widget.setParent(self)
        self._children.append(widget)
        self._changed()

    # -- sizes -------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(width, apply=False)
        return height

    def sizeHint(self) -> QSize:  # noqa: N802
        minimum = self.minimumSizeHint()
        width = max(self.width(), minimum.width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        widest = max((hint.width() for _widget, hint in self._shown()), default=0)
        return QSize(widest, self.heightForWidth(max(widest, 1)) if widest else 0)

    # -- placing -----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # A child was shown, hidden or changed its size hint: Qt posts this (compressed:
        # once per pass of the event loop) to a widget without a layout.
        if event.type() == QEvent.Type.LayoutRequest:
            self._changed()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # rows depend on the width only
            self._place(self.width(), apply=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._place(self.width(), apply=True)

    def _changed(self) -> None:
        self._hints = None
        self._heights.clear()
        self.updateGeometry()
        self._place(self.width(), apply=True)

    def _shown(self) -> list[tuple[QWidget, QSize]]:
        if self._hints is None:
            self._hints = [(widget, widget.sizeHint()) for widget in self._children
                           if not widget.isHidden()]
        return self._hints

    def _place(self, width: int, apply: bool) -> int:
        """Place the shown children in rows ``width`` wide; returns the height needed."""
        area = QRect(0, 0, width, 0)
        x = y = line = 0
        direction = self.layoutDirection()
        for widget, hint in self._shown():
            if line and x + hint.width() > width:
                x, y, line = 0, y + line + self._spacing, 0
            if apply:
                # Computed left to right, then mirrored for a right-to-left layout.
                widget.setGeometry(QStyle.visualRect(direction, area,
                                                     QRect(QPoint(x, y), hint)))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line

