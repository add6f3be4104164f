"""The Export dialog driven as an analyst drives it: choices, file, Export, the file."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.core.outputs.export import ExportOptions, codebook_sheet_path
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui.export_dialog import ExportDialog, ExportWorker, show_export_dialog
from tests.conftest import ARABIC_ID
from tests.core.test_export import NOTE, code


@pytest.fixture
def session(project_path: Path):
    with open_project(project_path) as project:
        code(project)
    project = open_project(project_path)
    yield Session(project, "sara")
    project.close()


def _dialog(qtbot, session: Session) -> ExportDialog:
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _answer_save(monkeypatch, target: Path, asked: list[tuple] | None = None) -> None:
    def save(*args, **kwargs):  # type: ignore[no-untyped-def]
        if asked is not None:
            asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))


def _export(qtbot, dialog: ExportDialog):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.worker is None)
    return blocker.args[0]


def test_wide_excel_export_from_the_dialog(qtbot, session: Session, tmp_path: Path,
                                           monkeypatch) -> None:
    dialog = _dialog(qtbot, session)
    assert dialog.format_buttons["long"].isChecked() and dialog.all_button.isChecked()
    assert dialog.annotator_box.count() == 2  # sara, reza
    target = tmp_path / "out" / "tags-wide"
    target.parent.mkdir()
    asked: list[tuple] = []
    _answer_save(monkeypatch, target, asked)
    qtbot.mouseClick(dialog.format_buttons["wide"], Qt.MouseButton.LeftButton)
    assert dialog.excel_box.isChecked()  # on by default
    outcome = _export(qtbot, dialog)  # no file yet: Export asks for one
    written = target.with_suffix(".csv")
    assert asked and outcome.error is None and outcome.path == written
    assert dialog.path_edit.text() == str(written)
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "5 rows written to tags-wide.csv" in dialog.message.text()
    assert dialog.close_button.text() == "Close" and dialog.export_button.isEnabled()
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
    frame = pd.read_csv(io.StringIO(data[3:].decode("utf-8")))
    sara = frame[(frame.article_id == ARABIC_ID) & (frame.annotator == "sara")].iloc[0]
    assert sara.demands_ceasefire == 1 and sara.note == NOTE
    assert codebook_sheet_path(written).read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(p.name for p in written.parent.iterdir()) == [
        "tags-wide.codebook.csv", "tags-wide.csv"]


def test_one_annotator_long_export_with_a_chosen_file(qtbot, session: Session,
                                                      tmp_path: Path, monkeypatch) -> None:
    dialog = _dialog(qtbot, session)
    target = tmp_path / "sara.csv"
    _answer_save(monkeypatch, target)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(target)
    assert not dialog.annotator_box.isEnabled()
    qtbot.mouseClick(dialog.one_button, Qt.MouseButton.LeftButton)
    assert dialog.annotator_box.isEnabled() and dialog.annotator_box.currentText() == "sara"
    outcome = _export(qtbot, dialog)
    assert outcome.error is None and outcome.rows == 8
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert {r["annotator"] for r in rows} == {"sara"}


def test_jsonl_has_no_excel_choice_and_keeps_the_extension_in_step(qtbot, session: Session,
                                                                    tmp_path: Path) -> None:
    dialog = _dialog(qtbot, session)
    dialog.path_edit.setText(str(tmp_path / "tags.csv"))
    qtbot.mouseClick(dialog.format_buttons["jsonl"], Qt.MouseButton.LeftButton)
    assert not dialog.excel_box.isEnabled()
    assert dialog.path_edit.text() == str(tmp_path / "tags.jsonl")
    dialog.excel_box.setChecked(True)  # left checked from before: ignored for JSON Lines
    assert dialog.options().excel is False
    outcome = _export(qtbot, dialog)
    assert outcome.error is None
    assert len((tmp_path / "tags.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_a_failure_is_one_line_in_the_dialog(qtbot, session: Session, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, session)
    dialog.path_edit.setText(str(tmp_path / "missing" / "tags.csv"))
    outcome = _export(qtbot, dialog)
    assert outcome.error and "not written" in outcome.error
    assert "not written" in dialog.message.text() and "\n" not in dialog.message.text()
    assert dialog.isVisible() and not (tmp_path / "missing").exists()


def test_close_button_closes_when_idle(qtbot, session: Session) -> None:
    dialog = _dialog(qtbot, session)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_stopped_export_writes_nothing(qtbot, session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    worker = ExportWorker(session.project.path, folder / "tags.csv", ExportOptions())
    worker.stop()  # the first progress report stops it
    with qtbot.waitSignal(worker.done, timeout=20_000) as blocker:
        worker.start()
    worker.wait()
    assert blocker.args[0].stopped and blocker.args[0].error is None
    assert list(folder.iterdir()) == []


def test_show_export_dialog_opens_it(qtbot, session: Session) -> None:
    show_export_dialog(None, session)
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ExportDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()
    assert not dialogs[0].isVisible()


def _formula_title(project_path: Path) -> str:
    """An article title as a scraped corpus may bring it: a spreadsheet formula."""
    conn = sqlite3.connect(project_path)
    with conn:
        conn.execute("UPDATE articles SET title = ? WHERE article_id = ?",
                     ("=HYPERLINK(\"http://x\")", ARABIC_ID))
    conn.close()
    return "=HYPERLINK(\"http://x\")"


def test_spreadsheet_safe_csv_is_the_default_and_the_choice_is_kept(
        qtbot, session: Session, tmp_path: Path) -> None:
    title = _formula_title(session.project.path)
    dialog = _dialog(qtbot, session)
    assert dialog.excel_box.isChecked() and dialog.options().excel
    dialog.path_edit.setText(str(tmp_path / "tags.csv"))
    assert _export(qtbot, dialog).error is None
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "tags.csv").read_text(encoding="utf-8-sig"), newline="")))
    titles = {r["title"] for r in rows if r["article_id"] == ARABIC_ID}
    assert titles == {"'" + title}  # a quote first: shown as text, never run
    # Turned off, it stays off in the next dialog (and back on again).
    qtbot.mouseClick(dialog.excel_box, Qt.MouseButton.LeftButton)
    assert not dialog.excel_box.isChecked()
    again = _dialog(qtbot, session)
    assert not again.excel_box.isChecked() and not again.options().excel
    qtbot.mouseClick(again.excel_box, Qt.MouseButton.LeftButton)
    assert _dialog(qtbot, session).excel_box.isChecked()


@pytest.mark.parametrize("aim", ["project", "wal", "symlink", "dotdot"])
def test_the_project_is_refused_as_the_export_file(qtbot, session: Session, tmp_path: Path,
                                                  aim: str) -> None:
    project_path = session.project.path
    tags = session.project.conn.execute("SELECT count(*) FROM tags").fetchone()[0]
    target = {"project": project_path, "wal": Path(f"{project_path}-wal"),
              "symlink": tmp_path / "link.csv",
              "dotdot": project_path.parent / "sub" / ".." / project_path.name}[aim]
    if aim == "symlink":
        target.symlink_to(project_path)
    if aim == "dotdot":
        (project_path.parent / "sub").mkdir()
    dialog = _dialog(qtbot, session)
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is None  # nothing started
    assert dialog.message.text() == (f"{target}: that is the project file (or its write-ahead "
                                      "log); nothing was written")
    conn = session.project.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM tags").fetchone()[0] == tags
    assert not (project_path.parent / "project.codebook.csv").exists()


def test_a_device_is_written_without_a_codebook_sheet(qtbot, session: Session) -> None:
    dialog = _dialog(qtbot, session)
    dialog.path_edit.setText("/dev/null")
    outcome = _export(qtbot, dialog)
    assert outcome.error is None and outcome.codebook_path is None
    assert dialog.message.text() == ("10 rows written to null (no codebook sheet: not a "
                                     "regular file)")
