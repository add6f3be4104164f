"""Whether a project needs an update before it opens, and the command line saying so
before the backup and the migrations (minutes for a large project) rather than waiting in
silence.  The project is a real fixture file of the schema before migration 0012."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.cli.commands import main
from annotator.core.store import open_project
from annotator.core.store.opening import needs_update

FIXTURE = (Path(__file__).resolve().parents[1] / "fixtures"
           / "project_0011_article_columns.sqlite")


def test_only_a_project_of_an_older_version_needs_an_update(tmp_path: Path,
                                                             project_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, old)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a project", encoding="utf-8")
    assert needs_update(old)
    assert not needs_update(project_path)
    assert not needs_update(tmp_path / "missing.sqlite")
    assert not needs_update(text) and not needs_update(tmp_path)
    with open_project(old, create=False):
        pass
    assert not needs_update(old)


def test_the_command_line_says_it_updates_first(tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, old)
    assert main(["--db", str(old), "codebook"]) == 0
    err = capsys.readouterr().err
    assert err == (f"annotator: {old}: made by an older version; backing it up and updating "
                   "it (minutes for a large project)\n")
    assert main(["--db", str(old), "codebook"]) == 0
    assert capsys.readouterr().err == ""  # nothing left to do


def test_the_line_is_in_the_commands_language(tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, old)
    assert main(["--db", str(old), "codebook", "--lang", "fa", "--logical"]) == 0
    err = capsys.readouterr().err
    assert str(old) in err and "older version" not in err and "نسخه" in err


def test_a_symlink_loop_is_one_clear_error(tmp_path: Path, capsys) -> None:
    loop = tmp_path / "loop.sqlite"
    loop.symlink_to(loop)
    assert not needs_update(loop)
    assert main(["--db", str(loop), "codebook"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator: error: ") and err.count("\n") == 1
    assert "Traceback" not in err
