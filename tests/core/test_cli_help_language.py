"""The command line's help, usage and errors speak Persian and Arabic with ``--lang``.

Every command's ``--help`` is read in fa and ar: beside what a user types as it is (option
names, metavariables, choices, command names, file formats, program and file names), no
English word may be left.  A wrong command line is refused in the language too, and
argparse's own words ("usage:", "options", its error lines) are put back to English after.
"""

from __future__ import annotations

import argparse
import re

import pytest

from annotator.cli.charts import KINDS
from annotator.cli.commands import COMMANDS, main
from annotator.cli.parser import requested_language, speaking

# What stays Latin in a Persian or Arabic help: formats, names of tools, ids a user types.
KEPT = {
    "annotator", "CSV", "JSON", "JSONL", "TOML", "PDF", "PNG", "SVG", "HTML", "SQLite",
    "Excel", "SPSS", "pandas", "R", "Lines", "Markdown", "Krippendorff", "stdout", "dev",
    "null", "en", "fa", "ar", "csv", "txt", "html", "htm", "jsonl", "png", "svg", "pdf",
    "with_participant", "certification_minimum", "participant", "sqlite", "long", "wide",
    "stance", "demands",
    "realistic", "synthetic",  # the bench's --corpus values, typed as they are
    "root", "local", "share", "project", "tags", "codebook",  # file names in examples
    *(part for kind in KINDS for part in kind.split("-")),  # the charts a user names
}


def _english(text: str) -> list[str]:
    text = re.sub(r"\{[^}]*\}", " ", text)  # choices
    text = re.sub(r"(?<![\w/])--?[\w-]+(=\S*)?", " ", text)  # options
    text = re.sub(r"\S*/\S*", " ", text)  # paths
    text = re.sub(r"\[\[\w+\]\]", " ", text)  # TOML tables
    words = re.findall(r"[A-Za-z_]{2,}|\bR\b", text)
    return sorted({w for w in words if not w.isupper() and w not in KEPT
                   and w not in COMMANDS})


def _help(capsys, words: list[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(words)
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_every_help_is_in_the_language(capsys, language: str) -> None:
    found = {}
    for command in ("", *COMMANDS):
        text = _help(capsys, ["--lang", language, *([command] if command else []), "--help"])
        assert text.startswith({"fa": "طرز استفاده: ", "ar": "الاستخدام: "}[language])
        left = _english(text)
        if left:
            found[command or "annotator"] = left
    assert found == {}


def test_english_help_is_as_written(capsys) -> None:
    text = _help(capsys, ["import", "--help"])
    assert text.startswith("usage: annotator import")
    assert "import articles from files and folders (.txt .html .htm .jsonl .csv)" in text
    assert "options:" in text


@pytest.mark.parametrize(("language", "said"), [
    ("fa", "خطا"), ("ar", "خطأ"),
])
def test_a_wrong_command_line_is_refused_in_the_language(capsys, language: str,
                                                         said: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(["search", "غزه", "--limit", "0", "--lang", language])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "--limit" in err
    assert "out of range" not in err and "error" not in err
    assert {"fa": "۱٬۰۰۰٬۰۰۰", "ar": "١٬٠٠٠٬٠٠٠"}[language] in err
    with pytest.raises(SystemExit):
        main(["--lang", language, "import"])  # a missing argument: argparse's own words
    err = capsys.readouterr().err
    assert "the following arguments are required" not in err and "PATH" in err


def test_argparse_speaks_english_again_after(capsys) -> None:
    with speaking("fa"):
        pass
    parser = argparse.ArgumentParser(prog="other")
    assert "usage: other" in parser.format_usage()
    assert "options:" in parser.format_help()


@pytest.mark.parametrize(("words", "language"), [
    (["--lang", "fa", "check"], "fa"),
    (["import", "x", "--lang=ar"], "ar"),
    (["--lang", "fa", "list", "--lang", "ar"], "ar"),
    (["tag", "a", "note", "--", "--lang", "fa"], "en"),  # a value, not an option
    (["--lang", "xx"], "en"),
    ([], "en"),
])
def test_the_language_is_read_before_parsing(words: list[str], language: str) -> None:
    assert requested_language(words) == language


def test_the_health_report_speaks_persian(tmp_path, capsys) -> None:
    db = tmp_path / "p.sqlite"
    assert main(["--db", str(db), "create"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "--lang", "fa", "check"]) == 0
    out = capsys.readouterr().out
    assert _english(out.replace(str(db), " ")) == []
    assert out.splitlines()[-1] == "نتیجه: سالم" or "سالم" in out.splitlines()[-1]
