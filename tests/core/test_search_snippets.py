"""A ranked hit's snippet marks the earliest match in the body, wherever it lies: the start
of a long body is searched first, and a match near where that start ends (a word cut in
two, a longer spelling at the same place, a diacritic after the cut) comes out as the
whole body gives it."""

from __future__ import annotations

import random

import pytest

from annotator.core.query import highlight_words
from annotator.core.records import ArticleRecord
from annotator.core.store import open_project
from annotator.core.text import search_key_with_offsets

FILLER = "گزارش خبرگزاری از دیدار وزیران درباره آتش بس و کمک رسانی"


def _reference(body: str, query: str) -> tuple[int, int]:
    """The earliest match (the longest word at one place) found in the whole body's key."""
    key, where = search_key_with_offsets(body)
    best, length = -1, 0
    for word in highlight_words(query):
        found = key.find(word)
        if found >= 0 and (best < 0 or found < best):
            best, length = found, len(word)
    return (-1, -1) if best < 0 else (where[best], where[best + length - 1] + 1)


def _bodies() -> list[tuple[str, str]]:
    rng = random.Random(7)
    made = []
    for place in [*range(560, 640, 3), 5, 2_000]:
        filler = (FILLER + "\n") * 40
        word, query = rng.choice([("غزه", "غزه"), ("غزه", "غزه OR رفح"), ("رَفَح", "رفح"),
                                  ("کرانه باختری", "کرانه باختری"), ("رفحی", "رفح*"),
                                  ("رفح", "غزه OR رفح")])
        body = filler[:place] + " " + word + " " + filler[place:]
        # Sometimes a second, shorter word just before it, or a spelling that folds.
        if rng.random() < 0.5:
            body = body[:place - 4] + " رفح " + body[place - 4:]
        made.append((body, query))
    # A word cut in two where the start ends: its first half is a word of the query too.
    for place in range(592, 601):
        made.append(((FILLER * 12)[:place] + " گفت\u200cوگو " + FILLER, "گفت‌وگو"))
    # Text folded a character and its marks at a time (an ellipsis, a mark after a
    # space) after the start, and odd text in it: the start is folded as the whole is.
    filler = FILLER + "\n"
    made.append(("Aq\u0303 " + filler * 12 + "…" + filler, "Aq\u0303"))
    made.append(("Aq\u0303 " + filler * 12 + "." + filler, "Aq\u0303"))
    made.append(("x\n\u0301y " + filler * 12 + "غزه …" + filler, "x\u00b4y OR غزه"))
    made.append(((FILLER + " ") * 30 + "غز" + "\u0651" + "ه", "غزه"))  # a mark after the cut
    return made


@pytest.mark.parametrize("index", range(len(_bodies())))
def test_snippet_is_the_whole_bodys_earliest_match(tmp_path, index: int) -> None:
    body, query = _bodies()[index]
    with open_project(tmp_path / "p.sqlite") as project:
        added = project.articles.add([ArticleRecord(f"a{index}", "عنوان", body, "test", "fa")])
        assert added.added == [f"a{index}"]
        [hit] = project.articles.search(query)
        assert (hit.start, hit.end) == _reference(body, query)
        if hit.start >= 0:
            assert body[hit.start:hit.end] in hit.snippet.replace(" ", "\n") \
                or body[hit.start:hit.end].replace("\n", " ") in hit.snippet


ODD = ["غ", "ز", "ه", " ", " ", "\n", "\u00a0", "\x85", "\u200c", "\u0651", "\u064e", "\u0301",
       "\u0610", "a", "B", "ß", "İ", "…", "ﻻ", "ك", "ي", "۱", "\u200f", "\ufb01"]


# Characters that fold one to one, with marks after spaces (folded otherwise when the
# text around them is folded a character and its marks at a time).
PLAIN = ["غ", "ز", "ه", " ", "\n", "\x85", "\u0301", "\u0610", "\u0303", "q", "\u200f"]


@pytest.mark.parametrize("seed", range(40))
def test_the_start_of_a_key_is_the_start_of_the_whole_key(seed: int) -> None:
    rng = random.Random(seed)
    # A plain start, then anything (an ellipsis or a ligature changes how all is folded).
    text = ("".join(rng.choice(PLAIN) for _ in range(rng.randrange(50, 300)))
            + "".join(rng.choice(ODD) for _ in range(rng.randrange(0, 200))))
    key, where = search_key_with_offsets(text)
    for end in range(0, len(text) + 1, 7):
        start_key, start_where = search_key_with_offsets(text, end)
        kept = max(0, len(start_key) - 8)  # the last few may be folded otherwise
        assert start_key[:kept] == key[:kept]
        assert start_where[:kept] == where[:kept]
