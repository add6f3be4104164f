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
