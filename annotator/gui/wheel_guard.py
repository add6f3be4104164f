"""The mouse wheel scrolls the tag form; it changes a value only in the box the analyst chose.

A combo box or spin box takes the wheel by default, focused or not: an analyst scrolling the
form with the pointer over a participant's role changed the role (and the form saved it at
once).  :func:`guard_wheel` makes such a widget take the focus only by a click or Tab
(not by the wheel), and while it does not have the focus its wheel goes to the scroll area
around it, which scrolls.  Once clicked (or tabbed to), the wheel changes its value, as the
analyst asked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget


class _WheelGuard(QObject):
    """Sends the wheel of an unfocused guarded widget to the scroll area around it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget)
                or not isinstance(event, QWheelEvent) or watched.hasFocus()):
            return False
        area = scroll_area_of(watched)
        if area is None:
            event.ignore()  # its parents may scroll
            return True
        viewport = area.viewport()
        forwarded = QWheelEvent(
            QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint())),
            event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
            event.modifiers(), event.phase(), event.inverted())
        QApplication.sendEvent(viewport, forwarded)
        event.accept()  # scrolled once, here: it must not reach the parents as well
        return True


def scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area that ``widget`` lies in (as its content), if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def guard_wheel(widget: QWidget) -> None:
    """The wheel over ``widget`` changes its value only while it has the focus."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: no focus by wheel
    widget.installEventFilter(_WheelGuard(widget))
