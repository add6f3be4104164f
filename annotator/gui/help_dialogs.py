"""Help > Keyboard shortcuts and Help > About (texts in the main window's translation context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_shortcuts(parent: QWidget) -> None:
    translate = QCoreApplication.translate
    rows = [
        (translate("MainWindow", "Stance"), "1 … 5, 0 = " + translate("MainWindow", "unclear")),
        (translate("MainWindow", "Demands"), "Ctrl+1 … Ctrl+9"),
        (translate("MainWindow", "Event type"), "Alt+1 … Alt+5"),
        (translate("MainWindow", "Participants: suggestions"), "Alt+P"),
        (translate("MainWindow", "Use selection as evidence"), "Ctrl+E"),
        (translate("MainWindow", "Done and next"), "Ctrl+Enter"),
        (translate("MainWindow", "Skip and next"), "Ctrl+Shift+Enter"),
        (translate("MainWindow", "Next / previous article"),
         "Alt+Down / Alt+Up, Ctrl+PgDown / Ctrl+PgUp"),
        (translate("MainWindow", "Undo / redo"), "Ctrl+Z / Ctrl+Shift+Z"),
        (translate("MainWindow", "Zoom"), "Ctrl++ / Ctrl+-"),
        (translate("MainWindow", "Find articles"), "Ctrl+F"),
        (translate("MainWindow", "Participants registry: correct, merge, retire"),
         "Ctrl+Shift+P"),
        (translate("MainWindow", "Start or end training"), "Ctrl+Shift+T"),
        (translate("MainWindow", "Clear the search, back to the article"), "Esc"),
        (translate("MainWindow", "Review: accept annotator N's values"),
         "Ctrl+Shift+1 … Ctrl+Shift+9"),
        (translate("MainWindow", "Review: next article with something to decide"),
         "Ctrl+Shift+N"),
    ]
    html = "<table>" + "".join(f"<tr><td>{a}</td><td>&nbsp;&nbsp;<b>{b}</b></td></tr>"
                               for a, b in rows) + "</table>"
    QMessageBox.information(parent, translate("MainWindow", "Keyboard shortcuts"), html)


def show_about(parent: QWidget) -> None:
    from annotator import __version__

    translate = QCoreApplication.translate
    QMessageBox.about(parent, translate("MainWindow", "About annotator"),
                      f"annotator {__version__}\n"
                      + translate("MainWindow",
                                  "Hand-annotation of Persian and Arabic news articles.")
                      + "\nGPL-3.0-or-later")
