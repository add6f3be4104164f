"""The rows behind the research exports: tags, statuses, articles and codebooks.

Each function takes a :class:`~annotator.core.store.Project`.  The tag streams
(:func:`tag_rows`, :func:`pair_rows`) are one query each, ordered by article id, annotator,
field and value: the order of the ``tags_one_value`` index, so SQLite walks that index and
does not sort.  The articles' title, outlet, date and language come separately, in one
pass (:func:`article_rows`): they sit after the body in an article's row, and joining the
articles table to the tags reads them again, body pages and all, for every tag (measured:
a third slower on 600,000 tags).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from annotator.core.store.project import Project

# The columns of a row of :func:`tag_rows`: those of the long tag CSV (EXPORT_COLUMNS).
TAG_ROW = (
    "article_id", "annotator", "field", "value", "participant", "role",
    "span_start", "span_end", "quote", "note", "created_at", "updated_at",
    "codebook_version", "codebook_id", "tag_uid",
)
# A row of :func:`pair_rows`: TAG_ROW and the annotator's status for the article.  An
# annotator with a status but no tags for an article gives one row whose columns from
# ``field`` to ``tag_uid`` are NULL.
PAIR_ROW = (*TAG_ROW, "status")
# A row of :func:`article_rows`.
ARTICLE_ROW = ("article_id", "title", "outlet", "published", "language")

_TAG_COLUMNS = (
    "t.field, t.value, t.participant, t.role, t.span_start, t.span_end, t.quote, t.note, "
    "t.created_at, t.updated_at, t.codebook_version, c.codebook_id, t.tag_uid"
)
_ORDER = "t.field, COALESCE(t.value, ''), COALESCE(t.participant, ''), t.tag_id"


def tag_rows(project: Project, annotator: str | None = None) -> Iterator[tuple]:
    """Every tag (or ``annotator``'s) as a :data:`TAG_ROW`, in article id order."""
    where, params = ("WHERE t.annotator = ?", [annotator]) if annotator is not None else ("", [])
    return project.conn.execute(
        f"SELECT t.article_id, t.annotator, {_TAG_COLUMNS} FROM tags t "
        f"LEFT JOIN codebooks c ON c.version = t.codebook_version {where} "
        f"ORDER BY t.article_id, t.annotator, {_ORDER}",
        params,
    )


def pair_rows(project: Project, annotator: str | None = None) -> Iterator[tuple]:
    """:data:`PAIR_ROW` rows: each article and annotator with tags or a status, and the tags.

    In article id order, then annotator: the rows of one article and annotator are adjacent.
    """
    where, params = ("WHERE annotator = ?", [annotator]) if annotator is not None else ("", [])
    return project.conn.execute(
        f"WITH pairs AS (SELECT article_id, annotator FROM tags {where} "
        f"UNION SELECT article_id, annotator FROM article_status {where}) "
        f"SELECT p.article_id, p.annotator, {_TAG_COLUMNS}, "
        "COALESCE(s.status, 'not_started') FROM pairs p "
        "LEFT JOIN article_status s ON s.article_id = p.article_id "
        "AND s.annotator = p.annotator "
        "LEFT JOIN tags t ON t.article_id = p.article_id AND t.annotator = p.annotator "
        "LEFT JOIN codebooks c ON c.version = t.codebook_version "
        f"ORDER BY p.article_id, p.annotator, {_ORDER}",
        params * 2,
    )


def article_rows(project: Project) -> Iterator[tuple]:
    """Every article's :data:`ARTICLE_ROW`, in import order."""
    return project.conn.execute(
        "SELECT article_id, title, outlet, published, language FROM articles "
        "ORDER BY article_no")


def count_tag_rows(project: Project, annotator: str | None = None) -> int:
    """How many rows :func:`tag_rows` gives (for a progress bar)."""
    if annotator is None:
        return int(project.conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0] or 0)
    return int(project.conn.execute("SELECT COUNT(*) FROM tags WHERE annotator = ?",
                                    (annotator,)).fetchone()[0] or 0)


def count_pair_rows(project: Project, annotator: str | None = None) -> int:
    """How many rows :func:`pair_rows` gives (for a progress bar)."""
    where, params = ("AND s.annotator = ?", (annotator,)) if annotator is not None else ("", ())
    untagged = project.conn.execute(
        "SELECT COUNT(*) FROM article_status s WHERE NOT EXISTS (SELECT 1 FROM tags t "
        f"WHERE t.annotator = s.annotator AND t.article_id = s.article_id) {where}",
        params).fetchone()[0]
    return count_tag_rows(project, annotator) + int(untagged or 0)


def has_annotator(project: Project, annotator: str) -> bool:
    """True if ``annotator`` has a tag or a status in the project."""
    return project.conn.execute(
        "SELECT 1 FROM tags WHERE annotator = ? UNION ALL "
        "SELECT 1 FROM article_status WHERE annotator = ? LIMIT 1",
        (annotator, annotator)).fetchone() is not None


def coded_values(project: Project, fields: Iterable[str],
                 annotator: str | None = None) -> dict[str, set[str]]:
    """The values that tags of ``fields`` carry (the wide export makes a column of each)."""
    names = list(fields)
    if not names:
        return {}
    sql = (f"SELECT DISTINCT field, value FROM tags WHERE field IN ({', '.join('?' * len(names))}) "
           "AND value IS NOT NULL")
    params: list[object] = [*names]
    if annotator is not None:
        sql += " AND annotator = ?"
        params.append(annotator)
    found: dict[str, set[str]] = {}
    for field, value in project.conn.execute(sql, params):
        found.setdefault(str(field), set()).add(str(value))
    return found


def fields_in_use(project: Project, annotator: str | None = None) -> set[str]:
    """The fields that have tags (of ``annotator``)."""
    if annotator is None:
        rows = project.conn.execute("SELECT DISTINCT field FROM tags")
    else:
        rows = project.conn.execute("SELECT DISTINCT field FROM tags WHERE annotator = ?",
                                    (annotator,))
    return {str(name) for (name,) in rows}


def codebook_versions(project: Project) -> dict[int, tuple[str, str, str]]:
    """``version -> (codebook_id, revision, TOML source)`` for every codebook the file holds."""
    return {
        int(version): (str(codebook_id), str(revision), str(source))
        for version, codebook_id, revision, source in project.conn.execute(
            "SELECT version, codebook_id, revision, source_toml FROM codebooks ORDER BY version")
    }
