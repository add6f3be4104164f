"""The bundled font: registers Vazirmatn (``resources/fonts``) with Qt's font database.

Persian and Arabic read very differently across system fonts (some lack Persian letters, some
stack dots badly), so the app ships one comfortable Arabic-script font with a matching Latin and
uses it for the UI and the articles. When the files are missing the app falls back to whatever
the system offers; nothing else depends on them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from annotator.core.paths import resources_dir

log = logging.getLogger(__name__)

FONT_FAMILY = "Vazirmatn"

# Font ids handed out by Qt for this process's application, so a second call registers nothing.
_font_ids: list[int] = []


def fonts_dir() -> Path:
    """The folder with the bundled font files and their licence."""
    return resources_dir() / "fonts"


def font_files() -> list[Path]:
    """The bundled font files (TrueType or OpenType), in a stable order."""
    folder = fonts_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".ttf", ".otf"})


def _families(ids: list[int]) -> list[str]:
    return [family for i in ids for family in QFontDatabase.applicationFontFamilies(i)]


def load_fonts() -> str | None:
    """Register the bundled fonts and return their family name, or None if there are none.

    Needs a QGuiApplication (or QApplication). Safe to call more than once: the files are
    registered once per application object.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("load_fonts() needs a QApplication: create it first")
    # A font id stays valid for as long as the application lives; if the ids no longer name a
    # family, the application was replaced (as in tests) and the files must be added again.
    if not (_font_ids and _families(_font_ids)):
        _font_ids.clear()
        for path in font_files():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load the font file %s", path.name)
                continue
            _font_ids.append(font_id)
    families = _families(_font_ids)
    if not families:
        return None
    return FONT_FAMILY if FONT_FAMILY in families else families[0]
