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
