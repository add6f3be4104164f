"""A working day on one project file: two windows and the command line, then a kill.

Each window runs in its own process (Qt offscreen), stays open past its start-up timers
(its backup on opening), and is driven by keystrokes.  Between its tags the command line
reads and writes the same file; then everything is killed with SIGKILL.  Every tag a
window acknowledged must be in the file, and the file must pass ``integrity_check``.
This failed before the backup stopped opening the live file with ``open()``: the
window's locks were dropped, another process removed the write-ahead log under it, and
its later tags went nowhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.store import open_project
from tests.conftest import SAMPLE_IDS
from tests.live.processes import Ledger, WindowProcess, cli, integrity


@pytest.fixture
def colleague_files(project_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A colleague's project (for merge) and a tag CSV exported from it (for import-tags)."""
    other = tmp_path / "colleague.sqlite"
    other.write_bytes(project_path.read_bytes())  # no process has either file open yet
    with open_project(other) as project:
        for number, article in enumerate(SAMPLE_IDS):
            project.tags.set_choice(article, "colleague", "stance",
                                    ("condemning", "neutral")[number % 2])
    sheet = tmp_path / "imported.csv"
    with open_project(other) as project:
        for article in SAMPLE_IDS:
            project.tags.set_choice(article, "importer", "stance", "neutral")
    return other, sheet


def test_two_windows_and_the_command_line_lose_nothing(
        project_path: Path, colleague_files: tuple[Path, Path], tmp_path: Path) -> None:
    home = tmp_path / "home"
    other, sheet = colleague_files
    db = str(project_path)
    exported = cli(home, "export", "--db", str(other), "--annotator", "importer",
                   "--format", "long", "-o", str(sheet))
    assert exported.returncode == 0, exported.stderr
    ledger = Ledger()
    windows = [WindowProcess(project_path, name, home) for name in ("win-a", "win-b")]
    try:
        for window in windows:
            window.wait_for_backup()  # past its start-up timers: the backup has run
        for window in windows:
            ledger.record(window.name, window.send(f"stance {SAMPLE_IDS[0]} 1"))
        # The command line reads and writes the same file meanwhile.
        for args in (("export", "--format", "long"), ("tag", SAMPLE_IDS[1], "stance",
                     "neutral", "--annotator", "cli"), ("import-tags", str(sheet)),
                     ("backup",), ("merge", str(other)), ("check",)):
            done = cli(home, *args, "--db", db)
            assert done.returncode == 0, (args, done.stderr)
        # The windows go on coding after every one of those.
        for step, article in enumerate(SAMPLE_IDS):
            for number, window in enumerate(windows):
                digit = str(1 + (step + number) % 5)
                ledger.record(window.name, window.send(f"stance {article} {digit}"))
                ledger.record(window.name, window.send(f"demand {article} {1 + step % 3}"))
        ledger.record(windows[0].name, windows[0].send(f"done {SAMPLE_IDS[2]}"))
        done = cli(home, "export", "--format", "wide", "--db", db)  # a mere read, again
        assert done.returncode == 0, done.stderr
        # The reviewer adjudicates in review mode while the command line looks at the file.
        for article in SAMPLE_IDS[:3]:
            decided = windows[0].send(f"accept {article} 1")
            assert decided[3] != "-", decided  # the annotators disagree there: decisions made
            ledger.record(windows[0].name, decided)
            done = cli(home, "export", "--adjudicated", "--db", db)
            assert done.returncode == 0, done.stderr
        for window in windows:
            ledger.record(window.name, window.send(f"stance {SAMPLE_IDS[3]} 4"))
    finally:
        for window in windows:
            window.kill()
    assert integrity(project_path) == "ok"
    assert ledger.acknowledged >= 25 and len(ledger.decisions) == 3
    assert ledger.missing(project_path) == []
    # What the command line wrote is there too.
    with open_project(project_path, create=False) as project:
        assert [t.value for t in project.tags.find(SAMPLE_IDS[1], "cli", "stance")] == ["neutral"]
        assert len(project.tags.find(None, "colleague", "stance")) == len(SAMPLE_IDS)
        assert len(project.tags.find(None, "importer", "stance")) == len(SAMPLE_IDS)
