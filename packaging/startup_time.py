"""Time from starting annotator to its window shown on a real X server.

Run under an X server with ``xdotool`` installed (Debian: xdotool).  Xvfb will do, started
with ``-noreset``: an X server resets when its last client leaves, and an app that connects
meanwhile is refused (Qt then aborts), which happens between two runs here::

    Xvfb :55 -screen 0 1400x900x24 -noreset &
    export DISPLAY=:55

    python packaging/startup_time.py --runs 5 annotator               # the installed package
    python packaging/startup_time.py --runs 5 dist/annotator/annotator  # the bundle

Each run starts the command on the default project of a temporary data folder (made with
the sample corpus by a first, untimed run) and stops the clock when X11 reports the main
window mapped and visible (``xdotool search --onlyvisible``, asked every 30 ms), then
closes the app.
The first timed run is the coldest this machine allows without dropping the file cache;
the median of all runs is printed beside it.  ``--evict PATH...`` makes every run cold for
those files: before each run ``vmtouch -e`` (Debian: vmtouch) drops them from the page cache
(only them: the system's other files, and other people's, stay cached), so that the app is
read from disk as after a reboot.  Give the app's own files: the bundle's folder, or the
Python installation, virtual environment and source tree of an installed package.  The
README's start-up figures come from here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TITLE = "— annotator$"  # the main window's title ends so (annotator/gui/main_window.py)


def shown_after(command: list[str], env: dict[str, str], timeout: float = 60,
                evict: list[str] | None = None) -> float:
    if evict:
        subprocess.run(["vmtouch", "-q", "-e", *evict], check=True)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        app = subprocess.Popen([*command, "--annotator", "analyst"], env=env,
                               stdout=subprocess.DEVNULL, stderr=errors)
        try:
            # Asked every 30 ms: xdotool's own --sync waits half a second between its looks.
            while time.perf_counter() - started < timeout:
                found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       env=env)
                if found.returncode == 0:
                    return time.perf_counter() - started
                if app.poll() is not None:
                    errors.seek(0)
                    said = errors.read().decode("utf-8", "replace").strip().splitlines()[:3]
                    raise SystemExit(f"startup_time.py: the app exited with {app.returncode}: "
                                     + " | ".join(said))
                time.sleep(0.03)
            raise SystemExit(f"startup_time.py: no window after {timeout} s")
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--evict", nargs="+", metavar="PATH", default=[],
                        help="drop these files and folders from the page cache before each "
                             "run (vmtouch): cold starts")
    parser.add_argument("command", nargs="+", help="the annotator command to start")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") or shutil.which("xdotool") is None:
        print("startup_time.py: needs an X display (DISPLAY) and xdotool", file=sys.stderr)
        return 1
    if args.evict and shutil.which("vmtouch") is None:
        print("startup_time.py: --evict needs vmtouch", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ANNOTATOR_HOME": home}
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("ANNOTATOR_DB", None)
        shown_after(args.command, env)  # makes the default project with the sample corpus
        times = [shown_after(args.command, env, evict=args.evict) for _ in range(args.runs)]
    cold = " (files evicted before each run)" if args.evict else ""
    print(f"{' '.join(args.command)}{cold}: window shown after {times[0]:.2f} s (first run), "
          f"median {statistics.median(times):.2f} s of {len(times)} "
          f"({', '.join(f'{t:.2f}' for t in times)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
