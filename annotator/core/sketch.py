"""What the near-duplicate check keeps of a text: its sketch.

A text's *folded words* are its search key (:func:`annotator.core.text.index_key`)
casefolded and cut into words.  Its sketch is the digest of those words and, for a text of
:data:`MIN_WORDS` words or more, the :data:`KEPT` smallest CRC-32 hashes of its word
:data:`SHINGLE`-shingles (the same in every process, so a project can keep them) and how
many shingles it has.  Made where the text is read (the import's reader process, through
:func:`annotator.core.records.prepare`); compared in :mod:`annotator.core.intake.duplicates`.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from dataclasses import dataclass, field

MIN_WORDS = 50
SHINGLE = 3
KEPT = 128  # hashes in a text's sketch
ANCHORS = 16  # of them, those a text is found by
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sketch:
    """What is kept of a text: the digest of its folded words, and (50 words or more)
    the smallest hashes of its shingles, ascending, and how many shingles it has."""

    words: bytes
    smallest: array[int] = field(default_factory=lambda: array("I"))
    count: int = 0

    def row(self) -> tuple[bytes, int, bytes, list[int]]:
        """As stored: ``(words, count, smallest as bytes, anchors)``."""
        return (self.words, self.count, self.smallest.tobytes(),
                list(self.smallest[:ANCHORS]))

    @classmethod
    def from_row(cls, words: bytes, count: int, smallest: bytes) -> Sketch:
        hashes = array("I")
        hashes.frombytes(smallest)
        return cls(bytes(words), hashes, int(count))


def sketch_of(key: str) -> Sketch:
    """The sketch of the text whose search key (:func:`index_key`) is ``key``."""
    words = folded_words(key)
    digest = words_digest(words)
    if len(words) < MIN_WORDS:
        return Sketch(digest)
    # Each run of SHINGLE words, hashed with CRC-32 (the same in every process).
    shingles = {zlib.crc32(" ".join(run).encode("utf-8"))
                for run in zip(*(words[i:] for i in range(SHINGLE)), strict=False)}
    return Sketch(digest, array("I", sorted(shingles)[:KEPT]), len(shingles))


def folded_words(key: str) -> list[str]:
    """The words of a search key (:func:`index_key`), casefolded."""
    return _WORD.findall(key.casefold())


def words_digest(words: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()


NO_WORDS = words_digest([])
