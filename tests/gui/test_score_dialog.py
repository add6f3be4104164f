"""The training dialog on a real session: the training set, and the score the command gives."""

from __future__ import annotations

from annotator.core.analysis.score import score
from annotator.core.session import Session
from annotator.gui.score_dialog import ScoreDialog
from tests.conftest import SAMPLE_IDS
from tests.core.test_training import trained  # noqa: F401


def test_dialog_shows_the_training_set_and_the_score(qtbot, trained) -> None:  # noqa: F811
    opened: list[str] = []
    dialog = ScoreDialog(Session(trained, "sara"), "en", opened.append)
    qtbot.addWidget(dialog)
    assert [dialog.articles.item(r, 0).text() for r in range(dialog.articles.rowCount())] \
        == SAMPLE_IDS[:4]
    expected = score(trained, "sara")
    rows = {dialog.fields.item(r, 0).text(): [dialog.fields.item(r, c).text()
                                              for c in range(5)]
            for r in range(dialog.fields.rowCount())}
    stance = next(f for f in expected.fields if f.field == "stance")
    label = next(key for key in rows if key.startswith("Stance"))
    assert rows[label][2] == f"{stance.primary.alpha:.3f}" and rows[label][3] == "passed"
    assert rows[label][4] == "4 of 4"
    assert ("Certified" in dialog.verdict.text()) is expected.certified
    dialog.articles.cellDoubleClicked.emit(1, 0)
    assert opened == [SAMPLE_IDS[1]]


def test_dialog_without_a_score_says_why(qtbot, project) -> None:
    project.tags.set_choice(SAMPLE_IDS[0], "sara", "stance", "neutral")
    dialog = ScoreDialog(Session(project, "sara"), "fa")
    qtbot.addWidget(dialog)
    assert dialog.fields.rowCount() == 0 and dialog.verdict.text()
    assert "هنوز" in dialog.verdict.text()  # said in Persian
