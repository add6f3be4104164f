"""Soak: windows and command-line writers on one project file, killed at random.

Two window processes code by keyboard while a third thread runs the command line (tag,
import-tags, merge, backup, export, check, and a restore of another project) against the
same file; every few seconds a window or a command is killed with SIGKILL, and a killed
window is started again.  At the end every acknowledged write must be in the file and
the file must pass ``integrity_check`` and ``annotator check``.

The default run is short (``ANNOTATOR_SOAK_SECONDS``, 15 s) so that every test run has
it; ``ANNOTATOR_SOAK_SECONDS=60`` runs the minute the README reports, and
``ANNOTATOR_SOAK_REPORT=FILE`` writes its figures as JSON.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from annotator.core.store import open_project
from tests.conftest import SAMPLE_IDS
from tests.live.processes import ROOT, Ledger, WindowProcess, child_env, cli, integrity

SECONDS = float(os.environ.get("ANNOTATOR_SOAK_SECONDS", "15"))


@dataclass
class Figures:
    seconds: float = 0.0
    window_writes: int = 0
    window_starts: int = 0
    window_kills: int = 0
    kills_mid_write: int = 0
    commands_ok: int = 0
    commands_killed: int = 0
    commands_refused: int = 0
    cli_tags: int = 0
    lost: int = 0


class _Window:
    """One analyst's window: coding until the end, started again after each kill."""

    def __init__(self, slot: int, db: Path, home: Path, ledger: Ledger, figures: Figures,
                 lock: threading.Lock) -> None:
        self.slot, self.db, self.home = slot, db, home
        self.ledger, self.figures, self.lock = ledger, figures, lock
        self.process: WindowProcess | None = None
        self.uncertain: set[tuple[str, str, str]] = set()
        self.errors: list[str] = []

    def run(self, until: float, rng: random.Random) -> None:
        generation = 0
        while time.monotonic() < until:
            generation += 1
            name = f"win{self.slot}-{generation}"
            try:
                self.process = WindowProcess(self.db, name, self.home)
            except AssertionError:
                with self.lock:
                    self.figures.window_kills += 1  # killed while it started
                continue
            with self.lock:
                self.figures.window_starts += 1
            while time.monotonic() < until:
                article = rng.choice(SAMPLE_IDS)
                command = rng.choice((f"stance {article} {rng.randint(1, 5)}",
                                      f"demand {article} {rng.randint(1, 4)}",
                                      f"done {article}", "idle 300"))
                try:
                    reply = self.process.send(command)
                except AssertionError as exc:
                    if not self.process.killed:
                        self.errors.append(str(exc))  # alive but wrong: a real failure
                        return
                    if command.split()[0] in ("stance", "demand", "done"):
                        # Killed before it answered: that write may or may not be in.
                        kind = {"stance": "stance", "demand": "demand", "done": "done"}
                        self.uncertain.add((kind[command.split()[0]], article, name))
                        with self.lock:
                            self.figures.kills_mid_write += 1
                    break
                if reply[0] == "ack":
                    with self.lock:
                        self.ledger.record(name, reply)
                        self.figures.window_writes += 1
            self.process.kill()

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()


def _command_line(db: Path, home: Path, other: Path, sheet: Path, spare: Path,
                  until: float, rng: random.Random, figures: Figures, lock: threading.Lock,
                  acknowledged: list[tuple[str, str]], errors: list[str]) -> None:
    number = 0
    while time.monotonic() < until:
        number += 1
        article = rng.choice(SAMPLE_IDS)
        who = f"cli-{number}"
        args = rng.choice((
            ("tag", article, "stance", "neutral", "--annotator", who, "--db", str(db)),
            ("import-tags", str(sheet), "--db", str(db)),
            ("merge", str(other), "--db", str(db)),
            ("backup", "--db", str(db)),
            ("export", "--format", "long", "--db", str(db)),
            ("check", "--db", str(db)),
            ("restore", "1", "--yes", "--db", str(spare)),
        ))
        process = subprocess.Popen([sys.executable, "-m", "annotator", *args], cwd=ROOT,
                                   env=child_env(home), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        killed = rng.random() < 0.15
        try:
            if killed:
                time.sleep(rng.uniform(0.05, 0.6))
                process.send_signal(signal.SIGKILL)
            _out, err = process.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            errors.append(f"{args[0]} hung")
            return
        with lock:
            if process.returncode == -signal.SIGKILL:
                figures.commands_killed += 1
            elif process.returncode == 0:
                figures.commands_ok += 1
                if args[0] == "tag":
                    acknowledged.append((article, who))
                    figures.cli_tags += 1
            elif "busy" in err or "open in another window" in err:
                figures.commands_refused += 1  # a clear refusal, nothing changed
            else:
                errors.append(f"{' '.join(args[:2])}: exit {process.returncode}: {err.strip()}")


def test_windows_and_commands_killed_at_random_lose_nothing(
        project_path: Path, tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("ANNOTATOR_SOAK_SEED", "14")))
    home = tmp_path / "home"
    other = tmp_path / "colleague.sqlite"
    other.write_bytes(project_path.read_bytes())
    spare = tmp_path / "spare.sqlite"
    spare.write_bytes(project_path.read_bytes())
    with open_project(other) as colleague:
        for article in SAMPLE_IDS:
            colleague.tags.set_choice(article, "colleague", "stance", "neutral")
            colleague.tags.set_choice(article, "importer", "stance", "condemning")
    sheet = tmp_path / "sheet.csv"
    for args in (("export", "--db", str(other), "--annotator", "importer", "--format",
                  "long", "-o", str(sheet)), ("backup", "--db", str(spare))):
        done = cli(home, *args)
        assert done.returncode == 0, done.stderr
    ledger, figures, lock = Ledger(), Figures(), threading.Lock()
    started = time.monotonic()
    until = started + SECONDS
    windows = [_Window(slot, project_path, home, ledger, figures, lock) for slot in (0, 1)]
    acknowledged: list[tuple[str, str]] = []
    errors: list[str] = []
    threads = [threading.Thread(target=w.run, args=(until, random.Random(rng.random())))
               for w in windows]
    threads.append(threading.Thread(target=_command_line, args=(
        project_path, home, other, sheet, spare, until, random.Random(rng.random()),
        figures, lock, acknowledged, errors)))
    for thread in threads:
        thread.start()
    try:
        while time.monotonic() < until:
            time.sleep(rng.uniform(1.0, 4.0))
            victim = rng.choice(windows)
            victim.kill()
            with lock:
                figures.window_kills += 1
    finally:
        for thread in threads:
            thread.join(timeout=180)
        for window in windows:
            window.kill()
    figures.seconds = round(time.monotonic() - started, 1)
    for window in windows:
        errors.extend(window.errors)
        for kind, article, name in window.uncertain:
            key = (article, name)
            {"stance": ledger.stance, "demand": ledger.demands,
             "done": ledger.statuses}[kind].pop(key, None)
    lost = ledger.missing(project_path)
    with open_project(project_path, create=False) as project:
        for article, who in acknowledged:
            if [t.value for t in project.tags.find(article, who, "stance")] != ["neutral"]:
                lost.append(f"cli tag {article} {who}")
    figures.lost = len(lost)
    report = os.environ.get("ANNOTATOR_SOAK_REPORT")
    if report:
        Path(report).write_text(json.dumps(asdict(figures), indent=2), encoding="utf-8")
    print(json.dumps(asdict(figures)))
    assert not errors, errors[:5]
    assert integrity(project_path) == "ok"
    assert lost == [], lost[:10]
    checked = cli(home, "check", "--db", str(project_path))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert figures.window_writes >= 10 and figures.commands_ok >= 3, figures
