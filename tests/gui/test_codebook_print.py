"""The printed codebook's keys are the tag form's keys, and its PDF holds shaped text."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from annotator.core.outputs.codebook_print import build_codebook_html, shortcut_keys
from annotator.core.session import Session
from annotator.gui.pdf import html_to_pdf
from annotator.gui.tag_form import TagForm


def test_printed_keys_are_the_tag_forms(qtbot, project) -> None:
    session = Session(project, "sara")
    form = TagForm(session, "en")
    qtbot.addWidget(form)
    keys = shortcut_keys(session.codebook)
    seen = 0
    for box in form.boxes:
        field = box.field
        widgets = getattr(box, "radios", None) or getattr(box, "checks", None) or {}
        for category_id, widget in widgets.items():
            key = keys.get((field.id, category_id))
            if key is not None:
                assert key in widget.text().replace("\u2066", "").replace("\u2069", "")
                seen += 1
        expected = sum(1 for (field_id, _) in keys if field_id == field.id)
        # Each key is one window-wide shortcut of the box (Persian, Arabic digits and the
        # keypad are the same shortcut's other key sequences).
        assert len(box.shortcuts) == expected, field.id
    assert seen >= 10


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_persian_pdf_holds_searchable_text(project, tmp_path) -> None:
    target = tmp_path / "codebook.pdf"
    html_to_pdf(build_codebook_html(project, "fa"), target, rtl=True)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "strongly_condemning" in text
    label = project.codebooks.active().field("stance").text("fa")
    # The text layer has the words (pdftotext writes Arabic script in presentation forms).
    import unicodedata
    assert unicodedata.normalize("NFKC", label.split()[0]) in unicodedata.normalize("NFKC",
                                                                                    text)
