"""The charts view on a real session: it draws, switches kind, and redraws once per burst."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.session import Session
from annotator.gui.charts_view import DEBOUNCE_MS, ChartsView
from tests.conftest import ARABIC_ID, SAMPLE_IDS


@pytest.fixture
def session(project) -> Session:
    project.tags.set_choice(ARABIC_ID, "reza", "stance", "neutral")  # a colleague's tag
    return Session(project, "sara")


@pytest.fixture
def view(qtbot, session: Session) -> ChartsView:
    view = ChartsView(session, "fa")
    qtbot.addWidget(view)
    view.resize(560, 640)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.renders == 1, timeout=5000)
    return view


def shown(view: ChartsView) -> bool:
    pixmap = view.image.pixmap()
    return pixmap is not None and not pixmap.isNull()


def test_draws_the_first_chart_when_shown(view: ChartsView) -> None:
    assert view.kind() == "stance"
    assert shown(view)
    pixmap = view.image.pixmap()
    assert pixmap.width() / pixmap.devicePixelRatio() >= 420


def test_choosing_a_kind_draws_it_at_once(qtbot, view: ChartsView) -> None:
    kinds = [view.kind_box.itemData(i) for i in range(view.kind_box.count())]
    assert kinds == ["stance", "demands", "demands-by-participant", "progress"]
    view.kind_box.setCurrentIndex(kinds.index("progress"))
    assert view.renders == 2 and shown(view)


def test_edits_in_a_burst_redraw_once_after_the_pause(qtbot, view: ChartsView,
                                                       session: Session) -> None:
    for article in SAMPLE_IDS[:3]:
        session.set_choice(article, "stance", "condemning")
        view.refresh()
    assert view.renders == 1  # nothing drawn while the edits keep coming
    qtbot.wait(DEBOUNCE_MS // 2)
    view.refresh()
    qtbot.wait(DEBOUNCE_MS // 2 + 100)
    assert view.renders == 1  # the last refresh restarted the wait
    qtbot.waitUntil(lambda: view.renders == 2, timeout=3 * DEBOUNCE_MS)
    qtbot.wait(DEBOUNCE_MS + 100)
    assert view.renders == 2


def test_a_hidden_view_draws_when_shown_again(qtbot, view: ChartsView) -> None:
    view.hide()
    view.refresh()
    qtbot.wait(DEBOUNCE_MS + 100)
    assert view.renders == 1
    view.show()
    qtbot.waitUntil(lambda: view.renders == 2, timeout=3 * DEBOUNCE_MS)


def test_coding_stays_blind(qtbot, session: Session) -> None:
    view = ChartsView(session, "en")
    qtbot.addWidget(view)
    assert view.chart_annotator("stance") == "sara"  # not reza's neutral
    assert view.chart_annotator("progress") is None  # statuses of everyone
    assert view.kind_box.findData("agreement") == -1
    review = ChartsView(session, "en", blind=False)
    qtbot.addWidget(review)
    assert review.chart_annotator("stance") is None
    assert review.kind_box.findData("agreement") >= 0


def test_an_unchartable_codebook_shows_the_reason(qtbot, view: ChartsView,
                                                  monkeypatch) -> None:
    from annotator.core.errors import AnnotatorError

    def refuse(*_args, **_kwargs):
        raise AnnotatorError("the codebook has no ordered single-choice field to chart")

    monkeypatch.setattr("annotator.core.outputs.charts.make_chart", refuse)
    view.render_now()
    assert "ordered single-choice" in view.image.text()
    assert not shown(view)
    assert view.image.alignment() & Qt.AlignmentFlag.AlignHCenter
