"""A realistic corpus for the bench: words drawn from a Zipf-distributed vocabulary.

The synthetic corpus (:mod:`annotator.bench.corpus`) repeats the sample articles' few
hundred sentences, so every word of a query matches most articles: the worst case for a
search, and kept as such.  Real news text has a long tail: a few words in every article,
most words in few.  Here each language (Persian, Arabic) has a vocabulary of 200,000+ word
forms, each drawn with probability ~ 1/rank (Zipf's law, exponent 1):

- the sample articles' own words, placed in the ranking by how often the samples use them
  (``و`` and ``در`` at the top, a name used once some thousands of ranks down), so that
  the bench's queries match what they would match in real text;
- made-up stems with the language's morphology: Persian plurals and suffixes joined and
  after a ZWNJ (``ها``, ``‌ها``, ``‌های``, ``ی``, ``ان``), the verb prefix ``می‌`` and the
  negation ``ن``; Arabic prefixes (``ال``, ``و``, ``وال``, ``بال``, ``لل``) and suffixes
  (``ة``, ``ات``, ``ين``, ``ها``).  A stem's plain form is more common than its other forms.

Each article also repeats a few topic words of its own (news is bursty: a word that occurs
once in an article tends to occur again).  Generation is seeded (NumPy's PCG64) and drawn
a thousand articles at a time: the same seed gives the same corpus, at some 10,000 articles
a second.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np

from annotator.bench.corpus import (
    ARABIC_SHARE,
    SyntheticCorpus,
    jsonl_row,
    sample_sentences,
)

ZWNJ = "\u200c"
WORDS_PER_ARTICLE = (300, 420)  # ~2,300 characters, as the synthetic articles
SENTENCE_WORDS = (8, 22)
_TITLE_WORDS = 9
TOPIC_SHARE = 0.04  # of an article's words: its own few topic words, repeated
TOPIC_WORDS = 3
_STEMS = {"fa": 30_000, "ar": 24_000}
_CHUNK = 1_000  # articles drawn at once
_LETTERS = {
    "fa": "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
}
_VOWELS = {"fa": "اوی", "ar": "اوي"}
# (form, share of the stem's occurrences); "{}" is the stem.
_FORMS = {
    "fa": (("{}", 0.36), ("{}ها", 0.08), ("{}\u200cها", 0.10), ("{}\u200cهای", 0.08),
           ("{}ی", 0.10), ("{}ان", 0.08), ("می\u200c{}", 0.12), ("ن{}", 0.08)),
    "ar": (("{}", 0.30), ("ال{}", 0.22), ("و{}", 0.08), ("وال{}", 0.08), ("بال{}", 0.06),
           ("لل{}", 0.05), ("{}ة", 0.07), ("{}ات", 0.06), ("{}ين", 0.04), ("{}ها", 0.04)),
}
_WORD = re.compile(r"[^\s.,،:;!?؟«»()\"\[\]]+")
# A sample word's rank among all words: its rank in the samples, spread out (the samples
# hold a few hundred distinct words; a real vocabulary puts a word they use once far down).
_SPREAD = 1.6


class Vocabulary:
    """One language's word forms by rank, with the cumulative Zipf weights to draw them."""

    def __init__(self, language: str, sample: list[str], seed: int) -> None:
        rng = random.Random(f"{seed}-{language}-stems")
        counts = Counter(w for sentence in sample for w in _WORD.findall(sentence))
        samples = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
        taken = set(samples)
        stems: dict[str, None] = {}
        while len(stems) < _STEMS[language]:
            stem = _stem(rng, language)
            if stem not in taken:
                stems[stem] = None
        # Made-up forms in order of (form share / stem rank): a stem's plain form first.
        made: list[tuple[float, str]] = []
        for number, stem in enumerate(stems, 1):
            for pattern, share in _FORMS[language]:
                form = pattern.format(stem)
                if form not in taken:
                    taken.add(form)
                    made.append((share / (number + 100), form))
        made.sort(key=lambda item: -item[0])
        ranked = [form for _, form in made]
        for rank, word in enumerate(samples, 1):  # inserted top first: later ones shift
            ranked.insert(min(len(ranked), round(rank ** _SPREAD) - 1), word)
        self.language = language
        self.forms = np.array(ranked, dtype=object)
        weights = 1.0 / np.arange(1, len(ranked) + 1, dtype=np.float64)
        self.cumulative = np.cumsum(weights)
        self.cumulative /= self.cumulative[-1]
        self.rank = {word: rank for rank, word in enumerate(ranked, 1)}

    def __len__(self) -> int:
        return len(self.forms)

    def draw(self, generator: np.random.Generator, count: int) -> np.ndarray:
        """``count`` word indices, each with probability ~ 1/rank."""
        return np.searchsorted(self.cumulative, generator.random(count), side="right")


def _stem(rng: random.Random, language: str) -> str:
    """A pronounceable-looking stem: consonants with a long vowel now and then."""
    letters, vowels = _LETTERS[language], _VOWELS[language]
    length = rng.choice((3, 3, 4, 4, 4, 5, 5, 6, 7))
    chars = []
    for position in range(length):
        pool = vowels if position % 2 == 1 and rng.random() < 0.45 else letters
        chars.append(rng.choice(pool))
    return "".join(chars)


def vocabularies(seed: int = 1403) -> dict[str, Vocabulary]:
    pools = sample_sentences()
    return {language: Vocabulary(language, pools[language], seed) for language in ("fa", "ar")}


@cache
def rare_word(seed: int = 1403) -> str:
    """A Persian word form the realistic corpus of ``seed`` uses in about 1 article in
    2,000 (rank 50,000): the bench's rare query (worked out once per seed: each
    vocabulary takes about a second to build)."""
    return str(vocabularies(seed)["fa"].forms[50_000 - 1])


def write_realistic_corpus(path: Path, count: int, seed: int = 1403) -> SyntheticCorpus:
    """Write ``count`` articles drawn from the Zipf vocabularies as JSONL to ``path``."""
    words = vocabularies(seed)
    generator = np.random.Generator(np.random.PCG64(seed))
    rng = random.Random(seed)
    characters = 0
    languages = {"fa": 0, "ar": 0}
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for first in range(1, count + 1, _CHUNK):
            numbers = range(first, min(count, first + _CHUNK - 1) + 1)
            chosen = ["ar" if rng.random() < ARABIC_SHARE else "fa" for _ in numbers]
            for language, vocabulary in words.items():
                mine = [n for n, lang in zip(numbers, chosen, strict=True) if lang == language]
                for number, (title, body) in zip(mine, _articles(generator, rng, vocabulary,
                                                                 len(mine)), strict=True):
                    out.write(jsonl_row(rng, number, title, body))
                    characters += len(body)
                    languages[language] += 1
    return SyntheticCorpus(path, count, characters, languages)


def _articles(generator: np.random.Generator, rng: random.Random, vocabulary: Vocabulary,
              count: int) -> list[tuple[str, str]]:
    """``count`` articles' titles and bodies, their words drawn all at once."""
    if not count:
        return []
    lengths = generator.integers(*WORDS_PER_ARTICLE, size=count)
    ends = np.cumsum(lengths + _TITLE_WORDS)
    drawn = vocabulary.draw(generator, int(ends[-1]))
    # Each article's topic words, from the middle of the ranking (names, places, themes),
    # take the place of a few of its words.
    topics = generator.integers(300, 30_000, size=(count, TOPIC_WORDS))
    owner = np.repeat(np.arange(count), lengths + _TITLE_WORDS)
    bursts = generator.random(len(drawn)) < TOPIC_SHARE
    drawn[bursts] = topics[owner[bursts], generator.integers(0, TOPIC_WORDS,
                                                             size=int(bursts.sum()))]
    forms = vocabulary.forms[drawn].tolist()
    topic_forms = vocabulary.forms[topics[:, 0]].tolist()
    made = []
    start = 0
    for index, end in enumerate(ends.tolist()):
        length = int(lengths[index])
        body_words = forms[start:start + length]
        title_words = forms[start + length:end][: rng.randrange(5, _TITLE_WORDS + 1)]
        title_words[rng.randrange(len(title_words))] = topic_forms[index]
        start = end
        sentences = []
        at = 0
        while at < length:
            size = rng.randrange(*SENTENCE_WORDS)
            sentences.append(" ".join(body_words[at:at + size]) + ".")
            at += size
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        made.append((" ".join(title_words), "\n\n".join(paragraphs)))
    return made
