"""What makes an article id or a person's name acceptable: one rule for every entry point.

Ids and names are printed one per line in the command line's listings, used as CSV
cells, tooltips and report headings, and compared for equality when colleagues' files
are merged.  So they must be one visible line of text: no control characters (newline,
tab, NUL), no line or paragraph separators, no invisible format characters (the bidi
overrides and isolates U+202A-202E/U+2066-2069, marks, zero-width space, BOM, soft
hyphen), no private-use, unassigned or surrogate code points, no space other than the
ordinary one (a no-break or thin space makes a second name that looks like the first), no
space at either end, and at most :data:`MAX_LENGTH` characters.

Two format characters are allowed *inside* a name: ZWNJ (U+200C) and ZWJ (U+200D).
Persian spells many names and words with a ZWNJ between two parts of one word
(``عبدالله‌زاده``, ``می‌گوید``); refusing it would force people to misspell their own
names.  They change how letters join, not the order of the text, so they cannot make a
listing lie.  At the start or end of a name they do nothing visible, so there they are
refused like spaces (two names that look the same must not differ only by them).

Existing data is never rejected on reading; only new ids and names are checked.
"""

from __future__ import annotations

import unicodedata

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Number, Translatable

MAX_LENGTH = 200
JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: allowed inside a name
# General categories refused anywhere: controls, format, surrogates, private use,
# unassigned, line and paragraph separators.
_REFUSED = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
# What the callers call the value checked, marked for the catalogue (messages name it).
_WHAT = (N_("name"), N_("article id"), N_("annotator's name"), N_("reviewer's name"),
         N_("author's name"))


def name_problem(value: object, what: str = "name") -> str | None:
    """Why ``value`` is not an acceptable ``what`` (e.g. "article id"), or None if it is.

    The answer is a :class:`~annotator.core.i18n.Translatable` (English text that the
    window shows in its own language)."""
    thing = Translatable(what)  # one of _WHAT: translated where it is shown
    if not isinstance(value, str):
        return Translatable("the {what} must be text", what=thing)
    if not value.strip():
        return Translatable("the {what} is empty", what=thing)
    if len(value) > MAX_LENGTH:
        return Translatable("the {what} is {length} characters long (at most {most})",
                            what=thing, length=Number(len(value), ","), most=MAX_LENGTH)
    for position, char in enumerate(value, 1):
        if char in JOINERS:
            continue
        category = unicodedata.category(char)
        if category in _REFUSED:
            return Translatable("the {what} holds an invisible or control character {code} "
                                "at character {position}", what=thing,
                                code=_code(char), position=position)
        if category == "Zs" and char != " ":
            return Translatable("the {what} holds a special space {code} at character "
                                "{position} (use an ordinary space)", what=thing,
                                code=_code(char), position=position)
    ends = (value[0], value[-1])
    if any(c.isspace() or c in JOINERS for c in ends):
        return Translatable("the {what} starts or ends with a space or an invisible joiner",
                            what=thing)
    return None


def check_name(value: object, what: str = "name") -> str:
    """``value`` itself if acceptable; otherwise raise one line saying why."""
    problem = name_problem(value, what)
    if problem is not None:
        if not isinstance(value, str) or not value.strip():
            raise AnnotatorError(problem)
        raise AnnotatorError(refused(problem, value))
    return value  # type: ignore[return-value]


def check_person(value: object, what: str = "annotator's name") -> str:
    """An annotator's, reviewer's or comment author's name, checked."""
    return check_name(value, what)


def check_article_id(value: object) -> str:
    """An article id, checked."""
    return check_name(value, "article id")


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def refused(problem: str, value: object) -> str:
    """``problem`` (from :func:`name_problem`) followed by the value it is about."""
    return Translatable("{problem}: {value}", problem=problem, value=shown(value))


def shown(value: object) -> str:
    """``value`` for a one-line message: quoted, escaped (repr), cut after 40 characters."""
    if not isinstance(value, str):
        return type(value).__name__
    return repr(value[:40]) + ("…" if len(value) > 40 else "")
