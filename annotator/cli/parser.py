"""The command line's parser speaks the command's language: usage, help and argparse's errors.

``annotator --lang fa --help`` (or ``annotator import --lang ar --help``, or a wrong option
with ``--lang fa``) prints its usage, help texts and errors in Persian or Arabic.  The
language is read from the command line before it is parsed (:func:`requested_language`:
the last ``--lang`` given, English when none is), since the help is printed while parsing.

Three kinds of words are translated, all through the gettext catalogue:

- the help texts, descriptions, epilogues and section titles the commands give: they are
  :class:`~annotator.core.i18n.Translatable` messages, which the parser's help formatter
  (:func:`parser_class`) says in the language;
- argparse's own words ("usage:", "options", "the following arguments are required"):
  argparse asks the standard library's gettext for them through its module's ``_`` and
  ``ngettext``; :func:`speaking` points those at our catalogue while a command line is
  parsed, and puts them back after (argparse's messages are listed here, marked for the
  catalogue, as they read in the Pythons we support; one that reads otherwise stays
  English);
- messages a value's type check raises (:func:`spoken_now`).

Option names, metavariables (``FILE``, ``NAME``), choices and the program's name stay as
typed, in every language.  Printed to a terminal that does not order bidi text, Persian
and Arabic are shaped as :func:`annotator.cli.common.use_visual` decides.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

from annotator.cli.common import use_visual
from annotator.core.i18n import N_, Number, Translatable, translate, translation
from annotator.core.languages import LANGUAGES, SOURCE_LANGUAGE, is_rtl
from annotator.core.outputs.terminal import visual

# argparse's messages, as its module asks gettext for them (Python 3.11 and later).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)

_speaking: list[str] = [SOURCE_LANGUAGE]  # the language of the command line being parsed


def requested_language(argv: Sequence[str]) -> str:
    """The language a command line asks for with ``--lang`` (the last one before ``--``),
    English when it asks for none or for one we do not speak."""
    chosen = SOURCE_LANGUAGE
    words = list(argv)
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(words):
            value = words[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        else:
            continue
        chosen = value if value in LANGUAGES else SOURCE_LANGUAGE
    return chosen


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """argparse's own words in ``language`` while the block runs (then as they were)."""
    words = translation(language)

    def plural(singular: str, several: str, count: int) -> str:
        return words.gettext(singular if count == 1 else several)

    def single(message: str | None) -> str | None:  # argparse asks for None too
        return message if message is None else words.gettext(message)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = single, plural  # type: ignore[attr-defined]
    _speaking.append(language)
    try:
        yield
    finally:
        _speaking.pop()
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def spoken_now(message: Translatable) -> str:
    """``message`` in the language of the command line being parsed (for a type check's
    error, which argparse prints as it gets it)."""
    return translate(message, _speaking[-1])


def parser_class(language: str) -> type[argparse.ArgumentParser]:
    """An ``ArgumentParser`` whose help and usage speak ``language``; its sub-command
    parsers are of the same class (argparse makes them with the parent's class)."""

    class Formatter(argparse.HelpFormatter):
        def _get_help_string(self, action: argparse.Action) -> str | None:
            return _said(action.help, language)

        def add_text(self, text: str | None) -> None:
            super().add_text(_said(text, language))

        def start_section(self, heading: str | None) -> None:
            super().start_section(_said(heading, language))

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", Formatter)
            super().__init__(*args, **kwargs)

        def _print_message(self, message: str, file: IO[str] | None = None) -> None:
            if message and is_rtl(language) and use_visual(None, file):
                message = "\n".join(visual(line) for line in message.split("\n"))
            super()._print_message(message, file)

    Parser.__name__ = Parser.__qualname__ = f"Parser_{language}"
    return Parser


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (``1,000`` and ``1_000``
    read too), refused in one line in the command's language."""
    def parse(text: str) -> int:
        try:
            value = int(text.replace("_", "").replace(",", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(spoken_now(Translatable(
                "{text} is not a whole number", text=repr(text)))) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(spoken_now(Translatable(
                "{text} is out of range ({low} to {high})", text=repr(text), low=low,
                high=Number(high, ","))))
        return value
    parse.__name__ = spoken_now(Translatable("whole number"))
    return parse


def _said(text: str | None, language: str) -> str | None:
    """A help text, description or title in ``language``: a message marked with ``N_``
    (looked up as it is) or a :class:`Translatable` (filled in).  The translations write
    the per cent sign as Persian and Arabic do, never '%', which argparse would read as the
    start of a placeholder."""
    if text is None or language == SOURCE_LANGUAGE:
        return text
    if isinstance(text, Translatable):
        return translate(text, language)
    return translation(language).gettext(text)
