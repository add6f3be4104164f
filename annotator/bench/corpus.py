"""A synthetic corpus for the bench: N articles made of the bundled samples' sentences.

The five sample articles are split into sentences (Persian from the four Persian
articles, Arabic from the Arabic one); each synthetic article samples sentences of one
language with a seeded random generator until it is about 2,300 characters long, in
paragraphs of a few sentences.  The same seed gives the same corpus.  The articles are
written as ONE JSONL file so that the bench imports them through the real reader.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from annotator.core import paths
from annotator.core.text import canonical, detect_language

ARABIC_SHARE = 0.3  # of the synthetic articles; the rest are Persian
TARGET_CHARS = (1_900, 2_500)  # a sentence past this, so ~2,300 on average
_MIN_SENTENCE = 25
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
_OUTLETS = ("irna", "isna", "mehrnews", "tasnim", "aljazeera", "alalam")


@dataclass(frozen=True)
class SyntheticCorpus:
    """Where the JSONL file is and what it holds."""

    path: Path
    count: int
    characters: int  # of all bodies
    languages: dict[str, int]

    @property
    def mean_chars(self) -> float:
        return self.characters / self.count if self.count else 0.0


def sample_sentences(folder: Path | None = None) -> dict[str, list[str]]:
    """The sentences of the sample articles by language (``fa``, ``ar``); titles left out."""
    pools: dict[str, list[str]] = {"fa": [], "ar": []}
    for path in sorted((folder or paths.corpus_dir()).glob("*.txt")):
        text = canonical(path.read_text(encoding="utf-8"))
        language = detect_language(text)
        _title, _, body = text.partition("\n")
        for paragraph in body.split("\n"):
            for sentence in _SENTENCE_END.split(paragraph):
                sentence = sentence.strip()
                if len(sentence) >= _MIN_SENTENCE and language in pools:
                    pools[language].append(sentence)
    return pools


def article_id(number: int) -> str:
    """The id of synthetic article ``number`` (1-based)."""
    return f"bench-{number:06d}"


def write_corpus(path: Path, count: int, seed: int = 1403) -> SyntheticCorpus:
    """Write ``count`` synthetic articles as JSONL to ``path``; every body is different."""
    rng = random.Random(seed)
    pools = sample_sentences()
    seen: set[int] = set()
    characters = 0
    languages = {"fa": 0, "ar": 0}
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for number in range(1, count + 1):
            language = "ar" if rng.random() < ARABIC_SHARE else "fa"
            pool = pools[language]
            while True:
                title, body = _article(rng, pool)
                digest = hash(body)
                if digest not in seen:  # the store refuses a body it already holds
                    seen.add(digest)
                    break
            out.write(jsonl_row(rng, number, title, body))
            characters += len(body)
            languages[language] += 1
    return SyntheticCorpus(path, count, characters, languages)


def jsonl_row(rng: random.Random, number: int, title: str, body: str) -> str:
    """Article ``number`` as a line of the bench's JSONL corpus: a day, month and outlet
    drawn from ``rng`` (in that order, so a seed gives the same corpus)."""
    day = rng.randrange(1, 29)
    month = rng.randrange(1, 13)
    row = {
        "id": article_id(number),
        "title": title,
        "text": body,
        "outlet": rng.choice(_OUTLETS),
        "url": f"https://example.org/news/{number}",
        "published": f"2024-{month:02d}-{day:02d}",
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


def _article(rng: random.Random, pool: list[str]) -> tuple[str, str]:
    target = rng.randrange(*TARGET_CHARS)
    paragraphs: list[str] = []
    sentences: list[str] = []
    length = 0
    while length < target:
        sentence = rng.choice(pool)
        sentences.append(sentence)
        length += len(sentence) + 1
        if len(sentences) >= rng.randrange(2, 5):
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    title = rng.choice(pool)
    if len(title) > 90:
        title = title[:90].rsplit(" ", 1)[0]
    return title.rstrip(" .،,"), "\n\n".join(paragraphs)
