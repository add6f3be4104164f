"""Layout (#16): the window fits common screens, and its parts are whole on them.

The offscreen platform gives these tests four screens (see tests/conftest.py): 1400x900
(primary), 1366x768, 1024x700 and 1024x600.  A new window opens on the screen under the
pointer, so a test points at a screen and opens the real window there.  Panels and task
bars (an available area smaller than the screen) cannot be had offscreen; the fitting
itself is tested on such areas as plain rectangles.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from annotator.gui import settings as stored
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow, charts_height
from annotator.gui.window_geometry import (
    FRAME,
    MINIMUM,
    PREFERRED,
    default_rect,
    fits,
    keep_on_screen,
    opening_rect,
)

SIZES = {"0-desktop": (1400, 900), "1-laptop": (1366, 768), "2-netbook": (1024, 700),
         "3-small": (1024, 600)}


def _screen(name: str):
    found = {s.name(): s for s in QGuiApplication.screens()}
    if found.get(name) is None or found[name].size().toTuple() != SIZES[name]:
        pytest.skip("the offscreen screens of tests/gui/screens.json are not configured")
    return found[name]


@pytest.fixture(autouse=True)
def _pointer_and_direction_back(qapp):
    yield
    QCursor.setPos(QPoint(10, 10))  # the primary screen, where the other tests open
    from annotator.gui.i18n import install_translations

    install_translations(qapp, "en")
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _open(qtbot, screen_name: str | None = None, language: str = "en") -> MainWindow:
    if screen_name is not None:
        QCursor.setPos(_screen(screen_name).geometry().center())
    window = create_window(None, language, "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.session.project.close()


def _on_screen(widget: QWidget, area: QRect) -> bool:
    """Whether ``widget`` is shown whole (not cut by a parent) and inside ``area``."""
    whole = widget.visibleRegion().boundingRect() == widget.rect()
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return whole and area.contains(QRect(top_left, widget.size()))


# -- fitting, on available areas with panels --------------------------------------------
AREAS = {
    "1366x768, task bar below": QRect(0, 0, 1366, 728),
    "1024x700": QRect(0, 0, 1024, 700),
    "1024x600, top bar": QRect(0, 27, 1024, 573),
    "1024x600, two screens, the second one": QRect(1920, 32, 1024, 568),
    "1400x900": QRect(0, 0, 1400, 900),
}


@pytest.mark.parametrize("area", AREAS.values(), ids=AREAS.keys())
def test_a_new_window_fits_the_available_area(area: QRect) -> None:
    rect = opening_rect(None, [area], area)
    assert fits(rect, area)  # frame and all
    assert rect.size() == PREFERRED.boundedTo(area.marginsRemoved(FRAME).size())


def test_the_minimum_size_fits_a_1024x600_screen_with_a_panel() -> None:
    area = AREAS["1024x600, top bar"]
    assert fits(QRect(area.topLeft() + QPoint(FRAME.left(), FRAME.top()), MINIMUM), area)


def test_a_saved_geometry_is_restored_only_where_it_still_fits() -> None:
    laptop, monitor = QRect(0, 0, 1366, 728), QRect(1366, 0, 1920, 1040)
    on_laptop = QRect(100, 80, 1000, 600)
    assert opening_rect(on_laptop, [laptop, monitor], laptop) == on_laptop
    # Saved on the big monitor, which is still there: restored as it was.
    on_monitor = QRect(1400, 60, 1800, 950)
    assert opening_rect(on_monitor, [laptop, monitor], laptop) == on_monitor
    # The monitor is gone: the default on the screen under the pointer.
    assert opening_rect(on_monitor, [laptop], laptop) == default_rect(laptop)
    # Larger than the screen it was on (its resolution went down): that screen's default.
    assert opening_rect(QRect(10, 10, 1360, 820), [laptop, monitor], monitor) == \
        default_rect(laptop)
    # Partly off the screen's edge, or smaller than the minimum: the default.
    assert opening_rect(QRect(900, 300, 1000, 600), [laptop], laptop) == default_rect(laptop)
    assert opening_rect(QRect(100, 100, 300, 200), [laptop], laptop) == default_rect(laptop)


# -- the real window on each screen ------------------------------------------------------
@pytest.mark.parametrize("screen_name", SIZES)
@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_window_opens_inside_the_screen_with_every_part_on_it(
        qtbot, screen_name: str, language: str) -> None:
    window = _open(qtbot, screen_name, language)
    try:
        screen = _screen(screen_name)
        area = screen.availableGeometry()
        assert window.screen() is screen
        assert area.contains(window.frameGeometry())
        assert window.minimumSize() == MINIMUM
        panel = window.list_panel
        for part in (panel.search, panel.view, panel.progress_label, panel.progress,
                     window.reader, window.form_scroll, window.statusBar()):
            assert _on_screen(part, area), part.objectName() or type(part).__name__
        # The list's titles get the room: wider than the id column, the widest column.
        view = panel.view
        widths = [view.columnWidth(c) for c in range(4)]
        assert widths[1] == max(widths) and widths[1] >= 1.25 * widths[0], widths
        if size_of(screen) == (1024, 700):
            assert widths[1] >= 90, widths  # it was 40 pixels here
    finally:
        _close(window)


def size_of(screen) -> tuple[int, int]:
    return screen.size().width(), screen.size().height()


def test_a_saved_geometry_too_large_for_its_screen_gives_way_to_a_fitting_one(qtbot) -> None:
    small = _screen("3-small").availableGeometry()
    # Saved on a big monitor that stood where the small screen is now.
    stored.set_window_geometry(QRect(small.topLeft() + QPoint(8, 36), QSize(1360, 820)), False)
    window = _open(qtbot)
    try:
        assert window.screen() is _screen("3-small")
        assert small.contains(window.frameGeometry())
    finally:
        _close(window)


def test_a_fitting_geometry_comes_back_after_closing(qtbot) -> None:
    window = _open(qtbot, "1-laptop")
    laptop = _screen("1-laptop").availableGeometry()
    chosen = QRect(laptop.topLeft() + QPoint(60, 70), QSize(1000, 600))
    window.setGeometry(chosen)
    qtbot.waitUntil(lambda: window.geometry() == chosen)
    _close(window)
    assert stored.window_geometry() == (chosen, False)
    again = _open(qtbot)  # the pointer is on the laptop screen still; the geometry decides
    try:
        assert again.geometry() == chosen
    finally:
        _close(again)


def test_a_maximized_window_opens_maximized_and_keeps_its_normal_geometry(qtbot) -> None:
    laptop = _screen("1-laptop").availableGeometry()
    normal = QRect(laptop.topLeft() + QPoint(50, 60), QSize(900, 560))
    stored.set_window_geometry(normal, True)
    window = _open(qtbot, "1-laptop")
    try:
        qtbot.waitUntil(window.isMaximized)
        assert laptop.contains(window.frameGeometry())
        assert window.normalGeometry() == normal
    finally:
        _close(window)
    assert stored.window_geometry() == (normal, True)


def test_a_window_pushed_past_the_edge_is_brought_back(qtbot) -> None:
    window = _open(qtbot, "2-netbook")
    try:
        netbook = _screen("2-netbook").availableGeometry()
        window.setGeometry(QRect(netbook.right() - 600, netbook.top() + 300, 900, 600))
        qtbot.waitUntil(lambda: not netbook.contains(window.frameGeometry()))
        keep_on_screen(window)
        qtbot.waitUntil(lambda: netbook.contains(window.frameGeometry()))
    finally:
        _close(window)


def test_the_window_shrinks_to_its_minimum_with_nothing_cut_off(qtbot) -> None:
    window = _open(qtbot, "3-small")
    try:
        hint = window.minimumSizeHint()
        assert hint.width() <= MINIMUM.width() and hint.height() <= MINIMUM.height()
        window.resize(MINIMUM)
        qtbot.waitUntil(lambda: window.size() == MINIMUM)
        panel = window.list_panel
        inside = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
        for part in (panel.search, panel.view, panel.progress, window.statusBar()):
            assert _on_screen(part, inside), type(part).__name__
    finally:
        _close(window)


def test_review_mode_fits_the_small_screen_too(qtbot) -> None:
    window = _open(qtbot, "3-small")
    try:
        window.toggle_review()
        review = window.review
        assert review is not None and window.stack.currentWidget() is review
        hint = window.minimumSizeHint()
        assert hint.width() <= MINIMUM.width() and hint.height() <= MINIMUM.height()
        area = _screen("3-small").availableGeometry()
        for part in (review.queue, review.reader, review.comments, review.splitter.widget(2)):
            assert _on_screen(part, area), type(part).__name__
        # The queue keeps about a quarter of the width, the comparison its boxes' room.
        queue, _centre, details = review.splitter.sizes()
        assert queue >= 230 and details >= 320
    finally:
        _close(window)


# -- parts of the window -----------------------------------------------------------------
def test_the_progress_bar_is_drawn_whole(qtbot) -> None:
    window = _open(qtbot, "2-netbook")
    try:
        bar = window.list_panel.progress
        assert bar.height() >= bar.minimumSizeHint().height()  # it was 8 pixels
        assert bar.visibleRegion().boundingRect() == bar.rect()
        bottom = bar.mapTo(window, QPoint(0, bar.height()))
        assert bottom.y() <= window.statusBar().mapTo(window, QPoint(0, 0)).y()
    finally:
        _close(window)


def test_the_charts_open_at_a_useful_height(qtbot) -> None:
    window = _open(qtbot, "1-laptop")
    try:
        dock = window.charts_dock
        dock.toggleViewAction().trigger()  # View > Charts is the dock's own toggle
        expected = charts_height(window.height())
        qtbot.waitUntil(lambda: abs(dock.height() - expected) <= 8)
        assert dock.height() >= 220  # it opened about 70 pixels high
        assert window.charts.scroller.viewport().height() >= 150
        assert window.reader.height() >= 200  # and the article keeps room
        assert _on_screen(dock, _screen("1-laptop").availableGeometry())
    finally:
        _close(window)


def test_right_to_left_nothing_is_cut_at_the_right_edge(qtbot) -> None:
    window = _open(qtbot, "1-laptop", "fa")
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
    window = _open(qtbot, "1-laptop", "en")
    try:
        assert window.splitter.contentsMargins() == QMargins(0, 0, 0, 0)
        panel = window.list_panel
        assert panel.mapTo(window.splitter, QPoint(0, 0)).x() == 0
    finally:
        _close(window)


def test_screens_are_configured(qapp) -> None:
    """The other tests here skip without the screens; this one says so out loud."""
    if QApplication.platformName() != "offscreen":
        pytest.skip("not offscreen")
    names = sorted(s.name() for s in QGuiApplication.screens())
    assert names == sorted(SIZES)
    assert QGuiApplication.primaryScreen().name() == "0-desktop"
