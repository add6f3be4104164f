"""The real annotation window in a process of its own, driven by lines on stdin.

Tests start it with ``python -m tests.live.window_driver --db FILE --name NAME`` (Qt
offscreen) and talk to it line by line; it answers on stdout, one line each:

- ``ready`` once the window is shown; ``backed-up`` once its backup on opening is done;
- ``stance ARTICLE DIGIT``: open the article, press the digit in the reader as an analyst
  does; answers ``ack stance ARTICLE VALUE`` with the value the window then shows (read
  back through the session, so an acknowledged tag is one the window says it saved);
- ``demand ARTICLE N``: Ctrl+N toggles the N-th demand; ``ack demand ARTICLE V1,V2``;
- ``done ARTICLE``: Ctrl+Enter (done and next); ``ack done ARTICLE STATUS``;
- ``accept ARTICLE N``: review mode, Ctrl+Shift+N accepts annotator N's values where
  the annotators disagree, back to coding; ``ack accept ARTICLE FIELD,FIELD`` (its decisions);
- ``idle MS``: let the event loop (and every timer) run for MS milliseconds; ``idle``;
- ``quit``: close the window as the user does; ``closed``.

Errors come back as ``error ...``.  The test kills the process with SIGKILL whenever it
likes: what was acknowledged must be in the file afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.gui.app import create_window, prepare_environment  # noqa: E402

_DIGITS = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)}


class _Lines(QObject):
    """Carries stdin lines from a reading thread into the Qt thread."""

    line = Signal(str)


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    prepare_environment()
    app = QApplication(sys.argv[:1])
    window = create_window(args.db, args.lang, args.name)
    assert window is not None
    window.show()
    window.activateWindow()

    def browser():  # type: ignore[no-untyped-def]
        widget = window.reader.browser
        widget.setFocus()
        return widget

    def view(article: str):  # type: ignore[no-untyped-def]
        return window.session.view(article)

    def run(line: str) -> None:
        words = line.split()
        if not words:
            return
        try:
            if words[0] == "stance":
                window.open_article(words[1])
                QTest.keyClick(browser(), _DIGITS[words[2]])
                value = view(words[1]).values("stance")
                _say(f"ack stance {words[1]} {value[0] if value else '-'}")
            elif words[0] == "demand":
                window.open_article(words[1])
                QTest.keyClick(browser(), _DIGITS[words[2]],
                               Qt.KeyboardModifier.ControlModifier)
                values = sorted(str(v) for v in view(words[1]).values("demands"))
                _say(f"ack demand {words[1]} {','.join(values) or '-'}")
            elif words[0] == "done":
                window.open_article(words[1])
                QTest.keyClick(browser(), Qt.Key.Key_Return,
                               Qt.KeyboardModifier.ControlModifier)
                _say(f"ack done {words[1]} {view(words[1]).status}")
            elif words[0] == "accept":
                # Review mode (Ctrl+R), the article, then Ctrl+Shift+N: annotator N's values
                # become the adjudicated ones for every field where the annotators disagree.
                if window.review is None or window.stack.currentWidget() is not window.review:
                    QTest.keyClick(browser(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
                review = window.review
                assert review is not None and window.stack.currentWidget() is review
                review.open_article(words[1])
                review.setFocus()
                QTest.keyClick(review, _DIGITS[words[2]], Qt.KeyboardModifier.ControlModifier
                               | Qt.KeyboardModifier.ShiftModifier)
                adjudications = window.session.project.review.adjudications(words[1])
                fields = sorted(a.field for a in adjudications
                                if a.reviewer == window.session.annotator)
                QTest.keyClick(review, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
                _say(f"ack accept {words[1]} {','.join(fields) or '-'}")
            elif words[0] == "idle":
                QTimer.singleShot(int(words[1]), lambda: _say("idle"))
            elif words[0] == "quit":
                window.close()
                _say("closed")
                app.quit()
            else:
                _say(f"error unknown command {words[0]}")
        except Exception as exc:  # the test reads it; a dead driver would only hang it
            _say(f"error {type(exc).__name__}: {exc}")

    lines = _Lines()
    lines.line.connect(run, Qt.ConnectionType.QueuedConnection)

    def read() -> None:
        for text in sys.stdin:
            lines.line.emit(text)
        lines.line.emit("quit")

    threading.Thread(target=read, daemon=True).start()

    def watch_backup() -> None:
        worker = window.projects.backup_worker
        if worker is not None and worker.isFinished():
            _say("backed-up")
        else:
            QTimer.singleShot(50, watch_backup)

    QTimer.singleShot(0, lambda: _say("ready"))
    QTimer.singleShot(0, watch_backup)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
