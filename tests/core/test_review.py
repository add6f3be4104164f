"""Review: the disagreement queue, adjudication beside annotators' tags, comments."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.session import Session
from annotator.core.store.review import AdjudicatedValue
from tests.conftest import ARABIC_ID, SAMPLE_IDS, quote_span


def _code(project) -> None:
    sara, reza = Session(project, "sara"), Session(project, "reza")
    for article in SAMPLE_IDS[:3]:
        sara.set_choice(article, "stance", "condemning")
        reza.set_choice(article, "stance", "condemning")
    reza.set_choice(ARABIC_ID, "stance", "strongly_condemning")
    sara.set_value(ARABIC_ID, "demands", "ceasefire", True)
    reza.set_value(ARABIC_ID, "demands", "cut_ties", True)


def test_queue_sorted_by_disagreement_and_filtered(project) -> None:
    _code(project)
    queue = project.review.queue()
    assert [i.article_id for i in queue][0] == ARABIC_ID
    assert queue[0].disagreements == ("demands", "stance")
    assert {i.article_id for i in queue} == set(SAMPLE_IDS[:3])
    assert [i.article_id for i in project.review.queue(field="demands")] == [ARABIC_ID]
    assert project.review.queue(pair=("sara", "nobody")) == []


def test_adjudication_is_stored_apart_and_never_changes_annotators_tags(project) -> None:
    _code(project)
    before = project.tags.find()
    project.review.accept(ARABIC_ID, "stance", "reza", reviewer="mina", comment="عنوان صریح است")
    start, end = quote_span(project, ARABIC_ID, "وقف إطلاق النار")
    project.review.adjudicate(ARABIC_ID, "demands",
                              [AdjudicatedValue("ceasefire", span=(start, end)),
                               AdjudicatedValue("cut_ties")],
                              reviewer="mina")
    assert project.tags.find() == before
    adjudicated = {(a.field, a.value) for a in project.review.adjudications(ARABIC_ID)}
    assert adjudicated == {("stance", "strongly_condemning"), ("demands", "ceasefire"),
                     ("demands", "cut_ties")}
    stance = project.review.adjudications(ARABIC_ID, "stance")[0]
    assert stance.source_annotator == "reza" and stance.reviewer == "mina"
    assert stance.comment == "عنوان صریح است"
    tags = list(project.review.adjudicated_tags())
    assert {t.annotator for t in tags} == {"adjudicated"}
    assert ARABIC_ID not in [i.article_id for i in project.review.queue(pending_only=True)]
    # Adjudications are in the history too.
    assert any(h.what == "adjudication" for h in project.history.changes(ARABIC_ID))
    with pytest.raises(AnnotatorError, match="not a value"):
        project.review.adjudicate(ARABIC_ID, "stance", [AdjudicatedValue("furious")],
                                  reviewer="mina")
    with pytest.raises(AnnotatorError, match="did not code"):
        project.review.accept(SAMPLE_IDS[4], "stance", "reza", reviewer="mina")


def test_comment_thread(project) -> None:
    project.review.add_comment(ARABIC_ID, "mina", "آیا «حماس» هم مشارکت‌کننده است؟")
    project.review.add_comment(ARABIC_ID, "sara", "نه، فقط ذکر شده.")
    assert [c.author for c in project.review.comments(ARABIC_ID)] == ["mina", "sara"]
    with pytest.raises(AnnotatorError):
        project.review.add_comment(ARABIC_ID, "mina", "  ")


# -- roles and evidence are compared; decisions undo ------------------------------------------
ERDOGAN = "recep_tayyip_erdogan"


def _roles(project) -> None:
    """Two annotators code Erdoğan as counterpart, the third as mentioned; all else agrees."""
    for name, role in (("sara", "counterpart"), ("reza", "counterpart"), ("omid", "mentioned")):
        session = Session(project, name)
        session.set_choice(ARABIC_ID, "stance", "condemning")
        session.set_value(ARABIC_ID, "participants", ERDOGAN, True, role=role)


def test_a_disagreement_about_a_role_is_a_disagreement(project) -> None:
    _roles(project)
    [item] = project.review.queue()
    assert item.disagreements == ("participants",)
    assert item.differences == {"participants": "roles"} and item.pending == ("participants",)
    project.review.accept(ARABIC_ID, "stance", "sara", reviewer="mina")
    assert [i.article_id for i in project.review.queue(pending_only=True)] == [ARABIC_ID]
    assert [i.article_id for i in project.review.queue(field="participants")] == [ARABIC_ID]
    assert project.review.queue(pair=("sara", "reza"))[0].disagreements == ()
    project.review.accept(ARABIC_ID, "participants", "omid", reviewer="mina")
    assert project.review.queue(pending_only=True) == []
    # A role changed after the decision: to look at again.
    Session(project, "omid").update_tag(
        project.tags.find(ARABIC_ID, "omid", "participants")[0], "role", role="counterpart")
    [item] = project.review.queue(pending_only=True)
    assert item.recheck == ("participants",) and item.disagreements == ()


def test_evidence_is_compared_where_the_codebook_requires_it(project) -> None:
    from annotator.core.codebook import parse_codebook

    sara, reza = Session(project, "sara"), Session(project, "reza")
    for session in (sara, reza):
        session.set_choice(ARABIC_ID, "stance", "condemning")
    first = quote_span(project, ARABIC_ID, "وقف إطلاق النار")
    second = quote_span(project, ARABIC_ID, "قطع علاقاتها")
    sara.update_tag(sara.view(ARABIC_ID).field_tags("stance")[0], "evidence", span=first)
    reza.update_tag(reza.view(ARABIC_ID).field_tags("stance")[0], "evidence", span=second)
    assert project.review.queue()[0].disagreements == ()
    plain = 'id = "stance"\ntype = "single"'
    source = project.codebooks.active().source.replace(
        plain, plain + "\nevidence_required = true", 1)
    assert "evidence_required" in source
    project.codebooks.load(parse_codebook(source))
    [item] = project.review.queue()
    assert item.differences == {"stance": "evidence"}
    with pytest.raises(AnnotatorError, match="text field"):
        parse_codebook(source.replace('id = "note"\ntype = "text"',
                                      'id = "note"\ntype = "text"\nevidence_required = true'))


def test_decisions_comments_and_tagging_undo_in_one_history(project) -> None:
    from annotator.core.review_session import ReviewChange, ReviewSession
    from annotator.core.undo import UndoConflict

    _code(project)
    coding = Session(project, "mina")
    review = ReviewSession(project, "mina", coding.undo_stack)
    coding.set_choice(SAMPLE_IDS[4], "stance", "neutral")
    accepted = review.accept_all(ARABIC_ID, ["stance", "demands"], "reza")
    assert accepted.before == () and {a.field for a in accepted.after} == {"stance", "demands"}
    comment = review.add_comment(ARABIC_ID, "چرا؟")
    cleared = review.clear(ARABIC_ID, "stance")
    assert [a.field for a in cleared.before] == ["stance"] and cleared.after == ()

    undone = coding.undo()  # the clear
    assert isinstance(undone, ReviewChange) and undone.fields == ("stance",)
    assert [a.value for a in project.review.adjudications(ARABIC_ID, "stance")] == [
        "strongly_condemning"]
    undone = coding.undo()  # the comment
    assert isinstance(undone, ReviewChange) and undone.comment_removed
    assert project.review.comments(ARABIC_ID) == []
    coding.undo()  # the decision on both fields
    assert project.review.adjudications(ARABIC_ID) == []
    assert coding.undo().field == "stance"  # then the tagging edit made before them
    assert project.tags.find(SAMPLE_IDS[4], "mina") == []
    coding.redo()
    redone = coding.redo()
    assert {a.field for a in redone.after} == {"stance", "demands"}
    assert {a.adjudication_uid for a in project.review.adjudications(ARABIC_ID)} == {
        a.adjudication_uid for a in accepted.after}
    coding.redo()
    assert [c.comment_uid for c in project.review.comments(ARABIC_ID)] == [
        comment.comment.comment_uid]
    # A decision changed elsewhere since is not overwritten by an undo.
    coding.redo()  # the clear again
    project.review.accept(ARABIC_ID, "stance", "sara", reviewer="omid")
    with pytest.raises(UndoConflict, match="decision"):
        coding.undo()
    assert project.review.adjudications(ARABIC_ID, "stance")[0].reviewer == "omid"
    # A decision that changes nothing is not an undo step.
    before = coding.next_undo()
    review.accept(ARABIC_ID, "stance", "sara")
    review.accept(ARABIC_ID, "stance", "sara")
    assert coding.next_undo() is not before and coding.undo().fields == ("stance",)
    assert project.review.adjudications(ARABIC_ID, "stance")[0].reviewer == "omid"
    with pytest.raises(AnnotatorError, match="free text"):
        review.adjudicate(ARABIC_ID, "note", [])


def test_a_decision_to_look_at_again_shows_when_one_annotator_is_left(project) -> None:
    article = SAMPLE_IDS[1]
    sara, reza = Session(project, "sara"), Session(project, "reza")
    sara.set_choice(article, "stance", "condemning")
    reza.set_choice(article, "stance", "neutral")
    project.review.accept(article, "stance", "sara", reviewer="mina")
    assert project.review.queue(pending_only=True) == []
    sara.set_choice(article, "stance", None)  # sara takes her tag back: reza alone codes it
    [item] = project.review.queue(pending_only=True)
    assert (item.article_id, item.annotators, item.disagreements, item.recheck) == (
        article, ("reza",), (), ("stance",))
    assert project.review.queue(field="demands") == []
    [recheck] = project.review.rechecks().values()
    assert recheck.changed == (("sara", frozenset({("condemning", None, None)}), frozenset()),)
