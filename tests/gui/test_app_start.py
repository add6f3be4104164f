"""Starting the window on a given project: a missing file is made only when the user says
so, and a project in a synced folder or on a network share gets a non-blocking warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.safety.location import SharedPlace
from annotator.gui import app as start
from annotator.gui.app import create_window
from annotator.gui.opening import shared_notice_text

ROOT = Path(__file__).resolve().parents[2]


def _click_in_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Answer the real question box when it appears, as a user would click."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _click_in_question(button, seen))
        return
    seen.append(box.text())
    box.button(button).click()


def test_no_to_the_question_creates_nothing(qtbot, tmp_path: Path) -> None:
    new = tmp_path / "typo" / "projct.sqlite"
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _click_in_question(QMessageBox.StandardButton.No, seen))
    assert create_window(str(new), "en", "Sara") is None
    # The path set apart from the sentence (it keeps its direction in a Persian one).
    assert seen == [f"\u2068{new}\u2069 does not exist. Create a new project there?"]
    assert not new.exists() and not new.parent.exists()


def test_yes_to_the_question_creates_the_project(qtbot, tmp_path: Path) -> None:
    new = tmp_path / "fresh.sqlite"
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _click_in_question(QMessageBox.StandardButton.Yes, seen))
    window = create_window(str(new), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    assert len(seen) == 1 and new.exists()
    assert window.session.project.articles.count() == 0


def test_an_existing_project_opens_without_a_question(qtbot, project_path: Path,
                                                      monkeypatch) -> None:
    def never(*args: object) -> None:
        raise AssertionError("asked about an existing project")

    monkeypatch.setattr(QMessageBox, "question", never)
    window = create_window(str(project_path), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.project.articles.count() == 5


def test_the_app_exits_0_without_creating_when_the_user_says_no(tmp_path: Path,
                                                                monkeypatch) -> None:
    new = tmp_path / "projct.sqlite"
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "1")  # run() sets it; undone after the test
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.No)
    assert start.run(str(new), "en", "Sara") == 0
    assert not new.exists()


def test_status_on_a_missing_project_does_not_create_it(tmp_path: Path) -> None:
    new = tmp_path / "projct.sqlite"
    done = subprocess.run([sys.executable, "-m", "annotator", "--status", "--db", str(new)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1
    assert done.stderr == f"annotator: error: {new}: no such project file\n"
    assert not new.exists()


def test_a_synced_folder_gets_one_non_modal_warning(qtbot, project_path: Path) -> None:
    (project_path.parent / ".stfolder").mkdir()  # Syncthing's marker
    window = create_window(str(project_path), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox, "sharedLocationNotice")))
    notices = window.findChildren(QMessageBox, "sharedLocationNotice")
    assert len(notices) == 1
    notice = notices[0]
    assert notice.isVisible() and not notice.isModal()
    assert "Syncthing" in notice.text() and "local disk" in notice.informativeText()
    assert QApplication.activeModalWidget() is None  # the window stays usable
    notice.button(QMessageBox.StandardButton.Ok).click()


def test_a_local_project_gets_no_warning(qtbot, project_path: Path) -> None:
    window = create_window(str(project_path), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    assert window.findChildren(QMessageBox, "sharedLocationNotice") == []


@pytest.mark.parametrize(("place", "words"), [
    (SharedPlace("network", "nfs4", "/srv/team"), ["network file system", "nfs4", "/srv/team"]),
    (SharedPlace("synced", "Dropbox", "/home/ana/Dropbox"), ["synced by \u2068Dropbox\u2069"]),
])
def test_notice_text(qapp, place: SharedPlace, words: list[str]) -> None:
    text, detail = shared_notice_text(place)
    assert all(word in text for word in words)
    assert "only on a local disk" in detail and "merge" in detail


def test_file_open_warns_about_a_synced_folder_as_starting_does(
        qtbot, project_path: Path, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = create_window(str(project_path), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    assert window.findChildren(QMessageBox, "sharedLocationNotice") == []
    synced = tmp_path / "Sync"
    synced.mkdir()
    (synced / ".stfolder").mkdir()  # Syncthing's marker
    shared = synced / "shared.sqlite"
    shared.write_bytes(project_path.read_bytes())
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(shared), ""))
    window.projects.open_project_dialog()
    assert window.session.project.path == shared
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox, "sharedLocationNotice")))
    [notice] = window.findChildren(QMessageBox, "sharedLocationNotice")
    assert "Syncthing" in notice.text() and not notice.isModal()
    notice.button(QMessageBox.StandardButton.Ok).click()
    window.close()
    window.session.project.close()


# What the window's start does not load: the corpus readers, the agreement and score
# dialogs with the analysis behind them, and the HTTP client are imported when first used,
# and sqlite-utils when a migration is due (a tenth of a second; an up-to-date project
# opens without it: annotator.core.store.migration_set).  When sqlite-utils is imported,
# no plug-in of it is looked for (that reads every installed package's metadata, and would
# run another package's code on the project's connection).
_NOT_AT_START = ("annotator.core.intake.importer", "annotator.core.intake.corpus",
                 "annotator.core.intake.dates", "annotator.gui.agreement_dialog",
                 "annotator.gui.score_dialog", "annotator.core.analysis.agreement",
                 "urllib.request", "sqlite_utils")
_START_AND_LIST = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from annotator.gui.app import create_window
window = create_window(sys.argv[1], "en", "Sara")
window.show()
app.processEvents()
modules = sorted(sys.modules)
import sqlite_utils.plugins as plugins
window.session.project.db  # as a migration would ask for it
print(json.dumps({"article": window.current, "plugins_looked_for": plugins._plugins_loaded,
                  "modules": modules}))
window.close()
window.session.project.close()
"""


def test_the_window_starts_without_what_it_loads_on_first_use(project_path: Path,
                                                              tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ANNOTATOR_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", ANNOTATOR_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-c", _START_AND_LIST, str(project_path)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["article"]  # the window did start, on an article of the project
    assert seen["plugins_looked_for"] is False
    assert [name for name in _NOT_AT_START if name in seen["modules"]] == []
    # ... and each loads when first used (the names above are real modules).
    loaded = subprocess.run(
        [sys.executable, "-c", "import importlib, sys\n"
         "for name in sys.argv[1:]: importlib.import_module(name)", *_NOT_AT_START],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
