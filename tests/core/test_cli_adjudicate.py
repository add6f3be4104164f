"""``annotator adjudicate`` and ``annotator review --format json`` on a real project file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.session import Session
from annotator.core.store import open_project
from tests.conftest import ARABIC_ID, SAMPLE_IDS

ERDOGAN = "recep_tayyip_erdogan"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def coded(project_path: Path) -> Path:
    with open_project(project_path) as project:
        for name, stance, role in (("sara", "condemning", "counterpart"),
                                   ("reza", "strongly_condemning", "counterpart"),
                                   ("omid", "condemning", "mentioned")):
            session = Session(project, name)
            session.set_choice(ARABIC_ID, "stance", stance)
            session.set_value(ARABIC_ID, "participants", ERDOGAN, True, role=role)
        for name in ("sara", "reza", "omid"):
            Session(project, name).set_value(ARABIC_ID, "demands", "ceasefire", True)
    return project_path


def test_a_lead_scripts_decisions(capsys, coded: Path) -> None:
    db = ("--db", str(coded))
    code, out, err = run(capsys, *db, "review", "--format", "json")
    [entry] = json.loads(out)
    assert entry["disagreements"] == ["participants", "stance"]
    assert entry["differences"] == {"participants": "roles", "stance": "values"}
    assert entry["pending"] == ["participants", "stance"] and entry["recheck"] == []
    code, out, err = run(capsys, *db, "review")
    assert out.split("\t")[:3] == [ARABIC_ID, "2", "participants(roles),stance"]

    assert run(capsys, *db, "adjudicate", ARABIC_ID, "stance", "--accept", "reza",
               "--annotator", "mina", "--comment", "-the headline decides") == (0, "", "")
    assert run(capsys, *db, "adjudicate", ARABIC_ID, "participants", ERDOGAN, "--role",
               "counterpart", "--annotator", "mina")[0] == 0
    assert run(capsys, *db, "adjudicate", ARABIC_ID, "demands", "--none",
               "--annotator", "mina")[0] == 0
    with open_project(coded) as project:
        decided = {(a.field, a.value, a.role, a.source_annotator, a.reviewer, a.comment)
                   for a in project.review.adjudications(ARABIC_ID)}
    assert decided == {
        ("stance", "strongly_condemning", None, "reza", "mina", "-the headline decides"),
        ("participants", ERDOGAN, "counterpart", None, "mina", None),
        ("demands", None, None, None, "mina", None)}
    code, out, err = run(capsys, *db, "review", "--pending")
    assert code == 0 and out == "" and "0 articles" in err

    # omid changes his role: the decision on participants needs a second look.
    with open_project(coded) as project:
        omid = Session(project, "omid")
        omid.update_tag(omid.view(ARABIC_ID).field_tags("participants")[0], "role",
                        role="counterpart")
    code, out, _ = run(capsys, *db, "review", "--pending")
    assert out.split("\t")[:3] == [ARABIC_ID, "1", "stance,participants!"]
    [entry] = json.loads(run(capsys, *db, "review", "--format", "json")[1])
    assert entry["recheck"] == ["participants"]
    assert entry["changed_since_decision"]["participants"]["changed"]["omid"]["then"] == [
        {"value": ERDOGAN, "participant": None, "role": "mentioned"}]

    assert run(capsys, *db, "adjudicate", ARABIC_ID, "participants", "--clear")[0] == 0
    with open_project(coded) as project:
        assert {a.field for a in project.review.adjudications(ARABIC_ID)} == {
            "stance", "demands"}


@pytest.mark.parametrize(("argv", "problem"), [
    ([ARABIC_ID, "stance"], "give one of --accept"),
    ([ARABIC_ID, "stance", "neutral", "--clear"], "give one of --accept"),
    ([ARABIC_ID, "stance", "--accept", "sara", "--none"], "give one of --accept"),
    ([ARABIC_ID, "stance", "--accept", "nobody"], "nobody did not code 'stance'"),
    ([ARABIC_ID, "stance", "furious"], "'furious' is not a value of field 'stance'"),
    ([ARABIC_ID, "stance", "neutral", "unclear"], "takes one value"),
    ([ARABIC_ID, "tone", "--clear"], "unknown field 'tone'"),
    (["no-such-article", "stance", "neutral"], "no article with id 'no-such-article'"),
    (["no-such-article", "stance", "--clear"], "no article with id 'no-such-article'"),
    ([ARABIC_ID, "note", "hello"], "free text"),
    ([ARABIC_ID, "participants", ERDOGAN, "--role", "boss"], "'boss'"),
    ([ARABIC_ID, "stance", "--accept", "sara", "--role", "initiator"], "go with values"),
    ([ARABIC_ID, "stance", "--clear", "--comment", "why"], "takes no --comment"),
    ([ARABIC_ID, "stance", "--accept", "sara", "--annotator", "mi\u202ena"], "U+202E"),
])
def test_bad_decisions_are_one_line_and_change_nothing(
        capsys, coded: Path, argv: list[str], problem: str) -> None:
    with open_project(coded) as project:
        project.review.accept(ARABIC_ID, "stance", "sara", reviewer="mina")
        before = project.review.adjudications()
    code, out, err = run(capsys, "--db", str(coded), "adjudicate", *argv)
    assert code == 1 and out == ""
    assert err.startswith("annotator: error: ") and err.count("\n") == 1, err
    assert problem in err and "Traceback" not in err
    with open_project(coded) as project:
        assert project.review.adjudications() == before


def test_adjudicate_speaks_persian(capsys, coded: Path) -> None:
    code, _, err = run(capsys, "--db", str(coded), "adjudicate", ARABIC_ID, "note", "x",
                       "--lang", "fa")
    assert code == 1 and "متن آزاد" in err


def test_a_missing_project_file_is_refused_and_not_created(capsys, tmp_path: Path) -> None:
    typo = tmp_path / "projct.sqlite"
    code, _, err = run(capsys, "--db", str(typo), "adjudicate", SAMPLE_IDS[0], "stance",
                       "--clear")
    assert code == 1 and "no such project file" in err and not typo.exists()
