"""Aggregate counts for charts and reports: how often each value was coded, by whom, and the corpus.

Each function takes a :class:`~annotator.core.store.Project` and runs one grouped query, so a
chart of a large project costs one pass over the tags instead of one call per article.
Counts are of *articles* (``COUNT(DISTINCT article_id)``): a demand tagged with two
participants in one article is still one article with that demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.store.project import Project


@dataclass(frozen=True)
class CorpusSummary:
    """What the project holds: article counts by language and outlet, and the date range."""

    articles: int
    languages: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)  # outlet name -> articles
    no_outlet: int = 0
    first_published: str | None = None  # ISO date
    last_published: str | None = None
    undated: int = 0


def value_counts(project: Project, field_id: str,
                 annotator: str | None = None) -> dict[tuple[str, str], int]:
    """``(annotator, value) -> articles`` coded with that value of ``field_id``.

    "Coded, none" tags (value NULL) are left out; ``annotator`` keeps one annotator.
    """
    sql = ("SELECT annotator, value, COUNT(DISTINCT article_id) FROM tags "
           "WHERE field = ? AND value IS NOT NULL")
    params: list[object] = [field_id]
    if annotator is not None:
        sql += " AND annotator = ?"
        params.append(annotator)
    sql += " GROUP BY annotator, value"
    return {(str(who), str(value)): int(count)
            for who, value, count in project.conn.execute(sql, params)}


def counts_by_participant(project: Project, field_id: str,
                          annotator: str | None = None) -> dict[tuple[str, str], int]:
    """``(participant, value) -> articles`` in which a tag of the value names the participant.

    Only tags that name a participant count.  Without ``annotator``, an article counts once
    for a pair however many annotators tagged it.
    """
    sql = ("SELECT participant, value, COUNT(DISTINCT article_id) FROM tags "
           "WHERE field = ? AND value IS NOT NULL AND participant IS NOT NULL")
    params: list[object] = [field_id]
    if annotator is not None:
        sql += " AND annotator = ?"
        params.append(annotator)
    sql += " GROUP BY participant, value"
    return {(str(who), str(value)): int(count)
            for who, value, count in project.conn.execute(sql, params)}


def status_table(project: Project, annotator: str | None = None) -> dict[str, dict[str, int]]:
    """``annotator -> {status: articles}`` for every annotator (or one), over all articles.

    An article an annotator never touched counts as ``not_started``; each row is
    :meth:`~annotator.core.store.statuses.Statuses.counts` (kept by triggers, not counted).
    """
    names = [annotator] if annotator is not None else project.tags.annotators()
    return {name: project.statuses.counts(name) for name in names}


def corpus_summary(project: Project) -> CorpusSummary:
    """Articles by language and outlet, and the first and last publication date."""
    conn = project.conn
    languages = {str(lang or ""): int(n) for lang, n in conn.execute(
        "SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY COUNT(*) DESC, 1")}
    outlets: dict[str, int] = {}
    no_outlet = 0
    for outlet, n in conn.execute(
            "SELECT NULLIF(TRIM(outlet), ''), COUNT(*) FROM articles GROUP BY 1 "
            "ORDER BY COUNT(*) DESC, 1"):
        if outlet is None:
            no_outlet = int(n)
        else:
            outlets[str(outlet)] = int(n)
    first, last, undated = conn.execute(
        "SELECT MIN(NULLIF(published, '')), MAX(NULLIF(published, '')), "
        "SUM(CASE WHEN COALESCE(published, '') = '' THEN 1 ELSE 0 END) FROM articles"
    ).fetchone()
    return CorpusSummary(
        articles=sum(languages.values()),
        languages=languages,
        outlets=outlets,
        no_outlet=no_outlet,
        first_published=first,
        last_published=last,
        undated=int(undated or 0),
    )
