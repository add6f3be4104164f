"""The agreement dialog on a real session: labels, "n/a" and notes in the chosen language."""

from __future__ import annotations

import pytest

from annotator.core.labels import Labels
from annotator.core.session import Session
from annotator.gui.agreement_dialog import AgreementDialog
from tests.core.test_charts import code


@pytest.fixture
def session(project) -> Session:
    return Session(code(project), "sara")


def column(table, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_persian_and_arabic_tables_have_no_english_words(qtbot, session: Session,
                                                        language: str) -> None:
    dialog = AgreementDialog(session, language)
    qtbot.addWidget(dialog)
    labels = Labels.of(session.project, language)
    figures = dialog.figures
    assert labels.field("stance") + " *" in column(figures, 0)
    assert labels.level("ordinal") in column(figures, 2)
    alphas = column(figures, 3)
    assert labels.not_applicable in alphas and "n/a" not in alphas
    notes = [note for note in column(figures, 7) if note]
    assert notes and all(not note.isascii() for note in notes)
    assert any(labels.value("demands", "ceasefire") == text for text in column(figures, 1))


def test_english_is_as_before(qtbot, session: Session) -> None:
    dialog = AgreementDialog(session, "en")
    qtbot.addWidget(dialog)
    assert "n/a" in column(dialog.figures, 3)
    assert "'unclear' counted as missing" in column(dialog.figures, 7)
    assert "ordinal" in column(dialog.figures, 2)
