"""Helpers for tests that run the real window and the command line as separate processes.

:class:`WindowProcess` starts :mod:`tests.live.window_driver` and talks to it;
:func:`cli` runs ``python -m annotator``; :class:`Ledger` remembers every write that a
process acknowledged, and :meth:`Ledger.missing` lists those the file does not hold.
"""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPLY_SECONDS = 60.0


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(ANNOTATOR_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("ANNOTATOR_DB", None)
    return env


class WindowProcess:
    """The annotation window in its own process, answering one line per command."""

    def __init__(self, db: Path, name: str, home: Path, lang: str = "en") -> None:
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.live.window_driver", "--db", str(db),
             "--name", name, "--lang", lang],
            cwd=ROOT, env=child_env(home), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        threading.Thread(target=self._pump_errors, daemon=True).start()
        self.backed_up = False
        self.killed = False
        self.expect("ready")

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def _pump_errors(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line.rstrip("\n"))

    def _next(self) -> str:
        while True:
            try:
                line = self._lines.get(timeout=REPLY_SECONDS)
            except queue.Empty:
                raise AssertionError(
                    f"{self.name}: no answer; stderr: {self.stderr[-5:]}") from None
            if line is None:
                raise AssertionError(f"{self.name}: the window process ended; "
                                     f"stderr: {self.stderr[-5:]}")
            if line == "backed-up":
                self.backed_up = True
                continue
            return line

    def expect(self, first_word: str) -> list[str]:
        line = self._next()
        words = line.split()
        if not words or words[0] != first_word:
            raise AssertionError(f"{self.name}: expected {first_word!r}, got {line!r}")
        return words

    def send(self, command: str) -> list[str]:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        if command.startswith("idle"):
            return self.expect("idle")
        if command == "quit":
            return self.expect("closed")
        return self.expect("ack")

    def wait_for_backup(self) -> None:
        """Idle until the window's backup on opening is done (past its start-up timers)."""
        while not self.backed_up:
            self.send("idle 200")

    def kill(self) -> None:
        self.killed = True  # before the signal: a thread waiting for an answer sees it
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``annotator ARGS`` in a process of its own."""
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=ROOT,
                          env=child_env(home), capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


@dataclass
class Ledger:
    """Every acknowledged write: the last value each process was told it saved."""

    stance: dict[tuple[str, str], str] = field(default_factory=dict)
    demands: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    statuses: dict[tuple[str, str], str] = field(default_factory=dict)
    decisions: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    acknowledged: int = 0

    def record(self, annotator: str, reply: list[str]) -> None:
        """Note a window's ``ack`` line."""
        _ack, kind, article, value = reply[:4]
        key = (article, annotator)
        if kind == "stance":
            self.stance[key] = value
        elif kind == "demand":
            self.demands[key] = set() if value == "-" else set(value.split(","))
        elif kind == "done":
            self.statuses[key] = value
        elif kind == "accept":
            self.decisions[key] = set() if value == "-" else set(value.split(","))
        self.acknowledged += 1

    def missing(self, db: Path) -> list[str]:
        """The acknowledged writes that ``db`` does not hold (after every writer ended)."""
        conn = sqlite3.connect(db)
        try:
            lost = []
            for (article, who), value in self.stance.items():
                held = [v for (v,) in conn.execute(
                    "SELECT value FROM tags WHERE article_id = ? AND annotator = ? "
                    "AND field = 'stance'", (article, who))]
                if held != [value]:
                    lost.append(f"stance {article} {who}: {value} acknowledged, {held} held")
            for (article, who), values in self.demands.items():
                held_set = {v for (v,) in conn.execute(
                    "SELECT value FROM tags WHERE article_id = ? AND annotator = ? "
                    "AND field = 'demands' AND value IS NOT NULL", (article, who))}
                if held_set != values:
                    lost.append(f"demands {article} {who}: {sorted(values)} acknowledged, "
                                f"{sorted(held_set)} held")
            for (article, who), status in self.statuses.items():
                row = conn.execute("SELECT status FROM article_status WHERE article_id = ? "
                                   "AND annotator = ?", (article, who)).fetchone()
                if row is None or row[0] != status:
                    lost.append(f"status {article} {who}: {status} acknowledged, {row} held")
            for (article, who), fields in self.decisions.items():
                decided = {f for (f,) in conn.execute(
                    "SELECT field FROM adjudications WHERE article_id = ? AND reviewer = ?",
                    (article, who))}
                if not fields <= decided:
                    lost.append(f"decisions {article} {who}: {sorted(fields)} acknowledged, "
                                f"{sorted(decided)} held")
            return lost
        finally:
            conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "; ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()
