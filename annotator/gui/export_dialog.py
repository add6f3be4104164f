"""The Export dialog: the choices of ``annotator export`` and a progress bar.

Format (long, wide, JSON Lines), whose tags (every annotator, one, or the adjudicated
ones), Excel-safe CSV and the file.  "For Excel" is on unless the user turned it off (the
choice is remembered): a person opens this file in a spreadsheet, and a title from a
scraped corpus starting with ``=`` would run there as a formula.  The project file and
its side files are refused as the target before the export starts.  The export itself is
:func:`annotator.core.outputs.export.export_to_file`, run in a worker thread with its own
connection to the project file (SQLite connections belong to one thread); it writes the
codebook sheet beside the file.  A failure shows as one line in the dialog, and a failed
or stopped export leaves no file behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import message_of
from annotator.core.outputs.export import FORMATS, ExportOptions, export_to_file
from annotator.core.outputs.output_file import refuse_project
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.gui import settings as stored
from annotator.gui.texts import core_text, error_message, number_text, percent_in_language

_FOLDER_KEY = "export/folder"


class _Stopped(Exception):
    pass


@dataclass
class ExportOutcome:
    """What an export in the worker thread did."""

    rows: int = 0
    path: Path | None = None
    codebook_path: Path | None = None
    stopped: bool = False
    error: str | None = None


class ExportWorker(QThread):
    """Exports the project at ``project_path`` to ``target``."""

    progressed = Signal(int, int)  # rows read, rows in all
    done = Signal(object)  # ExportOutcome

    def __init__(self, project_path: Path, target: Path, options: ExportOptions) -> None:
        super().__init__()
        self.project_path, self.target, self.options = project_path, target, options
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        outcome = ExportOutcome()

        def progress(done: int, total: int) -> None:
            self.progressed.emit(done, total)
            if self._stop:
                raise _Stopped

        try:
            with open_project(self.project_path, create=False) as project:
                result = export_to_file(project, self.target, self.options, progress)
            outcome.rows, outcome.path = result.rows, result.path
            outcome.codebook_path = result.codebook_path
        except _Stopped:
            outcome.stopped = True
        except AnnotatorError as exc:
            outcome.error = message_of(exc)  # shown in the interface language
        except Exception as exc:  # never let a thread die silently
            outcome.error = f"{type(exc).__name__}: {exc}"
        self.done.emit(outcome)


class ExportDialog(QDialog):
    """Export ``session``'s project for R, pandas, SPSS or Excel."""

    exported = Signal(object)  # ExportOutcome, when an export has ended

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.worker: ExportWorker | None = None
        self.setWindowTitle(self.tr("Export tags"))
        layout = QVBoxLayout(self)

        formats = QGroupBox(self.tr("Format"))
        format_layout = QVBoxLayout(formats)
        texts = {
            "long": self.tr("Long CSV: one row per tag (can be imported again)"),
            "wide": self.tr("Wide CSV: one row per article and annotator, a column per "
                            "category"),
            "jsonl": self.tr("JSON Lines: one object per article and annotator"),
        }
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for name in FORMATS:
            button = QRadioButton(texts[name])
            self.format_buttons[name] = button
            self.format_group.addButton(button)
            format_layout.addWidget(button)
        self.format_buttons["long"].setChecked(True)
        self.format_group.buttonToggled.connect(self._format_changed)
        layout.addWidget(formats)

        whose = QGroupBox(self.tr("Whose tags"))
        whose_layout = QGridLayout(whose)
        self.all_button = QRadioButton(self.tr("Every annotator"))
        self.one_button = QRadioButton(self.tr("One annotator:"))
        self.annotator_box = QComboBox()
        annotators = session.project.tags.annotators()
        self.annotator_box.addItems(annotators)
        if session.annotator in annotators:
            self.annotator_box.setCurrentText(session.annotator)
        self.one_button.setEnabled(bool(annotators))
        self.annotator_box.setEnabled(False)
        self.adjudicated_button = QRadioButton(self.tr("Adjudicated tags"))
        self.adjudicated_button.setEnabled(hasattr(session.project.review, "adjudicated_tags"))
        self.all_button.setChecked(True)
        self.one_button.toggled.connect(self.annotator_box.setEnabled)
        whose_layout.addWidget(self.all_button, 0, 0, 1, 2)
        whose_layout.addWidget(self.one_button, 1, 0)
        whose_layout.addWidget(self.annotator_box, 1, 1)
        whose_layout.addWidget(self.adjudicated_button, 2, 0, 1, 2)
        layout.addWidget(whose)

        self.excel_box = QCheckBox(self.tr("For Excel (byte order mark; a cell that could run "
                                           "as a formula starts with ')"))
        self.excel_box.setChecked(stored.export_for_excel())
        self.excel_box.toggled.connect(self._excel_toggled)
        layout.addWidget(self.excel_box)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("File:")))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose where to save the export"))
        row.addWidget(self.path_edit, 1)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(lambda _checked=False: self.choose_file())
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        note = QLabel(self.tr("A codebook sheet (NAME.codebook.csv) is written beside the "
                              "file."))
        note.setWordWrap(True)
        layout.addWidget(note)

        self.progress = QProgressBar()
        percent_in_language(self.progress)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(False)
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda _checked=False: self.start_export())
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._inputs: list[QWidget] = [formats, whose, self.excel_box, self.path_edit,
                                       self.choose_button, self.export_button]

    # -- choices --------------------------------------------------------------------
    def format(self) -> str:
        return next((name for name, button in self.format_buttons.items()
                     if button.isChecked()), "long")

    def options(self) -> ExportOptions:
        return ExportOptions(
            format=self.format(),
            annotator=self.annotator_box.currentText() if self.one_button.isChecked() else None,
            adjudicated=self.adjudicated_button.isChecked(),
            excel=self.excel_box.isChecked() and self.format() != "jsonl",
        )

    def _excel_toggled(self, on: bool) -> None:
        stored.set_export_for_excel(on)

    def _format_changed(self) -> None:
        self.excel_box.setEnabled(self.format() != "jsonl")
        text = self.path_edit.text().strip()
        if text:  # keep the file's extension in step with the format
            self.path_edit.setText(str(_with_extension(Path(text), self.format())))

    def choose_file(self) -> str | None:
        """Ask where to save; the chosen file name goes into the File box."""
        current = self.path_edit.text().strip()
        if current:
            suggestion = current
        else:
            folder = stored.settings().value(_FOLDER_KEY) or str(Path.home())
            name = f"{self.session.project.path.stem}-{self.format()}"
            suggestion = str(_with_extension(Path(str(folder)) / name, self.format()))
        kinds = (self.tr("JSON Lines (*.jsonl)") if self.format() == "jsonl"
                 else self.tr("CSV (*.csv)"))
        path, _kind = QFileDialog.getSaveFileName(self, self.tr("Export tags to"), suggestion,
                                                  kinds)
        if not path:
            return None
        chosen = Path(path)
        if not chosen.suffix:
            chosen = _with_extension(chosen, self.format())
        self.path_edit.setText(str(chosen))
        settings = stored.settings()
        settings.setValue(_FOLDER_KEY, str(chosen.parent))
        settings.sync()
        return str(chosen)

    # -- running --------------------------------------------------------------------
    def start_export(self) -> ExportWorker | None:
        """Export in a worker thread; None if there is nothing to do (no file chosen)."""
        if self.worker is not None:
            return None
        path = self.path_edit.text().strip() or self.choose_file()
        if not path:
            return None
        options = self.options()
        target = Path(path).expanduser()
        try:
            options.check()
            refuse_project(target, self.session.project.path)
        except AnnotatorError as exc:
            self._show_error(error_message(exc))
            return None
        worker = ExportWorker(self.session.project.path, target, options)
        self.worker = worker
        worker.progressed.connect(self._progressed)
        worker.done.connect(self._finished)
        self._set_busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Exporting…"))
        self.progress.setRange(0, 0)  # busy until the first count arrives
        worker.start()
        return worker

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, done, 1))
        self.progress.setValue(done)

    def _finished(self, outcome: ExportOutcome) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None
        self._set_busy(False)
        self.progress.setRange(0, 1)
        if outcome.error:
            self.progress.setValue(0)
            self._show_error(core_text(outcome.error))
        elif outcome.stopped:
            self.progress.setValue(0)
            self.message.setText(self.tr("Export stopped; no file was written."))
        else:
            self.progress.setValue(1)
            self.message.setStyleSheet("")
            name = outcome.path.name if outcome.path is not None else ""
            if outcome.codebook_path is not None:
                text = (self.tr("%1 rows written to %2 (codebook: %3)")
                        .replace("%3", outcome.codebook_path.name))
            else:  # a device or pipe: written straight into, without a sheet beside it
                text = self.tr("%1 rows written to %2 (no codebook sheet: not a regular "
                               "file)")
            self.message.setText(text.replace("%1", number_text(outcome.rows)).replace("%2", name))
            self.message.setToolTip(str(outcome.path or ""))
        self.exported.emit(outcome)

    def _show_error(self, text: str) -> None:
        line = text.strip().splitlines()[0] if text.strip() else self.tr("Export failed")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(line)
        self.message.setToolTip(text)

    def _set_busy(self, busy: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not busy)
        if not busy:
            self.excel_box.setEnabled(self.format() != "jsonl")
        self.close_button.setText(self.tr("Stop") if busy else self.tr("Close"))

    def reject(self) -> None:
        """Close; while an export runs, stop it (its file is not written) instead."""
        if self.worker is not None:
            self.worker.stop()
            return
        super().reject()

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        if self.worker is not None:  # closed by the window: stop and wait for the thread
            self.worker.stop()
            self.worker.wait()
        super().done(result)


def _with_extension(path: Path, form: str) -> Path:
    extension = ".jsonl" if form == "jsonl" else ".csv"
    if path.suffix.lower() in (".csv", ".jsonl", ""):
        return path.with_suffix(extension)
    return path


def show_export_dialog(parent: QWidget | None, session: Session) -> None:
    """Open the Export dialog (window-modal; it deletes itself when closed)."""
    from PySide6.QtCore import Qt

    dialog = ExportDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
