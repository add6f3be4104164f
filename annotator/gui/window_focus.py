"""Where the keyboard focus is while coding: on the article and the form, not in the search.

The analyst codes by keys that are shortcuts of the whole window (``2`` for the stance,
Ctrl+1 for a demand), and a text box takes such keys as typing: ``2`` typed into the search
box empties the list instead of setting the stance.  So the focus starts on the article text,
the search box is reached by Ctrl+F (or a click) only, Esc in it gives the focus back, and
when the widget holding the focus disappears (the charts dock or review mode closes, a form
is rebuilt) Qt would hand it to the next widget in the tab order, often the search box: the
focus goes back to where the analyst last was in the article or the form instead.

:class:`FocusKeeper` is a part of the main window; it sees the window through
:class:`FocusHost`.
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FocusHost(Protocol):
    """What the keeper needs of the window: the coding page and its two halves."""

    def coding_page(self) -> QWidget:
        """The page with the list, the article and the form (shown unless reviewing)."""
        ...

    def coding_parts(self) -> tuple[QWidget, ...]:
        """Where the focus belongs while coding: the article and the form."""
        ...

    def article_text(self) -> QWidget:
        """The article's text, where the focus starts."""
        ...


def _alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


def _inside(widget: QWidget, parents: tuple[QWidget, ...]) -> bool:
    return any(widget is parent or parent.isAncestorOf(widget) for parent in parents)


class FocusKeeper(QObject):
    """Keeps the focus of ``window`` (a :class:`FocusHost`) on the article and the form."""

    def __init__(self, window: QWidget, host: FocusHost) -> None:
        super().__init__(window)
        self._window, self._host = window, host
        self._last: QWidget | None = None  # where the analyst last was in article or form
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def to_article(self) -> None:
        """Focus where the analyst last was in the article or the form (the article text
        the first time), if the coding page is shown."""
        page, window = self._host.coding_page(), self._window
        # Visible once the window is (it may not be shown yet): Qt gives the focus then.
        if not _alive(page) or not page.isVisibleTo(window):
            return
        parts = self._host.coding_parts()
        last = self._last
        if not (_alive(last) and last is not None and last.isVisibleTo(window)
                and last.isEnabled() and _inside(last, parts)):
            last = self._host.article_text()
        last.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not _alive(self._window):
            return
        parts = self._host.coding_parts()
        if _alive(new) and new is not None and _inside(new, parts):
            self._last = new
            return
        # The focus left a widget because it was hidden (a dock closed, review mode left,
        # a form rebuilt): Qt moved it to the next widget in the tab order.  A click or a
        # key that moves the focus leaves the old widget visible.
        if (_alive(old) and old is not None and old.window() is self._window
                and not old.isVisible()):
            QTimer.singleShot(0, self, self._after_hidden)

    def _after_hidden(self) -> None:
        focus = QApplication.focusWidget()
        if focus is None or (focus.window() is self._window
                             and not _inside(focus, self._host.coding_parts())):
            self.to_article()
