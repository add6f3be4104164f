"""The UI language: choosing it, installing its translations, and the matching layout direction.

The UI speaks English, Persian or Arabic (the list is :data:`annotator.core.languages.LANGUAGES`).
Our strings come from ``resources/translations/annotator_<lang>.qm`` (built by
``packaging/translations.py``); the standard dialog buttons and Qt's own texts (file dialog,
message box buttons, a line edit's context menu) come from Qt's ``qtbase_<lang>.qm``, which
PySide6 installs beside Qt (both ``qtbase_fa.qm`` and ``qtbase_ar.qm`` are there).  What the
core says (errors, summaries) comes translated from its gettext catalogue in the language
installed here (:func:`interface_language`).  A native file dialog speaks the operating
system's language, not ours: when the two differ, Qt's own dialogs are used, which speak
ours.  Persian and Arabic also mirror the whole UI (forms, tables, scrollbars)
right-to-left.  This module also makes the app follow the system's light or dark colour
scheme.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.languages import LANGUAGES, RTL_LANGUAGES, SOURCE_LANGUAGE
from annotator.core.languages import is_rtl as is_rtl
from annotator.core.paths import resources_dir

log = logging.getLogger(__name__)

__all__ = ["LANGUAGES", "RTL_LANGUAGES", "DEFAULT_LANGUAGE", "is_rtl", "pick_language",
           "install_translations", "interface_language", "uses_qt_dialogs",
           "system_languages", "apply_color_scheme", "translations_dir"]

DEFAULT_LANGUAGE = SOURCE_LANGUAGE

# Locale variables naming the messages language, in the order GNU gettext reads them; the first
# one set wins. LANGUAGE (a colon-separated list) is checked first, see _from_env.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# QTranslator objects must outlive their installation: Qt keeps only a pointer to them.
_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE  # what install_translations installed last


def translations_dir() -> Path:
    """The folder with our .ts sources and compiled .qm files."""
    return resources_dir() / "translations"


def _language_of(value: str) -> str | None:
    """The supported language a locale name names: "fa_IR.UTF-8" -> "fa", "ar-EG" -> "ar"."""
    base = value.strip().split(".", 1)[0].split("@", 1)[0]
    code = base.replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def _from_env(env: Mapping[str, str]) -> str | None:
    locale_value = next((env[name] for name in _LOCALE_VARIABLES if env.get(name)), "")
    # As in gettext, the "C" locale switches translations off, whatever LANGUAGE says.
    if locale_value.split(".", 1)[0] in {"C", "POSIX"}:
        return DEFAULT_LANGUAGE
    for entry in env.get("LANGUAGE", "").split(":"):
        if entry and (language := _language_of(entry)):
            return language
    if locale_value:
        return _language_of(locale_value) or DEFAULT_LANGUAGE
    return None


def pick_language(
    cli_lang: str | None,
    env: Mapping[str, str],
    system_languages: Iterable[str] = (),
) -> str:
    """The UI language: "en", "fa" or "ar".

    The ``--lang`` value wins when given (a locale name such as "fa_IR" is accepted; anything
    else is a ValueError). Otherwise the locale environment decides, as gettext reads it:
    LANGUAGE (a list, first supported entry), then LC_ALL, LC_MESSAGES, LANG, so
    "fa_IR.UTF-8" -> "fa", "ar_EG" -> "ar", "de_DE" -> "en". Windows and macOS do not set those
    variables; pass ``system_languages()`` (the OS's UI languages) for them, consulted last.
    """
    if cli_lang:
        language = _language_of(cli_lang)
        if language is None:
            raise ValueError(
                f"unsupported language {cli_lang!r}: choose one of {', '.join(LANGUAGES)}"
            )
        return language
    language = _from_env(env)
    if language:
        return language
    for name in system_languages:
        if language := _language_of(name):
            return language
    return DEFAULT_LANGUAGE


def system_languages() -> list[str]:
    """The operating system's preferred UI languages, most preferred first ("fa-IR", ...)."""
    return QLocale.system().uiLanguages()


def _load(app: QApplication, name: str, folder: str | Path) -> QTranslator | None:
    translator = QTranslator(app)
    if not translator.load(name, str(folder)):
        log.info("no translation file %s.qm in %s", name, folder)
        return None
    return translator


def install_translations(app: QApplication, language: str,
                         system: Iterable[str] | None = None) -> list[QTranslator]:
    """Install the translations for ``language`` and set the matching layout direction.

    Removes what an earlier call installed, so the language can be switched at run time.
    English installs nothing. Returns the translators installed (missing files are skipped).
    Native file and message dialogs are turned off while ``language`` is not the system's
    (``system``: its UI languages, default :func:`system_languages`), so that Qt's own
    dialogs, translated here, speak the interface language.
    """
    global _language
    _language = language
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs,
                     uses_qt_dialogs(language, system_languages() if system is None else system))
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != DEFAULT_LANGUAGE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"qtbase_{language}", qt_folder),
            (f"annotator_{language}", translations_dir()),
        ):
            translator = _load(app, name, folder)
            if translator is not None and app.installTranslator(translator):
                _installed.append(translator)
                if name.startswith("qtbase_"):
                    mnemonics = _MnemonicFallback(translator)
                    if app.installTranslator(mnemonics):
                        _installed.append(mnemonics)
    # Explicit, so it holds even when a translation file is missing.
    app.setLayoutDirection(Qt.RightToLeft if is_rtl(language) else Qt.LeftToRight)
    return list(_installed)


class _MnemonicFallback(QTranslator):
    """Qt's own texts that gained a mnemonic after Qt's Persian and Arabic translations were
    made ("&Look in:" in the file dialog, where the catalogue has "Look in:"): translated
    from the entry without the ``&``, so they are not left in English."""

    def __init__(self, qt: QTranslator) -> None:
        super().__init__()
        self._qt = qt

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if "&" not in source or context not in _MNEMONIC_CONTEXTS:
            return None  # type: ignore[return-value]  # a null string: not translated here
        found = self._qt.translate(context, source.replace("&", "", 1), disambiguation, n)
        return found or None  # type: ignore[return-value]

    def isEmpty(self) -> bool:  # noqa: N802
        return False

    def language(self) -> str:
        return self._qt.language()

    def filePath(self) -> str:  # noqa: N802
        return self._qt.filePath()


_MNEMONIC_CONTEXTS = frozenset({"QFileDialog"})


def interface_language() -> str:
    """The language the interface speaks now (the last one installed; English before)."""
    return _language


def uses_qt_dialogs(language: str, system: Iterable[str]) -> bool:
    """Whether file and message dialogs should be Qt's own rather than the system's: when
    the system's first UI language is not ``language`` (a native dialog would speak it)."""
    first = next(iter(system), "")
    return _language_of(first) != language if first else language != DEFAULT_LANGUAGE


def apply_color_scheme(app: QApplication) -> Qt.ColorScheme:
    """Make the app follow the system's light or dark mode; returns the scheme in force now.

    Qt 6.5+ reads the system's scheme (``styleHints().colorScheme()``) and gives the app a
    matching palette, updating it when the user switches. Only styles that paint from the
    palette show it: the native Windows 10 style draws with the OS theme API and stays light,
    and the macOS style differs again. Fusion paints everything from the palette, so it looks
    right in both schemes on every platform (and mirrors cleanly right-to-left). We must not
    set a palette of our own, or the system's changes would no longer reach the app.
    """
    app.setStyle("Fusion")
    return app.styleHints().colorScheme()
