"""The command line, run as users and scripts run it, on real files."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli.commands import COMMANDS, main
from annotator.core import paths
from annotator.core.store import open_project
from tests.conftest import ARABIC_ID, SAMPLE_IDS

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_project_is_created_with_the_sample_corpus(capsys, _isolated_home) -> None:
    code, out, _ = run(capsys, "list", "--logical")
    assert code == 0
    assert sorted(line.split("\t")[0] for line in out.splitlines()) == SAMPLE_IDS
    assert (paths.default_project_path()).exists()
    assert str(_isolated_home) in str(paths.default_project_path())


def test_status_switch_prints_the_project_status(capsys) -> None:
    code, out, _ = run(capsys, "--status")
    assert code == 0 and "5 articles" in out


def test_without_a_display_the_bare_command_prints_status_and_help(_isolated_home) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "annotator"], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "5 articles" in done.stdout and "import-tags" in done.stdout


def test_import_reports_bad_files_and_keeps_good_ones(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("عنوان خبر\n\nمتن خبر درباره غزه", encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "bad.jsonl").write_text(
        '{"id": "a1", "text": "نص أول"}\n{"id": "a2", "text": \n{"id": "a3", "text": "نص ثالث"}\n',
        encoding="utf-8")
    db = str(tmp_path / "p.sqlite")
    code, out, err = run(capsys, "import", "--db", db, str(folder))
    assert code == 1
    assert "3 articles added" in out
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("annotator: error: ") for line in lines)
    assert any("empty.txt" in line for line in lines)
    assert any("bad.jsonl:2" in line for line in lines)
    assert "Traceback" not in err
    # Re-importing adds nothing.
    code, out, _ = run(capsys, "import", "--db", db, str(folder / "good.txt"))
    assert code == 0 and "0 articles added, 1 already present" in out


def test_show_search_and_codebook(capsys, project_path: Path) -> None:
    db = str(project_path)
    code, out, _ = run(capsys, "show", "--db", db, ARABIC_ID, "--logical")
    assert code == 0 and "إردوغان" in out
    code, out, _ = run(capsys, "show", "--db", db, ARABIC_ID, "--visual")
    assert code == 0 and "إردوغان" not in out  # shaped, visual order: terminals only
    code, out, _ = run(capsys, "search", "--db", db, "گفت‌وگو", "--logical")
    assert code == 0 and "003_4cdab43310a4bd9f" in out
    code, out, _ = run(capsys, "codebook", "--db", db, "--format", "json")
    data = json.loads(out)
    fields = {f["id"]: f for f in data["fields"]}
    assert fields["stance"]["type"] == "single" and "ceasefire" in fields["demands"]["values"]
    code, out, err = run(capsys, "show", "--db", db, "missing-id")
    assert code == 1 and err.count("\n") == 1 and "missing-id" in err


def test_tag_export_import_round_trip(capsys, project_path: Path, tmp_path: Path) -> None:
    db = str(project_path)
    body = open_project(project_path).articles.get(ARABIC_ID).body
    start = body.index("وقف إطلاق النار")
    assert run(capsys, "tag", "--db", db, "--annotator", "sara", ARABIC_ID, "stance",
               "condemning")[0] == 0
    assert run(capsys, "tag", "--db", db, "--annotator", "sara", ARABIC_ID, "demands",
               "ceasefire", "--participant", "ebrahim_raisi",
               "--span", f"{start}:{start + 15}", "--note", "قال، «فوراً»\nسطر")[0] == 0
    assert run(capsys, "tag", "--db", db, "--annotator", "sara", "000_b79cba28e5e5a850",
               "demands", "--none")[0] == 0
    assert run(capsys, "tag", "--db", db, "--annotator", "reza", ARABIC_ID, "participants",
               "ebrahim_raisi", "--role", "initiator")[0] == 0
    assert run(capsys, "status", "--db", db, "--annotator", "sara", ARABIC_ID, "done")[0] == 0
    exported = tmp_path / "tags.csv"
    code, _, _ = run(capsys, "export", "--db", db, "-o", str(exported))
    assert code == 0
    raw = exported.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert {"article_id", "annotator", "field", "value", "span_start", "span_end", "quote",
            "note", "created_at", "updated_at", "codebook_version"} <= set(rows[0])
    demand = next(r for r in rows if r["field"] == "demands" and r["value"])
    assert demand["quote"] == "وقف إطلاق النار" and demand["note"] == "قال، «فوراً»\nسطر"
    assert any(r["field"] == "demands" and r["value"] == "" for r in rows)  # coded, none

    fresh = tmp_path / "fresh.sqlite"
    assert run(capsys, "import", "--db", str(fresh), str(paths.corpus_dir()))[0] == 0
    code, out, _ = run(capsys, "import-tags", "--db", str(fresh), str(exported))
    assert code == 0 and f"{len(rows)} tags added" in out
    again = tmp_path / "again.csv"
    assert run(capsys, "export", "--db", str(fresh), "-o", str(again))[0] == 0
    assert again.read_bytes() == raw
    # Importing the same file twice changes nothing.
    code, out, _ = run(capsys, "import-tags", "--db", str(fresh), str(exported))
    assert code == 0 and f"{len(rows)} unchanged" in out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"article_id": "no-such-article"}, "unknown article 'no-such-article'"),
        ({"field": "mood"}, "unknown field 'mood'"),
        ({"value": "furious"}, "'furious' is not a value of field 'stance'"),
        ({"span_start": "0", "span_end": "5", "quote": "wrong"}, "does not match"),
    ],
)
def test_import_tags_rejects_whole_file_naming_the_row(capsys, project_path: Path,
                                                      tmp_path: Path, change, message) -> None:
    path = tmp_path / "tags.csv"
    good = {"article_id": ARABIC_ID, "annotator": "sara", "field": "stance",
            "value": "neutral"}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["article_id", "annotator", "field", "value",
                                         "span_start", "span_end", "quote"])
        writer.writeheader()
        writer.writerow({**good, "annotator": "reza"})
        writer.writerow({**good, **change})
    code, _, err = run(capsys, "import-tags", "--db", str(project_path), str(path))
    assert code == 1
    assert f"{path}:3" in err and message in err and "nothing from this file" in err
    assert open_project(project_path).tags.find() == []


def test_errors_are_one_line_never_a_traceback(tmp_path: Path) -> None:
    not_project = tmp_path / "notes.sqlite"
    not_project.write_text("hello", encoding="utf-8")
    for argv in (["--db", str(not_project), "list"],
                 ["import", "--db", str(tmp_path / "p.sqlite"), str(tmp_path / "missing")],
                 ["codebook", "--db", str(tmp_path / "q.sqlite"), "--load",
                  str(not_project)]):
        done = subprocess.run([sys.executable, "-m", "annotator", *argv], capture_output=True,
                              text=True, cwd=ROOT, timeout=60)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not_project.read_text(encoding="utf-8") == "hello"


# -- a missing --db file: only import and create make one --------------------------------
def _inputs(folder: Path, project_path: Path) -> dict[str, str]:
    tags = folder / "tags.csv"
    tags.write_text("article_id,annotator,field,value\r\n", encoding="utf-8")
    registry = folder / "people.toml"
    registry.write_text("", encoding="utf-8")
    return {"TAGS": str(tags), "CODEBOOK": str(paths.default_codebook_path()),
            "REGISTRY": str(registry), "OTHER": str(project_path),
            "PNG": str(folder / "chart.png"), "HTML": str(folder / "report.html")}


MISSING_DB_COMMANDS = [
    ["--status"], ["list"], ["show", ARABIC_ID], ["search", "غزه"], ["codebook"],
    ["codebook", "--load", "CODEBOOK"], ["participants"], ["participants", "--add", "REGISTRY"],
    ["tag", ARABIC_ID, "stance", "neutral"], ["status", ARABIC_ID, "done"],
    ["import-tags", "TAGS"], ["merge", "OTHER"], ["review"], ["export"],
    ["export", "-o", "OUT"], ["agreement"], ["chart", "stance", "-o", "PNG"],
    ["report", "-o", "HTML"], ["check"], ["backup"], ["restore"],
]


@pytest.mark.parametrize("argv", MISSING_DB_COMMANDS, ids=lambda argv: " ".join(argv))
def test_a_missing_project_file_is_an_error_and_is_not_created(
        capsys, tmp_path: Path, project_path: Path, argv: list[str]) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    given = _inputs(inputs, project_path)
    given["OUT"] = str(inputs / "out.csv")
    work = tmp_path / "work"
    work.mkdir()
    typo = work / "projct.sqlite"
    code, out, err = run(capsys, *[given.get(a, a) for a in argv], "--db", str(typo))
    assert code == 1, err
    assert err.startswith(f"annotator: error: {typo}: no such project file"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert list(work.iterdir()) == []  # no project, no -wal/-shm, no backup folder
    assert not (inputs / "out.csv").exists()


def test_import_and_create_make_a_new_project(capsys, tmp_path: Path,
                                              project_path: Path) -> None:
    imported = tmp_path / "imported.sqlite"
    code, out, _ = run(capsys, "import", "--db", str(imported), str(paths.corpus_dir()))
    assert code == 0 and imported.exists()
    team = tmp_path / "team" / "team.sqlite"
    code, out, err = run(capsys, "create", "--db", str(team))
    assert code == 0 and team.exists() and "created" in out, err
    with open_project(team, create=False) as project:
        assert project.articles.count() == 0  # empty: no sample corpus at --db
    code, out, _ = run(capsys, "merge", "--db", str(team), str(project_path))
    assert code == 0
    with open_project(team, create=False) as project:
        assert project.articles.count() == len(SAMPLE_IDS)
    code, _, err = run(capsys, "create", "--db", str(team))
    assert code == 1 and "already exists" in err and err.count("\n") == 1
    code, _, err = run(capsys, "create")
    assert code == 1 and "--db" in err


def test_create_with_another_codebook(capsys, tmp_path: Path) -> None:
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    assert '\nrevision = "1"\n' in source
    changed = tmp_path / "book.toml"
    changed.write_text(source.replace('\nrevision = "1"\n', '\nrevision = "7b"\n'),
                       encoding="utf-8")
    db = tmp_path / "p.sqlite"
    code, out, err = run(capsys, "create", "--db", str(db), "--codebook", str(changed))
    assert code == 0 and "revision 7b" in out, err
    with open_project(db, create=False) as project:
        assert project.codebooks.active().revision == "7b"


def test_the_default_project_is_still_made_by_reading_commands(capsys) -> None:
    assert not paths.default_project_path().exists()
    code, out, _ = run(capsys, "codebook")
    assert code == 0 and paths.default_project_path().exists()


# -- the shared-location warning ----------------------------------------------------------
def test_writing_commands_warn_about_a_synced_folder(capsys, project_path: Path) -> None:
    (project_path.parent / ".stfolder").mkdir()  # as Syncthing marks the folder it syncs
    db = str(project_path)
    code, _, err = run(capsys, "tag", "--db", db, ARABIC_ID, "stance", "neutral")
    assert code == 0
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: warning: ")
    assert "Syncthing" in lines[0] and "only on a local disk" in lines[0]
    code, _, err = run(capsys, "status", "--db", db, ARABIC_ID, "done")
    assert code == 0 and err.count("annotator: warning: ") == 1
    code, out, err = run(capsys, "list", "--db", db, "--logical")
    assert code == 0 and out and err == ""  # reading: no warning
    code, _, err = run(capsys, "codebook", "--db", db)
    assert code == 0 and err == ""


def test_a_local_project_gets_no_warning(capsys, project_path: Path) -> None:
    code, _, err = run(capsys, "tag", "--db", str(project_path), ARABIC_ID, "stance",
                       "neutral")
    assert code == 0 and err == ""


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"annotator {command}" in readme, command
    assert "python3 -m pip install . && annotator" in readme
    assert "python3 -m pip install '.[test]' && python3 -m pytest" in readme


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "0", "1e3", "1000001"])
def test_search_limit_out_of_range_is_one_line(project_path: Path, capsys, limit: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(project_path), "search", "گفتگو", "--limit", limit])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert "Traceback" not in err and "--limit" in err and err.strip().count("\n") <= 5


def test_search_limit_in_range_works(project_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(project_path), "search", "تماس", "--limit",
                       "1_000_000", "--format", "json")
    assert code == 0 and json.loads(out)


@pytest.mark.parametrize("form", [["--note", "-2+3"], ["--note=-2+3"], ["--note", "--x y"]])
def test_tag_note_may_start_with_a_dash(project_path: Path, capsys, form: list[str]) -> None:
    code, _, err = run(capsys, "--db", str(project_path), "tag", SAMPLE_IDS[0], "demands",
                       "ceasefire", *form)
    assert code == 0, err
    with open_project(project_path) as project:
        notes = [t.note for t in project.tags.find(SAMPLE_IDS[0], "tester", "demands")]
    assert notes == [form[-1].removeprefix("--note=")]


def test_tag_value_starting_with_a_dash_goes_after_double_dash(project_path: Path,
                                                               capsys) -> None:
    code, _, err = run(capsys, "--db", str(project_path), "tag", "--note", "n", SAMPLE_IDS[0],
                       "note", "--", "-2+3")
    assert code == 0, err
    with open_project(project_path) as project:
        assert [t.value for t in project.tags.find(SAMPLE_IDS[0], "tester", "note")] == ["-2+3"]
    assert "--note=-2+3" in subprocess.run(
        [sys.executable, "-m", "annotator", "tag", "--help"], capture_output=True, text=True,
        cwd=ROOT).stdout


@pytest.mark.parametrize("name", ["two\nlines", "\u202eevil", "x" * 100_000, "nul\x01"])
def test_cli_annotator_name_is_checked(project_path: Path, capsys, name: str) -> None:
    code, _, err = run(capsys, "--db", str(project_path), "status", SAMPLE_IDS[0], "done",
                       "--annotator", name)
    assert code == 1 and err.startswith("annotator: error: the annotator's name")
    assert err.count("\n") == 1
    with open_project(project_path) as project:
        assert project.tags.annotators() == []


def _refuse_writing(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """SQLite's refusal in a read-only folder, simulated (root writes anywhere)."""
    import sqlite3

    real = sqlite3.connect

    def connect(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(database) == str(path):
            raise sqlite3.OperationalError("unable to open database file")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.parametrize("argv", [["list", "--logical"], ["show", SAMPLE_IDS[0]],
                                  ["search", "رئیسی"], ["check"], ["agreement"],
                                  ["review"], ["codebook"]])
def test_reading_commands_work_on_a_read_only_project(
        project_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    _refuse_writing(monkeypatch, project_path)
    code, out, err = run(capsys, "--db", str(project_path), *argv)
    assert code == 0, err
    assert err.count("annotator: read-only: changes are off") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [["status", SAMPLE_IDS[0], "done"],
                                  ["tag", SAMPLE_IDS[0], "stance", "neutral"],
                                  ["import", "corpus"]])
def test_writing_commands_on_a_read_only_project_fail_in_one_line(
        project_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    _refuse_writing(monkeypatch, project_path)
    code, _, err = run(capsys, "--db", str(project_path), *argv)
    assert code == 1
    assert err.startswith("annotator: error: ") and err.count("\n") == 1
    assert "read-only" in err
    monkeypatch.undo()
    with open_project(project_path) as project:
        assert project.tags.annotators() == []
