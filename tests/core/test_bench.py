"""The bench command end to end on a small corpus: every figure comes out, as a number.

Performance itself is judged by ``annotator bench`` on the full corpus, never by timed
tests (they would fail on a busy machine and pass on a fast one).
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import pytest

import annotator.cli.commands
from annotator.bench.corpus import sample_sentences, write_corpus
from annotator.bench.realistic import ZWNJ, rare_word, vocabularies, write_realistic_corpus
from annotator.cli.commands import main
from annotator.core.intake.corpus import read_corpus
from annotator.core.records import ArticleRecord

ALWAYS = (
    "import", "size_articles", "size_tagged", "export", "export_file", "search_list",
    "search_ranked", "save", "cold_start", "switch_median", "switch_p95", "next_median",
    "memory", "tag_import",
)
# Built by others: measured once they exist, "n/a: ..." with the reason until then.
OPTIONAL = ("agreement", "merge")
WITH_BASELINE = ("import", "export", "export_file", "cold_start", "search_list", "search_ranked",
                 "switch_median", "next_median", "save", "tag_import")


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def test_synthetic_corpus_is_mixed_distinct_and_readable(tmp_path: Path) -> None:
    pools = sample_sentences()
    assert len(pools["fa"]) > 20 and len(pools["ar"]) > 10
    corpus = write_corpus(tmp_path / "c.jsonl", 200, seed=7)
    assert corpus.languages["fa"] > 0 and corpus.languages["ar"] > 0
    assert 2_000 <= corpus.mean_chars <= 2_600
    records = list(read_corpus([corpus.path]))
    assert all(isinstance(r, ArticleRecord) for r in records)
    assert len({r.body for r in records}) == 200  # the store refuses a repeated body
    assert {r.language for r in records} == {"fa", "ar"}
    again = write_corpus(tmp_path / "again.jsonl", 200, seed=7)
    assert again.path.read_bytes() == corpus.path.read_bytes()


def test_realistic_corpus_has_a_long_zipf_tail_with_morphology(tmp_path: Path) -> None:
    words = vocabularies(seed=7)
    for language, vocabulary in words.items():
        assert len(vocabulary) >= 200_000, language
        assert len(set(vocabulary.forms.tolist())) == len(vocabulary)
    fa, ar = words["fa"].forms.tolist(), words["ar"].forms.tolist()
    # The samples' words keep their order: the commonest first, a name used once far down.
    rank = words["fa"].rank
    assert rank["و"] == 1 and rank["در"] < 10 < rank["غزه"] < rank["اردوغان"] < rank["ترکمنستان"]
    assert rank["ترکمنستان"] > 1_000
    # Persian forms after a ZWNJ and with the verb prefix; Arabic with the article.
    assert sum(ZWNJ + "ها" in w for w in fa) > 20_000
    assert sum(w.startswith("می" + ZWNJ) for w in fa) > 20_000
    assert sum(w.startswith("ال") for w in ar) > 20_000
    corpus = write_realistic_corpus(tmp_path / "r.jsonl", 400, seed=7)
    assert corpus.languages["fa"] > corpus.languages["ar"] > 0
    assert 2_000 <= corpus.mean_chars <= 3_000
    records = list(read_corpus([corpus.path]))
    assert len({r.body for r in records}) == 400 and {r.language for r in records} == {"fa", "ar"}
    bodies = [r.body for r in records if r.language == "fa"]
    # A common word is in nearly every article, a mid-ranked one in some, a rare one in few.
    share = {word: sum(f" {word} " in body for body in bodies) / len(bodies)
             for word in ("در", "اردوغان")}
    assert share["در"] > 0.9 and 0.005 < share["اردوغان"] < 0.3
    rare = rare_word(seed=7)  # once: it builds the vocabulary (a second each call)
    assert sum(rare in body.split() for body in bodies) <= 3
    # Seeded: the same file again.
    again = write_realistic_corpus(tmp_path / "again.jsonl", 400, seed=7)
    assert again.path.read_bytes() == corpus.path.read_bytes()


def test_the_corpus_option_chooses_the_writer(tmp_path: Path) -> None:
    from annotator.bench import measure
    from annotator.core.errors import AnnotatorError

    assert {"realistic": write_realistic_corpus,
                                       "synthetic": write_corpus} == measure._CORPUS_WRITERS
    with pytest.raises(AnnotatorError, match="unknown corpus 'tiny'"):
        measure.run_bench(10, 1, tmp_path, corpus="tiny")


def test_bench_reports_every_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str],
                                    _isolated_home: Path) -> None:
    monkeypatch.setattr(annotator.cli.commands, "PLUGINS", ("annotator.cli.bench",))
    target = tmp_path / "b.json"
    corpus = "realistic"  # the default; the synthetic corpus only writes other text
    code = main(["bench", "--articles", "300", "--runs", "2", "--json", str(target)])
    out, _ = capsys.readouterr()
    assert code == 0
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["articles"] == 300 and report["runs"] == 2 and report["corpus"] == corpus
    assert {"cpu", "cores", "python", "sqlite", "pyside6"} <= set(report["machine"])
    figures = {f["key"]: f for f in report["figures"]}
    for key in ALWAYS:
        assert key in figures, key
        assert _number(figures[key]["value"]), (key, figures[key])
        assert figures[key]["value"] > 0, key
    for key in WITH_BASELINE:
        assert _number(figures[key]["baseline"]) and _number(figures[key]["ratio"]), key
    for key in ("agreement", "merge"):
        assert key in figures, key
        if _number(figures[key]["value"]):  # measured: beside its baseline
            assert _number(figures[key]["baseline"]) and _number(figures[key]["ratio"]), key
            assert "baseline: " in figures[key]["note"], key
    for key in OPTIONAL:
        if key in figures and not _number(figures[key]["value"]):
            assert figures[key]["note"].startswith("n/a: "), figures[key]
    for figure in figures.values():
        if figure["met"] is not None:
            assert isinstance(figure["met"], bool)
    assert "| figure | value | baseline | ratio | target | met |" in report["markdown"]
    assert f"300 {corpus}" in report["markdown"]
    # Each search query is listed with its matches, the app's time and FTS5 alone's.
    assert re.search(r"'در' \d+: [\d.]+ vs [\d.]+ ms", figures["search_list"]["note"])
    # The list's figure is what the window waits for; the count after it is noted apart.
    assert "count to 200 + first 50 rows" in figures["search_list"]["name"]
    assert re.search(r"the count goes on to 10,000 \(not waited for\): median [\d.]+ ms",
                     figures["search_list"]["note"])
    assert "FTS5 alone" in figures["search_ranked"]["note"]
    # The second export is what an analyst runs: to a file, read back, renamed.
    assert "read back" in figures["export_file"]["note"]
    # The window is timed at its default size, on a screen as large as an analyst's
    # (the offscreen platform's own 800x800 screen made it 784x756).
    assert "on a 1920x1080 screen, the window 1360x820" in figures["cold_start"]["note"]
    assert "cold start" in out and "met" in out.splitlines()[0]
    # The bench's projects (and their backups) stay in its scratch folder.
    assert not any(_isolated_home.iterdir())
    assert os.environ["ANNOTATOR_HOME"] == str(_isolated_home)


def test_a_large_corpus_is_split_into_files_the_import_reads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The import reads a JSON Lines file of at most 1,000 MB: the bench's corpus of
    300,000 articles and more goes in parts, every line once and in order."""
    import json

    from annotator.bench.files import split_corpus

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": n}) + "\n" for n in range(250)),
                      encoding="utf-8")
    parts = split_corpus(corpus, 100)
    assert [p.name for p in parts] == ["corpus-001.jsonl", "corpus-002.jsonl",
                                      "corpus-003.jsonl"]
    lines = [json.loads(line)["id"] for p in parts
             for line in p.read_text(encoding="utf-8").splitlines()]
    assert lines == list(range(250)) and not corpus.exists()
    small = tmp_path / "small.jsonl"
    small.write_text('{"id": 1}\n', encoding="utf-8")
    assert split_corpus(small, 100) == [small]
