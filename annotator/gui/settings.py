"""What the window remembers between runs: annotator name, recent projects, geometry,
export choices, the interface language chosen in the window, the import options.

Kept in ``settings.ini`` in the user data folder (``ANNOTATOR_HOME`` moves it, which the
tests use), not in the project file: these belong to the person, not to the data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings

from annotator.core import paths
from annotator.core.intake.options import CALENDARS, DATE_ORDERS, ImportOptions
from annotator.core.languages import LANGUAGES

_RECENT = 8


def settings() -> QSettings:
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def annotator_name() -> str | None:
    value = settings().value("annotator")
    return str(value) if value else None


def set_annotator_name(name: str) -> None:
    store = settings()
    store.setValue("annotator", name)
    store.sync()


def recent_projects() -> list[str]:
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or [] if v]


def add_recent(path: str | Path) -> None:
    resolved = str(Path(path).resolve())
    items = [resolved, *(p for p in recent_projects() if p != resolved)][:_RECENT]
    store = settings()
    store.setValue("recent", items)
    store.sync()


def interface_language() -> str | None:
    """The language chosen in View > Language, if any (one of the languages we speak)."""
    value = settings().value("language")
    return str(value) if value in LANGUAGES else None


def set_interface_language(language: str) -> None:
    store = settings()
    store.setValue("language", language)


_GEOMETRY, _MAXIMIZED = "window/geometry", "window/maximized"
_OLD_GEOMETRY = "geometry"  # Qt's saveGeometry() bytes, written by earlier versions


def window_geometry() -> tuple[QRect | None, bool]:
    """The window's client geometry when it was last closed (None: never), and whether it
    was maximized.  Earlier versions kept Qt's own byte form, which restores a window
    larger than the screen it opens on; that is not read (the window opens at a fitting
    default once)."""
    store = settings()
    rect = store.value(_GEOMETRY)
    maximized = store.value(_MAXIMIZED, False)
    if isinstance(maximized, str):  # an INI file gives back text
        maximized = maximized.strip().lower() in ("true", "1", "yes", "on")
    return (rect if isinstance(rect, QRect) and rect.isValid() else None), bool(maximized)


def set_window_geometry(rect: QRect, maximized: bool) -> None:
    store = settings()
    store.setValue(_GEOMETRY, rect)
    store.setValue(_MAXIMIZED, bool(maximized))
    store.remove(_OLD_GEOMETRY)
    store.sync()


_EXCEL = "export/excel"


def export_for_excel() -> bool:
    """Whether the Export dialog writes spreadsheet-safe CSV: on unless the user turned it
    off, since titles come from scraped corpora and a cell starting with ``=`` would run
    as a formula when the file is opened in a spreadsheet."""
    value = settings().value(_EXCEL, True)
    if isinstance(value, str):  # an INI file gives back text
        return value.strip().lower() not in ("false", "0", "no", "off")
    return bool(value)


def set_export_for_excel(on: bool) -> None:
    store = settings()
    store.setValue(_EXCEL, bool(on))
    store.sync()


def team_folder() -> str:
    """The team folder last synced with ("" before the first sync)."""
    return str(settings().value("team/folder", "") or "")


def set_team_folder(folder: str) -> None:
    settings().setValue("team/folder", folder)


_IMPORT = "import/"


def import_options() -> ImportOptions:
    """The choices the window's imports are made with (File > Import options)."""
    store = settings()

    def text(name: str, allowed: tuple[str, ...]) -> str | None:
        value = store.value(_IMPORT + name, "")
        return value if isinstance(value, str) and value in allowed else None

    keep = store.value(_IMPORT + "keep_near_duplicates", False)
    if isinstance(keep, str):  # an INI file gives back text
        keep = keep.strip().lower() in ("true", "1", "yes", "on")
    return ImportOptions(calendar=text("calendar", CALENDARS),
                         date_order=text("date_order", DATE_ORDERS),
                         keep_near_duplicates=bool(keep))


def set_import_options(options: ImportOptions) -> None:
    store = settings()
    store.setValue(_IMPORT + "calendar", options.calendar or "")
    store.setValue(_IMPORT + "date_order", options.date_order or "")
    store.setValue(_IMPORT + "keep_near_duplicates", bool(options.keep_near_duplicates))
    store.sync()
