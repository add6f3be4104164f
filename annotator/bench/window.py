"""The window, timed in its own process: ``python -m annotator.bench.window PROJECT``.

The bench starts this module in a child process so that the cold start is real (a new
interpreter importing PySide6 and the app).  It runs the app's own start-up
(:func:`annotator.gui.app.run`) on PROJECT; when the reader has painted the first
article it notes the time, then switches to the articles listed in ``--ids`` one by
one (:meth:`MainWindow.open_article` and the events it queues: text, tags, form,
highlights, list), then prints one JSON line: when the first article was painted
(``time.time()``, to compare with the parent's clock before it started this process),
each switch in milliseconds, the same articles shown in a bare text widget
(:func:`bare_reader`, the switching baseline), and the peak resident memory
(:func:`peak_rss_kb`).
``--profile FILE`` writes a cProfile of the whole child.

:data:`EMPTY_WINDOW` is the baseline: Python and PySide6 to an empty shown QMainWindow.
"""

from __future__ import annotations

import time

STARTED = time.time()  # before the imports below: they are part of the cold start

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import Any  # noqa: E402

EMPTY_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1360, 820)
window.show()
app.processEvents()
print(time.time(), flush=True)
"""

_TIMEOUT_S = 120.0


def peak_rss_kb() -> int:
    """This process's peak resident memory in KiB.

    On Linux, ``VmHWM`` of ``/proc/self/status``: ``ru_maxrss`` there also counts the
    memory of the parent that started this process (its peak survives ``exec``), which
    made a bench parent holding 100,000 articles look like a 3 GB window.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def bare_reader(main: Any, ids: list[str]) -> list[float]:
    """The switching baseline: a bare QTextBrowser as large as the reader, in its font,
    shown on its own, given each article's body (one plain read of the project) and
    painted, in milliseconds per article: what showing the text costs at the least."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTextBrowser

    app = QApplication.instance()
    assert app is not None
    reader = main.reader.browser
    bare = QTextBrowser()
    bare.setFont(reader.font())
    bare.resize(reader.size())
    bare.show()
    app.processEvents()
    articles = main.session.project.articles
    timed: list[float] = []
    for article_id in ids:
        start = time.perf_counter()
        body = articles.body(article_id)
        option = bare.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        bare.document().setDefaultTextOption(option)
        bare.setPlainText(body)
        app.processEvents()
        timed.append((time.perf_counter() - start) * 1000)
    bare.close()
    return timed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench.window")
    parser.add_argument("project")
    parser.add_argument("--annotator", default="coder1")
    parser.add_argument("--lang", default="fa")
    parser.add_argument("--ids", metavar="FILE", help="JSON list of article ids to switch to")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the child")
    args = parser.parse_args(argv)
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        try:
            return _run(args)
        finally:
            profiler.disable()
            profiler.dump_stats(args.profile)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.gui.app import prepare_environment, run
    from annotator.gui.main_window import MainWindow

    ids: list[str] = []
    if args.ids:
        with open(args.ids, encoding="utf-8") as handle:
            ids = list(json.load(handle))
    report: dict[str, object] = {"started_at": STARTED}

    class FirstPaint(QObject):
        """Notices the first paint of the reader's text, then lets the timed part run."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            owner = watched.parent() if event.type() == QEvent.Type.Paint else None
            if not self.seen and owner is not None and owner.objectName() == "readerText":
                self.seen = True
                report["paint_event_at"] = time.time()
                # Runs once this paint (and the events queued with it) is done.
                QTimer.singleShot(0, after_first_paint)
            return False

    def window() -> MainWindow:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not found:
            raise RuntimeError("the main window did not open")
        return found[0]

    def after_first_paint() -> None:
        report["painted_at"] = time.time()
        deadline.stop()
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(watcher)
        main = window()
        report["first_article"] = main.current
        report["window"] = f"{main.width()}x{main.height()}"
        # The backup on opening (started 2 s after the window) copies the whole project in
        # the background; switching is timed once it is over, and its length reported.
        began = time.perf_counter()
        if main.projects.backup_worker is None:
            main.projects.first_backup()
        if main.projects.backup_worker is not None:
            main.projects.backup_worker.wait()
        app.processEvents()
        report["backup_s"] = time.perf_counter() - began
        switches: list[float] = []
        for article_id in ids:
            start = time.perf_counter()
            main.open_article(article_id)
            app.processEvents()
            switches.append((time.perf_counter() - start) * 1000)
            if main.current != article_id:
                report["error"] = f"switching to {article_id} failed"
                break
        report["switch_ms"] = switches
        # The everyday case: the next article in the list (what Alt+Left/Right does).
        steps: list[float] = []
        if ids:
            main.open_article(ids[0])
            app.processEvents()
            for _ in range(len(ids)):
                start = time.perf_counter()
                main.step(1)
                app.processEvents()
                steps.append((time.perf_counter() - start) * 1000)
        report["next_ms"] = steps
        report["bare_ms"] = bare_reader(main, ids)
        report["maxrss_kb"] = peak_rss_kb()
        main.close()
        app.quit()

    def give_up() -> None:
        report["error"] = f"no article painted within {_TIMEOUT_S:.0f} s"
        app = QApplication.instance()
        if app is not None:
            app.quit()

    prepare_environment()  # as the app's own start does, before the application exists
    app = QApplication(sys.argv[:1])
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(give_up)
    deadline.start(int(_TIMEOUT_S * 1000))
    code = run(args.project, args.lang, args.annotator)
    report["exit_code"] = code
    print(json.dumps(report), flush=True)
    return 0 if code == 0 and "error" not in report else 1


if __name__ == "__main__":
    raise SystemExit(main())
