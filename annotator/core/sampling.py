"""Drawing a sample and sharing it among annotators: the arithmetic, without the store.

A sample is reproducible: the same seed, name and candidate articles draw the same
articles on any machine and any Python from 3.11 on.  The random generator is
``random.Random`` seeded with the text ``"{seed}:{name}"`` (Python hashes a text seed with
SHA-512, the same everywhere), and the candidates are sorted by article id first, so the
order in which SQLite returns rows never matters.

Without strata the sample is ``rng.sample(candidates, size)``, in the order drawn.  With
strata (outlet, month, language), each stratum gets a share of ``size`` proportional to
its number of candidates, rounded by largest remainders (Hamilton's method): every
stratum gets the whole part of its quota, and the seats left go to the largest fractional
parts, ties to the stratum whose key sorts first.  Strata are drawn in the order of their
keys, each with ``rng.sample`` from its candidates sorted by id, from the one generator.

An assignment gives the overlap share of the sample (``round(share * size)``, halves
rounded up) to every annotator and deals the rest out evenly.  Which articles form the
overlap, and the order they are dealt in, come from ``random.Random("{seed}:{name}:assign")``
shuffling the sample in its drawn order.  An article an annotator already coded stays
with them; the others go, one by one, to whoever has the fewest so far (ties: the first
named), so queues differ by at most one article beyond what was already coded.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

UNKNOWN_STRATUM = "unknown"  # an article without an outlet or a date


@dataclass(frozen=True)
class Candidate:
    """An article that may be drawn, and its stratum (None: no strata)."""

    article_id: str
    stratum: str | None = None


def generator(seed: str, name: str, purpose: str = "") -> random.Random:
    """The random generator of sample ``name`` with ``seed`` (``purpose``: e.g. "assign")."""
    text = f"{seed}:{name}" + (f":{purpose}" if purpose else "")
    return random.Random(text)


def quotas(sizes: Mapping[str, int], size: int) -> dict[str, int]:
    """``size`` shared among strata in proportion to ``sizes``, by largest remainders."""
    total = sum(sizes.values())
    if total == 0:
        return dict.fromkeys(sizes, 0)
    exact = {key: Fraction(size * n, total) for key, n in sizes.items()}
    shares = {key: int(value) for key, value in exact.items()}  # floor: all positive
    left = size - sum(shares.values())
    by_remainder = sorted(exact, key=lambda key: (-(exact[key] - shares[key]), key))
    for key in by_remainder[:left]:
        shares[key] += 1
    return shares


def draw(candidates: Iterable[Candidate], size: int, seed: str, name: str,
         stratified: bool = False) -> list[Candidate]:
    """The sample: ``size`` candidates (at most all of them), in the order drawn."""
    ordered = sorted(candidates, key=lambda c: c.article_id)
    size = min(size, len(ordered))
    rng = generator(seed, name)
    if not stratified:
        return rng.sample(ordered, size)
    strata: dict[str, list[Candidate]] = {}
    for candidate in ordered:
        strata.setdefault(candidate.stratum or UNKNOWN_STRATUM, []).append(candidate)
    shares = quotas({key: len(members) for key, members in strata.items()}, size)
    drawn: list[Candidate] = []
    for key in sorted(strata):
        drawn.extend(rng.sample(strata[key], shares[key]))
    return drawn


def overlap_count(share: Fraction, size: int) -> int:
    """How many of ``size`` articles every annotator codes: ``share * size``, halves up."""
    return int(share * size + Fraction(1, 2))


@dataclass(frozen=True)
class Plan:
    """Who codes what: ``article -> annotators``, and the articles everyone codes."""

    queues: dict[str, list[str]]  # annotator -> article ids, in the sample's order
    overlap: frozenset[str]


def assign(articles: Sequence[str], annotators: Sequence[str], share: Fraction, seed: str,
           name: str, coded: Mapping[str, set[str]] | None = None) -> Plan:
    """Share ``articles`` (a sample, in its drawn order) among ``annotators``.

    ``coded``: annotator -> the articles of the sample they already coded; each stays
    theirs (also an annotator no longer named keeps what they coded).
    """
    coded = coded or {}
    shuffled = list(articles)
    generator(seed, name, "assign").shuffle(shuffled)
    overlap = frozenset(shuffled[:overlap_count(share, len(shuffled))])
    given: dict[str, set[str]] = {person: set() for person in annotators}
    for person, done in coded.items():
        given.setdefault(person, set()).update(a for a in done if a in set(articles))
    for article in overlap:
        for person in annotators:
            given[person].add(article)
    kept = {a for done in given.values() for a in done}
    load = {person: len(given[person] - overlap) for person in annotators}
    for article in shuffled:
        if article in overlap or article in kept or not annotators:
            continue
        person = min(annotators, key=lambda p: (load[p], annotators.index(p)))
        given[person].add(article)
        load[person] += 1
    position = {article: number for number, article in enumerate(articles)}
    queues = {person: sorted(items, key=position.__getitem__) for person, items in given.items()
              if items or person in annotators}
    return Plan(queues, overlap)
