"""The wrapped label: wraps a long title instead of widening the window, sized per text."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.gui.wrapped_label import WrappedLabel

TITLE = "وزیر امور خارجه جمهوری اسلامی ایران در این گفتگوی تلفنی، با تأکید بر حق مشروع ملت فلسطین"


def test_a_long_title_wraps_and_never_widens_its_window(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = WrappedLabel()
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    label.setText("کوتاه")
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
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
