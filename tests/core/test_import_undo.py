"""``annotator import-tags --undo``: the last tag import taken back from the history.

An import small beside the project makes no backup; the history holds each of its
changes with the old and new row, and the import notes which history rows are its own.
The undo reverts them, refuses (nothing changed) when anything it would revert was
changed since, and is recorded in the history itself.  Real project files, the real
command line, the real corpus.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.errors import AnnotatorError
from annotator.core.session import Session
from annotator.core.store import open_project
from annotator.core.store.backups import backup, list_backups
from tests.conftest import SAMPLE_IDS

COLUMNS = ("article_id", "annotator", "field", "value", "participant", "role", "note",
           "tag_uid")
A, B = SAMPLE_IDS[0], SAMPLE_IDS[1]


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, COLUMNS)
        out.writeheader()
        for row in rows:
            out.writerow(row)
    return path


def _tags(path: Path) -> dict[str, tuple[object, ...]]:
    """Every tag, by uid: every column but its row id and its time of last change."""
    with open_project(path, create=False) as project:
        rows = project.conn.execute(
            "SELECT tag_uid, article_id, annotator, field, value, participant, role, "
            "span_start, span_end, quote, note, codebook_version, created_at FROM tags"
        ).fetchall()
    return {row[0]: tuple(row) for row in rows}


def _statuses(path: Path) -> dict[tuple[str, str], str]:
    """Each (article, annotator)'s status as read (no row: not started)."""
    with open_project(path, create=False) as project:
        rows = project.conn.execute(
            "SELECT article_id, annotator, status FROM article_status").fetchall()
    return {(a, n): s for a, n, s in rows if s != "not_started"}


def _run(project_path: Path, *words: str) -> int:
    return main(["--db", str(project_path), *words])


@pytest.fixture
def coded(project_path: Path) -> Path:
    """A project where ana and reza coded two articles (a status of done among them)."""
    with open_project(project_path, create=False) as project:
        ana = Session(project, "ana")
        ana.set_choice(A, "stance", "neutral")
        ana.set_value(A, "demands", "ceasefire", True, note="first")
        ana.set_status(A, "done")
        reza = Session(project, "reza")
        reza.set_choice(B, "stance", "supportive")
    backup(project_path, "manual")  # a recent backup: the small imports below make none
    return project_path


def test_undo_takes_an_import_back_exactly(coded: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    tags, statuses = _tags(coded), _statuses(coded)
    backups = list_backups(coded)
    [ceasefire] = [uid for uid, row in tags.items() if row[4] == "ceasefire"]
    [stance_a] = [uid for uid, row in tags.items() if row[2:5] == ("ana", "stance",
                                                                     "neutral")]
    file = _csv(tmp_path / "in.csv", [
        # new tags of a new annotator: statuses added
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"},
        {"article_id": B, "annotator": "sara", "field": "demands", "value": "cut_ties"},
        # a single-choice field changed (same place)
        {"article_id": A, "annotator": "ana", "field": "stance", "value": "supportive"},
        # a tag changed by its uid (its note)
        {"article_id": A, "annotator": "ana", "field": "demands", "value": "ceasefire",
         "note": "second", "tag_uid": ceasefire},
        # new for reza on an article he had not started
        {"article_id": A, "annotator": "reza", "field": "stance", "value": "neutral"},
    ])
    assert _run(coded, "import-tags", str(file)) == 0
    capsys.readouterr()
    imported = _tags(coded)
    assert imported[stance_a][4] == "supportive" and imported[ceasefire][10] == "second"
    assert len(imported) == len(tags) + 3 and _statuses(coded) != statuses
    assert list_backups(coded) == backups  # small beside a fresh backup: no copy

    assert _run(coded, "import-tags", "--undo") == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"undid the tag import of {file}" in out
    assert "3 tags removed, 2 restored, 3 statuses restored" in out
    assert _tags(coded) == tags  # the same tags, uids, values, evidence, notes, created_at
    assert _statuses(coded) == statuses
    with open_project(coded, create=False) as project:
        # the undo is in the history too: the stance back to neutral, a tag removed
        [*_, last] = [c for c in project.history.changes(A, "ana") if c.field == "stance"]
        assert last.action == "changed" and '"supportive"' in (last.old_value or "")
        assert '"neutral"' in (last.new_value or "")
        assert any(c.action == "removed" for c in project.history.changes(A, "sara"))
        assert project.statuses.get(A, "ana") == "done"
        assert project.statuses.get(A, "sara") == "not_started"


def test_a_second_undo_says_there_is_none(coded: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    file = _csv(tmp_path / "in.csv", [
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"}])
    assert _run(coded, "import-tags", str(file)) == 0
    assert _run(coded, "import-tags", "--undo") == 0
    tags = _tags(coded)
    capsys.readouterr()
    assert _run(coded, "import-tags", "--undo") == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert "there is no tag import to undo" in err
    assert _tags(coded) == tags


def test_a_project_never_imported_into_has_nothing_to_undo(
        coded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(coded, "import-tags", "--undo") == 1
    assert "there is no tag import to undo" in capsys.readouterr().err


def test_undo_is_refused_when_a_tag_was_edited_since(coded: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    file = _csv(tmp_path / "in.csv", [
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"},
        {"article_id": B, "annotator": "ana", "field": "stance", "value": "neutral"}])
    assert _run(coded, "import-tags", str(file)) == 0
    # ana changes the stance the import gave her, with the command line
    assert _run(coded, "--annotator", "ana", "tag", B, "stance", "supportive") == 0
    tags, statuses = _tags(coded), _statuses(coded)
    history = _history_count(coded)
    capsys.readouterr()
    assert _run(coded, "import-tags", "--undo") == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert f"article '{B}', annotator 'ana', field 'stance' was changed after it" in err
    assert "nothing was undone" in err
    assert _tags(coded) == tags and _statuses(coded) == statuses
    assert _history_count(coded) == history
    # Put back as the import left it, the undo goes through.
    assert _run(coded, "--annotator", "ana", "tag", B, "stance", "neutral") == 0
    assert _run(coded, "import-tags", "--undo") == 0
    assert not any(row[2] == "sara" or row[1:3] == (B, "ana") for row in _tags(coded).values())


def test_undo_is_refused_when_a_status_was_changed_since(coded: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    file = _csv(tmp_path / "in.csv", [
        {"article_id": B, "annotator": "sara", "field": "stance", "value": "condemning"}])
    assert _run(coded, "import-tags", str(file)) == 0
    with open_project(coded, create=False) as project:
        Session(project, "sara").set_status(B, "done")
    tags = _tags(coded)
    capsys.readouterr()
    assert _run(coded, "import-tags", "--undo") == 1
    err = capsys.readouterr().err
    assert f"the status of article '{B}' for annotator 'sara' was changed after it" in err
    assert _tags(coded) == tags and _statuses(coded)[(B, "sara")] == "done"


def test_undo_is_refused_when_a_tag_was_removed_since(coded: Path, tmp_path: Path) -> None:
    file = _csv(tmp_path / "in.csv", [
        {"article_id": B, "annotator": "sara", "field": "demands", "value": "cut_ties"}])
    assert _run(coded, "import-tags", str(file)) == 0
    with open_project(coded, create=False) as project:
        Session(project, "sara").set_value(B, "demands", "cut_ties", False)
        with pytest.raises(AnnotatorError, match="was changed after it"):
            project.exchange.undo_last_import()


def test_only_the_last_import_is_taken_back(coded: Path, tmp_path: Path) -> None:
    first = _csv(tmp_path / "first.csv", [
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"}])
    second = _csv(tmp_path / "second.csv", [
        {"article_id": B, "annotator": "sara", "field": "stance", "value": "neutral"}])
    assert _run(coded, "import-tags", str(first)) == 0
    after_first = _tags(coded)
    assert _run(coded, "import-tags", str(second)) == 0
    with open_project(coded, create=False) as project:
        done = project.exchange.undo_last_import()
    assert done.where == str(second) and (done.removed, done.restored) == (1, 0)
    assert _tags(coded) == after_first


def test_an_import_that_changed_nothing_leaves_the_one_before_to_undo(
        coded: Path, tmp_path: Path) -> None:
    tags = _tags(coded)
    file = _csv(tmp_path / "in.csv", [
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"}])
    assert _run(coded, "import-tags", str(file)) == 0
    again = _csv(tmp_path / "again.csv", [
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"}])
    assert _run(coded, "import-tags", str(again)) == 0  # all unchanged
    with open_project(coded, create=False) as project:
        done = project.exchange.undo_last_import()
    assert (done.where, done.removed, done.statuses) == (str(file), 1, 1)
    assert _tags(coded) == tags


def test_undo_of_an_import_re_pointed_to_a_merged_participant(coded: Path,
                                                              tmp_path: Path) -> None:
    """Rows naming an entry merged into another: stored naming that one, one of them
    folded into a tag the annotator had already; the undo takes all of it back."""
    with open_project(coded, create=False) as project:
        project.registry.merge("ali_bagheri_kani", "ebrahim_raisi", "lead", backup=False)
        ana = Session(project, "ana")
        ana.set_value(A, "participants", "ebrahim_raisi", True)
    tags, statuses = _tags(coded), _statuses(coded)
    file = _csv(tmp_path / "old.csv", [
        # folds into ana's tag naming ebrahim_raisi, giving it a role
        {"article_id": A, "annotator": "ana", "field": "participants",
         "value": "ali_bagheri_kani", "role": "initiator"},
        # re-pointed
        {"article_id": B, "annotator": "sara", "field": "participants",
         "value": "ali_bagheri_kani", "role": "counterpart"},
    ])
    assert _run(coded, "import-tags", str(file)) == 0
    imported = _tags(coded)
    assert any(row[1:5] == (B, "sara", "participants", "ebrahim_raisi")
               for row in imported.values())
    assert any(row[1:7] == (A, "ana", "participants", "ebrahim_raisi", None, "initiator")
               for row in imported.values())
    assert _run(coded, "import-tags", "--undo") == 0
    assert _tags(coded) == tags and _statuses(coded) == statuses


def test_undo_lines_in_persian(coded: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    file = _csv(tmp_path / "in.csv", [
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"}])
    assert _run(coded, "import-tags", str(file)) == 0
    capsys.readouterr()
    assert _run(coded, "--lang", "fa", "import-tags", "--undo") == 0
    out = capsys.readouterr().out
    assert "undid" not in out and "removed" not in out and "۱" in out
    assert _run(coded, "--lang", "fa", "import-tags", "--undo") == 1
    err = capsys.readouterr().err
    assert "no tag import" not in err and "Traceback" not in err and err.count("\n") == 1


@pytest.mark.parametrize("words", [("import-tags",), ("import-tags", "--undo", "x.csv")])
def test_file_and_undo_go_one_without_the_other(coded: Path, words: tuple[str, ...],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    tags = _tags(coded)
    assert _run(coded, *words) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert ("--undo" in err) and ("FILE" in err)
    assert _tags(coded) == tags


def _history_count(path: Path) -> int:
    with open_project(path, create=False) as project:
        return len(project.history.changes())


def test_undo_backs_up_by_the_import_rule_and_a_refusal_copies_nothing(
        coded: Path, tmp_path: Path) -> None:
    file = _csv(tmp_path / "in.csv", [
        {"article_id": A, "annotator": "sara", "field": "stance", "value": "condemning"}])
    assert _run(coded, "import-tags", str(file)) == 0
    with open_project(coded, create=False) as project:
        Session(project, "sara").set_choice(A, "stance", "neutral")
    for made in list_backups(coded):
        made.path.unlink()  # no backup at all: the next one is due
    assert _run(coded, "import-tags", "--undo") == 1
    assert list_backups(coded) == []  # refused before any copy
    with open_project(coded, create=False) as project:
        Session(project, "sara").set_choice(A, "stance", "condemning")
    assert _run(coded, "import-tags", "--undo") == 0
    [made] = list_backups(coded)
    assert made.reason == "before-undo-import" and made.tags == len(_tags(coded)) + 1
