"""Keyboard shortcuts on digits, as typed on a Latin, Persian or Arabic layout, and their labels.

A Persian keyboard sends ۱ (U+06F1) where a Latin one sends 1, an Arabic one ١ (U+0661),
and the keypad its own key: a shortcut on a digit takes all four, so an analyst never
switches layouts to code.  The label shown beside a value is the Latin form, kept
left-to-right inside a right-to-left label.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def digit_keys(digit: int, modifiers: str = "") -> list[QKeySequence]:
    """``modifiers`` + ``digit`` as typed on a Latin, Persian or Arabic layout or the keypad."""
    chars = (str(digit), chr(0x06F0 + digit), chr(0x0660 + digit))
    return [QKeySequence(modifiers + char) for char in chars] + [
        QKeySequence(modifiers + "Num+" + str(digit))
    ]


def key_label(digit: int, modifiers: str = "") -> str:
    """How the shortcut reads beside a value: ``2``, ``Ctrl+2``."""
    # Isolated left-to-right (LRI ... PDI), so "Ctrl+1" does not turn into "1+Ctrl" in a
    # right-to-left label.
    native = QKeySequence(modifiers + str(digit)).toString(QKeySequence.SequenceFormat.NativeText)
    return "\u2066" + native + "\u2069" if modifiers else native
