"""The printable codebook (``annotator codebook --print``): every field and category in the
chosen language, right to left in Persian and Arabic, examples from adjudicated evidence."""

from __future__ import annotations

import html

import pytest

from annotator.core.outputs.codebook_print import build_codebook_html, shortcut_keys
from annotator.core.store.review import AdjudicatedValue
from tests.conftest import ARABIC_ID, quote_span


@pytest.mark.parametrize("language", ["en", "fa", "ar"])
def test_every_field_and_category_is_printed(project, language: str) -> None:
    codebook = project.codebooks.active()
    text = html.unescape(build_codebook_html(project, language))
    direction = "ltr" if language == "en" else "rtl"
    assert f'<html lang="{language}" dir="{direction}">' in text
    for field in codebook.fields:
        assert field.text(language) in text and field.definition_in(language)[:40] in text
        for category in field.active_categories:
            assert category.text(language) in text
            assert f"({category.id})" in text.replace("<bdi>", "").replace("</bdi>", "")
    assert "Ctrl+1" in text and "Alt+P" in text


def test_examples_come_from_adjudicated_evidence(project) -> None:
    quote = project.articles.get(ARABIC_ID).body[:40].strip()
    start, end = quote_span(project, ARABIC_ID, quote)
    project.review.adjudicate(ARABIC_ID, "stance", [AdjudicatedValue("condemning",
                                                                     span=(start, end))],
                              reviewer="mina")
    assert quote in build_codebook_html(project, "en")


def test_keys_follow_the_forms_rules(project) -> None:
    keys = shortcut_keys(project.codebooks.active())
    assert keys["stance", "strongly_condemning"] == "1"
    assert keys["stance", "unclear"] == "0"
    assert keys["demands", None] == "Ctrl+0"
    assert keys["event_type", next(iter(
        project.codebooks.active().field("event_type").active_categories)).id] == "Alt+1"


def test_cli_writes_html_and_refuses_bad_targets(project_path, tmp_path, capsys) -> None:
    from annotator.cli.commands import main

    target = tmp_path / "codebook.html"
    assert main(["codebook", "--db", str(project_path), "--print", "-o", str(target),
                 "--lang", "ar"]) == 0
    assert 'lang="ar" dir="rtl"' in target.read_text(encoding="utf-8")
    for argv in (["--print"], ["-o", str(tmp_path / "x.html")],
                 ["--print", "-o", str(tmp_path / "x.txt")],
                 ["--print", "-o", str(project_path)]):
        capsys.readouterr()
        assert main(["codebook", "--db", str(project_path), *argv]) == 1
        err = capsys.readouterr().err
        assert err.count("error") == 1 and "Traceback" not in err
