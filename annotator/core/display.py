"""Whether the window can start on this machine's display, asked before Qt is: the system
libraries that Qt's X11 platform plugin (xcb) loads and that a minimal Linux lacks.

Since Qt 6.5 the xcb plugin needs ``libxcb-cursor.so.0`` (Debian and Ubuntu:
``libxcb-cursor0``; Fedora: ``xcb-util-cursor``).  Without it Qt prints several lines about
plugins and aborts with a core dump; :func:`missing_window_library` finds that out first so
that the command line can say it in one line and exit with an error.  A bundle made by
``packaging/build`` may carry the library itself, so its own folder is looked in first.
Nothing here imports Qt: the check runs before Qt is loaded, and in ``--self-check``.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from annotator.core.i18n import Translatable
from annotator.core.paths import frozen_root

# The library Qt's xcb plugin cannot start without, and the package names that bring it.
XCB_CURSOR = "libxcb-cursor.so.0"


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt would start on X11 (xcb) here: Linux with an X display, and neither a
    ``QT_QPA_PLATFORM`` naming another plugin nor a Wayland session that Qt prefers."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "wayland;xcb" tries Wayland first: only the first choice is certain to be used.
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return False
    return bool(env.get("DISPLAY"))


def can_load(library: str) -> bool:
    """Whether ``library`` (a file name such as ``libxcb-cursor.so.0``) loads here: from the
    bundle's own folders first, then wherever the system's dynamic linker finds it."""
    root = frozen_root()
    candidates = [str(root / library), str(root / "PySide6" / "Qt" / "lib" / library)] \
        if root is not None else []
    for candidate in [*(c for c in candidates if Path(c).exists()), library]:
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return True
    return False


def missing_window_library(environ: Mapping[str, str] | None = None) -> str | None:
    """One line saying which system library the window lacks on this display, or None when
    nothing is missing (or the window would not use X11)."""
    if not uses_xcb(environ) or can_load(XCB_CURSOR):
        return None
    return Translatable("the window cannot open: Qt's X11 plugin needs the system library "
                        "{library}; install it (Debian and Ubuntu: libxcb-cursor0, Fedora: "
                        "xcb-util-cursor) or start with QT_QPA_PLATFORM=wayland",
                        library=XCB_CURSOR)
