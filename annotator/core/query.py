"""What a search box or ``annotator search`` query means, as a full-text (FTS5) query.

A query is words, all of which must occur (in any order, any spelling the search key folds
together: Yeh/Kaf, hamza, diacritics, digits, ZWNJ).  Beside them:

- ``"several words"`` (or «several words») finds them as a phrase, in that order;
- ``OR`` between two parts finds either (``آتش‌بس OR ceasefire``);
- ``word*`` finds words that start with ``word``.

Persian and Arabic are written in more than one way where no fold can help, so the query
is widened, never the stored text:

- **compounds**: a compound is written joined, with a ZWNJ or with a space (``آتش‌بس``,
  ``آتشبس``, ``آتش بس``; ``خامنه‌ای``, ``خامنه ای``).  The search key drops the ZWNJ, so the
  index holds ``آتشبس`` for the first two and ``آتش`` + ``بس`` for the third: two words next
  to each other in the query each also match the word they make joined with the one
  before or after, and a word typed with a ZWNJ also matches its parts as a phrase;
- **the linking Vav**: ``گفت‌وگو`` and ``گفتگو`` (``جست‌وجو``, ``شست‌وشو``) are one word: a
  part starting with و after a ZWNJ also matches the word without it, and a word typed
  joined also matches it with the Vav after its first part;
- **the Arabic article**: ``خامنئي`` (typed with a letter only Arabic writes: ي ك ة ى) also
  matches ``الخامنئي``, and a word typed with ``ال`` also matches it without.

Each widening is one more alternative, ORed in FTS5, so a query stays one index lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.text import index_key

ZWNJ = "\u200c"
_VAV = "\u0648"
_ARTICLE = "\u0627\u0644"  # ال
_PHRASE = re.compile(r'"([^"]*)"?|«([^»]*)»?')
# Letters Persian does not write: a word typed with one is Arabic, and may be written
# with the article in the text (خامنئي / الخامنئي).
_ARABIC_LETTERS = frozenset("\u064a\u0643\u0629\u0649")  # ي ك ة ى
_MIN_PART = 2  # letters each part of a compound has at least
# How the first part of a Vav-linked compound ends: a past stem (گفت‌وگو، جست‌وجو،
# شست‌وشو، داد‌وستد) or پرس (پرس‌وجو); only there is a Vav tried inside a joined word.
_STEM_ENDS = frozenset("تدس")  # ت د س


@dataclass(frozen=True)
class Word:
    """A word of the query as typed (its ZWNJs kept), and whether it is a prefix."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must occur together, in order."""

    words: tuple[str, ...]


def fts_query(query: str) -> str:
    """The FTS5 query for ``query`` (see the module's docstring); "" when it holds no word."""
    branches = []
    for part in _split_or(query):
        expression = _all_of(part)
        if expression:
            branches.append(expression)
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else " OR ".join(f"({b})" for b in branches)


def highlight_words(query: str) -> list[str]:
    """The folded words (and their widened spellings) a hit's snippet may show, longest
    first: the snippet marks the first of them found in the article."""
    words: set[str] = set()
    for part in _split_or(query):
        for item in _items(part):
            texts = item.words if isinstance(item, Phrase) else (item.text,)
            for text in texts:
                words.update(_key(s) for s in _spellings(text))
                words.update(_key(piece) for piece in text.split(ZWNJ))
    # (Snippets are found in the search key, which is lower-cased.)
    return sorted({w.casefold() for w in words if w}, key=len, reverse=True)


# -- parsing ----------------------------------------------------------------------------
def _split_or(query: str) -> list[str]:
    """The query's OR-separated parts (``OR`` outside quotes, as its own word)."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for token in re.split(r'(\s+|"|«|»)', query):
        if token in ('"', "«", "»"):
            quoted = not quoted if token == '"' else token == "«"
        if not quoted and token == "OR":
            parts.append("".join(current))
            current = []
            continue
        current.append(token)
    parts.append("".join(current))
    return parts


def _items(part: str) -> list[Word | Phrase]:
    items: list[Word | Phrase] = []
    at = 0
    for found in _PHRASE.finditer(part):
        items += _words(part[at:found.start()])
        inside = found.group(1) if found.group(1) is not None else found.group(2)
        words = tuple(w for w in inside.split() if _key(w))
        if len(words) == 1:
            items.append(Word(words[0]))
        elif words:
            items.append(Phrase(words))
        at = found.end()
    items += _words(part[at:])
    return items


def _words(text: str) -> list[Word]:
    out = []
    for word in text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _key(word):
            out.append(Word(word, prefix))
    return out


# -- building the FTS5 expression -------------------------------------------------------
def _all_of(part: str) -> str:
    """Every item of ``part``: runs of plain words are tried joined as compounds."""
    terms: list[str] = []
    run: list[Word] = []
    for item in _items(part):
        if isinstance(item, Word) and not item.prefix:
            run.append(item)
            continue
        terms += _run(run)
        run = []
        terms.append(_phrase(item.words) if isinstance(item, Phrase)
                     else _term(_key(item.text)) + "*")
    terms += _run(run)
    return " AND ".join(terms)


def _run(run: list[Word]) -> list[str]:
    """Plain words next to each other: each must occur alone, or joined with the word
    before or after it (``آتش بس`` also finds ``آتش‌بس``).  Linear in the words: a word's
    long list of articles is read once, and the joined forms are rare words."""
    terms: list[str] = []
    for index, word in enumerate(run):
        options = [_either(word.text)]
        if index > 0:
            options += _joined(run[index - 1].text, word.text)
        if index + 1 < len(run):
            options += _joined(word.text, run[index + 1].text)
        unique = list(dict.fromkeys(options))
        terms.append(unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")")
    return terms


def _joined(first: str, second: str) -> list[str]:
    """The word two words make joined, in each spelling it may have (without a linking
    Vav too: ``گفت وگو`` → ``گفتوگو``, ``گفتگو``)."""
    return [_term(_key(spelling)) for spelling in _spellings(first + ZWNJ + second)]


def _either(word: str) -> str:
    """One word in each spelling it may have in the index."""
    options: list[str] = []
    for spelling in _spellings(word):
        pieces = [p for p in spelling.split(ZWNJ) if _key(p)]
        options.append(_term(_key(spelling)))
        if len(pieces) > 1:  # written with a space in the article
            options.append(_phrase(tuple(pieces)))
    unique = list(dict.fromkeys(options))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def _spellings(word: str) -> list[str]:
    """``word`` and its other spellings: with or without the linking Vav, with or without
    the Arabic article (ZWNJs kept: they mark where the word may be split)."""
    spellings = [word]
    pieces = word.split(ZWNJ)
    if len(pieces) > 1:
        dropped = [pieces[0]] + [p[1:] if p.startswith(_VAV) and len(p) > _MIN_PART else p
                                 for p in pieces[1:]]
        if dropped != pieces:
            spellings.append(ZWNJ.join(dropped))
    elif _is_arabic_script(word) and len(word) >= 2 * _MIN_PART + 1:
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            if word[cut - 1] in _STEM_ENDS and word[cut] != _VAV:
                spellings.append(word[:cut] + ZWNJ + _VAV + word[cut:])
    for spelling in list(spellings):
        if spelling.startswith(_ARTICLE) and len(_key(spelling)) > len(_ARTICLE) + 2:
            spellings.append(spelling[len(_ARTICLE):])
        elif (_ARABIC_LETTERS.intersection(spelling) and not spelling.startswith(_ARTICLE)
              and len(_key(spelling)) >= 3):
            spellings.append(_ARTICLE + spelling)
    return list(dict.fromkeys(spellings))


def _is_arabic_script(word: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in word)


def _phrase(words: tuple[str, ...]) -> str:
    return '"' + " ".join(_key(w).replace('"', '""') for w in words) + '"'


def _term(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def _key(text: str) -> str:
    """The index's spelling of ``text`` (its tokenizer lower-cases both sides)."""
    return " ".join(index_key(text).split())
