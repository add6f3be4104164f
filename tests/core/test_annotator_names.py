"""Who has coded in a project: looked up in the annotator indexes, never a walk of every tag.

``Tags.annotators`` names everyone with a tag or a status (export, review, agreement,
statistics ask), and the merge asks the same of a colleague's file attached as ``other``.
Names sort as SQLite sorts them; a name with only a status, or only tags, counts; a name
whose tags were all removed does not.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.session import Session
from annotator.core.store import Project, open_project
from annotator.core.store.merge_sql import their_annotators, their_people
from annotator.core.store.who_coded import annotators
from tests.conftest import SAMPLE_IDS

NAMES = ["sara", "Sara", "reza", "مریم", "علی", "a.b", "zed"]


def _distinct(project: Project) -> list[str]:
    return [str(a) for (a,) in project.conn.execute(
        "SELECT annotator FROM tags UNION SELECT annotator FROM article_status ORDER BY 1")]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["tag", "status", "untag", "unstatus"]),
                                st.sampled_from(NAMES), st.sampled_from(SAMPLE_IDS[:3])),
                      max_size=20))
def test_the_names_equal_every_distinct_name(project: Project,
                                             steps: list[tuple[str, str, str]]) -> None:
    project.conn.execute("DELETE FROM tags")
    project.conn.execute("DELETE FROM article_status")
    for action, name, article_id in steps:
        session = Session(project, name)
        if action == "tag":
            session.set_choice(article_id, "stance", "neutral")
        elif action == "untag":
            session.set_choice(article_id, "stance", None)
        elif action == "status":
            session.set_status(article_id, "done")
        else:
            project.conn.execute("DELETE FROM article_status WHERE annotator = ? "
                                 "AND article_id = ?", (name, article_id))
    assert project.tags.annotators() == _distinct(project)


def test_the_names_are_sought_in_the_indexes(project: Project) -> None:
    for name in ("sara", "reza"):
        Session(project, name).set_choice(SAMPLE_IDS[0], "stance", "neutral")
    Session(project, "zed").set_status(SAMPLE_IDS[1], "skipped")
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    assert project.tags.annotators() == ["reza", "sara", "zed"]
    project.conn.set_trace_callback(None)
    [sql] = statements
    plan = " ".join(str(row[3]) for row in project.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "SCAN tags" not in plan and "SCAN article_status" not in plan, plan
    assert "tags_by_annotator" in plan and "article_status_by_annotator" in plan, plan


def test_a_colleagues_names_are_sought_in_their_indexes(project: Project, project_path: Path,
                                                       tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.sqlite"
    shutil.copyfile(project_path, theirs)
    with open_project(theirs) as colleague:
        for name in ("mina", "Mina", "مریم"):
            Session(colleague, name).set_choice(SAMPLE_IDS[0], "stance", "neutral")
        Session(colleague, "zed").set_status(SAMPLE_IDS[1], "done")
        colleague.conn.execute(
            "INSERT INTO comments (comment_uid, article_id, author, text, created_at) "
            "VALUES ('c1', ?, 'lead', 'see here', '2026-01-01T00:00:00Z')", (SAMPLE_IDS[0],))
    Session(project, "sara").set_choice(SAMPLE_IDS[0], "stance", "neutral")
    project.conn.execute("ATTACH DATABASE ? AS other", (str(theirs),))
    try:
        statements: list[str] = []
        project.conn.set_trace_callback(statements.append)
        names = their_annotators(project.conn)
        people = their_people(project.conn)
        project.conn.set_trace_callback(None)
        distinct = [str(a) for (a,) in project.conn.execute(
            "SELECT annotator FROM other.tags UNION SELECT annotator FROM other.article_status "
            "ORDER BY 1")]
        assert names == distinct == sorted(["mina", "Mina", "مریم", "zed"])
        assert people == sorted([*distinct, "lead"])
        for sql in statements:
            plan = " ".join(str(row[3]) for row in
                            project.conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "SCAN tags" not in plan and "SCAN article_status" not in plan, plan
    finally:
        project.conn.execute("DETACH DATABASE other")


def test_only_this_project_or_the_colleagues_file_is_asked(project: Project) -> None:
    with pytest.raises(ValueError):
        annotators(project.conn, "main; DROP TABLE tags")
