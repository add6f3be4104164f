"""Who has a tag or a status in a project file, sought in its annotator indexes.

Each name is found by seeking past the one before in ``tags_by_annotator`` and
``article_status_by_annotator`` (a loose index scan): a handful of index reads, where
``SELECT DISTINCT`` or a ``UNION`` walked every tag and status (9,000,000 index entries at
1,000,000 articles coded by three annotators).  Used for this project (``main``) and for a
colleague's file attached for a merge (``other``).
"""

from __future__ import annotations

import sqlite3

SCHEMAS = ("main", "other")


def annotators(conn: sqlite3.Connection, schema: str = "main") -> list[str]:
    """Everyone with a tag or a status in ``schema`` (``main`` or ``other``), sorted."""
    if schema not in SCHEMAS:
        raise ValueError(f"unknown schema {schema!r}")
    tags, statuses = f"{schema}.tags", f"{schema}.article_status"
    return [str(name) for (name,) in conn.execute(
        "WITH RECURSIVE "
        f"coders(name) AS (SELECT MIN(annotator) FROM {tags} UNION ALL "
        f"  SELECT (SELECT MIN(annotator) FROM {tags} WHERE annotator > name) FROM coders "
        "  WHERE name IS NOT NULL), "
        f"statused(name) AS (SELECT MIN(annotator) FROM {statuses} UNION ALL "
        f"  SELECT (SELECT MIN(annotator) FROM {statuses} WHERE annotator > name) "
        "  FROM statused WHERE name IS NOT NULL) "
        "SELECT name FROM coders WHERE name IS NOT NULL UNION "
        "SELECT name FROM statused WHERE name IS NOT NULL ORDER BY 1")]
