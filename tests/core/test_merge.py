"""Merging colleagues' project files: idempotent, order-independent, nothing lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.session import Session
from annotator.core.store import Project, open_project
from annotator.core.store import merge as merge_module
from annotator.core.store.backups import list_backups
from tests.conftest import ARABIC_ID, SAMPLE_IDS

OLD_SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "project_0001_initial.sqlite"

DEMANDS = ["ceasefire", "cut_ties", "humanitarian_aid", "islamic_unity"]
STANCES = ["strongly_condemning", "condemning", "neutral", "unclear"]


def new_project(path: Path) -> Project:
    project = open_project(path)
    import_paths(project, [paths.corpus_dir()])
    return project


def content(project: Project) -> dict[str, object]:
    """Everything a merge must preserve, independent of row ids and history order."""
    tags = sorted((t.tag_uid, t.article_id, t.annotator, t.field, t.value or "",
                   t.participant or "", t.role or "", t.span_start or -1, t.quote or "",
                   t.note or "") for t in project.tags.find())
    statuses = sorted(project.conn.execute(
        "SELECT article_id, annotator, status FROM article_status").fetchall())
    articles = sorted(project.conn.execute(
        "SELECT article_id, content_hash FROM articles").fetchall())
    adjudications = sorted((a.article_id, a.field, a.value or "", a.reviewer)
                           for a in project.review.adjudications())
    return {"tags": tags, "statuses": statuses, "articles": articles,
            "adjudications": adjudications}


def test_merge_brings_in_a_colleagues_work(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(mine, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    reza = Session(theirs, "reza")
    reza.set_choice(ARABIC_ID, "stance", "strongly_condemning")
    reza.set_value(ARABIC_ID, "demands", "ceasefire", True)
    reza.set_none(SAMPLE_IDS[0], "demands", True)
    reza.set_status(ARABIC_ID, "done")
    theirs.review.add_comment(ARABIC_ID, "reza", "حماس را هم باید کد کرد؟")
    extra = tmp_path / "extra.txt"
    extra.write_text("خبر تازه\n\nمتن خبری که فقط همکار دارد.", encoding="utf-8")
    import_paths(theirs, [extra])
    Session(theirs, "reza").set_choice("extra", "stance", "neutral")
    theirs.close()
    before = (tmp_path / "theirs.sqlite").read_bytes()

    summary = mine.merge.from_file(tmp_path / "theirs.sqlite")
    assert summary.articles_added == 1 and summary.articles_matched == 5
    assert summary.tags_added == 4 and summary.statuses >= 2 and summary.comments == 1
    assert "reza" in summary.annotators
    assert (tmp_path / "theirs.sqlite").read_bytes() == before  # their file is only read
    assert [t.value for t in mine.tags.find(ARABIC_ID, "sara", "stance")] == ["condemning"]
    assert [t.value for t in mine.tags.find(ARABIC_ID, "reza", "stance")] == ["strongly_condemning"]
    assert [t.value for t in mine.tags.find(SAMPLE_IDS[0], "reza", "demands")] == [None]
    assert mine.statuses.get(ARABIC_ID, "reza") == "done"
    assert mine.articles.search("همکار")[0].article_id == "extra"
    assert mine.review.comments(ARABIC_ID)[0].author == "reza"
    # History came along: nothing silently overwritten.
    assert any(h.annotator == "reza" for h in mine.history.changes(ARABIC_ID))


def test_same_text_under_another_id_is_matched_and_other_text_same_id_reported(
        tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = open_project(tmp_path / "theirs.sqlite")
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    body = (paths.corpus_dir() / f"{ARABIC_ID}.txt").read_text(encoding="utf-8")
    (renamed / "other-name.txt").write_text(body, encoding="utf-8")
    (renamed / f"{SAMPLE_IDS[0]}.txt").write_text("عنوان\n\nمتن کاملا متفاوت", encoding="utf-8")
    import_paths(theirs, [renamed])
    Session(theirs, "reza").set_choice("other-name", "stance", "neutral")
    Session(theirs, "reza").set_choice(SAMPLE_IDS[0], "stance", "neutral")
    theirs.close()
    summary = mine.merge.from_file(tmp_path / "theirs.sqlite")
    assert summary.articles_matched == 1 and summary.articles_added == 0
    assert len(summary.article_conflicts) == 1 and SAMPLE_IDS[0] in summary.article_conflicts[0]
    assert [t.value for t in mine.tags.find(ARABIC_ID, "reza")] == ["neutral"]
    assert mine.tags.find(SAMPLE_IDS[0], "reza") == []
    assert mine.articles.get(SAMPLE_IDS[0]).body != "متن کاملا متفاوت"


def test_later_edit_wins_and_earlier_stays_in_history(tmp_path: Path) -> None:
    laptop = new_project(tmp_path / "laptop.sqlite")
    Session(laptop, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    laptop.close()
    shutil.copy(tmp_path / "laptop.sqlite", tmp_path / "desktop.sqlite")
    desktop = open_project(tmp_path / "desktop.sqlite")
    Session(desktop, "sara").set_choice(ARABIC_ID, "stance", "strongly_condemning")  # later
    desktop.close()
    laptop = open_project(tmp_path / "laptop.sqlite")
    summary = laptop.merge.from_file(tmp_path / "desktop.sqlite")
    assert summary.tags_updated == 1
    assert [t.value for t in laptop.tags.find(ARABIC_ID, "sara", "stance")] == [
        "strongly_condemning"]
    olds = [h.old_value or "" for h in laptop.history.changes(ARABIC_ID, "sara")]
    assert any('"condemning"' in old for old in olds)
    # And the other way round: the desktop keeps its newer value.
    desktop = open_project(tmp_path / "desktop.sqlite")
    assert desktop.merge.from_file(tmp_path / "laptop.sqlite").tags_updated == 0
    assert [t.value for t in desktop.tags.find(ARABIC_ID, "sara", "stance")] == [
        "strongly_condemning"]


def test_a_tag_removed_here_is_not_brought_back(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    session = Session(mine, "sara")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    mine.close()
    shutil.copy(tmp_path / "mine.sqlite", tmp_path / "old-copy.sqlite")
    mine = open_project(tmp_path / "mine.sqlite")
    Session(mine, "sara").set_value(ARABIC_ID, "demands", "ceasefire", False)
    mine.merge.from_file(tmp_path / "old-copy.sqlite")
    assert mine.tags.find(ARABIC_ID, "sara", "demands") == []


def test_bad_files_are_refused_clearly(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not an SQLite file"):
        mine.merge.from_file(text)
    other = tmp_path / "birds.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(AnnotatorError, match="not an annotator project"):
        mine.merge.from_file(other)
    with pytest.raises(AnnotatorError, match="this project itself"):
        mine.merge.from_file(tmp_path / "mine.sqlite")
    assert mine.tags.find() == []


def _copies(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record each copy the merge makes of a colleague's file."""
    made: list[Path] = []
    real = merge_module._copy_read_only

    def copy(source: Path, target: Path) -> None:
        made.append(source)
        real(source, target)

    monkeypatch.setattr(merge_module, "_copy_read_only", copy)
    return made


def test_a_file_of_this_version_is_read_in_place_an_older_one_from_a_migrated_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copies = _copies(monkeypatch)
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(theirs, "reza").set_choice(ARABIC_ID, "stance", "neutral")
    theirs.close()
    for journal in ("wal", "delete"):  # a project, and a backup (a rollback-journal file)
        conn = sqlite3.connect(tmp_path / "theirs.sqlite")
        conn.execute(f"PRAGMA journal_mode = {journal}")
        conn.close()
        before = (tmp_path / "theirs.sqlite").read_bytes()
        mine.merge.from_file(tmp_path / "theirs.sqlite")
        assert (tmp_path / "theirs.sqlite").read_bytes() == before
    assert copies == []
    old = tmp_path / "old.sqlite"
    shutil.copy(OLD_SCHEMA, old)
    summary = mine.merge.from_file(old)
    assert copies == [old] and old.read_bytes() == OLD_SCHEMA.read_bytes()
    assert summary.tags_added == 3 and summary.annotators == ["sara"]
    assert [t.value for t in mine.tags.find(ARABIC_ID, "sara", "stance")] == ["strongly_condemning"]
    assert [t.value for t in mine.tags.find(ARABIC_ID, "reza", "stance")] == ["neutral"]


def test_without_uri_file_names_the_colleagues_file_is_copied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copies = _copies(monkeypatch)
    monkeypatch.setattr(merge_module, "_uri_attach", lambda conn: False)
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(theirs, "reza").set_choice(ARABIC_ID, "stance", "neutral")
    theirs.close()
    assert mine.merge.from_file(tmp_path / "theirs.sqlite").tags_added == 1
    assert copies == [tmp_path / "theirs.sqlite"]


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_the_backup_before_a_merge_holds_the_project_as_it_was(
        tmp_path: Path, journal: str) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    mine.conn.execute(f"PRAGMA journal_mode = {journal}")
    Session(mine, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    theirs = new_project(tmp_path / "theirs.sqlite")
    reza = Session(theirs, "reza")
    for article in SAMPLE_IDS:
        reza.set_choice(article, "stance", "neutral")
    theirs.close()
    assert mine.merge.from_file(tmp_path / "theirs.sqlite").tags_added == len(SAMPLE_IDS)
    made = [b for b in list_backups(mine.path) if b.reason == "before-merge"]
    assert len(made) == 1 and made[0].tags == 1 and len(mine.tags.find()) == 1 + len(SAMPLE_IDS)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_nothing_is_merged_when_the_backup_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, journal: str) -> None:
    def no_room(reason: str) -> Path:
        raise AnnotatorError("the disk is full; no backup was made")

    mine = new_project(tmp_path / "mine.sqlite")
    mine.conn.execute(f"PRAGMA journal_mode = {journal}")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(theirs, "reza").set_choice(ARABIC_ID, "stance", "neutral")
    theirs.close()
    before = content(mine)
    monkeypatch.setattr(mine.backups, "make", no_room)
    with pytest.raises(AnnotatorError, match="no backup was made"):
        mine.merge.from_file(tmp_path / "theirs.sqlite")
    assert content(mine) == before and mine.history.changes() == []
    assert mine.conn.execute("SELECT name FROM temp.sqlite_master").fetchall() == []


def _desk_and_laptop(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of one project, for the same annotator on two machines."""
    laptop = new_project(tmp_path / "laptop.sqlite")
    session = Session(laptop, "sara")
    session.set_choice(ARABIC_ID, "stance", "condemning")
    session.set_value(ARABIC_ID, "demands", "ceasefire", True)
    laptop.close()
    shutil.copy(tmp_path / "laptop.sqlite", tmp_path / "desktop.sqlite")
    return tmp_path / "laptop.sqlite", tmp_path / "desktop.sqlite"


def test_edits_made_at_the_same_moment_are_settled_alike_both_ways(tmp_path: Path) -> None:
    laptop_path, desktop_path = _desk_and_laptop(tmp_path)
    for path, stance in ((laptop_path, "neutral"), (desktop_path, "unclear")):
        with open_project(path) as project:
            Session(project, "sara").set_choice(ARABIC_ID, "stance", stance)
            project.conn.execute("UPDATE tags SET updated_at = '2030-01-01T00:00:00.000Z' "
                                 "WHERE field = 'stance'")
    results = []
    for target, other in ((laptop_path, desktop_path), (desktop_path, laptop_path)):
        copy = tmp_path / f"merged-{target.name}"
        shutil.copy(target, copy)
        with open_project(copy) as project:
            project.merge.from_file(other)
            once = content(project)
            assert project.merge.from_file(other).tags_updated == 0 and content(project) == once
            results.append([t.value for t in project.tags.find(ARABIC_ID, "sara", "stance")])
    assert results[0] == results[1] and len(results[0]) == 1


def test_a_tag_two_of_theirs_update_takes_both_edits_in_their_order(tmp_path: Path) -> None:
    laptop_path, desktop_path = _desk_and_laptop(tmp_path)
    with open_project(desktop_path) as desktop:
        # The tag moves to another value, then the old value comes back as a new tag.
        tag = desktop.tags.find(ARABIC_ID, "sara", "demands")[0]
        desktop.tags.update(tag.tag_id, value="cut_ties")
        desktop.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire", note="again")
    with open_project(laptop_path) as laptop:
        summary = laptop.merge.from_file(desktop_path)
        assert summary.tags_updated == 2
        [kept] = laptop.tags.find(ARABIC_ID, "sara", "demands")
        assert (kept.tag_uid, kept.value, kept.note) == (tag.tag_uid, "ceasefire", "again")
        changes = [h for h in laptop.history.changes(ARABIC_ID, "sara")
                   if h.action == "changed" and h.field == "demands"]
        assert ['"cut_ties"' in (h.new_value or "") for h in changes] == [True, False]


def test_two_machines_coding_one_article_keep_the_latest_single_value(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    Session(mine, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    Session(mine, "sara").set_none(SAMPLE_IDS[0], "demands", True)
    theirs = new_project(tmp_path / "theirs.sqlite")  # another file: other tag uids
    Session(theirs, "sara").set_choice(ARABIC_ID, "stance", "neutral")
    Session(theirs, "sara").set_value(SAMPLE_IDS[0], "demands", "ceasefire", True)
    Session(theirs, "sara").set_value(SAMPLE_IDS[0], "demands", "cut_ties", True)
    theirs.close()
    summary = mine.merge.from_file(tmp_path / "theirs.sqlite")
    assert summary.tags_added == 3
    assert [t.value for t in mine.tags.find(ARABIC_ID, "sara", "stance")] == ["neutral"]
    assert sorted(str(t.value) for t in mine.tags.find(SAMPLE_IDS[0], "sara", "demands")) == [
        "ceasefire", "cut_ties"]
    removed = [h for h in mine.history.changes() if h.action == "removed"]
    assert len(removed) == 2  # the older stance and the "coded, none"


def test_a_crowded_field_in_their_file_is_settled_for_an_annotator_new_here(
        tmp_path: Path) -> None:
    """Their file holds two stances of reza's and "coded, none" beside a demand (a file
    edited by hand, or from before the rule): reza has no tag here, so the merge finds
    these from their file's key index rather than by looking up each of their tags."""
    mine = new_project(tmp_path / "mine.sqlite")
    Session(mine, "sara").set_choice(ARABIC_ID, "stance", "condemning")
    theirs = new_project(tmp_path / "theirs.sqlite")
    reza = Session(theirs, "reza")
    reza.set_choice(ARABIC_ID, "stance", "neutral")
    reza.set_value(SAMPLE_IDS[0], "demands", "ceasefire", True)
    reza.set_value(SAMPLE_IDS[0], "demands", "cut_ties", True)  # two demands: not crowded
    reza.set_value(SAMPLE_IDS[1], "demands", "ceasefire", True)
    with theirs.write() as conn:  # past the store's checks, as an old or edited file
        for article_id, field, value, at in (
                (ARABIC_ID, "stance", "condemning", "2099-01-01T00:00:00.000000Z"),
                (SAMPLE_IDS[1], "demands", None, "2000-01-01T00:00:00.000000Z")):
            conn.execute(
                "INSERT INTO tags (tag_uid, article_id, annotator, field, value, created_at, "
                "updated_at) VALUES (?, ?, 'reza', ?, ?, ?, ?)",
                (f"{article_id}-{field}-by-hand", article_id, field, value, at, at))
    theirs.close()
    mine.merge.from_file(tmp_path / "theirs.sqlite")
    # The later edit decides, each time; sara's stance is hers and stays.
    assert [t.value for t in mine.tags.find(ARABIC_ID, "reza", "stance")] == ["condemning"]
    assert [t.value for t in mine.tags.find(SAMPLE_IDS[1], "reza", "demands")] == ["ceasefire"]
    assert sorted(str(t.value) for t in mine.tags.find(SAMPLE_IDS[0], "reza", "demands")) == [
        "ceasefire", "cut_ties"]
    assert [t.value for t in mine.tags.find(ARABIC_ID, "sara", "stance")] == ["condemning"]


# -- properties -------------------------------------------------------------------------
_EDIT = st.tuples(
    st.sampled_from(["sara", "reza", "mina"]),
    st.sampled_from(SAMPLE_IDS),
    st.sampled_from(["stance", "demands", "none", "status"]),
    st.integers(0, 3),
)


def _apply(project: Project, edits: list[tuple[str, str, str, int]]) -> None:
    for annotator, article, kind, n in edits:
        session = Session(project, annotator)
        if kind == "stance":
            session.set_choice(article, "stance", STANCES[n])
        elif kind == "demands":
            on = DEMANDS[n] not in session.view(article).values("demands")
            session.set_value(article, "demands", DEMANDS[n], on)
        elif kind == "none":
            session.set_none(article, "demands", True)
        else:
            session.set_status(article, ["in_progress", "done", "skipped", "done"][n])


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_EDIT, max_size=6), st.lists(_EDIT, max_size=6), st.lists(_EDIT, max_size=6))
def test_merge_is_idempotent_commutative_and_loses_nothing(
        tmp_path_factory: pytest.TempPathFactory, base_edits, a_edits, b_edits) -> None:
    folder = tmp_path_factory.mktemp("merge")
    base = new_project(folder / "base.sqlite")
    _apply(base, base_edits)
    base.close()
    for name, edits in (("a", a_edits), ("b", b_edits)):
        shutil.copy(folder / "base.sqlite", folder / f"{name}.sqlite")
        colleague = open_project(folder / f"{name}.sqlite")
        # A colleague codes under their own name, so nobody else's tags are touched.
        _apply(colleague, [(f"{annotator}-{name}", *rest) for annotator, *rest in edits])
        colleague.close()
    results = []
    for order in (("a", "b"), ("b", "a")):
        target = folder / f"merged-{''.join(order)}.sqlite"
        shutil.copy(folder / "base.sqlite", target)
        project = open_project(target)
        for name in order:
            project.merge.from_file(folder / f"{name}.sqlite")
        once = content(project)
        for name in order:  # merging again changes nothing
            project.merge.from_file(folder / f"{name}.sqlite")
        assert content(project) == once
        results.append(once)
        # Nothing lost: every tag of every colleague file is in the merged project.
        for name in order:
            with open_project(folder / f"{name}.sqlite") as colleague:
                assert {t.tag_uid for t in colleague.tags.find()} <= {t.tag_uid for t in
                                                                 project.tags.find()}
        project.close()
    assert results[0] == results[1]


# -- a colleague who coded with another codebook --------------------------------------------

def _with_other_codebook(tmp_path: Path) -> tuple[Project, Path]:
    """Mine, and their file coded with a codebook that has a new value, field and role."""
    from annotator.core.codebook import parse_codebook

    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    source = theirs.codebooks.active().source
    source = source.replace('id = "ceasefire"', 'id = "truce"', 1)
    source = source.replace('id = "mentioned"', 'id = "observer"', 1)
    source += ('\n[[field]]\nid = "tone"\ntype = "text"\nlabel = { en = "Tone" }\n'
               'definition = "The tone."\n')
    theirs.codebooks.load(parse_codebook(source))
    reza = Session(theirs, "reza")
    reza.set_choice(ARABIC_ID, "stance", "neutral")
    reza.set_value(ARABIC_ID, "demands", "truce", True)
    reza.set_value(SAMPLE_IDS[0], "demands", "truce", True)
    reza.set_value(SAMPLE_IDS[0], "demands", "humanitarian_aid", True)  # known: not counted
    theirs.tags.add_value(ARABIC_ID, "reza", "participants", theirs.participants.all()[0].id,
                          role="observer")
    theirs.tags.set_choice(ARABIC_ID, "reza", "tone", "calm")
    theirs.close()
    return mine, tmp_path / "theirs.sqlite"


def test_unknown_values_are_named_and_nothing_is_merged(tmp_path: Path) -> None:
    mine, theirs = _with_other_codebook(tmp_path)
    before = content(mine)
    with pytest.raises(merge_module.UnknownValuesError) as info:
        mine.merge.from_file(theirs)
    message = str(info.value)
    assert "\n" not in message and str(theirs) in message
    assert "value 'truce' of field 'demands' (2 tags)" in message
    assert "role 'observer' of field 'participants' (1 tag)" in message
    assert "field 'tone' (1 tag)" in message and "nothing was merged" in message
    assert [str(u).split(" (")[0] for u in info.value.unknown] == [
        "value 'truce' of field 'demands'", "role 'observer' of field 'participants'",
        "field 'tone'"]
    assert content(mine) == before and mine.tags.find() == []
    assert mine.codebooks.active_version() == 1


def test_unknown_values_come_in_when_accepted(tmp_path: Path) -> None:
    mine, theirs = _with_other_codebook(tmp_path)
    summary = mine.merge.from_file(theirs, accept_unknown=True)
    assert summary.tags_added == 6 and len(summary.unknown) == 3
    assert any("our codebook does not know" in line for line in summary.lines())
    assert mine.codebooks.active_version() == 1  # their codebook is kept, not made active


def _traced_merge(tmp_path: Path, backup: bool = True
                  ) -> tuple[Project, merge_module.MergeSummary, list[str]]:
    """Their one stance tag merged into mine: mine (open), the summary and every
    statement the merge ran."""
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(theirs, "reza").set_choice(ARABIC_ID, "stance", "neutral")
    theirs.close()
    statements: list[str] = []
    mine.conn.set_trace_callback(statements.append)
    summary = mine.merge.from_file(tmp_path / "theirs.sqlite", backup=backup)
    mine.conn.set_trace_callback(None)
    return mine, summary, statements


def test_their_tags_are_counted_only_when_something_is_unknown(tmp_path: Path) -> None:
    """The check reads their distinct values; no count of every tag when all are known."""
    mine, summary, statements = _traced_merge(tmp_path)
    mine.close()
    assert summary.tags_added == 1 and summary.unknown == []
    assert any("SELECT DISTINCT field, value, role FROM other.tags" in s for s in statements)
    assert not any("GROUP BY field, value, role" in s for s in statements)


@pytest.mark.parametrize("field", ["zz\x00", b"stance"])
def test_a_field_an_sqlite_tool_wrote_oddly_is_still_unknown(tmp_path: Path,
                                                             field: object) -> None:
    """A field id holding a NUL, or stored as bytes: named unknown, nothing merged."""
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(theirs, "reza").set_choice(ARABIC_ID, "stance", "neutral")
    theirs.close()
    with sqlite3.connect(tmp_path / "theirs.sqlite") as raw:
        raw.execute("UPDATE tags SET field = ?", (field,))
    raw.close()
    with pytest.raises(merge_module.UnknownValuesError) as info:
        mine.merge.from_file(tmp_path / "theirs.sqlite")
    assert [u.tags for u in info.value.unknown] == [1]
    assert mine.tags.find() == []


def test_a_long_list_of_unknown_values_is_bounded() -> None:
    unknown = [merge_module.UnknownValue("demands", f"v{n}", None, 1) for n in range(25)]
    message = str(merge_module.UnknownValuesError("theirs.sqlite", unknown))
    assert "25 fields, values or roles" in message and "and 15 more" in message
    assert "'v9'" in message and "'v10'" not in message


def test_the_command_line_refuses_unknown_values_unless_accepted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli.commands import main

    mine, theirs = _with_other_codebook(tmp_path)
    mine.close()
    assert main(["--db", str(tmp_path / "mine.sqlite"), "merge", str(theirs)]) == 1
    out, err = capsys.readouterr()
    assert err.startswith("annotator: error: ") and err.count("\n") == 1
    assert "value 'truce'" in err and "--accept-unknown" in err and out == ""
    with open_project(tmp_path / "mine.sqlite") as again:
        assert again.tags.find() == []
    assert main(["--db", str(tmp_path / "mine.sqlite"), "merge", str(theirs),
                 "--accept-unknown"]) == 0
    out, _ = capsys.readouterr()
    assert "our codebook does not know them" in out
    with open_project(tmp_path / "mine.sqlite") as again:
        assert len(again.tags.find()) == 6


def test_errors_about_a_migrated_copy_name_the_colleagues_file(tmp_path: Path) -> None:
    mine = new_project(tmp_path / "mine.sqlite")
    birds = tmp_path / "birds.sqlite"
    conn = sqlite3.connect(birds)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.sqlite"
    new_project(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('annotator', '9999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    for other, problem in ((birds, "not an annotator project"), (newer, "newer version")):
        with pytest.raises(AnnotatorError, match=problem) as info:
            mine.merge.from_file(other)
        message = str(info.value)
        assert message.startswith(f"{other}:") and "colleague.sqlite" not in message
        assert "annotator-merge-" not in message and "nothing was merged" in message
    assert mine.tags.find() == []


def test_a_colleagues_file_with_a_name_holding_a_bidi_control_is_refused(
        project_path: Path, tmp_path: Path) -> None:
    import sqlite3 as raw

    from annotator.core.errors import AnnotatorError
    from annotator.core.store import open_project

    other = tmp_path / "colleague.sqlite"
    other.write_bytes(project_path.read_bytes())
    with open_project(other) as colleague:
        colleague.tags.set_choice(SAMPLE_IDS[0], "sara", "stance", "neutral")
    # A file made by hand (or by an older version) with a name our checks refuse.
    conn = raw.connect(other)
    conn.execute("UPDATE tags SET annotator = 'sa\u202era'")
    conn.execute("UPDATE article_status SET annotator = 'sa\u202era'")
    conn.commit()
    conn.close()
    with open_project(project_path) as project:
        before = len(project.tags.find())
        with pytest.raises(AnnotatorError, match="U\\+202E.*nothing was merged"):
            project.merge.from_file(other)
        assert len(project.tags.find()) == before


def test_a_colleagues_file_with_an_article_id_holding_a_line_break_is_refused(
        project_path: Path, tmp_path: Path) -> None:
    import sqlite3 as raw

    from annotator.core.errors import AnnotatorError
    from annotator.core.store import open_project

    other = tmp_path / "colleague.sqlite"
    other.write_bytes(project_path.read_bytes())
    conn = raw.connect(other)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE articles SET article_id = 'bad\nid' WHERE article_id = ?",
                 (SAMPLE_IDS[0],))
    conn.commit()
    conn.close()
    with open_project(project_path) as project:
        before = project.articles.count()
        with pytest.raises(AnnotatorError, match="article id.*nothing was merged"):
            project.merge.from_file(other)
        assert project.articles.count() == before


def test_the_merge_cache_follows_the_project_size(tmp_path: Path, monkeypatch) -> None:
    """A quarter of the file, at least 64 MiB, at most 2 GiB (the uid index of a large
    project must mostly fit, or each page is written out and read back again)."""
    conn = sqlite3.connect(tmp_path / "grown.sqlite")
    conn.execute("CREATE TABLE t (x)")
    assert merge_module.merge_cache_kib(conn) == merge_module.MERGE_CACHE_KIB
    conn.execute("INSERT INTO t VALUES (zeroblob(?))", (400 * 1024 * 1024,))
    conn.commit()
    assert merge_module.merge_cache_kib(conn) == pytest.approx(100 * 1024, rel=0.02)
    monkeypatch.setattr(merge_module, "MERGE_CACHE_MAX_KIB", 80 * 1024)
    assert merge_module.merge_cache_kib(conn) == 80 * 1024
    conn.close()


def test_a_merge_says_where_its_time_went(tmp_path: Path) -> None:
    """The bench reports the merge's own work apart from the backup beside it."""
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    Session(theirs, "reza").set_choice(ARABIC_ID, "stance", "neutral")
    theirs.close()
    summary = mine.merge.from_file(tmp_path / "theirs.sqlite")
    assert set(summary.seconds) == {"merge", "articles", "tags", "statuses", "history",
                                    "backup", "waited"}
    assert sum(summary.seconds[part] for part in ("articles", "tags", "statuses",
                                                  "history")) <= summary.seconds["merge"]
    assert all(0 <= seconds < 60 for seconds in summary.seconds.values())
    assert [b.reason for b in list_backups(tmp_path / "mine.sqlite")][-1] == "before-merge"
    again = mine.merge.from_file(tmp_path / "theirs.sqlite", backup=False)
    assert "backup" not in again.seconds and "merge" in again.seconds
    mine.close()


def test_articles_are_matched_from_indexes_never_by_reading_the_bodies(tmp_path: Path) -> None:
    # An article's content hash comes after its body in the row: a join reading it from
    # the table walked every body of the colleague's file (gigabytes at scale).
    mine, summary, statements = _traced_merge(tmp_path, backup=False)
    assert summary.articles_matched == len(SAMPLE_IDS) and summary.articles_added == 0
    [matching] = [s for s in statements if "INSERT INTO temp.merge_articles" in s
                  and "content_hash" in s]
    mine.conn.execute("ATTACH DATABASE ? AS other", (str(tmp_path / "theirs.sqlite"),))
    mine.conn.execute("CREATE TEMP TABLE merge_articles (theirs TEXT PRIMARY KEY, "
                      "ours TEXT NOT NULL) WITHOUT ROWID")
    plan = [str(row[3]) for row in mine.conn.execute("EXPLAIN QUERY PLAN " + matching)]
    scans = [step for step in plan if "articles" in step and step.startswith("SCAN")]
    assert len(scans) == 4 and all("COVERING INDEX" in step for step in scans), plan
    assert not [step for step in plan if "USING INTEGER PRIMARY KEY" in step], plan
    mine.conn.execute("DROP TABLE temp.merge_articles")
    mine.conn.execute("DETACH DATABASE other")
    assert [t.value for t in mine.tags.find(ARABIC_ID, "reza")] == ["neutral"]
    mine.close()


def test_statuses_come_in_article_order_without_a_sort(tmp_path: Path) -> None:
    # Their statuses in their row order (one annotator after another) walked our status
    # key and the history's article index once per annotator; in article order, once.
    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    for person in ("reza", "amir"):
        for article_id in reversed(SAMPLE_IDS[:3]):
            Session(theirs, person).set_choice(article_id, "stance", "neutral")
    theirs.close()
    statements: list[str] = []
    mine.conn.set_trace_callback(statements.append)
    summary = mine.merge.from_file(tmp_path / "theirs.sqlite", backup=False)
    mine.conn.set_trace_callback(None)
    assert summary.statuses == 6
    # (the trace names the statement again for each trigger program it runs)
    [merging] = {s for s in statements if "INSERT INTO main.article_status" in s}
    mine.conn.execute("ATTACH DATABASE ? AS other", (str(tmp_path / "theirs.sqlite"),))
    mine.conn.execute("CREATE TEMP TABLE merge_articles (theirs TEXT PRIMARY KEY, "
                      "ours TEXT NOT NULL) WITHOUT ROWID")
    plan = [str(row[3]) for row in mine.conn.execute("EXPLAIN QUERY PLAN " + merging)]
    assert plan[0] == "SCAN a", plan  # the article map, in its key's order
    assert not [step for step in plan if "TEMP B-TREE" in step], plan
    mine.conn.execute("DROP TABLE temp.merge_articles")
    mine.conn.execute("DETACH DATABASE other")
    # Their history entries came in article order too (the statuses are stored by key).
    added = [tuple(row) for row in mine.conn.execute(
        "SELECT article_id, annotator FROM history WHERE what = 'status' ORDER BY change_id")]
    assert len(added) == 6 and added == sorted(added)
    mine.close()


def test_no_statement_of_a_merge_reads_an_articles_table_row_by_row(tmp_path: Path) -> None:
    # An article's row holds its body: a scan of either file's articles table reads a part
    # of every row (up to a page each), gigabytes at scale, even to add no article.  Every
    # statement the merge ran, planned again on the same files, reaches articles through
    # an index (theirs here holds an article ours lacks, so the insert of it runs too).
    import re

    mine = new_project(tmp_path / "mine.sqlite")
    theirs = new_project(tmp_path / "theirs.sqlite")
    extra = tmp_path / "only-theirs.txt"
    extra.write_text("خبری که فقط در پروندهٔ همکار است.\n", encoding="utf-8")
    import_paths(theirs, [extra])
    Session(theirs, "reza").set_choice("only-theirs", "stance", "neutral")
    theirs.close()
    statements: list[str] = []
    mine.conn.set_trace_callback(statements.append)
    summary = mine.merge.from_file(tmp_path / "theirs.sqlite", backup=False)
    mine.conn.set_trace_callback(None)
    assert summary.articles_added == 1
    mine.close()
    check = sqlite3.connect(tmp_path / "mine.sqlite")
    check.execute("ATTACH DATABASE ? AS other", (str(tmp_path / "theirs.sqlite"),))
    alias = re.compile(r"\b(?:main\.|other\.)?articles(?:\s+(?:AS\s+)?(\w+))?", re.I)
    planned: set[str] = set()
    for sql in statements:
        if sql.startswith(("CREATE TEMP", "DROP ")):
            check.execute(sql)  # the merge's own temporary tables, as they were
            continue
        if ("articles" not in sql or not sql.startswith(("SELECT", "INSERT", "WITH"))
                or sql in planned):
            continue
        names = {m.group(1) or "articles" for m in alias.finditer(sql)} - {
            "WHERE", "JOIN", "ON", "ORDER", "GROUP", "LEFT", "SELECT", "UNION", "LIMIT"}
        try:
            plan = [str(row[3]) for row in check.execute("EXPLAIN QUERY PLAN " + sql,
                                                         [0] * sql.count("?"))]
        except sqlite3.Error:
            continue  # a statement on something made and dropped in between
        planned.add(sql)
        scans = [step for step in plan if step.split(" USING")[0] in
                 {f"SCAN {name}" for name in names} | {"SCAN other.articles",
                                                       "SCAN main.articles"}
                 and "INDEX" not in step]
        assert not scans, (sql, plan)
    assert len(planned) >= 4
    check.close()
