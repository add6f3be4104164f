"""The command line in Persian and Arabic: ``--lang`` gives labels, messages and errors in
the language, and English stays exactly as it was (#16, #17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.cli import agreement as agreement_cli
from annotator.cli import commands
from annotator.core.analysis.agreement import report
from annotator.core.labels import Labels
from annotator.core.session import Session
from annotator.core.store import open_project
from tests.conftest import SAMPLE_IDS
from tests.core.test_agreement import coded  # noqa: F401 -- the fixture
from tests.core.test_messages import asked  # noqa: F401 -- the fixture

PERSIAN = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project_path):
    monkeypatch.setattr(commands, "PLUGINS", ("annotator.cli.agreement",
                                              "annotator.cli.safety"))
    monkeypatch.delenv("ANNOTATOR_TERMINAL_BIDI", raising=False)

    def main(*argv: str) -> tuple[int, str, str]:
        code = commands.main(["--db", str(project_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return main


def test_agreement_speaks_persian(coded, run, asked) -> None:  # noqa: F811
    code, out, err = run("agreement", "--lang", "fa", "--logical", "--field", "stance")
    assert asked == []  # every word from the catalogue
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "ویرایش ۱ دفترچهٔ کد (نسخه‌های ۱)"  # each table names its revision
    assert lines[1].startswith("آلفای کریپندورف") or PERSIAN.search(lines[1])
    header = lines[2].split()
    assert header[:4] == ["فیلد", "گزینه", "سطح", "آلفا"]
    assert "stance" not in out and "ordinal" not in out and "n/a" not in out
    assert "ترتیبی*" in out and "۰٫۷۷۸" in out
    assert "۵۰٫۰٪" in out  # pairwise agreement: Persian digits and per cent sign


def test_agreement_in_arabic_and_english_unchanged(coded, run, project_path) -> None:  # noqa: F811
    code, out, _ = run("agreement", "--lang", "ar", "--logical", "--field", "stance")
    assert code == 0 and "ألفا" in out and "٠٫٧٧٨" in out and "stance" not in out
    code, english, _ = run("agreement", "--logical", "--field", "stance")
    with open_project(project_path) as project:
        result = report(project, None, ["stance"])
        figures = agreement_cli.figure_table(result.figures)
        assert figures == agreement_cli.figure_table(result.figures, Labels.of(project, "en"))
    assert english.startswith("Codebook revision 1 (versions 1)\n"
                              "Krippendorff's alpha (* = the figure to report for the field; "
                              "units = articles coded by two or more annotators)\n"
                              "field   category  level     alpha  units  annotators  note\n")
    assert figures in english


def test_a_negative_alpha_has_its_minus_where_a_persian_reader_expects_it(run,
                                                                          project_path) -> None:
    with open_project(project_path) as project:
        first, second = SAMPLE_IDS[:2]
        Session(project, "ana").set_choice(first, "stance", "condemning")
        Session(project, "ana").set_choice(second, "stance", "neutral")
        Session(project, "bo").set_choice(first, "stance", "neutral")
        Session(project, "bo").set_choice(second, "stance", "condemning")
    code, out, _ = run("agreement", "--lang", "fa", "--logical", "--field", "stance")
    assert code == 0 and "\u200e\u2212۰٫" in out and "-۰" not in out
    code, out, _ = run("agreement", "--logical", "--field", "stance")
    assert " -0." in out  # English as before


def test_errors_speak_the_language_of_the_command(run, tmp_path: Path) -> None:
    code, _, err = run("show", "no-such-article", "--lang", "fa", "--logical")
    assert code == 1
    assert err == "annotator: خطا: مقاله‌ای با شناسهٔ 'no-such-article' در پروژه نیست\n"
    code, _, err = run("show", "no-such-article")
    assert err == "annotator: error: no article with id 'no-such-article' in the project\n"
    missing = tmp_path / "nowhere.sqlite"
    code = commands.main(["--lang", "ar", "list", "--db", str(missing)])
    assert code == 1


def test_show_and_codebook_name_things_in_the_language(run, asked) -> None:  # noqa: F811
    code, out, _ = run("show", SAMPLE_IDS[0], "--lang", "fa", "--logical")
    assert code == 0 and "زبان: فارسی" in out and "language:" not in out
    code, out, _ = run("codebook", "--lang", "ar", "--logical")
    assert code == 0 and "الإصدار" in out and "(version" not in out
    assert "أحادي الخيار، ترتيبي" in out
    assert asked == []
    code, out, _ = run("codebook", "--logical")
    assert "[single, ordered]" in out  # English keeps the file's words


def test_import_problems_in_persian(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run("--lang", "fa", "import", str(empty), "-q")
    assert code == 1
    assert err == f"annotator: خطا: پروندهٔ خالی: {empty}\n"
    assert out == "۰ مقاله افزوده شد، ۰ از پیش بود، ۱ مشکل\n"


def test_restore_lists_backups_in_arabic(run, project_path: Path, asked) -> None:  # noqa: F811
    from annotator.core.store.backups import backup

    backup(project_path, "manual")
    code, out, _ = run("--lang", "ar", "restore")
    assert code == 0 and "النسخ الاحتياطية من" in out and "صُنعت يدويًا" in out
    assert asked == []
    code, out, _ = run("restore")
    assert "backups of" in out and " manual " in out
