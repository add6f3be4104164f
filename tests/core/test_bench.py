"""The bench command end to end on a small corpus: every figure comes out, as a number.

Performance itself is judged by ``annotator bench`` on the full corpus, never by timed
tests (they would fail on a busy machine and pass on a fast one).
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

import annotator.cli.commands
from annotator.bench.corpus import sample_sentences, write_corpus
from annotator.cli.commands import main
from annotator.core.intake.corpus import read_corpus
from annotator.core.records import ArticleRecord

ALWAYS = (
    "import", "size_articles", "size_tagged", "export_tags", "search_list", "search_ranked",
    "save", "cold_start", "switch_median", "switch_p95", "next_median", "memory", "tag_import",
)
# Built by others: measured once they exist, "n/a: ..." with the reason until then.
OPTIONAL = ("export", "agreement", "merge")
WITH_BASELINE = ("import", "export_tags", "cold_start")


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


def test_bench_reports_every_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str],
                                    _isolated_home: Path) -> None:
    monkeypatch.setattr(annotator.cli.commands, "PLUGINS", ("annotator.cli.bench",))
    target = tmp_path / "b.json"
    code = main(["bench", "--articles", "300", "--runs", "2", "--json", str(target)])
    out, _ = capsys.readouterr()
    assert code == 0
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["articles"] == 300 and report["runs"] == 2
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
    for key in OPTIONAL:
        if key in figures and not _number(figures[key]["value"]):
            assert figures[key]["note"].startswith("n/a: "), figures[key]
    for figure in figures.values():
        if figure["met"] is not None:
            assert isinstance(figure["met"], bool)
    assert "| figure | value | baseline | ratio | target | met |" in report["markdown"]
    assert "cold start" in out and "met" in out.splitlines()[0]
    # The bench's projects (and their backups) stay in its scratch folder.
    assert not any(_isolated_home.iterdir())
    assert os.environ["ANNOTATOR_HOME"] == str(_isolated_home)
