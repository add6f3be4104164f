"""The store: every SQL statement of the application lives in this package.

``open_project`` gives a :class:`Project`; its methods read and write articles, the
codebook, participants, tags, statuses and history, each write in one transaction.
"""

from annotator.core.store.articles import STATUSES, Article, ArticleSummary, SearchHit
from annotator.core.store.exchange import EXPORT_COLUMNS, REQUIRED_COLUMNS, TagImportResult
from annotator.core.store.project import Project, open_project
from annotator.core.store.tagging import Change, Tag

__all__ = [
    "EXPORT_COLUMNS", "REQUIRED_COLUMNS", "STATUSES", "Article", "ArticleSummary", "Change",
    "Project", "SearchHit", "Tag", "TagImportResult", "open_project",
]
