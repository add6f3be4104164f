"""Corpus import from paths into a project, and the embedded default project.

Reading (encodings, formats, bad records) is :mod:`annotator.core.intake.corpus`; storing is
the store's.  This module joins them and reports what happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core import paths
from annotator.core.intake.prepare import Progress, read_prepared
from annotator.core.store import Project, open_project
from annotator.core.store.articles import AddResult


def import_paths(project: Project, sources: Iterable[str | Path],
                 progress: Progress | None = None, *, parallel: bool | None = None) -> AddResult:
    """Import files and folders; good records are stored even when others fail.

    A large corpus is read in a second process while this one stores (``parallel``: None
    decides by the size of the files; see :func:`annotator.core.intake.prepare.read_prepared`).
    """
    return project.articles.add(read_prepared(list(sources), progress, parallel,
                                              project=project.path))


def open_default_project() -> Project:
    """The embedded default project, created on first use with the sample corpus."""
    path = paths.default_project_path()
    new = not path.exists()
    project = open_project(path)
    if new or project.settings.get("sample_imported") is None:
        import_paths(project, [paths.corpus_dir()])
        project.settings.set("sample_imported", "yes")
    return project
