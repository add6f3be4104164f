"""The bench's results: figures, the machine they were measured on, and their tables.

A :class:`Report` holds one :class:`Figure` per measurement with its baseline, target and
whether it was met; :func:`text_table` prints it for a terminal and :func:`markdown` for
the README.  :func:`machine` describes the computer, Python, SQLite and Qt versions.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.store.base import sqlite_version


@dataclass
class Figure:
    """One line of the results table."""

    key: str
    name: str
    unit: str
    value: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Report:
    articles: int
    runs: int
    machine: dict[str, str]
    started: str
    seconds: float = 0.0
    figures: list[Figure] = field(default_factory=list)
    corpus: str = "synthetic"

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def to_json(self) -> dict[str, Any]:
        return {"articles": self.articles, "corpus": self.corpus, "runs": self.runs,
                "machine": self.machine,
                "started": self.started, "seconds": round(self.seconds, 1),
                "figures": [asdict(f) for f in self.figures], "markdown": markdown(self)}


def machine() -> dict[str, str]:
    """CPU model, cores and the versions that decide the figures."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "cores": str(os.cpu_count() or "?"),
            "python": platform.python_version(), "sqlite": sqlite_version(),
            "pyside6": _version("PySide6-Essentials", "PySide6"),
            "system": platform.system(), "load": load_average(), "revision": _revision()}


def _revision() -> str:
    """The annotator version, and the commit when run from a git checkout."""
    from annotator import __version__

    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True,
                              text=True, timeout=10, cwd=Path(__file__).resolve().parents[2])
    except (OSError, subprocess.SubprocessError):
        return __version__
    described = done.stdout.strip() if done.returncode == 0 else ""
    return f"{__version__} ({described})" if described else __version__


def load_average() -> str:
    """The 1-minute load average: other work on the machine slows every figure."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def _version(*names: str) -> str:
    from importlib import metadata

    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` 0.95: the value 95 % of samples stay under)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return float(ordered[int(rank) - 1])


def _number(value: float | None) -> str:
    if value is None:
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def rows(report: Report) -> list[list[str]]:
    """The table: figure, value, baseline, ratio, target, met."""
    table = []
    for f in report.figures:
        met = "—" if f.met is None else ("yes" if f.met else "NO")
        table.append([
            f.name,
            f"{_number(f.value)} {f.unit}" if f.value is not None else "n/a",
            f"{_number(f.baseline)} {f.unit}" if f.baseline is not None else "",
            f"{f.ratio:.2f}x" if f.ratio is not None else "",
            f.target, met,
        ])
    return table


_CORPUS_TEXT = {
    "synthetic": "synthetic",
    "realistic": "realistic (Zipf vocabulary of 200,000+ word forms per language)",
}
_HEADER = ["figure", "value", "baseline", "ratio", "target", "met"]


def text_table(report: Report) -> str:
    table = [_HEADER, *rows(report)]
    widths = [max(len(row[i]) for row in table) for i in range(len(_HEADER))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
             for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(report: Report) -> str:
    m = report.machine
    lines = [
        f"Bench: {report.articles:,} {_CORPUS_TEXT.get(report.corpus, report.corpus)} "
        f"articles (~2,300 characters, Persian and "
        f"Arabic), medians of {report.runs} runs, {report.started}, annotator "
        f"{report.machine.get('revision', '?')}.",
        f"Machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}, SQLite {m['sqlite']}, "
        f"PySide6 {m['pyside6']} ({m['system']}); load average {m['load']} at the start, "
        f"{m.get('load_at_end', '?')} at the end; {report.seconds / 60:.0f} minutes in all.",
        "",
        "| " + " | ".join(_HEADER) + " |",
        "|" + "|".join(["---", "---:", "---:", "---:", "---", "---"]) + "|",
    ]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
              for row in rows(report)]
    notes = [f"- {f.name}: {f.note}" for f in report.figures if f.note]
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines) + "\n"
