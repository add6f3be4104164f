"""The store: every SQL statement of the application lives in this package.

``open_project`` gives a :class:`Project`, made of parts that each own one concept and
its SQL (``project.articles``, ``project.tags``, ``project.review``, ...; see
:mod:`~.project`), each write in one transaction.  Backups of the project file are made,
listed and restored here too (:mod:`~.backups`): they are SQLite's own backup API.
"""

import sys


def _import_sqlite_utils() -> None:
    """Import sqlite-utils without pandas and numpy.

    sqlite-utils imports both when they are installed, only to know their column types;
    the store never hands it such values, and the two cost half a second of the window's
    start.  They stay importable for everything else afterwards.
    """
    blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes their import fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name) is None:
                del sys.modules[name]


_import_sqlite_utils()

from annotator.core.store.articles import (  # noqa: E402
    COUNT_LIMIT,
    QUEUE,
    SAMPLE,
    STATUSES,
    TRAINING,
    Article,
    ArticleSummary,
    SearchHit,
    is_list_filter,
    sample_filter,
)
from annotator.core.store.exchange import (  # noqa: E402
    EXPORT_COLUMNS,
    REQUIRED_COLUMNS,
    TagImportResult,
)
from annotator.core.store.history import Change  # noqa: E402
from annotator.core.store.project import Project, open_project  # noqa: E402
from annotator.core.store.tags import Tag  # noqa: E402

__all__ = [
    "COUNT_LIMIT", "EXPORT_COLUMNS", "QUEUE", "REQUIRED_COLUMNS", "SAMPLE", "STATUSES",
    "TRAINING", "Article", "ArticleSummary", "Change", "Project", "SearchHit", "Tag",
    "TagImportResult", "open_project", "is_list_filter", "sample_filter",
]
