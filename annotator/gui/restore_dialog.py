"""The "Restore a backup" dialog: the project's backups, newest first, and a Restore button.

It lists what :func:`annotator.core.store.backups.list_backups` finds (time, reason, articles,
tags), asks for confirmation, and restores with :func:`annotator.core.store.restore.restore`,
which backs up the current state first.  Files named like backups that are not
(:func:`annotator.core.store.backups.list_not_backups`) are shown below them, greyed out with
the reason, and cannot be chosen.  The window must close its own connection to the
project before showing the dialog and reopen the project afterwards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.store.backups import (
    BackupInfo,
    NotABackup,
    list_backups,
    list_not_backups,
)
from annotator.core.store.migrations import migrations
from annotator.core.store.restore import restore
from annotator.gui.texts import (
    error_message,
    message_text,
    number_text,
    plain_message,
    time_text,
)


class RestoreDialog(QDialog):
    """Choose one backup of ``project_path`` and restore it."""

    def __init__(self, project_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.restored = False
        self.backups: list[BackupInfo] = list_backups(self.project_path)
        self.not_backups: list[NotABackup] = list_not_backups(self.project_path)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(640, 360)

        intro = QLabel(self.tr(
            "Choose the state to go back to. The current state is backed up first, so a "
            "restore can itself be undone from this list."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups) + len(self.not_backups), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Reason"), self.tr("Articles"), self.tr("Tags")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The reason takes the room (it is the longest text); time and counts fit.
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self.backups):
            local = time_text(info.time)
            reason = self.reason_text(info.reason)
            if info.future:
                reason = self.tr("%1 (dated in the future: the clock was ahead)").replace(
                    "%1", reason)
            cells = [local, reason,
                     self.tr("unreadable") if info.articles is None
                     else number_text(info.articles),
                     "" if info.tags is None else number_text(info.tags)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        for row, other in enumerate(self.not_backups, len(self.backups)):
            # Junk in the backups folder: shown, so nothing seems lost, but not choosable.
            cells = [other.path.name,
                     self.tr("Not a backup: %1").replace("%1", self.junk_text(other)), "", ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(str(other.path))
                self.table.setItem(row, column, item)
            # The reason across the empty count columns: read in full, not elided.
            self.table.setSpan(row, 1, 1, len(cells) - 1)
        self.empty = QLabel(self.tr("There are no backups of this project yet."))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setVisible(not self.backups)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.selected() is not None))
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    def reason_text(self, reason: str) -> str:
        known = {
            "open": self.tr("project opened"),
            "manual": self.tr("made by hand"),
            "before-restore": self.tr("before a restore"),
            "before-migration": self.tr("before an update of the file"),
            "before-merge": self.tr("before a merge"),
            "before-participants-merge": self.tr("before a merge of two participants"),
            "before-codebook-change": self.tr("before a codebook change"),
            "before-import-tags": self.tr("before a tag import"),
            "before-undo-import": self.tr("before undoing a tag import"),
        }
        return known.get(reason, reason)

    def junk_text(self, other: NotABackup) -> str:
        known = {
            "link": self.tr("a link, not a backup file"),
            "folder": self.tr("a folder, not a backup file"),
            "special": self.tr("not a regular file"),
            "empty": self.tr("an empty file"),
            "bad-time": self.tr("the time in its name is not a real date and time"),
            "not-sqlite": self.tr("not an SQLite file"),
            "wal": self.tr("an SQLite file in write-ahead-log mode, not a backup made here"),
            "not-project": self.tr("an SQLite file but not an annotator project"),
            "unreadable": self.tr("it cannot be read"),
        }
        return known.get(other.kind, other.why)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.backups):
            return None
        return self.backups[rows[0].row()]

    def confirm(self, info: BackupInfo) -> bool:
        local = time_text(info.time)
        counts = ("" if info.articles is None else
                  self.tr(" (%1 articles, %2 tags)").replace("%1", number_text(info.articles))
                  .replace("%2", number_text(info.tags)))
        text = self.tr("Replace the project's content with the backup of %1%2?\n\n"
                       "The current state is backed up first.")
        answer = QMessageBox.question(
            self, self.tr("Restore this backup?"),
            message_text(text.replace("%1", local).replace("%2", counts)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not self.confirm(info):
            return
        try:
            restore(self.project_path, info.path,
                    known_schema=migrations.names)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Not restored"),
                                plain_message(error_message(exc)))
            return
        self.restored = True
        self.accept()


def show_restore_dialog(parent: QWidget | None, project_path: str | Path) -> bool:
    """Show the dialog; True if a backup was restored (the caller then reopens the project)."""
    dialog = RestoreDialog(project_path, parent)
    dialog.exec()
    return dialog.restored
