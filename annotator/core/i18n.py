"""Translation for the Qt-free side: gettext catalogues, and numbers and lists in a language.

The command line, the charts, the report and the exports speak English, Persian or Arabic.
Their words are English messages in the code, looked up at run time by the standard
library's :mod:`gettext` in ``resources/locale/<lang>/LC_MESSAGES/annotator.mo``; those are
compiled from the ``.po`` file beside them, which ``packaging/catalogue.py`` keeps in step
with the code (Babel extracts the messages; Babel is needed only to do that, not to run).
The window's widgets translate through Qt Linguist instead (:mod:`annotator.gui.i18n`); what
they show from the core (labels, agreement notes, errors, import and merge summaries) comes
translated from here.  This module owns a language's catalogue (:func:`translation`),
marking a message for the catalogue without translating it yet (:func:`N_`), English text
that can be translated later (:class:`Translatable`, :func:`translate`; :func:`error_text`
for a raised error, :func:`message_of` to wrap one in another message, :func:`os_reason`
for the system's reason a file operation failed), and writing numbers and lists as a
language does (:func:`digits`, :class:`Number`, :func:`join`, :func:`join_and`,
:class:`Listing`, :class:`Clauses`).  The languages themselves are listed once,
in :mod:`annotator.core.languages`.

Numbers follow the Unicode CLDR's symbols for each language: Persian digits with the Persian
decimal and thousands separators, and a negative number written with the minus sign after a
left-to-right mark (U+200E U+2212), so that a right-to-left paragraph shows ``−۰٫۵۰۰`` and not
``۰٫۵۰۰-``; Arabic-Indic digits with the Arabic letter mark before the minus (U+061C ``-``),
which keeps the sign before the number in reading order (on its right) wherever it stands.
Placeholders filled into a Persian or Arabic message for the window can be isolated
(U+2068 ... U+2069) so that a path or an English name inside the sentence does not turn its
direction: :func:`error_text` does that.
"""

from __future__ import annotations

import errno
import functools
import gettext
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.languages import LANGUAGES, RTL_LANGUAGES, SOURCE_LANGUAGE
from annotator.core.paths import resources_dir

DOMAIN = "annotator"

_FA_DIGITS = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")
_AR_DIGITS = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")
_SEPARATORS = {"fa": "، ", "ar": "، "}  # the Arabic comma, as Persian and Arabic lists use
# CLDR's symbols for Persian (arabext) and Arabic (arab) numbers: thousands separator,
# per cent sign and minus sign, the last two with the direction mark CLDR gives them.
_GROUP = "\u066c"
_PERCENT = {"fa": "\u066a", "ar": "\u066a\u061c"}
_MINUS = {"fa": "\u200e\u2212", "ar": "\u061c-"}
_NUMBER = re.compile(r"(?P<minus>-?)(?P<body>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<percent>%?)")
_ISOLATE = "\u2068{}\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


def locale_dir() -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/annotator.po`` and ``.mo``."""
    return resources_dir() / "locale"


def check_language(language: str) -> str:
    """``language`` if the outputs speak it, else an error naming the choices."""
    if language not in LANGUAGES:
        raise AnnotatorError(Translatable("unknown language '{language}' (use one of: "
                                          "{languages})", language=language,
                                          languages=Listing(LANGUAGES)))
    return language


@functools.cache
def translation(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language``: ``.gettext(message)``, ``.pgettext(context, message)``.

    English, or a language whose catalogue is missing, gives the messages as written:
    a missing file must not stop a report, and the tests fail on one before it ships.
    """
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, locale_dir(), [language], fallback=True)


def N_(message: str) -> str:  # noqa: N802 -- the name gettext's tools look for
    """``message`` unchanged, marked for the catalogue: translated later, where it is shown."""
    return message


class Translatable(str):
    """English text that remembers how to say itself in another language.

    It is the English string (so it prints, compares, goes into CSV and JSON as before),
    and keeps its ``message`` (a catalogue entry with named placeholders) and the
    ``values`` that fill them.  A value that is itself :class:`Translatable` is translated
    too; a list or tuple is joined with "and"; numbers get the language's digits; other
    values (ids, names from the data) stay as they are.
    """

    message: str
    values: dict[str, Any]

    def __new__(cls, message: str, /, **values: Any) -> Translatable:
        self = super().__new__(cls, _fill(message, values, SOURCE_LANGUAGE))
        self.message = message
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the message
        return (_rebuild, (self.message, self.values))

    def translated(self, language: str, isolate: bool = False) -> str:
        """The text in ``language``; ``isolate``: each filled-in value (but numbers) set
        apart from the sentence's direction, for a right-to-left paragraph."""
        return _fill(translation(language).gettext(self.message), self.values, language,
                     isolate)


class Number:
    """A number to fill into a :class:`Translatable` written with a format ``spec`` (``","``
    for thousands, ``".1f"``): ``1,234`` in English, ``۱٬۲۳۴`` in Persian, ``١٬٢٣٤`` in Arabic.
    A text (a codebook revision such as ``2`` or ``1+2``) keeps its characters and gets the
    language's digits."""

    def __init__(self, value: float | str, spec: str = "") -> None:
        self.value = value
        self.spec = spec

    def __str__(self) -> str:
        return format(self.value, self.spec)

    def __repr__(self) -> str:
        return f"Number({self.value!r}, {self.spec!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Number) and (self.value, self.spec) == (other.value,
                                                                          other.spec))

    def __hash__(self) -> int:
        return hash((self.value, self.spec))


class Listing(tuple):  # type: ignore[type-arg]
    """Values of a :class:`Translatable` shown as a list: "a, b" in English, "a، b" in
    Persian and Arabic (a plain list or tuple value is joined with "and" instead)."""


class Clauses(tuple):  # type: ignore[type-arg]
    """Values of a :class:`Translatable` shown as clauses: "a; b" in English, "a؛ b" (the
    Arabic semicolon) in Persian and Arabic."""


class InContext(Translatable):
    """A word stored in the data (a status such as ``in_progress``) filled into a message:
    in English as stored (what the command line always printed), in Persian and Arabic as
    the catalogue says ``message`` in ``context`` (``pgettext``), as the window and the
    report name it."""

    context: str

    def __new__(cls, english: str, context: str, message: str) -> InContext:
        self = str.__new__(cls, english)
        self.message = message
        self.values = {}
        self.context = context
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (InContext, (str.__str__(self), self.context, self.message))

    def translated(self, language: str, isolate: bool = False) -> str:
        if language == SOURCE_LANGUAGE:
            return str.__str__(self)
        return translation(language).pgettext(self.context, self.message)


class SystemReason(Translatable):
    """Why the system refused a file operation: in English as the system says it (so the
    command line prints what it always printed), in Persian and Arabic from the catalogue
    (the system's own words for an error are English here: Python does not switch the C
    library's messages to the user's language)."""

    def __new__(cls, english: str, message: str) -> SystemReason:
        self = str.__new__(cls, english)
        self.message = message
        self.values = {}
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (SystemReason, (str.__str__(self), self.message))

    def translated(self, language: str, isolate: bool = False) -> str:
        if language == SOURCE_LANGUAGE:
            return str.__str__(self)
        return translation(language).gettext(self.message)


# The file errors a user meets, marked for the catalogue (others stay as the system says).
_SYSTEM_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.EEXIST: N_("the file already exists"),
    errno.EIO: N_("input/output error (the disk may be failing)"),
    errno.ELOOP: N_("too many links in the path"),
}


def os_reason(error: OSError | int) -> str:
    """Why an operating-system call failed (an :class:`OSError`, or its errno): its
    ``strerror`` in English, translatable where the error is a common one."""
    number = error if isinstance(error, int) else error.errno
    english = os.strerror(error) if isinstance(error, int) else (error.strerror or str(error))
    message = _SYSTEM_REASONS.get(number) if number is not None else None
    return SystemReason(english, message) if message else english


def message_of(error: BaseException) -> str:
    """The message ``error`` was raised with, kept translatable: a :class:`Translatable`
    stays one (so a message that wraps another can still be translated whole)."""
    message = error.args[0] if len(error.args) == 1 else None
    return message if isinstance(message, str) else str(error)


def error_text(error: BaseException, language: str, isolate: bool | None = None) -> str:
    """The message of ``error`` (an :class:`~annotator.core.errors.AnnotatorError`) in
    ``language``: translated where the core raised it with a marked message.

    ``isolate`` (default: for Persian and Arabic) sets each path, name or id filled into the
    message apart from the sentence's direction, as a window's right-to-left paragraph
    needs; a terminal that shows the control characters gets ``isolate=False``."""
    if isolate is None:
        isolate = language in RTL_LANGUAGES
    return translate(message_of(error), language, isolate)


def _rebuild(message: str, values: dict[str, Any]) -> Translatable:
    return Translatable(message, **values)


def _fill(template: str, values: dict[str, Any], language: str, isolate: bool = False) -> str:
    if not values:
        return template
    return template.format(**{name: _value(value, language, isolate)
                              for name, value in values.items()})


def _value(value: Any, language: str, isolate: bool = False) -> str:
    if isinstance(value, Translatable):
        return value.translated(language, isolate)
    if isinstance(value, Listing):
        return join([_value(item, language, isolate) for item in value], language)
    if isinstance(value, Clauses):
        return ("؛ " if language in RTL_LANGUAGES else "; ").join(
            _value(item, language, isolate) for item in value)
    if isinstance(value, (list, tuple)):
        return join_and([_value(item, language, isolate) for item in value], language)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return digits(value, language)
    if isinstance(value, Number):
        return digits(str(value), language)
    text = str(value)
    return _ISOLATE.format(text) if isolate and text else text


def translate(text: str, language: str, isolate: bool = False) -> str:
    """``text`` in ``language``: a :class:`Translatable`, or a message marked with
    :func:`N_`; any other text (no catalogue entry) comes back as it is.  ``isolate``: see
    :meth:`Translatable.translated`."""
    if isinstance(text, Translatable):
        return text.translated(language, isolate)
    return translation(language).gettext(text) if text else text


def digits(text: object, language: str) -> str:
    """Numbers written with Persian (fa) or Arabic-Indic (ar) digits and decimal sign.

    A number on its own (``-0.5``, ``1,234``, ``12.5%``) also gets the language's thousands
    separator, per cent sign and minus sign (see the module's docstring); in other text
    (a date such as ``2024-06-01``) only the digits and the decimal point change.
    """
    value = str(text)
    if language not in _MINUS:  # the languages with digits of their own
        return value
    number = _NUMBER.fullmatch(value)
    if number is not None:
        value = (_MINUS[language] if number["minus"] else "") + number["body"].replace(
            ",", _GROUP) + (_PERCENT[language] if number["percent"] else "")
    return value.translate(_FA_DIGITS if language == "fa" else _AR_DIGITS)


def join(items: Iterable[str], language: str) -> str:
    """A list as ``language`` writes it: "a, b" in English, "a، b" in Persian and Arabic."""
    return _SEPARATORS.get(language, ", ").join(items)


def join_and(items: Iterable[str], language: str) -> str:
    """"a and b" (and "a and b and c") in ``language``."""
    parts = list(items)
    if not parts:
        return ""
    _ = translation(language).gettext
    text = parts[0]
    for part in parts[1:]:
        # Translators: joins two items of a list, e.g. "'unclear' and 'refused'".
        text = _("{first} and {second}").format(first=text, second=part)
    return text
