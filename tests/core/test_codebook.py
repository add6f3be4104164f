"""The default codebook is complete and the loader names file, field and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.codebook import load_codebook, parse_codebook, removed_in_use
from annotator.core.errors import AnnotatorError
from annotator.core.store import open_project

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
    assert demands.type == "multiple" and demands.with_participant
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


# -- changes that would change the meaning of existing tags ------------------------------

def _mentioned_role_removed(source: str) -> str:
    start = source.index('  [[field.role]]\n  id = "mentioned"')
    end = source.index("# ----", start)
    return source[:start] + source[end:]


def test_removing_a_role_in_use_is_refused(project) -> None:
    from tests.conftest import ARABIC_ID

    participant = project.participants.all()[0].id
    project.tags.add_value(ARABIC_ID, "sara", "participants", participant, role="mentioned")
    without = _mentioned_role_removed(project.codebooks.active().source)
    with pytest.raises(AnnotatorError, match="role 'mentioned' of field 'participants'") as info:
        project.codebooks.load(parse_codebook(without))
    assert "\n" not in str(info.value)
    assert project.codebooks.active_version() == 1


def test_removing_a_role_of_a_field_without_tags_is_accepted(project) -> None:
    without = _mentioned_role_removed(project.codebooks.active().source)
    assert project.codebooks.load(parse_codebook(without)) == 2


def test_removed_in_use_with_the_roles_in_use_is_exact() -> None:
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    old, new = parse_codebook(source), parse_codebook(_mentioned_role_removed(source))
    used = {("participants", "p1"), ("participants", "")}
    assert removed_in_use(old, new, used, {("participants", "initiator")}) == []
    assert removed_in_use(old, new, used, {("participants", "mentioned")}) == [
        "role 'mentioned' of field 'participants' has tags and cannot be removed"]


@pytest.mark.parametrize(
    ("replacement", "becomes"),
    [('type = "text"', "text"), ('type = "multiple"', "multiple-choice")],
)
def test_changing_the_type_of_a_field_with_tags_is_refused(
        project, replacement: str, becomes: str) -> None:
    from tests.conftest import ARABIC_ID

    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    source = project.codebooks.active().source
    marker = 'id = "stance"\ntype = "single"\nordered = true\n'
    assert marker in source
    changed = source.replace(marker, f'id = "stance"\n{replacement}\n', 1)
    if becomes == "text":  # a text field has no categories: drop them
        start = changed.index("[[field.category]]", changed.index('id = "stance"'))
        end = changed.index("# ----", start)
        changed = changed[:start] + changed[end:]
    with pytest.raises(AnnotatorError,
                       match=f"field 'stance' has tags as a single-choice field and cannot "
                             f"become {becomes}"):
        project.codebooks.load(parse_codebook(changed))
    assert project.codebooks.active_version() == 1
    assert project.tags.find(ARABIC_ID, "sara", "stance")[0].value == "condemning"


def test_the_older_key_attributable_is_still_read() -> None:
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    assert source.count("with_participant = true") == 1
    older = parse_codebook(source.replace("with_participant = true", "attributable = true"))
    assert older.field("demands").with_participant
    assert older.to_dict()["fields"][1]["with_participant"] is True
    both = source.replace("with_participant = true",
                          "with_participant = true\nattributable = true")
    with pytest.raises(AnnotatorError, match="'with_participant' is given twice"):
        parse_codebook(both)
    single = source.replace('ordered = true\n', 'ordered = true\nattributable = true\n', 1)
    with pytest.raises(AnnotatorError, match="only a multiple-choice field can have "
                                             "'attributable = true'"):
        parse_codebook(single)


# -- hostile codebook files: one line, read within bounds (through the command line) ------

def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from annotator.cli.commands import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _refused(capsys: pytest.CaptureFixture[str], project_path: Path, path: Path | str,
             message: str) -> None:
    code, _out, err = _cli(capsys, "--db", str(project_path), "codebook", "--load", str(path))
    assert code == 1
    assert err.startswith("annotator: error: ") and message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    with open_project(project_path) as project:
        assert project.codebooks.active_version() == 1


def test_a_deeply_nested_codebook_is_refused_in_one_line(capsys, project_path: Path,
                                                         tmp_path: Path) -> None:
    for text in ("x = " + "[" * 100_000 + "]" * 100_000,
                 "x = " + "{a = " * 100_000 + "}" * 100_000):
        path = tmp_path / "deep.toml"
        path.write_text(text, encoding="utf-8")
        _refused(capsys, project_path, path, "nested too deeply")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_or_a_link_to_one_is_refused_before_reading(capsys, project_path: Path,
                                                             tmp_path: Path) -> None:
    _refused(capsys, project_path, "/dev/zero", "not a regular file")
    link = tmp_path / "codebook.toml"
    link.symlink_to("/dev/zero")
    _refused(capsys, project_path, link, "not a regular file")


def test_a_pipe_is_refused_without_blocking(capsys, project_path: Path, tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "codebook.toml"
    os.mkfifo(pipe)
    _refused(capsys, project_path, pipe, "not a regular file")


def test_an_oversized_codebook_is_refused(capsys, project_path: Path, tmp_path: Path) -> None:
    from annotator.core.codebook import MAX_CODEBOOK_BYTES

    path = tmp_path / "big.toml"
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    path.write_text(source + "#" * MAX_CODEBOOK_BYTES + "\n", encoding="utf-8")
    _refused(capsys, project_path, path, "too large for a codebook")
    _refused(capsys, project_path, tmp_path, "is a folder")
