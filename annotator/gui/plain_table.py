"""A read-only table of text: the score, training result and sample dialogs' tables.

Its own module so that the sample dialog, built with the window's menus, does not import
the score dialog and the analysis behind it at the window's start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem


def plain_table(headers: list[str]) -> QTableWidget:
    """A read-only table with these column headers (rows: :func:`fill_table`)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """``rows`` of text in ``table``, in place of what it held."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
