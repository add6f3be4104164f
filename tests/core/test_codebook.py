"""The default codebook is complete and the loader names file, field and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.codebook import load_codebook, parse_codebook
from annotator.core.errors import AnnotatorError

REQUIRED_DEMANDS = {
    "ceasefire", "cut_ties", "oic_emergency_meeting", "humanitarian_aid", "islamic_unity",
    "accountability", "territorial_integrity", "bilateral_cooperation",
}


def test_default_codebook_is_complete() -> None:
    codebook = load_codebook(paths.default_codebook_path())
    ids = [f.id for f in codebook.fields]
    assert ids[:5] == ["stance", "demands", "participants", "event_type", "note"]
    stance = codebook.field("stance")
    assert stance.ordered and len(stance.scale) >= 3
    assert [c.id for c in stance.categories if not c.scale] == ["unclear"]
    demands = codebook.field("demands")
    assert demands.type == "multiple" and demands.attributable
    assert {c.id for c in demands.categories} >= REQUIRED_DEMANDS
    assert {r.id for r in codebook.field("participants").roles} == {
        "initiator", "counterpart", "mentioned"}
    assert {"phone_call", "meeting", "summit_sideline", "statement"} <= {
        c.id for c in codebook.field("event_type").categories}
    assert codebook.field("note").type == "text"
    for field in codebook.fields:
        assert set(field.label) >= {"en", "fa", "ar"}, field.id
        for category in field.categories:
            assert set(category.label) >= {"en", "fa", "ar"}, category.id
            assert category.definition and category.example, category.id


def _broken(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "codebook.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[codebook\n", "not valid TOML"),
        ('[codebook]\nid = "x"\n', "no fields"),
        ('[codebook]\nid = "x"\n[[field]]\nid = "s"\ntype = "dropdown"\n', "field 's'.*dropdown"),
        ('[codebook]\nid = "x"\n[[field]]\nid = "s"\ntype = "single"\nlabel = {en="S"}\n'
         'definition = "d"\n', "field 's'.*needs \\[\\[field.category\\]\\]"),
        ('[codebook]\nid = "x"\n[[field]]\nid = "s"\ntype = "single"\nlabel = {en="S"}\n'
         'definition = "d"\n[[field.category]]\nid = "a"\nlabel = {fa="الف"}\n'
         'definition = "d"\n', "category 'a'.*English label"),
        ('[codebook]\nid = "x"\n[[field]]\nid = "Bad Id"\ntype = "text"\n', "lower_snake_case"),
    ],
)
def test_errors_name_file_field_and_problem(tmp_path: Path, text: str, message: str) -> None:
    path = _broken(tmp_path, text)
    with pytest.raises(AnnotatorError, match=message) as info:
        load_codebook(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_json_description_lists_value_ids() -> None:
    codebook = parse_codebook(paths.default_codebook_path().read_text(encoding="utf-8"))
    described = {f["id"]: f for f in codebook.to_dict()["fields"]}
    assert "ceasefire" in described["demands"]["values"]
    assert described["stance"]["type"] == "single"
