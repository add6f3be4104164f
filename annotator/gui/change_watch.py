"""Noticing that another window or command wrote to the project, so the window can show it.

Another window, a command in a terminal, or this window's own import, merge or backup (each
with a connection of its own) may commit to the file at any time.  :class:`ChangeWatch` asks
the session every :data:`WATCH_INTERVAL_MS` and says so (:attr:`ChangeWatch.changed`); the
window then shows what is there now.  The question is one pragma (a few microseconds, no
table read) while nothing changed, so the watch runs always, also while the window is in
the background: the analyst is in the terminal running the command that writes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.session import Session

WATCH_INTERVAL_MS = 1500


class ChangeWatch(QTimer):
    """Polls ``session()`` (the window's current one) for writes made elsewhere."""

    changed = Signal()  # another connection committed since the last look

    def __init__(self, parent: QObject, session: Callable[[], Session]) -> None:
        super().__init__(parent, interval=WATCH_INTERVAL_MS)
        self._session = session
        self.timeout.connect(self.look)

    def look(self) -> None:
        try:
            changed = self._session().changed_elsewhere()
        except Exception:  # a poll must not raise into the event loop; a file gone or
            return  # closed (a restore under way) shows at the analyst's next action
        if changed:
            self.changed.emit()
