"""What the command-line modules share: the project and the annotator a command acts on,
the shared-location warning, the language a command speaks, and text printed for terminals
that do not order bidi text.

A command speaks the language of its ``--lang`` (English when none is given): its messages
are catalogue messages (:class:`~annotator.core.i18n.Translatable`) that :func:`say` prints
in that language, and English stays exactly as written in the code.  Persian and Arabic go
through :func:`~annotator.core.outputs.terminal.visual` for a terminal that does not order
bidi text itself (see :func:`use_visual`).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable, translate
from annotator.core.intake.importer import open_default_project
from annotator.core.languages import LANGUAGES, SOURCE_LANGUAGE, is_rtl
from annotator.core.names import check_person
from annotator.core.outputs.terminal import visual
from annotator.core.safety.location import warning as location_warning
from annotator.core.store import Project, open_project
from annotator.core.store.opening import needs_update


def project_for(args: argparse.Namespace, create: bool = False, writes: bool = False) -> Project:
    """Open the command's project; ``create`` lets a missing ``--db`` file be made (only
    ``import`` and ``create`` do), ``writes`` asks for the shared-location warning.

    A reading command opens a project it cannot write (read-only file or folder)
    read-only, and says so once on stderr; a writing command fails with one line."""
    db = args.db or os.environ.get("ANNOTATOR_DB")
    updating = Path(db).expanduser() if db else paths.default_project_path()
    if needs_update(updating):
        say(args, Translatable("annotator: {path}: made by an older version; backing it up and "
                               "updating it (minutes for a large project)", path=updating),
            sys.stderr, flush=True)
    if db:
        project = open_project(db, create=create,
                               codebook_path=getattr(args, "codebook_file", None),
                               allow_read_only=not (create or writes))
        if project.read_only:
            say(args, Translatable("annotator: read-only: changes are off"), sys.stderr)
    elif getattr(args, "codebook_file", None):
        raise AnnotatorError(Translatable("--codebook needs --db NEW_FILE: it applies to a new "
                                          "project"))
    else:
        project = open_default_project()
    if writes:
        warn_if_shared(project.path, language(args))
    return project


def warn_if_shared(path: str | Path, lang: str = SOURCE_LANGUAGE) -> None:
    """One line on stderr when ``path`` is on a network share or in a synced folder."""
    text = location_warning(path)
    if text:
        warn(text, lang)


def warn(text: str, lang: str = SOURCE_LANGUAGE) -> None:
    """``annotator: warning: ...`` on stderr, in ``lang``."""
    _print(Translatable("annotator: warning: {warning}", warning=text), lang, sys.stderr,
           None)


def annotator_for(args: argparse.Namespace) -> str:
    name = getattr(args, "annotator", None) or os.environ.get("ANNOTATOR_NAME")
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no user name on this system
            name = ""
    if not name or not name.strip():
        raise AnnotatorError(Translatable("no annotator name: pass --annotator NAME or set "
                                          "ANNOTATOR_NAME"))
    return check_person(name.strip())


def language(args: argparse.Namespace | None) -> str:
    """The language a command speaks: its ``--lang``, else English."""
    chosen = getattr(args, "lang", None)
    return chosen if chosen in LANGUAGES else SOURCE_LANGUAGE


def use_visual(args: argparse.Namespace | None, stream: TextIO | None = None) -> bool:
    """Whether to shape and reorder Persian/Arabic for ``stream`` (default: stdout):
    ``--visual``/``--logical`` when the command has them, else when it is a terminal
    (unless ``ANNOTATOR_TERMINAL_BIDI`` says the terminal orders bidi text itself)."""
    chosen = getattr(args, "visual", None)
    if chosen is not None:
        return bool(chosen)
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("ANNOTATOR_TERMINAL_BIDI")


def in_language(lang: str, lines: Sequence[str]) -> list[str]:
    """``lines`` in ``lang``: messages translated, text from the data as it is."""
    return [translate(line, lang) if isinstance(line, Translatable) else line for line in lines]


def terminal_text(args: argparse.Namespace, text: str) -> None:
    print(visual(text) if use_visual(args) else text)


def say(args: argparse.Namespace | None, text: str, stream: TextIO | None = None,
        end: str = "\n", flush: bool = False) -> None:
    """Print ``text`` (a message, usually :class:`Translatable`) in the command's language
    to ``stream`` (default: stdout), shaped for a terminal that needs it."""
    _print(text, language(args), sys.stdout if stream is None else stream, args, end, flush)


def spoken(args: argparse.Namespace | None, text: str, stream: TextIO | None = None) -> str:
    """``text`` as :func:`say` would print it (a prompt for ``input``, say)."""
    return _words(text, language(args), sys.stdout if stream is None else stream, args)


def _words(text: str, lang: str, stream: TextIO, args: argparse.Namespace | None) -> str:
    # A message is translated; other text (already in the language, or data) is as it is.
    words = translate(text, lang) if isinstance(text, Translatable) else text
    return visual(words) if is_rtl(lang) and use_visual(args, stream) else words


def _print(text: str, lang: str, stream: TextIO, args: argparse.Namespace | None,
           end: str = "\n", flush: bool = False) -> None:
    print(_words(text, lang, stream, args), file=stream, end=end, flush=flush)
