"""Where things live: the bundled resources and corpus, and the default project file.

In a source checkout ``resources/`` and ``corpus/`` sit beside the package; an installed
package carries them as ``annotator/resources`` and ``annotator/corpus``, and so does a
bundle made by ``packaging/build`` (PyInstaller), under the folder it unpacks to
(``sys._MEIPASS``), never the source tree it was built from.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent.parent
APP_NAME = "annotator"


def frozen_root() -> Path | None:
    """The folder of a PyInstaller bundle's files, or None when not running from one."""
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if getattr(sys, "frozen", False) and root else None


def _bundled(name: str) -> Path:
    root = frozen_root()
    if root is not None:  # laid out there as in an installed package (packaging/annotator.spec)
        return root / "annotator" / name
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE / name


def resources_dir() -> Path:
    """The folder with the default codebook, participants registry, fonts, translations."""
    return _bundled("resources")


def corpus_dir() -> Path:
    """The folder with the bundled sample articles."""
    return _bundled("corpus")


def default_codebook_path() -> Path:
    return resources_dir() / "codebook.toml"


def default_registry_path() -> Path:
    return resources_dir() / "participants.toml"


def data_dir() -> Path:
    """The user's data folder for annotator (``ANNOTATOR_HOME`` overrides it)."""
    override = os.environ.get("ANNOTATOR_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    """The embedded default project, used when no ``--db`` or ``ANNOTATOR_DB`` is given."""
    return data_dir() / "project.sqlite"
