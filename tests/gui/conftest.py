"""What every window test shares: the application is back in English afterwards.

A test that opens the window in Persian or Arabic installs those translations and a
right-to-left layout on the one QApplication of the test run; the next test must not
inherit them, whatever order the tests run in.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        from annotator.gui.i18n import install_translations

        install_translations(app, "en")  # also left to right again
