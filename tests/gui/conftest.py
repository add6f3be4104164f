"""What every window test shares: the application is back in English afterwards, and
:func:`shown_window`.

A test that opens the window in Persian or Arabic installs those translations and a
right-to-left layout on the one QApplication of the test run; the next test must not
inherit them, whatever order the tests run in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


@contextmanager
def shown_window(qtbot, language: str = "en") -> Iterator[MainWindow]:
    """The main window in ``language`` on the default project, for Sara (who has tagged
    nothing yet), at its default size and shown; its project is closed afterwards."""
    from annotator.gui.app import create_window

    win = create_window(None, language, "Sara")
    assert win is not None
    qtbot.addWidget(win)
    win.resize(1360, 820)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.session.project.close()


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        from annotator.gui.i18n import install_translations

        install_translations(app, "en")  # also left to right again
