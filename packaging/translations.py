"""Update the UI translation sources and compile them.

Run from anywhere, with the Python that has PySide6 installed::

    python packaging/translations.py

1. ``pyside6-lupdate`` scans every ``annotator/gui/**/*.py`` for ``self.tr(...)`` and
   ``QCoreApplication.translate(...)`` strings and creates or updates
   ``resources/translations/annotator_fa.ts`` and ``annotator_ar.ts`` (source language English;
   strings no longer in the code are dropped, ``-no-obsolete``). Translations already in the
   .ts files are kept.
2. ``pyside6-lrelease`` compiles each .ts into the .qm beside it, which the app loads at start-up
   (``annotator/gui/i18n.py``). Only finished translations go into the .qm; the rest show in
   English.

Translate the .ts files with Qt Linguist (``pyside6-linguist
resources/translations/annotator_fa.ts``) or another editor for Qt .ts files, then run this
script again and commit both the .ts and the .qm files. The tools are looked up beside the
running Python (a virtual environment's ``bin``/``Scripts`` folder) and then on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT / "annotator" / "gui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"
TARGET_LANGUAGES = ("fa", "ar")


def find_tool(name: str) -> str:
    """The path of a PySide6 tool: beside the running Python first, then on PATH."""
    suffix = ".exe" if os.name == "nt" else ""
    beside = Path(sys.executable).parent / f"{name}{suffix}"
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        sys.exit(
            f"error: {name} not found beside {Path(sys.executable).name} or on PATH "
            "(install PySide6-Essentials in this environment)"
        )
    return found


def source_files() -> list[str]:
    """The GUI modules to scan, relative to the repository root so the .ts files hold no
    machine-specific paths."""
    return sorted(p.relative_to(ROOT).as_posix() for p in SOURCES_DIR.rglob("*.py"))


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"error: {Path(command[0]).name} failed with exit code {result.returncode}")


def main() -> None:
    lupdate = find_tool("pyside6-lupdate")
    lrelease = find_tool("pyside6-lrelease")
    sources = source_files()
    if not sources:
        sys.exit(f"error: no Python files in {SOURCES_DIR.relative_to(ROOT).as_posix()}")
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    for language in TARGET_LANGUAGES:
        ts = (TRANSLATIONS_DIR / f"annotator_{language}.ts").relative_to(ROOT).as_posix()
        options = ["-source-language", SOURCE_LANGUAGE, "-target-language", language]
        # Relative line numbers keep the .ts diffs small when code moves.
        options += ["-no-obsolete", "-locations", "relative"]
        run([lupdate, *sources, *options, "-ts", ts])
        run([lrelease, ts, "-qm", ts.removesuffix(".ts") + ".qm"])


if __name__ == "__main__":
    main()
