"""The wrapped label: wraps a long title instead of widening the window, sized per text."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.gui.wrapped_label import WrappedLabel

TITLE = "وزیر امور خارجه جمهوری اسلامی ایران در این گفتگوی تلفنی، با تأکید بر حق مشروع ملت فلسطین"


def _shown_with_a_short_text(qtbot, height: int, stretch: bool = False
                             ) -> tuple[QWidget, WrappedLabel]:
    """A shown window 300 px wide holding a wrapped label with a one-line text."""
    window = QWidget()
    qtbot.addWidget(window)
    label = WrappedLabel()
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    if stretch:
        layout.addStretch(1)
    label.setText("کوتاه")
    window.resize(300, height)
    window.show()
    qtbot.waitExposed(window)
    return window, label


def test_a_long_title_wraps_and_never_widens_its_window(qtbot) -> None:
    window, label = _shown_with_a_short_text(qtbot, 200)
    one_line = label.heightForWidth(280)
    label.setText(TITLE)
    assert label.heightForWidth(280) >= 2 * one_line  # wrapped onto more lines
    assert label.heightForWidth(2000) < label.heightForWidth(280)
    assert window.minimumSizeHint().width() < 300  # the title does not set a minimum width
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))


def test_heights_follow_text_and_font_changes(qtbot) -> None:
    label = WrappedLabel()
    qtbot.addWidget(label)
    label.setText(TITLE)
    before = label.heightForWidth(200)
    label.setText(TITLE[:10])
    assert label.heightForWidth(200) < before  # not the remembered height of the old text
    label.setText(TITLE)
    assert label.heightForWidth(200) == before
    bigger = QFont(label.font())
    bigger.setPointSizeF(label.font().pointSizeF() * 2)
    label.setFont(bigger)
    assert label.heightForWidth(200) > before
    label.clear()
    assert label.sizeHint().height() == 0


def test_a_new_text_leaves_the_window_minimum_alone_but_still_shows_in_full(qtbot) -> None:
    window, label = _shown_with_a_short_text(qtbot, 400, stretch=True)
    minimum = window.minimumSizeHint()
    label.setText(TITLE)
    # The window's minimum does not follow each article's title (that made the whole
    # window lay out again and resize its native window on every article) ...
    assert window.minimumSizeHint() == minimum
    # ... and the layout still gives the wrapped title every line it needs.
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width())
                    and label.heightForWidth(label.width()) > 2 * minimum.height() // 3)
