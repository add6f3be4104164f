"""Key sequences for shortcuts: digits on any layout, the platform's standard keys, no twins.

A Persian keyboard sends ۱ (U+06F1) where a Latin one sends 1, an Arabic one ١ (U+0661),
and the keypad its own key: a shortcut on a digit takes all four, so an analyst never
switches layouts to code.  The label shown beside a value is the Latin form, kept
left-to-right inside a right-to-left label.

A key sequence bound twice where both bindings are active makes Qt run neither ("ambiguous
shortcut"), also when both belong to one action.  The platform's standard keys differ (Redo
is Ctrl+Y first on some desktops, Ctrl+Shift+Z first on others), so lists that mix our own
keys with the platform's go through :func:`unique_keys`.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def standard_keys(standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """Every key sequence the platform binds to ``standard``, its preferred one first."""
    return list(QKeySequence.keyBindings(standard))


def unique_keys(keys: Iterable[QKeySequence | str]) -> list[QKeySequence]:
    """``keys`` in order, each once and none empty: the first one is what menus show."""
    seen: set[str] = set()
    unique = []
    for key in keys:
        sequence = QKeySequence(key)
        text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        if text and text not in seen:
            seen.add(text)
            unique.append(sequence)
    return unique
