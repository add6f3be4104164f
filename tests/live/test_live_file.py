"""No operation in a process that holds a connection may drop that connection's locks.

SQLite's locks are per process and per file: one ``open()``/``close()`` of the project
file anywhere in the process releases them all (see :mod:`annotator.core.safety.project_file`).
Each case below runs, in a process holding a project open, one operation that looks at
the project file (a backup, a second connection as the window's workers open, a merge,
a codebook change, reading the backups list), then the command line writes and ends
(checkpointing and removing the write-ahead log, as a last connection does), then the
first process writes and is killed.  Its acknowledged writes must all be in the file.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.store import open_project
from tests.conftest import SAMPLE_IDS
from tests.live.processes import ROOT, child_env, cli, integrity

_HOLDER = r"""
import sys
from pathlib import Path
from annotator.core.store import backups
from annotator.core.store.restore import restore
from annotator.core.codebook import load_codebook
from annotator.core import paths
from annotator.core.store import open_project

db, operation, other = sys.argv[1], sys.argv[2], sys.argv[3]
project = open_project(db, create=False)
project.tags.set_choice(sys.argv[4], "holder", "stance", "neutral")
if operation == "backup":
    backups.backup(project.path, "manual")
elif operation == "second-connection":
    open_project(db, create=False).close()
elif operation == "merge":
    project.merge.from_file(other)
elif operation == "codebook":
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    changed = Path(other).with_name("codebook.toml")
    changed.write_text(source.replace('revision = "1"', 'revision = "2"', 1),
                       encoding="utf-8")
    project.codebooks.load(load_codebook(changed), "test")
elif operation == "list-backups":
    backups.backup(project.path, "manual")
    backups.list_backups(project.path)
elif operation == "restore-refused":
    made = backups.backup(project.path, "manual")
    try:
        restore(project.path, made, wait=0.2)
    except Exception as exc:
        print("refused", exc, file=sys.stderr)
print("ready", flush=True)
sys.stdin.readline()
for number, article in enumerate(sys.argv[5:]):
    project.tags.set_choice(article, f"holder-{number}", "stance", "condemning")
    print("ack", article, flush=True)
sys.stdin.readline()
"""


@pytest.mark.parametrize("operation", ["backup", "second-connection", "merge", "codebook",
                                       "list-backups", "restore-refused"])
def test_a_process_keeps_its_writes_after_looking_at_its_own_file(
        project_path: Path, tmp_path: Path, operation: str) -> None:
    home = tmp_path / "home"
    other = tmp_path / "colleague.sqlite"
    other.write_bytes(project_path.read_bytes())
    with open_project(other) as colleague:
        colleague.tags.set_choice(SAMPLE_IDS[0], "colleague", "stance", "neutral")
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(project_path), operation, str(other),
         SAMPLE_IDS[0], *SAMPLE_IDS], cwd=ROOT, env=child_env(home),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "ready", holder.stderr.read()
        # Another process writes and ends: as the last connection it would remove a
        # write-ahead log that it believes no one else is using.
        done = cli(home, "tag", SAMPLE_IDS[1], "stance", "neutral", "--annotator", "cli",
                   "--db", str(project_path))
        assert done.returncode == 0, done.stderr
        holder.stdin.write("go\n")
        holder.stdin.flush()
        acknowledged = [holder.stdout.readline().split()[1] for _ in SAMPLE_IDS]
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert acknowledged == SAMPLE_IDS
    assert integrity(project_path) == "ok"
    with open_project(project_path, create=False) as project:
        for number, article in enumerate(SAMPLE_IDS):
            assert [t.value for t in project.tags.find(article, f"holder-{number}", "stance")] \
                == ["condemning"], (operation, article)
        assert [t.value for t in project.tags.find(SAMPLE_IDS[1], "cli", "stance")] == ["neutral"]


def test_names_project_sees_the_side_files_of_a_project_opened_through_a_link(
        project_path: Path, tmp_path: Path) -> None:
    from annotator.core.safety.project_file import names_project

    link = tmp_path / "elsewhere" / "link.sqlite"
    link.parent.mkdir()
    link.symlink_to(project_path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        assert names_project(f"{project_path}{suffix}", link)
    assert names_project(link, project_path)
    assert not names_project(tmp_path / "other.sqlite", link)
