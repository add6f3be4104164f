"""The rows behind the research exports: tags joined with their article and codebook.

Each function takes a :class:`~annotator.core.store.Project`.  The two streams
(:func:`tag_rows`, :func:`pair_rows`) are one query each, ordered by article (import
order), annotator, field and tag, so an export of hundreds of thousands of tags is one pass
with no query per row.  Article metadata is read once per article in a materialised
sub-query: the article body sits between the title and the other columns, and joining the
articles table row by row would read every body once per tag.

Rows are plain tuples whose columns are named by :data:`TAG_ROW` and :data:`PAIR_ROW`.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.store.project import Project

# The tag columns of the long CSV (EXPORT_COLUMNS), then the codebook revision and the
# article's metadata.
TAG_ROW = (
    "article_id", "annotator", "field", "value", "participant", "role",
    "span_start", "span_end", "quote", "note", "created_at", "updated_at",
    "codebook_version", "codebook_id", "tag_uid",
    "codebook_revision", "title", "outlet", "published", "language",
)
# TAG_ROW plus the annotator's status for the article.  An annotator who has a status for
# an article but no tags gives one row whose tag columns (field onwards) are NULL.
PAIR_ROW = (*TAG_ROW, "status")

_META = (
    "meta AS MATERIALIZED (SELECT article_no, article_id, title, outlet, published, language "
    "FROM articles)"
)
_TAG_COLUMNS = (
    "t.field, t.value, t.participant, t.role, t.span_start, t.span_end, t.quote, t.note, "
    "t.created_at, t.updated_at, t.codebook_version, c.codebook_id, t.tag_uid, c.revision, "
    "m.title, m.outlet, m.published, m.language"
)


def tag_rows(project: Project, annotator: str | None = None) -> Iterator[tuple]:
    """Every tag (or ``annotator``'s) as a :data:`TAG_ROW` tuple."""
    where, params = ("WHERE t.annotator = ?", [annotator]) if annotator is not None else ("", [])
    yield from project.conn.execute(
        f"WITH {_META} SELECT t.article_id, t.annotator, {_TAG_COLUMNS} "
        "FROM tags t JOIN meta m ON m.article_id = t.article_id "
        f"LEFT JOIN codebooks c ON c.version = t.codebook_version {where} "
        "ORDER BY m.article_no, t.annotator, t.field, t.tag_id",
        params,
    )


def pair_rows(project: Project, annotator: str | None = None) -> Iterator[tuple]:
    """:data:`PAIR_ROW` tuples: each article and annotator with tags or a status, and the tags."""
    where, params = ("WHERE annotator = ?", [annotator]) if annotator is not None else ("", [])
    yield from project.conn.execute(
        f"WITH {_META}, pairs AS (SELECT article_id, annotator FROM tags {where} "
        f"UNION SELECT article_id, annotator FROM article_status {where}) "
        f"SELECT p.article_id, p.annotator, {_TAG_COLUMNS}, "
        "COALESCE(s.status, 'not_started') "
        "FROM pairs p JOIN meta m ON m.article_id = p.article_id "
        "LEFT JOIN article_status s ON s.article_id = p.article_id "
        "AND s.annotator = p.annotator "
        "LEFT JOIN tags t ON t.article_id = p.article_id AND t.annotator = p.annotator "
        "LEFT JOIN codebooks c ON c.version = t.codebook_version "
        "ORDER BY m.article_no, p.annotator, t.field, t.tag_id",
        params * 2,
    )


def count_tag_rows(project: Project, annotator: str | None = None) -> int:
    """How many rows :func:`tag_rows` gives (for a progress bar)."""
    if annotator is None:
        return int(project.scalar("SELECT COUNT(*) FROM tags") or 0)
    return int(project.scalar("SELECT COUNT(*) FROM tags WHERE annotator = ?",
                              (annotator,)) or 0)


def count_pair_rows(project: Project, annotator: str | None = None) -> int:
    """How many rows :func:`pair_rows` gives (for a progress bar)."""
    where, params = ("AND s.annotator = ?", (annotator,)) if annotator is not None else ("", ())
    untagged = project.scalar(
        "SELECT COUNT(*) FROM article_status s WHERE NOT EXISTS (SELECT 1 FROM tags t "
        f"WHERE t.annotator = s.annotator AND t.article_id = s.article_id) {where}", params)
    return count_tag_rows(project, annotator) + int(untagged or 0)


def has_annotator(project: Project, annotator: str) -> bool:
    """True if ``annotator`` has a tag or a status in the project."""
    return project.one(
        "SELECT 1 FROM tags WHERE annotator = ? UNION ALL "
        "SELECT 1 FROM article_status WHERE annotator = ? LIMIT 1",
        (annotator, annotator)) is not None


def coded_values(project: Project, annotator: str | None = None) -> dict[str, set[str]]:
    """The values each field carries in the tags (the wide export's columns come from this)."""
    where, params = ("AND annotator = ?", (annotator,)) if annotator is not None else ("", ())
    found: dict[str, set[str]] = {}
    for field, value in project.conn.execute(
            f"SELECT DISTINCT field, value FROM tags WHERE value IS NOT NULL {where}", params):
        found.setdefault(str(field), set()).add(str(value))
    return found


def article_metadata(project: Project) -> dict[str, tuple]:
    """``article_id -> (article_no, title, outlet, published, language)`` for every article."""
    return {
        row[0]: row[1:]
        for row in project.conn.execute(
            "SELECT article_id, article_no, title, outlet, published, language FROM articles")
    }


def codebook_versions(project: Project) -> dict[int, tuple[str, str, str]]:
    """``version -> (codebook_id, revision, TOML source)`` for every codebook the file holds."""
    return {
        int(version): (str(codebook_id), str(revision), str(source))
        for version, codebook_id, revision, source in project.conn.execute(
            "SELECT version, codebook_id, revision, source_toml FROM codebooks ORDER BY version")
    }
