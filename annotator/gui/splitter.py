"""A horizontal splitter that keeps its children inside it when mirrored (right to left).

Qt mirrors a horizontal :class:`QSplitter`'s children one pixel too far to the right: it
moves each child's right edge to ``width - left`` where the last pixel column is
``width - 1``.  In the Persian and Arabic window the child at the right edge lost its
last column, which clipped the search box's border and the first letter of right-aligned
text.  One pixel of contents margin on the right, in right-to-left only, gives every
child its exact mirrored place (the leftmost pixel column stays empty).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSplitter, QWidget


class Splitter(QSplitter):
    """:class:`QSplitter`, its children mirrored exactly in a right-to-left layout."""

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._mirror_exactly()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._mirror_exactly()
        super().changeEvent(event)

    def _mirror_exactly(self) -> None:
        mirrored = (self.orientation() == Qt.Orientation.Horizontal and self.isRightToLeft())
        self.setContentsMargins(0, 0, 1 if mirrored else 0, 0)
