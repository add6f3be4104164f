"""The store: every SQL statement of the application lives in this package.

``open_project`` gives a :class:`Project`, made of parts that each own one concept and
its SQL (``project.articles``, ``project.tags``, ``project.review``, ...; see
:mod:`~.project`), each write in one transaction.  Backups of the project file are made
and listed (:mod:`~.backups`) and restored (:mod:`~.restore`) here too: they are SQLite's
own backup API.
"""

from annotator.core.store.articles import (
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
from annotator.core.store.exchange import (
    EXPORT_COLUMNS,
    REQUIRED_COLUMNS,
    TagImportResult,
)
from annotator.core.store.history import Change
from annotator.core.store.project import Project, open_project
from annotator.core.store.tags import Tag

__all__ = [
    "COUNT_LIMIT", "EXPORT_COLUMNS", "QUEUE", "REQUIRED_COLUMNS", "SAMPLE", "STATUSES",
    "TRAINING", "Article", "ArticleSummary", "Change", "Project", "SearchHit", "Tag",
    "TagImportResult", "open_project", "is_list_filter", "sample_filter",
]
