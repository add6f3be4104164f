"""The window's tooltips give the codebook's definitions in the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.codebook import Codebook
from annotator.gui.app import create_window
from annotator.gui.main_window import MainWindow
from tests.conftest import ARABIC_ID


def _window(qtbot, language: str) -> MainWindow:
    window = create_window(None, language, "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _shown(tip: str) -> str:
    """A rich-text tooltip's text as the reader sees it (Qt's own conversion)."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


@pytest.mark.parametrize("language", ["fa", "ar", "en"])
def test_field_value_and_role_tooltips_follow_the_interface_language(qtbot,
                                                                     language: str) -> None:
    window = _window(qtbot, language)
    try:
        codebook: Codebook = window.session.codebook
        stance = codebook.field("stance")
        participant = window.session.participants()[0].id
        window.session.project.tags.add_value(ARABIC_ID, "Sara", "participants", participant,
                                              role="initiator")
        window.open_article(ARABIC_ID)
        box = window.form.single_boxes[0]
        assert box.field.id == "stance"
        neutral = stance.category("neutral")
        assert neutral is not None
        tip = box.radios["neutral"].toolTip()
        assert _shown(tip).split("\n")[0] == neutral.definitions[language]
        if language != "en":
            assert neutral.definitions["en"] not in _shown(tip)
            assert 'dir="rtl"' in tip  # a right-to-left paragraph, wrapped by Qt
        assert neutral.example in _shown(tip)  # the quoted example stays as written
        assert _shown(box.toolTip()) == stance.definitions[language]
        demands = window.form.multiple_boxes[0]
        ceasefire = codebook.field("demands").category("ceasefire")
        assert ceasefire is not None
        assert _shown(demands.checks["ceasefire"].toolTip()).startswith(
            ceasefire.definitions[language])
        row = window.form.participant_boxes[0].rows[participant]
        initiator = codebook.field("participants").role("initiator")
        assert initiator is not None
        index = row.role.findData("initiator")
        role_tip = row.role.itemData(index, Qt.ItemDataRole.ToolTipRole)
        assert _shown(role_tip) == initiator.definitions[language]
    finally:
        window.close()
        window.session.project.close()


def test_a_codebook_without_persian_definitions_shows_english(qtbot, tmp_path) -> None:
    """A codebook with English definitions only: the Persian window shows the English."""
    from annotator.core import paths

    source = paths.default_codebook_path().read_text(encoding="utf-8")
    english_only = "\n".join(line for line in source.split("\n")
                             if not line.lstrip().startswith(("definition.fa", "definition.ar")))
    window = _window(qtbot, "fa")
    try:
        from annotator.core.codebook import parse_codebook

        window.session.project.codebooks.load(parse_codebook(english_only))
        window.close()
        window.session.project.close()
        window = _window(qtbot, "fa")
        window.open_article(ARABIC_ID)
        neutral = window.session.codebook.field("stance").category("neutral")
        assert neutral is not None and set(neutral.definitions) == {"en"}
        tip = window.form.single_boxes[0].radios["neutral"].toolTip()
        assert _shown(tip).split("\n")[0] == neutral.definitions["en"]
    finally:
        window.close()
        window.session.project.close()
