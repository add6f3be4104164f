"""Layout (#16): the window's parts are whole on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMargins, QPoint, Qt

from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _left_to_right_afterwards(qapp):
    yield
    from annotator.gui.i18n import install_translations

    install_translations(qapp, "en")
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _open(qtbot, language: str = "en") -> MainWindow:
    window = create_window(None, language, "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.session.project.close()


def test_right_to_left_nothing_is_cut_at_the_right_edge(qtbot) -> None:
    window = _open(qtbot, "fa")
    try:
        assert window.isRightToLeft()
        splitter = window.splitter
        panel = window.list_panel
        # The list is the rightmost part; its right edge is the splitter's last column.
        right = panel.mapTo(splitter, QPoint(panel.width() - 1, 0)).x()
        assert right == splitter.width() - 1
        for index in range(splitter.count()):
            assert splitter.rect().contains(splitter.widget(index).geometry())
        for part in (panel.search, panel.filter, panel.view, panel.progress_label):
            assert part.visibleRegion().boundingRect() == part.rect(), type(part).__name__
        # The first letter of a right-aligned text: the label's whole width is shown.
        label = panel.progress_label
        assert label.mapTo(splitter, QPoint(label.width() - 1, 0)).x() <= splitter.width() - 1
    finally:
        _close(window)


def test_left_to_right_the_splitter_is_as_before(qtbot) -> None:
    window = _open(qtbot, "en")
    try:
        assert window.splitter.contentsMargins() == QMargins(0, 0, 0, 0)
        panel = window.list_panel
        assert panel.mapTo(window.splitter, QPoint(0, 0)).x() == 0
    finally:
        _close(window)
