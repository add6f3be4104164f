"""Persian and Arabic for terminals that neither shape nor reorder text.

Only the command line's human-readable output goes through :func:`visual`; files, the
database and Qt always get the logical text (see NOTES on arabic-reshaper/python-bidi).
"""

from __future__ import annotations

import unicodedata

import arabic_reshaper
from bidi import get_display

_ARABIC_SCRIPT = range(0x0600, 0x0700)
# Direction marks, embeddings, overrides and isolates: once a line is in visual order
# they have done their work, and a terminal that does not reorder would show some of them.
_DIRECTION_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c"
                                             "\u202d\u202e\u2066\u2067\u2068\u2069"))
_ZERO_WIDTH = frozenset({"Cf", "Mn", "Me"})  # format characters (ZWNJ, marks), diacritics


def has_arabic_script(text: str) -> bool:
    return any(ord(char) in _ARABIC_SCRIPT for char in text)


def visual(text: str) -> str:
    """Joined letters in visual (left-to-right display) order, line by line, without the
    direction controls that ordered them."""
    lines = []
    for line in text.split("\n"):
        if has_arabic_script(line):
            line = get_display(arabic_reshaper.reshape(line), base_dir="R")
            line = line.translate(_DIRECTION_CONTROLS)
        lines.append(line)
    return "\n".join(lines)


def shown_width(text: str) -> int:
    """How many characters of ``text`` take a place on a line: not ZWNJ, direction
    controls or combining marks (a column of Persian or Arabic lines up by this)."""
    return sum(unicodedata.category(char) not in _ZERO_WIDTH for char in text)
