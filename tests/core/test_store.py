"""The project file: schema, articles, tags, statuses, history, safety of opening."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.store import open_project
from annotator.core.text import canonical
from tests.conftest import ARABIC_ID, SAMPLE_IDS, quote_span


def test_new_project_has_schema_wal_and_foreign_keys(project_path: Path) -> None:
    with open_project(project_path) as project:
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in project.conn.execute("SELECT name FROM sqlite_master")}
    for table in ("articles", "tags", "article_status", "history", "codebooks",
                  "participants", "project_settings", "_sqlite_migrations"):
        assert table in tables
    # Any SQLite tool can read it.
    raw = sqlite3.connect(project_path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(SAMPLE_IDS)


def test_sample_bodies_are_stored_exactly(project) -> None:
    for path in paths.corpus_dir().glob("*.txt"):
        article = project.articles.get(path.stem)
        text = canonical(path.read_text(encoding="utf-8"))
        assert article.title == text.strip().split("\n", 1)[0].strip()
        assert article.body in text
        assert article.body == text.split("\n", 1)[1].strip("\n").rstrip()
    assert project.articles.get(ARABIC_ID).language == "ar"
    assert {project.articles.get(i).language for i in SAMPLE_IDS if i != ARABIC_ID} == {"fa"}


def test_reimport_adds_nothing(project) -> None:
    result = import_paths(project, [paths.corpus_dir()])
    assert result.added == [] and sorted(result.already_present) == SAMPLE_IDS
    assert project.articles.count() == len(SAMPLE_IDS)


def test_same_id_with_other_text_is_reported_not_overwritten(project, tmp_path: Path) -> None:
    clash = tmp_path / f"{ARABIC_ID}.txt"
    clash.write_text("عنوان\n\nمتن دیگری برای همین شناسه", encoding="utf-8")
    before = project.articles.get(ARABIC_ID).body
    result = import_paths(project, [clash])
    assert result.added == []
    assert len(result.problems) == 1 and ARABIC_ID in str(result.problems[0])
    assert project.articles.get(ARABIC_ID).body == before


def test_single_choice_replaces_and_history_keeps_old_value(project) -> None:
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "strongly_condemning")
    tags = project.tags.find(ARABIC_ID, "sara", "stance")
    assert [t.value for t in tags] == ["strongly_condemning"]
    history = project.history.changes(ARABIC_ID, "sara")
    changed = [h for h in history if h.what == "tag" and h.action == "changed"]
    assert changed and '"condemning"' in (changed[-1].old_value or "")
    assert project.statuses.get(ARABIC_ID, "sara") == "in_progress"


def test_coded_none_differs_from_not_coded(project) -> None:
    assert project.tags.find(ARABIC_ID, "sara", "demands") == []  # not coded
    project.tags.mark_none(ARABIC_ID, "sara", "demands")
    [none] = project.tags.find(ARABIC_ID, "sara", "demands")
    assert none.value is None  # coded, none
    project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    assert [t.value for t in project.tags.find(ARABIC_ID, "sara", "demands")] == ["ceasefire"]
    project.tags.clear_field(ARABIC_ID, "sara", "demands")
    assert project.tags.find(ARABIC_ID, "sara", "demands") == []


def test_evidence_span_is_checked_against_the_text(project) -> None:
    start, end = quote_span(project, ARABIC_ID, "وقف إطلاق النار")
    tag = project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire",
                                 participant="ebrahim_raisi", span=(start, end))
    assert tag.quote == "وقف إطلاق النار" and (tag.span_start, tag.span_end) == (start, end)
    with pytest.raises(AnnotatorError, match="outside"):
        project.tags.update(tag.tag_id, span=(10, 10**7))
    # A span inside a word is fine: offsets are code points.
    word_start, _ = quote_span(project, ARABIC_ID, "الإسلامية")
    inner = project.tags.update(tag.tag_id, span=(word_start + 2, word_start + 5))
    assert inner.quote == "إسل"


def test_unknown_values_are_refused_with_a_clear_message(project) -> None:
    with pytest.raises(AnnotatorError, match="not a value of field 'stance'"):
        project.tags.set_choice(ARABIC_ID, "sara", "stance", "furious")
    with pytest.raises(AnnotatorError, match="unknown field"):
        project.tags.set_choice(ARABIC_ID, "sara", "mood", "x")
    with pytest.raises(AnnotatorError, match="no article"):
        project.tags.set_choice("nope", "sara", "stance", "neutral")
    with pytest.raises(AnnotatorError, match="registry"):
        project.tags.add_value(ARABIC_ID, "sara", "participants", "nobody_known")
    with pytest.raises(AnnotatorError, match="already tagged"):
        project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
        project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    assert project.tags.find(ARABIC_ID, "sara", "stance") == []


def test_participants_with_roles_and_statuses(project) -> None:
    project.tags.add_value(ARABIC_ID, "sara", "participants", "ebrahim_raisi", role="initiator")
    project.tags.add_value(ARABIC_ID, "sara", "participants", "recep_tayyip_erdogan",
                           role="counterpart")
    with pytest.raises(AnnotatorError, match="not a role"):
        project.tags.add_value(ARABIC_ID, "sara", "participants", "hakan_fidan", role="boss")
    project.statuses.set(ARABIC_ID, "sara", "done")
    counts = project.statuses.counts("sara")
    assert counts["done"] == 1 and counts["not_started"] == len(SAMPLE_IDS) - 1
    assert [a.article_id for a in project.articles.summaries("sara", status="done")] == [ARABIC_ID]
    assert "sara" in project.tags.annotators()


def test_each_annotator_keeps_own_tags(project) -> None:
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    project.tags.set_choice(ARABIC_ID, "reza", "stance", "neutral")
    assert project.tags.find(ARABIC_ID, "sara")[0].value == "condemning"
    assert project.tags.find(ARABIC_ID, "reza")[0].value == "neutral"


def test_not_a_project_is_left_untouched(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("my notes", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not an SQLite file"):
        open_project(text_file)
    assert text_file.read_text(encoding="utf-8") == "my notes"

    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE birds (name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(AnnotatorError, match="not an annotator project"):
        open_project(other)
    assert other.read_bytes() == before


def test_newer_schema_is_refused(project_path: Path) -> None:
    conn = sqlite3.connect(project_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('annotator', '9999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(AnnotatorError, match="newer version"):
        open_project(project_path)


def test_codebook_change_cannot_drop_used_category(project, tmp_path: Path) -> None:
    from annotator.core.codebook import parse_codebook

    project.tags.add_value(ARABIC_ID, "sara", "demands", "cut_ties")
    source = project.codebooks.active().source
    without = source.replace('id = "cut_ties"', 'id = "sever_ties"')
    with pytest.raises(AnnotatorError, match="cut_ties"):
        project.codebooks.load(parse_codebook(without))
    assert project.codebooks.active_version() == 1
    retired = source.replace('id = "cut_ties"', 'id = "cut_ties"\nretired = true', 1)
    assert project.codebooks.load(parse_codebook(retired)) == 2
    assert project.tags.find(ARABIC_ID, "sara", "demands")[0].value == "cut_ties"
    assert project.tags.find(ARABIC_ID, "sara", "demands")[0].codebook_version == 1
    with pytest.raises(AnnotatorError, match="is retired in field"):
        project.tags.add_value(ARABIC_ID, "reza", "demands", "cut_ties")


def test_list_pages_and_rows_with_and_without_gaps_in_numbering(project) -> None:
    """Pages deep in the list seek by article number; a file with gaps still lists right."""
    project.statuses.set(SAMPLE_IDS[3], "sara", "done")

    def check() -> None:
        everything = project.articles.summaries("sara")
        ids = [a.article_id for a in everything]
        for offset in range(len(ids) + 1):
            page = project.articles.summaries("sara", limit=2, offset=offset)
            assert page == everything[offset:offset + 2]
        for row, article_id in enumerate(ids):
            assert project.articles.position(article_id, "sara") == row
        assert [a.status for a in everything].count("done") == 1

    check()
    with sqlite3.connect(project.path) as tool:  # as a hand edit in an SQLite tool might
        tool.execute("DELETE FROM articles WHERE article_id = ?", (SAMPLE_IDS[1],))
    check()
    assert len(project.articles.summaries("sara")) == len(SAMPLE_IDS) - 1


# -- a project that cannot be written here ---------------------------------------------
# As root, permissions do not stop writing, so the refusals SQLite gives in a read-only
# folder ("unable to open database file" when it cannot make the -shm file) are simulated
# at sqlite3.connect; the read-only connection itself is real.  (Checked by hand on a
# read-only bind mount: the same messages and the same outcome.)
def _refuse_writing(monkeypatch: pytest.MonkeyPatch, path: Path, shm: bool = True) -> None:
    real = sqlite3.connect

    def connect(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = str(database)
        ro_without_shm = not shm and "mode=ro" in name and "immutable=1" not in name
        if name == str(path) or ro_without_shm:
            raise sqlite3.OperationalError("unable to open database file")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)


def _fingerprint(path: Path) -> tuple[int, int]:
    raw = sqlite3.connect(path)
    try:
        return (raw.execute("SELECT COUNT(*) FROM article_status").fetchone()[0],
                raw.execute("SELECT COUNT(*) FROM history").fetchone()[0])
    finally:
        raw.close()


def test_read_only_project_opens_for_reading_and_refuses_writes(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _fingerprint(project_path)
    _refuse_writing(monkeypatch, project_path)
    with pytest.raises(AnnotatorError, match="read-only here, so changes are off"):
        open_project(project_path, create=False)
    with open_project(project_path, create=False, allow_read_only=True) as project:
        assert project.read_only
        assert sorted(a.article_id for a in project.articles.summaries()) == SAMPLE_IDS
        with pytest.raises(AnnotatorError, match="read-only; nothing was changed"):
            project.statuses.set(SAMPLE_IDS[0], "sara", "done")
    monkeypatch.undo()
    assert _fingerprint(project_path) == before


def test_read_only_file_is_opened_read_only_without_trying_to_write(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.store import project as project_module

    real = project_module.os.access
    monkeypatch.setattr(project_module.os, "access",
                        lambda where, mode, **k: mode != os.W_OK and real(where, mode, **k))
    with open_project(project_path, create=False, allow_read_only=True) as project:
        assert project.read_only and project.articles.count() == len(SAMPLE_IDS)
        with pytest.raises(AnnotatorError, match="read-only"):
            project.statuses.set(SAMPLE_IDS[0], "sara", "done")


def test_read_only_folder_reads_the_file_alone_only_without_a_pending_log(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _refuse_writing(monkeypatch, project_path, shm=False)
    with open_project(project_path, create=False, allow_read_only=True) as project:
        assert project.read_only and project.articles.count() == len(SAMPLE_IDS)
    log = Path(f"{project_path}-wal")
    log.write_bytes(b"\0" * 32)  # stands for changes not yet copied into the file
    with pytest.raises(AnnotatorError, match="last changes are still in project.sqlite-wal"):
        open_project(project_path, create=False, allow_read_only=True)
