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

Kept fast and small: each text is kept as a bottom-k sketch (the 128 smallest hashes of
its shingles, 1 KB), from which the similarity of two texts is estimated without bias
(exact when both have at most 128 shingles; a standard error of about 0.035 at 0.8).
Only texts sharing one of the 16 smallest hashes are compared (an inverted index, which
skips hashes shared by more than 500 texts, such as "به گزارش ایرنا"), and only those
whose lengths allow the threshold.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.text import index_key

THRESHOLD = 0.8
MIN_WORDS = 50
SHINGLE = 3
_KEPT = 128  # hashes in a text's sketch
_ANCHORS = 16  # of them, those a text is found by
_COMMON = 500  # a hash in more texts than this finds no candidates
_CANDIDATES = 20  # most texts compared with one text
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
    smallest: array[int]  # the smallest hashes of its shingles, ascending
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
        for anchor in sketch.smallest[:_ANCHORS]:
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
        for anchor in sketch.smallest[:_ANCHORS]:
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
    # Each run of SHINGLE words; a text shorter than that is one shingle of all its words.
    runs = zip(*(words[i:] for i in range(SHINGLE)), strict=False) if len(words) >= SHINGLE \
        else iter([tuple(words)])
    shingles = set(map(hash, runs))
    return _Sketch(article_id, array("q", sorted(shingles)[:_KEPT]), len(shingles))


def _similarity(one: _Sketch, other: _Sketch) -> float:
    """The Jaccard similarity of two texts' shingles, estimated from their sketches: the
    share of the smallest hashes of the union that both hold."""
    a, b = set(one.smallest), set(other.smallest)
    union = sorted(a | b)[:_KEPT]
    return sum(1 for h in union if h in a and h in b) / len(union) if union else 0.0
