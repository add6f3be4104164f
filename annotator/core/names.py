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

MAX_LENGTH = 200
JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: allowed inside a name
# General categories refused anywhere: controls, format, surrogates, private use,
# unassigned, line and paragraph separators.
_REFUSED = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def name_problem(value: object, what: str = "name") -> str | None:
    """Why ``value`` is not an acceptable ``what`` (e.g. "article id"), or None if it is."""
    if not isinstance(value, str):
        return f"the {what} must be text"
    if not value.strip():
        return f"the {what} is empty"
    if len(value) > MAX_LENGTH:
        return f"the {what} is {len(value):,} characters long (at most {MAX_LENGTH})"
    for position, char in enumerate(value, 1):
        if char in JOINERS:
            continue
        category = unicodedata.category(char)
        if category in _REFUSED:
            return (f"the {what} holds an invisible or control character "
                    f"U+{ord(char):04X} at character {position}")
        if category == "Zs" and char != " ":
            return (f"the {what} holds a special space U+{ord(char):04X} at character "
                    f"{position} (use an ordinary space)")
    ends = (value[0], value[-1])
    if any(c.isspace() or c in JOINERS for c in ends):
        return f"the {what} starts or ends with a space or an invisible joiner"
    return None


def check_name(value: object, what: str = "name") -> str:
    """``value`` itself if acceptable; otherwise raise one line saying why."""
    problem = name_problem(value, what)
    if problem is not None:
        if not isinstance(value, str) or not value.strip():
            raise AnnotatorError(problem)
        raise AnnotatorError(f"{problem}: {shown(value)}")
    return value  # type: ignore[return-value]


def check_person(value: object, what: str = "annotator's name") -> str:
    """An annotator's, reviewer's or comment author's name, checked."""
    return check_name(value, what)


def check_article_id(value: object) -> str:
    """An article id, checked."""
    return check_name(value, "article id")


def shown(value: object) -> str:
    """``value`` for a one-line message: quoted, escaped (repr), cut after 40 characters."""
    if not isinstance(value, str):
        return type(value).__name__
    return repr(value[:40]) + ("…" if len(value) > 40 else "")
