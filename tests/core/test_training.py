"""Training and certification: the training set (migration 0007) and an annotator's score
against the adjudicated values, checked against alpha computed independently."""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pytest

from annotator.core.analysis.agreement import alpha
from annotator.core.analysis.score import ADJUDICATED_ARTICLES, TRAINING_SET, score
from annotator.core.errors import AnnotatorError
from annotator.core.store.review import AdjudicatedValue
from tests.conftest import SAMPLE_IDS

SCALE = ["strongly_condemning", "condemning", "neutral", "understanding", "supportive"]
ANSWERS = {SAMPLE_IDS[0]: "condemning", SAMPLE_IDS[1]: "neutral",
           SAMPLE_IDS[2]: "understanding", SAMPLE_IDS[3]: "strongly_condemning",
           SAMPLE_IDS[4]: "condemning"}
SARA = {SAMPLE_IDS[0]: "condemning", SAMPLE_IDS[1]: "neutral",
        SAMPLE_IDS[2]: "supportive", SAMPLE_IDS[3]: "strongly_condemning"}


def decide(project, article_id: str, field: str, *values: str | None) -> None:
    project.review.adjudicate(article_id, field, [AdjudicatedValue(v) for v in values],
                              reviewer="mina")


@pytest.fixture
def trained(project):
    project.training.add(SAMPLE_IDS[:4])
    for article_id, value in ANSWERS.items():
        decide(project, article_id, "stance", value)
    for article_id, value in SARA.items():
        project.tags.set_choice(article_id, "sara", "stance", value)
    decide(project, SAMPLE_IDS[0], "demands", "ceasefire", "humanitarian_aid")
    decide(project, SAMPLE_IDS[1], "demands", None)
    decide(project, SAMPLE_IDS[2], "demands", "cut_ties")
    project.tags.add_value(SAMPLE_IDS[0], "sara", "demands", "ceasefire")
    project.tags.mark_none(SAMPLE_IDS[1], "sara", "demands")
    project.tags.add_value(SAMPLE_IDS[2], "sara", "demands", "cut_ties")
    return project


def test_training_set_is_kept_in_the_project(project) -> None:
    assert project.training.articles() == []
    assert project.training.add([SAMPLE_IDS[1], SAMPLE_IDS[0], SAMPLE_IDS[1]]) == [
        SAMPLE_IDS[1], SAMPLE_IDS[0]]
    assert project.training.add([SAMPLE_IDS[0]]) == []
    assert project.training.articles() == [SAMPLE_IDS[1], SAMPLE_IDS[0]]
    assert project.training.remove([SAMPLE_IDS[1], "nothing"]) == [SAMPLE_IDS[1]]
    with pytest.raises(AnnotatorError, match="no article 'missing'"):
        project.training.add([SAMPLE_IDS[2], "missing"])
    assert project.training.articles() == [SAMPLE_IDS[0]]  # nothing was changed


def test_score_equals_alpha_of_the_annotator_and_the_adjudication(trained) -> None:
    result = score(trained, "sara")
    assert result.scope == TRAINING_SET and result.articles == sorted(SAMPLE_IDS[:4])
    stance = next(f for f in result.fields if f.field == "stance")
    by_level = {figure.level: figure.alpha for figure in stance.figures}
    # The article outside the training set (SAMPLE_IDS[4]) is not scored.
    rows = [[SCALE.index(SARA[a]) for a in SAMPLE_IDS[:4]],
            [SCALE.index(ANSWERS[a]) for a in SAMPLE_IDS[:4]]]
    assert by_level["ordinal"] == pytest.approx(krippendorff.alpha(
        reliability_data=np.array(rows, dtype=float), level_of_measurement="ordinal"))
    assert by_level["nominal"] == pytest.approx(krippendorff.alpha(
        reliability_data=np.array(rows, dtype=float), level_of_measurement="nominal"))
    assert stance.passed is True and stance.n_coded == 4 and stance.n_articles == 4
    assert stance.confusion["understanding"] == {"supportive": 1}
    demands = next(f for f in result.fields if f.field == "demands")
    units = {SAMPLE_IDS[0]: {"s": frozenset({"ceasefire"}),
                             "a": frozenset({"ceasefire", "humanitarian_aid"})},
             SAMPLE_IDS[1]: {"s": frozenset(), "a": frozenset()},
             SAMPLE_IDS[2]: {"s": frozenset({"cut_ties"}), "a": frozenset({"cut_ties"})}}
    assert demands.primary is not None
    assert demands.primary.alpha == pytest.approx(alpha(units, "masi").value)
    assert demands.confusion["humanitarian_aid"] == {"adjudicated only": 1}
    assert demands.confusion["ceasefire"] == {"both": 1}
    assert demands.passed is (demands.primary.alpha >= 0.8)
    participants = next(f for f in result.fields if f.field == "participants")
    assert participants.passed is None  # no answer to score against: not judged
    assert result.certified is (stance.passed and demands.passed)
    assert score(trained, "sara", ["stance"]).certified is True
    assert score(trained, "sara", ["stance"], minimum=0.99).certified is False


def test_without_a_training_set_every_adjudicated_article_is_scored(trained) -> None:
    trained.training.remove(SAMPLE_IDS)
    result = score(trained, "sara", ["stance"])
    assert result.scope == ADJUDICATED_ARTICLES and len(result.articles) == 5
    stance = result.fields[0]
    assert (stance.n_articles, stance.n_coded) == (5, 4)


def test_score_refuses_what_it_cannot_do(project, trained) -> None:
    with pytest.raises(AnnotatorError, match="nobody"):
        score(trained, "nobody")
    with pytest.raises(AnnotatorError, match="free text"):
        score(trained, "sara", ["note"])


def test_score_without_answers_says_what_to_do(project) -> None:
    project.tags.set_choice(SAMPLE_IDS[0], "sara", "stance", "neutral")
    with pytest.raises(AnnotatorError, match="training add"):
        score(project, "sara")
    project.training.add([SAMPLE_IDS[0]])
    with pytest.raises(AnnotatorError, match="training set"):
        score(project, "sara")


# -- the command line ---------------------------------------------------------------------
@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], project_path):
    from annotator.cli.commands import main

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main([argv[0], "--db", str(project_path), *argv[1:]])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_training_and_score(trained, cli) -> None:
    code, out, err = cli("training", "list")
    assert code == 0 and out.split() == SAMPLE_IDS[:4]
    code, out, err = cli("training", "add", SAMPLE_IDS[4])
    assert code == 0 and "5" in out
    code, out, err = cli("training", "remove", SAMPLE_IDS[4])
    assert code == 0
    code, out, err = cli("score", "--annotator", "sara", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["against"] == "adjudicated" and data["scope"] == "training set"
    stance = next(f for f in data["fields"] if f["field"] == "stance")
    assert stance["level"] == "ordinal" and stance["passed"] is True
    code, out, err = cli("score", "--annotator", "sara", "--logical")
    assert code == 0 and "stance: alpha" in out and "ertified" in out
    code, out, err = cli("score", "--annotator", "sara", "--logical", "--lang", "fa")
    assert code == 0 and "۰٫" in out


@pytest.mark.parametrize("argv", [
    ["training", "add"], ["training", "add", "missing"], ["training", "list", "x"],
    ["training", "frobnicate"], ["score", "--annotator", "nobody"],
    ["score", "--annotator", "sara", "--minimum", "2"],
    ["score", "--annotator", "sara", "--against", "mina"],
])
def test_cli_bad_input_is_one_line(trained, cli, argv) -> None:
    code, out, err = cli(*argv)
    assert code != 0 and "Traceback" not in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1


def with_minimum(value: str) -> str:
    from annotator.core import paths

    source = paths.default_codebook_path().read_text(encoding="utf-8")
    return source.replace("[codebook]\n", f"[codebook]\ncertification_minimum = {value}\n", 1)


def test_the_codebook_sets_the_minimum(trained) -> None:
    from annotator.core.codebook import parse_codebook
    from annotator.core.outputs.codebook_print import build_codebook_html

    trained.codebooks.load(parse_codebook(with_minimum("0.99")), "strict.toml")
    assert trained.codebooks.active().to_dict()["certification_minimum"] == 0.99
    assert score(trained, "sara").minimum == 0.99
    assert score(trained, "sara", ["stance"]).certified is False
    assert score(trained, "sara", ["stance"], minimum=0.8).certified is True
    assert "reaches 0.990 on every field" in build_codebook_html(trained, "en")
    for bad in ("0", "1.5", "true", '"high"'):
        with pytest.raises(AnnotatorError, match="certification_minimum"):
            parse_codebook(with_minimum(bad))
