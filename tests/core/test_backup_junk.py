"""Files named like backups that are not backups, and backups dated in the future.

Rotation, the listing, the backup on opening and restore must count only real backups:
junk is listed apart, never offered, never counted, never removed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.errors import AnnotatorError
from annotator.core.store.backups import backup, backups_folder, list_backups, list_not_backups
from tests.conftest import ARABIC_ID

FUTURE = (datetime.now(UTC) + timedelta(days=400)).strftime("%Y%m%dT%H%M%SZ")
SOON = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y%m%dT%H%M%SZ")


def _junk(folder: Path, project_path: Path) -> dict[str, str]:
    """Every kind of junk, named as the newest backups would be; name -> expected reason."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{FUTURE}-open.sqlite").write_bytes(b"")
    (folder / f"{FUTURE}-1-manual.sqlite").write_text("not a database\n", encoding="utf-8")
    (folder / f"{SOON}-open.sqlite").write_bytes(b"")
    (folder / f"{SOON}-2-open.sqlite").write_text("SQLite format 3\0 but not", encoding="utf-8")
    (folder / "20261399T999999Z-open.sqlite").write_bytes(b"x")  # month 13, hour 99
    (folder / f"{SOON}-3-open.sqlite").mkdir()
    (folder / f"{SOON}-4-open.sqlite").symlink_to(project_path)  # the live project!
    other = sqlite3.connect(folder / f"{SOON}-5-open.sqlite")
    other.execute("CREATE TABLE notes (x)")
    other.commit()
    other.close()
    return {
        f"{FUTURE}-open.sqlite": "an empty file",
        f"{FUTURE}-1-manual.sqlite": "not an SQLite file",
        f"{SOON}-open.sqlite": "an empty file",
        f"{SOON}-2-open.sqlite": "not an SQLite file",
        "20261399T999999Z-open.sqlite": "not a real date",
        f"{SOON}-3-open.sqlite": "a folder",
        f"{SOON}-4-open.sqlite": "a link",
        f"{SOON}-5-open.sqlite": "not an annotator project",
    }


def test_junk_is_listed_apart_never_counted_and_never_removed(project, project_path: Path,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    expected = _junk(folder, project_path)
    made = []
    for number in range(5):
        project.settings.set("counter", str(number))
        made.append(backup(project_path, f"step {number}", folder=folder, keep=3))
    names = {p.name for p in folder.iterdir()}
    assert set(expected) <= names  # nothing it did not make was removed
    real = list_backups(project_path, folder)
    assert [b.path for b in real] == made[::-1][:3]  # the three newest real ones
    assert names == set(expected) | {p.name for p in made[-3:]}
    junk = {j.path.name: j.why for j in list_not_backups(project_path, folder)}
    assert set(junk) == set(expected)
    for name, why in expected.items():
        assert why in junk[name], (name, junk[name])
    # A link to a real backup is not a backup either: it is not removed with it.
    link = folder / f"{SOON}-6-open.sqlite"
    link.symlink_to(made[-1])
    assert link not in [b.path for b in list_backups(project_path, folder)]
    project.settings.set("counter", "again")
    backup(project_path, "again", folder=folder, keep=1)
    assert link.is_symlink() and (folder / "20261399T999999Z-open.sqlite").exists()


def test_backups_dated_in_the_future_do_not_push_out_real_ones(project, project_path: Path,
                                                               tmp_path: Path) -> None:
    # What a clock set ahead for a while leaves behind: real backups, named in 2027+.
    folder = tmp_path / "kept"
    first = backup(project_path, "open", folder=folder)
    future = [folder / f"{FUTURE}-{seq}-open.sqlite" for seq in range(2, 6)]
    for path in future:
        shutil.copyfile(first, path)
    made = []
    for number in range(4):
        project.settings.set("counter", str(number))
        made.append(backup(project_path, f"step {number}", folder=folder, keep=2))
    listed = list_backups(project_path, folder)
    assert [b.path for b in listed if b.future] == future[::-1]  # kept, offered, flagged
    assert [b.path for b in listed if not b.future] == made[::-1][:2]
    assert all(p.exists() for p in future)
    assert list_not_backups(project_path, folder) == []


def test_a_future_copy_of_the_same_content_is_not_taken_as_the_newest(
        project, project_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    first = backup(project_path, "open", folder=folder)
    ahead = folder / f"{FUTURE}-open.sqlite"
    shutil.copyfile(first, ahead)
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "supportive")
    second = backup(project_path, "manual", folder=folder)
    assert second not in (first, ahead)
    # Unchanged since ``second``: that one, not the future file, is the newest.
    assert backup(project_path, "manual", folder=folder) == second


@pytest.mark.parametrize("kind", ["empty", "text", "future", "soon-valid"])
def test_the_backup_on_opening_is_not_fooled_by_junk_or_the_future(
        project, project_path: Path, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "kept"
    real = backup(project_path, "open", folder=folder, only_if_changed=True)
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")  # written after it
    if kind == "empty":
        (folder / f"{SOON}-open.sqlite").write_bytes(b"")
    elif kind == "text":
        (folder / f"{SOON}-open.sqlite").write_text("hello", encoding="utf-8")
    elif kind == "future":
        shutil.copyfile(real, folder / f"{FUTURE}-open.sqlite")
    else:  # a real backup named an hour ahead (a clock that was a little ahead)
        shutil.copyfile(real, folder / f"{SOON}-open.sqlite")
    made = backup(project_path, "open", folder=folder, only_if_changed=True)
    assert made.name[:16] <= datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    conn = sqlite3.connect(made)
    try:
        assert conn.execute("SELECT value FROM tags").fetchall() == [("condemning",)]
    finally:
        conn.close()
    # Unchanged now: the one just made is returned, nothing new.
    assert backup(project_path, "open", folder=folder, only_if_changed=True) == made


def test_restore_of_junk_by_path_is_refused(project_path: Path, tmp_path: Path) -> None:
    folder = backups_folder(project_path)
    expected = _junk(folder, project_path)
    before = project_path.read_bytes()
    for name in expected:
        with pytest.raises(AnnotatorError):
            from annotator.core.store.restore import restore

            restore(project_path, folder / name)
    assert project_path.read_bytes() == before
    assert list_backups(project_path) == []


def test_cli_lists_junk_without_a_number(project, project_path: Path, capsys) -> None:
    folder = backups_folder(project_path)
    real = backup(project_path, "manual")
    expected = _junk(folder, project_path)
    assert main(["restore", "--db", str(project_path)]) == 0
    out = capsys.readouterr().out
    numbered = [line for line in out.splitlines() if line[:3].strip().isdigit()]
    assert len(numbered) == 1 and real.name in numbered[0]
    for name in expected:
        line = next(line for line in out.splitlines() if line.endswith(name))
        assert line.startswith("  -  not a backup (")
    # Number 1 is the real backup; there is no number 2.
    assert main(["restore", "2", "--yes", "--db", str(project_path)]) == 1
    assert "no backup number 2 (there are 1" in capsys.readouterr().err


def test_cli_lists_a_month_13_name_without_crashing(project_path: Path, capsys) -> None:
    folder = backups_folder(project_path)
    folder.mkdir(parents=True)
    (folder / "20261399T999999Z-open.sqlite").write_bytes(b"x")
    assert main(["restore", "--db", str(project_path)]) == 0
    captured = capsys.readouterr()
    assert "not a real date" in captured.out and "Traceback" not in captured.err


def test_cli_refuses_a_newer_version_and_a_non_project(project_path: Path, tmp_path: Path,
                                                       capsys) -> None:
    newer = tmp_path / "newer.sqlite"
    source = sqlite3.connect(project_path)
    conn = sqlite3.connect(newer)
    source.backup(conn)
    source.close()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('annotator', '0099_later', '2031-01-01')")
    conn.commit()
    conn.close()
    other = tmp_path / "other.sqlite"
    plain = sqlite3.connect(other)
    plain.execute("CREATE TABLE articles (x)")
    plain.commit()
    plain.close()
    before = project_path.read_bytes()
    assert main(["restore", str(newer), "--yes", "--db", str(project_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator: error: ") and err.count("\n") == 1
    assert (f"{newer}: made by a newer version of annotator (schema 0099_later); "
            "nothing was changed") in err
    assert main(["restore", str(other), "--yes", "--db", str(project_path)]) == 1
    err = capsys.readouterr().err
    assert f"{other}: an SQLite file but not an annotator project" in err
    assert project_path.read_bytes() == before
    assert list_backups(project_path) == []
    assert not os.path.exists(f"{project_path}-journal")


def test_a_hard_link_to_the_project_is_never_read_outside_sqlite(
        project_path: Path, tmp_path: Path, monkeypatch) -> None:
    # A project in rollback-journal mode, hard-linked into the backups folder under the
    # newest backup name: the next backup must not compare its bytes with open().
    conn = sqlite3.connect(project_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    folder = tmp_path / "kept"
    folder.mkdir()
    earlier = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y%m%dT%H%M%SZ")
    linked = folder / f"{earlier}-open.sqlite"
    os.link(project_path, linked)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    made = backup(project_path, "manual", folder=folder)
    assert made != linked and linked not in opened and project_path not in opened
    assert linked.exists()
