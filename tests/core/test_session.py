"""The annotator's session: blind view, navigation, and undo/redo of every edit."""

from __future__ import annotations

from annotator.core.session import Session
from tests.conftest import ARABIC_ID, SAMPLE_IDS, quote_span


def test_undo_redo_restores_tags_and_status(project) -> None:
    session = Session(project, "sara")
    session.set_choice(ARABIC_ID, "stance", "condemning")
    session.set_choice(ARABIC_ID, "stance", "strongly_condemning")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    session.set_value(ARABIC_ID, "demands", "cut_ties", True)
    session.set_status(ARABIC_ID, "done")
    assert session.view(ARABIC_ID).status == "done"

    session.undo()  # status
    assert project.status(ARABIC_ID, "sara") == "in_progress"
    session.undo()  # cut_ties
    assert session.view(ARABIC_ID).values("demands") == ["ceasefire"]
    session.undo()
    session.undo()  # back to "condemning"
    assert session.view(ARABIC_ID).values("stance") == ["condemning"]
    session.undo()
    assert session.view(ARABIC_ID).tags == ()
    assert project.status(ARABIC_ID, "sara") == "not_started"
    assert not session.can_undo
    for _ in range(5):
        session.redo()
    view = session.view(ARABIC_ID)
    assert view.values("stance") == ["strongly_condemning"]
    assert sorted(v or "" for v in view.values("demands")) == ["ceasefire", "cut_ties"]
    assert view.status == "done"


def test_undo_of_evidence_keeps_tag_identity(project) -> None:
    session = Session(project, "sara")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    [tag] = session.view(ARABIC_ID).field_tags("demands")
    span = quote_span(project, ARABIC_ID, "وقف إطلاق النار")
    session.update_tag(tag, "evidence", span=span)
    assert session.view(ARABIC_ID).field_tags("demands")[0].quote == "وقف إطلاق النار"
    session.undo()
    [after] = session.view(ARABIC_ID).field_tags("demands")
    assert after.quote is None and after.tag_uid == tag.tag_uid
    session.redo()
    assert session.view(ARABIC_ID).field_tags("demands")[0].span_start == span[0]


def test_blind_coding_shows_only_my_tags(project) -> None:
    Session(project, "reza").set_choice(ARABIC_ID, "stance", "neutral")
    mine = Session(project, "sara").view(ARABIC_ID)
    assert mine.tags == () and mine.status == "not_started"


def test_navigation_progress_and_resume(project) -> None:
    session = Session(project, "sara")
    first = session.last_article()
    assert first == SAMPLE_IDS[0]
    assert session.neighbour(first, 1) == SAMPLE_IDS[1]
    assert session.neighbour(first, -1) is None
    session.set_status(SAMPLE_IDS[1], "done")
    assert session.neighbour(first, 1, skip_done=True) == SAMPLE_IDS[2]
    assert session.progress() == (1, len(SAMPLE_IDS))
    session.remember(SAMPLE_IDS[3])
    assert Session(project, "sara").last_article() == SAMPLE_IDS[3]
    assert session.count(status="done") == 1
    assert [a.article_id for a in session.page(0, 10, query="قطر")] == [SAMPLE_IDS[3]]
    assert session.row_of(SAMPLE_IDS[3]) == 3


def test_view_suggests_participants_named_in_the_text(project) -> None:
    view = Session(project, "sara").view(ARABIC_ID)
    suggested = [pid for pid, _ in view.suggestions]
    assert {"ebrahim_raisi", "recep_tayyip_erdogan"} <= set(suggested[:3])
    body = view.article.body
    assert all(body[m.start:m.end] == m.quote for m in view.mentions)
