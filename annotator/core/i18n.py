"""Translation for the Qt-free side: gettext catalogues, and numbers and lists in a language.

The command line, the charts, the report and the exports speak English, Persian or Arabic.
Their words are English messages in the code, looked up at run time by the standard
library's :mod:`gettext` in ``resources/locale/<lang>/LC_MESSAGES/annotator.mo``; those are
compiled from the ``.po`` file beside them, which ``packaging/catalogue.py`` keeps in step
with the code (Babel extracts the messages; Babel is needed only to do that, not to run).
The window's widgets translate through Qt Linguist instead (:mod:`annotator.gui.i18n`); what
they show from the core (labels, agreement notes) comes translated from here.  This module
owns a language's catalogue (:func:`translation`), marking a message for the catalogue
without translating it yet (:func:`N_`), English text that can be translated later
(:class:`Translatable`, :func:`translate`; :func:`error_text` for a raised error), and
writing numbers and lists as a language does (:func:`digits`, :func:`join`,
:func:`join_and`, :class:`Listing`).
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.paths import resources_dir

DOMAIN = "annotator"
LANGUAGES = ("en", "fa", "ar")
SOURCE_LANGUAGE = "en"  # the messages in the code are English; it has no catalogue
RTL_LANGUAGES = frozenset({"fa", "ar"})

_FA_DIGITS = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")
_AR_DIGITS = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")
_SEPARATORS = {"fa": "، ", "ar": "، "}  # the Arabic comma, as Persian and Arabic lists use


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

    def translated(self, language: str) -> str:
        return _fill(translation(language).gettext(self.message), self.values, language)


class Listing(tuple):  # type: ignore[type-arg]
    """Values of a :class:`Translatable` shown as a list: "a, b" in English, "a، b" in
    Persian and Arabic (a plain list or tuple value is joined with "and" instead)."""


def error_text(error: BaseException, language: str) -> str:
    """The message of ``error`` (an :class:`~annotator.core.errors.AnnotatorError`) in
    ``language``: translated where the core raised it with a marked message."""
    message = error.args[0] if len(error.args) == 1 else None
    return translate(message, language) if isinstance(message, str) else str(error)


def _rebuild(message: str, values: dict[str, Any]) -> Translatable:
    return Translatable(message, **values)


def _fill(template: str, values: dict[str, Any], language: str) -> str:
    if not values:
        return template
    return template.format(**{name: _value(value, language) for name, value in values.items()})


def _value(value: Any, language: str) -> str:
    if isinstance(value, Translatable):
        return value.translated(language)
    if isinstance(value, Listing):
        return join([_value(item, language) for item in value], language)
    if isinstance(value, (list, tuple)):
        return join_and([_value(item, language) for item in value], language)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return digits(value, language)
    return str(value)


def translate(text: str, language: str) -> str:
    """``text`` in ``language``: a :class:`Translatable`, or a message marked with
    :func:`N_`; any other text (no catalogue entry) comes back as it is."""
    if isinstance(text, Translatable):
        return text.translated(language)
    return translation(language).gettext(text) if text else text


def digits(text: object, language: str) -> str:
    """Numbers written with Persian (fa) or Arabic-Indic (ar) digits and decimal sign."""
    value = str(text)
    if language == "fa":
        return value.translate(_FA_DIGITS)
    if language == "ar":
        return value.translate(_AR_DIGITS)
    return value


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
