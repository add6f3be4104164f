"""Persian and Arabic before and around the window: what a first start and a slow job show.

The walk of :mod:`tests.gui.test_language_walk` covers the window and its dialogs; this one
covers what comes before the window or between its screens: the question before a missing
project file is made, the box for a refused name, the box when the file given is not a
project, the shared-folder notice, the read-only notice, the progress dialogs of an import
and a merge (with a count in the language's digits), and a merge that stops at values our
codebook does not know (the question, then the summary of a merge declined).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog

from annotator.core.errors import AnnotatorError
from annotator.core.names import name_problem, refused
from annotator.core.safety.location import SharedPlace
from annotator.core.store import open_project
from annotator.gui.app import create_window, show_start_error
from annotator.gui.main_window import MainWindow
from annotator.gui.opening import (
    _show_shared_notice,
    confirm_new_project,
    refuse_name,
    show_read_only,
)
from tests.gui.test_language_walk import COLLEAGUE, ME, Walk, _open_boxes, two_annotators

__all__ = ["two_annotators"]  # the fixture, shared with the window's walk

_DIGITS = {"fa": "۰۱۲۳۴۵۶۷۸۹", "ar": "٠١٢٣٤٥٦٧٨٩"}


def _unknown_stance(path: Path) -> None:
    """Give a colleague's file a stance value our codebook does not know (as a file coded
    with another codebook would have); the file is not open anywhere."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE tags SET value = 'made_up_stance' WHERE field = 'stance'")
    conn.close()


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_no_english_before_the_window_or_during_its_jobs(qtbot, monkeypatch, tmp_path: Path,
                                                         two_annotators, language: str) -> None:
    ours, theirs = two_annotators
    _unknown_stance(theirs)
    monkeypatch.setenv("ANNOTATOR_NAME", ME)
    window = create_window(str(ours), language, ME)  # installs the language
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    missing = tmp_path / "new-project.sqlite"
    not_project = tmp_path / "notes.sqlite"
    not_project.write_text("not a database", encoding="utf-8")
    walk = Walk({ME, COLLEAGUE, str(ours), str(theirs), str(tmp_path), "server:/share",
                 "nfs4", "made_up_stance", "<b>"})
    try:
        answers: list[bool] = []
        walk.modal(qtbot, "create a new project?",
                   lambda: answers.append(confirm_new_project(None, missing)))
        assert answers == [False] and not missing.exists()  # dismissed: nothing made

        walk.modal(qtbot, "refused name",
                   lambda: refuse_name(None, refused(name_problem("<b>\u202e") or "", "<b>")))

        with pytest.raises(AnnotatorError) as raised:
            open_project(not_project, create=False)
        walk.modal(qtbot, "not a project", lambda: show_start_error(raised.value))

        _show_shared_notice(window, SharedPlace("network", "nfs4", "server:/share"))
        notice = window.findChild(QMessageBox, "sharedLocationNotice")
        assert notice is not None and notice.isVisible()
        walk.check("shared-folder notice", notice)
        notice.close()

        show_read_only(window, True)
        label = window.statusBar().findChild(QLabel, "readOnlyNotice")
        assert label is not None and label.isVisible()
        walk.check("read-only notice", window.statusBar())
        show_read_only(window, False)

        # An import's progress, its count in the language's digits.
        folder = tmp_path / "more"
        folder.mkdir()
        (folder / "extra.txt").write_text("خبر\n\nمتن خبر درباره غزه.", encoding="utf-8")
        with qtbot.waitSignal(window.jobs.imported, timeout=20000):
            worker = window.jobs.start_import([str(folder)])
            progress = window.findChildren(QProgressDialog)[-1]
            worker.progressed.emit(1, 2, "extra.txt", 1234)
            walk.check("import progress", progress)
            digits = _DIGITS[language]
            assert f"{digits[1]}\u066c{digits[2]}{digits[3]}{digits[4]}" in \
                progress.labelText()
        for box in _open_boxes():
            box.close()

        # A merge that stops at a value our codebook does not know: the question, then
        # (declined) the summary saying nothing came from that file.
        with qtbot.waitSignal(window.merged, timeout=20000):
            window.jobs.start_merge([str(theirs)])
            merging = window.findChildren(QProgressDialog)[-1]
            walk.check("merge progress", merging)
        qtbot.waitUntil(lambda: bool(_open_boxes()))
        (question,) = _open_boxes()
        assert question.standardButtons() & QMessageBox.StandardButton.No
        walk.check("merge: unknown values", question)
        question.button(QMessageBox.StandardButton.No).click()
        qtbot.waitUntil(lambda: bool(_open_boxes()))
        for box in _open_boxes():
            walk.check("merge declined", box)
            box.close()
        with open_project(ours, create=False) as project:  # nothing of theirs came in
            assert COLLEAGUE not in project.tags.annotators()
    finally:
        for box in _open_boxes():
            box.close()
        window.close()
        window.session.project.close()
        QApplication.processEvents()
    assert walk.found == [], "\n".join(walk.found)
    assert len(walk.screens) >= 9
