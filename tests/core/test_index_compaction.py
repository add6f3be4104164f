"""A large import leaves the search index in one segment; a small one leaves it to FTS5.

Searches find the same articles, in the same order, in a compacted index as in one left
in many segments; the compaction runs in steps, each its own transaction; ``annotator
check --compact`` compacts a project imported before imports did.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.bench.realistic import write_realistic_corpus
from annotator.cli.commands import main
from annotator.core.i18n import translation
from annotator.core.intake.importer import import_paths, summary_lines
from annotator.core.store import Project, open_project, search_index
from annotator.core.store import articles as articles_module

ARTICLES = 240
QUERIES = ("غزه", "اردوغان", "گفت‌وگو", "رئيس جمهور", "همکاری*", "در", "غزه OR ایران")


def _segments(project: Project) -> int:
    return int(project.conn.execute(
        "SELECT COUNT(DISTINCT segid) FROM article_search_idx").fetchone()[0])


def _healthy(project: Project) -> None:
    # FTS5's own check of its index (raises when a segment is broken).
    project.conn.execute("INSERT INTO article_search (article_search, rank) "
                         "VALUES ('integrity-check', 0)")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_realistic_corpus(tmp_path / "corpus.jsonl", ARTICLES, seed=11).path


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches of 20 articles: each is a transaction of its own, and a segment of the index.
    monkeypatch.setattr(articles_module, "_BATCH", 20)
    monkeypatch.setattr(search_index, "COMPACT_MIN", 20)


def _answers(project: Project) -> list[object]:
    answers: list[object] = []
    for query in QUERIES:
        answers.append([row.article_id for row in project.articles.summaries(query=query)])
        answers.append([(hit.article_id, hit.snippet)
                        for hit in project.articles.search(query, limit=50)])
        answers.append(project.articles.count_at_most(100, query=query))
    return answers


def test_a_large_import_leaves_one_segment_and_searches_find_the_same(
        tmp_path: Path, corpus: Path, small_batches: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with open_project(tmp_path / "compacted.sqlite") as compacted:
        import_paths(compacted, [corpus], parallel=False)
        assert _segments(compacted) == 1
        _healthy(compacted)
        expected = _answers(compacted)
    # The same import with the compaction switched off: many segments, same answers.
    monkeypatch.setattr(search_index, "COMPACT_SHARE", 0)
    with open_project(tmp_path / "segmented.sqlite") as segmented:
        import_paths(segmented, [corpus], parallel=False)
        assert _segments(segmented) >= ARTICLES // 20 // 2
        assert _answers(segmented) == expected
        # Compacting it afterwards gives one segment and still the same answers.
        assert segmented.search_index.compact() >= 1
        assert _segments(segmented) == 1
        _healthy(segmented)
        assert _answers(segmented) == expected
        # Nothing left to merge: no step.
        assert segmented.search_index.compact() == 0


def test_the_compaction_goes_in_steps_and_a_small_import_is_left_to_fts5(
        tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = write_realistic_corpus(tmp_path / "first.jsonl", ARTICLES, seed=12).path
    later = write_realistic_corpus(tmp_path / "later.jsonl", 60, seed=13).path
    # Ids of their own (both corpora number theirs from bench-000001).
    later.write_text(later.read_text(encoding="utf-8").replace('"bench-', '"later-'),
                     encoding="utf-8")
    monkeypatch.setattr(search_index, "COMPACT_STEP_PAGES", 2)
    commits: list[int] = []
    with open_project(tmp_path / "p.sqlite") as project:
        project.conn.set_trace_callback(
            lambda sql: commits.append(1) if sql.strip().upper() == "COMMIT" else None)
        import_paths(project, [first], parallel=False)
        project.conn.set_trace_callback(None)
        assert _segments(project) == 1
        # Each step committed on its own (besides the import's batches and settings).
        assert len(commits) > ARTICLES // 20 + 5
        _healthy(project)
        # 60 articles beside 240: not a third of the project, so not compacted.
        result = import_paths(project, [later], parallel=False)
        assert len(result.added) == 60
        assert _segments(project) > 1
        _healthy(project)
        # The later articles are found beside the compacted segment's.
        found = [row.article_id for row in project.articles.summaries(query="در")]
        assert any(a.startswith("bench-") for a in found)
        assert any(a.startswith("later-") for a in found)


def test_check_compact_merges_an_index_left_in_pieces(
        tmp_path: Path, corpus: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # A project imported before imports compacted: its index is in pieces.
    path = tmp_path / "older.sqlite"
    monkeypatch.setattr(search_index, "COMPACT_SHARE", 0)
    with open_project(path) as project:
        import_paths(project, [corpus], parallel=False)
        pieces = _segments(project)
        expected = _answers(project)
    assert pieces > 1
    assert main(["--db", str(path), "check", "--compact"]) == 0
    out = capsys.readouterr().out
    assert f"search index: merging {pieces} pieces into 1 (one for each part" in out
    assert f"search index: {pieces} pieces before, 1 now" in out
    assert "result: ok" in out
    with open_project(path, create=False) as project:
        assert _segments(project) == 1
        assert _answers(project) == expected
    # Again, in Persian: nothing left to merge, said in Persian words and digits.
    assert main(["--lang", "fa", "--db", str(path), "check", "--compact"]) == 0
    out = capsys.readouterr().out
    assert "merging" not in out and "search index" not in out
    assert translation("fa").gettext("search index: {count} pieces before, {after} now") \
        .format(count="۱", after="۱") in out


def test_the_merging_reports_its_steps_and_stops_when_told(
        tmp_path: Path, corpus: Path, small_batches: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "COMPACT_STEP_PAGES", 2)
    told: list[tuple[int, int]] = []
    with open_project(tmp_path / "whole.sqlite") as project:
        import_paths(project, [corpus], parallel=False,
                     compacting=lambda step, steps: told.append((step, steps)) or True)
        assert _segments(project) == 1
        expected = _answers(project)
    steps = [step for step, _ in told]
    assert steps == list(range(1, len(steps) + 1)) and len(steps) > 3
    assert all(step < total for step, total in told)  # never "done" before it is
    # Told to stop at the third step: the import is whole, the index still in pieces.
    with open_project(tmp_path / "stopped.sqlite") as project:
        result = import_paths(project, [corpus], parallel=False,
                              compacting=lambda step, _steps: step < 3)
        assert len(result.added) == ARTICLES
        assert _segments(project) > 1
        _healthy(project)
        assert _answers(project) == expected


def test_the_command_shows_the_merging_at_a_terminal(
        tmp_path: Path, corpus: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(search_index, "COMPACT_STEP_PAGES", 2)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    monkeypatch.setenv("ANNOTATOR_TERMINAL_BIDI", "1")  # a terminal that orders bidi text
    path = tmp_path / "p.sqlite"
    assert main(["--lang", "fa", "--db", str(path), "import", str(corpus)]) == 0
    err = capsys.readouterr().err
    merging = translation("fa").gettext("\rsearch index: merging into one piece, {percent}%")
    assert merging.split("{")[0] in err
    # The files' line stays; each step rewrites the merging line in place.
    assert "\n\r" + merging.split("{")[0].lstrip("\r") in err
    with open_project(path, create=False) as project:
        assert _segments(project) == 1


def _split_corpus(tmp_path: Path, ours: int, theirs: int) -> tuple[Path, Path, Path]:
    """One corpus, written whole and in two parts (the first ``ours`` articles, the rest)."""
    whole = write_realistic_corpus(tmp_path / "whole.jsonl", ours + theirs, seed=12).path
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    first, rest = tmp_path / "ours.jsonl", tmp_path / "theirs.jsonl"
    first.write_text("".join(lines[:ours]), encoding="utf-8")
    rest.write_text("".join(lines[ours:]), encoding="utf-8")
    return whole, first, rest


def _in_pieces(path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project of ``corpus`` whose import left the index in pieces."""
    with monkeypatch.context() as patched:
        patched.setattr(search_index, "COMPACT_SHARE", 0)
        with open_project(path) as project:
            import_paths(project, [corpus], parallel=False)
            assert _segments(project) > 1


def _ours_and_theirs(tmp_path: Path, ours_count: int, theirs_count: int,
                     monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """Our project (its index in pieces) and a colleague's, of two parts of one corpus;
    and the colleague's part of the corpus."""
    _whole, ours_part, theirs_part = _split_corpus(tmp_path, ours_count, theirs_count)
    theirs = tmp_path / "theirs.sqlite"
    with open_project(theirs) as project:
        import_paths(project, [theirs_part], parallel=False)
    ours = tmp_path / "ours.sqlite"
    _in_pieces(ours, ours_part, monkeypatch)
    return ours, theirs, theirs_part


def test_a_merge_that_brings_many_articles_leaves_one_segment(
        tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(search_index, "COMPACT_STEP_PAGES", 2)
    whole, ours_part, theirs_part = _split_corpus(tmp_path, 60, ARTICLES)
    with open_project(tmp_path / "whole.sqlite") as project:
        import_paths(project, [whole], parallel=False)
        expected = _answers(project)
    theirs = tmp_path / "theirs.sqlite"
    with open_project(theirs) as project:
        import_paths(project, [theirs_part], parallel=False)
    ours = tmp_path / "ours.sqlite"
    _in_pieces(ours, ours_part, monkeypatch)
    told: list[int] = []
    with open_project(ours, create=False) as project:
        summary = project.merge.from_file(
            theirs, compacting=lambda step, _steps: told.append(step) or True)
        assert summary.articles_added == ARTICLES
        assert told and _segments(project) == 1
        _healthy(project)
        # The same answers as the whole corpus imported into one project.
        assert _answers(project) == expected
    # The command: the merging's line at a terminal, then the merge's summary.
    again = tmp_path / "again.sqlite"
    _in_pieces(again, ours_part, monkeypatch)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    capsys.readouterr()
    assert main(["--db", str(again), "merge", str(theirs)]) == 0
    err = capsys.readouterr().err
    assert "\rsearch index: merging into one piece, " in err and err.endswith("\n")
    with open_project(again, create=False) as project:
        assert _segments(project) == 1


def test_a_merge_of_a_few_articles_leaves_the_index_to_fts5(
        tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    ours, theirs, _ = _ours_and_theirs(tmp_path, ARTICLES, 60, monkeypatch)
    with open_project(ours, create=False) as project:
        before = _segments(project)
        told: list[int] = []
        summary = project.merge.from_file(
            theirs, compacting=lambda step, _steps: told.append(step) or True)
        assert summary.articles_added == 60
        assert told == [] and _segments(project) >= before


class _Writer:
    """Another connection that starts a write (as another window would) once the merging
    of the index has begun, and holds it: the project's next step finds the file busy."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.other: sqlite3.Connection | None = None

    def __call__(self, _step: int, _steps: int) -> bool:
        if self.other is None:
            self.project.conn.execute("PRAGMA busy_timeout = 100")
            self.other = sqlite3.connect(str(self.project.path), isolation_level=None)
            self.other.execute("BEGIN IMMEDIATE")
        return True

    def release(self) -> None:
        if self.other is not None:
            self.other.execute("ROLLBACK")
            self.other.close()


def test_a_merging_stopped_by_another_writer_leaves_the_merge_and_the_import_standing(
        tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "COMPACT_STEP_PAGES", 2)
    ours, theirs, theirs_part = _ours_and_theirs(tmp_path, 60, ARTICLES, monkeypatch)
    with open_project(ours, create=False) as project:
        writer = _Writer(project)
        try:
            summary = project.merge.from_file(theirs, compacting=writer)
        finally:
            writer.release()
        # The merge stands, and says the index was left in pieces (and why).
        assert summary.articles_added == ARTICLES
        assert project.articles.count() == 60 + ARTICLES
        assert summary.index_notice is not None
        last = str(summary.lines()[-1])
        assert "left in pieces" in last and "check --compact" in last
        _healthy(project)
        assert _segments(project) > 1
    # An import, the same.
    with open_project(tmp_path / "imported.sqlite") as project:
        writer = _Writer(project)
        try:
            result = import_paths(project, [theirs_part], parallel=False, compacting=writer)
        finally:
            writer.release()
        assert len(result.added) == ARTICLES
        assert any("left in pieces" in str(line) for line in summary_lines(result))
        _healthy(project)
