"""The flow area: buttons in rows that wrap, mirrored right to left, reflowed on change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from annotator.gui.flow_area import FlowArea


def _window(qtbot, direction: Qt.LayoutDirection) -> tuple[QWidget, FlowArea, list[QPushButton]]:
    window = QWidget()
    window.setLayoutDirection(direction)
    qtbot.addWidget(window)
    area = FlowArea()
    QVBoxLayout(window).addWidget(area)
    buttons = []
    for name in ("رجب طیب اردوغان (7)", "Ebrahim Raisi (5)", "Israel (5)", "Iran (4)",
                 "فلسطین (2)"):
        button = QPushButton(name)
        area.add(button)
        buttons.append(button)
    window.resize(320, 200)
    window.show()
    qtbot.waitExposed(window)
    return window, area, buttons


def test_rows_wrap_to_the_width_and_the_height_follows(qtbot) -> None:
    window, area, buttons = _window(qtbot, Qt.LayoutDirection.LeftToRight)
    tops = sorted({b.geometry().top() for b in buttons})
    assert len(tops) >= 2  # did not fit on one row of ~300 px
    assert all(b.geometry().right() <= area.width() for b in buttons)
    assert area.heightForWidth(area.width()) >= tops[-1] + buttons[-1].height()
    assert area.heightForWidth(2000) < area.heightForWidth(area.width())
    first = buttons[0].geometry()
    assert first.left() == 0 and first.top() == 0
    # Hiding one moves the next into its place, on the next pass of the event loop.
    where = buttons[1].geometry().topLeft()
    buttons[0].hide()
    qtbot.waitUntil(lambda: buttons[1].geometry().topLeft() == first.topLeft())
    assert where != first.topLeft()


def test_right_to_left_starts_at_the_right(qtbot) -> None:
    window, area, buttons = _window(qtbot, Qt.LayoutDirection.RightToLeft)
    first = buttons[0].geometry()
    assert first.right() == area.width() - 1 and first.top() == 0
    assert buttons[1].geometry().right() < first.left()
