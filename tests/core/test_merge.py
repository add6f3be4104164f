"""Merging colleagues' project files: idempotent, order-independent, nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.importer import import_paths
from annotator.core.session import Session
from annotator.core.store import Project, open_project
from tests.conftest import ARABIC_ID, SAMPLE_IDS

DEMANDS = ["ceasefire", "cut_ties", "humanitarian_aid", "islamic_unity"]
STANCES = ["strongly_condemning", "condemning", "neutral", "unclear"]


def new_project(path: Path) -> Project:
    project = open_project(path)
    import_paths(project, [paths.corpus_dir()])
    return project


def content(project: Project) -> dict[str, object]:
    """Everything a merge must preserve, independent of row ids and history order."""
    tags = sorted((t.tag_uid, t.article_id, t.annotator, t.field, t.value or "",
                   t.participant or "", t.role or "", t.span_start or -1, t.quote or "",
                   t.note or "") for t in project.tags())
    statuses = sorted(project.conn.execute(
        "SELECT article_id, annotator, status FROM article_status").fetchall())
    articles = sorted(project.conn.execute(
        "SELECT article_id, content_hash FROM articles").fetchall())
    adjudications = sorted((a.article_id, a.field, a.value or "", a.reviewer)
                           for a in project.adjudications())
    return {"tags": tags, "statuses": statuses, "articles": articles,
            "adjudications": adjudications}


def test_merge_brings_in_a_colleagues_work(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(mine, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    reza = Session(theirs, "reza")
    reza.set_choice(ARABIC_ID, "stance", "strongly_condemning")
    reza.set_value(ARABIC_ID, "demands", "ceasefire", True)
    reza.set_none(SAMPLE_IDS[0], "demands", True)
    reza.set_status(ARABIC_ID, "done")
    theirs.add_comment(ARABIC_ID, "reza", "حماس را هم باید کد کرد؟")
    extra = tmp_path / "extra.txt"
    extra.write_text("خبر تازه\n\nمتن خبری که فقط همکار دارد.", encoding="utf-8")
    import_paths(theirs, [extra])
    Session(theirs, "reza").set_choice("extra", "stance", "neutral")
    theirs.close()
    before = (tmp_path / "theirs.sqlite").read_bytes()

    summary = mine.merge(tmp_path / "theirs.sqlite")
    assert summary.articles_added == 1 and summary.articles_matched == 5
    assert summary.tags_added == 4 and summary.statuses >= 2 and summary.comments == 1
    assert "reza" in summary.annotators
    assert (tmp_path / "theirs.sqlite").read_bytes() == before  # their file is only read
    assert [t.value for t in mine.tags(ARABIC_ID, "sara", "stance")] == ["condemning"]
    assert [t.value for t in mine.tags(ARABIC_ID, "reza", "stance")] == ["strongly_condemning"]
    assert [t.value for t in mine.tags(SAMPLE_IDS[0], "reza", "demands")] == [None]
    assert mine.status(ARABIC_ID, "reza") == "done"
    assert mine.search("همکار")[0].article_id == "extra"
    assert mine.comments(ARABIC_ID)[0].author == "reza"
    # History came along: nothing silently overwritten.
    assert any(h.annotator == "reza" for h in mine.history(ARABIC_ID))


def test_same_text_under_another_id_is_matched_and_other_text_same_id_reported(
        tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = open_project(tmp_path / "theirs.sqlite")
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    body = (paths.corpus_dir() / f"{ARABIC_ID}.txt").read_text(encoding="utf-8")
    (renamed / "other-name.txt").write_text(body, encoding="utf-8")
    (renamed / f"{SAMPLE_IDS[0]}.txt").write_text("عنوان\n\nمتن کاملا متفاوت", encoding="utf-8")
    import_paths(theirs, [renamed])
    Session(theirs, "reza").set_choice("other-name", "stance", "neutral")
    Session(theirs, "reza").set_choice(SAMPLE_IDS[0], "stance", "neutral")
    theirs.close()
    summary = mine.merge(tmp_path / "theirs.sqlite")
    assert summary.articles_matched == 1 and summary.articles_added == 0
    assert len(summary.article_conflicts) == 1 and SAMPLE_IDS[0] in summary.article_conflicts[0]
    assert [t.value for t in mine.tags(ARABIC_ID, "reza")] == ["neutral"]
    assert mine.tags(SAMPLE_IDS[0], "reza") == []
    assert mine.article(SAMPLE_IDS[0]).body != "متن کاملا متفاوت"


def test_later_edit_wins_and_earlier_stays_in_history(tmp_path: Path) -> None:
    laptop = new_project(tmp_path / "laptop.sqlite")
    Session(laptop, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    laptop.close()
    shutil.copy(tmp_path / "laptop.sqlite", tmp_path / "desktop.sqlite")
    desktop = open_project(tmp_path / "desktop.sqlite")
    Session(desktop, "sara").set_choice(ARABIC_ID, "stance", "strongly_condemning")  # later
    desktop.close()
    laptop = open_project(tmp_path / "laptop.sqlite")
    summary = laptop.merge(tmp_path / "desktop.sqlite")
    assert summary.tags_updated == 1
    assert [t.value for t in laptop.tags(ARABIC_ID, "sara", "stance")] == ["strongly_condemning"]
    olds = [h.old_value or "" for h in laptop.history(ARABIC_ID, "sara")]
    assert any('"condemning"' in old for old in olds)
    # And the other way round: the desktop keeps its newer value.
    desktop = open_project(tmp_path / "desktop.sqlite")
    assert desktop.merge(tmp_path / "laptop.sqlite").tags_updated == 0
    assert [t.value for t in desktop.tags(ARABIC_ID, "sara", "stance")] == ["strongly_condemning"]


def test_a_tag_removed_here_is_not_brought_back(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    session = Session(mine, "sara")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    mine.close()
    shutil.copy(tmp_path / "mine.sqlite", tmp_path / "old-copy.sqlite")
    mine = open_project(tmp_path / "mine.sqlite")
    Session(mine, "sara").set_value(ARABIC_ID, "demands", "ceasefire", False)
    mine.merge(tmp_path / "old-copy.sqlite")
    assert mine.tags(ARABIC_ID, "sara", "demands") == []


def test_bad_files_are_refused_clearly(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not an SQLite file"):
        mine.merge(text)
    other = tmp_path / "birds.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(AnnotatorError, match="not an annotator project"):
        mine.merge(other)
    with pytest.raises(AnnotatorError, match="this project itself"):
        mine.merge(tmp_path / "mine.sqlite")
    assert mine.tags() == []


# -- properties -------------------------------------------------------------------------
_EDIT = st.tuples(
    st.sampled_from(["sara", "reza", "mina"]),
    st.sampled_from(SAMPLE_IDS),
    st.sampled_from(["stance", "demands", "none", "status"]),
    st.integers(0, 3),
)


def _apply(project: Project, edits: list[tuple[str, str, str, int]]) -> None:
    for annotator, article, kind, n in edits:
        session = Session(project, annotator)
        if kind == "stance":
            session.set_choice(article, "stance", STANCES[n])
        elif kind == "demands":
            on = DEMANDS[n] not in session.view(article).values("demands")
            session.set_value(article, "demands", DEMANDS[n], on)
        elif kind == "none":
            session.set_none(article, "demands", True)
        else:
            session.set_status(article, ["in_progress", "done", "skipped", "done"][n])


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_EDIT, max_size=6), st.lists(_EDIT, max_size=6), st.lists(_EDIT, max_size=6))
def test_merge_is_idempotent_commutative_and_loses_nothing(
        tmp_path_factory: pytest.TempPathFactory, base_edits, a_edits, b_edits) -> None:
    folder = tmp_path_factory.mktemp("merge")
    base = new_project(folder / "base.sqlite")
    _apply(base, base_edits)
    base.close()
    for name, edits in (("a", a_edits), ("b", b_edits)):
        shutil.copy(folder / "base.sqlite", folder / f"{name}.sqlite")
        colleague = open_project(folder / f"{name}.sqlite")
        # A colleague codes under their own name, so nobody else's tags are touched.
        _apply(colleague, [(f"{annotator}-{name}", *rest) for annotator, *rest in edits])
        colleague.close()
    results = []
    for order in (("a", "b"), ("b", "a")):
        target = folder / f"merged-{''.join(order)}.sqlite"
        shutil.copy(folder / "base.sqlite", target)
        project = open_project(target)
        for name in order:
            project.merge(folder / f"{name}.sqlite")
        once = content(project)
        for name in order:  # merging again changes nothing
            project.merge(folder / f"{name}.sqlite")
        assert content(project) == once
        results.append(once)
        # Nothing lost: every tag of every colleague file is in the merged project.
        for name in order:
            with open_project(folder / f"{name}.sqlite") as colleague:
                assert {t.tag_uid for t in colleague.tags()} <= {t.tag_uid for t in
                                                                 project.tags()}
        project.close()
    assert results[0] == results[1]
