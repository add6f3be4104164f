"""What the command-line modules share: the project and the annotator a command acts on,
the shared-location warning, and text printed for terminals that do not order bidi text.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import open_default_project
from annotator.core.names import check_person
from annotator.core.outputs.terminal import visual
from annotator.core.safety.location import warning as location_warning
from annotator.core.store import Project, open_project


def project_for(args: argparse.Namespace, create: bool = False, writes: bool = False) -> Project:
    """Open the command's project; ``create`` lets a missing ``--db`` file be made (only
    ``import`` and ``create`` do), ``writes`` asks for the shared-location warning.

    A reading command opens a project it cannot write (read-only file or folder)
    read-only, and says so once on stderr; a writing command fails with one line."""
    db = args.db or os.environ.get("ANNOTATOR_DB")
    if db:
        project = open_project(db, create=create,
                               codebook_path=getattr(args, "codebook_file", None),
                               allow_read_only=not (create or writes))
        if project.read_only:
            print("annotator: read-only: changes are off", file=sys.stderr)
    elif getattr(args, "codebook_file", None):
        raise AnnotatorError("--codebook needs --db NEW_FILE: it applies to a new project")
    else:
        project = open_default_project()
    if writes:
        warn_if_shared(project.path)
    return project


def warn_if_shared(path: str | Path) -> None:
    """One line on stderr when ``path`` is on a network share or in a synced folder."""
    text = location_warning(path)
    if text:
        print(f"annotator: warning: {text}", file=sys.stderr)


def annotator_for(args: argparse.Namespace) -> str:
    name = getattr(args, "annotator", None) or os.environ.get("ANNOTATOR_NAME")
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no user name on this system
            name = ""
    if not name or not name.strip():
        raise AnnotatorError("no annotator name: pass --annotator NAME or set ANNOTATOR_NAME")
    return check_person(name.strip())


def use_visual(args: argparse.Namespace) -> bool:
    if args.visual is not None:
        return bool(args.visual)
    return sys.stdout.isatty() and not os.environ.get("ANNOTATOR_TERMINAL_BIDI")


def terminal_text(args: argparse.Namespace, text: str) -> None:
    print(visual(text) if use_visual(args) else text)
