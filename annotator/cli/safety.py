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
from annotator.core.i18n import N_, Number, Translatable, digits, translate
from annotator.core.store.backups import (
    REASONS,
    BackupInfo,
    backup,
    list_backups,
    list_not_backups,
)
from annotator.core.store.files import probe
from annotator.core.store.health import check
from annotator.core.store.migrations import migrations
from annotator.core.store.restore import check_restorable, restore


def register(command, parents: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    p = command("check", cmd_check,
                N_("check the project file: integrity, evidence quotes, codebook values"))
    p.add_argument("--recount", action="store_true",
                   help=N_("count every annotator's statuses again (the counts the progress "
                           "shows), then check"))
    p.add_argument("--compact", action="store_true",
                   help=N_("merge the search index into one piece, then check (searches get "
                           "faster; an import of many articles does this itself)"))
    command("backup", cmd_backup, N_("make a verified backup of the project now"))
    p = command("restore", cmd_restore,
                N_("list the project's backups, or restore one (the current state is backed up "
                   "first)"))
    p.add_argument("backup", nargs="?", metavar="BACKUP",
                   help=N_("a number from the list, or a backup file"))
    p.add_argument("--yes", action="store_true",
                   help=N_("restore without asking (required when input is not a terminal)"))


def cmd_check(args: argparse.Namespace) -> int:
    from annotator.cli.common import project_for, say

    with project_for(args, create=False, writes=args.recount or args.compact) as project:
        if args.recount:
            say(args, Translatable("status counts: counted again ({count} were wrong)",
                                   count=project.statuses.recount()))
        if args.compact:
            before, parts = project.search_index.pieces(), project.search_index.parts()
            if before > parts:
                say(args, Translatable("search index: merging {count} pieces into {parts} "
                                       "(one for each part of the index; a minute or two "
                                       "for a million articles)", count=before, parts=parts),
                    flush=True)
            project.search_index.compact()
            say(args, Translatable("search index: {count} pieces before, {after} now",
                                   count=before, after=project.search_index.pieces()))
        report = check(project)
    for line in report.lines():
        say(args, line)
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from annotator.cli.common import project_for

    with project_for(args, create=False) as project:
        path = project.path
    print(backup(path, "manual"))  # the path alone, for scripts
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from annotator.cli.common import language, say, spoken, warn_if_shared

    # The project is not opened here: a damaged file must still be restorable, and
    # opening would migrate it before its state could be kept.
    project = _project_path(args)
    backups = list_backups(project)
    missing = probe(project).kind == "missing"
    if args.backup is None:
        junk = list_not_backups(project)
        if missing and not backups:
            raise AnnotatorError(Translatable("{path}: no such project file (and no backups "
                                              "of it)", path=project))
        if not backups:
            say(args, Translatable("no backups of {path} yet", path=project), sys.stderr)
        else:
            say(args, Translatable("backups of {path}, newest first:", path=project))
        lang = language(args)
        for number, info in enumerate(backups, 1):
            say(args, f"{digits(f'{number:>3}', lang)}  {_describe(info, lang)}")
        for other in junk:
            # No number: it cannot be chosen, and it is never counted nor removed.
            say(args, Translatable("  -  not a backup ({why}): {name}",
                                   why=Translatable(other.why), name=other.path.name))
        if backups:
            say(args, Translatable("restore one with: annotator restore NUMBER"), sys.stderr)
        return 0
    chosen = _chosen(args.backup, backups)
    known = migrations.names
    check_restorable(project, chosen, known)  # before asking: a refusal needs no answer
    if missing:
        say(args, Translatable("{path} does not exist; this creates it again", path=project))
    else:
        say(args, Translatable("This replaces the content of {path}", path=project))
    say(args, Translatable("with the backup {name}", name=chosen.name))
    listed = next((b for b in backups if b.path == chosen), None)
    if listed is not None:
        say(args, Translatable("  ({backup}).", backup=_describe(listed, language(args))))
    if not missing:
        say(args, Translatable("The current content is backed up first, so this can be "
                               "undone."))
    if not args.yes:
        if not sys.stdin.isatty():
            raise AnnotatorError(Translatable("input is not a terminal: add --yes to restore; "
                                              "nothing was changed"))
        answer = input(spoken(args, Translatable("Restore? [y/N] "))).strip().lower()
        if answer not in ("y", "yes"):
            say(args, Translatable("nothing was changed"))
            return 1
    warn_if_shared(project, language(args))
    kept = restore(project, chosen, known_schema=known)
    say(args, Translatable("restored {path} from {name}", path=project, name=chosen.name))
    if kept is not None:
        say(args, Translatable("the state before the restore is kept in {path}", path=kept))
    return 0


def _project_path(args: argparse.Namespace) -> Path:
    db = getattr(args, "db", None) or os.environ.get("ANNOTATOR_DB")
    return Path(db).expanduser() if db else paths.default_project_path()


def _chosen(given: str, backups: list[BackupInfo]) -> Path:
    if given.isdecimal() and not Path(given).exists():
        number = int(given)
        if not 1 <= number <= len(backups):
            raise AnnotatorError(Translatable(
                "no backup number {number} (there are {count}; run 'annotator restore' to list "
                "them)", number=number, count=len(backups)))
        return backups[number - 1].path
    path = Path(given).expanduser()
    for info in backups:  # a bare file name from the list
        if info.path.name == given:
            return info.path
    if not path.is_file():
        raise AnnotatorError(Translatable("{path}: no such backup file", path=given))
    return path


def _describe(info: BackupInfo, lang: str = "en") -> str:
    """One backup in the list, in ``lang``: its time, why it was made (English gives the
    short reason its file name has), counts, size and file name."""
    local = info.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if info.articles is None:
        counts = translate(Translatable("unreadable"), lang)
    else:
        counts = translate(Translatable("{articles} articles, {tags} tags",
                                        articles=info.articles, tags=info.tags), lang)
    reason = info.reason if lang == "en" else translate(REASONS.get(info.reason, info.reason),
                                                        lang)
    size = translate(Translatable("{size} MB", size=Number(info.size / 1e6, ".1f")), lang)
    future = (translate(Translatable("  (dated in the future: the clock was ahead)"), lang)
              if info.future else "")
    return f"{local}  {reason:<18} {counts:<28} {size}  {info.path.name}{future}"
