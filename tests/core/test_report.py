"""The project report as one HTML file and as a PDF, written through the command line."""

from __future__ import annotations

import base64
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import annotator.cli.commands
from annotator.cli.commands import main
from annotator.core.outputs.output_file import check_pdf_bytes
from annotator.core.outputs.report import build_report
from annotator.core.store import open_project
from tests.core.test_charts import code

PROGRESS_FA = "پیشرفت کدگذاری"
CEASEFIRE_FA = "آتش‌بس و توقف حملات"
IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


@pytest.fixture(autouse=True)
def cli_plugins(monkeypatch) -> None:
    monkeypatch.setattr(annotator.cli.commands, "PLUGINS", ("annotator.cli.charts",))


@pytest.fixture
def coded_path(project_path: Path) -> Path:
    with open_project(project_path) as project:
        code(project)
        project.statuses.set(next(iter(project.articles.iter_all())).article_id, "<i>mina</i>",
                             "in_progress")
    return project_path


def write_report(path: Path, target: Path, *options: str) -> str:
    assert main(["report", "--db", str(path), "-o", str(target), *options]) == 0
    return target.read_text(encoding="utf-8") if target.suffix == ".html" else ""


def test_persian_html_is_rtl_utf8_and_self_contained(coded_path: Path, tmp_path: Path) -> None:
    page = write_report(coded_path, tmp_path / "report.html", "--lang", "fa")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fa" dir="rtl">' in page
    assert '<meta charset="utf-8">' in page
    assert PROGRESS_FA in page and CEASEFIRE_FA in page  # logical order, ZWNJ kept
    assert "دیپلماسی غزه" in page  # the codebook's Persian title
    text = IMAGE.sub("", page)
    assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in text)  # no presentation forms
    images = IMAGE.findall(page)
    assert len(images) == 5  # progress, stance, demands, by participant, agreement
    assert all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)
    assert "http://" not in text and "https://" not in text and " src=\"/" not in text
    assert "&lt;i&gt;mina&lt;/i&gt;" in page and "<i>mina</i>" not in page


def test_english_html_is_left_to_right(coded_path: Path, tmp_path: Path) -> None:
    page = write_report(coded_path, tmp_path / "report.html")
    assert '<html lang="en" dir="ltr">' in page
    assert "Ceasefire / end to the attacks" in page and "Krippendorff" in page
    assert "n/a" in page  # a category nobody chose has no alpha, and the reason is given
    assert "alpha is undefined" in page or "fewer than two annotators" in page


def test_html_without_the_agreement_module(coded_path: Path, tmp_path: Path,
                                           monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "annotator.core.analysis.agreement", None)
    page = write_report(coded_path, tmp_path / "report.html", "--lang", "ar")
    assert '<html lang="ar" dir="rtl">' in page
    assert "حساب الاتفاق غير متاح بعد." in page
    assert len(IMAGE.findall(page)) == 4


def test_report_dates_stay_in_one_piece_right_to_left(coded_path: Path) -> None:
    with open_project(coded_path) as project:
        report = build_report(project, "fa", chart_dpi=30)
    page = report.html()
    # Solar Hijri first, then Gregorian; "/" keeps a date in one piece after Persian text.
    assert "۱۴۰۳/۰۳/۱۲ (2024/06/01)" in page


def test_unknown_format_is_a_one_line_error(coded_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["report", "--db", str(coded_path), "-o", str(tmp_path / "r.docx")]) == 1
    assert ".html or .pdf" in capsys.readouterr().err


def pdf_text(path: Path) -> str:
    """The PDF's text layer in logical order, presentation forms folded (as search does)."""
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          timeout=60, check=True)
    text = unicodedata.normalize("NFKC", done.stdout)
    text = re.sub("[\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["fa", "en"])
def test_pdf_report_through_the_command_line(coded_path: Path, tmp_path: Path,
                                             language: str) -> None:
    target = tmp_path / f"report-{language}.pdf"
    write_report(coded_path, target, "--lang", language)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert not target.with_name(target.name + ".part").exists()
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = pdf_text(target)
    if language == "fa":
        # Shaped, searchable, in logical order (headings: table cells may wrap).
        for heading in (PROGRESS_FA, "توافق میان کدگذاران", "دیپلماسی غزه", "انجامشده"):
            assert heading in text, heading
        assert PROGRESS_FA[::-1] not in text
    else:
        assert "Agreement between annotators" in text and "Progress" in text


HOSTILE = "<img src=x>\u202eevil"


@pytest.fixture
def hostile_path(coded_path: Path) -> Path:
    """Data as an older or a colleague's file may hold it: markup and a bidi override in
    an annotator's name and an outlet (written through SQLite, past today's checks)."""
    conn = sqlite3.connect(coded_path)
    with conn:
        conn.execute("UPDATE tags SET annotator = ? WHERE annotator = 'sara'", (HOSTILE,))
        conn.execute("UPDATE article_status SET annotator = ? WHERE annotator = '<i>mina</i>'",
                     (HOSTILE,))
        conn.execute("UPDATE articles SET outlet = ?", (HOSTILE,))
    conn.close()
    return coded_path


@pytest.mark.parametrize("language", ["en", "fa"])
def test_data_in_the_html_report_is_escaped_and_isolated(hostile_path: Path, tmp_path: Path,
                                                         language: str) -> None:
    page = write_report(hostile_path, tmp_path / "report.html", "--lang", language)
    assert "<img src=x>" not in page and "\u202e" not in page
    body = IMAGE.sub("", page)
    assert "<bdi>&lt;img src=x&gt;evil</bdi>" in body  # the annotator's name and the outlet
    assert body.count("<bdi>&lt;img src=x&gt;evil</bdi>") >= 2
    # every bidi isolate opened (first strong, left to right, right to left) is closed
    assert sum(map(body.count, "\u2068\u2066\u2067")) == body.count("\u2069")


def test_data_in_the_pdf_report_is_isolated_for_qt(hostile_path: Path) -> None:
    with open_project(hostile_path) as project:
        report = build_report(project, "fa", chart_dpi=30)
    page = report.html(image_source=lambda chart: chart.name, for_qt=True)
    assert "<img src=x>" not in page and "\u202e" not in page and "<bdi>" not in page
    assert "\u2068&lt;img src=x&gt;evil\u2069" in page
    assert "\u2068project.sqlite\u2069" in report.subtitle


def test_pdf_report_is_a_complete_pdf(hostile_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"an older report")
    write_report(hostile_path, target, "--lang", "fa")
    assert check_pdf_bytes(target.read_bytes()) is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _agreement_json(path: Path, *options: str, capsys) -> dict:
    import json

    import annotator.cli.commands as commands

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(commands, "PLUGINS", ("annotator.cli.agreement",))
        assert main(["agreement", "--db", str(path), "--format", "json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_report_bootstrap_gives_the_intervals_and_q_of_agreement_bootstrap(
        coded_path: Path, capsys) -> None:
    data = _agreement_json(coded_path, "--bootstrap", "300", "--seed", "7", capsys=capsys)
    with open_project(coded_path) as project:
        report = build_report(project, "en", chart_dpi=30, bootstrap=300, seed=7)
    stance = next(f for f in data["figures"] if f["field"] == "stance" and f["primary"])
    assert stance["ci_low"] is not None and stance["p_below_800"] is not None
    [row] = [r for r in report.agreement_rows if r[1].startswith("Stance toward") and
             r[2] == "ordinal"]
    assert row[0] == stance["revision"]
    assert row[3] == f"{stance['alpha']:.3f}"
    assert row[4] == f"{stance['ci_low']:.3f} – {stance['ci_high']:.3f}"
    assert (row[5], row[6]) == (f"{stance['p_below_667']:.3f}", f"{stance['p_below_800']:.3f}")
    page = report.html()
    assert "P(alpha &lt; 0.667)" in page and "P(alpha &lt; 0.800)" in page
    assert "from 300 resamples" in page and "seed 7" in page


def test_report_shows_q_only_when_asked(coded_path: Path, tmp_path: Path) -> None:
    plain = write_report(coded_path, tmp_path / "plain.html")
    assert "95% interval" in plain and "P(alpha" not in plain  # 1000 resamples, seed 1
    assert "from 1000 resamples" in plain
    persian = write_report(coded_path, tmp_path / "fa.html", "--lang", "fa", "--bootstrap",
                           "200")
    assert "۲۰۰" in persian and "P(alpha" not in persian and "آلفا" in persian


def test_report_seed_without_bootstrap_is_refused(coded_path: Path, tmp_path: Path,
                                                  capsys) -> None:
    target = tmp_path / "r.html"
    assert main(["report", "--db", str(coded_path), "-o", str(target), "--seed", "3"]) == 1
    assert "--bootstrap" in capsys.readouterr().err and not target.exists()
