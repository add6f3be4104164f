"""What the window remembers between runs: annotator name, recent projects, geometry.

Kept in ``settings.ini`` in the user data folder (``ANNOTATOR_HOME`` moves it, which the
tests use), not in the project file: these belong to the person, not to the data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.core import paths

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
