"""View > Language: the interface language, each language named in itself.

The list is :data:`annotator.core.languages.LANGUAGES`, shown as "English", "فارسی" and
"العربية" whatever the interface speaks now, so that a reader finds their own language.
The choice is remembered (:mod:`annotator.gui.settings`) and the window speaks it from the
next start (a ``--lang`` given on the command line still wins); the window is not rebuilt
in place, which would drop a note being typed, the review in progress and open dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from annotator.core.languages import LANGUAGES, own_name
from annotator.gui import settings as stored

translate = QCoreApplication.translate


def add_language_menu(menu: QMenu, current: str, parent: QWidget) -> QMenu:
    """Add the Language submenu to ``menu``; ``current`` is the language in use."""
    languages = menu.addMenu(translate("MainWindow", "&Language"))
    languages.setObjectName("languageMenu")
    group = QActionGroup(languages)
    group.setExclusive(True)
    chosen = stored.interface_language() or current
    for code in LANGUAGES:
        action = QAction(own_name(code), languages)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        languages.addAction(action)
        action.triggered.connect(lambda _checked=False, code=code: choose_language(
            parent, code, current))
    return languages


def choose_language(parent: QWidget, language: str, current: str) -> QMessageBox | None:
    """Remember ``language`` for the next start; say when that differs from ``current``."""
    stored.set_interface_language(language)
    if language == current:
        return None
    box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "Language"),
                      translate("MainWindow", "The window will speak %1 from the next time "
                                "annotator starts.").replace("%1", own_name(language)),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName("languageNotice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
