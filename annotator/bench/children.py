"""The bench's window children: new interpreters that time the window, started and read.

Each runs isolated (nothing in its working folder is imported) in the bench's folder,
where :func:`offscreen_screen` describes the screen Qt's offscreen platform gives it.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError

CHILD_TIMEOUT_S = 600
SCREEN_SIZE = "1920x1080"  # the window children's screen (offscreen_screen)


def offscreen_screen(folder: Path) -> str:
    """The offscreen platform with a screen of :data:`SCREEN_SIZE`, described in
    ``folder``/screen.json (the child runs in ``folder``: a platform argument cannot hold
    a Windows drive's colon).  Without it the offscreen screen is 800x800 and the window
    opens at 784x756 instead of its default 1360x820, the size an analyst's first start
    gets on a common 1920x1080 monitor."""
    width, height = (int(side) for side in SCREEN_SIZE.split("x"))
    (folder / "screen.json").write_text(json.dumps({"screens": [{
        "name": "bench", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return "offscreen:configfile=screen.json"


def empty_window(env: dict[str, str], folder: Path) -> float:
    """The cold start's baseline: seconds from here to an empty QMainWindow shown by a
    new interpreter running in ``folder``."""
    from annotator.bench.window import EMPTY_WINDOW
    from annotator.core.intake.prepare import python_child

    started = time.time()
    done = subprocess.run(python_child(EMPTY_WINDOW), env=env, capture_output=True,
                          text=True, timeout=CHILD_TIMEOUT_S, cwd=folder)
    if done.returncode != 0:
        raise AnnotatorError(f"empty window baseline failed: {done.stderr.strip()[-800:]}")
    return float(done.stdout.strip().splitlines()[-1]) - started


def window_child(project: Path, ids_file: Path, env: dict[str, str], folder: Path,
                 annotator: str) -> tuple[float, dict[str, Any]]:
    """The app's window on ``project`` in a new interpreter running in ``folder``
    (:mod:`annotator.bench.window`): when it started, and what it reported."""
    from annotator.core.intake.prepare import python_child

    command = python_child(  # isolated: nothing in the working folder runs
        "import runpy; runpy.run_module('annotator.bench.window', run_name='__main__', "
        "alter_sys=True)", str(project), "--ids", str(ids_file), "--annotator", annotator)
    started = time.time()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=folder)
    try:
        out, err = child.communicate(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise AnnotatorError("the window child did not finish in time") from None
    lines = [line for line in out.splitlines() if line.startswith("{")]
    report: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    if child.returncode != 0 or "painted_at" not in report or "error" in report:
        reason = report.get("error") or err.strip()[-800:] or f"exit {child.returncode}"
        raise AnnotatorError(f"the window child failed: {reason}")
    return started, report
