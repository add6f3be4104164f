"""Persian and Arabic for terminals that neither shape nor reorder text.

Only the command line's human-readable output goes through :func:`visual`; files, the
database and Qt always get the logical text (see NOTES on arabic-reshaper/python-bidi).
"""

from __future__ import annotations

import arabic_reshaper
from bidi import get_display

_ARABIC_SCRIPT = range(0x0600, 0x0700)


def has_arabic_script(text: str) -> bool:
    return any(ord(char) in _ARABIC_SCRIPT for char in text)


def visual(text: str) -> str:
    """Joined letters in visual (left-to-right display) order, line by line."""
    lines = []
    for line in text.split("\n"):
        if has_arabic_script(line):
            line = get_display(arabic_reshaper.reshape(line), base_dir="R")
        lines.append(line)
    return "\n".join(lines)
