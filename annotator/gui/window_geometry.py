"""Where the main window opens, and how big: always inside a screen's available area.

The window opens at :data:`PREFERRED` where the screen has room for it, and smaller where it
has not: inside the screen's available geometry (the screen less panels and task bars), less
the frame the window manager adds, which is not known before the window is shown
(:data:`FRAME` stands in for it until then).  Its minimum size, :data:`MINIMUM`, fits a
1024x600 screen with a panel, so the list, the reader and the form stay on screen there.

The geometry saved on closing is restored only where it still fits a screen as it is now:
a laptop taken off its large monitor, or a screen whose resolution went down, gets a
fitting default on the screen the window was on instead of a window hanging off the edge.
A new window opens on the screen under the mouse pointer, where window managers put it.

:func:`opening_rect` decides from plain rectangles (the tests give it screens of any
size); :func:`place` and :func:`keep_on_screen` apply it to the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1360, 820)
MINIMUM = QSize(760, 480)
# A title bar and borders, as most window managers draw them (the real frame is known
# only once the window is shown; keep_on_screen checks again then).
FRAME = QMargins(8, 36, 8, 8)


def fits(rect: QRect, available: QRect, frame: QMargins = FRAME) -> bool:
    """Whether a window of client geometry ``rect`` lies, frame and all, inside
    ``available`` and is no smaller than :data:`MINIMUM`."""
    return (available.contains(rect.marginsAdded(frame))
            and rect.width() >= MINIMUM.width() and rect.height() >= MINIMUM.height())


def default_rect(available: QRect, frame: QMargins = FRAME) -> QRect:
    """The client geometry of a new window: :data:`PREFERRED`, or what ``available`` has
    room for (never below :data:`MINIMUM`), centred; on a screen smaller than the minimum
    its top left stays on screen (the title bar can be reached)."""
    room = available.marginsRemoved(frame)
    size = PREFERRED.boundedTo(room.size()).expandedTo(MINIMUM)
    left = room.left() + max((room.width() - size.width()) // 2, 0)
    top = room.top() + max((room.height() - size.height()) // 2, 0)
    return QRect(QPoint(left, top), size)


def opening_rect(saved: QRect | None, screens: Sequence[QRect], current: QRect,
                 frame: QMargins = FRAME) -> QRect:
    """The client geometry to open at.

    ``saved`` (from the last run) when it fits one of ``screens`` (their available
    geometries) as they are now; else the default on the screen it was mostly on, or on
    ``current`` (the screen under the pointer) when it was on none of them.
    """
    if saved is not None and saved.isValid():
        if any(fits(saved, screen, frame) for screen in screens):
            return QRect(saved)
        overlaps = [(area(screen.intersected(saved)), screen) for screen in screens]
        best = max(overlaps, key=lambda pair: pair[0], default=(0, current))
        if best[0] > 0:
            return default_rect(best[1], frame)
    return default_rect(current, frame)


def area(rect: QRect) -> int:
    return max(rect.width(), 0) * max(rect.height(), 0) if rect.isValid() else 0


def _current_screen_area() -> QRect:
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place(window: QWidget, saved: QRect | None, maximized: bool = False) -> None:
    """Give the (not yet shown) ``window`` its minimum size and its opening geometry."""
    window.setMinimumSize(MINIMUM)
    screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
    # The client geometry (the frame goes round it: the rect leaves room for one).
    window.setGeometry(opening_rect(saved, screens, _current_screen_area()))
    if maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def keep_on_screen(window: QWidget) -> None:
    """Once shown (the real frame known): pull the window back inside its screen's
    available area if the frame made it spill over."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    if available.contains(frame):
        return
    margins = QMargins(window.geometry().left() - frame.left(),
                       window.geometry().top() - frame.top(),
                       frame.right() - window.geometry().right(),
                       frame.bottom() - window.geometry().bottom())
    window.setGeometry(default_rect(available, margins))


def geometry_to_save(window: QWidget) -> tuple[QRect, bool]:
    """What to remember on closing: the normal (not maximized) client geometry, and
    whether the window was maximized."""
    return QRect(window.normalGeometry()), window.isMaximized()
