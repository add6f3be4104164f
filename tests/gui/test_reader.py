"""The article reader: direction, offsets (code points vs UTF-16), highlights, evidence, zoom."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QTextBlockFormat
from PySide6.QtWidgets import QMainWindow

from annotator.core.participants import Mention
from annotator.core.store.articles import Article
from annotator.core.text import BIDI_CONTROLS, to_utf16
from annotator.gui.reader import BIDI_MARK, LINE_HEIGHT_PERCENT, MARK_KIND, Reader
from tests.conftest import ARABIC_ID

RTL = Qt.LayoutDirection.RightToLeft


def make_article(body: str, language: str = "fa", **changes: object) -> Article:
    fields: dict[str, object] = {
        "article_id": "t1", "title": "عنوان", "body": body, "language": language,
        "outlet": None, "url": None, "published": None, "published_original": None,
        "source_path": None, "content_hash": str(hash(body)), "imported_at": "2024-06-01",
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


@pytest.fixture
def reader(qtbot):
    widget = Reader()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def sample(project, language: str) -> Article:
    for summary in project.articles.summaries():
        if summary.language == language:
            return project.articles.get(summary.article_id)
    raise AssertionError(f"no {language} sample")


def first_line_x(reader: Reader, block_number: int, position: int) -> float:
    block = reader.browser.document().findBlockByNumber(block_number)
    layout = block.layout()
    line = layout.lineForTextPosition(position)
    return layout.position().x() + line.cursorToX(position)[0]


def marks(reader: Reader, kind: str) -> list:
    return [s for s in reader.browser.extraSelections() if s.format.property(MARK_KIND) == kind]


# -- direction ---------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["fa", "ar"])
def test_persian_and_arabic_are_right_to_left(reader, project, language):
    reader.show_article(sample(project, language))
    option = reader.browser.document().defaultTextOption()
    assert option.textDirection() == RTL
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    # Without AlignAbsolute, Qt mirrors AlignRight in a right-to-left paragraph.
    assert option.alignment() & Qt.AlignmentFlag.AlignAbsolute
    block = reader.browser.document().firstBlock()
    while block.isValid():
        assert block.layout().textOption().textDirection() == RTL
        block = block.next()
    assert reader.title_label.text().startswith("\u200f")
    assert reader.title_label.alignment() & Qt.AlignmentFlag.AlignRight
    assert reader.meta_label.text().startswith("\u200f")


def test_latin_first_paragraph_stays_right_to_left(reader):
    body = "BBC گزارش داد که وزیر خارجه امروز به تهران آمد.\nپاراگراف دوم."
    stop = body.index(".")
    width = reader.browser.document().textWidth()

    reader.show_article(make_article(body, "fa"))
    assert reader.browser.document().firstBlock().layout().textOption().textDirection() == RTL
    start_x, stop_x = first_line_x(reader, 0, 0), first_line_x(reader, 0, stop)
    assert start_x > width / 2  # "BBC" sits on the right ...
    assert stop_x < start_x  # ... and the full stop on the far left
    assert stop_x < width / 2
    block = reader.browser.document().firstBlock()
    right_edge = block.layout().position().x() + block.layout().lineAt(0).naturalTextRect().right()
    assert right_edge > width - 2 * reader.browser.document().documentMargin() - 2  # aligned right

    reader.show_article(make_article(body, "other", article_id="t2"))
    assert reader.browser.document().defaultTextOption().textDirection() == (
        Qt.LayoutDirection.LeftToRight)
    assert first_line_x(reader, 0, 0) < width / 2
    assert not reader.title_label.text().startswith("\u200f")


def test_header_shows_outlet_both_calendars_and_language(reader):
    article = make_article("متن", "fa", title="باقری: <b>عنوان</b>", outlet="Mizan",
                           published="2024-06-01", published_original="12 خرداد 1403")
    reader.show_article(article)
    assert reader.title_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>عنوان</b>" in reader.title_label.text()
    meta = reader.meta_label.text()
    assert "Mizan" in meta and "2024-06-01" in meta and "12 خرداد 1403" in meta
    assert "Persian" in meta
    reader.show_article(make_article("x", "fa", article_id="t2",
                                     published_original="یکشنبه شب ۱۶ مهر ماه"))
    assert "یکشنبه شب ۱۶ مهر ماه" in reader.meta_label.text()


# -- offsets, selection, highlights ------------------------------------------------------
def test_selection_round_trip_in_the_arabic_sample(reader, project):
    article = project.articles.get(ARABIC_ID)
    body = article.body
    reader.show_article(article)
    document = reader.browser.document()
    assert document.characterCount() - 1 == len(body)

    word = body.index("الإسلامية")
    inside = (word + 3, word + 6)  # "سلا", in the middle of the word
    for start, end in [inside, (0, 12), (len(body) - 9, len(body)),
                       *((i, i + 7) for i in range(0, len(body) - 7, 211))]:
        reader.select_span(start, end)
        cursor = reader.browser.textCursor()
        assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
        assert reader.selected_span() == (start, end, body[start:end])

    reader.set_marks([], [(*inside, "#f6c343")])
    [selection] = marks(reader, "evidence")
    assert (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) == inside
    assert selection.cursor.selectedText() == "سلا"


def test_highlight_inside_a_word_keeps_the_letters_joined(reader, project):
    """The inked pixels of a word are the same with and without a highlight on 3 of its letters
    (a highlight that broke the word into separate shaping runs would change letter forms)."""
    article = project.articles.get(ARABIC_ID)
    word = article.body.index("الإسلامية")
    reader.show_article(article)
    reader.scroll_to(word)
    cursor = reader.browser.textCursor()
    cursor.setPosition(word)
    start = reader.browser.cursorRect(cursor)
    cursor.setPosition(word + len("الإسلامية"))
    area = start.united(reader.browser.cursorRect(cursor)).adjusted(-4, -4, 4, 4)
    assert area.height() < 3 * start.height()  # the word is on one line

    def ink() -> set[tuple[int, int]]:
        image = reader.browser.viewport().grab(area).toImage()
        return {(x, y) for y in range(image.height()) for x in range(image.width())
                if QColor(image.pixel(x, y)).lightness() < 90}

    def strays(these: set[tuple[int, int]], those: set[tuple[int, int]]) -> int:
        """Pixels of ``these`` with no pixel of ``those`` at or next to them."""
        return sum(1 for x, y in these
                   if not any((x + dx, y + dy) in those for dx in (-1, 0, 1) for dy in (-1, 0, 1)))

    plain = ink()
    reader.set_marks([], [(word + 3, word + 6, "#f6c343")])
    marked = ink()
    assert len(plain) > 100
    # Anti-aliasing on the new background may move an edge by a pixel, no more.
    assert strays(plain, marked) + strays(marked, plain) <= 0.02 * len(plain)


def test_astral_characters_before_a_span(reader):
    body = "سلام 👋 دنیا الإسلامية\n👋👋 BBC گزارش داد"
    reader.show_article(make_article(body, "fa"))
    document = reader.browser.document()
    assert document.characterCount() - 1 == len(body.encode("utf-16-le")) // 2

    start = body.index("دنیا")
    reader.select_span(start, start + 4)
    cursor = reader.browser.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start + 1, start + 5)
    assert reader.selected_span() == (start, start + 4, "دنیا")

    # A selection made in UTF-16 (as the mouse makes it) maps back to code points.
    later = body.index("BBC")
    cursor.setPosition(to_utf16(body, later))
    cursor.setPosition(to_utf16(body, later + 3), cursor.MoveMode.KeepAnchor)
    reader.browser.setTextCursor(cursor)
    assert reader.selected_span() == (later, later + 3, "BBC")

    emoji = body.index("👋")
    reader.select_span(emoji, emoji + 1)
    assert reader.selected_span() == (emoji, emoji + 1, "👋")

    reader.set_marks([Mention("p", later, later + 3, "BBC")], [(start, start + 4, "green")])
    [evidence] = marks(reader, "evidence")
    assert (evidence.cursor.selectionStart(), evidence.cursor.selectionEnd()) == (
        start + 1, start + 5)
    [mention] = marks(reader, "mention")
    # Three emoji before it: three extra UTF-16 units.
    assert (mention.cursor.selectionStart(), mention.cursor.selectionEnd()) == (
        later + 3, later + 6)


def test_bidi_controls_are_shown_and_offsets_still_match(reader):
    body = "الف \u202eRLO here\u202c ب\u200f ج \u2066x\u2069."
    reader.show_article(make_article(body, "fa"))
    shown = reader.browser.document().toPlainText()
    assert not set(shown) & BIDI_CONTROLS
    assert len(shown) == len(body)
    for displayed, original in zip(shown, body, strict=True):
        assert displayed == (BIDI_MARK if original in BIDI_CONTROLS else original)
    positions = {i: c for i, c in enumerate(body) if c in BIDI_CONTROLS}
    assert reader.bidi_controls() == positions
    assert reader.bidi_label.isVisible() and "5" in reader.bidi_label.text()
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in reader.bidi_label.toolTip()

    assert sorted(s.cursor.selectionStart() for s in marks(reader, "bidi")) == sorted(positions)

    # The quote comes from the body, controls included.
    rlo = body.index("\u202e")
    reader.select_span(rlo - 2, rlo + 5)
    assert reader.selected_span() == (rlo - 2, rlo + 5, body[rlo - 2: rlo + 5])

    # Hovering the mark names the control.
    cursor = reader.browser.textCursor()
    cursor.setPosition(rlo)
    left = reader.browser.cursorRect(cursor)
    cursor.setPosition(rlo + 1)
    right = reader.browser.cursorRect(cursor)
    point = QPoint((left.center().x() + right.center().x()) // 2, left.center().y())
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in reader.tooltip_at(point)


def test_plain_text_only(reader):
    body = '<script>alert(1)</script><b>x</b> <img src="http://example.invalid/a.png">'
    reader.show_article(make_article(body, "other"))
    document = reader.browser.document()
    assert document.toPlainText() == body
    assert document.firstBlock().charFormat().fontWeight() == document.lastBlock().charFormat(
        ).fontWeight()
    assert "<img" not in document.toHtml().replace("&lt;img", "")
    assert not reader.browser.openLinks() and not reader.browser.openExternalLinks()


# -- evidence ------------------------------------------------------------------------------
def test_ctrl_e_emits_the_selection_as_evidence(reader, project, qtbot):
    article = project.articles.get(ARABIC_ID)
    body = article.body
    reader.show_article(article)
    reader.browser.setFocus()
    action = reader.evidence_action
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert not action.isEnabled()
    with qtbot.assertNotEmitted(reader.evidenceRequested):
        qtbot.keyClick(reader.browser, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    start = body.index("غزة")
    reader.select_span(start, start + 3)
    assert action.isEnabled()
    with qtbot.waitSignal(reader.evidenceRequested, timeout=1000) as blocker:
        qtbot.keyClick(reader.browser, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [start, start + 3, "غزة"]

    menu = reader.context_menu(QPoint(5, 5))
    assert menu.actions()[0] is action
    menu.deleteLater()


def test_showing_the_same_article_again_keeps_the_selection(reader, project):
    article = project.articles.get(ARABIC_ID)
    reader.show_article(article)
    reader.select_span(40, 50)
    reader.show_article(article, [], [(40, 50, "#f6c343")])
    assert reader.selected_span() == (40, 50, article.body[40:50])
    assert len(marks(reader, "evidence")) == 1


def test_clear(reader, project):
    reader.show_article(project.articles.get(ARABIC_ID))
    reader.select_span(1, 5)
    reader.clear()
    assert reader.article is None
    assert reader.selected_span() is None
    assert reader.browser.document().toPlainText() == ""
    assert reader.title_label.text() == "" and not reader.evidence_action.isEnabled()


# -- look ----------------------------------------------------------------------------------
def test_zoom(reader, project, qtbot):
    reader.show_article(project.articles.get(ARABIC_ID))
    size = reader.browser.document().defaultFont().pointSizeF()
    assert size == pytest.approx(14.0)
    reader.zoom(2)
    assert reader.zoom_level == 2
    assert reader.browser.document().defaultFont().pointSizeF() == pytest.approx(size + 2)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(reader.browser, Qt.Key.Key_Equal, ctrl)
    qtbot.keyClick(reader.browser, Qt.Key.Key_Plus, ctrl)
    assert reader.zoom_level == 4
    qtbot.keyClick(reader.browser, Qt.Key.Key_Minus, ctrl)
    assert reader.zoom_level == 3
    assert reader.browser.document().defaultFont().pointSizeF() == pytest.approx(size + 3)
    reader.zoom(-100)
    assert reader.browser.document().defaultFont().pointSizeF() > 4


def test_zoom_keys_in_a_window_that_has_its_own_zoom_action(qtbot, project):
    window = QMainWindow()
    reader = Reader()
    window.setCentralWidget(reader)
    qtbot.addWidget(window)
    action = QAction("Zoom in", window)
    action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)])
    action.triggered.connect(lambda: reader.zoom(1))
    window.addAction(action)
    window.show()
    qtbot.waitExposed(window)
    reader.show_article(project.articles.get(ARABIC_ID))
    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom_level == 1  # once: not ambiguous, not twice


def test_line_height_and_font_family(qtbot, project):
    reader = Reader("DejaVu Sans")
    qtbot.addWidget(reader)
    reader.show_article(project.articles.get(ARABIC_ID))
    assert reader.browser.document().defaultFont().family() == "DejaVu Sans"
    block = reader.browser.document().firstBlock()
    while block.isValid():
        assert block.blockFormat().lineHeight() == LINE_HEIGHT_PERCENT
        assert block.blockFormat().lineHeightType() == (
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block = block.next()


@pytest.mark.parametrize("dark", [False, True])
def test_highlight_colours_follow_the_palette(reader, project, dark):
    palette = QPalette(reader.palette())
    base, text = (QColor("#1e1e1e"), QColor("#e6e6e6")) if dark else (
        QColor("#ffffff"), QColor("#111111"))
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.Text, text)
    reader.show_article(project.articles.get(ARABIC_ID), [Mention("p", 0, 6, "x")],
                        [(10, 20, "#fff59d"), (30, 40, QColor("navy"))])
    reader.setPalette(palette)  # after showing: a change of colour scheme recolours
    assert len(reader.browser.extraSelections()) == 3
    for selection in reader.browser.extraSelections():
        background = selection.format.background().color().lightness()
        # Enough contrast with the text colour either way.
        assert abs(background - text.lightness()) > 110, selection.format.background().color()


def test_switching_articles_edits_and_lays_out_the_text_once(reader, project):
    # What keeps a switch quick; its time is measured by ``annotator bench`` (switch_ms).
    articles = [project.articles.get(s.article_id) for s in project.articles.summaries()]
    reader.show_article(articles[0])
    document = reader.browser.document()
    edits: list[int] = []
    layouts: list[int] = []
    document.contentsChange.connect(lambda *_: edits.append(1))
    document.documentLayout().update.connect(lambda *_: layouts.append(1))
    for article in articles[1:] + articles:
        edits.clear()
        layouts.clear()
        reader.show_article(article, [Mention("p", 5, 15, "x")], [(20, 60, "#f6c343")])
        reader.browser.viewport().repaint()
        # One edit replaces the text (not a clear and then an insert), and the new text is
        # laid out once (the text direction is not set again when it stays the same).
        assert (len(edits), len(layouts)) == (1, 1), article.article_id
        assert reader.browser.document() is document  # reused, not built again
        block = document.begin()
        while block.isValid():
            assert block.layout().cacheEnabled()  # painting reuses the laid-out lines
            block = block.next()
        assert len(reader.browser.extraSelections()) == 2  # highlights do not edit the text
    # The article already shown: only its highlights change.
    edits.clear()
    layouts.clear()
    reader.show_article(articles[-1], [Mention("p", 1, 4, "x")])
    reader.browser.viewport().repaint()
    assert (edits, layouts) == ([], [])
    assert len(reader.browser.extraSelections()) == 1


def test_sample_articles_keep_offsets_one_to_one(reader, project):
    for summary in project.articles.summaries():
        article = project.articles.get(summary.article_id)
        reader.show_article(article)
        assert reader.browser.document().characterCount() - 1 == len(article.body)


def test_carriage_returns_do_not_shift_offsets(reader):
    body = "اول\r\nدوم سوم"
    reader.show_article(make_article(body, "fa"))
    start = body.index("سوم")
    reader.select_span(start, start + 3)
    assert reader.selected_span() == (start, start + 3, "سوم")


def test_unknown_article_fields_do_not_break_the_header(reader):
    reader.show_article(dataclasses.replace(make_article("x", "ar"), published="not a date"))
    assert "not a date" in reader.meta_label.text()


def test_copy_gives_the_body_text_not_the_marks(reader, qtbot):
    body = "الف\u00a0ب \u202eج\u202c د"
    reader.show_article(make_article(body, "fa"))
    reader.select_span(0, len(body))
    data = reader.browser.createMimeDataFromSelection()
    assert data.text() == body
