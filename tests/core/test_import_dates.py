"""Dates through a whole import: each date not read is one line naming the file and row, the
article is kept without it, and the options and a ``calendar`` column decide the rest."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.intake.importer import import_paths
from annotator.core.intake.options import ImportOptions
from annotator.core.store import open_project

ARABIC = "استقبل وزير الخارجية نظيره القطري في الدوحة وبحثا الأوضاع في غزة"
PERSIAN = "وزیر امور خارجه با همتای قطری خود درباره غزه گفت‌وگو کرد"


def _rows(path: Path) -> Path:
    rows = [
        {"id": "lunar", "text": ARABIC, "published": "١٤٤٥/٠٦/١٠"},
        {"id": "ambiguous", "text": PERSIAN + " ۱", "published": "12/06/2024"},
        {"id": "also", "text": PERSIAN + " ۲", "published": "04/08/2024"},
        {"id": "solar", "text": PERSIAN + " ۳", "published": "۱۴۰۳/۰۱/۰۱"},
        {"id": "said", "text": PERSIAN + " ۴", "published": "1445/09/01", "calendar": "lunar"},
        {"id": "future", "text": PERSIAN + " ۵", "published": "2090-01-01"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("parallel", [False, True])
def test_every_date_not_read_is_reported_and_the_article_kept(tmp_path: Path,
                                                              parallel: bool) -> None:
    corpus = _rows(tmp_path / "dated.jsonl")
    with open_project(tmp_path / "p.sqlite") as project:
        result = import_paths(project, [corpus], parallel=parallel)
        assert len(result.added) == 6
        assert [(p.path, p.line) for p in result.problems] == [
            (str(corpus), 2), (str(corpus), 3), (str(corpus), 6)]
        assert "12/06/2024 could be day-first or month-first" in result.problems[0].reason
        assert "in the future" in result.problems[2].reason
        dates = {a.article_id: a.published for a in project.articles.iter_all()}
    assert dates == {"lunar": "2023-12-23", "ambiguous": None, "also": None,
                     "solar": "2024-03-20", "said": "2024-03-11", "future": None}


def test_the_date_order_reaches_the_reader_process(tmp_path: Path) -> None:
    corpus = _rows(tmp_path / "dated.jsonl")
    with open_project(tmp_path / "p.sqlite") as project:
        result = import_paths(project, [corpus], parallel=True,
                              options=ImportOptions(date_order="mdy", calendar="solar"))
        dates = {a.article_id: a.published for a in project.articles.iter_all()}
    assert (dates["ambiguous"], dates["also"]) == ("2024-12-06", "2024-04-08")
    assert dates["lunar"] is None  # said solar: 1445 solar is in the future
    assert dates["said"] == "2024-03-11"  # the row's own calendar wins
    assert len(result.problems) == 2


def test_cli_exits_non_zero_naming_each_row(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "dated.csv"
    with table.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "text", "published", "calendar"])
        writer.writerow(["a", PERSIAN, "12/06/2024", ""])
        writer.writerow(["b", PERSIAN + " دو", "1445/09/01", "julian"])
    db = str(tmp_path / "p.sqlite")
    assert main(["import", "--db", db, "-q", str(table)]) == 1
    captured = capsys.readouterr()
    assert f"{table}:2: the date 12/06/2024 could be day-first" in captured.err
    assert f"{table}:3: unknown calendar 'julian'" in captured.err
    assert "Traceback" not in captured.err
    fresh = str(tmp_path / "q.sqlite")
    assert main(["import", "--db", fresh, "-q", "--date-order", "dmy", str(table)]) == 1
    captured = capsys.readouterr()
    assert "day-first" not in captured.err and "1 articles added" in captured.out
