"""``annotator participants``: add, update, edit, merge, retire, restore and the history,
as a user types them; errors are one line and a non-zero exit; ``check`` reports clashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.store import open_project
from tests.conftest import ARABIC_ID

FILE = """
[[participant]]
id = "jane_doe"
kind = "person"
name = { en = "Jane Doe", fa = "جین دو" }
aliases = ["جین‌دو"]
"""


def run(capsys, db: Path, *words: str) -> tuple[int, str, str]:
    code = main(["participants", "--db", str(db), "--annotator", "mina", "--logical", *words])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_then_update_from_a_file(capsys, project_path: Path, tmp_path: Path) -> None:
    registry = tmp_path / "more.toml"
    registry.write_text(FILE, encoding="utf-8")
    assert run(capsys, project_path, "--add", str(registry))[1].splitlines()[0] == (
        "participants: 1 added, 0 updated, 0 unchanged")
    assert "0 added, 0 updated, 1 unchanged" in run(capsys, project_path, "--add",
                                                     str(registry))[1]
    registry.write_text(FILE.replace("Jane Doe", "Jane Q. Doe"), encoding="utf-8")
    code, out, _err = run(capsys, project_path, "--add", str(registry))
    assert code == 0 and "1 entries differ" in out and "--update" in out
    code, out, _err = run(capsys, project_path, "--add", str(registry), "--update")
    assert code == 0 and "0 added, 1 updated, 0 unchanged" in out
    code, out, _err = run(capsys, project_path, "--history")
    lines = out.splitlines()
    assert len(lines) == 2 and "\tmina\tadded\tjane_doe" in lines[0]
    assert "corrected" in lines[1] and "name_en: Jane Doe -> Jane Q. Doe" in lines[1]


def test_edit_refuses_a_clash_in_one_line_naming_both(capsys, project_path: Path) -> None:
    code, _out, err = run(capsys, project_path, "--correct", "hakan_fidan",
                          "--alias", "رجب طيب اردوغان")  # Erdoğan's name, Arabic Yeh
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "hakan_fidan" in err and "recep_tayyip_erdogan" in err and "--allow-clash" in err
    code, _out, _err = run(capsys, project_path, "--correct", "hakan_fidan", "--alias",
                           "رجب طيب اردوغان", "--allow-clash")
    assert code == 0
    assert main(["check", "--db", str(project_path)]) == 1
    out = capsys.readouterr().out
    assert "participants registry: 1 spellings" in out and "hakan_fidan" in out


def test_rename_merge_retire_restore(capsys, project_path: Path) -> None:
    with open_project(project_path) as project:
        project.tags.add_value(ARABIC_ID, "sara", "participants", "hakan_fidan")
    code, out, _err = run(capsys, project_path, "--rename", "hakan_fidan",
                          "--name-en", "Hakan Fidan (FM)")
    assert (code, out.strip()) == (0, "hakan_fidan: corrected")
    code, out, _err = run(capsys, project_path, "--merge", "hakan_fidan",
                          "--into", "recep_tayyip_erdogan")
    assert code == 0 and "1 tags" in out
    code, out, _err = run(capsys, project_path)
    assert "hakan_fidan" not in out  # listing shows the entries in use
    code, out, _err = run(capsys, project_path, "--all")
    assert "hakan_fidan\tperson\tHakan Fidan (FM)\tTR\t(merged into recep_tayyip_erdogan)" \
        in out.splitlines()
    code, out, _err = run(capsys, project_path, "--retire", "hossein_salami")
    assert code == 0
    code, out, _err = run(capsys, project_path, "--all", "--format", "json")
    entries = {e["id"]: e for e in json.loads(out)}
    assert entries["hossein_salami"]["retired"] and entries["hossein_salami"]["retired_at"]
    assert run(capsys, project_path, "--restore", "hossein_salami")[0] == 0
    code, out, _err = run(capsys, project_path, "--history", "--id", "hakan_fidan")
    assert [line.split("\t")[2] for line in out.splitlines()] == ["corrected", "merged"]
    code, _out, err = run(capsys, project_path, "--restore", "hakan_fidan")
    assert code == 1 and "merged into 'recep_tayyip_erdogan'" in err
    with open_project(project_path) as project:
        assert {t.value for t in project.tags.find(ARABIC_ID, "sara")} == {
            "recep_tayyip_erdogan"}
    assert main(["tag", "--db", str(project_path), "--annotator", "sara",
                 ARABIC_ID, "participants", "hakan_fidan"]) == 1
    assert "merged into" in capsys.readouterr().err


@pytest.mark.parametrize("words", [
    ("--merge", "hakan_fidan"),
    ("--alias", "x"),
    ("--update",),
    ("--correct", "hakan_fidan"),
    ("--id", "x"),
    ("--retire", "nobody"),
])
def test_wrong_options_are_one_line(capsys, project_path: Path, words: tuple[str, ...]) -> None:
    code, _out, err = run(capsys, project_path, *words)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_messages_in_persian(capsys, project_path: Path) -> None:
    code, out, _err = run(capsys, project_path, "--lang", "fa", "--retire", "hossein_salami")
    assert code == 0 and "بازنشسته" in out
    code, _out, err = run(capsys, project_path, "--lang", "ar", "--retire", "hossein_salami")
    assert code == 1 and "موقوف" in err


def test_show_marks_a_retired_participant_on_its_tags(capsys, project_path: Path) -> None:
    with open_project(project_path) as project:
        project.tags.add_value(ARABIC_ID, "sara", "participants", "hakan_fidan")
        project.registry.retire("hakan_fidan", "mina")
    assert main(["show", ARABIC_ID, "--db", str(project_path), "--logical"]) == 0
    out = capsys.readouterr().out
    assert "sara: Participants = Hakan Fidan (participant hakan_fidan is retired)" in out
    assert main(["show", ARABIC_ID, "--db", str(project_path), "--logical",
                 "--lang", "fa"]) == 0
    assert "بازنشسته" in capsys.readouterr().out
