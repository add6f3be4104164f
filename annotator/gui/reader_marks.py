"""The reader's highlights: what is marked over an article's text, and in which colours.

This module owns the marks the reader paints over the text and how they look: participant
mentions (a tinted background with an underline), evidence spans (each in its annotator's
colour) and invisible bidi controls (a warning colour), plus the colour of the reader's
bidi warning line.  A mark is a span of the body in code points with the character format
to paint it in; each format carries its kind under :data:`MARK_KIND` ("mention",
"evidence" or "bidi") for tooltips and tests.  A colour keeps the hue it is given and
takes a lightness that keeps the text readable on the palette, light or dark.  The reader
turns the marks into extra selections at Qt's positions; nothing here touches a document.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextFormat

from annotator.core.participants import Mention

DEFAULT_EVIDENCE = QColor("#f6c343")
MENTION_HUE = QColor("#3b82f6")
WARNING_HUE = QColor("#dc2626")
# Which kind of mark an extra selection is, stored in its format (for tests and tooltips).
MARK_KIND = QTextFormat.Property.UserProperty

Mark = tuple[int, int, QTextCharFormat]
"""A span of the body in code points (start, end) and the format to paint it in."""


def toned(colour: QColor, lightness: float) -> QColor:
    """``colour``'s hue and saturation at ``lightness``: readable under the palette's text."""
    hue = colour.hslHueF()
    if hue < 0:  # grey: no hue to keep
        return QColor.fromHslF(0.0, 0.0, lightness)
    return QColor.fromHslF(hue, max(colour.hslSaturationF(), 0.35), lightness)


def evidence_colour(colour: QColor | str) -> QColor:
    """``colour`` as a QColor: the default evidence colour when it is not a valid colour."""
    qcolour = QColor(colour)
    return qcolour if qcolour.isValid() else DEFAULT_EVIDENCE


def warning_colour(dark: bool) -> QColor:
    """The text colour of the reader's line warning of bidi controls."""
    return toned(WARNING_HUE, 0.75 if dark else 0.40)


def marks(
    mentions: Iterable[Mention],
    evidence: Iterable[tuple[int, int, QColor]],
    bidi: Iterable[int],
    dark: bool,
) -> list[Mark]:
    """The marks of ``mentions``, ``evidence`` spans and ``bidi`` controls, in that order.

    ``evidence`` colours are valid (see :func:`evidence_colour`); ``bidi`` gives the
    code-point offset of each control.
    """
    result: list[Mark] = []

    # Extra selections are painted over the laid-out text (colours and underline only), so
    # a span inside a word never splits its shaping: the letters stay joined.
    mention = QTextCharFormat()
    mention.setProperty(MARK_KIND, "mention")
    mention.setBackground(toned(MENTION_HUE, 0.24 if dark else 0.93))
    mention.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    mention.setUnderlineColor(toned(MENTION_HUE, 0.72 if dark else 0.45))
    for item in mentions:
        result.append((item.start, item.end, mention))

    for start, end, colour in evidence:
        span = QTextCharFormat()
        span.setBackground(toned(colour, 0.32 if dark else 0.74))
        span.setProperty(MARK_KIND, "evidence")
        result.append((start, end, span))

    warning = QTextCharFormat()
    warning.setBackground(toned(WARNING_HUE, 0.30 if dark else 0.88))
    warning.setForeground(toned(WARNING_HUE, 0.78 if dark else 0.40))
    warning.setProperty(MARK_KIND, "bidi")
    for position in bidi:
        result.append((position, position + 1, warning))
    return result
