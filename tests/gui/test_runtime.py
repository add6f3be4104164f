"""The installed Qt binding must not leak references (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("گفت‌وگو")
    # Without the leak the count stays put (give or take a few unrelated references).
    assert sys.getrefcount(None) - before > -20
