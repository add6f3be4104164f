"""File > Import options: how the window's imports read dates and treat near-duplicates.

The same choices as the command line's ``--calendar``, ``--date-order`` and
``--keep-near-duplicates`` (see :class:`~annotator.core.intake.options.ImportOptions`),
kept in the user's settings so that they hold for every later import until changed.
The texts are in the main window's translation context.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from annotator.core.intake.options import ImportOptions
from annotator.gui import settings as stored

translate = QCoreApplication.translate


def add_import_options_menu(file: QMenu) -> QMenu:
    """Add the Import options submenu to ``file``; each choice is saved when made."""
    menu = file.addMenu(translate("MainWindow", "Import &options"))
    current = stored.import_options()

    keep = QAction(translate("MainWindow", "Keep near-duplicates (they are reported either way)"),
                   menu)
    keep.setCheckable(True)
    keep.setChecked(current.keep_near_duplicates)
    keep.toggled.connect(lambda on: _save(keep_near_duplicates=bool(on)))
    menu.addAction(keep)

    menu.addSeparator()
    orders = QActionGroup(menu)
    for order, text in (
        (None, translate("MainWindow", "Dates like 12/06/2024: refuse, they read both ways")),
        ("dmy", translate("MainWindow", "Dates like 12/06/2024: day first")),
        ("mdy", translate("MainWindow", "Dates like 12/06/2024: month first")),
    ):
        _choice(menu, orders, text, current.date_order == order, date_order=order)

    menu.addSeparator()
    calendars = QActionGroup(menu)
    for calendar, text in (
        (None, translate("MainWindow", "Hijri years: lunar in Arabic articles, solar in others")),
        ("solar", translate("MainWindow", "Hijri years: Solar Hijri")),
        ("lunar", translate("MainWindow", "Hijri years: lunar Hijri")),
    ):
        _choice(menu, calendars, text, current.calendar == calendar, calendar=calendar)
    return menu


def _choice(menu: QMenu, group: QActionGroup, text: str, checked: bool,
            **choice: str | None) -> None:
    action = QAction(text, menu)
    action.setCheckable(True)
    action.setChecked(checked)
    group.addAction(action)
    action.triggered.connect(lambda _checked=False: _save(**choice))
    menu.addAction(action)


def _save(**changed: object) -> None:
    stored.set_import_options(replace(stored.import_options(), **changed))  # type: ignore[arg-type]


__all__ = ["ImportOptions", "add_import_options_menu"]
