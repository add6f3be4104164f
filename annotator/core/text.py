"""Article text: canonical form, search keys, language, and offset conversion.

Stored article text is canonicalised once at import (NFC, ``\\n`` line ends) and never
changes afterwards.  Everything here that *folds* text (Yeh/Kaf, hamza, diacritics,
tatweel, ZWNJ, digits) produces a *search key*: it is used for the full-text index, the
query and participant matching, never for display or storage.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters folded to one form in the search key.
_FOLD: dict[str, str] = {
    "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH (Persian Kaf)
    "\u06aa": "\u06a9",  # SWASH KAF
    "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ALEF MAKSURA
    "\u06d2": "\u06cc",  # YEH BARREE
    "\u0626": "\u06cc",  # YEH WITH HAMZA ABOVE
    "\u0629": "\u0647",  # TEH MARBUTA -> HEH
    "\u06c0": "\u0647",  # HEH WITH YEH ABOVE
    "\u06c1": "\u0647",  # HEH GOAL
    "\u06d5": "\u0647",  # AE
    "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE
    "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW
    "\u0671": "\u0627",  # ALEF WASLA
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0624": "\u0648",  # WAW WITH HAMZA ABOVE
}
for _i in range(10):
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits

# Characters deleted from the search key.
_DELETE: list[int] = [
    *range(0x064B, 0x0660),  # harakat, hamza above/below marks
    0x0670,  # superscript alef
    *range(0x06D6, 0x06EE),  # Quranic marks
    0x0640,  # tatweel
    0x200B, 0x200C, 0x200D,  # ZWSP, ZWNJ, ZWJ
    0x200E, 0x200F, 0x061C,  # LRM, RLM, ALM
    *range(0x202A, 0x202F),  # LRE RLE PDF LRO RLO
    *range(0x2066, 0x206A),  # LRI RLI FSI PDI
    0xFEFF,  # BOM / ZWNBSP
    0x00AD,  # soft hyphen
]

_TABLE: dict[int, str | None] = {ord(k): v for k, v in _FOLD.items()}
_TABLE.update({cp: None for cp in _DELETE})


@lru_cache(maxsize=1)
def _fold_table() -> list[str | None]:
    """:data:`_TABLE` as a list over the Basic Multilingual Plane, for ``str.translate``.

    A dict makes ``translate`` raise and swallow a ``KeyError`` for every character it
    leaves alone; a list answers each of them directly, which folds an article in half
    the time.  Characters past the list (astral ones) are left alone, as with the dict.
    """
    table: list[str | None] = [chr(cp) for cp in range(0x10000)]
    for cp, replacement in _TABLE.items():
        table[cp] = replacement
    return table


# Bidi control characters that change how a line is ordered on screen.
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def canonical(text: str) -> str:
    """The stored form of article text: NFC, ``\\n`` line ends, no BOM."""
    if text.isascii():  # ids, URLs, dates: already NFC, no BOM, no U+2028/U+2029
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def search_key(text: str) -> str:
    """Fold ``text`` for search and matching: one spelling for Persian/Arabic variants."""
    return " ".join(index_key(text).casefold().split())  # whitespace runs to one space


# For index_key: the folds one pair at a time, and the deleted characters as one class.
_FOLDS = tuple(_FOLD.items())
_DELETED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in _DELETE) + "]+")


def index_key(text: str) -> str:
    """The folded spelling the full-text index stores: :func:`search_key` without the
    lower-casing and the whitespace clean-up, which the index's tokenizer does itself.

    The same as ``text.translate(_fold_table())`` after NFKC, in a fifth of the time:
    ``translate`` calls into Python objects for every character (~25 ns each, most of
    an import's reading time), while looking for each folded character and replacing
    the few an article holds is a scan in C.  No fold yields a character that another
    fold or the deletion changes, so the order of the steps does not matter.
    """
    text = text.replace("\u00a0", " ")
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _DELETED.search(text) is not None:
        text = _DELETED.sub("", text)
    for char, folded in _FOLDS:
        if char in text:
            text = text.replace(char, folded)
    return text


@lru_cache(maxsize=4096)
def _fold_char(cluster: str) -> str:
    folded = unicodedata.normalize("NFKC", cluster).translate(_TABLE).casefold()
    return " " if folded.isspace() else folded


_WORD_OR_SPACE = re.compile("[^\\s\x00]+|\\s[\\s\x00]*")


@lru_cache(maxsize=1)
def _marked_table() -> list[str | None]:
    """:func:`_fold_table` with deleted characters marked by NUL instead of removed, so
    that the folded text keeps the length, and the indexes, of the original."""
    table = list(_fold_table())
    for cp in _DELETE:
        table[cp] = "\x00"
    return table


def search_key_with_offsets(text: str, end: int | None = None) -> tuple[str, list[int]]:
    """The search key of ``text`` and, for each key character, its index in ``text``.

    Used where a match in the key must be shown in the original text (participant
    mentions, search snippets).  Whitespace runs collapse like in :func:`search_key`;
    the key is not stripped, so indexes stay aligned.

    With ``end``, the key of ``text[:end]`` alone, folded the way the whole text is (a
    character at a time when every character folds to one, else a character and its
    marks at a time, which differ on odd text such as a mark after a space): the start of
    the whole text's key, but for its last few characters.
    """
    if "\x00" not in text:
        text_nbsp = text.replace("\u00a0", " ")
        if unicodedata.is_normalized("NFKC", text_nbsp):
            if end is None:
                folded = text_nbsp.translate(_marked_table()).casefold()
                if len(folded) == len(text):  # every character folds to one: at a time
                    return _key_by_runs(folded)
            elif _folds_one_to_one(text_nbsp):
                return _key_by_runs(text_nbsp[:end].translate(_marked_table()).casefold())
    return _key_by_character(text if end is None else text[:end])


def _folds_one_to_one(text: str) -> bool:
    """Whether ``text.translate(_marked_table()).casefold()`` is as long as ``text``,
    without folding it all: the table changes no character's case-folded length (checked
    once), so the text's own case folding tells."""
    if _table_keeps_casefold_lengths():
        return len(text.casefold()) == len(text)
    return len(text.translate(_marked_table()).casefold()) == len(text)


@lru_cache(maxsize=1)
def _table_keeps_casefold_lengths() -> bool:
    table = _marked_table()
    return all(folded is not None and len(folded) == 1
               and len(folded.casefold()) == len(char.casefold())
               for char, folded in zip(map(chr, range(len(table))), table, strict=True)
               if folded != char)


# What the key changes in a folded text: a whitespace run that is not one plain space
# (it becomes one space), and the marks of removed characters (they go).  Between two
# such places key and text are the same letters, so offsets are copied a stretch at a time.
_LEADING = re.compile("[\\s\x00]*")
_KEY_CHANGES = re.compile(" [\\s\x00]+|[^\\S ][\\s\x00]*|\x00+")


def _key_by_runs(folded: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    leading = _LEADING.match(folded)  # leading whitespace is dropped
    copied = leading.end() if leading else 0
    for change in _KEY_CHANGES.finditer(folded, copied):
        start, end = change.span()
        if start > copied:
            out.append(folded[copied:start])
            where.extend(range(copied, start))
        if folded[start] != "\x00" and where:  # a run of whitespace: one space
            out.append(" ")
            where.append(start)
        copied = end
    if copied < len(folded):
        out.append(folded[copied:])
        where.extend(range(copied, len(folded)))
    return "".join(out), where


def _key_by_character(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    where: list[int] = []
    last_space = True
    index = 0
    length = len(text)
    while index < length:
        # A base character and the combining marks after it fold together (as NFKC would).
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        folded = _fold_char(text[index:end])
        if folded == " ":
            if last_space:
                index = end
                continue
            last_space = True
        elif folded:
            last_space = False
        for piece in folded:
            out.append(piece)
            where.append(index)
        index = end
    return "".join(out), where


@lru_cache(maxsize=1)
def _letter_classes() -> list[str | None]:
    """For ``str.translate``: Arabic-script letters to ``a``, other letters to ``o``, the
    rest (digits, marks, punctuation, spaces) deleted."""
    table: list[str | None] = [None] * 0x10000
    for cp in range(0x10000):
        if chr(cp).isalpha():
            table[cp] = "a" if 0x0600 <= cp <= 0x06FF or 0xFB50 <= cp <= 0xFEFF else "o"
    return table


def detect_language(text: str) -> str:
    """``fa``, ``ar`` or ``other``, judged from the letters of ``text``."""
    # The first thousand characters tell Persian from Arabic as well as a whole book, and
    # the first few hundred tell Arabic script from other scripts.
    sample = text[:1000]
    classes = sample[:400].translate(_letter_classes())
    letters = len(classes)
    arabic = classes.count("a")
    if letters == 0 or arabic / letters < 0.3:
        return "other"
    persian_only = sum(sample.count(c) for c in "\u067e\u0686\u0698\u06af")  # پ چ ژ گ
    persian_yeh_kaf = sample.count("\u06cc") + sample.count("\u06a9")  # ی ک
    arabic_only = sum(sample.count(c) for c in "\u0629\u064a\u0643\u0649")  # ة ي ك ى
    # Persian written through Windows-1256 has Arabic Yeh and Kaf, but keeps پ چ ژ گ.
    if persian_only / arabic > 0.002 or persian_yeh_kaf > arabic_only:
        return "fa"
    return "ar"


def utf16_offsets(text: str) -> list[int]:
    """For each code-point index 0..len(text), the UTF-16 code-unit index (Qt's cursor)."""
    result = [0] * (len(text) + 1)
    position = 0
    for index, char in enumerate(text):
        result[index] = position
        position += 2 if ord(char) > 0xFFFF else 1
    result[len(text)] = position
    return result


def to_utf16(text: str, index: int) -> int:
    """Code-point ``index`` in ``text`` as a UTF-16 position."""
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)


def from_utf16(text: str, position: int) -> int:
    """UTF-16 ``position`` in ``text`` as a code-point index (inside a pair: the pair's start)."""
    units = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if units + width > position:
            return index
        units += width
    return len(text)
