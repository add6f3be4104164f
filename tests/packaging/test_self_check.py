"""``annotator --self-check`` on the installed package: headless, in its own process, away
from the user's data; a failure is one line and exit status 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.selfcheck import SelfCheckFailed, self_check

ROOT = Path(__file__).resolve().parents[2]


def _environment(home: Path) -> dict[str, str]:
    """No display, a fresh home and data folder: what a new machine without X11 has."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ANNOTATOR_DB")}
    env.update(HOME=str(home), ANNOTATOR_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "share"))
    return env


def _run(args: list[str], home: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *args] if code else \
        [sys.executable, "-m", "annotator", *args]
    return subprocess.run(command, env=_environment(home), capture_output=True, text=True,
                          timeout=120, cwd=home)


def test_self_check_passes_headless_and_leaves_no_trace(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = _run(["--self-check"], home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ok: bundled files: codebook gaza-diplomacy")
    assert "ok: importing the sample corpus: 5 articles imported" in lines[1]
    assert "ok: writing and reading tags: 4 tags written and read back" in lines
    assert "ok: exporting: 4 rows exported and read back" in lines
    assert any(line.startswith("ok: drawing a chart: saved as .png, .svg, .pdf") for line in lines)
    assert any(line.startswith("ok: the window: shown offscreen in Persian (translations "
                               "annotator_fa, qtbase_fa") for line in lines)
    assert lines[-1].startswith("self-check passed in ")
    assert done.stderr == ""
    # Neither the data folder (default project, settings) nor anything else in the home but
    # matplotlib's font cache, which charts in the window make too.
    left = {str(p.relative_to(home)) for p in home.rglob("*")}
    assert {p for p in left if "matplotlib" not in p} <= {".cache", "config"}


def test_self_check_speaks_persian(tmp_path: Path) -> None:
    done = _run(["--lang", "fa", "--self-check"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "خودآزمایی در" in done.stdout.splitlines()[-1]
    assert "وارد کردن پیکرهٔ نمونه" in done.stdout


def test_a_failing_step_is_one_line_and_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "no-corpus"
    empty.mkdir()
    code = ("import sys; from pathlib import Path; import annotator.core.paths as p\n"
            f"p.corpus_dir = lambda: Path({str(empty)!r})\n"
            "from annotator.cli.commands import main; raise SystemExit(main(sys.argv[1:]))")
    done = _run(["--self-check"], tmp_path, code)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (f"annotator: error: self-check failed at bundled files: no sample "
                           f"articles in {empty}\n")


def test_an_unexpected_error_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("first line\nsecond line\ndisk on fire")

    monkeypatch.setattr("annotator.core.selfcheck.export_to_file", broken)
    seen: list[str] = []
    with pytest.raises(SelfCheckFailed) as caught:
        self_check(seen.append)
    assert str(caught.value) == "self-check failed at exporting: OSError: disk on fire"
    assert [line.split(":")[1].strip() for line in seen] == [
        "bundled files", "importing the sample corpus", "writing and reading tags"]


def test_the_user_data_folder_is_not_used(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("ANNOTATOR_HOME", str(data))
    seconds = self_check(lambda line: None)
    assert seconds > 0
    assert not data.exists() and not paths.default_project_path().exists()
