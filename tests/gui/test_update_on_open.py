"""A project of an older version opens after a backup and its update, run in a worker
under a dialog that says so: at 1,000,000 articles the backup and migration 0012 take
minutes, and without the dialog the window would not appear (or not answer) meanwhile.

The project is a real fixture file of the schema before migration 0012.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.store import open_project
from annotator.core.store.backups import list_backups
from annotator.core.store.opening import needs_update
from annotator.gui import settings as stored
from annotator.gui import workers
from annotator.gui.app import create_window
from annotator.gui.opening import update_first

FIXTURE = (Path(__file__).resolve().parents[1] / "fixtures"
           / "project_0011_article_columns.sqlite")


def _older(tmp_path: Path, name: str = "old.sqlite") -> Path:
    path = tmp_path / name
    shutil.copy(FIXTURE, path)
    return path


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def _held_open(monkeypatch: pytest.MonkeyPatch, seen: list[str]) -> None:
    """The worker's opening waits until the dialog has been looked at (as a long update
    would); the look happens in the event loop the dialog runs."""
    release = threading.Event()
    real = workers.open_project

    def held(*args: object, **kwargs: object):
        assert release.wait(20), "the dialog was never looked at"
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def look() -> None:
        seen.extend(dialog.labelText() for dialog in _dialogs())
        release.set()

    monkeypatch.setattr(workers, "open_project", held)
    QTimer.singleShot(50, look)


def test_an_older_project_is_updated_under_a_dialog(qtbot, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = _older(tmp_path)
    assert needs_update(path)
    seen: list[str] = []
    _held_open(monkeypatch, seen)
    assert update_first(None, path) is True
    assert seen == ["\u2068old.sqlite\u2069 was made by an older version of annotator. It is "
                    "backed up, then brought up to date; a large project takes a few minutes."]
    assert _dialogs() == []
    assert not needs_update(path)
    assert [b.reason for b in list_backups(path)] == ["before-migration"]


def test_the_dialog_stays_up_until_the_update_ends(qtbot, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Escape and the close button do not hide it: hidden, it would give the window back,
    and opening the same file again would start a second update of it."""
    path = _older(tmp_path)
    release = threading.Event()
    real = workers.open_project
    shown: list[bool] = []

    def held(*args: object, **kwargs: object):
        assert release.wait(20), "the dialog was never tried"
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def try_to_dismiss() -> None:
        [dialog] = _dialogs()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.close()
        shown.append(dialog.isVisible())
        shown.append(QApplication.activeModalWidget() is dialog)
        release.set()

    monkeypatch.setattr(workers, "open_project", held)
    QTimer.singleShot(50, try_to_dismiss)
    assert update_first(None, path) is True
    assert shown == [True, True]
    assert _dialogs() == [] and not needs_update(path)


def test_an_up_to_date_project_opens_without_a_dialog(qtbot, project_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object) -> None:
        raise AssertionError("a worker for a project that needs no update")

    monkeypatch.setattr(workers.UpdateWorker, "start", never)
    assert not needs_update(project_path)
    assert update_first(None, project_path) is False
    # Opening says what is wrong with a missing file.
    assert update_first(None, project_path.parent / "missing.sqlite") is False


def test_a_failed_update_is_one_clear_error(qtbot, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = _older(tmp_path)

    def full(*args: object, **kwargs: object) -> None:
        raise AnnotatorError(Translatable("{path}: cannot write the backup (disk full)",
                                          path=path))

    monkeypatch.setattr(workers, "open_project", full)
    with pytest.raises(AnnotatorError, match="cannot write the backup"):
        update_first(None, path)
    assert _dialogs() == [] and needs_update(path)  # nothing changed


def _answer_warning(seen: list[tuple[str, str]]) -> None:
    """Read the warning when it appears and click OK, as a user would."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer_warning(seen))
        return
    seen.append((box.text(), box.informativeText()))
    box.button(QMessageBox.StandardButton.Ok).click()


def test_a_last_project_that_fails_to_update_is_said_and_the_default_opens(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _older(tmp_path)
    stored.add_recent(path)

    def full(*args: object, **kwargs: object) -> None:
        raise AnnotatorError(Translatable("{path}: cannot write the backup (disk full)",
                                          path=path))

    monkeypatch.setattr(workers, "open_project", full)
    seen: list[tuple[str, str]] = []
    QTimer.singleShot(0, lambda: _answer_warning(seen))
    window = create_window(None, "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    assert seen == [("The last project could not be opened; the default project opens "
                     "instead.", f"{path}: cannot write the backup (disk full)")]
    assert window.session.project.path == paths.default_project_path()
    assert needs_update(path)  # left as it was


def test_the_window_starts_on_an_older_project_in_persian(qtbot, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    path = _older(tmp_path, "پروژه.sqlite")
    seen: list[str] = []
    _held_open(monkeypatch, seen)
    window = create_window(str(path), "fa", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    assert len(seen) == 1 and "\u2068پروژه.sqlite\u2069" in seen[0]
    assert "older version" not in seen[0] and "نسخه" in seen[0]
    assert not needs_update(path)
    assert window.session.project.articles.count() > 0
    with open_project(path, create=False) as again:  # a second opening has nothing to do
        assert again.articles.count() == window.session.project.articles.count()
    # Backed up just before its update: the opening's own backup would be a second copy.
    window.projects.first_backup()
    assert window.projects.backup_worker is None
    assert [b.reason for b in list_backups(path)] == ["before-migration"]


def test_the_window_backs_up_an_up_to_date_project_on_opening(qtbot, project_path: Path
                                                              ) -> None:
    window = create_window(str(project_path), "en", "Sara")
    assert window is not None
    qtbot.addWidget(window)
    window.projects.first_backup()
    worker = window.projects.backup_worker
    assert worker is not None
    worker.wait()
    assert [b.reason for b in list_backups(project_path)] == ["open"]
