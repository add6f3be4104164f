"""Command-line plug-in that keeps the project file safe: the health check (``check``),
``backup`` and ``restore``.

``check`` prints the health report and exits 1 when anything is wrong.  ``backup``
makes a verified backup now.  ``restore`` without an argument lists the project's
backups; with one (a number from that list or a file) it says what will happen and
restores after a y/N question, or at once with ``--yes`` (required when no one is at
the terminal to answer).  ``check`` and ``backup`` never create a project; ``restore``
makes the project file again from a backup when it is gone (and says so before asking).
Files named like backups that are not backups are listed as such, without a number:
they cannot be chosen.  A file made by a newer version of annotator is refused.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.store.backups import (
    BackupInfo,
    backup,
    check_restorable,
    list_backups,
    list_not_backups,
    restore,
)
from annotator.core.store.files import probe
from annotator.core.store.health import check
from annotator.core.store.migrations import migrations


def register(command, parents: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    command("check", cmd_check,
            "check the project file: integrity, evidence quotes, codebook values")
    command("backup", cmd_backup, "make a verified backup of the project now")
    p = command("restore", cmd_restore,
                "list the project's backups, or restore one (the current state is backed "
                "up first)")
    p.add_argument("backup", nargs="?", metavar="BACKUP",
                   help="a number from the list, or a backup file")
    p.add_argument("--yes", action="store_true",
                   help="restore without asking (required when input is not a terminal)")


def cmd_check(args: argparse.Namespace) -> int:
    from annotator.cli.common import project_for

    with project_for(args, create=False) as project:
        report = check(project)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from annotator.cli.common import project_for

    with project_for(args, create=False) as project:
        path = project.path
    print(backup(path, "manual"))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    # The project is not opened here: a damaged file must still be restorable, and
    # opening would migrate it before its state could be kept.
    project = _project_path(args)
    backups = list_backups(project)
    missing = probe(project).kind == "missing"
    if args.backup is None:
        junk = list_not_backups(project)
        if missing and not backups:
            raise AnnotatorError(f"{project}: no such project file (and no backups of it)")
        if not backups:
            print(f"no backups of {project} yet", file=sys.stderr)
        else:
            print(f"backups of {project}, newest first:")
        for number, info in enumerate(backups, 1):
            print(f"{number:>3}  {_describe(info)}")
        for other in junk:
            # No number: it cannot be chosen, and it is never counted nor removed.
            print(f"  -  not a backup ({other.why}): {other.path.name}")
        if backups:
            print("restore one with: annotator restore NUMBER", file=sys.stderr)
        return 0
    chosen = _chosen(args.backup, backups)
    known = [m.name for m in migrations._migrations]
    check_restorable(project, chosen, known)  # before asking: a refusal needs no answer
    if missing:
        print(f"{project} does not exist; this creates it again")
    else:
        print(f"This replaces the content of {project}")
    print(f"with the backup {chosen.name}")
    listed = next((b for b in backups if b.path == chosen), None)
    if listed is not None:
        print(f"  ({_describe(listed)}).")
    if not missing:
        print("The current content is backed up first, so this can be undone.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise AnnotatorError("input is not a terminal: add --yes to restore; "
                                 "nothing was changed")
        answer = input("Restore? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("nothing was changed")
            return 1
    from annotator.cli.common import warn_if_shared

    warn_if_shared(project)
    kept = restore(project, chosen, known_schema=known)
    print(f"restored {project} from {chosen.name}")
    if kept is not None:
        print(f"the state before the restore is kept in {kept}")
    return 0


def _project_path(args: argparse.Namespace) -> Path:
    db = getattr(args, "db", None) or os.environ.get("ANNOTATOR_DB")
    return Path(db).expanduser() if db else paths.default_project_path()


def _chosen(given: str, backups: list[BackupInfo]) -> Path:
    if given.isdecimal() and not Path(given).exists():
        number = int(given)
        if not 1 <= number <= len(backups):
            raise AnnotatorError(f"no backup number {number} (there are {len(backups)}; "
                                 "run 'annotator restore' to list them)")
        return backups[number - 1].path
    path = Path(given).expanduser()
    for info in backups:  # a bare file name from the list
        if info.path.name == given:
            return info.path
    if not path.is_file():
        raise AnnotatorError(f"{given}: no such backup file")
    return path


def _describe(info: BackupInfo) -> str:
    local = info.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if info.articles is None:
        counts = "unreadable"
    else:
        counts = f"{info.articles} articles, {info.tags} tags"
    future = "  (dated in the future: the clock was ahead)" if info.future else ""
    return (f"{local}  {info.reason:<18} {counts:<28} {info.size / 1e6:.1f} MB  "
            f"{info.path.name}{future}")
