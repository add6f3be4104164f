"""The article list kept to a sample or to the training set (the window's filters), and the
session's calls that draw and assign a sample as the command line does."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.session import Session
from annotator.core.store import TRAINING, Project, open_project, sample_filter
from tests.core.test_samples import corpus


@pytest.fixture
def forty(tmp_path: Path) -> Project:
    with open_project(tmp_path / "forty.sqlite") as project:
        import_paths(project, [corpus(tmp_path)])
        yield project


def listed(session: Session, scope: str, query: str | None = None) -> list[str]:
    return [s.article_id for s in session.page(0, 100, scope, query)]


def test_a_sample_filter_lists_the_samples_articles_in_list_order(forty: Project) -> None:
    lead = Session(forty, "Mina")
    sample = lead.draw_sample("pilot", 10, "7", stratum_by="outlet")
    drawn = forty.samples.articles("pilot")
    rows = listed(lead, sample_filter(sample.name))
    assert sorted(rows) == sorted(drawn) and len(rows) == 10
    numbers = [forty.articles.summaries().index(next(
        s for s in forty.articles.summaries() if s.article_id == a)) for a in rows]
    assert numbers == sorted(numbers)  # import order, as the whole list
    assert lead.count(sample_filter("pilot")) == 10
    assert lead.row_of(rows[3], sample_filter("pilot")) == 3
    # with the search: the sample's articles that match
    assert listed(lead, sample_filter("pilot"), "tasnim") == [
        a for a in rows if a in set(listed(lead, None, "tasnim"))]
    assert lead.count(sample_filter("nothing-such")) == 0
    assert forty.team.lead == "Mina"  # drawing made it a team's, as `annotator sample`


def test_the_window_draws_and_assigns_as_the_command_line(forty: Project, tmp_path: Path,
                                                          capsys) -> None:
    lead = Session(forty, "Mina")
    lead.draw_sample("pilot", 12, "42", stratum_by="month", query="غزه")
    plan = lead.assign_sample("pilot", ["Sara", "Reza"], Fraction(1, 4))
    other = tmp_path / "cli.sqlite"
    with open_project(other) as project:
        import_paths(project, [corpus(tmp_path)])
    assert main(["sample", "pilot", "--size", "12", "--seed", "42", "--by", "month",
                 "--query", "غزه", "--db", str(other), "--annotator", "Mina"]) == 0
    assert main(["assign", "pilot", "--coders", "Sara,Reza", "--overlap", "0.25",
                 "--db", str(other), "--annotator", "Mina"]) == 0
    capsys.readouterr()
    with open_project(other) as project:
        assert project.samples.articles("pilot") == forty.samples.articles("pilot")
        for person in ("Sara", "Reza"):
            assert project.samples.queued_ids(person) == forty.samples.queued_ids(person)
    assert len(plan.overlap) == 3 and {len(q) for q in plan.queues.values()} == {3 + 5, 3 + 4}


def test_the_training_filter_lists_the_training_set(forty: Project) -> None:
    session = Session(forty, "Sara")
    every = [s.article_id for s in forty.articles.summaries()]
    forty.training.add([every[9], every[2], every[30]])
    assert listed(session, TRAINING) == [every[2], every[9], every[30]]
    assert session.count(TRAINING) == 3
    session.set_status(every[9], "done")
    assert [s.status for s in session.page(0, 10, TRAINING)] == [
        "not_started", "done", "not_started"]


def test_an_unknown_filter_is_still_refused(forty: Project) -> None:
    with pytest.raises(AnnotatorError, match="unknown status"):
        Session(forty, "Sara").count("samples")
