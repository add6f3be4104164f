"""The health check: a clean project is ok; damage done outside the store is listed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.cli import commands as cli
from annotator.core.store import open_project
from annotator.core.store.health import check
from tests.conftest import ARABIC_ID, SAMPLE_IDS, quote_span

OTHER_ID = SAMPLE_IDS[0]


@pytest.fixture
def with_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PLUGINS", ("annotator.cli.safety",))


def _tag_everything(project) -> None:  # type: ignore[no-untyped-def]
    body = project.articles.get(ARABIC_ID).body
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire",
                           span=quote_span(project, ARABIC_ID, body[10:30]))
    project.tags.mark_none(ARABIC_ID, "omid", "demands")
    participant = project.participants.all()[0].id
    project.tags.add_value(ARABIC_ID, "sara", "participants", participant, role="initiator")
    project.tags.set_choice(OTHER_ID, "sara", "note", "یادداشت")
    project.statuses.set(OTHER_ID, "omid", "done")


def test_a_clean_project_is_ok(project) -> None:
    _tag_everything(project)
    report = check(project)
    assert report.ok, report.lines()
    assert report.integrity == ["ok"] and report.spans_checked == 1
    assert report.counts["articles"] == len(SAMPLE_IDS)
    assert report.counts["tags"] == 5 and report.counts["annotators"] == 2
    assert report.counts["codebook versions"] == 1
    assert report.counts["history rows"] >= 5
    assert report.lines()[-1] == "result: ok"


def test_a_retired_category_is_still_known(project, tmp_path: Path) -> None:
    project.tags.add_value(ARABIC_ID, "sara", "demands", "cut_ties")
    source = project.codebooks.active().source
    marker = 'id = "cut_ties"'
    assert marker in source
    retired = source.replace(marker, marker + "\n  retired = true", 1)
    from annotator.core.codebook import parse_codebook

    project.codebooks.load(parse_codebook(retired))
    assert project.codebooks.active_version() == 2
    assert check(project).ok


def _tamper(path: Path, span_tag_article: str) -> None:
    """Damage the file as a careless script or a bad sync tool might (not the store)."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = OFF")
    body = raw.execute("SELECT body FROM articles WHERE article_id = ?",
                       (span_tag_article,)).fetchone()[0]
    raw.execute("UPDATE articles SET body = ? WHERE article_id = ?",
                ("XX" + body, span_tag_article))
    stamp = "2026-01-01T00:00:00.000Z"
    insert = ("INSERT INTO tags (tag_uid, article_id, annotator, field, value, role, "
              "codebook_version, created_at, updated_at) VALUES (?,?,?,?,?,?,1,?,?)")
    raw.execute(insert, ("bad-value", ARABIC_ID, "sara", "event_type", "tea_party", None,
                         stamp, stamp))
    raw.execute(insert, ("bad-field", ARABIC_ID, "sara", "mood", "happy", None, stamp, stamp))
    raw.execute(insert, ("bad-role", ARABIC_ID, "omid", "participants",
                         raw.execute("SELECT participant_id FROM participants").fetchone()[0],
                         "referee", stamp, stamp))
    raw.execute(insert, ("bad-article", "no-such-article", "sara", "stance", "neutral", None,
                         stamp, stamp))
    raw.execute("INSERT INTO article_status (article_id, annotator, status, updated_at) "
                "VALUES ('ghost', 'sara', 'done', ?)", (stamp,))
    raw.close()


def test_outside_damage_is_listed(project_path: Path) -> None:
    with open_project(project_path) as project:
        _tag_everything(project)
        span_tag = next(t for t in project.tags.find(ARABIC_ID) if t.has_span)
    _tamper(project_path, ARABIC_ID)
    with open_project(project_path) as project:
        report = check(project)
    assert not report.ok
    assert report.integrity == ["ok"]
    [span] = report.spans
    assert (span.tag_uid, span.article_id, span.field) == (span_tag.tag_uid, ARABIC_ID,
                                                           "demands")
    assert span.quote == span_tag.quote and span.found != span.quote
    assert [a.article_id for a in report.changed_articles] == [ARABIC_ID]
    problems = {p.tag_uid: p.problem for p in report.unknown_values}
    assert "tea_party" in problems["bad-value"] and "event_type" in problems["bad-value"]
    assert "mood" in problems["bad-field"]
    assert "referee" in problems["bad-role"]
    assert [(s.article_id, s.annotator) for s in report.orphan_statuses] == [("ghost", "sara")]
    assert {(p.table, p.parent) for p in report.foreign_keys} == {
        ("tags", "articles"), ("article_status", "articles")}
    # Statuses have no rowids (0013): the row is named by its key.
    assert [p.rowid for p in report.foreign_keys if p.table == "article_status"] == [
        "ghost / sara"]
    text = "\n".join(report.lines())
    assert "article_status row ghost / sara refers to a missing articles row" in text
    assert span_tag.tag_uid in text and "ghost" in text and "tea_party" in text
    assert text.splitlines()[-1].startswith("result: ") and "problems" in text.splitlines()[-1]


def test_check_command_exits_1_on_damage_and_0_when_clean(
        capsys: pytest.CaptureFixture[str], project_path: Path, with_plugin: None) -> None:
    code = cli.main(["check", "--db", str(project_path)])
    out = capsys.readouterr().out
    assert code == 0 and out.splitlines()[-1] == "result: ok"
    with open_project(project_path) as project:
        _tag_everything(project)
    _tamper(project_path, ARABIC_ID)
    code = cli.main(["check", "--db", str(project_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "evidence: 1 quotes do not match" in out and "ghost" in out


def test_check_does_not_create_a_missing_project(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path, with_plugin: None) -> None:
    missing = tmp_path / "typo.sqlite"
    assert cli.main(["check", "--db", str(missing)]) == 1
    assert "no such project file" in capsys.readouterr().err
    assert not missing.exists()


def test_a_damaged_page_is_reported_not_raised(project_path: Path) -> None:
    raw = sqlite3.connect(project_path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master "
                       "WHERE name = 'article_status_by_annotator'").fetchone()[0]
    raw.close()
    with project_path.open("r+b") as handle:  # scribble over one index page
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + b"\xff" * (page_size - 1))
    with open_project(project_path, create=False) as project:
        report = check(project)
    assert not report.ok
    assert report.integrity != ["ok"] or report.not_checked
    assert "DAMAGED" in "\n".join(report.lines()) or report.not_checked


def test_changed_article_text_is_found_by_its_hash(project_path: Path) -> None:
    raw = sqlite3.connect(project_path, isolation_level=None)
    raw.execute("UPDATE articles SET body = body || '!' WHERE article_id = ?", (ARABIC_ID,))
    raw.close()
    with open_project(project_path) as project:
        report = check(project)
    assert [a.article_id for a in report.changed_articles] == [ARABIC_ID]
    assert not report.ok


def test_adjudications_are_held_to_the_same_rules(project_path: Path) -> None:
    from annotator.core.store.review import AdjudicatedValue

    with open_project(project_path) as project:
        _tag_everything(project)
        span = next(t for t in project.tags.find(ARABIC_ID) if t.has_span)
        project.review.accept(ARABIC_ID, "demands", "sara", "reviewer")
        [adjudication] = project.review.adjudications(ARABIC_ID, "demands")
        project.review.adjudicate(ARABIC_ID, "stance", [AdjudicatedValue("neutral")], "reviewer")
        assert check(project).ok
    raw = sqlite3.connect(project_path, isolation_level=None)
    raw.execute("UPDATE adjudications SET quote = 'not what it says' WHERE adjudication_uid = ?",
                (adjudication.adjudication_uid,))
    raw.execute("UPDATE adjudications SET value = 'lukewarm' WHERE field = 'stance'")
    raw.close()
    with open_project(project_path) as project:
        report = check(project)
    assert [(p.kind, p.tag_uid) for p in report.spans] == [
        ("adjudication", adjudication.adjudication_uid)]
    assert span.tag_uid not in {p.tag_uid for p in report.spans}
    [unknown] = report.unknown_values
    assert unknown.kind == "adjudication" and "lukewarm" in unknown.problem
    assert "adjudication " in "\n".join(report.lines())


def _force_codebook(project, source: str) -> None:  # type: ignore[no-untyped-def]
    """Make ``source`` the active codebook past the store's refusal (an older version or
    another tool could have done it)."""
    cursor = project.conn.execute(
        "INSERT INTO codebooks (codebook_id, revision, source_toml, loaded_at, loaded_from) "
        "VALUES ('gaza-iran', '2', ?, '2024-06-01T00:00:00', 'forced')", (source,))
    project.conn.commit()
    project.codebooks.activate(int(cursor.lastrowid))
    project.reset_caches()


def test_tags_whose_field_changed_type_are_reported(project) -> None:
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    project.tags.set_choice(OTHER_ID, "omid", "event_type", "meeting")
    source = project.codebooks.active().source
    start = source.index('id = "stance"')
    end = source.index("# ----", start)
    stance_as_text = ('id = "stance"\ntype = "text"\nlabel = { en = "Stance" }\n'
                      'definition = "The stance, in words."\n\n')
    _force_codebook(project, source[:start] + stance_as_text + source[end:])
    report = check(project)
    assert not report.ok
    [problem] = report.unknown_values
    assert (problem.article_id, problem.annotator, problem.field) == (ARABIC_ID, "sara",
                                                                      "stance")
    assert problem.problem == ("field 'stance' was single-choice when this was coded "
                               "(codebook version 1) and is now text")
    assert any("was single-choice" in line for line in report.lines())


def test_roles_the_codebook_no_longer_has_are_reported(project) -> None:
    participant = project.participants.all()[0].id
    project.tags.add_value(ARABIC_ID, "sara", "participants", participant, role="mentioned")
    source = project.codebooks.active().source
    start = source.index('  [[field.role]]\n  id = "mentioned"')
    _force_codebook(project, source[:start] + source[source.index("# ----", start):])
    report = check(project)
    [problem] = report.unknown_values
    assert problem.problem == "role 'mentioned' is not a role of field 'participants'"
