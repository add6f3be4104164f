"""Definitions and the description per language: both forms, the fall-back, the gaps.

A definition is one text (English, as codebooks were first written) or a table per
language like a label; the older ``definition_fa`` of a field is still read, so the
codebooks projects stored before keep loading.  The bundled codebook has every text in
Persian and Arabic.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from annotator.cli.commands import main
from annotator.core import paths
from annotator.core.codebook import (
    LANGUAGES,
    load_codebook,
    parse_codebook,
    removed_in_use,
    translation_gaps,
)
from annotator.core.errors import AnnotatorError
from annotator.core.outputs.export import ExportOptions, export_to_file
from annotator.core.store import open_project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

HEAD = '[codebook]\nid = "x"\n'
ONE_STRING = HEAD + '''description = "What this is for."
[[field]]
id = "stance"
type = "single"
label = { en = "Stance", fa = "موضع" }
definition = "The stance."
  [[field.category]]
  id = "neutral"
  label = { en = "Neutral", fa = "بی‌طرفی" }
  definition = "No blame."
'''
PER_LANGUAGE = HEAD + '''description = { en = "What this is for.", ar = "ما الغرض منه." }
[[field]]
id = "stance"
type = "single"
label = { en = "Stance", fa = "موضع" }
definition = { en = "The stance.", fa = "موضع مقاله.", ar = "موقف المقال." }
  [[field.category]]
  id = "neutral"
  label = { en = "Neutral", fa = "بی‌طرفی" }
  definition.en = "No blame."
  definition.fa = "هیچ‌کس مقصر دانسته نمی‌شود."
  example = "(invented) ..."
[[field]]
id = "participants"
type = "participants"
label = { en = "Participants" }
definition = "Who."
  [[field.role]]
  id = "initiator"
  label = { en = "Initiator" }
  definition = { en = "Who began.", ar = "من بادر." }
'''


def test_a_definition_given_once_is_english_as_before() -> None:
    codebook = parse_codebook(ONE_STRING)
    stance = codebook.field("stance")
    assert stance.definitions == {"en": "The stance."}
    assert stance.definition == "The stance."
    neutral = stance.category("neutral")
    assert neutral is not None and neutral.definitions == {"en": "No blame."}
    assert codebook.descriptions == {"en": "What this is for."}
    assert codebook.description == "What this is for."


def test_a_definition_per_language_inline_or_one_per_line() -> None:
    codebook = parse_codebook(PER_LANGUAGE)
    stance = codebook.field("stance")
    assert stance.definitions == {"en": "The stance.", "fa": "موضع مقاله.", "ar": "موقف المقال."}
    neutral = stance.category("neutral")
    assert neutral is not None and neutral.example == "(invented) ..."
    assert neutral.definitions == {"en": "No blame.", "fa": "هیچ‌کس مقصر دانسته نمی‌شود."}
    role = codebook.field("participants").role("initiator")
    assert role is not None and role.definitions == {"en": "Who began.", "ar": "من بادر."}
    assert codebook.descriptions == {"en": "What this is for.", "ar": "ما الغرض منه."}


def test_each_language_falls_back_to_english() -> None:
    codebook = parse_codebook(PER_LANGUAGE)
    neutral = codebook.field("stance").category("neutral")
    assert neutral is not None
    assert neutral.definition_in("fa") == "هیچ‌کس مقصر دانسته نمی‌شود."
    assert neutral.definition_in("ar") == "No blame."  # no Arabic: English
    assert neutral.definition_in("en") == neutral.definition == "No blame."
    assert codebook.field("stance").definition_in("ar") == "موقف المقال."
    assert codebook.description_in("fa") == "What this is for."
    assert codebook.field("participants").definition_in("fa") == "Who."
    role = codebook.field("participants").role("initiator")
    assert role is not None and role.definition_in("fa") == "Who began."
    assert parse_codebook(ONE_STRING).description_in("ar") == "What this is for."


def test_the_older_persian_field_definition_is_still_read() -> None:
    older = ONE_STRING.replace('definition = "The stance."\n',
                               'definition = "The stance."\ndefinition_fa = "موضع."\n')
    stance = parse_codebook(older).field("stance")
    assert stance.definitions == {"en": "The stance.", "fa": "موضع."}
    assert stance.definition_in("fa") == "موضع."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('definition = "The stance."', 'definition = { fa = "موضع." }'),
         "field 'stance': 'definition' needs at least the English text"),
        (('definition = "No blame."', 'definition = { en = "No blame.", pr = "x" }'),
         "category 'neutral': 'definition' has a text in 'pr'"),
        (('definition = "No blame."', 'definition = { en = "No blame.", fa = 1 }'),
         "category 'neutral': 'definition' must be text or a table"),
        (('definition = "No blame."', "definition = 3"),
         "category 'neutral': 'definition' must be text or a table"),
        (('definition = "No blame."', 'definition = { en = " " }'),
         "category 'neutral': 'definition' is missing"),
        (('description = "What this is for."', 'description = { ar = "ما" }'),
         r"\[codebook\]: 'description' needs at least the English text"),
        (('definition = "The stance."',
          'definition = { en = "The stance.", fa = "موضع." }\ndefinition_fa = "موضع."'),
         "field 'stance': the Persian text is given twice"),
    ],
)
def test_a_wrong_definition_is_refused_in_one_line(change: tuple[str, str], message: str,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "codebook.toml"
    path.write_text(ONE_STRING.replace(*change), encoding="utf-8")
    with pytest.raises(AnnotatorError, match=message) as info:
        load_codebook(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_the_bundled_codebook_has_persian_and_arabic_for_every_text() -> None:
    codebook = load_codebook(paths.default_codebook_path())
    texts = [("description", codebook.descriptions)]
    for field in codebook.fields:
        texts.append((field.id, field.definitions))
        for entry in (*field.categories, *field.roles):
            texts.append((f"{field.id}/{entry.id}", entry.definitions))
    assert len(texts) == 32
    for place, definitions in texts:
        assert set(definitions) == set(LANGUAGES), place
        assert definitions["fa"] != definitions["en"] != definitions["ar"], place
        # Persian Yeh and Kaf in Persian, Arabic ones in Arabic, outside quoted examples
        persian = definitions["fa"]
        for quoted in ("الكيان الصهيوني", "لا بدّ", "يتعين", "موقف مشترك", "اتصال هاتفي",
                       "لقاء", "على هامش"):
            persian = persian.replace(quoted, "")
        assert "ي" not in persian and "ك" not in persian, place
        arabic = definitions["ar"]
        for quoted in ("رژیم صهیونیستی", "هم‌افزایی", "همبستگی", "همگرایی", "گفت‌وگوی تلفنی",
                       "تماس تلفنی", "دیدار", "ملاقات", "در حاشیه"):
            arabic = arabic.replace(quoted, "")
        assert not set(arabic) & set("یکگچپژ"), place
        # Persian verbs keep the zero-width non-joiner after their prefix (می‌شود).
        assert not any(word in ("می", "نمی") for word in persian.split()), place
    assert translation_gaps(codebook) == []
    # The translations name other categories by their labels, never by their Latin ids
    # (an analyst reading Persian or Arabic meets no English in a tooltip).
    condemning = codebook.field("stance").category("condemning")
    assert condemning is not None
    strongly = codebook.field("stance").category("strongly_condemning")
    assert strongly is not None
    for language in ("fa", "ar"):
        assert strongly.text(language) in condemning.definitions[language]
        assert "strongly_condemning" not in condemning.definitions[language]
    demands = codebook.field("demands").definitions
    unity = codebook.field("demands").category("islamic_unity")
    aid = codebook.field("demands").category("humanitarian_aid")
    assert unity is not None and aid is not None
    assert unity.text("fa") in demands["fa"] and aid.text("ar") in demands["ar"]
    neutral = codebook.field("stance").category("neutral")
    assert neutral is not None and "دانسته نمی\u200cشود" in neutral.definitions["fa"]


def test_gaps_are_named_only_for_a_language_some_texts_have() -> None:
    assert translation_gaps(parse_codebook(ONE_STRING)) == []  # English only: nothing missing
    gaps = translation_gaps(parse_codebook(PER_LANGUAGE))
    assert gaps == [
        "2 of 4 labels have no Persian (fa) text, so English is shown instead: "
        "participants, participants/initiator",
        "3 of 5 definitions have no Persian (fa) text, so English is shown instead: "
        "description, participants, participants/initiator",
        "2 of 5 definitions have no Arabic (ar) text, so English is shown instead: "
        "stance/neutral, participants",
    ]


def test_a_translation_is_not_a_change_of_meaning() -> None:
    old, new = parse_codebook(ONE_STRING), parse_codebook(PER_LANGUAGE)
    used = {("stance", "neutral"), ("stance", "")}
    assert removed_in_use(old, new, used) == []


# -- stored codebooks, the command line and the codebook sheet ----------------------------

@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("project_*.sqlite")),
                         ids=lambda p: p.stem)
def test_codebooks_stored_in_older_projects_still_load(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(fixture, path)
    with open_project(path) as project:
        codebook = project.codebooks.active()
    stance = codebook.field("stance")
    assert "definition_fa" in codebook.source  # written in the older form
    assert stance.definition_in("fa").startswith("موضعی که کل خبر")
    assert stance.definition_in("ar") == stance.definition  # no Arabic then
    neutral = stance.category("neutral")
    assert neutral is not None and neutral.definition_in("fa") == neutral.definition
    assert codebook.description.startswith("Unit of analysis")


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_loading_a_partly_translated_codebook_warns(capsys, project_path: Path,
                                                    tmp_path: Path) -> None:
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    start = source.index('  id = "supportive"')
    fa_line = source.index("  definition.fa = ", start)
    partial = source[:fa_line] + source[source.index("\n", fa_line) + 1:]
    path = tmp_path / "partial.toml"
    path.write_text(partial, encoding="utf-8")
    code, out, err = _cli(capsys, "--db", str(project_path), "codebook", "--load", str(path))
    assert code == 0 and out == ("codebook version 2\n"
                                 "  value supportive of stance: the Persian wording changed\n")
    assert err == (f"annotator: warning: {path}: 1 of 32 definitions have no Persian (fa) "
                   "text, so English is shown instead: stance/supportive\n")
    bundled = str(paths.default_codebook_path())
    code, out, err = _cli(capsys, "--db", str(project_path), "codebook", "--load", bundled)
    assert code == 0 and err == ""


def test_the_json_codebook_gives_every_language(capsys, project_path: Path) -> None:
    code, out, _err = _cli(capsys, "--db", str(project_path), "codebook", "--format", "json")
    assert code == 0
    fields = {f["id"]: f for f in json.loads(out)["fields"]}
    [neutral] = [c for c in fields["stance"]["categories"] if c["id"] == "neutral"]
    assert set(neutral["definitions"]) == {"en", "fa", "ar"}
    assert neutral["definition"] == neutral["definitions"]["en"]  # as before: English
    [initiator] = [r for r in fields["participants"]["roles"] if r["id"] == "initiator"]
    assert initiator["definitions"]["ar"].startswith("المشارك الذي بادر")


def test_the_codebook_sheet_has_each_definition_in_each_language(project_path: Path,
                                                                 tmp_path: Path) -> None:
    with open_project(project_path) as project:
        result = export_to_file(project, tmp_path / "tags.csv", ExportOptions(format="long"))
        codebook = project.codebooks.active()
    assert result.codebook_path is not None
    sheet = pd.read_csv(result.codebook_path, dtype=str, keep_default_na=False)
    rows = sheet[sheet.kind.isin(["field", "category", "role"])]
    assert len(rows) == 31 and (rows.definition_fa != "").all() and (rows.definition_ar != "").all()
    neutral = rows[(rows.field == "stance") & (rows.id == "neutral")].iloc[0]
    category = codebook.field("stance").category("neutral")
    assert category is not None
    assert (neutral.definition, neutral.definition_fa, neutral.definition_ar) == (
        category.definitions["en"], category.definitions["fa"], category.definitions["ar"])
