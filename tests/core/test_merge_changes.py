"""A coder's later changes reach the lead's file, and decisions resting on them are flagged.

Three coders code in their own files, copies of one corpus project; the lead merges their
files, decides, and merges again after each coder changed their file (retag, clear, remove a
participant, change a role).  The lead's file then holds each coder's tags exactly as the
coder's file does, a decision resting on changed values is listed for a second look (in the
store, ``review --pending`` and ``review --format json``), and the history says who changed
what when.  Merging stays idempotent and free of order.
"""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from annotator.cli.commands import main
from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.review_session import ReviewSession
from annotator.core.session import Session
from annotator.core.store import Project, open_project
from tests.conftest import ARABIC_ID, SAMPLE_IDS

CODERS = ("sara", "reza", "omid")
ERDOGAN = "recep_tayyip_erdogan"
RAISI = "ebrahim_raisi"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """base.sqlite (the corpus) and a copy of it for the lead and each coder."""
    with open_project(tmp_path / "base.sqlite") as base:
        import_paths(base, [paths.corpus_dir()])
    for name in ("lead", *CODERS):
        shutil.copy(tmp_path / "base.sqlite", tmp_path / f"{name}.sqlite")
    return tmp_path


def coder(folder: Path, name: str) -> tuple[Project, Session]:
    project = open_project(folder / f"{name}.sqlite")
    return project, Session(project, name)


def own_tags(project: Project, annotator: str) -> list[tuple[object, ...]]:
    """An annotator's tags by identity and content (what the lead must hold of them; a tag
    that came back unchanged by an undo keeps its earlier time in the lead's file)."""
    return sorted((t.tag_uid, t.article_id, t.field, t.value or "", t.participant or "",
                   t.role or "", t.span_start or -1, t.note or "")
                  for t in project.tags.find(annotator=annotator))


def content(project: Project) -> dict[str, object]:
    tags = sorted((t.tag_uid, t.article_id, t.annotator, t.field, t.value or "",
                   t.participant or "", t.role or "", t.note or "") for t in project.tags.find())
    adjudications = sorted((a.adjudication_uid, a.article_id, a.field, a.value or "",
                            a.role or "", a.basis or "") for a in project.review.adjudications())
    return {"tags": tags, "adjudications": adjudications,
            "rechecks": sorted(project.review.rechecks())}


def first_round(folder: Path) -> None:
    """sara and reza tag demands; all three tag Erdoğan's role (omid differs)."""
    project, sara = coder(folder, "sara")
    sara.set_value(ARABIC_ID, "demands", "ceasefire", True)
    sara.set_value(ARABIC_ID, "demands", "cut_ties", True)
    sara.set_choice(ARABIC_ID, "stance", "condemning")
    sara.set_value(ARABIC_ID, "participants", ERDOGAN, True, role="counterpart")
    sara.set_value(ARABIC_ID, "participants", RAISI, True, role="initiator")
    project.close()
    project, reza = coder(folder, "reza")
    reza.set_value(ARABIC_ID, "demands", "ceasefire", True)
    reza.set_choice(ARABIC_ID, "stance", "strongly_condemning")
    reza.set_value(ARABIC_ID, "participants", ERDOGAN, True, role="counterpart")
    project.close()
    project, omid = coder(folder, "omid")
    omid.set_value(ARABIC_ID, "participants", ERDOGAN, True, role="mentioned")
    omid.set_choice(SAMPLE_IDS[0], "stance", "neutral")
    project.close()


def merge_all(lead: Project, folder: Path, order: tuple[str, ...] = CODERS) -> list[object]:
    return [lead.merge.from_file(folder / f"{name}.sqlite") for name in order]


def test_the_issue_case_a_cleared_and_retagged_field_reaches_the_lead(folder: Path,
                                                                      capsys) -> None:
    first_round(folder)
    lead = open_project(folder / "lead.sqlite")
    merge_all(lead, folder)
    ReviewSession(lead, "mina").accept(ARABIC_ID, "demands", "sara")
    assert lead.review.rechecks() == {}
    project, sara = coder(folder, "sara")
    sara.set_none(ARABIC_ID, "demands", False)  # cleared the field ...
    sara.set_value(ARABIC_ID, "demands", "ceasefire", True)  # ... and tagged only ceasefire
    removed_at = sorted(h.changed_at for h in project.history.changes(ARABIC_ID, "sara")
                        if h.action == "removed")
    project.close()

    summary = lead.merge.from_file(folder / "sara.sqlite")
    assert (summary.tags_added, summary.tags_removed, summary.tags_updated) == (1, 2, 0)
    assert "tags: 1 added, 0 updated, 2 removed, 0 kept" in summary.lines()[2]
    assert summary.rechecks == [(ARABIC_ID, "demands")]
    assert any("decisions to look at again" in line for line in summary.lines())
    assert [t.value for t in lead.tags.find(ARABIC_ID, "sara", "demands")] == ["ceasefire"]
    # The history holds sara's removals at the times she made them.
    assert sorted(h.changed_at for h in lead.history.changes(ARABIC_ID, "sara")
                  if h.action == "removed") == removed_at
    # The decision still holds sara's old values, and says so.
    assert sorted(str(a.value) for a in lead.review.adjudications(ARABIC_ID, "demands")) == [
        "ceasefire", "cut_ties"]
    [recheck] = lead.review.rechecks().values()
    assert recheck.changed == (("sara", frozenset({("ceasefire", None, None),
                                                   ("cut_ties", None, None)}),
                                frozenset({("ceasefire", None, None)})),)
    [item] = [i for i in lead.review.queue(pending_only=True) if i.article_id == ARABIC_ID]
    assert "demands" in item.recheck and "demands" in item.pending
    lead.close()

    # The command line lists it, pending and in JSON with the values then and now.
    assert main(["--db", str(folder / "lead.sqlite"), "review", "--pending"]) == 0
    out = capsys.readouterr().out
    assert ARABIC_ID in out and "demands!" in out
    assert main(["--db", str(folder / "lead.sqlite"), "review", "--format", "json"]) == 0
    [entry] = [e for e in json.loads(capsys.readouterr().out) if e["article_id"] == ARABIC_ID]
    assert entry["recheck"] == ["demands"] and "demands" in entry["pending"]
    changed = entry["changed_since_decision"]["demands"]["changed"]["sara"]
    assert [v["value"] for v in changed["then"]] == ["ceasefire", "cut_ties"]
    assert [v["value"] for v in changed["now"]] == ["ceasefire"]

    # Merging again changes nothing; deciding again settles the second look.
    lead = open_project(folder / "lead.sqlite")
    once = content(lead)
    again = lead.merge.from_file(folder / "sara.sqlite")
    assert (again.tags_added, again.tags_removed, again.tags_updated, again.rechecks) == (
        0, 0, 0, [])
    assert content(lead) == once
    ReviewSession(lead, "mina").accept(ARABIC_ID, "demands", "sara")
    assert lead.review.rechecks() == {}
    assert [a.value for a in lead.review.adjudications(ARABIC_ID, "demands")] == ["ceasefire"]
    lead.close()


def test_retag_remove_a_participant_and_change_a_role_reach_the_lead(folder: Path) -> None:
    first_round(folder)
    lead = open_project(folder / "lead.sqlite")
    merge_all(lead, folder)
    review = ReviewSession(lead, "mina")
    review.accept(ARABIC_ID, "participants", "sara")
    review.accept(ARABIC_ID, "stance", "reza")
    project, sara = coder(folder, "sara")
    sara.set_choice(ARABIC_ID, "stance", "neutral")  # retag
    sara.set_value(ARABIC_ID, "participants", RAISI, False)  # remove a participant
    [erdogan] = [t for t in sara.view(ARABIC_ID).field_tags("participants")]
    sara.update_tag(erdogan, "role", role="mentioned")  # change a role
    project.close()
    summary = lead.merge.from_file(folder / "sara.sqlite")
    assert (summary.tags_updated, summary.tags_removed) == (2, 1)
    with open_project(folder / "sara.sqlite") as theirs:
        assert own_tags(lead, "sara") == own_tags(theirs, "sara")
    assert sorted(lead.review.rechecks()) == [(ARABIC_ID, "participants"), (ARABIC_ID, "stance")]
    # History: the role change and the removal, by sara.
    sara_changes = [h for h in lead.history.changes(ARABIC_ID, "sara")
                    if h.field == "participants"]
    assert any(h.action == "changed" and '"mentioned"' in (h.new_value or "")
               for h in sara_changes)
    assert any(h.action == "removed" and RAISI in (h.old_value or "") for h in sara_changes)
    # The other coders' tags are untouched.
    for name in ("reza", "omid"):
        with open_project(folder / f"{name}.sqlite") as theirs:
            assert own_tags(lead, name) == own_tags(theirs, name)
    lead.close()


def test_a_file_that_merely_lacks_tags_removes_nothing(folder: Path) -> None:
    first_round(folder)
    shutil.copy(folder / "sara.sqlite", folder / "sara-old.sqlite")
    project, sara = coder(folder, "sara")
    sara.set_value(SAMPLE_IDS[0], "demands", "humanitarian_aid", True)  # newer than the copy
    project.close()
    lead = open_project(folder / "lead.sqlite")
    merge_all(lead, folder)
    before = content(lead)
    # Reza's file has none of sara's tags; the old copy lacks her newest one.
    for other in ("reza", "sara-old", "omid"):
        summary = lead.merge.from_file(folder / f"{other}.sqlite")
        assert summary.tags_removed == 0
    assert content(lead) == before
    with open_project(folder / "sara.sqlite") as theirs:
        assert own_tags(lead, "sara") == own_tags(theirs, "sara")
    lead.close()


def test_a_removal_undone_by_the_coder_is_not_applied(folder: Path) -> None:
    first_round(folder)
    lead = open_project(folder / "lead.sqlite")
    merge_all(lead, folder)
    project, sara = coder(folder, "sara")
    sara.set_value(ARABIC_ID, "demands", "cut_ties", False)
    sara.undo()  # the same tag (its uid) comes back
    project.close()
    summary = lead.merge.from_file(folder / "sara.sqlite")
    assert summary.tags_removed == 0
    with open_project(folder / "sara.sqlite") as theirs:
        assert own_tags(lead, "sara") == own_tags(theirs, "sara")
    lead.close()


def test_a_removal_undone_later_is_not_applied_from_a_file_made_in_between(
        folder: Path) -> None:
    """lead2 merged sara's removal; sara then undid it.  In either order the lead keeps it."""
    first_round(folder)
    with open_project(folder / "lead.sqlite") as lead:
        merge_all(lead, folder)
    shutil.copy(folder / "lead.sqlite", folder / "lead2.sqlite")
    shutil.copy(folder / "lead.sqlite", folder / "lead3.sqlite")
    project, sara = coder(folder, "sara")
    sara.set_value(ARABIC_ID, "demands", "cut_ties", False)
    with open_project(folder / "lead2.sqlite") as lead2:
        lead2.merge.from_file(folder / "sara.sqlite")
        assert [t.value for t in lead2.tags.find(ARABIC_ID, "sara", "demands")] == [
            "ceasefire"]
    sara.undo()  # cut_ties is back, the same tag
    project.close()
    for name, order in (("lead", ("sara", "lead2")), ("lead3", ("lead2", "sara"))):
        with open_project(folder / f"{name}.sqlite") as lead:
            merge_all(lead, folder, order)
            assert sorted(str(t.value) for t in lead.tags.find(ARABIC_ID, "sara", "demands")) == [
                "ceasefire", "cut_ties"], order


def test_the_lead_merging_a_colleagues_merged_file_gets_the_removals_too(folder: Path) -> None:
    """A removal travels through a second lead's file (it is in that file's history)."""
    first_round(folder)
    shutil.copy(folder / "lead.sqlite", folder / "lead2.sqlite")
    with open_project(folder / "lead.sqlite") as lead:
        merge_all(lead, folder)
    project, sara = coder(folder, "sara")
    sara.set_value(ARABIC_ID, "demands", "cut_ties", False)
    project.close()
    with open_project(folder / "lead2.sqlite") as lead2:
        merge_all(lead2, folder)  # has sara's removal in its history, not the tag
    with open_project(folder / "lead.sqlite") as lead:
        assert lead.merge.from_file(folder / "lead2.sqlite").tags_removed == 1
        assert [t.value for t in lead.tags.find(ARABIC_ID, "sara", "demands")] == ["ceasefire"]


def test_a_decision_made_before_bases_were_kept_is_flagged_by_time(
        folder: Path, tmp_path: Path) -> None:
    """A file of schema 0004 with a decision opens; a later change of a tag flags it."""
    old = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures"
                / "project_0004_list_index.sqlite", old)
    conn = sqlite3.connect(old)
    conn.execute(
        "INSERT INTO adjudications (adjudication_uid, article_id, field, value, reviewer, "
        "source_annotator, created_at, updated_at) VALUES ('u1', ?, 'stance', "
        "'strongly_condemning', 'mina', 'sara', '2024-06-01T10:00:00.000Z', "
        "'2024-06-01T10:00:00.000Z')", (ARABIC_ID,))
    conn.execute("UPDATE tags SET updated_at = '2024-05-01T10:00:00.000Z'")
    conn.commit()
    conn.close()
    with open_project(old) as project:
        [decision] = project.review.adjudications(ARABIC_ID)
        assert decision.basis is None and project.review.rechecks() == {}
        project.tags.set_choice(ARABIC_ID, "sara", "stance", "neutral")
        [recheck] = project.review.rechecks().values()
        assert (recheck.field, recheck.changed) == ("stance", ())
        project.review.accept(ARABIC_ID, "stance", "sara", reviewer="mina")
        assert project.review.rechecks() == {}
        assert project.review.adjudications(ARABIC_ID)[0].basis


# -- properties: three coders, two rounds, any order ------------------------------------------
DEMANDS = ["ceasefire", "cut_ties", "humanitarian_aid"]
ROLES = ["initiator", "counterpart", "mentioned"]
_CHANGE = st.tuples(st.sampled_from(SAMPLE_IDS[:2]),
                    st.sampled_from(["stance", "demand", "none", "clear", "participant",
                                     "role", "undo"]),
                    st.integers(0, 2))


def _change(session: Session, edits: list[tuple[str, str, int]]) -> None:
    for article, kind, n in edits:
        if kind == "stance":
            session.set_choice(article, "stance", ["condemning", "neutral", "unclear"][n])
        elif kind == "demand":
            on = DEMANDS[n] not in session.view(article).values("demands")
            session.set_value(article, "demands", DEMANDS[n], on)
        elif kind == "none":
            session.set_none(article, "demands", True)
        elif kind == "clear":
            session.set_none(article, "demands", False)
        elif kind == "participant":
            on = ERDOGAN not in session.view(article).values("participants")
            session.set_value(article, "participants", ERDOGAN, on, role=ROLES[n])
        elif kind == "role":
            tags = session.view(article).field_tags("participants")
            if tags:
                session.update_tag(tags[0], "role", role=ROLES[n])
        else:
            session.undo()


# No shrinking: each example merges 16 files; a failure is reported as found.
@settings(max_examples=8, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_CHANGE, max_size=5), min_size=3, max_size=3),
       st.lists(st.lists(_CHANGE, max_size=5), min_size=3, max_size=3),
       st.permutations(CODERS), st.permutations(CODERS))
def test_leads_merging_in_any_order_end_alike_and_mirror_each_coder(
        tmp_path_factory: pytest.TempPathFactory, first, second, order_a, order_b) -> None:
    folder = tmp_path_factory.mktemp("coders")
    with open_project(folder / "base.sqlite") as base:
        import_paths(base, [paths.corpus_dir()])
    for name in ("lead-a", "lead-b", *CODERS):
        shutil.copy(folder / "base.sqlite", folder / f"{name}.sqlite")
    leads = {"lead-a": order_a, "lead-b": tuple(reversed(order_b))}
    for round_ in (first, second):
        for name, edits in zip(CODERS, round_, strict=True):
            project, session = coder(folder, name)
            _change(session, edits)
            project.close()
        for lead_name, order in leads.items():
            with open_project(folder / f"{lead_name}.sqlite") as lead:
                merge_all(lead, folder, order)
                review = ReviewSession(lead, "mina")
                for item in lead.review.queue():  # decide whatever is to decide
                    for field_id in item.pending:
                        coded = [n for n in item.annotators
                                 if lead.tags.find(item.article_id, n, field_id)]
                        if coded:
                            review.accept(item.article_id, field_id, coded[0])
                        else:
                            review.clear(item.article_id, field_id)
    results = []
    for lead_name in leads:
        with open_project(folder / f"{lead_name}.sqlite") as lead:
            once = content(lead)
            for name in itertools.chain(CODERS, reversed(CODERS)):  # again: nothing changes
                lead.merge.from_file(folder / f"{name}.sqlite")
            assert content(lead) == once
            for name in CODERS:
                with open_project(folder / f"{name}.sqlite") as theirs:
                    assert own_tags(lead, name) == own_tags(theirs, name), name
            results.append(once["tags"])
    assert results[0] == results[1]


def test_exports_of_adjudicated_values_mark_a_decision_to_look_at_again(folder: Path) -> None:
    import csv
    import io

    from annotator.core.outputs.export import ExportOptions, export

    first_round(folder)
    lead = open_project(folder / "lead.sqlite")
    merge_all(lead, folder)
    review = ReviewSession(lead, "mina")
    review.accept(ARABIC_ID, "demands", "sara")
    review.accept(ARABIC_ID, "stance", "reza")
    project, sara = coder(folder, "sara")
    sara.set_value(ARABIC_ID, "demands", "cut_ties", False)
    project.close()
    lead.merge.from_file(folder / "sara.sqlite")

    def exported(form: str) -> str:
        out = io.StringIO(newline="")
        export(lead, out, ExportOptions(format=form, adjudicated=True))
        return out.getvalue()

    rows = list(csv.DictReader(io.StringIO(exported("long"))))
    assert {(r["field"], r["value"], r["recheck"]) for r in rows} == {
        ("demands", "ceasefire", "1"), ("demands", "cut_ties", "1"), ("stance",
                                                                       "strongly_condemning", "")}
    [wide] = list(csv.DictReader(io.StringIO(exported("wide"))))
    assert wide["recheck"] == "demands" and wide["demands_cut_ties"] == "1"
    [line] = exported("jsonl").splitlines()
    assert json.loads(line)["recheck"] == ["demands"]
    # The annotators' own export has no such column.
    out = io.StringIO(newline="")
    export(lead, out, ExportOptions(format="long"))
    assert "recheck" not in out.getvalue().splitlines()[0]
    lead.close()


def test_a_colleagues_file_of_schema_0004_is_merged_in_place(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file without the decisions' basis column is read where it lies; its decisions
    come in as decisions made before bases were kept."""
    from annotator.core.store import merge as merge_module

    copies: list[Path] = []
    monkeypatch.setattr(merge_module, "_copy_read_only",
                        lambda source, target: copies.append(source))
    old = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures"
                / "project_0004_list_index.sqlite", old)
    conn = sqlite3.connect(old)
    conn.execute(
        "INSERT INTO adjudications (adjudication_uid, article_id, field, value, reviewer, "
        "source_annotator, created_at, updated_at) VALUES ('u1', ?, 'stance', "
        "'strongly_condemning', 'mina', 'sara', '2024-06-01T10:00:00.000Z', "
        "'2024-06-01T10:00:00.000Z')", (ARABIC_ID,))
    conn.commit()
    conn.close()
    before = old.read_bytes()
    with open_project(folder / "lead.sqlite") as lead:
        summary = lead.merge.from_file(old)
        assert copies == [] and old.read_bytes() == before
        assert summary.tags_added == 3 and summary.adjudications == 1
        [decision] = lead.review.adjudications(ARABIC_ID)
        assert decision.basis is None and decision.source_annotator == "sara"
