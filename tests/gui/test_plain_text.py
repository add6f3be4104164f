"""Text from the data is plain text in Qt: never an image, a link or markup.

A participant, an annotator, an article title, an evidence quote and a comment holding
``<img src=x>``, ``<b>bold</b>`` and U+202E must show those characters literally: labels
that show data are plain text, and tooltips carry the data escaped.
"""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.participants import Participant
from annotator.core.records import ArticleRecord
from annotator.core.review_session import ReviewSession
from annotator.core.session import Session
from annotator.core.store import Project
from annotator.gui.article_list import ArticleModel
from annotator.gui.review_view import ReviewView
from annotator.gui.tag_form import TagForm
from annotator.gui.texts import plain_tip

MARKUP = "<img src=x><b>bold</b>\u202e"
NAME = "<b>bold</b> <img src=x>"  # an acceptable annotator name (no controls)
BODY = f"Before. The minister said {MARKUP} after the call. More text follows here."
ARTICLE = "markup-1"


def _literal_tip(tip: str, text: str) -> None:
    """``tip`` shows ``text`` literally: escaped inside rich text, never raw markup."""
    assert "<img" not in tip.replace("<p", "").replace("</p>", "") or "&lt;img" in tip
    assert "<img src=x>" not in tip and "<b>bold</b>" not in tip
    assert html.escape(text.split("\n")[0])[:20] in tip


@pytest.fixture
def marked(project: Project) -> Project:
    project.articles.add([ArticleRecord(ARTICLE, MARKUP + " title", BODY, "corpus.jsonl",
                                        "other", line=1)])
    project.participants.add([Participant("evil", "person", {"en": MARKUP, "fa": MARKUP},
                                          office={"en": MARKUP})], "tester")
    return project


def _show(qtbot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)


def test_plain_tip_escapes_every_line() -> None:
    tip = plain_tip(f"{MARKUP}\nsecond <a href=y>line</a>")
    assert "&lt;img src=x&gt;" in tip and "&lt;a href=y&gt;" in tip
    assert "\u202e" in tip and tip.count("<p") == 2
    assert plain_tip("") == ""


def test_participant_name_is_plain_text_in_the_form(qtbot, marked: Project) -> None:
    session = Session(marked, "sara")
    session.set_value(ARTICLE, "participants", "evil", True)
    form = TagForm(session, "en")
    _show(qtbot, form)
    form.show_article(session.view(ARTICLE))
    box = form.participant_boxes[0]
    row = box.rows["evil"]
    assert row.name.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in row.name.text()
    for tip in (row.name.toolTip(), row.role.toolTip(), row.remove.toolTip()):
        _literal_tip(tip, MARKUP)


def test_evidence_quote_tooltip_is_escaped(qtbot, marked: Project) -> None:
    session = Session(marked, "sara")
    session.set_value(ARTICLE, "demands", "ceasefire", True)
    tag = session.view(ARTICLE).field_tags("demands")[0]
    start = BODY.index(MARKUP)
    session.update_tag(tag, "evidence", span=(start, start + len(MARKUP)))
    form = TagForm(session, "en")
    _show(qtbot, form)
    form.show_article(session.view(ARTICLE))
    tips = [b.toolTip() for b in form.findChildren(QWidget) if "Evidence:" in b.toolTip()]
    assert tips
    for tip in tips:
        _literal_tip(tip, MARKUP)
        assert "\u202e" in tip


def test_review_shows_names_quotes_and_comments_literally(qtbot, marked: Project) -> None:
    for name in (NAME, "reza"):
        session = Session(marked, name)
        session.set_choice(ARTICLE, "stance", "condemning" if name == NAME else "neutral")
        tag = session.view(ARTICLE).field_tags("stance")[0]
        start = BODY.index(MARKUP)
        session.update_tag(tag, "evidence", span=(start, start + len(MARKUP)))
    marked.review.add_comment(ARTICLE, NAME, MARKUP + " a comment")
    view = ReviewView(ReviewSession(marked, "mina"))
    _show(qtbot, view)
    view.open_article(ARTICLE)
    row = view.field_reviews["stance"].rows[NAME]
    assert row.name.textFormat() == Qt.TextFormat.PlainText and NAME in row.name.text()
    _literal_tip(row.values.toolTip(), MARKUP)
    _literal_tip(row.accept.toolTip(), NAME)
    _literal_tip(row.aim.toolTip(), NAME)
    legend = [label for label in view.legend.findChildren(QLabel) if NAME in label.text()]
    assert legend and all(label.textFormat() == Qt.TextFormat.PlainText for label in legend)
    _literal_tip(legend[0].toolTip(), NAME)
    item = view.comments.list.item(0)
    assert MARKUP in item.text()  # list items are drawn as plain text
    _literal_tip(item.toolTip(), MARKUP)
    queue = view.queue_model
    row_no = next(i for i, it in enumerate(queue.items) if it.article_id == ARTICLE)
    for column in (1, 3):
        tip = queue.data(queue.index(row_no, column), Qt.ItemDataRole.ToolTipRole)
        _literal_tip(tip, MARKUP if column == 1 else NAME)


def test_article_list_title_tooltip_is_escaped(qtbot, marked: Project) -> None:
    model = ArticleModel(Session(marked, "sara"))
    rows = model.rowCount()
    row_no = next(r for r in range(rows)
                  if model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) == ARTICLE)
    tip = model.data(model.index(row_no, 1), Qt.ItemDataRole.ToolTipRole)
    _literal_tip(tip, MARKUP)
    shown = model.data(model.index(row_no, 1), Qt.ItemDataRole.DisplayRole)
    assert MARKUP in shown  # drawn by the delegate with drawText: plain


def test_a_message_that_qt_would_take_for_markup_is_escaped(qtbot) -> None:
    from annotator.gui.texts import plain_message

    assert plain_message("p.sqlite: busy") == "p.sqlite: busy"
    shown = plain_message("<img src=x>.sqlite: not an SQLite file")
    assert "<img" not in shown and "&lt;img src=x&gt;.sqlite" in shown
