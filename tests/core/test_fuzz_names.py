"""Article ids and people's names: one visible line, bounded, at every entry point.

Hypothesis draws names from all of Unicode (controls, bidi controls, joiners, spaces,
astral characters) and checks that each entry point either stores the name exactly or
refuses it with one line, storing nothing; the CLI listings then stay one line per row.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.commands import main
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.names import MAX_LENGTH, check_person, name_problem
from annotator.core.records import ArticleRecord
from annotator.core.session import Session
from annotator.core.store import open_project
from tests.conftest import SAMPLE_IDS

BAD = ["a\nb", "a\rb", "a\tb", "nul\x00", "\u202eevil", "x\u2066y", "\u200fname", "a\u2028b",
       "a\ufeff", "no\u00a0break", " lead", "trail ", "\u200cjoiner", "joiner\u200d",
       "x" * (MAX_LENGTH + 1), "x" * 100_000, "", "   ", "\ue000private", "a\u00adb", "a\u200bb"]
GOOD = ["Maryam", "مریم", "عبدالله\u200cزاده", "Ali Rezaei", "x" * MAX_LENGTH, "a\u200db",
        "O'Brien <b>", "名前", "🙂 smile"]

names = st.text(min_size=0, max_size=300)


@pytest.mark.parametrize("name", BAD)
def test_bad_names_are_refused_with_one_line(name: str) -> None:
    problem = name_problem(name, "annotator's name")
    assert problem is not None
    with pytest.raises(AnnotatorError) as caught:
        check_person(name)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300


@pytest.mark.parametrize("name", GOOD)
def test_good_names_pass_unchanged(name: str) -> None:
    assert name_problem(name) is None
    assert check_person(name) == name


@settings(max_examples=400, deadline=None)
@given(names)
def test_the_rule_is_what_the_docstring_says(name: str) -> None:
    problem = name_problem(name)
    refused_char = any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
                       and c not in "\u200c\u200d" or unicodedata.category(c) == "Zs"
                       and c != " " for c in name)
    expected_ok = (bool(name.strip()) and len(name) <= MAX_LENGTH and not refused_char
                   and not name[0].isspace() and not name[-1].isspace()
                   and name[0] not in "\u200c\u200d" and name[-1] not in "\u200c\u200d")
    assert (problem is None) == expected_ok
    if problem is None:
        assert name.isprintable() or set(name) & {"\u200c", "\u200d"}


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names)
def test_store_takes_a_name_exactly_or_nothing(project, name: str) -> None:
    article = SAMPLE_IDS[0]
    before = project.conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0]
    statuses = project.conn.execute("SELECT COUNT(*) FROM article_status").fetchone()[0]
    try:
        project.tags.set_choice(article, name, "stance", "neutral")
    except AnnotatorError as exc:
        assert name_problem(name) is not None
        assert "\n" not in str(exc)
        assert project.conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0] == before
        assert project.conn.execute(
            "SELECT COUNT(*) FROM article_status").fetchone()[0] == statuses
        return
    assert name_problem(name) is None
    assert name in project.tags.annotators()
    project.tags.clear_field(article, name, "stance")


@pytest.mark.parametrize("name", ["a\nb", "\u202eevil", "x" * 100_000, "nul\x00"])
def test_every_store_entry_point_refuses_a_bad_name(project, name: str) -> None:
    article = SAMPLE_IDS[0]
    calls = [
        lambda: project.tags.set_choice(article, name, "stance", "neutral"),
        lambda: project.tags.add_value(article, name, "demands", "ceasefire"),
        lambda: project.tags.mark_none(article, name, "demands"),
        lambda: project.statuses.set(article, name, "done"),
        lambda: project.tags.restore(article, name, "stance", [], "done"),
        lambda: project.review.add_comment(article, name, "a comment"),
        lambda: project.review.adjudicate(article, "stance", [], name),
        lambda: Session(project, name),
    ]
    for call in calls:
        with pytest.raises(AnnotatorError, match="name"):
            call()
    for table in ("tags", "article_status", "comments", "adjudications"):
        assert project.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_tag_csv_rows_with_a_bad_name_store_nothing(project, tmp_path: Path) -> None:
    rows = [(2, {"article_id": SAMPLE_IDS[0], "annotator": "ok", "field": "stance",
                 "value": "neutral"}),
            (3, {"article_id": SAMPLE_IDS[1], "annotator": "bad\u202ename", "field": "stance",
                 "value": "neutral"})]
    with pytest.raises(AnnotatorError, match=r"tags:3: .*U\+202E"):
        project.exchange.import_tag_rows(rows)
    assert project.conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0] == 0


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article_id=st.text(min_size=1, max_size=250))
def test_an_article_id_is_stored_exactly_or_is_an_import_problem(project, article_id) -> None:
    record = ArticleRecord(article_id, "title", f"body of {article_id!r}", "corpus.csv", "other",
                           line=7)
    result = project.articles.add([record])
    if name_problem(article_id, "article id") is None:
        assert result.added == [article_id] or result.already_present or result.problems
        if result.added:
            assert project.articles.get(article_id).article_id == article_id
    else:
        assert result.added == [] and len(result.problems) == 1
        problem = result.problems[0]
        assert str(problem).startswith("corpus.csv:7: the article id")
        assert "\n" not in str(problem)


def test_a_jsonl_corpus_with_bad_ids_imports_the_good_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [{"id": "good-1", "text": "نخست"}, {"id": "bad\nid", "text": "دوم"},
             {"id": "\u202ebad", "text": "سوم"}, {"id": "x" * 100_000, "text": "چهارم"},
             {"id": "good-2", "text": "پنجم"}]
    corpus.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                      encoding="utf-8")
    with open_project(tmp_path / "p.sqlite") as project:
        result = import_paths(project, [corpus])
        assert sorted(result.added) == ["good-1", "good-2"]
        assert [p.line for p in result.problems] == [2, 3, 4]
        assert all("article id" in p.reason for p in result.problems)
        assert len(str(result.problems[2])) < 400


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=60))
def test_cli_annotator_is_refused_in_one_line_or_listed_in_one_line(
        project_path: Path, capsys, name: str) -> None:
    try:
        code = main(["--db", str(project_path), "status", SAMPLE_IDS[0], "done",
                     "--annotator", name])
    except SystemExit as exit_:  # argparse's own usage error (exit status 2)
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    if code == 2:  # argparse took the name for an option ("-x"): not stored either
        assert err.count("\n") <= 3  # its usage line and one error line
        return
    if name_problem(name.strip()) is not None or not name.strip():
        assert code == 1
        assert err.startswith("annotator: error: ") and err.count("\n") == 1
        return
    assert code == 0
    main(["--db", str(project_path), "list", "--logical", "--annotator", name.strip()])
    out, _ = capsys.readouterr()
    assert len(out.splitlines()) == len(SAMPLE_IDS)
