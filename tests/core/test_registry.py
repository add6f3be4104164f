"""Correcting the participants registry with tags attached: updates, clashes, merges,
retirements, the history, and how they travel through a merge of files and a team sync."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.participants import Participant, clashes, name_key
from annotator.core.store import open_project
from annotator.core.store.backups import list_backups
from annotator.core.store.health import check
from annotator.core.store.registry import ClashError
from annotator.core.store.review import AdjudicatedValue
from tests.conftest import ARABIC_ID, SAMPLE_IDS, quote_span
from tests.core.test_team_sync import ok, team  # noqa: F401  (the team fixture)

JANE = Participant("jane_doe", "person", {"en": "Jane Doe", "fa": "جین دو"}, ("جین‌دو",))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _values(project, annotator: str, field: str) -> set[tuple]:
    return {(t.value, t.participant, t.role, t.quote, t.note)
            for t in project.tags.find(ARABIC_ID, annotator, field)}


# -- loading a file: added, updated, unchanged -------------------------------------------
def test_adding_a_file_again_reports_what_differs_and_update_corrects_it(project) -> None:
    first = project.registry.load([JANE], "sara")
    assert (first.added, first.updated, first.unchanged) == (["jane_doe"], [], [])
    corrected = Participant("jane_doe", "person", {"en": "Jane Q. Doe", "fa": "جین دو"},
                            ("جین‌دو", "خانم دو"), "GB")
    again = project.registry.load([corrected, project.participants.get("ebrahim_raisi")],
                                  "sara")
    assert again.differing == ["jane_doe"] and again.unchanged == ["ebrahim_raisi"]
    assert "--update" in again.lines()[-1] and "jane_doe" in again.lines()[-1]
    assert project.participants.get("jane_doe").name["en"] == "Jane Doe"  # left alone
    updated = project.registry.load([corrected], "mina", update=True)
    assert updated.updated == ["jane_doe"]
    entry = project.participants.get("jane_doe")
    assert entry.name["en"] == "Jane Q. Doe" and entry.country == "GB"
    assert entry.added_by == "sara"  # who added it is kept
    [added, changed] = project.registry.history("jane_doe")
    assert (added.action, added.changed_by) == ("added", "sara")
    assert (changed.action, changed.changed_by) == ("updated", "mina")
    assert changed.old["name"]["en"] == "Jane Doe" and changed.new["name"]["en"] == "Jane Q. Doe"


# -- clashes ------------------------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["جین دو", "جين دو", "جیندو", "جینِ دو", "JANE DOE"])
def test_a_name_another_entry_has_is_refused_naming_both(project, spelling: str) -> None:
    project.registry.load([JANE], "sara")
    other = Participant("john_doe", "person", {"en": "John Doe"}, (spelling,))
    with pytest.raises(ClashError) as refused:
        project.registry.load([other], "sara")
    message = str(refused.value)
    assert "jane_doe" in message and "john_doe" in message
    assert "john_doe" not in project.participants.ids()  # nothing was changed
    with pytest.raises(ClashError):
        project.registry.correct("ebrahim_raisi", "sara", add_aliases=(spelling,))
    assert name_key(spelling) == name_key("جین دو") or spelling == "JANE DOE"


def test_an_allowed_clash_is_stored_and_check_reports_it(project) -> None:
    project.registry.load([JANE], "sara")
    project.registry.load([Participant("jane_roe", "person", {"en": "Jane Roe"}, ("جین دو",))],
                          "sara", allow_clash=True)
    report = check(project)
    assert not report.ok and len(report.clashes) == 1
    [clash] = report.clashes
    assert {clash.first, clash.second} == {"jane_doe", "jane_roe"}
    lines = [str(line) for line in report.lines()]
    assert any("participants registry: 1 spellings" in line for line in lines)
    assert any("jane_doe" in line and "jane_roe" in line for line in lines)
    # Retiring one of them settles it: a retired entry's names are no longer offered.
    project.registry.retire("jane_roe", "sara")
    assert check(project).clashes == [] and check(project).ok


def test_the_bundled_registry_has_no_clash(project) -> None:
    assert clashes(project.participants.all()) == []


# -- editing ------------------------------------------------------------------------------
def test_edit_names_and_aliases_is_recorded_and_refuses_nonsense(project) -> None:
    project.registry.load([JANE], "sara")
    entry = project.registry.correct("jane_doe", "mina", names={"ar": "جين دو", "en": ""},
                                  add_aliases=("دو",), drop_aliases=("جین دو",))
    assert entry.name == {"fa": "جین دو", "ar": "جين دو"}
    assert entry.aliases == ("دو",)  # the ZWNJ spelling was dropped by its folded form
    with pytest.raises(AnnotatorError, match="at least one name"):
        project.registry.correct("jane_doe", "mina", names={"fa": "", "ar": ""})
    with pytest.raises(AnnotatorError, match="no alias"):
        project.registry.correct("jane_doe", "mina", drop_aliases=("nothing",))
    with pytest.raises(AnnotatorError, match="no participant"):
        project.registry.correct("nobody", "mina", add_aliases=("x",))
    assert [c.action for c in project.registry.history("jane_doe")] == ["added", "updated"]


# -- merging two entries that are one person ------------------------------------------------
def test_merge_moves_the_tags_without_making_any_twice(project) -> None:
    project.registry.load([JANE], "sara")
    span = quote_span(project, ARABIC_ID, "وقف إطلاق النار")
    tags = project.tags
    tags.add_value(ARABIC_ID, "sara", "participants", "jane_doe", role="initiator", span=span,
                   note="named twice")
    tags.add_value(ARABIC_ID, "sara", "participants", "ebrahim_raisi")  # no role: takes jane's
    tags.add_value(ARABIC_ID, "reza", "participants", "jane_doe", role="counterpart")
    tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire", participant="jane_doe")
    tags.add_value(ARABIC_ID, "reza", "demands", "ceasefire", participant="jane_doe")
    tags.add_value(ARABIC_ID, "reza", "demands", "ceasefire", participant="ebrahim_raisi")
    project.review.adjudicate(ARABIC_ID, "demands",
                              [AdjudicatedValue("ceasefire", "jane_doe")], "mina")
    tag_count = len(tags.find())
    moved = project.registry.merge("jane_doe", "ebrahim_raisi", "mina")
    assert (moved.tags, moved.adjudications, moved.folded) == (2, 1, 2)
    assert len(tags.find()) == tag_count - 2
    assert _values(project, "sara", "participants") == {
        ("ebrahim_raisi", None, "initiator", "وقف إطلاق النار", "named twice")}
    assert _values(project, "reza", "participants") == {
        ("ebrahim_raisi", None, "counterpart", None, None)}
    assert _values(project, "sara", "demands") == {
        ("ceasefire", "ebrahim_raisi", None, None, None)}
    assert _values(project, "reza", "demands") == {
        ("ceasefire", "ebrahim_raisi", None, None, None)}
    [decision] = project.review.adjudications(ARABIC_ID, "demands")
    assert decision.participant == "ebrahim_raisi"
    # A re-pointing alone asks for no second look at the decision.
    assert (ARABIC_ID, "demands") not in project.review.rechecks()
    # The old entry is kept, retired, merged; its names are the kept entry's aliases.
    old = project.participants.get("jane_doe")
    assert old.retired and old.merged_into == "ebrahim_raisi" and old.name["en"] == "Jane Doe"
    kept = project.participants.get("ebrahim_raisi")
    assert {"Jane Doe", "جین دو"} <= set(kept.aliases)
    assert "جین‌دو" not in kept.aliases  # the same name as جین دو once folded: once
    assert [m.participant_id for m in project.participants.matcher().find("گفت جین دو")] == [
        "ebrahim_raisi"]
    # The history lists the merge and what followed; the tag history records each move.
    merge = project.registry.history("ebrahim_raisi")[-1]
    assert (merge.action, merge.participant_id, merge.into_id) == (
        "merged", "jane_doe", "ebrahim_raisi")
    assert merge.detail["tags"] == 2 and merge.detail["folded"] == 2
    assert any(c.action == "removed" and "jane_doe" in (c.old_value or "")
               for c in project.history.changes(ARABIC_ID, "sara"))
    # A new tag of the merged entry is refused, naming the one to use.
    with pytest.raises(AnnotatorError, match="merged into 'ebrahim_raisi'"):
        tags.add_value(SAMPLE_IDS[0], "sara", "participants", "jane_doe")
    # A backup was made first: the way back.
    assert [b.reason for b in list_backups(project.path)][-1:] == [
        "before-participants-merge"]


def test_merge_is_refused_where_it_makes_no_sense(project) -> None:
    project.registry.load([JANE], "sara")
    with pytest.raises(AnnotatorError, match="itself"):
        project.registry.merge("jane_doe", "jane_doe", "mina")
    project.registry.retire("ebrahim_raisi", "mina")
    with pytest.raises(AnnotatorError, match="retired"):
        project.registry.merge("jane_doe", "ebrahim_raisi", "mina")
    project.registry.merge("jane_doe", "hakan_fidan", "mina", backup=False)
    with pytest.raises(AnnotatorError, match="already merged"):
        project.registry.merge("jane_doe", "hossein_salami", "mina")
    with pytest.raises(AnnotatorError, match="cannot be restored"):
        project.registry.restore("jane_doe", "mina")


# -- retiring -------------------------------------------------------------------------------
def test_a_retired_entry_stays_on_its_tags_but_is_not_suggested_or_offered(project) -> None:
    body = project.articles.get(ARABIC_ID).body
    assert "hakan_fidan" in dict(project.participants.matcher().suggest(body))
    project.tags.add_value(ARABIC_ID, "sara", "participants", "hakan_fidan", role="mentioned")
    project.registry.retire("hakan_fidan", "mina")
    assert "hakan_fidan" not in dict(project.participants.matcher().suggest(body))
    assert "hakan_fidan" not in {p.id for p in project.participants.in_use()}
    assert _values(project, "sara", "participants") == {
        ("hakan_fidan", None, "mentioned", None, None)}
    [tag] = project.tags.find(ARABIC_ID, "sara", "participants")
    project.tags.update(tag.tag_id, role="counterpart")  # an old tag can still be edited
    with pytest.raises(AnnotatorError, match="retired"):
        project.tags.add_value(ARABIC_ID, "reza", "participants", "hakan_fidan")
    with pytest.raises(AnnotatorError, match="retired"):
        project.tags.add_value(ARABIC_ID, "reza", "demands", "ceasefire",
                               participant="hakan_fidan")
    # A reviewer may still accept the annotator's value.
    project.review.accept(ARABIC_ID, "participants", "sara", reviewer="mina")
    with pytest.raises(AnnotatorError, match="already retired"):
        project.registry.retire("hakan_fidan", "mina")
    project.registry.restore("hakan_fidan", "mina")
    assert "hakan_fidan" in dict(project.participants.matcher().suggest(body))
    assert [c.action for c in project.registry.history("hakan_fidan")] == [
        "retired", "restored"]


# -- through a merge of files and a team sync -------------------------------------------------
def _copy(project, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    project.conn.execute("VACUUM INTO ?", (str(target),))
    return target


def test_a_colleagues_merge_of_entries_reaches_our_tags(project, tmp_path: Path) -> None:
    project.registry.load([JANE], "sara")
    theirs_path = _copy(project, tmp_path, "colleague.sqlite")
    # Here, after the copy: our tags name jane_doe.
    project.tags.add_value(ARABIC_ID, "sara", "participants", "jane_doe", role="mentioned")
    project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire", participant="jane_doe")
    with open_project(theirs_path) as theirs:
        theirs.registry.merge("jane_doe", "ebrahim_raisi", "mina", backup=False)
        theirs.registry.correct("hakan_fidan", "mina", add_aliases=("فیدان وزیر",))
        # Their coder's tag made before the merge reached them (from an older copy).
        theirs.conn.execute("UPDATE participants SET merged_into = NULL, retired_at = NULL "
                            "WHERE participant_id = 'jane_doe'")
        theirs.participants.reset_caches()
        theirs.tags.add_value(SAMPLE_IDS[0], "reza", "participants", "jane_doe")
        theirs.conn.execute("UPDATE participants SET merged_into = 'ebrahim_raisi', "
                            "retired_at = updated_at WHERE participant_id = 'jane_doe'")
    summary = project.merge.from_file(theirs_path)
    assert summary.participants_corrected == 3  # jane_doe, ebrahim_raisi, hakan_fidan
    assert summary.repointed.tags == 3 and summary.registry_history == 2  # merged, updated
    assert any("participants registry" in str(line) for line in summary.lines())
    assert project.participants.get("jane_doe").merged_into == "ebrahim_raisi"
    assert "فیدان وزیر" in project.participants.get("hakan_fidan").aliases
    assert {t.value for t in project.tags.find(field="participants")} == {"ebrahim_raisi"}
    assert {t.participant for t in project.tags.find(field="demands")} == {"ebrahim_raisi"}
    assert [c.action for c in project.registry.history("jane_doe")] == ["added", "merged"]
    # Merging the same file again changes nothing.
    again = project.merge.from_file(theirs_path)
    assert (again.participants, again.participants_corrected, again.registry_history,
            again.repointed.any) == (0, 0, 0, False)


def test_an_entry_as_added_never_overrides_a_correction(project, tmp_path: Path) -> None:
    old = _copy(project, tmp_path, "older.sqlite")  # bundled entries, never corrected
    project.registry.correct("hakan_fidan", "mina", names={"en": "Hakan Fidan (FM)"})
    with open_project(old) as theirs:  # made later, so its entries were added later
        theirs.conn.execute("UPDATE participants SET added_at = '2999-01-01T00:00:00.000Z'")
    summary = project.merge.from_file(old)
    assert summary.participants_corrected == 0
    assert project.participants.get("hakan_fidan").name["en"] == "Hakan Fidan (FM)"


def test_the_later_correction_wins_in_either_order(project, tmp_path: Path) -> None:
    a, b = _copy(project, tmp_path, "a.sqlite"), _copy(project, tmp_path, "b.sqlite")
    with open_project(a) as first:
        first.registry.correct("hakan_fidan", "sara", names={"en": "Fidan, H."})
    with open_project(b) as second:
        second.registry.correct("hakan_fidan", "reza", names={"en": "H. Fidan"})
    ends = []
    for order in ((a, b), (b, a)):
        target = _copy(project, tmp_path, f"t{len(ends)}.sqlite")
        with open_project(target) as merged:
            for path in order:
                merged.merge.from_file(path)
            ends.append((merged.participants.get("hakan_fidan").name["en"],
                         len(merged.registry.history("hakan_fidan"))))
    assert ends == [("H. Fidan", 2), ("H. Fidan", 2)]


def test_an_old_file_merged_in_place_brings_its_entries_as_added(project, tmp_path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "project_0004_list_index.sqlite", old)
    conn = sqlite3.connect(old)
    conn.execute("INSERT INTO participants (participant_id, kind, name_en, aliases, added_at) "
                 "VALUES ('old_friend', 'person', 'Old Friend', '[]', '2024-01-01')")
    conn.commit()
    conn.close()
    project.registry.correct("hakan_fidan", "mina", names={"en": "Hakan Fidan (FM)"})
    summary = project.merge.from_file(old)
    assert summary.participants == 1 and summary.participants_corrected == 0
    assert project.participants.get("old_friend").name == {"en": "Old Friend"}
    assert project.participants.get("hakan_fidan").name["en"] == "Hakan Fidan (FM)"


def test_the_0007_fixture_opens_and_its_registry_can_be_corrected(tmp_path: Path) -> None:
    path = tmp_path / "old.annotator"
    shutil.copy(FIXTURES / "project_0007_training_set.sqlite", path)
    with open_project(path) as project:
        assert all(not p.retired for p in project.participants.all())
        assert project.registry.history() == []
        [demand] = project.tags.find(ARABIC_ID, "sara", "demands")
        assert demand.participant == "ebrahim_raisi"
        project.registry.merge("ebrahim_raisi", "hossein_amir_abdollahian", "mina")
        [demand] = project.tags.find(ARABIC_ID, "sara", "demands")
        assert demand.participant == "hossein_amir_abdollahian"
        assert check(project).ok


def test_a_merge_of_entries_reaches_the_team(team) -> None:  # noqa: F811
    places = team
    lead, sara_db = places["lead"], places["sara"] / "mine.annotator"
    ok("tag", ARABIC_ID, "participants", "hakan_fidan", "--db", str(sara_db),
       "--annotator", "sara", home=places["sara"])
    ok("sync", str(places["folder"]), "--db", str(sara_db), "--annotator", "sara",
       home=places["sara"])
    out = ok("participants", "--merge", "hakan_fidan", "--into", "recep_tayyip_erdogan",
             "--db", str(lead), "--annotator", "mina", home=places["mina"])
    assert "recep_tayyip_erdogan" in out
    out = ok("sync", str(places["folder"]), "--db", str(lead), "--annotator", "mina",
             home=places["mina"])
    assert "published" in out  # a registry change alone is published again
    ok("sync", str(places["folder"]), "--db", str(sara_db), "--annotator", "sara",
       home=places["sara"])
    with open_project(sara_db) as sara:
        assert sara.participants.get("hakan_fidan").merged_into == "recep_tayyip_erdogan"
        assert {t.value for t in sara.tags.find(ARABIC_ID, "sara", "participants")} == {
            "recep_tayyip_erdogan"}
        assert [c.action for c in sara.registry.history("hakan_fidan")] == ["merged"]
    ok("sync", str(places["folder"]), "--db", str(lead), "--annotator", "mina",
       home=places["mina"])
    with open_project(lead) as mina:
        assert {t.value for t in mina.tags.find(ARABIC_ID, "sara", "participants")} == {
            "recep_tayyip_erdogan"}



def test_an_old_export_naming_a_merged_entry_imports_under_the_kept_one(project) -> None:
    project.registry.load([JANE], "sara")
    project.tags.add_value(ARABIC_ID, "sara", "participants", "jane_doe", role="mentioned")
    rows = [{k: "" if v is None else str(v) for k, v in row.items()}
            for row in project.exchange.iter_tag_rows()]
    project.registry.merge("jane_doe", "ebrahim_raisi", "mina", backup=False)
    project.tags.clear_field(ARABIC_ID, "sara", "participants")
    result = project.exchange.import_tag_rows(list(enumerate(rows, 2)))
    assert result.repointed == 1
    assert _values(project, "sara", "participants") == {
        ("ebrahim_raisi", None, "mentioned", None, None)}


def test_merges_in_a_chain_end_at_the_entry_in_use(project) -> None:
    project.registry.load([JANE], "sara")
    project.tags.add_value(ARABIC_ID, "sara", "participants", "jane_doe")
    project.registry.merge("jane_doe", "hakan_fidan", "mina", backup=False)
    project.registry.merge("hakan_fidan", "recep_tayyip_erdogan", "mina", backup=False)
    assert _values(project, "sara", "participants") == {
        ("recep_tayyip_erdogan", None, None, None, None)}
    assert {"Jane Doe", "Hakan Fidan"} <= set(
        project.participants.get("recep_tayyip_erdogan").aliases)
    # An old export's row naming the first entry lands on the last one too.
    project.tags.clear_field(ARABIC_ID, "sara", "participants")
    project.conn.execute(  # as an older copy of the file would hold it
        "INSERT INTO tags (tag_uid, article_id, annotator, field, value, created_at, "
        "updated_at) VALUES ('old', ?, 'reza', 'participants', 'jane_doe', 'x', 'x')",
        (ARABIC_ID,))
    assert project.registry.follow_merges().tags == 1
    assert _values(project, "reza", "participants") == {
        ("recep_tayyip_erdogan", None, None, None, None)}
