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
    notes = [note for note in column(figures, 10) if note]
    assert notes and all(not note.isascii() for note in notes)
    assert any(labels.value("demands", "ceasefire") == text for text in column(figures, 1))


def test_english_is_as_before(qtbot, session: Session) -> None:
    dialog = AgreementDialog(session, "en")
    qtbot.addWidget(dialog)
    assert "n/a" in column(dialog.figures, 3)
    assert "'unclear' counted as missing" in column(dialog.figures, 10)
    assert "ordinal" in column(dialog.figures, 2)


def test_intervals_are_those_of_the_command_line(qtbot, session: Session) -> None:
    from annotator.core.analysis.agreement import report
    from annotator.core.analysis.bootstrap import Bootstrap
    from annotator.gui.agreement_dialog import SAMPLES, SEED

    dialog = AgreementDialog(session, "en")
    qtbot.addWidget(dialog)
    headers = [dialog.figures.horizontalHeaderItem(i).text()
               for i in range(dialog.figures.columnCount())]
    assert headers[3:7] == ["Alpha", "95% interval", "q < 0.667", "q < 0.800"]
    expected = report(session.project, bootstrap=Bootstrap(SAMPLES, SEED)).figures
    for row, figure in enumerate(expected):
        cell = dialog.figures.item(row, 4).text()
        if figure.interval is None or figure.interval.low is None:
            assert cell == ""
        else:
            assert f"{figure.interval.low:.3f}" in cell and f"{figure.interval.high:.3f}" in cell


@pytest.mark.parametrize("language", ["en", "fa"])
def test_coincidence_matrix_tab_is_a_heat_map(qtbot, session: Session, language: str) -> None:
    from annotator.core.analysis.matrix import field_matrix

    dialog = AgreementDialog(session, language)
    qtbot.addWidget(dialog)
    view = dialog.matrix_tab
    view.fields.setCurrentIndex(view.fields.findData("stance"))
    expected = field_matrix(session.project, "stance")
    table = view.table
    assert table.rowCount() == table.columnCount() == len(expected.values)
    labels = Labels.of(session.project, language)
    total = sum(float(labels.number(0) and table.item(r, c).text().translate(
        str.maketrans("۰۱۲۳۴۵۶۷۸۹٫", "0123456789.")))
        for r in range(table.rowCount()) for c in range(table.columnCount()))
    assert total == pytest.approx(sum(expected.counts.values()), abs=0.05)
    if expected.disagreements:
        assert view.most.text()
