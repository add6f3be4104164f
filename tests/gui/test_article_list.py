"""The article list as painted: selection, right-to-left titles, elided to their column."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPalette

from annotator.gui.list_delegate import RowDelegate
from annotator.gui.main_window import MainWindow
from tests.gui.conftest import shown_window


@pytest.fixture
def window(qtbot) -> MainWindow:
    with shown_window(qtbot) as win:
        yield win


def _ink_columns(image: QImage, top: int, bottom: int, left: int, right: int,
                 background: QColor) -> list[int]:
    """x of every pixel column in the box holding something other than ``background``."""
    found = []
    for x in range(left, right):
        for y in range(top, bottom):
            colour = image.pixelColor(x, y)
            if abs(colour.lightness() - background.lightness()) > 60:
                found.append(x)
                break
    return found


def test_titles_read_right_to_left_elided_in_their_column(qtbot, window: MainWindow) -> None:
    panel = window.list_panel
    view, model = panel.view, panel.model
    view.setColumnWidth(1, 120)
    rtl_rows = [r for r in range(model.rowCount()) if model.summary(r).language in ("fa", "ar")]
    current = view.currentIndex().row()
    row = next(r for r in rtl_rows if r != current)
    title = model.summary(row).title
    metrics = QFontMetrics(view.font())
    assert metrics.horizontalAdvance(title) > 120  # too long for the column: elided
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    cell = view.visualRect(model.index(row, 1))
    background = view.palette().color(QPalette.ColorRole.Base)
    ink = _ink_columns(image, cell.top() + 2, cell.bottom() - 2, cell.left(), cell.right(),
                       background)
    assert ink, "the title was not painted"
    # Right-aligned (it is Persian or Arabic), filling the cell but not spilling out of it.
    assert cell.right() - max(ink) <= 8
    assert min(ink) - cell.left() <= 16
    # The text drawn is the title's beginning plus an ellipsis, as wide as the cell allows.
    delegate = view.itemDelegate()
    cell_text = model.data(model.index(row, 1))
    [shown] = [text for (column, _w, source), text in delegate._elided.items()
               if (column, source) == (1, cell_text)]
    # Right-to-left marks around it keep the "…" at the cut end (the left); Qt keeps the
    # last letter's joining form with a zero-width joiner before the "…".
    assert shown.startswith("\u200f") and shown.endswith("…\u200f")
    kept = shown.strip("\u200f")[:-1].rstrip("\u200d ")
    assert len(kept) > 3 and title.startswith(kept)
    assert metrics.horizontalAdvance(shown) <= cell.width()


def test_the_current_row_is_painted_selected(qtbot, window: MainWindow) -> None:
    view = window.list_panel.view
    index = view.currentIndex()
    assert index.isValid()
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    group = (QPalette.ColorGroup.Active if view.window().isActiveWindow()
             else QPalette.ColorGroup.Inactive)
    highlight = view.palette().color(group, QPalette.ColorRole.Highlight)
    assert highlight.rgb() != view.palette().color(group, QPalette.ColorRole.Base).rgb()
    # Where no letter is (a cell's first pixels), the colour is the selection's ...
    rect = view.visualRect(index)
    assert image.pixelColor(rect.left() + 1, rect.top() + 2).rgb() == highlight.rgb()
    # ... and only on the current row.
    below = view.visualRect(view.model().index((index.row() + 1) % view.model().rowCount(), 1))
    assert image.pixelColor(below.left() + 1, below.top() + 2).rgb() != highlight.rgb()


@pytest.mark.parametrize("language", ["fa", "ar", "en"])
def test_language_and_status_kept_laid_out_look_as_drawn_anew(qtbot, language: str) -> None:
    """The language and status columns are shaped once per text and only drawn again
    (QStaticText); pixel for pixel they look as text shaped and drawn for each cell, in
    both directions, cut short (the status column narrowed) and after a change of font."""
    with shown_window(qtbot, language) as win:
        panel = win.list_panel
        view, model = panel.view, panel.model
        view.setColumnWidth(3, 40)  # "not started" cut short in every language
        kept = view.itemDelegate()
        assert isinstance(kept, RowDelegate)
        drawn_anew = RowDelegate(model, view, middle=frozenset({0}))  # no column kept

        def painted(delegate: RowDelegate) -> QImage:
            if view.itemDelegate() is not delegate:
                view.setItemDelegate(delegate)
            view.viewport().repaint()
            return view.viewport().grab().toImage()

        for size in (None, 15):  # the window's font, then a larger one
            if size is not None:
                font = view.font()
                font.setPointSize(size)
                view.setFont(font)
            first = painted(kept)
            again = painted(kept)  # this time from the kept layouts
            reference = painted(drawn_anew)
            assert first == reference
            assert again == reference
            assert any(column == 3 and shown != text  # the status was cut short
                       for (column, _w, text), shown in kept._elided.items())
        assert kept._laid_out  # the texts were kept, not shaped for every cell
