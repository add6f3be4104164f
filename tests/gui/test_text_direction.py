"""Reading direction follows the text, not the interface (#16): the review queue's titles
and the review comments, in the real window's review mode, in English and in Persian.

What is checked is what is painted: where a cell's or a comment's ink lies.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QListWidgetItem, QStyleOptionViewItem

from annotator.core.intake.importer import import_paths, open_default_project
from annotator.core.session import Session
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from annotator.gui.paragraphs import paragraphs_document
from tests.conftest import ARABIC_ID, SAMPLE_IDS

PERSIAN_ID = SAMPLE_IDS[0]
LATIN_ID = "reuters_call"
LATIN_TITLE = "Reuters: Iran and Turkey discuss a ceasefire in Gaza by phone on Sunday night"
PERSIAN_COMMENT = "بله، آغازگر تماس رئیسی بود."
ARABIC_COMMENT = "نعم، كان رئيسي هو المبادر."
LATIN_COMMENT = "Agreed: Raisi initiated the call."
MIXED_COMMENT = "نعم، هو المبادر.\nBBC reported the call first.\n۱۴۰۳"


@pytest.fixture(autouse=True)
def _left_to_right_afterwards(qapp):
    yield
    from annotator.gui.i18n import install_translations

    install_translations(qapp, "en")
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _reviewing(qtbot, tmp_path: Path, language: str) -> MainWindow:
    """The real window in review mode: two annotators disagree on every article, and the
    first article has comments in Persian, Arabic, English and all three."""
    latin = tmp_path / f"{LATIN_ID}.txt"
    latin.write_text(f"{LATIN_TITLE}\n\nThe two presidents spoke about Gaza.", encoding="utf-8")
    with open_default_project() as project:
        import_paths(project, [latin])
        sara, reza = Session(project, "sara"), Session(project, "reza")
        for article in [*SAMPLE_IDS, LATIN_ID]:
            sara.set_choice(article, "stance", "condemning")
            reza.set_choice(article, "stance", "neutral")
        for text in (PERSIAN_COMMENT, ARABIC_COMMENT, LATIN_COMMENT, MIXED_COMMENT):
            project.review.add_comment(PERSIAN_ID, "sara", text)
    window = create_window(None, language, "mina")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.toggle_review()
    assert window.review is not None
    window.review.open_article(PERSIAN_ID)
    return window


def _ink(image: QImage, band: QRect | None = None) -> tuple[int, int] | None:
    """The first and last pixel columns with ink (darker than the background) in ``band``
    (the whole image when None)."""
    band = band or image.rect()
    background = image.pixelColor(band.right(), band.top()).lightness()
    columns = [x for x in range(band.left(), band.right() + 1)
               if any(image.pixelColor(x, y).lightness() < background - 80
                      for y in range(band.top(), band.bottom() + 1))]
    return (columns[0], columns[-1]) if columns else None


def _cell(window: MainWindow, article_id: str, width: int) -> QImage:
    review = window.review
    assert review is not None
    table, model = review.queue, review.queue_model
    table.clearSelection()
    # The queue wide enough for a whole title, the title column as wide as asked.
    review.splitter.setSizes([1000, 200, 200])
    header = table.horizontalHeader()
    header.setSectionResizeMode(1, header.ResizeMode.Interactive)
    header.resizeSection(1, width)
    QApplication.processEvents()
    assert table.columnWidth(1) == width
    assert table.visualRect(model.index(0, 1)).right() < table.viewport().width()
    row = model.row_of(article_id)
    assert row is not None
    return table.viewport().grab(table.visualRect(model.index(row, 1))).toImage()


def _same(narrow: QImage, wide: QImage, columns: range, shift: int) -> bool:
    """Whether ``narrow``'s pixel ``columns`` equal ``wide``'s ``shift`` columns on."""
    return all(narrow.pixelColor(x, y) == wide.pixelColor(x + shift, y)
               for x in columns for y in range(narrow.height()))


def _list_cell(window: MainWindow, article_id: str, width: int) -> QImage:
    """The article list's title cell of ``article_id`` with the list ``width`` wide."""
    panel = window.list_panel
    view, model = panel.view, panel.model
    view.clearSelection()
    sizes = window.splitter.sizes()
    window.splitter.setSizes([width, sum(sizes) - width - sizes[2], sizes[2]])
    QApplication.processEvents()
    row = model.row_of(article_id)
    assert row is not None
    rect = view.visualRect(model.index(row, 1))
    assert rect.right() < view.viewport().width()
    return view.viewport().grab(rect).toImage()


def _title_starts_at(window: MainWindow, article_id: str, side: str,
                     listed: bool = False) -> bool:
    """Whether the title cut short (a narrow column) shows the same start as the whole
    title (a wide column) on ``side``: then it was cut at its end, at the other side.
    In the review queue, or with ``listed`` in the article list."""
    if listed:
        narrow, wide = _list_cell(window, article_id, 300), _list_cell(window, article_id, 720)
    else:
        narrow, wide = _cell(window, article_id, 130), _cell(window, article_id, 560)
    keep = 70
    if side == "right":
        columns = range(narrow.width() - keep, narrow.width())
        return _same(narrow, wide, columns, wide.width() - narrow.width())
    return _same(narrow, wide, range(keep), 0)


@pytest.mark.parametrize("article_id", [PERSIAN_ID, ARABIC_ID])
def test_persian_and_arabic_titles_are_cut_at_their_end_in_the_english_window(
        qtbot, tmp_path: Path, article_id: str) -> None:
    window = _reviewing(qtbot, tmp_path, "en")
    try:
        assert not window.isRightToLeft()
        assert _title_starts_at(window, article_id, "right")
        assert not _title_starts_at(window, article_id, "left")
    finally:
        window.close()
        window.session.project.close()


def test_a_latin_title_is_cut_at_its_end_in_the_persian_window(qtbot, tmp_path: Path) -> None:
    window = _reviewing(qtbot, tmp_path, "fa")
    try:
        assert window.isRightToLeft()
        assert _title_starts_at(window, LATIN_ID, "left")
        assert not _title_starts_at(window, LATIN_ID, "right")
        assert _title_starts_at(window, PERSIAN_ID, "right")  # Persian as before
    finally:
        window.close()
        window.session.project.close()


@pytest.mark.parametrize(("language", "article_id", "side"), [
    ("en", PERSIAN_ID, "right"), ("en", ARABIC_ID, "right"), ("en", LATIN_ID, "left"),
    ("fa", LATIN_ID, "left"), ("fa", PERSIAN_ID, "right"),
])
def test_the_article_list_cuts_each_title_at_its_own_end(
        qtbot, tmp_path: Path, language: str, article_id: str, side: str) -> None:
    window = _reviewing(qtbot, tmp_path, language)
    try:
        window.toggle_review()  # back to the list
        other = "left" if side == "right" else "right"
        assert _title_starts_at(window, article_id, side, listed=True)
        assert not _title_starts_at(window, article_id, other, listed=True)
    finally:
        window.close()
        window.session.project.close()


def _comment_lines(window: MainWindow, text: str) -> list[tuple[str, tuple[int, int] | None, int]]:
    """Each painted line of the comment ``text``: its text, the columns its ink spans and
    the item's width."""
    review = window.review
    assert review is not None
    listing = review.comments.list
    item: QListWidgetItem = next(
        listing.item(i) for i in range(listing.count()) if listing.item(i).text().endswith(text))
    listing.scrollToItem(item)
    QApplication.processEvents()
    rect = listing.visualItemRect(item)
    image = listing.viewport().grab(rect).toImage()
    option = QStyleOptionViewItem()
    option.font = listing.font()
    option.direction = listing.layoutDirection()
    document = paragraphs_document(item.text(), option, rect.width())
    lines = []
    block = document.begin()
    while block.isValid():
        box = document.documentLayout().blockBoundingRect(block).toRect()
        band = QRect(0, box.top() + 2, rect.width(), max(box.height() - 4, 1))
        lines.append((block.text(), _ink(image, band.intersected(image.rect())), rect.width()))
        block = block.next()
    return lines


def _side(ink: tuple[int, int] | None, width: int) -> str:
    assert ink is not None
    left_gap, right_gap = ink[0], width - 1 - ink[1]
    assert abs(left_gap - right_gap) > 20, "the line fills its row: no side to tell"
    return "left" if left_gap < right_gap else "right"


def test_persian_and_arabic_comments_read_right_to_left_in_the_english_window(
        qtbot, tmp_path: Path) -> None:
    window = _reviewing(qtbot, tmp_path, "en")
    try:
        for text in (PERSIAN_COMMENT, ARABIC_COMMENT):
            (head, head_ink, width), (body, body_ink, _) = _comment_lines(window, text)
            assert "sara" in head and body == text
            assert _side(head_ink, width) == "left"  # author and time: the interface's
            assert _side(body_ink, width) == "right"
        (_, head_ink, width), (_, body_ink, _) = _comment_lines(window, LATIN_COMMENT)
        assert _side(body_ink, width) == "left"
        # Each line of a comment in its own direction; a line of digits, the interface's.
        lines = _comment_lines(window, MIXED_COMMENT)
        assert [_side(ink, width) for _text, ink, width in lines] == [
            "left", "right", "left", "left"]
    finally:
        window.close()
        window.session.project.close()


def test_a_latin_comment_reads_left_to_right_in_the_persian_window(
        qtbot, tmp_path: Path) -> None:
    window = _reviewing(qtbot, tmp_path, "fa")
    try:
        (_, head_ink, width), (body, body_ink, _) = _comment_lines(window, LATIN_COMMENT)
        assert body == LATIN_COMMENT
        assert _side(head_ink, width) == "right"
        assert _side(body_ink, width) == "left"
        (_, _, width), (_, body_ink, _) = _comment_lines(window, PERSIAN_COMMENT)
        assert _side(body_ink, width) == "right"
        lines = _comment_lines(window, MIXED_COMMENT)
        assert [_side(ink, width) for _text, ink, width in lines] == [
            "right", "right", "left", "right"]
    finally:
        window.close()
        window.session.project.close()


@pytest.mark.parametrize(("language", "reason", "side"), [
    ("en", "عنوان خبر تکلیف را روشن می‌کند.", "right"),
    ("fa", "The headline decides it.", "left"),
])
def test_a_decisions_reason_reads_in_its_own_direction(
        qtbot, tmp_path: Path, language: str, reason: str, side: str) -> None:
    window = _reviewing(qtbot, tmp_path, language)
    try:
        review = window.review
        assert review is not None
        stance = review.field_reviews["stance"]
        stance.comment.setText(reason)
        assert review.accept("stance", "sara")
        label = stance.adjudication
        assert reason in label.text()
        line = label.fontMetrics().lineSpacing()
        qtbot.waitUntil(lambda: label.height() >= 3 * line)  # laid out again: three lines
        image = label.grab().toImage()
        bottom = label.contentsRect().bottom()
        ink = _ink(image, QRect(0, bottom - line + 3, image.width(), line - 4))
        assert _side(ink, image.width()) == side
        # The lines above it (value, reviewer and time) stay in the interface's direction.
        first = _ink(image, QRect(0, label.contentsRect().top() + 2, image.width(), line - 4))
        assert _side(first, image.width()) == ("left" if language == "en" else "right")
    finally:
        window.close()
        window.session.project.close()
