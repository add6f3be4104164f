"""``annotator --self-check``: the core's self-check (:mod:`annotator.core.selfcheck`), the
window shown offscreen, and whether the window's system libraries are here.

Headless: no display is needed, and the user's data folder, settings and default project
are not touched (the window's settings go to the check's temporary folder).  Each step that
passes is one line on stdout; the first failure is one line on stderr and exit status 1.
It runs the same in an installed package and in a bundle made by ``packaging/build``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from annotator.cli.common import say
from annotator.core.display import XCB_CURSOR, missing_window_library, uses_xcb
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Number, Translatable
from annotator.core.selfcheck import self_check


def _window(project_path: Path) -> str:
    from annotator.gui.app import show_offscreen

    os.environ["ANNOTATOR_HOME"] = str(project_path.parent / "home")
    loaded, family = show_offscreen(project_path)
    return Translatable("shown offscreen in Persian (translations {files}; font {font})",
                        files=Listing(loaded) if loaded else "-", font=family or "-")


def run_self_check(args: argparse.Namespace) -> int:
    """``annotator --self-check``; exit status 0 when every step passed."""
    display_uses_xcb = uses_xcb()
    problem = missing_window_library()
    if problem:
        raise AnnotatorError(problem)
    seconds = self_check(lambda line: say(args, line), window=_window)
    if display_uses_xcb:
        say(args, Translatable("ok: the window's system libraries: {library} found",
                               library=XCB_CURSOR))
    say(args, Translatable("self-check passed in {seconds} s",
                           seconds=Number(seconds, ".1f")))
    return 0
