"""Starting annotator outside a source tree: the one-line error instead of Qt's abort when
the X11 plugin lacks libxcb-cursor, ``annotator FILE`` from a launcher, resources found in
a bundle's folder, and a bundle starting itself as the import's reader process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import commands
from annotator.core import display, paths
from annotator.core.intake import prepare

ROOT = Path(__file__).resolve().parents[2]


# -- libxcb-cursor ----------------------------------------------------------------------
def _on_x11_without(library: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``annotator ARGS`` on an X11 display where ``library`` stands for libxcb-cursor.

    The display does not exist either: if the check let Qt start, Qt would abort."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "ANNOTATOR_DB")}
    env.update(DISPLAY=":87", XDG_SESSION_TYPE="x11", ANNOTATOR_HOME=str(home), HOME=str(home))
    code = ("import sys; import annotator.core.display as d\n"
            f"d.XCB_CURSOR = {library!r}\n"
            "from annotator.cli.commands import main; raise SystemExit(main(sys.argv[1:]))")
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, timeout=120, cwd=home)


def test_missing_xcb_cursor_is_one_line_not_an_abort(tmp_path: Path) -> None:
    done = _on_x11_without("libannotator-test-absent.so.0", tmp_path, "--annotator", "Sara")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "annotator: error: the window cannot open: Qt's X11 plugin needs the system library "
        "libannotator-test-absent.so.0; install it (Debian and Ubuntu: libxcb-cursor0, "
        "Fedora: xcb-util-cursor) or start with QT_QPA_PLATFORM=wayland\n")


def test_missing_xcb_cursor_in_persian(tmp_path: Path) -> None:
    done = _on_x11_without("libannotator-test-absent.so.0", tmp_path, "--lang", "fa")
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1
    assert "پنجره باز نمی‌شود" in done.stderr and "libxcb-cursor0" in done.stderr


def test_the_self_check_fails_on_it_too(tmp_path: Path) -> None:
    done = _on_x11_without("libannotator-test-absent.so.0", tmp_path, "--self-check")
    assert done.returncode == 1
    assert done.stderr.startswith("annotator: error: the window cannot open")
    assert len(done.stderr.splitlines()) == 1


def test_a_library_that_loads_is_found() -> None:
    assert display.can_load("libc.so.6")
    assert not display.can_load("libannotator-test-absent.so.0")


@pytest.mark.parametrize(("env", "uses"), [
    ({"DISPLAY": ":0"}, True),
    ({}, False),  # no display at all: the window does not start
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb"}, True),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"}, True),
])
def test_when_qt_would_use_x11(env: dict[str, str], uses: bool) -> None:
    assert display.uses_xcb(env, "linux") is uses
    assert display.uses_xcb(env, "win32") is False


def test_no_message_when_the_library_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display, "XCB_CURSOR", "libc.so.6")
    assert display.missing_window_library({"DISPLAY": ":0"}) is None
    monkeypatch.setattr(display, "XCB_CURSOR", "libannotator-test-absent.so.0")
    assert display.missing_window_library({"DISPLAY": ":0"}) is not None
    assert display.missing_window_library({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) \
        is None


# -- annotator FILE ---------------------------------------------------------------------
def test_a_file_given_alone_opens_the_window_on_it(project_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[object, ...]] = []
    monkeypatch.setattr("annotator.gui.app.run", lambda *args: opened.append(args) or 0)
    monkeypatch.setattr(display, "missing_window_library", lambda environ=None: None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # a display: the window would open
    assert commands.main([str(project_path)]) == 0
    assert commands.main(["--lang", "fa", str(project_path), "--annotator", "Sara"]) == 0
    assert opened == [(str(project_path), None, None), (str(project_path), "fa", "Sara")]


def test_a_file_given_alone_without_a_display(project_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ANNOTATOR_DB")}
    done = subprocess.run([sys.executable, "-m", "annotator", str(project_path), "--status"],
                          env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"project {project_path}" in done.stdout
    assert "5 articles" in done.stdout


def test_a_command_name_stays_a_command(project_path: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "list").write_text("a file named like a command")
    assert commands.main(["--db", str(project_path), "list", "--logical"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5


@pytest.mark.parametrize("argv", [
    ["nowhere.annotator"],  # not a file: argparse's own error
    ["--db", "a.annotator", "b.annotator"],  # --db already given
])
def test_what_is_not_rewritten(argv: list[str], tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.annotator").write_text("")
    assert commands._file_to_open(argv) == argv


def test_option_values_are_not_taken_for_the_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Sara").write_text("")
    (tmp_path / "p.annotator").write_text("")
    assert commands._file_to_open(["--annotator", "Sara", "p.annotator"]) == \
        ["--annotator", "Sara", "--db", "p.annotator"]
    assert commands._file_to_open(["--annotator", "Sara"]) == ["--annotator", "Sara"]


# -- a bundle ---------------------------------------------------------------------------
def test_resources_are_found_in_a_bundle(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "annotator" / "resources"
    assert paths.corpus_dir() == tmp_path / "annotator" / "corpus"
    assert paths.default_codebook_path() == tmp_path / "annotator" / "resources" / \
        "codebook.toml"


def test_a_bundle_starts_itself_as_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert prepare.python_child("print(1)", "x") == \
        [sys.executable, prepare.BUNDLED_CHILD, "print(1)", "x"]


def test_the_bundles_entry_runs_the_readers_code(tmp_path: Path) -> None:
    """packaging/launch.py, as the bundle starts it for the reader: the code runs with the
    arguments after it, and nothing of the command line is parsed."""
    code = "import json, sys; print(json.dumps(sys.argv[1:]))"
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "launch.py"),
                           prepare.BUNDLED_CHILD, code, "--db", "x"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["--db", "x"]
