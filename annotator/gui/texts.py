"""How text gets into widgets: direction marks, literal ampersands, tooltips, plain text.

Labels come from the codebook and the participants registry in the UI language.  Qt lays out
Persian and Arabic by itself, so these helpers only add an RLM where a right-to-left label
would otherwise start left-to-right, escape ``&`` (Qt's mnemonic marker) in button texts, and
wrap long definitions in rich-text tooltips (plain-text tooltips do not wrap).  Text from
the data (names, titles, quotes, comments) is never markup: labels that show it are plain
text, and tooltips and message boxes escape it (:func:`plain_tip`, :func:`plain_message`).
What the core says (a raised :class:`~annotator.core.errors.AnnotatorError`, an import
problem, a merge summary's line) is shown in the interface language (:func:`core_text`,
:func:`error_message`), with the paths and names in it set apart from the sentence's
direction.
"""

from __future__ import annotations

import datetime as dt
import html
import unicodedata

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QProgressBar

from annotator.core.codebook import Category, Field
from annotator.core.i18n import digits, error_text, translate
from annotator.gui.i18n import interface_language, is_rtl

RLM = "\u200f"


_ISOLATES = {"\u2066", "\u2067", "\u2068"}  # LRI, RLI, FSI; each closed by PDI U+2069


def first_strong_is_rtl(text: str, skip_isolates: bool = True) -> bool | None:
    """Whether the first strongly directional character is right-to-left (None: none).

    As the Unicode bidi algorithm finds a paragraph's direction (rule P2): what an isolate
    holds (a name in FSI … PDI) does not decide the direction of the text around it.
    ``skip_isolates=False`` looks as Qt's labels and message boxes do: they take the first
    strong character even inside an isolate, so a Persian sentence starting with an
    isolated path is laid out left-to-right (seen with Qt 6.11 in a word-wrapped box).
    """
    depth = 0
    for char in text:
        if skip_isolates and char in _ISOLATES:
            depth += 1
        elif skip_isolates and char == "\u2069":
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind in ("R", "AL"):
                return True
            if kind == "L":
                return False
    return None


def _qt_starts_rtl(text: str) -> bool:
    """Whether Qt lays ``text`` out as a right-to-left paragraph of its own accord."""
    return first_strong_is_rtl(text, skip_isolates=False) is True


def display(text: str, language: str) -> str:
    """``text`` for a label in ``language``: an RLM in front only when a Persian/Arabic
    label would otherwise start its paragraph left-to-right (``ECO ...``, or a sentence
    that starts with an isolated path or name)."""
    if is_rtl(language) and text and not _qt_starts_rtl(text):
        return RLM + text
    return text


def message_text(text: str, language: str | None = None) -> str:
    """A message box's text (or informative text) in the interface language, each line
    a paragraph that reads right-to-left in Persian and Arabic even when it starts with
    data (a path, a Latin name)."""
    language = language or interface_language()
    return "\n".join(display(line, language) for line in text.split("\n"))


def button_text(text: str) -> str:
    """A button/box text with literal ampersands (Qt would read ``&`` as a mnemonic)."""
    return text.replace("&", "&&")


def _paragraph(text: str, italic: bool = False) -> str:
    direction = ' dir="rtl"' if first_strong_is_rtl(text) else ""
    body = html.escape(text)
    return f"<p{direction}>{'<i>' + body + '</i>' if italic else body}</p>"


def paragraphs_html(text: str, italic: bool = False) -> str:
    """``text`` (data, escaped) as rich text, one block per line, each in its own
    direction: a Persian line right to left in the English window, an English one left
    to right in the Persian window (a line with no letters takes the widget's)."""
    blocks = []
    for line in text.splitlines():
        rtl = first_strong_is_rtl(line)
        direction = "" if rtl is None else f' dir="{"rtl" if rtl else "ltr"}"'
        body = html.escape(line)
        blocks.append(f"<div{direction}>{'<i>' + body + '</i>' if italic else body}</div>")
    return "".join(blocks)


# The codebook marks an example written for it, not quoted from an article, with this.
INVENTED = "(invented) "


def tooltip(definition: str, example: str = "") -> str:
    """A rich-text tooltip (so Qt wraps it) with a definition and an optional example."""
    parts = [_paragraph(definition)] if definition else []
    if example.startswith(INVENTED):
        marker = QCoreApplication.translate("tooltip", "(invented)")
        parts.append(_paragraph(f"«{example[len(INVENTED):]}» {marker}", italic=True))
    elif example:
        parts.append(_paragraph(f"«{example}»", italic=True))
    return "".join(parts)


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written, whatever it holds.

    Qt reads a tooltip as rich text when ``Qt.mightBeRichText`` guesses so (a leading
    ``<b>``, ``<img src=...>``), so data handed over as it is could show a local image or
    markup.  Escaped inside rich text, every character is shown literally; each line is
    its own paragraph, with its own direction.
    """
    if not text:
        return ""
    return "".join(_paragraph(line) for line in text.split("\n"))


def plain_message(text: str) -> str:
    """``text`` for a message box that guesses its format: as it is (each line reading
    right-to-left in Persian and Arabic, :func:`message_text`), unless Qt would take it
    for markup (an error naming a file called ``<img src=...>``); then escaped."""
    return plain_tip(text) if QtGui.Qt.mightBeRichText(text) else message_text(text)


def core_text(text: str, language: str | None = None) -> str:
    """A message from the core (a :class:`~annotator.core.i18n.Translatable`) in
    ``language`` (default: the interface's); other text comes back as it is."""
    language = language or interface_language()
    return translate(text, language, isolate=is_rtl(language))


def isolate(text: str) -> str:
    """``text`` (a path, a name: data) set apart from the direction of the sentence it is
    put in, so that a path keeps its slashes in place and, first in a Persian sentence,
    does not turn the paragraph left-to-right."""
    return f"\u2068{text}\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


def number_text(value: int) -> str:
    """A whole number as the interface writes it: ``1,234`` in English, ``۱٬۲۳۴`` in
    Persian, ``١٬٢٣٤`` in Arabic (so a count reads in the same digits as the rest)."""
    return digits(format(value, ","), interface_language())


def percent_in_language(bar: QProgressBar) -> None:
    """Have ``bar`` write its percentage in the interface's digits and percent sign
    (``۴۲٪`` in Persian, ``٤٢٪`` in Arabic): Qt writes it in the bar's locale, which is
    the system's, not the interface language."""
    locale = QLocale(interface_language())
    bar.setLocale(locale)
    bar.setFormat("%p" + locale.percent())


def time_text(moment: dt.datetime) -> str:
    """A moment in local time as ``2024-06-01 12:00`` in the interface's digits, isolated
    left to right so that date and time keep their order in a right-to-left line."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone().strftime("%Y-%m-%d %H:%M")
    return "\u2066" + digits(local, interface_language()) + "\u2069"


def error_message(error: BaseException | str, language: str | None = None) -> str:
    """What a core error says, in ``language`` (default: the interface's), for a status bar,
    a label or a message (:func:`plain_message` for a box that guesses the format).
    ``error`` may also be the message kept from one (``message_of``)."""
    if isinstance(error, BaseException):
        return error_text(error, language or interface_language())
    return core_text(error, language)


def field_tooltip(field: Field, language: str) -> str:
    return tooltip(field.definition_in(language))


def category_tooltip(category: Category, language: str) -> str:
    return tooltip(category.definition_in(language), category.example)


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters (for quotes in labels and tooltips)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
