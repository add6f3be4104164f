"""Near-duplicate articles: the same text but for ZWNJ, spacing, paragraph breaks or a few words.

Wire stories come back from republishers with a ZWNJ dropped, a space doubled, a paragraph
split, a word changed.  Texts are compared on their *folded words*: the search key
(:func:`annotator.core.text.index_key`: ZWNJ, harakat and tatweel dropped, Yeh/Kaf, hamza
forms and digits folded), casefolded and cut into words, so spacing, line and paragraph
breaks and punctuation do not count.

- Two texts with the same folded words are near-duplicates ("the same words").
- Otherwise, when both have at least :data:`MIN_WORDS` (50) words, they are
  near-duplicates when the Jaccard similarity of their sets of word 3-shingles (each run
  of three words) is at least :data:`THRESHOLD` (0.8).  One word changed in a 400-word
  article leaves it at about 0.985, in a 50-word one at about 0.88.  Shorter texts (news
  flashes, captions) differ in meaning by one word ("met X" / "met Y"): only the same
  words make them near-duplicates.

Kept fast: only articles sharing a shingle are compared (an inverted index over the
shingles of short texts and those of long texts whose hash is divisible by 4, skipping
shingles shared by more than 500 articles, such as "به گزارش ایرنا"), and only those whose
lengths allow the threshold.  For texts of
up to 256 shingles the similarity is exact; for longer ones it is computed on the sampled
quarter of the shingles, an unbiased estimate.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.text import index_key

THRESHOLD = 0.8
MIN_WORDS = 50
SHINGLE = 3
_SAMPLE = 4  # shingles kept for the index and long texts: hash divisible by this
_FULL_UP_TO = 256  # texts with up to this many shingles keep them all
_COMMON = 500  # a sampled shingle in more articles than this finds no candidates
_CANDIDATES = 20  # most articles compared with one text
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Repeat:
    """The article a text repeats: its id, and how similar (1.0 for the same words)."""

    article_id: str
    similarity: float
    same_words: bool


@dataclass(frozen=True)
class _Sketch:
    article_id: str
    shingles: frozenset[int]  # all of them, or the sampled ones (``full`` False)
    full: bool
    count: int  # shingles in the text


def folded_words(key: str) -> list[str]:
    """The words of a search key (:func:`index_key`), casefolded."""
    return _WORD.findall(key.casefold())


class NearDuplicates:
    """The texts seen so far, to ask of a new one which of them it repeats."""

    def __init__(self) -> None:
        self._same_words: dict[bytes, str] = {}
        self._hashes: set[str] = set()
        self._sketches: list[_Sketch] = []
        self._postings: dict[int, list[int]] = {}

    @classmethod
    def of(cls, articles: Iterable[tuple[str, str, str]]) -> NearDuplicates:
        """An index of ``(article id, body, content hash)`` triples (a project's articles)."""
        index = cls()
        for article_id, body, digest in articles:
            index.add(article_id, index_key(body), digest)
        return index

    def knows_content(self, digest: str) -> bool:
        """Whether a text with exactly this content hash was added."""
        return digest in self._hashes

    def add(self, article_id: str, key: str, digest: str) -> None:
        """Remember the text whose search key is ``key``."""
        words = folded_words(key)
        self._hashes.add(digest)
        self._same_words.setdefault(_words_digest(words), article_id)
        if len(words) < MIN_WORDS:
            return
        sketch = _sketch(article_id, words)
        number = len(self._sketches)
        self._sketches.append(sketch)
        for anchor in _anchors(sketch):
            self._postings.setdefault(anchor, []).append(number)

    def repeated(self, key: str) -> Repeat | None:
        """The article already added that the text with search key ``key`` repeats, if any."""
        words = folded_words(key)
        if not words:
            return None
        same = self._same_words.get(_words_digest(words))
        if same is not None:
            return Repeat(same, 1.0, True)
        if len(words) < MIN_WORDS:
            return None
        sketch = _sketch("", words)
        votes: Counter[int] = Counter()
        for anchor in _anchors(sketch):
            postings = self._postings.get(anchor)
            if postings is not None and len(postings) <= _COMMON:
                votes.update(postings)
        best: Repeat | None = None
        for number, _votes in votes.most_common(_CANDIDATES):
            other = self._sketches[number]
            if min(other.count, sketch.count) < THRESHOLD * max(other.count, sketch.count):
                continue  # lengths too far apart to reach the threshold
            similarity = _similarity(sketch, other)
            if similarity >= THRESHOLD and (best is None or similarity > best.similarity):
                best = Repeat(other.article_id, similarity, False)
        return best


def _words_digest(words: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()


def _sketch(article_id: str, words: list[str]) -> _Sketch:
    if len(words) < SHINGLE:
        shingles = {hash(tuple(words))}
    else:
        shingles = {hash(tuple(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}
    if len(shingles) <= _FULL_UP_TO:
        return _Sketch(article_id, frozenset(shingles), True, len(shingles))
    return _Sketch(article_id, frozenset(h for h in shingles if h % _SAMPLE == 0), False,
                   len(shingles))


def _anchors(sketch: _Sketch) -> frozenset[int]:
    """The shingles a text is found by: all of a short text's, the sampled ones of a long
    one (a short text and a long one that share enough share some sampled shingles)."""
    return sketch.shingles


def _similarity(one: _Sketch, other: _Sketch) -> float:
    a, b = one.shingles, other.shingles
    if not (one.full and other.full):
        a = frozenset(h for h in a if h % _SAMPLE == 0)
        b = frozenset(h for h in b if h % _SAMPLE == 0)
    union = len(a | b)
    return len(a & b) / union if union else 0.0
