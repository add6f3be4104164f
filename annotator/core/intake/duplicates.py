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

Kept fast and small: each text is kept as a bottom-k sketch (the 128 smallest CRC-32
hashes of its shingles, 512 bytes, the same on every machine, so that a project stores
them: :mod:`annotator.core.store.sketches`), from which the similarity of two texts is
estimated (exact when both have at most 128 shingles; a standard error of about 0.035 at
0.8).  Only texts sharing at least :data:`_MIN_VOTES` of the 16 smallest hashes are
compared (an inverted index, which skips hashes shared by more than 500 texts, such as
"به گزارش ایرنا"; two texts at 0.8 share about 11 of them), and only those whose lengths
allow the threshold.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from annotator.core.sketch import (
    ANCHORS,
    KEPT,
    MIN_WORDS,
    NO_WORDS,
    SHINGLE,
    Sketch,
    folded_words,
    sketch_of,
)
from annotator.core.text import index_key

__all__ = ["MIN_WORDS", "SHINGLE", "THRESHOLD", "NearDuplicates", "Repeat", "Sketch", "Stored",
           "folded_words", "sketch_of"]

THRESHOLD = 0.8
_COMMON = 500  # a hash in more texts than this finds no candidates
_CANDIDATES = 20  # most texts compared with one text
_MIN_VOTES = 3  # anchors a text must share with another to be compared with it


@dataclass(frozen=True)
class Repeat:
    """The article a text repeats: its id, and how similar (1.0 for the same words)."""

    article_id: str
    similarity: float
    same_words: bool


class Stored(Protocol):
    """The project's kept sketches (:class:`annotator.core.store.sketches.Sketches`)."""

    def has_content(self, digest: str) -> bool: ...

    def same_words(self, words: bytes) -> str | None: ...

    def candidates(self, anchors: list[int], *, common: int, votes: int,
                   most: int) -> Sequence[tuple[int, _StoredRow]]: ...


class _StoredRow(Protocol):
    @property
    def article_id(self) -> str: ...

    @property
    def words(self) -> bytes: ...

    @property
    def shingles(self) -> int: ...

    @property
    def sketch(self) -> bytes: ...


class NearDuplicates:
    """The texts seen so far, to ask of a new one which of them it repeats: those added
    here (an import's own), and a project's kept ones (``stored``), looked up there."""

    def __init__(self, stored: Stored | None = None) -> None:
        self._stored = stored
        self._same_words: dict[bytes, str] = {}
        self._hashes: set[str] = set()
        self._kept: list[tuple[str, Sketch]] = []
        self._postings: dict[int, list[int]] = {}

    @classmethod
    def of(cls, articles: Iterable[tuple[str, str, str]]) -> NearDuplicates:
        """An index of ``(article id, body, content hash)`` triples."""
        index = cls()
        for article_id, body, digest in articles:
            index.add(article_id, index_key(body), digest)
        return index

    def knows_content(self, digest: str) -> bool:
        """Whether a text with exactly this content hash was added."""
        return digest in self._hashes or (
            self._stored is not None and self._stored.has_content(digest))

    def add(self, article_id: str, key: str, digest: str) -> None:
        """Remember the text whose search key is ``key``."""
        self.add_sketch(article_id, sketch_of(key), digest)

    def add_sketch(self, article_id: str, sketch: Sketch, digest: str | None) -> None:
        """Remember a text by its sketch (``digest``: its content hash, when known)."""
        if digest is not None:
            self._hashes.add(digest)
        self._same_words.setdefault(sketch.words, article_id)
        if not sketch.count:
            return
        number = len(self._kept)
        self._kept.append((article_id, sketch))
        for anchor in sketch.smallest[:ANCHORS]:
            self._postings.setdefault(anchor, []).append(number)

    def repeated(self, key: str) -> Repeat | None:
        """The article already added that the text with search key ``key`` repeats, if any."""
        return self.repeats(sketch_of(key))

    def repeats(self, sketch: Sketch) -> Repeat | None:
        """The article already added that the text of ``sketch`` repeats, if any."""
        if sketch.words == NO_WORDS:
            return None
        same = self._same_words.get(sketch.words)
        if same is None and self._stored is not None:
            same = self._stored.same_words(sketch.words)
        if same is not None:
            return Repeat(same, 1.0, True)
        if not sketch.count:
            return None
        anchors = list(sketch.smallest[:ANCHORS])
        votes: Counter[int] = Counter()
        for anchor in anchors:
            postings = self._postings.get(anchor)
            if postings is not None and len(postings) <= _COMMON:
                votes.update(postings)
        candidates = [(count, *self._kept[number])
                      for number, count in votes.most_common(_CANDIDATES)
                      if count >= _MIN_VOTES]
        if self._stored is not None:
            candidates += [(count, row.article_id, Sketch.from_row(row.words, row.shingles,
                                                                    row.sketch))
                           for count, row in self._stored.candidates(
                               anchors, common=_COMMON, votes=_MIN_VOTES, most=_CANDIDATES)]
        candidates.sort(key=lambda c: -c[0])
        best: Repeat | None = None
        members = frozenset(sketch.smallest)
        for _count, article_id, other in candidates[:_CANDIDATES]:
            if min(other.count, sketch.count) < THRESHOLD * max(other.count, sketch.count):
                continue  # lengths too far apart to reach the threshold
            similarity = _similarity(sketch.smallest, members, other.smallest,
                                     frozenset(other.smallest))
            if similarity >= THRESHOLD and (best is None or similarity > best.similarity):
                best = Repeat(article_id, similarity, False)
        return best


def _similarity(one: array[int], one_set: frozenset[int], other: array[int],
                other_set: frozenset[int]) -> float:
    """The Jaccard similarity of two texts' shingles, estimated from their sketches: of
    the hashes up to the smaller of the two sketches' largest (below which each sketch
    holds all its text's hashes), the share both texts hold."""
    if not one or not other:
        return 0.0
    if len(one) < KEPT and len(other) < KEPT:  # every shingle of both: exact
        return len(one_set & other_set) / len(one_set | other_set)
    limit = min(one[-1], other[-1])
    shared = len(one_set & other_set)  # a hash both hold is at most both largest
    union = bisect_right(one, limit) + bisect_right(other, limit) - shared
    return shared / union if union else 0.0
