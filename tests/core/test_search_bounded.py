"""Search costs what is shown: counts stop early, pages read only their rows, ranking takes
a bounded set of candidates; and each gives the same articles an unbounded reading gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.records import ArticleRecord
from annotator.core.store import Project, open_project
from annotator.core.store import articles as articles_module

COMMON, RARE = "غزه", "ترکمنستان"
ARTICLES = 60


def _body(number: int) -> str:
    """Every article has the common word (some twice); every tenth the rare one too."""
    words = [f"خبر{number}", COMMON, "گفت‌وگو"]
    if number % 3 == 0:
        words.append(COMMON)
    if number % 10 == 0:
        words.append(RARE)
    return " ".join(words) + f" پایان متن {number}."


@pytest.fixture
def many(tmp_path: Path) -> Project:
    with open_project(tmp_path / "many.sqlite") as project:
        result = project.articles.add(
            ArticleRecord(f"a{number:03d}", f"عنوان {number}", _body(number), "corpus.jsonl",
                          "fa") for number in range(1, ARTICLES + 1))
        assert len(result.added) == ARTICLES
        yield project


def _ids(rows) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.article_id for row in rows]


def test_a_count_stops_past_its_limit_and_says_more_match(many: Project) -> None:
    articles = many.articles
    assert articles.count(query=COMMON) == ARTICLES
    assert articles.count_at_most(10, query=COMMON) == (10, True)
    assert articles.count_at_most(ARTICLES, query=COMMON) == (ARTICLES, False)
    assert articles.count_at_most(ARTICLES - 1, query=COMMON) == (ARTICLES - 1, True)
    assert articles.count_at_most(10, query=RARE) == (ARTICLES // 10, False)
    assert articles.count_at_most(10, query="نیست‌درمتن") == (0, False)
    assert articles.count_at_most(10, query="*") == (0, False)  # no word: nothing
    assert articles.count_at_most(10, query="   ") == (10, True)  # no search: all
    # Without a search: all articles, or those of a status, counted the same way.
    assert articles.count_at_most(10) == (10, True)
    many.statuses.set("a005", "sara", "done")
    assert articles.count_at_most(10, "sara", "done") == (1, False)
    assert articles.count_at_most(10, "sara", "not_started") == (10, True)
    assert articles.count_at_most(10, "sara", "done", COMMON) == (1, False)


def test_a_search_page_lists_the_matches_in_import_order_with_statuses(many: Project) -> None:
    articles = many.articles
    many.statuses.set("a020", "sara", "done")
    everything = [f"a{n:03d}" for n in range(1, ARTICLES + 1)]
    assert _ids(articles.summaries("sara", query=COMMON)) == everything
    assert _ids(articles.summaries("sara", limit=7, offset=5, query=COMMON)) == everything[5:12]
    assert _ids(articles.summaries("sara", query=RARE)) == everything[9::10]
    assert _ids(articles.summaries("sara", limit=2, offset=3, query=RARE)) == ["a040", "a050"]
    [row] = [r for r in articles.summaries("sara", query=RARE) if r.article_id == "a020"]
    assert row.status == "done" and row.title == "عنوان 20" and row.language == "fa"
    assert articles.summaries("sara", query="نیست‌درمتن") == []
    # The position of an article among the matches, as the list shows it.
    assert articles.position("a030", "sara", query=RARE) == 2
    assert articles.position("a031", "sara", query=COMMON) == 30
    # With a status too, the same rows as before: statuses first, then the search.
    assert _ids(articles.summaries("sara", "done", query=RARE)) == ["a020"]
    assert articles.position("a020", "sara", "done", RARE) == 0


def test_ranking_takes_the_last_imported_matches_when_too_many_match(
        many: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = many.articles
    whole = articles.search(COMMON, limit=ARTICLES)
    assert sorted(h.article_id for h in whole) == [f"a{n:03d}" for n in range(1, ARTICLES + 1)]
    # The articles that hold the word twice rank first.
    assert {h.article_id for h in whole[:ARTICLES // 3]} == {
        f"a{n:03d}" for n in range(3, ARTICLES + 1, 3)}
    monkeypatch.setattr(articles_module, "RANK_CANDIDATES", 12)
    bounded = articles.search(COMMON, limit=5)
    candidates = {f"a{n:03d}" for n in range(ARTICLES - 11, ARTICLES + 1)}
    assert len(bounded) == 5 and {h.article_id for h in bounded} <= candidates
    # Ranked alike within the candidates: the double ones first.
    assert all(int(h.article_id[1:]) % 3 == 0 for h in bounded[:4])
    # Asking for more hits than candidates ranks as many as asked for.
    assert len(articles.search(COMMON, limit=30)) == 30
    assert len(articles.search(COMMON, limit=10, offset=8)) == 10
    # A rare word's matches all fit: ranked whole, as before.
    assert len(articles.search(RARE, limit=20)) == ARTICLES // 10
    hit = articles.search(RARE, limit=1)[0]
    body = articles.get(hit.article_id).body
    assert body[hit.start:hit.end] == RARE and RARE in hit.snippet


def test_the_command_says_when_more_articles_match_than_it_counted(
        many: Project, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.cli.commands as commands

    path = str(many.path)
    many.close()
    assert main(["--db", path, "search", COMMON, "--limit", "3"]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n    ") == 3
    assert f"{ARTICLES} matching articles (first 3 shown)" in err
    monkeypatch.setattr(commands, "COUNT_LIMIT", 20)
    assert main(["--db", path, "search", COMMON, "--limit", "3"]) == 0
    assert "more than 20 matching articles (first 3 shown; --limit shows more)" in (
        capsys.readouterr().err)
    # A limit above the count's counts as far: every article shown is counted.
    assert main(["--db", path, "search", COMMON, "--limit", "40"]) == 0
    assert "more than 40 matching articles (first 40 shown" in capsys.readouterr().err
    assert main(["--db", path, "search", RARE]) == 0
    assert "6 matching articles" in capsys.readouterr().err
    assert main(["--db", path, "search", COMMON, "--limit", "3", "--lang", "fa"]) == 0
    err = capsys.readouterr().err
    assert "بیش از" in err and "۲۰" in err


def _plans(project: Project, run) -> list[str]:  # type: ignore[no-untyped-def]
    """The query plans of the statements ``run()`` sends that read the articles table."""
    statements: list[str] = []
    project.conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        project.conn.set_trace_callback(None)
    return [" ".join(str(row[3]) for row in project.conn.execute("EXPLAIN QUERY PLAN " + sql))
            for sql in statements if "FROM articles" in sql or "JOIN articles" in sql]


def test_a_search_page_reads_the_lists_index_never_an_articles_row(many: Project) -> None:
    # A rare word's matches lie far apart in a large project; an article's row holds its
    # body (overflow pages), so a page of 200 matches read from the table read 200 bodies.
    plans = _plans(many, lambda: many.articles.summaries("sara", limit=5, offset=1,
                                                         query=RARE))
    assert plans
    for plan in plans:
        assert "COVERING INDEX articles_listed" in plan, plan
        assert "INTEGER PRIMARY KEY" not in plan, plan
    assert _ids(many.articles.summaries("sara", limit=5, offset=1, query=RARE)) == [
        "a020", "a030", "a040", "a050", "a060"]
