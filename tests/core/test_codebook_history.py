"""Codebook history: versions listed, two versions compared, a load says what it changed.

The bundled codebook is edited as a codebook's author would (a value added, one retired,
a definition reworded, a label reworded) and loaded through the command line; what is
printed is compared with what was edited, and the revision reminder appears exactly when
a value's meaning changed while the revision stayed the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core import paths
from annotator.core.codebook import parse_codebook
from annotator.core.codebook_changes import changes, revision_reminder
from annotator.core.i18n import translate
from annotator.core.store import open_project
from tests.conftest import ARABIC_ID

BUNDLED = paths.default_codebook_path().read_text(encoding="utf-8")
CUT_TIES = 'id = "cut_ties"'
NEW_VALUE = '''
  [[field.category]]
  id = "humanitarian_corridor"
  label = { en = "Humanitarian corridor", fa = "گذرگاه انسانی", ar = "ممر إنساني" }
  definition = "Counts: calls to open a corridor for aid."
'''


def _edited(*, retire: bool = False, add: bool = False, reword: bool = False,
            relabel: bool = False, revision: str | None = None) -> str:
    source = BUNDLED
    if retire:
        source = source.replace(CUT_TIES, CUT_TIES + "\n  retired = true", 1)
    if add:  # after the last category of the demands field: before the next [[field]]
        start = source.index('id = "demands"')
        end = source.index("[[field]]", start)
        source = source[:end] + NEW_VALUE.lstrip("\n") + "\n" + source[end:]
    if reword:
        old = "Counts: calls to cut, suspend or downgrade"
        assert old in source
        source = source.replace(old, "Counts: calls to cut or suspend", 1)
    if relabel:
        start = source.index(CUT_TIES)
        label_at = source.index("label", start)
        line_end = source.index("\n", label_at)
        line = source[label_at:line_end]
        assert 'en = "' in line
        source = source[:label_at] + line.replace('en = "', 'en = "Sever: ', 1) + source[line_end:]
    if revision is not None:
        source = source.replace('revision = "1"', f'revision = "{revision}"', 1)
    return source


def _lines(old: str, new: str) -> list[str]:
    return [translate(line, "en") for line in changes(parse_codebook(old), parse_codebook(new))]


def test_changes_name_what_the_author_edited() -> None:
    assert _lines(BUNDLED, BUNDLED) == []
    assert _lines(BUNDLED, _edited(retire=True)) == ["field demands: value cut_ties retired"]
    assert _lines(_edited(retire=True), BUNDLED) == [
        "field demands: value cut_ties brought back"]
    assert _lines(BUNDLED, _edited(add=True)) == [
        "field demands: value humanitarian_corridor added"]
    assert _lines(_edited(add=True), BUNDLED) == [
        "field demands: value humanitarian_corridor removed"]
    assert _lines(BUNDLED, _edited(reword=True)) == [
        "value cut_ties of demands: the definition changed"]
    assert _lines(BUNDLED, _edited(relabel=True)) == [
        "value cut_ties of demands: the English label changed"]
    assert _lines(BUNDLED, _edited(revision="2")) == ["revision 1 → 2"]


@pytest.mark.parametrize("edit", [{"retire": True}, {"add": True}, {"reword": True}])
def test_a_change_of_meaning_without_a_new_revision_is_reminded(edit: dict) -> None:
    old = parse_codebook(BUNDLED)
    reminder = revision_reminder(old, parse_codebook(_edited(**edit)))
    assert reminder is not None and "raise it" in translate(reminder, "en")
    # Raising the revision is what the reminder asks for: then it is quiet.
    assert revision_reminder(old, parse_codebook(_edited(**edit, revision="2"))) is None


def test_a_reworded_label_is_not_a_change_of_meaning() -> None:
    assert revision_reminder(parse_codebook(BUNDLED), parse_codebook(_edited(relabel=True))) \
        is None


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_load_history_and_diff_through_the_command_line(capsys, project_path: Path,
                                                         tmp_path: Path) -> None:
    db = ("--db", str(project_path))
    second = tmp_path / "codebook-v2.toml"
    second.write_text(_edited(retire=True, add=True), encoding="utf-8")
    code, out, err = run(capsys, *db, "codebook", "--load", str(second))
    assert code == 0
    assert "codebook version 2" in out
    assert "field demands: value cut_ties retired" in out
    assert "field demands: value humanitarian_corridor added" in out
    assert "raise it" in err  # the meaning changed, the revision did not

    third = tmp_path / "codebook-v3.toml"
    third.write_text(_edited(retire=True, add=True, revision="2"), encoding="utf-8")
    code, out, err = run(capsys, *db, "codebook", "--load", str(third))
    assert code == 0 and "revision 1 → 2" in out and "raise it" not in err

    # Loading the same file again changes nothing and says so.
    code, out, _ = run(capsys, *db, "codebook", "--load", str(third))
    assert code == 0 and "codebook unchanged" in out

    code, out, _ = run(capsys, *db, "codebook", "--history", "--format", "json")
    history = json.loads(out)
    assert [v["version"] for v in history] == [1, 2, 3]
    assert [v["revision"] for v in history] == ["1", "1", "2"]
    assert [v["active"] for v in history] == [False, False, True]
    assert history[1]["loaded_from"] == str(second)
    code, out, _ = run(capsys, *db, "codebook", "--history")
    rows = out.strip().splitlines()
    assert len(rows) == 3 and rows[-1].endswith("(active)") and str(third) in rows[-1]

    code, out, _ = run(capsys, *db, "codebook", "--diff", "1", "2", "--format", "json")
    assert code == 0 and sorted(json.loads(out)) == [
        "field demands: value cut_ties retired",
        "field demands: value humanitarian_corridor added"]
    code, out, _ = run(capsys, *db, "codebook", "--diff", "3", "1")
    assert "revision 2 → 1" in out and "value cut_ties brought back" in out
    code, out, _ = run(capsys, *db, "codebook", "--diff", "2", "2")
    assert "no changes" in out


def test_history_refusals_are_one_line(capsys, project_path: Path, tmp_path: Path) -> None:
    db = ("--db", str(project_path))
    code, out, err = run(capsys, *db, "codebook", "--diff", "1", "7")
    assert code != 0 and out == ""
    assert err.strip().count("\n") == 0 and "no codebook version 7" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, *db, "codebook", "--history", "--load",
                       str(paths.default_codebook_path()))
    assert code != 0 and "--load cannot be given with --history" in err
    with open_project(project_path) as project:  # nothing was loaded by the refusals
        assert [v.version for v in project.codebooks.history()] == [1]


def test_history_speaks_persian(capsys, project_path: Path, tmp_path: Path) -> None:
    second = tmp_path / "codebook-v2.toml"
    second.write_text(_edited(retire=True, revision="2"), encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(project_path), "--lang", "fa",
                       "codebook", "--load", str(second), "--logical")
    assert code == 0
    assert "cut_ties" in out and "retired" not in out and "revision" not in out
    # The language given before the command is the command's language too.
    code, out, err = run(capsys, "--db", str(project_path), "--lang", "fa",
                         "codebook", "--diff", "2", "1", "--logical")
    assert code == 0 and "cut_ties" in out and "brought back" not in out
    code, out, _ = run(capsys, "--db", str(project_path), "--lang", "fa", "codebook",
                       "--history")
    assert "(فعال)" in out and "revision" not in out


def test_tagging_a_retired_value_says_retired(capsys, project_path: Path,
                                              tmp_path: Path) -> None:
    second = tmp_path / "codebook-v2.toml"
    second.write_text(_edited(retire=True, revision="2"), encoding="utf-8")
    assert run(capsys, "--db", str(project_path), "codebook", "--load", str(second))[0] == 0
    code, out, err = run(capsys, "tag", "--db", str(project_path), "--annotator", "sara",
                         ARABIC_ID, "demands", "cut_ties")
    assert code != 0 and "retired" in err and "not a value" not in err
    assert "Traceback" not in err
    with open_project(project_path) as project:
        assert project.tags.find(ARABIC_ID, "sara", "demands") == []
