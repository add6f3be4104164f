"""Safety: what keeps an analyst's project from being lost: telling a project's files
from any other path without opening them, and the warning for shared or synced locations.

Backups and restore are SQLite through and through (the online backup API, its checks and
locks), so they live with the rest of the SQL in :mod:`annotator.core.store.backups`.
"""
