"""The search index in parts answers as the index in one does.

Parts of 40 articles (the app's are 65,536): an import, an import in two steps, a merge
from another project and a lead's articles file each put every article in the part of
its number, and every search (a page of the list, counts, positions, filters, samples'
candidates, ranked search) finds what the same articles in one index give.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.bench.realistic import write_realistic_corpus
from annotator.cli.commands import main
from annotator.core.intake.importer import import_paths
from annotator.core.store import Project, open_project, search_parts
from annotator.core.store import articles as articles_module
from annotator.core.store.health import check
from annotator.core.store.snapshot_files import ARTICLES, copy_owned

COUNT = 150
PART = 40
QUERIES = ("غزه", "اردوغان", "گفت‌وگو", "رئيس جمهور", "همکاری*", "در", "غزه OR ایران",
           "سازمان همکاری اسلامی", "ترکمنستان")
SPLIT = ["article_search", "search_part_41", "search_part_81", "search_part_121"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_realistic_corpus(tmp_path / "corpus.jsonl", COUNT, seed=21).path


@pytest.fixture
def one_index(tmp_path: Path, corpus: Path) -> list[object]:
    """The answers of the corpus imported into one index (the app's part size)."""
    with open_project(tmp_path / "one.sqlite") as project:
        import_paths(project, [corpus], parallel=False)
        assert [part.name for part in search_parts.parts(project.conn)] == ["article_search"]
        return _answers(project)


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_parts, "PART_SIZE", PART)
    # Batches of 30: some batches straddle two parts.
    monkeypatch.setattr(articles_module, "_BATCH", 30)


def _answers(project: Project) -> list[object]:
    articles = project.articles
    answers: list[object] = []
    for query in QUERIES:
        listed = [row.article_id for row in articles.summaries(query=query)]
        pages = [[row.article_id for row in articles.summaries(query=query, limit=7,
                                                               offset=start)]
                 for start in range(0, len(listed) + 7, 7)]
        assert sum(pages, []) == listed
        answers += [listed, pages, articles.count(query=query), articles.search_count(query),
                    articles.count_at_most(5, query=query),
                    [articles.position(article_id, query=query) for article_id in listed],
                    [row.article_id for row in articles.summaries(
                        annotator="sara", status="not_started", query=query)],
                    articles.count_at_most(5, annotator="sara", status="not_started",
                                           query=query),
                    sorted(c.article_id for c in project.samples.candidates(None, query)),
                    # Ranked: every match when fewer than the candidates; the order is
                    # the parts' (each weighs words by its own articles).
                    sorted(hit.article_id for hit in articles.search(query, limit=COUNT))]
        assert answers[-1] == sorted(listed)
    return answers


def _rows_of(project: Project) -> list[tuple[str, int, int, int]]:
    """Each part's table, how many articles it holds, its lowest and highest number."""
    return [(part.name, *project.conn.execute(
        f"SELECT COUNT(*), MIN(id), MAX(id) FROM {part.name}_docsize").fetchone())
        for part in search_parts.parts(project.conn)]


def _sound(project: Project) -> None:
    expected = [(name, 40 if name != SPLIT[-1] else COUNT - 120, first, first + 39
                 if name != SPLIT[-1] else COUNT)
                for name, first in zip(SPLIT, (1, 41, 81, 121), strict=True)]
    assert _rows_of(project) == expected
    for part in search_parts.parts(project.conn):
        # FTS5's own check of each part's index (raises when one is broken).
        project.conn.execute(f"INSERT INTO {part.name} ({part.name}, rank) "
                             "VALUES ('integrity-check', 0)")
    assert check(project).ok


def test_an_import_fills_parts_that_answer_as_one_index(
        tmp_path: Path, corpus: Path, one_index: list[object], small_parts: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    with open_project(tmp_path / "parts.sqlite") as project:
        import_paths(project, [corpus], parallel=False)
        _sound(project)
        assert _answers(project) == one_index
        # Each part made as the first one is, and merging as outside an import.
        marks = ",".join("?" * len(SPLIT))
        made = dict(project.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE name IN ({marks})", SPLIT).fetchall())
        assert {"".join(sql.replace(name, "article_search").split())
                for name, sql in made.items()} == {"".join(made["article_search"].split())}
        for name in SPLIT:
            assert project.conn.execute(
                f"SELECT v FROM {name}_config WHERE k = 'automerge'").fetchone() == (4,)
        pieces = project.search_index.pieces()
        assert pieces > len(SPLIT)
    # `annotator check --compact` merges each part into one segment.
    assert main(["--db", str(tmp_path / "parts.sqlite"), "check", "--compact"]) == 0
    out = capsys.readouterr().out
    assert f"search index: merging {pieces} pieces into {len(SPLIT)} (one for each" in out
    assert f"search index: {pieces} pieces before, {len(SPLIT)} now" in out
    # Opened again, as another window would.
    with open_project(tmp_path / "parts.sqlite") as project:
        assert project.search_index.pieces() == len(SPLIT)
        _sound(project)
        assert _answers(project) == one_index


def test_imports_in_steps_and_merges_fill_the_parts_alike(
        tmp_path: Path, corpus: Path, one_index: list[object], small_parts: None) -> None:
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text("".join(lines[:35]), encoding="utf-8")
    rest.write_text("".join(lines[35:]), encoding="utf-8")
    source = tmp_path / "steps.sqlite"
    with open_project(source) as project:
        import_paths(project, [first], parallel=False)
        assert [part.name for part in search_parts.parts(project.conn)] == SPLIT[:1]
        import_paths(project, [rest], parallel=False)
        _sound(project)
        assert _answers(project) == one_index
        copy_owned(project.conn, tmp_path / "lead.articles", "mina", ARTICLES)
    # A colleague's project merged into a new one, and a lead's articles file (its index
    # left out) into another.
    for name, other in (("merged", source), ("joined", tmp_path / "lead.articles")):
        with open_project(tmp_path / f"{name}.sqlite") as project:
            project.merge.from_file(other, accept_unknown=True, backup=False)
            _sound(project)
            assert _answers(project) == one_index


def test_a_lead_articles_file_holds_no_part(
        tmp_path: Path, corpus: Path, small_parts: None) -> None:
    with open_project(tmp_path / "lead.sqlite") as project:
        import_paths(project, [corpus], parallel=False)
        copy_owned(project.conn, tmp_path / "lead.articles", "mina", ARTICLES)
    with open_project(tmp_path / "lead.articles") as copy:
        assert [part.name for part in search_parts.parts(copy.conn)] == ["article_search"]
        assert copy.conn.execute("SELECT COUNT(*) FROM article_search_docsize"
                                 ).fetchone() == (0,)


def test_ranked_search_ranks_the_newest_matches_across_parts(
        tmp_path: Path, corpus: Path, small_parts: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    candidates = 15
    monkeypatch.setattr(articles_module, "RANK_CANDIDATES", candidates)
    with open_project(tmp_path / "parts.sqlite") as project:
        import_paths(project, [corpus], parallel=False)
        spanning = 0
        for query in QUERIES:
            listed = [row.article_id for row in project.articles.summaries(query=query)]
            if len(listed) <= candidates:
                continue
            # (articles are numbered in the corpus's order: bench-000121 is number 121)
            spanning += int(listed[-candidates].rsplit("-", 1)[1]) < 121
            hits = project.articles.search(query, limit=candidates)
            assert sorted(hit.article_id for hit in hits) == sorted(listed[-candidates:])
            # Pages of hits follow on from each other.
            paged = [hit.article_id for start in range(0, candidates, 5)
                     for hit in project.articles.search(query, limit=5, offset=start)]
            assert paged == [hit.article_id for hit in hits]
        assert spanning >= 2  # candidates from two parts or more


def test_a_part_another_window_adds_is_searched(
        tmp_path: Path, corpus: Path, small_parts: None) -> None:
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text("".join(lines[:30]), encoding="utf-8")
    rest.write_text("".join(lines[30:]), encoding="utf-8")
    path = tmp_path / "shared.sqlite"
    with open_project(path) as window, open_project(path) as command_line:
        import_paths(window, [first], parallel=False)
        before = window.articles.count(query="در")
        assert [part.name for part in window.articles.index_parts()] == SPLIT[:1]
        import_paths(command_line, [rest], parallel=False)
        # The window knew one part: it reads the schema again now that it has changed.
        assert [part.name for part in window.articles.index_parts()] == SPLIT
        listed = [row.article_id for row in window.articles.summaries(query="در")]
        assert len(listed) == window.articles.count(query="در") > before
        assert listed == [row.article_id for row in command_line.articles.summaries(
            query="در")]
