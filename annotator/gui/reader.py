"""The article reader: one article's text, right-to-left where it should be, with highlights.

The reader owns how an article is *shown*: a header (title; outlet, Gregorian and Jalali
date, language) above a read-only text view holding the body as plain text.  Persian and
Arabic articles are laid out right-to-left paragraph by paragraph, even where a paragraph
starts with a Latin word.  Invisible bidi controls in the text are shown as a visible mark
(one UTF-16 unit each, so positions do not move) instead of being allowed to reorder it.
Participant mentions and evidence spans are drawn as extra selections over the text (how
each looks is :mod:`annotator.gui.reader_marks`'s); the document is never edited.  Offsets
in and out of this widget are code points of the article's body; the conversion to Qt's
UTF-16 positions happens here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

import jdatetime
from PySide6.QtCore import QEvent, QKeyCombination, QMimeData, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QMenu,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from annotator.core.languages import RTL_LANGUAGES
from annotator.core.participants import Mention
from annotator.core.store.articles import Article
from annotator.core.text import BIDI_CONTROLS, utf16_offsets
from annotator.gui.reader_marks import MARK_KIND as MARK_KIND  # re-exported for callers
from annotator.gui.reader_marks import evidence_colour, marks, warning_colour
from annotator.gui.wrapped_label import WrappedLabel

log = logging.getLogger(__name__)


# What a bidi control is shown as: one BMP character, so UTF-16 positions stay 1:1.
BIDI_MARK = "\u25c6"  # BLACK DIAMOND

# Point sizes: Arabic script needs more room than Latin to read comfortably for hours.
ARABIC_SCRIPT_SIZE = 14.0
LATIN_SIZE = 12.0
LINE_HEIGHT_PERCENT = 150
MIN_ZOOM, MAX_ZOOM = -8, 24

_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
# Body -> displayed text, character for character.  Qt folds "\r\n" into one paragraph
# break and reads U+FDD0/U+FDD1 as frame boundaries, so those never reach it.
_DISPLAY = str.maketrans(
    {
        **{control: BIDI_MARK for control in BIDI_CONTROLS},
        "\r": "\n",
        "\ufdd0": "\ufffd",
        "\ufdd1": "\ufffd",
    }
)
_DISPLAYED_AS_OTHER = re.compile("[" + "".join(map(chr, sorted(_DISPLAY))) + "]")
# What QTextCursor.selectedText() makes of a displayed text, to compare the two.
_AS_SELECTED = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\u00a0": " "})


def bidi_control_name(control: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: how a bidi control is named to the analyst."""
    return f"U+{ord(control):04X} {unicodedata.name(control, 'BIDI CONTROL')}"


class _Offsets:
    """Code points of one text <-> Qt's UTF-16 positions; identity when all is in the BMP."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._units: list[int] | None = (
            utf16_offsets(text) if text and max(text) > "\uffff" else None
        )

    def to_qt(self, index: int) -> int:
        index = max(0, min(index, self.length))
        return index if self._units is None else self._units[index]

    def from_qt(self, position: int, round_up: bool = False) -> int:
        """The code point at UTF-16 ``position``; inside a surrogate pair, its start (or end)."""
        if self._units is None:
            return max(0, min(position, self.length))
        index = max(0, min(bisect_right(self._units, position) - 1, self.length))
        if round_up and self._units[index] < position:
            index += 1
        return index


def _jalali(day: dt.date) -> str:
    jalali = jdatetime.date.fromgregorian(date=day)
    return f"{jalali.day} {jalali.j_months_fa[jalali.month - 1]} {jalali.year}"


class _ArticleText(QTextBrowser):
    """The text view: plain text only, never loads anything, zooms and copies via the reader."""

    def __init__(self, reader: Reader) -> None:
        super().__init__(reader)
        self._reader = reader
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def loadResource(self, type: int, name: object) -> object:  # noqa: A002 - Qt's name
        return None  # the article is plain text: nothing to fetch, ever

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._reader.handle_zoom_key(event):
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self._reader.zoom(steps)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self._reader.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._reader.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        # Copy what the article says, not what is displayed (bidi controls, NBSP intact).
        span = self._reader.selected_span()
        if span is None:
            return super().createMimeDataFromSelection()
        data = QMimeData()
        data.setText(span[2])
        return data


class Reader(QWidget):
    """Shows one article; reports selections as code-point spans of its body."""

    evidenceRequested = Signal(int, int, str)  # start, end (code points), quote

    def __init__(self, font_family: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self._font_family = font_family
        self._zoom = 0
        self._article: Article | None = None
        self._display = ""
        self._offsets = _Offsets("")
        self._bidi: dict[int, str] = {}
        self._mentions: tuple[Mention, ...] = ()
        self._evidence: tuple[tuple[int, int, QColor], ...] = ()

        self.title_label = WrappedLabel()
        self.meta_label = WrappedLabel()
        self.bidi_label = WrappedLabel()
        for label in (self.title_label, self.meta_label, self.bidi_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # article data is never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setObjectName("readerTitle")
        self.meta_label.setObjectName("readerMeta")
        self.bidi_label.setObjectName("readerBidiWarning")
        self.bidi_label.hide()
        self.browser = _ArticleText(self)
        self.browser.setObjectName("readerText")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.bidi_label)
        layout.addWidget(self.browser, 1)

        self.evidence_action = QAction(self.tr("Use selection as evidence"), self)
        self.evidence_action.setShortcut(QKeySequence("Ctrl+E"))
        self.evidence_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.evidence_action.setEnabled(False)
        self.evidence_action.triggered.connect(self.request_evidence)
        self.addAction(self.evidence_action)
        self.browser.selectionChanged.connect(self._selection_changed)

        self._apply_font()
        self._apply_colours()

    # -- showing ---------------------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self._article

    def show_article(
        self,
        article: Article,
        mentions: Sequence[Mention] = (),
        evidence: Sequence[tuple[int, int, QColor | str]] = (),
    ) -> None:
        """Show ``article`` with its participant mentions and evidence spans highlighted.

        Showing the article already shown only redraws the highlights (the scroll
        position and selection stay).
        """
        if article == self._article:
            self.set_marks(mentions, evidence)
            return
        body = article.body
        self._article = article
        self._offsets = _Offsets(body)
        # Most articles hold nothing shown otherwise: one search, and no copy or bidi scan.
        special = _DISPLAYED_AS_OTHER.search(body) is not None
        self._display = body.translate(_DISPLAY) if special else body
        self._bidi = ({m.start(): m.group() for m in _BIDI_RE.finditer(body)}
                      if special else {})
        rtl = self.is_rtl
        document = self.browser.document()
        option = document.defaultTextOption()
        # A paragraph's own first strong letter must not decide its direction (a Persian
        # paragraph starting "BBC ..." stays right-to-left).  AlignAbsolute: Qt mirrors a
        # plain AlignRight in a right-to-left paragraph, which would put the text left.
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setAlignment(
            (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignAbsolute
        )
        current = document.defaultTextOption()  # QTextOption has no ==: compare the parts
        if (option.textDirection(), option.alignment()) != (
                current.textDirection(), current.alignment()):
            document.setDefaultTextOption(option)  # lays the old text out again: only if new
        self._set_text(self._display)
        expected = self._offsets.to_qt(len(body))
        if document.characterCount() - 1 != expected:
            log.error(
                "article %s: the document has %d positions, the body %d: highlights may drift",
                article.article_id, document.characterCount() - 1, expected,
            )
        self._apply_font()
        self._show_header(article)
        self.set_marks(mentions, evidence)
        self.browser.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        """Show nothing."""
        self._article = None
        self._display = ""
        self._offsets = _Offsets("")
        self._bidi = {}
        self._mentions = ()
        self._evidence = ()
        self.browser.setExtraSelections([])
        self.browser.clear()
        for label in (self.title_label, self.meta_label, self.bidi_label):
            label.clear()
        self.bidi_label.hide()
        self.evidence_action.setEnabled(False)

    @property
    def is_rtl(self) -> bool:
        """True when the article shown is Persian or Arabic."""
        return self._article is not None and self._article.language in RTL_LANGUAGES

    def bidi_controls(self) -> dict[int, str]:
        """Where the shown body has invisible bidi controls: code-point offset -> character."""
        return dict(self._bidi)

    def set_marks(
        self,
        mentions: Sequence[Mention],
        evidence: Sequence[tuple[int, int, QColor | str]],
    ) -> None:
        """Highlight participant ``mentions`` and ``evidence`` spans (code points, colour).

        The colour of an evidence span gives its hue; its lightness is adapted to the palette
        so the text stays readable in light and dark mode.
        """
        self._mentions = tuple(mentions)
        self._evidence = tuple((start, end, evidence_colour(colour))
                               for start, end, colour in evidence)
        self._apply_marks()

    # -- selection ---------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int, str] | None:
        """The selection as code points of the body and the body's text there, or None."""
        cursor = self.browser.textCursor()
        if self._article is None or not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd(), round_up=True)
        if start >= end:
            return None
        shown = cursor.selectedText().translate(_AS_SELECTED)
        if shown != self._display[start:end].translate(_AS_SELECTED):
            log.error("article %s: selection %d-%d does not match the body",
                      self._article.article_id, start, end)
            return None
        quote = self._article.body[start:end]
        return start, end, quote

    def select_span(self, start: int, end: int) -> None:
        """Select code points ``start``..``end`` of the body and scroll them into view."""
        if self._article is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(max(start, end)),
                           QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.scroll_to(start)

    def scroll_to(self, start: int) -> None:
        """Scroll so that code point ``start`` of the body is in view, a third from the top."""
        if self._article is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._offsets.to_qt(start))
        rect = self.browser.cursorRect(cursor)
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.browser.viewport().height() // 3)

    def request_evidence(self) -> None:
        """Emit :attr:`evidenceRequested` for the current selection, if there is one."""
        span = self.selected_span()
        if span is not None:
            self.evidenceRequested.emit(*span)

    def context_menu(self, point: QPoint) -> QMenu:
        """The text's context menu at ``point`` (viewport coordinates): evidence, then copy."""
        menu = self.browser.createStandardContextMenu(point)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.evidence_action)
        if first is not None:
            menu.insertSeparator(first)
        return menu

    def _selection_changed(self) -> None:
        self.evidence_action.setEnabled(self.browser.textCursor().hasSelection())

    # -- zoom ----------------------------------------------------------------------------
    @property
    def zoom_level(self) -> int:
        """Points added to (or taken from) the default text size."""
        return self._zoom

    @zoom_level.setter
    def zoom_level(self, level: int) -> None:
        level = max(MIN_ZOOM, min(int(level), MAX_ZOOM))
        if level != self._zoom:
            self._zoom = level
            self._apply_font()

    def zoom(self, delta: int) -> None:
        """Make the text ``delta`` points larger (negative: smaller)."""
        self.zoom_level = self._zoom + delta

    def handle_zoom_key(self, event: QKeyEvent) -> bool:
        """Zoom for Ctrl+= / Ctrl++ / Ctrl+-; True when ``event`` was such a key."""
        # Keys, not QActions: a window that has its own zoom shortcuts gets them first, and
        # two actions with one shortcut would make Qt run neither.
        ctrl_equal = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Equal)
        if event.matches(QKeySequence.StandardKey.ZoomIn) or event.keyCombination() == ctrl_equal:
            self.zoom(1)
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom(-1)
        else:
            return False
        event.accept()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_zoom_key(event):
            super().keyPressEvent(event)

    # -- internals -----------------------------------------------------------------------
    def text_font(self) -> QFont:
        """The font the body is shown in, zoom included."""
        font = QFont(self._font_family) if self._font_family else QFont(self.font())
        base = (
            ARABIC_SCRIPT_SIZE
            if self._article is None or self._article.language in RTL_LANGUAGES
            else LATIN_SIZE
        )
        font.setPointSizeF(base + self._zoom)
        return font

    def _apply_font(self) -> None:
        font = self.text_font()
        # Through the widget: QTextEdit copies its font to the document on every font change.
        self.browser.setFont(font)
        title = QFont(font)
        title.setPointSizeF(font.pointSizeF() * 1.3)
        title.setBold(True)
        self.title_label.setFont(title)
        meta = QFont(font)
        meta.setPointSizeF(max(font.pointSizeF() * 0.8, 8.0))
        self.meta_label.setFont(meta)
        self.bidi_label.setFont(meta)

    def _set_text(self, text: str) -> None:
        """Put ``text`` in the document as plain text, every paragraph at 150% line height."""
        # The old text is replaced in one edit, not cleared first: an empty document would
        # hide the scroll bar, and the text would then be laid out twice (without it, and
        # again when it comes back).  The block format is set on the first block before
        # the text goes in, so every paragraph inherits it without a second pass.
        block_format = QTextBlockFormat()
        block_format.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        document = self.browser.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        cursor.setBlockFormat(block_format)
        cursor.setCharFormat(QTextCharFormat())
        cursor.insertText(text)
        block = document.begin()
        while block.isValid():
            block.layout().setCacheEnabled(True)
            block = block.next()
        cursor.endEditBlock()
        if self.browser.textCursor().position() or self.browser.textCursor().hasSelection():
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def _show_header(self, article: Article) -> None:
        rtl = self.is_rtl
        mark = "\u200f" if rtl else "\u200e"  # each part's direction must not leak
        align = (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        ) | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        parts: list[str] = []
        if article.outlet:
            parts.append(article.outlet)
        parts.extend(self._date_parts(article))
        parts.append(self._language_name(article.language))
        self.title_label.setText(mark + article.title.translate(_DISPLAY))
        self.meta_label.setText(
            mark + f"{mark} \u00b7 {mark}".join(p.translate(_DISPLAY) for p in parts)
        )
        for label in (self.title_label, self.meta_label):
            label.setAlignment(align)
        if self._bidi:
            # A sentence of the user interface: it follows the UI's direction, not the text's.
            names = [f"{bidi_control_name(c)} at {i}" for i, c in sorted(self._bidi.items())]
            self.bidi_label.setText(
                self.tr("%n invisible bidi control(s) in this text, shown as %1",
                        "", len(self._bidi)).replace("%1", BIDI_MARK)
            )
            self.bidi_label.setToolTip("\n".join(names[:40]))
            self.bidi_label.show()
        else:
            self.bidi_label.clear()
            self.bidi_label.setToolTip("")
            self.bidi_label.hide()

    def _date_parts(self, article: Article) -> list[str]:
        if article.published:
            try:
                day = dt.date.fromisoformat(article.published[:10])
            except ValueError:
                return [article.published]
            try:
                return [day.isoformat(), _jalali(day)]
            except (ValueError, OverflowError):
                return [day.isoformat()]
        return [article.published_original] if article.published_original else []

    def _language_name(self, language: str) -> str:
        names = {"fa": self.tr("Persian"), "ar": self.tr("Arabic")}
        return names.get(language, self.tr("other language"))

    def _is_dark(self) -> bool:
        # The reader's own palette: on a palette change it is updated before its children's.
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def _apply_colours(self) -> None:
        palette = self.bidi_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, warning_colour(self._is_dark()))
        self.bidi_label.setPalette(palette)
        self._apply_marks()

    def _selection(self, start: int, end: int, text_format: QTextCharFormat
                   ) -> QTextEdit.ExtraSelection | None:
        if self._article is None:
            return None
        start = max(0, min(start, self._offsets.length))
        end = max(start, min(end, self._offsets.length))
        if start == end:
            return None
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = text_format
        return selection

    def _apply_marks(self) -> None:
        shown = (self._selection(start, end, text_format) for start, end, text_format
                 in marks(self._mentions, self._evidence, self._bidi, self._is_dark()))
        self.browser.setExtraSelections([s for s in shown if s is not None])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colours()

    # -- tooltips ----------------------------------------------------------------------
    def position_at(self, point: QPoint) -> int | None:
        """The code point of the body under ``point`` (viewport coordinates), or None."""
        if self._article is None:
            return None
        document = self.browser.document()
        target = QPointF(point.x() + self.browser.horizontalScrollBar().value(),
                         point.y() + self.browser.verticalScrollBar().value())
        hit = document.documentLayout().hitTest(target, Qt.HitTestAccuracy.FuzzyHit)
        if hit < 0:
            return None
        for position in (hit - 1, hit):
            if position < 0:
                continue
            block = document.findBlock(position)
            layout = block.layout()
            if not block.isValid() or layout is None:
                continue
            relative = position - block.position()
            line = layout.lineForTextPosition(relative)
            if not line.isValid():
                continue
            origin = layout.position()
            top = origin.y() + line.y()
            x1 = origin.x() + line.cursorToX(relative)[0]
            x2 = origin.x() + line.cursorToX(relative + 1)[0]
            if (min(x1, x2) <= target.x() <= max(x1, x2)
                    and top <= target.y() <= top + line.height()):
                return self._offsets.from_qt(position)
        return None

    def tooltip_at(self, point: QPoint) -> str:
        """What the text under ``point`` (viewport coordinates) is, for a tooltip."""
        index = self.position_at(point)
        if index is None:
            return ""
        lines: list[str] = []
        if index in self._bidi:
            lines.append(self.tr("invisible bidi control %1").replace(
                "%1", bidi_control_name(self._bidi[index])))
        lines.extend(self.tr("participant: %1").replace("%1", m.participant_id)
                     for m in self._mentions if m.start <= index < m.end)
        if any(start <= index < end for start, end, _ in self._evidence):
            lines.append(self.tr("evidence"))
        return "\n".join(lines)
