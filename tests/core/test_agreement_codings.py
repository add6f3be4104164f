"""Agreement reads each article's coding as SQLite groups it (``Tags.coding_batches``):
its figures must equal those folded from every tag read one at a time, whatever the
names and values hold, with the annotators restricted or not."""

from __future__ import annotations

import random

import pytest

from annotator.core.analysis.agreement import field_agreement, pairwise
from annotator.core.analysis.units import (
    CODED_NONE,
    FieldTally,
    fold,
    read,
    units_from_rows,
)
from annotator.core.store import Project
from tests.conftest import SAMPLE_IDS

NAMES = ["ana", 'bo "q"', "c,]x", "سارا", "ana\\", "z[1]"]
FIELDS = ("stance", "demands", "participants", "event_type")


def _code_at_random(project: Project, seed: int) -> None:
    """Every kind of tag through the real API: choices, "coded, none" in both kinds of
    field, sets, the same demand voiced by two participants (one value, two rows)."""
    rng = random.Random(seed)
    codebook = project.codebooks.active()
    choices = {f: [c.id for c in codebook.field(f).categories] for f in ("stance", "event_type")}
    demands = [c.id for c in codebook.field("demands").categories]
    people = [p.id for p in project.participants.all()][:6]
    for article_id in SAMPLE_IDS:
        for name in rng.sample(NAMES, rng.randint(0, len(NAMES))):
            for field, options in choices.items():
                roll = rng.random()
                if roll < 0.15:
                    project.tags.mark_none(article_id, name, field)
                elif roll < 0.85:
                    project.tags.set_choice(article_id, name, field, rng.choice(options[:3]))
            if rng.random() < 0.2:
                project.tags.mark_none(article_id, name, "demands")
            else:
                for demand in rng.sample(demands[:3], rng.randint(0, 2)):
                    for person in rng.sample(people, rng.randint(1, 2)):
                        project.tags.add_value(article_id, name, "demands", demand,
                                               participant=person)
            for person in rng.sample(people[:3], rng.randint(0, 2)):
                project.tags.add_value(article_id, name, "participants", person)
    first = SAMPLE_IDS[0]  # "coded, none" beside a value, whatever the draw
    for name, kind in (("ana", "stance"), ("z[1]", "stance"), ("ana", "demands"),
                       ("سارا", "demands")):
        project.tags.mark_none(first, name, kind)
    project.tags.set_choice(first, 'bo "q"', "stance", choices["stance"][0])


def _reference(project: Project, annotators: list[str]) -> dict[str, tuple]:
    """Each field's tallies folded from every tag read one at a time (the reader a
    training set uses)."""
    specs = [project.codebooks.active().field(f) for f in FIELDS]
    rows = [(a, n, f, v or "") for a, n, f, v in project.tags.iter_values()]
    units = units_from_rows(rows, specs, annotators)
    return {spec.id: _summary(fold(spec, units[spec.id])) for spec in specs}


def _summary(tally: FieldTally) -> tuple:
    """The tally's distinct units with their counts (sorted annotator, value pairs), and
    its pairwise counts."""
    return dict(tally._units), tally.pairs.counts()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grouped_codings_fold_as_every_tag_read_one_at_a_time(project: Project,
                                                               seed: int) -> None:
    _code_at_random(project, seed)
    specs = [project.codebooks.active().field(f) for f in FIELDS]
    everyone = project.tags.annotators()
    for chosen in (everyone, everyone[:3], ["c,]x", "سارا"]):
        data = read(project, specs, chosen)
        got = {f: _summary(data.groups[0].tallies[f]) for f in FIELDS}
        assert got == _reference(project, chosen), chosen
    # Not every annotator coded every article, "coded, none" is there in both kinds.
    units = units_from_rows(list(project.tags.iter_values()), specs, None)
    assert any(CODED_NONE in u.values() for u in units["stance"].values())
    assert any(frozenset() in u.values() for u in units["demands"].values())


def test_a_restricted_read_leaves_the_others_out(project: Project) -> None:
    article = SAMPLE_IDS[0]
    for name, stance in (("ana", "condemning"), ("bo", "condemning"), ("cy", "neutral")):
        project.tags.set_choice(article, name, "stance", stance)
    everyone = {f.level: f for f in field_agreement(project, fields=["stance"])}
    two = {f.level: f for f in field_agreement(project, ["ana", "bo"], ["stance"])}
    assert everyone["nominal"].n_annotators == 3 and two["nominal"].n_annotators == 2
    assert two["nominal"].n_values == 2
    pairs = {(p.annotator_a, p.annotator_b): p.n_agreeing for p in pairwise(project)
             if p.field == "stance"}
    assert pairs == {("ana", "bo"): 1, ("ana", "cy"): 0, ("bo", "cy"): 0}


def test_a_field_listed_twice_and_articles_coded_in_other_fields_only(
        project: Project) -> None:
    """An article whose tags are all in other fields brings an empty coding (``[]``) to
    this one, which counts nothing; a field named twice is read and counted once."""
    first, second = SAMPLE_IDS[:2]
    for name in ("ana", "bo"):
        project.tags.set_choice(first, name, "stance", "condemning")
        project.tags.set_choice(second, name, "event_type", "phone_call")
    batches = list(project.tags.coding_batches(["stance", "event_type"]))
    assert [row for batch in batches for row in batch] == [
        ('[["ana","condemning"],["bo","condemning"]]', "[]"),
        ("[]", '[["ana","phone_call"],["bo","phone_call"]]')]
    stance = project.codebooks.active().field("stance")
    tally = read(project, [stance, stance], ["ana", "bo"]).groups[0].tallies["stance"]
    assert dict(tally._units) == {(("ana", "condemning"), ("bo", "condemning")): 1}
    assert tally.pairs.counts() == {("ana", "bo"): (1, 1)}
