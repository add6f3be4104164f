"""The languages annotator speaks: the one list, which of them run right to left, their names.

English, Persian and Arabic: the interface (window and command line), the outputs and the
codebook's texts all use this list, and every ``--lang`` option offers it.  Each language
is named in itself ("فارسی", not "Persian") wherever the user chooses one, so that a
reader finds their own language whatever the interface speaks now.
"""

from __future__ import annotations

LANGUAGES = ("en", "fa", "ar")
SOURCE_LANGUAGE = "en"  # the messages in the code are English; it has no catalogue
RTL_LANGUAGES = frozenset({"fa", "ar"})

# Each language in itself (its autonym), as language choosers show them.
NAMES = {"en": "English", "fa": "فارسی", "ar": "العربية"}


def is_rtl(language: str) -> bool:
    """Whether ``language`` is written (and its interface laid out) right to left."""
    return language in RTL_LANGUAGES


def own_name(language: str) -> str:
    """``language`` named in itself: "English", "فارسی", "العربية" (other codes as given)."""
    return NAMES.get(language, language)
