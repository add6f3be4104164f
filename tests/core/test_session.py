"""The annotator's session: blind view, navigation, and undo/redo of every edit."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotator.core.participants import Participant
from annotator.core.session import Session, UndoConflict
from annotator.core.store import open_project
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
    assert project.statuses.get(ARABIC_ID, "sara") == "in_progress"
    session.undo()  # cut_ties
    assert session.view(ARABIC_ID).values("demands") == ["ceasefire"]
    session.undo()
    session.undo()  # back to "condemning"
    assert session.view(ARABIC_ID).values("stance") == ["condemning"]
    session.undo()
    assert session.view(ARABIC_ID).tags == ()
    assert project.statuses.get(ARABIC_ID, "sara") == "not_started"
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


def test_progress_counts_each_article_once_after_an_undo(project) -> None:
    # Undoing a tag back to "not started" leaves a status row saying so: the article must
    # count once among those not started, not vanish from the total.
    session = Session(project, "sara")
    session.set_choice(ARABIC_ID, "stance", "neutral")
    session.set_status(ARABIC_ID, "done")
    assert session.progress() == (1, len(SAMPLE_IDS))
    session.undo()
    session.undo()
    assert project.statuses.get(ARABIC_ID, "sara") == "not_started"
    assert session.progress() == (0, len(SAMPLE_IDS))
    counts = project.statuses.counts("sara")
    assert counts["not_started"] == len(SAMPLE_IDS)
    assert sum(counts.values()) == project.articles.count()


def test_view_suggests_participants_named_in_the_text(project) -> None:
    view = Session(project, "sara").view(ARABIC_ID)
    suggested = [pid for pid, _ in view.suggestions]
    assert {"ebrahim_raisi", "recep_tayyip_erdogan"} <= set(suggested[:3])
    body = view.article.body
    assert all(body[m.start:m.end] == m.quote for m in view.mentions)


# -- another window or command writing to the same file ------------------------------------
def test_changed_elsewhere_sees_other_connections_not_our_own_edits(project) -> None:
    session = Session(project, "sara")
    assert not session.changed_elsewhere()
    session.set_choice(ARABIC_ID, "stance", "neutral")
    session.remember(ARABIC_ID)
    assert not session.changed_elsewhere()  # our own commits do not count
    with open_project(project.path, create=False) as other:
        Session(other, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    assert session.changed_elsewhere()
    assert not session.changed_elsewhere()  # once per change
    assert session.view(ARABIC_ID).values("stance") == ["condemning"]


def test_changed_elsewhere_sees_a_command_in_another_process(project) -> None:
    session = Session(project, "sara")
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "tag", "--db", str(project.path),
         "--annotator", "sara", ARABIC_ID, "stance", "neutral"],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert session.changed_elsewhere()
    assert session.view(ARABIC_ID).values("stance") == ["neutral"]


def test_a_change_elsewhere_refreshes_cached_participants(project) -> None:
    session = Session(project, "sara")
    assert "new_envoy" not in {p.id for p in session.participants()}  # now cached
    with open_project(project.path, create=False) as other:
        other.participants.add([Participant("new_envoy", "person", {"en": "New Envoy"})], "reza")
    assert session.changed_elsewhere()
    assert session.participant("new_envoy").text("en") == "New Envoy"


def test_undo_refuses_to_overwrite_a_change_made_elsewhere(project) -> None:
    session = Session(project, "sara")
    session.set_choice(ARABIC_ID, "stance", "neutral")
    with open_project(project.path, create=False) as other:
        Session(other, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    with pytest.raises(UndoConflict) as raised:
        session.undo()
    assert raised.value.edit.field == "stance" and raised.value.undoing
    assert session.view(ARABIC_ID).values("stance") == ["condemning"]  # theirs kept
    assert not session.can_undo and not session.can_redo  # the stale edit is gone


def test_redo_refuses_to_overwrite_a_change_made_elsewhere(project) -> None:
    session = Session(project, "sara")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    session.undo()
    with open_project(project.path, create=False) as other:
        Session(other, "sara").set_none(ARABIC_ID, "demands", True)
    with pytest.raises(UndoConflict):
        session.redo()
    view = session.view(ARABIC_ID)
    assert [t.value for t in view.field_tags("demands")] == [None]  # "none" kept
    assert not session.can_redo


def test_undo_still_works_when_elsewhere_changed_something_else(project) -> None:
    session = Session(project, "sara")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)  # starts the article
    session.set_choice(ARABIC_ID, "stance", "neutral")
    with open_project(project.path, create=False) as other:
        theirs = Session(other, "sara")
        theirs.set_choice(ARABIC_ID, "event_type", theirs.codebook.field(
            "event_type").active_categories[0].id)
        theirs.set_status(ARABIC_ID, "done")
    assert session.undo() is not None  # the stance: its field is as we left it
    view = session.view(ARABIC_ID)
    assert view.values("stance") == [] and view.values("demands") == ["ceasefire"]
    assert view.status == "done"  # the stance edit left the status alone; so does its undo
    assert len(view.values("event_type")) == 1
    with pytest.raises(UndoConflict):  # the first edit set "in progress", now "done"
        session.undo()
    assert session.view(ARABIC_ID).values("demands") == ["ceasefire"]


# -- change records ------------------------------------------------------------------------
def test_every_edit_returns_a_record_of_what_it_changed(project) -> None:
    session = Session(project, "sara")
    first = session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    assert (first.article_id, first.annotator, first.field) == (ARABIC_ID, "sara", "demands")
    assert first.before == () and [t.value for t in first.after] == ["ceasefire"]
    assert (first.status_before, first.status_after) == ("not_started", "in_progress")
    assert first.tags_changed and first.status_changed
    stance = session.set_choice(ARABIC_ID, "stance", "neutral")
    assert stance.tags_changed and not stance.status_changed  # already in progress
    done = session.set_status(ARABIC_ID, "done")
    assert done.field == "" and not done.tags_changed and done.status_changed
    assert done.status_after == "done"


def test_undo_and_redo_return_the_record_of_what_they_changed(project) -> None:
    session = Session(project, "sara")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    [tag] = session.view(ARABIC_ID).field_tags("demands")
    span = quote_span(project, ARABIC_ID, "وقف إطلاق النار")
    session.update_tag(tag, "evidence", span=span)
    undone = session.undo()
    assert undone is not None and undone.field == "demands" and undone.label == "evidence"
    assert [t.span_start for t in undone.before] == [span[0]]
    # What the view must now show: the tags as stored after the undo, ids and all.
    assert undone.after == tuple(session.view(ARABIC_ID).field_tags("demands"))
    assert undone.after[0].span_start is None and undone.tags_changed
    redone = session.redo()
    assert redone is not None and redone.after == tuple(
        session.view(ARABIC_ID).field_tags("demands"))
    assert redone.after[0].span_start == span[0]
    session.set_status(ARABIC_ID, "skipped")
    status = session.undo()
    assert status is not None and status.status_changed
    assert (status.status_before, status.status_after) == ("skipped", "in_progress")
