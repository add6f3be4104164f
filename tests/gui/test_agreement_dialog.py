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
    assert labels.field("stance") + " *" in column(figures, 1)
    assert labels.level("ordinal") in column(figures, 3)
    alphas = column(figures, 4)
    assert labels.not_applicable in alphas and "n/a" not in alphas
    notes = [note for note in column(figures, 11) if note]
    assert notes and all(not note.isascii() for note in notes)
    assert any(labels.value("demands", "ceasefire") == text for text in column(figures, 2))


def test_english_is_as_before(qtbot, session: Session) -> None:
    dialog = AgreementDialog(session, "en")
    qtbot.addWidget(dialog)
    assert "n/a" in column(dialog.figures, 4)
    assert "'unclear' counted as missing" in column(dialog.figures, 11)
    assert "ordinal" in column(dialog.figures, 3)
    assert set(column(dialog.figures, 0)) == {"1"}  # the codebook revision


def test_intervals_are_those_of_the_command_line(qtbot, session: Session) -> None:
    from annotator.core.analysis.agreement import report
    from annotator.core.analysis.bootstrap import Bootstrap
    from annotator.gui.agreement_dialog import SAMPLES, SEED

    dialog = AgreementDialog(session, "en")
    qtbot.addWidget(dialog)
    headers = [dialog.figures.horizontalHeaderItem(i).text()
               for i in range(dialog.figures.columnCount())]
    assert headers[0] == "Revision"
    assert headers[4:8] == ["Alpha", "95% interval", "q < 0.667", "q < 0.800"]
    expected = report(session.project, bootstrap=Bootstrap(SAMPLES, SEED)).figures
    for row, figure in enumerate(expected):
        cell = dialog.figures.item(row, 5).text()
        if figure.interval is None or figure.interval.low is None:
            assert cell == ""
        else:
            assert f"{figure.interval.low:.3f}" in cell and f"{figure.interval.high:.3f}" in cell


def _cursor_x(text: str) -> list[float]:
    """Where a cursor before each character of ``text`` stands, on one right-to-left line."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    return [line.cursorToX(index)[0] for index in range(len(text))]


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_an_interval_reads_from_its_low_end_in_a_right_to_left_table(
        qtbot, session: Session, language: str) -> None:
    """The low end is read first (at the right), a negative one too: in Persian its minus
    sign follows a left-to-right mark, which turned the whole range left to right."""
    labels = Labels.of(session.project, language)
    dialog = AgreementDialog(session, language)
    qtbot.addWidget(dialog)
    shown = [text for text in column(dialog.figures, 5) if text]
    assert shown and all(" – " in text for text in shown)
    for low, high in ((-0.012, 0.014), (0.515, 0.581), (-0.5, -0.25)):
        text = labels.interval(low, high)
        low_text, high_text = labels.alpha(low), labels.alpha(high)
        first = text.index(low_text)
        second = text.index(high_text, first + len(low_text))
        x = _cursor_x(text)
        low_x = x[first:first + len(low_text)]
        high_x = x[second:second + len(high_text)]
        assert min(low_x) > max(high_x), (low, high)
        assert low_text.strip("\u200e\u061c\u2212-") in text  # each number whole


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


def test_two_codebook_revisions_have_their_own_rows_and_matrices(qtbot, project) -> None:
    from tests.core.test_agreement_revisions import code_two_revisions

    session = Session(code_two_revisions(project), "sara")
    dialog = AgreementDialog(session, "fa")
    qtbot.addWidget(dialog)
    labels = Labels.of(session.project, "fa")
    revisions = column(dialog.figures, 0)
    assert set(revisions) == {"۱", "۲"} and revisions.index("۱") < revisions.index("۲")
    assert set(column(dialog.pairs, 0)) == {"۱", "۲"}
    assert dialog.caveats.isVisibleTo(dialog) and labels.field("event_type") in (
        dialog.caveats.text())
    view = dialog.matrix_tab
    view.fields.setCurrentIndex(view.fields.findData("event_type"))
    assert [view.revisions.itemData(i) for i in range(view.revisions.count())] == ["1", "2"]
    assert view.revisions.currentData() == "2"  # the newest revision with tags
    newest = {view.table.horizontalHeaderItem(i).text() for i in range(view.table.columnCount())}
    assert labels.value("event_type", "video_call") in newest
    view.revisions.setCurrentIndex(0)
    oldest = {view.table.horizontalHeaderItem(i).text() for i in range(view.table.columnCount())}
    assert labels.value("event_type", "summit_sideline") in oldest
    assert labels.value("event_type", "video_call") not in oldest
