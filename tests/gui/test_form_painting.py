"""Showing the next article paints what changed in the tag form, not every box in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QRadioButton

from annotator.gui.main_window import MainWindow
from tests.gui.conftest import shown_window


class _Paints(QObject):
    """Counts the paint events of the stance's radio buttons."""

    def __init__(self, watched: list[QRadioButton]) -> None:
        super().__init__()
        self.watched = set(map(id, watched))
        self.count = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and id(obj) in self.watched:
            self.count += 1
        return False


@pytest.fixture(params=["fa", "en"])
def window(request, qtbot) -> MainWindow:
    with shown_window(qtbot, request.param) as win:  # Sara has tagged nothing yet
        yield win


def _on_screen(win: MainWindow, rect: QRect) -> QImage:
    """What the window shows in ``rect`` (window coordinates), as painted so far."""
    shown = win.screen().grabWindow(win.winId()).toImage()
    return shown.copy(rect).convertToFormat(QImage.Format.Format_RGB32)


def test_boxes_the_next_article_leaves_alike_are_not_painted_again(qtbot, window) -> None:
    app = QApplication.instance()
    form = window.form
    radios = [r for r in form.findChildren(QRadioButton) if r.isVisible()]
    assert radios
    paints = _Paints(radios)
    app.installEventFilter(paints)
    heights = {form.height()}
    try:
        for _ in range(8):  # untagged articles: the stance shows no choice on each
            window.step(1)
            app.processEvents()
            heights.add(form.height())
    finally:
        app.removeEventFilter(paints)
    # The form grew and shrank with the articles (the participants found in each) ...
    assert len(heights) > 1
    # ... and the stance's buttons, the same on every article, were not painted again.
    assert paints.count == 0
    # What the window shows of the form is what a fresh painting shows: after the next
    # article, and after the form was made narrower and wider (right to left too).
    viewport = window.form_scroll.viewport()
    for change in (0, -80, 120):
        if change:
            sizes = window.splitter.sizes()
            sizes[-2], sizes[-1] = sizes[-2] - change, sizes[-1] + change
            window.splitter.setSizes(sizes)
            window.step(1)
        app.processEvents()
        area = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
        assert _on_screen(window, area) == viewport.grab().toImage().convertToFormat(
            QImage.Format.Format_RGB32), change
