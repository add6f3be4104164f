"""Backups on real files: made while open, verified, rotated, listed, restored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.store import backups, open_project
from annotator.core.store import restore as restoring
from annotator.core.store.backups import backup, backups_folder, list_backups
from annotator.core.store.restore import restore
from tests.conftest import ARABIC_ID, SAMPLE_IDS

ROOT = Path(__file__).resolve().parents[2]


def _tag_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0])
    finally:
        conn.close()


def test_backup_of_an_open_project_is_a_verified_project(project, project_path: Path) -> None:
    project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    made = backup(project_path, "open")  # the window still has the project open
    folder = backups_folder(project_path)
    assert made.parent == folder and folder.parent == paths.data_dir() / "backups"
    assert folder.name.startswith("project-")
    assert made.name.endswith("-open.sqlite") and made.name[:8].isdigit()
    assert sorted(p.name for p in folder.iterdir()) == [made.name]  # no -wal, no temp file
    raw = sqlite3.connect(made)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    raw.close()
    with open_project(made, create=False) as copy:
        assert copy.articles.count() == len(SAMPLE_IDS)
        assert [t.value for t in copy.tags.find(ARABIC_ID, "sara", "stance")] == ["condemning"]


def test_backup_holds_writes_still_in_the_write_ahead_log(project, project_path: Path) -> None:
    project.conn.execute("PRAGMA wal_autocheckpoint = 0")
    project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    assert Path(f"{project_path}-wal").stat().st_size > 0
    with open_project(backup(project_path, "manual"), create=False) as copy:
        assert [t.value for t in copy.tags.find(ARABIC_ID, "sara", "demands")] == ["ceasefire"]


def test_an_unchanged_project_is_not_backed_up_twice(project_path: Path) -> None:
    first = backup(project_path, "open")
    assert backup(project_path, "open") == first
    assert len(list_backups(project_path)) == 1


def test_rotation_keeps_the_newest_per_project(project, project_path: Path,
                                               tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    made = []
    for number in range(7):
        project.settings.set("counter", str(number))  # a change, so each backup is new
        made.append(backup(project_path, f"step {number}", folder=folder, keep=4))
    left = sorted(p for p in folder.iterdir())
    assert left == sorted(made[-4:])
    assert [b.reason for b in list_backups(project_path, folder)] == [
        "step-6", "step-5", "step-4", "step-3"]
    # Same second, same reason: a second file, not an overwrite.
    assert len({p.name for p in made}) == 7
    # Another project with the same file name never shares the default folder.
    other = tmp_path / "elsewhere" / "project.sqlite"
    open_project(other).close()
    assert backups_folder(other) != backups_folder(project_path)


def test_list_backups_reads_time_reason_size_and_counts(project, project_path: Path) -> None:
    backup(project_path, "open")
    project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    project.tags.add_value(ARABIC_ID, "sara", "demands", "cut_ties")
    backup(project_path, "before-merge")
    listed = list_backups(project_path)
    assert [(b.reason, b.articles, b.tags) for b in listed] == [
        ("before-merge", len(SAMPLE_IDS), 2), ("open", len(SAMPLE_IDS), 0)]
    assert all(b.size == b.path.stat().st_size and b.time.tzinfo is not None for b in listed)
    assert listed[0].time >= listed[1].time
    assert list_backups(project_path.with_name("never-backed-up.sqlite")) == []


def test_restore_round_trip_keeps_the_state_it_replaces(project_path: Path) -> None:
    with open_project(project_path) as project:
        project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    good = backup(project_path, "open")
    with open_project(project_path) as project:
        project.conn.execute("PRAGMA wal_autocheckpoint = 0")
        project.tags.add_value(ARABIC_ID, "sara", "demands", "cut_ties")
        project.tags.add_value(ARABIC_ID, "omid", "demands", "humanitarian_aid")
    assert _tag_count(project_path) == 3
    kept = restore(project_path, good)
    assert kept is not None and kept.name.endswith("-before-restore.sqlite")
    assert not Path(f"{project_path}-wal").exists()
    assert not Path(f"{project_path}-shm").exists()
    with open_project(project_path, create=False) as project:
        assert [t.value for t in project.tags.find(ARABIC_ID)] == ["ceasefire"]
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        project.tags.set_choice(ARABIC_ID, "sara", "stance", "neutral")  # writable again
    assert _tag_count(kept) == 3
    # ...and the restore itself can be undone from the list.
    restore(project_path, kept)
    assert _tag_count(project_path) == 3


def test_restoring_the_oldest_backup_does_not_rotate_it_away(
        project, project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "kept"
    made = []
    for number in range(3):
        project.settings.set("counter", str(number))
        made.append(backup(project_path, "open", folder=folder, keep=3))
    project.settings.set("counter", "latest")
    project.close()
    monkeypatch.setattr(restoring, "KEEP", 3)  # the rotation after the before-restore backup
    kept = restore(project_path, made[0], folder=folder)
    assert kept is not None and kept.exists() and made[0].exists()
    with open_project(project_path) as reopened:
        assert reopened.settings.get("counter") == "0"


def test_restore_refuses_while_another_connection_writes(project_path: Path) -> None:
    good = backup(project_path, "open")
    with open_project(project_path) as other:
        other.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
        other.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(AnnotatorError, match="open in another window; close it first"):
            restore(project_path, good, wait=0.2)
        other.conn.execute("COMMIT")
        assert [t.value for t in other.tags.find(ARABIC_ID)] == ["ceasefire"]


def test_restore_refuses_while_the_project_is_merely_open(project, project_path: Path) -> None:
    good = backup(project_path, "open")
    project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    with pytest.raises(AnnotatorError, match="open in another window"):
        restore(project_path, good, wait=0.2)
    # Nothing changed, and the window can go on writing.
    project.tags.add_value(ARABIC_ID, "sara", "demands", "cut_ties")
    assert len(project.tags.find(ARABIC_ID)) == 2


def test_restore_waits_for_a_short_write_to_finish(project_path: Path) -> None:
    good = backup(project_path, "open")
    other = sqlite3.connect(project_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.2, lambda: (other.execute("COMMIT"), other.close()))
    timer.start()
    try:
        assert restore(project_path, good, wait=5) is not None
    finally:
        timer.join()


def test_restore_into_a_missing_project_file(project_path: Path, tmp_path: Path) -> None:
    good = backup(project_path, "open")
    lost = tmp_path / "gone" / "project.sqlite"
    assert restore(lost, good) is None
    with open_project(lost, create=False) as project:
        assert project.articles.count() == len(SAMPLE_IDS)


def test_restore_over_a_damaged_file_keeps_its_bytes(project_path: Path) -> None:
    good = backup(project_path, "open")
    project_path.write_bytes(b"this is not a database any more" * 100)
    Path(f"{project_path}-wal").write_bytes(b"stale")
    kept = restore(project_path, good)
    assert kept is not None and kept.read_bytes().startswith(b"this is not a database")
    assert not Path(f"{project_path}-wal").exists()
    with open_project(project_path, create=False) as project:
        assert project.articles.count() == len(SAMPLE_IDS)


def test_restore_from_a_hand_copied_project_file(project_path: Path, tmp_path: Path) -> None:
    import shutil

    with open_project(project_path) as project:
        project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    copy = tmp_path / "copied by hand.sqlite"
    shutil.copyfile(project_path, copy)  # a WAL-mode project file, not one of our backups
    with open_project(project_path) as project:
        project.tags.clear_field(ARABIC_ID, "sara", "demands")
    assert restore(project_path, copy) is not None
    siblings = {p.name for p in tmp_path.iterdir()}
    assert not {f"{project_path.name}-journal", f"{copy.name}-wal", f"{copy.name}-shm"} & siblings
    assert not any(p.name.endswith(".part") for p in backups_folder(project_path).iterdir())
    with open_project(project_path, create=False) as project:
        assert [t.value for t in project.tags.find(ARABIC_ID)] == ["ceasefire"]


def test_restore_over_a_file_with_a_damaged_page(project_path: Path) -> None:
    good = backup(project_path, "open")
    raw = sqlite3.connect(project_path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute("SELECT rootpage FROM sqlite_master "
                       "WHERE name = 'article_status_by_annotator'").fetchone()[0]
    raw.close()
    with project_path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + b"\xff" * (page_size - 1))
    damaged = project_path.read_bytes()
    with pytest.raises(AnnotatorError, match="damaged"):
        backup(project_path, "open")  # a damaged file is never kept as a backup
    kept = restore(project_path, good)
    assert kept is not None and kept.name.startswith("damaged-")
    # Kept as it was (the header's journal-mode bytes aside: leaving WAL mode came first).
    assert kept.read_bytes()[100:] == damaged[100:]
    assert [b.path for b in list_backups(project_path)] == [good]  # not offered, not rotated
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_restore_refuses_a_file_that_is_not_a_backup(project_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"junk")
    before = project_path.read_bytes()
    with pytest.raises(AnnotatorError, match="not an SQLite file"):
        restore(project_path, junk)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(AnnotatorError, match="an SQLite file but not an annotator project; "
                       "nothing was changed"):
        restore(project_path, other)
    with pytest.raises(AnnotatorError, match="the project file itself"):
        restore(project_path, project_path)
    assert project_path.read_bytes() == before


def _newer_copy(project_path: Path, tmp_path: Path) -> Path:
    """A backup of the project as a newer version would leave it (one more migration)."""
    newer = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(newer)
    source = sqlite3.connect(project_path)
    source.backup(conn)
    source.close()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('annotator', '9999_from_the_future', '2031-01-01')")
    conn.commit()
    conn.close()
    return newer


def test_restore_refuses_a_file_made_by_a_newer_version(project_path: Path,
                                                        tmp_path: Path) -> None:
    from annotator.core.store.migrations import migrations

    known = migrations.names
    newer = _newer_copy(project_path, tmp_path)
    before = project_path.read_bytes()
    with pytest.raises(AnnotatorError, match=r"newer\.sqlite: made by a newer version of "
                       r"annotator \(schema 9999_from_the_future\); nothing was changed"):
        restore(project_path, newer, known_schema=known)
    assert project_path.read_bytes() == before
    assert list_backups(project_path) == []  # refused before the safety backup
    # The same file with only names we know restores (the check is by name).
    assert restore(project_path, newer, known_schema=[*known, "9999_from_the_future"])


def test_backup_errors_are_one_line_and_change_nothing(project_path: Path,
                                                        tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="no such file"):
        backup(tmp_path / "missing.sqlite", "open")
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(AnnotatorError, match="cannot create the backups folder") as caught:
        backup(project_path, "open", folder=not_a_folder / "sub")
    assert "\n" not in str(caught.value) and "no backup was made" in str(caught.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions that apply (not root)")
def test_read_only_backups_folder(project_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(AnnotatorError, match="cannot be written|cannot write"):
            backup(project_path, "open", folder=folder)
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="file size limits are POSIX")
def test_disk_full_during_backup_leaves_no_file_and_says_so(project_path: Path,
                                                             tmp_path: Path) -> None:
    # A file size limit makes writes fail part-way, as a full disk does.
    folder = tmp_path / "full"
    script = (
        "import resource, signal, sys\n"
        "from annotator.core.store.backups import backup\n"
        "from annotator.core.errors import AnnotatorError\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))\n"
        "try:\n"
        "    backup(sys.argv[1], 'open', folder=sys.argv[2])\n"
        "except AnnotatorError as exc:\n"
        "    print(exc)\n"
        "    sys.exit(3)\n"
    )
    before = project_path.read_bytes()
    assert len(before) > 40_000
    done = subprocess.run([sys.executable, "-c", script, str(project_path), str(folder)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 3, done.stderr
    message = done.stdout.strip()
    assert "\n" not in message
    assert "disk" in message and "no backup was made" in message
    assert [p.name for p in folder.iterdir()] == []
    assert project_path.read_bytes() == before


def test_stale_temporary_files_are_cleared(project_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    folder.mkdir()
    stale = folder / ".20200101T000000Z-open-1-1.part"
    stale.write_bytes(b"half a backup")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = folder / ".20200101T000000Z-open-2-2.part"  # maybe another window's, right now
    fresh.write_bytes(b"in progress")
    backup(project_path, "open", folder=folder)
    assert not stale.exists() and fresh.exists()


# -- the commands -------------------------------------------------------------------------
@pytest.fixture
def with_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.cli import commands as cli

    monkeypatch.setattr(cli, "PLUGINS", ("annotator.cli.safety",))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from annotator.cli import commands as cli

    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_and_restore_commands(capsys, project_path: Path, with_plugin: None,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(project_path)
    code, out, _ = _run(capsys, "backup", "--db", db)
    assert code == 0 and Path(out.strip()).is_file() and out.strip().endswith("-manual.sqlite")
    with open_project(project_path) as project:
        project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire")
    code, out, _ = _run(capsys, "restore", "--db", db)
    assert code == 0 and "  1  " in out and "manual" in out and f"{len(SAMPLE_IDS)} articles" in out

    # Not at a terminal and no --yes: says what would happen, changes nothing.
    code, out, err = _run(capsys, "restore", "1", "--db", db)
    assert code == 1 and "This replaces the content" in out and "--yes" in err
    assert _tag_count(project_path) == 1

    # At a terminal, "n" keeps everything; "y" restores.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out, _ = _run(capsys, "restore", "1", "--db", db)
    assert code == 1 and "nothing was changed" in out and _tag_count(project_path) == 1
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, out, _ = _run(capsys, "restore", "1", "--db", db)
    assert code == 0 and "restored" in out and "before-restore" in out
    assert _tag_count(project_path) == 0

    # --yes restores without asking: back to the state before the restore.
    code, out, _ = _run(capsys, "restore", "--db", db)
    newest = out.splitlines()[1]
    assert "before-restore" in newest and " 1 tags" in newest
    code, out, _ = _run(capsys, "restore", "1", "--yes", "--db", db)
    assert code == 0 and _tag_count(project_path) == 1


def test_restore_command_errors(capsys, project_path: Path, with_plugin: None) -> None:
    db = str(project_path)
    code, out, err = _run(capsys, "restore", "--db", db)
    assert code == 0 and "no backups" in err
    code, _, err = _run(capsys, "restore", "3", "--yes", "--db", db)
    assert code == 1 and "no backup number 3" in err
    code, _, err = _run(capsys, "restore", "nothing-here.sqlite", "--yes", "--db", db)
    assert code == 1 and "no such backup file" in err
    backup(project_path, "open")
    with open_project(project_path):
        code, _, err = _run(capsys, "restore", "1", "--yes", "--db", db)
    assert code == 1 and "open in another window" in err and err.count("\n") == 1


def test_backup_on_opening_copies_only_a_changed_project(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copies: list[Path] = []
    copy = backups.backup_to_file
    monkeypatch.setattr(backups, "backup_to_file",
                        lambda source, part, name: (copies.append(part), copy(source, part, name)))
    first = backup(project_path, "open", only_if_changed=True)
    assert len(copies) == 1
    # Nothing written since that backup began: no copy at all.
    old = time.time() - 120
    os.utime(project_path, (old, old))
    for extra in (project_path.with_name(project_path.name + "-wal"),):
        if extra.exists():
            os.utime(extra, (old, old))
    assert backup(project_path, "open", only_if_changed=True) == first
    assert len(copies) == 1 and len(list_backups(project_path)) == 1
    time.sleep(1.1)  # backups are named to the second
    with open_project(project_path) as project:
        project.tags.set_choice(ARABIC_ID, "sara", "stance", "neutral")
    second = backup(project_path, "open", only_if_changed=True)
    assert second != first and len(copies) == 2 and len(list_backups(project_path)) == 2
    assert _tag_count(second) == _tag_count(first) + 1
