"""Samples and assignments: reproducible draws, proportional strata, balanced queues."""

from __future__ import annotations

import json
import random
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli.commands import main
from annotator.core import sampling
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.store import Project, open_project

OUTLETS = {"irna": 20, "tasnim": 12, "aljazeera": 8}


def corpus(folder: Path, reverse: bool = False) -> Path:
    """40 articles: 20 from irna, 12 from tasnim, 8 from aljazeera, over three months."""
    rows = []
    number = 0
    for outlet, count in OUTLETS.items():
        for _ in range(count):
            number += 1
            rows.append({"id": f"a{number:03d}", "title": f"خبر شماره {number}",
                         "text": f"متن خبر شماره {number} درباره غزه و آتش بس {outlet}",
                         "outlet": outlet, "published": f"2024-0{1 + number % 3}-15"})
    if reverse:
        rows.reverse()
    path = folder / ("reversed.jsonl" if reverse else "articles.jsonl")
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def made(tmp_path: Path, name: str, reverse: bool = False) -> Project:
    project = open_project(tmp_path / f"{name}.sqlite")
    import_paths(project, [corpus(tmp_path, reverse)])
    return project


ALL_IDS = [f"a{n:03d}" for n in range(1, 41)]


def test_a_sample_is_the_documented_draw_and_the_same_on_another_machine(tmp_path) -> None:
    # Computed here from the recipe the README gives, not through the code under test.
    expected = random.Random("7:pilot").sample(sorted(ALL_IDS), 10)
    with made(tmp_path, "one") as one, made(tmp_path, "two", reverse=True) as two:
        one.samples.draw("pilot", 10, "7", by="mina")
        two.samples.draw("pilot", 10, "7", by="reza")
        assert one.samples.articles("pilot") == expected
        assert two.samples.articles("pilot") == expected
        # The same recipe again is the same sample; another seed, another sample.
        one.samples.draw("pilot", 10, "7", by="mina")
        assert one.samples.articles("pilot") == expected
        one.samples.draw("other", 10, "8", by="mina")
        assert one.samples.articles("other") != expected


def test_strata_are_proportional_by_largest_remainder(tmp_path) -> None:
    assert sampling.quotas({"a": 5, "b": 3, "c": 2}, 4) == {"a": 2, "b": 1, "c": 1}
    assert sampling.quotas({"b": 1, "a": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    rng = random.Random("3:strata")
    members = {outlet: [] for outlet in OUTLETS}
    number = 0
    for outlet, count in OUTLETS.items():
        for _ in range(count):
            number += 1
            members[outlet].append(f"a{number:03d}")
    # 10 of 40: 5 of irna's 20, 3 of tasnim's 12, 2 of aljazeera's 8; strata by name.
    expected = (rng.sample(members["aljazeera"], 2) + rng.sample(members["irna"], 5)
                + rng.sample(members["tasnim"], 3))
    with made(tmp_path, "one") as project:
        project.samples.draw("strata", 10, "3", stratum_by="outlet", by="mina")
        assert project.samples.articles("strata") == expected


def test_a_sample_drawn_from_a_search_holds_only_its_results(tmp_path) -> None:
    with made(tmp_path, "one") as project:
        project.samples.draw("arabic", 5, "1", query="aljazeera", by="mina")
        assert set(project.samples.articles("arabic")) <= set(ALL_IDS[32:])
        with pytest.raises(AnnotatorError, match="only 8 articles"):
            project.samples.draw("big", 9, "1", query="aljazeera", by="mina")
        with pytest.raises(AnnotatorError, match="drawn otherwise"):
            project.samples.draw("arabic", 4, "1", by="mina")
        assert [s.name for s in project.samples.all()] == ["arabic"]


@settings(max_examples=150, deadline=None)
@given(size=st.integers(0, 60), people=st.integers(1, 5),
       share=st.fractions(min_value=0, max_value=1, max_denominator=20),
       seed=st.text(max_size=5))
def test_assignment_gives_the_overlap_to_everyone_and_balances_the_rest(
        size: int, people: int, share: Fraction, seed: str) -> None:
    articles = [f"x{n}" for n in range(size)]
    names = [f"p{n}" for n in range(people)]
    plan = sampling.assign(articles, names, share, seed, "s")
    assert len(plan.overlap) == sampling.overlap_count(share, size)
    rest = [set(plan.queues[p]) - plan.overlap for p in names]
    assert all(plan.overlap <= set(plan.queues[p]) for p in names)
    assert sorted(a for part in rest for a in part) == sorted(set(articles) - plan.overlap)
    assert max(map(len, rest)) - min(map(len, rest)) <= 1


@settings(max_examples=80, deadline=None)
@given(coded=st.dictionaries(st.sampled_from(["p0", "p1", "p2", "gone"]),
                             st.sets(st.integers(0, 29), max_size=8), max_size=4),
       share=st.sampled_from([Fraction(0), Fraction(1, 5), Fraction(1, 2)]))
def test_reassigning_keeps_each_coded_article_with_its_annotator(
        coded: dict[str, set[int]], share: Fraction) -> None:
    articles = [f"x{n}" for n in range(30)]
    done = {person: {f"x{n}" for n in numbers} for person, numbers in coded.items()}
    plan = sampling.assign(articles, ["p0", "p1", "p2"], share, "9", "s", done)
    for person, items in done.items():
        assert items <= set(plan.queues.get(person, ()))
    everyone = {a for queue in plan.queues.values() for a in queue}
    assert everyone == set(articles)


def test_assign_and_queue_from_the_command_line(tmp_path, capsys) -> None:
    db = str(tmp_path / "lead.sqlite")
    made(tmp_path, "lead").close()
    assert main(["sample", "pilot", "--size", "10", "--seed", "7", "--db", db,
                 "--annotator", "mina"]) == 0
    assert main(["assign", "pilot", "--coders", "sara,reza,ali", "--overlap", "0.2",
                 "--db", db, "--annotator", "mina"]) == 0
    capsys.readouterr()
    queues = {}
    for person in ("sara", "reza", "ali"):
        assert main(["queue", "--annotator", person, "--format", "json", "--db", db]) == 0
        queues[person] = json.loads(capsys.readouterr().out)
    overlap = {i["article_id"] for i in queues["sara"] if i["overlap"]}
    assert len(overlap) == 2 and all(
        overlap == {i["article_id"] for i in q if i["overlap"]} for q in queues.values())
    assert sorted(len(q) for q in queues.values()) == [4, 5, 5]
    # Sara codes one of hers; reassigned without her, she keeps it.
    mine = next(i["article_id"] for i in queues["sara"] if not i["overlap"])
    assert main(["status", mine, "done", "--db", db, "--annotator", "sara"]) == 0
    assert main(["assign", "pilot", "--coders", "reza,ali", "--overlap", "0.2", "--db", db,
                 "--annotator", "mina"]) == 0
    capsys.readouterr()
    assert main(["queue", "--annotator", "sara", "--format", "json", "--db", db]) == 0
    assert [i["article_id"] for i in json.loads(capsys.readouterr().out)] == [mine]
    assert main(["queue", "--progress", "--format", "json", "--db", db]) == 0
    progress = {r["annotator"]: r for r in json.loads(capsys.readouterr().out)}
    assert progress["sara"]["done"] == 1 and progress["reza"]["assigned"] >= 5


@pytest.mark.parametrize("argv, says", [
    (["sample", "x", "--size", "0"], "--size must be 1 or more"),
    (["sample", "x"], "needs --size"),
    (["sample", "x", "--size", "99"], "only 40 articles"),
    (["assign", "nope", "--coders", "a"], "no sample named 'nope'"),
    (["assign", "s", "--coders", "a", "--overlap", "1.5"], "--overlap"),
    (["assign", "s", "--coders", "a,a"], "name each annotator once"),
    (["queue", "--sample", "nope"], "no sample named"),
    (["sync", "nowhere"], "no such folder"),
    (["join", "nowhere"], "already exists"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, capsys, argv, says) -> None:
    db = str(tmp_path / "lead.sqlite")
    with made(tmp_path, "lead") as project:
        project.samples.draw("s", 3, "1", by="mina")
    assert main([*argv, "--db", db, "--annotator", "mina"]) == 1
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
