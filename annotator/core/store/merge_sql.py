"""The merge's set-based steps: SQL over the attached colleague's file (schema ``other``).

Each step reads ``other`` and this project's ``main`` in a few ``INSERT ... SELECT`` and
``UPDATE ... FROM`` statements, through temporary tables and a view (schema ``temp``,
names starting with ``merge_``):

``merge_articles``
    their article id -> ours (matched by content hash, or added).
``merge_versions``
    their codebook version -> ours.
``merge_gone``
    each tag of ours that their history records as removed after our last edit of it
    (and that their file does not hold): removed here too.
``merge_removed``
    each tag uid removed here, with when it was last removed.
``merge_theirs``
    their tags (then their adjudications) as they read here: our article ids and
    codebook versions.
``merge_rows``
    for each of those, the row of ours it matches and what the merge does with it.

Every decision is taken against this project as it was before the step.  Python only
sees small sets: rows edited here and there at the same moment (settled by content, as
:func:`newer` says) and a row of ours that several of theirs update (applied one after
another in their order, as a row-by-row merge would).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass

from annotator.core.store import search_parts
from annotator.core.store.article_count import carry_count
from annotator.core.store.who_coded import annotators

TEMP_TABLES = ("merge_articles", "merge_versions", "merge_removed", "merge_rows",
               "merge_crowded", "merge_gone")
TEMP_VIEWS = ("merge_theirs",)
_ARTICLE_COLUMNS = ("article_id", "title", "body", "language", "outlet", "url", "published",
                    "published_original", "source_path", "content_hash", "imported_at")
_HISTORY_COLUMNS = ("changed_at", "changed_by", "action", "what", "article_id", "annotator",
                    "field", "old_value", "new_value")
# Columns compared with ``IS`` in a natural key: NULL there means "none", as in the
# unique indexes (which fold NULL to '').
_FOLDED = ("value", "participant")


@dataclass(frozen=True)
class Keyed:
    """A table whose rows are matched by uid, or else by their natural key."""

    table: str
    row_id: str
    uid: str
    columns: tuple[str, ...]  # every column but the row id, as compared on a tie
    natural: tuple[str, ...]  # the unique key besides the uid
    mutable: tuple[str, ...]  # what a later edit changes (and ``updated_at``)
    owner: str | None  # a row of another owner is never changed (tags: the annotator)
    removable: bool  # a row removed here after their last edit is not brought back


TAGS = Keyed(
    "tags", "tag_id", "tag_uid",
    ("tag_uid", "article_id", "annotator", "field", "value", "participant", "role",
     "span_start", "span_end", "quote", "note", "codebook_version", "created_at", "updated_at"),
    ("article_id", "annotator", "field", "value", "participant"),
    ("value", "participant", "role", "span_start", "span_end", "quote", "note"),
    "annotator", True)
ADJUDICATIONS = Keyed(
    "adjudications", "adjudication_id", "adjudication_uid",
    ("adjudication_uid", "article_id", "field", "value", "participant", "role", "span_start",
     "span_end", "quote", "source_annotator", "reviewer", "comment", "codebook_version",
     "created_at", "updated_at", "basis"),
    ("article_id", "field", "value", "participant"),
    ("value", "participant", "role", "span_start", "span_end", "quote", "source_annotator",
     "reviewer", "comment", "basis"),
    None, False)


def newer(theirs: str, ours: str, their_key: str, our_key: str) -> bool:
    """Later edit wins; equal times are settled by content so every order agrees."""
    return (theirs, their_key) > (ours, our_key)


def drop_temp_tables(conn: sqlite3.Connection) -> None:
    """Remove the merge's temporary tables and view."""
    for name in TEMP_VIEWS:
        conn.execute(f"DROP VIEW IF EXISTS temp.{name}")
    for name in TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


# -- articles and codebooks -----------------------------------------------------------------
def map_versions(conn: sqlite3.Connection, versions: dict[int, int]) -> None:
    """Keep their codebook version -> ours where the joins below can use it."""
    conn.execute("CREATE TEMP TABLE merge_versions (theirs INTEGER PRIMARY KEY, ours INTEGER)")
    conn.executemany("INSERT INTO temp.merge_versions VALUES (?, ?)", versions.items())


def map_articles(conn: sqlite3.Connection,
                 index_key: Callable[[str], str]) -> tuple[int, int, list[str]]:
    """Fill ``merge_articles``; add their new articles with their search keys.

    Returns (matched, added, ids of their articles whose id is ours but not their text).
    """
    conn.execute("CREATE TEMP TABLE merge_articles (theirs TEXT PRIMARY KEY, ours TEXT NOT NULL)"
                 " WITHOUT ROWID")
    # Hashes and ids are read from their unique indexes, each file's once: the hash comes
    # after the body in an article's row, and a join reading it from the tables walked
    # every body of their file (8.2 s instead of 2.6 s at 250,000 articles from the disk).
    matched = conn.execute(
        "INSERT INTO temp.merge_articles (theirs, ours) "
        "WITH theirs (no, hash) AS MATERIALIZED "
        "  (SELECT article_no, content_hash FROM other.articles), "
        "their_ids (no, id) AS MATERIALIZED (SELECT article_no, article_id FROM other.articles), "
        "ours (no, hash) AS MATERIALIZED (SELECT article_no, content_hash FROM main.articles), "
        "our_ids (no, id) AS MATERIALIZED (SELECT article_no, article_id FROM main.articles) "
        "SELECT ti.id, oi.id FROM theirs t JOIN ours o ON o.hash = t.hash "
        "JOIN their_ids ti ON ti.no = t.no JOIN our_ids oi ON oi.no = o.no").rowcount
    conflicts = [str(article_id) for (article_id,) in conn.execute(
        "SELECT o.article_id FROM other.articles o WHERE o.article_id IN "
        "(SELECT article_id FROM main.articles) AND o.article_id NOT IN "
        "(SELECT theirs FROM temp.merge_articles) ORDER BY o.article_no")]
    last = int(conn.execute("SELECT COALESCE(MAX(article_no), 0) FROM main.articles")
               .fetchone()[0])
    columns = ", ".join(_ARTICLE_COLUMNS)
    selected = ", ".join(f"o.{c}" for c in _ARTICLE_COLUMNS)
    # Their new articles are found in their id index, and only their rows are read: a
    # scan of their table for the ids read a part of every article's row (up to a page
    # each): 13.6 s from the disk at 1,000,000 articles when none was new, now 0.7 s.
    added = conn.execute(
        f"INSERT INTO main.articles (article_no, {columns}) "
        f"SELECT ? + ROW_NUMBER() OVER (ORDER BY o.article_no), {selected} "
        "FROM other.articles o WHERE o.article_no IN (SELECT n.article_no FROM other.articles n "
        "WHERE n.article_id NOT IN (SELECT theirs FROM temp.merge_articles) "
        "AND n.article_id NOT IN (SELECT article_id FROM main.articles)) ORDER BY o.article_no",
        (last,)).rowcount
    if added:
        conn.execute("INSERT INTO temp.merge_articles (theirs, ours) "
                     "SELECT article_id, article_id FROM main.articles WHERE article_no > ?",
                     (last,))
        conn.create_function("merge_index_key", 1, index_key, deterministic=True)
        for part, low, high in search_parts.holding(conn, last + 1, last + added):
            conn.execute(f"INSERT INTO main.{part.name} (rowid, title_key, body_key) "
                         "SELECT article_no, merge_index_key(title), merge_index_key(body) "
                         "FROM main.articles WHERE article_no BETWEEN ? AND ?", (low, high))
        conn.create_function("merge_index_key", 1, None)
        carry_count(conn, last, added, last + added)
    return matched, added, conflicts


# -- tags and adjudications -----------------------------------------------------------------
def remove_their_removed(conn: sqlite3.Connection) -> int:
    """Remove our tags that their history records as removed; how many went.

    A tag goes when their file holds a removal of it (by its uid, and by the annotator it
    belongs to) made at or after our last edit of it and after any return of it our
    history knows of, and does not hold the tag itself (re-added with the same uid, it is
    merged as an edit).  Only such a record removes
    anything: a file that merely lacks a tag (another annotator's file, an older copy)
    removes nothing.  The history entry of the removal here keeps the time the annotator
    removed it, so a later merge of an older copy reads the same time from either file.
    """
    conn.execute("CREATE TEMP TABLE merge_gone (tag_id INTEGER PRIMARY KEY, tag_uid TEXT "
                 "NOT NULL, removed_at TEXT NOT NULL)")
    conn.execute(
        "INSERT INTO temp.merge_gone (tag_id, tag_uid, removed_at) "
        "SELECT m.tag_id, r.uid, r.removed_at FROM (SELECT json_extract(COALESCE(h.old_value, "
        "'{}'), '$.tag_uid') AS uid, h.annotator, MAX(h.changed_at) AS removed_at "
        "FROM other.history h WHERE h.what = 'tag' AND h.action = 'removed' "
        "AND h.article_id IN (SELECT theirs FROM temp.merge_articles) GROUP BY 1, 2) r "
        "JOIN main.tags m ON m.tag_uid = r.uid AND m.annotator = r.annotator "
        "WHERE r.removed_at >= m.updated_at "
        "AND NOT EXISTS (SELECT 1 FROM other.tags o WHERE o.tag_uid = r.uid) "
        # Our history may know the tag came back later (an undo elsewhere, merged in
        # from a file whose copy of the tag is the same but for its time).
        "AND r.removed_at >= COALESCE((SELECT MAX(h.changed_at) FROM main.history h "
        "WHERE h.article_id = m.article_id AND h.annotator = m.annotator AND h.what = 'tag' "
        "AND h.action <> 'removed' AND json_extract(h.new_value, '$.tag_uid') = m.tag_uid), "
        "'')")
    if conn.execute("SELECT 1 FROM temp.merge_gone LIMIT 1").fetchone() is None:
        return 0
    last = int(conn.execute("SELECT COALESCE(MAX(change_id), 0) FROM main.history")
               .fetchone()[0])
    gone = int(conn.execute("DELETE FROM main.tags WHERE tag_id IN "
                            "(SELECT tag_id FROM temp.merge_gone)").rowcount)
    conn.execute(
        "UPDATE main.history AS h SET changed_at = g.removed_at FROM temp.merge_gone g "
        "WHERE h.change_id > ? AND h.what = 'tag' AND h.action = 'removed' "
        "AND json_extract(h.old_value, '$.tag_uid') = g.tag_uid", (last,))
    return gone


def note_removed_tags(conn: sqlite3.Connection) -> None:
    """``merge_removed``: each tag_uid removed here, with when it was last removed."""
    conn.execute("CREATE TEMP TABLE merge_removed (tag_uid TEXT PRIMARY KEY, removed_at TEXT) "
                 "WITHOUT ROWID")
    conn.execute(
        "INSERT INTO temp.merge_removed (tag_uid, removed_at) "
        "SELECT uid, MAX(changed_at) FROM (SELECT json_extract(COALESCE(old_value, '{}'), "
        "'$.tag_uid') AS uid, changed_at FROM main.history "
        "WHERE what = 'tag' AND action = 'removed') WHERE uid IS NOT NULL AND uid <> '' "
        "GROUP BY uid")


def _their_rows(conn: sqlite3.Connection, spec: Keyed) -> None:
    """The view ``merge_theirs``: their rows of ``spec.table`` as they read here.

    Article ids and codebook versions are ours; ``their_id`` is their row id; rows of
    articles that were not merged (another text under the same id) are left out.
    """
    # A file merged in place may lack a column a later migration added (READ_ALIKE).
    present = {str(row[1]) for row in conn.execute(f"PRAGMA other.table_info({spec.table})")}
    mapped = ", ".join(
        "a.ours AS article_id" if c == "article_id"
        else "COALESCE(v.ours, t.codebook_version) AS codebook_version" if c == "codebook_version"
        else f"t.{c}" if c in present else f"NULL AS {c}" for c in spec.columns)
    conn.execute("DROP VIEW IF EXISTS temp.merge_theirs")
    conn.execute(
        f"CREATE TEMP VIEW merge_theirs AS SELECT t.{spec.row_id} AS their_id, {mapped} "
        f"FROM other.{spec.table} t JOIN temp.merge_articles a ON a.theirs = t.article_id "
        "LEFT JOIN temp.merge_versions v ON v.theirs = t.codebook_version")


def plan_rows(conn: sqlite3.Connection, spec: Keyed,
              owners: Collection[str] | None = None) -> dict[str, int]:
    """Fill ``merge_rows`` with what to do with each of their rows; counts per action.

    Actions: ``insert`` (no match here), ``removed`` (no match, but removed here after
    their last edit), ``update`` (theirs is the later edit), ``kept`` (ours is), ``tie``
    (both edited at the same time: see :func:`settle_ties`).  Rows equal to ours, or of
    another owner, are left out.  ``owners`` (for a table with an owner): everyone with
    a row here; a row of theirs owned by anyone else is matched by its uid alone, as its
    key (which holds the owner) matches nothing here.
    """
    _their_rows(conn, spec)
    conn.execute("DROP TABLE IF EXISTS temp.merge_rows")
    conn.execute("CREATE TEMP TABLE merge_rows (their_id INTEGER PRIMARY KEY, target INTEGER, "
                 "action TEXT NOT NULL)")
    natural = " AND ".join(
        f"COALESCE(k.{c}, '') = COALESCE(s.{c}, '')" if c in _FOLDED else f"k.{c} = s.{c}"
        for c in spec.natural)
    same = " AND ".join(f"s.{c} IS m.{c}" for c in spec.mutable)
    # A removal at the very moment of the last edit removes (as remove_their_removed).
    unmatched = ("CASE WHEN (SELECT r.removed_at FROM temp.merge_removed r "
                 f"WHERE r.tag_uid = s.{spec.uid}) >= s.updated_at THEN 'removed' "
                 "ELSE 'insert' END" if spec.removable else "'insert'")
    other_owner = f"WHEN m.{spec.owner} IS NOT s.{spec.owner} THEN NULL " if spec.owner else ""
    by_key = f"(SELECT k.{spec.row_id} FROM main.{spec.table} k WHERE {natural})"
    if spec.owner and owners is not None:
        by_key = (f"CASE WHEN s.{spec.owner} IN (SELECT value FROM json_each(?)) "
                  f"THEN {by_key} END")
    conn.execute(
        "INSERT INTO temp.merge_rows (their_id, target, action) SELECT * FROM ("
        f"SELECT s.their_id, m.{spec.row_id} AS target, CASE "
        f"WHEN m.{spec.row_id} IS NULL THEN {unmatched} WHEN {same} THEN NULL {other_owner}"
        "WHEN s.updated_at > m.updated_at THEN 'update' "
        "WHEN s.updated_at < m.updated_at THEN 'kept' ELSE 'tie' END AS action "
        f"FROM temp.merge_theirs s LEFT JOIN main.{spec.table} m ON m.{spec.row_id} = COALESCE("
        f"(SELECT u.{spec.row_id} FROM main.{spec.table} u WHERE u.{spec.uid} = s.{spec.uid}), "
        f"{by_key})) WHERE action IS NOT NULL",
        () if owners is None or not spec.owner else (json.dumps(sorted(owners)),))
    return _counts(conn)


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many of their rows ``merge_rows`` holds per action."""
    return {str(action): int(count) for action, count in conn.execute(
        "SELECT action, COUNT(*) FROM temp.merge_rows GROUP BY action")}


def settle_ties(conn: sqlite3.Connection, spec: Keyed) -> None:
    """Rows edited here and there at the same time: the content decides (both ways alike)."""
    columns = spec.columns
    ties = conn.execute(
        f"SELECT p.their_id, {', '.join(f's.{c}' for c in columns)}, "
        f"{', '.join(f'm.{c}' for c in columns)} FROM temp.merge_rows p "
        "JOIN temp.merge_theirs s ON s.their_id = p.their_id "
        f"JOIN main.{spec.table} m ON m.{spec.row_id} = p.target WHERE p.action = 'tie'"
    ).fetchall()
    decided = []
    for their_id, *values in ties:
        item = dict(zip(columns, values[:len(columns)], strict=True))
        mine = dict(zip(columns, values[len(columns):], strict=True))
        wins = newer(item["updated_at"], mine["updated_at"], json.dumps(item, sort_keys=True),
                     json.dumps(mine, sort_keys=True))
        decided.append(("update" if wins else "kept", their_id))
    conn.executemany("UPDATE temp.merge_rows SET action = ? WHERE their_id = ?", decided)


def apply_rows(conn: sqlite3.Connection, spec: Keyed) -> None:
    """Insert their new rows and apply their later edits (the history triggers record both)."""
    columns = ", ".join(spec.columns)
    selected = ", ".join(f"s.{c}" for c in spec.columns)
    conn.execute(f"INSERT INTO main.{spec.table} ({columns}) SELECT {selected} "
                 "FROM temp.merge_rows p JOIN temp.merge_theirs s ON s.their_id = p.their_id "
                 "WHERE p.action = 'insert' ORDER BY p.their_id")
    changed = (*spec.mutable, "updated_at")
    assignments = ", ".join(f"{c} = s.{c}" for c in changed)
    repeated = ("(SELECT target FROM temp.merge_rows WHERE action = 'update' "
                "GROUP BY target HAVING COUNT(*) > 1)")
    # A row of ours that only one of theirs updates: all at once.
    conn.execute(
        f"UPDATE main.{spec.table} AS m SET {assignments} FROM temp.merge_rows p "
        "JOIN temp.merge_theirs s ON s.their_id = p.their_id "
        f"WHERE p.action = 'update' AND m.{spec.row_id} = p.target "
        f"AND p.target NOT IN {repeated}")
    # One that several of theirs update (their file holds the same row twice, once by
    # uid and once by its key): one after another in their order, each recorded.
    rows = conn.execute(
        f"SELECT p.target, {', '.join(f's.{c}' for c in changed)} FROM temp.merge_rows p "
        "JOIN temp.merge_theirs s ON s.their_id = p.their_id WHERE p.action = 'update' "
        f"AND p.target IN {repeated} ORDER BY p.their_id").fetchall()
    setting = ", ".join(f"{c} = ?" for c in changed)
    for target, *values in rows:
        conn.execute(f"UPDATE main.{spec.table} SET {setting} WHERE {spec.row_id} = ?",
                     (*values, target))


def settle_fields(conn: sqlite3.Connection, single_fields: list[str],
                  owners: Collection[str]) -> int:
    """After a merge one annotator may hold two values of a single-choice field, or
    values beside "coded, none": the latest edit decides.  Returns how many went.

    ``owners``: everyone with a tag (or a status) here before the merge.  Only their
    fields can be crowded by a tag of theirs meeting one of ours, so only their rows are
    looked up here one by one; anyone else's tags here all came from their file, so
    these can be crowded only where their file already is, which one pass over their
    key index finds (the look-ups took 15 s for 6,000,000 tags at 1,000,000 articles,
    when no annotator was in both files).
    """
    conn.execute("CREATE TEMP TABLE merge_crowded (article_id TEXT, annotator TEXT, "
                 "field TEXT, PRIMARY KEY (article_id, annotator, field)) WITHOUT ROWID")
    who = json.dumps(sorted(owners))
    # Their tags of those annotators only, found from their annotator index: reading
    # every row of theirs to pick these cost as much as the look-ups.
    conn.execute(
        "INSERT OR IGNORE INTO temp.merge_crowded (article_id, annotator, field) "
        "SELECT a.ours, s.annotator, s.field FROM other.tags s "
        "JOIN temp.merge_rows p ON p.their_id = s.tag_id "
        "JOIN temp.merge_articles a ON a.theirs = s.article_id "
        "WHERE s.annotator IN (SELECT value FROM json_each(?)) "
        "AND p.action IN ('insert', 'update') "
        "AND (SELECT COUNT(*) FROM main.tags t WHERE t.article_id = a.ours "
        "AND t.annotator = s.annotator AND t.field = s.field) > 1", (who,))
    # A group crowded in their file that did not come in whole is looked at for nothing:
    # the removal below counts the tags here.
    conn.execute(
        "INSERT OR IGNORE INTO temp.merge_crowded (article_id, annotator, field) "
        "SELECT a.ours, c.annotator, c.field FROM (SELECT t.article_id, t.annotator, "
        "t.field FROM other.tags t "
        "GROUP BY t.article_id, t.annotator, t.field HAVING COUNT(*) > 1 "
        "AND (t.field IN (SELECT value FROM json_each(?1)) OR MAX(t.value IS NULL))) c "
        "JOIN temp.merge_articles a ON a.theirs = c.article_id "
        "WHERE c.annotator NOT IN (SELECT value FROM json_each(?2))",
        (json.dumps(single_fields), who))
    if conn.execute("SELECT 1 FROM temp.merge_crowded LIMIT 1").fetchone() is None:
        return 0
    return int(conn.execute(
        "DELETE FROM main.tags WHERE tag_id IN (SELECT tag_id FROM ("
        "SELECT t.tag_id, t.field, t.value, FIRST_VALUE(t.tag_id) OVER w AS latest, "
        "FIRST_VALUE(t.value) OVER w AS latest_value FROM temp.merge_crowded g "
        "CROSS JOIN main.tags t ON t.article_id = g.article_id AND t.annotator = g.annotator "
        "AND t.field = g.field WINDOW w AS (PARTITION BY t.article_id, t.annotator, t.field "
        "ORDER BY t.updated_at DESC, t.tag_uid DESC)) WHERE tag_id <> latest AND ("
        "field IN (SELECT value FROM json_each(?)) OR value IS NULL OR latest_value IS NULL))",
        (json.dumps(single_fields),)).rowcount)


def merge_keyed(conn: sqlite3.Connection, spec: Keyed,
                owners: Collection[str] | None = None) -> dict[str, int]:
    """Plan, settle ties and apply their rows of one table; counts per action
    (``owners``: see :func:`plan_rows`)."""
    counts = plan_rows(conn, spec, owners)
    if counts.get("tie"):
        settle_ties(conn, spec)
        counts = _counts(conn)
    apply_rows(conn, spec)
    return counts


# -- statuses, comments, history ------------------------------------------------------------
def merge_statuses(conn: sqlite3.Connection) -> int:
    """Their statuses where ours is missing or an earlier edit; how many changed.

    In article order, read from the article map's key and their statuses' key: our
    status key and the history's article index then take the new rows in one pass.  In
    their row order (one annotator after another, as a team's files are often filled),
    each annotator's statuses walked both indexes again: 72 s for 3,000,000 statuses at
    1,000,000 articles, 13 times the 5.5 s at 250,000.
    """
    return int(conn.execute(
        "INSERT INTO main.article_status (article_id, annotator, status, updated_at) "
        "SELECT a.ours, s.annotator, s.status, s.updated_at FROM other.article_status s "
        "JOIN temp.merge_articles a ON a.theirs = s.article_id "
        "LEFT JOIN main.article_status m ON m.article_id = a.ours AND m.annotator = s.annotator "
        "WHERE m.article_id IS NULL OR (m.status <> s.status AND (s.updated_at > m.updated_at "
        "OR (s.updated_at = m.updated_at AND s.status > m.status))) "
        "ORDER BY a.theirs, s.annotator "
        "ON CONFLICT (article_id, annotator) DO UPDATE SET status = excluded.status, "
        "updated_at = excluded.updated_at").rowcount)


def merge_comments(conn: sqlite3.Connection) -> int:
    """Their comments not here yet (by comment uid); how many came in."""
    return int(conn.execute(
        "INSERT OR IGNORE INTO main.comments (comment_uid, article_id, author, text, "
        "created_at) SELECT c.comment_uid, a.ours, c.author, c.text, c.created_at "
        "FROM other.comments c JOIN temp.merge_articles a ON a.theirs = c.article_id "
        "ORDER BY c.rowid").rowcount)


def merge_history(conn: sqlite3.Connection) -> int:
    """Their history entries not here yet (equal in every column), in their order."""
    columns = ", ".join(_HISTORY_COLUMNS)
    mapped = ", ".join("a.ours" if c == "article_id" else f"h.{c}" for c in _HISTORY_COLUMNS)
    equal = " AND ".join(f"m.{c} IS h.{c}" for c in _HISTORY_COLUMNS
                         if c not in ("article_id", "annotator"))
    return int(conn.execute(
        f"INSERT INTO main.history ({columns}) SELECT {mapped} FROM other.history h "
        "JOIN temp.merge_articles a ON a.theirs = h.article_id WHERE NOT EXISTS (SELECT 1 "
        "FROM main.history m WHERE m.article_id = a.ours AND m.annotator = h.annotator "
        f"AND {equal}) GROUP BY {mapped} ORDER BY MIN(h.change_id)").rowcount)


def their_annotators(conn: sqlite3.Connection) -> list[str]:
    """Everyone with a tag or a status in their file (from their annotator indexes)."""
    return annotators(conn, "other")


def their_people(conn: sqlite3.Connection) -> list[str]:
    """Every annotator, reviewer and comment author named in their file."""
    return sorted(set(annotators(conn, "other")) | {str(a) for (a,) in conn.execute(
        "SELECT reviewer FROM other.adjudications UNION SELECT author FROM other.comments")})


def their_unusual_article_ids(conn: sqlite3.Connection) -> list[str]:
    """Their article ids with a character outside ASCII letters, digits and ``-_.``.

    Only these can break our name rules, and checking them alone keeps a merge of
    100,000 plain ids (file stems) from checking each one in Python.
    """
    return [str(a) for (a,) in conn.execute(
        "SELECT article_id FROM other.articles WHERE article_id GLOB '*[^-_.A-Za-z0-9]*'")]


# -- the participants registry --------------------------------------------------------------
_ENTRY = ("kind", "name_en", "name_fa", "name_ar", "aliases", "country", "office_en",
          "office_fa", "office_ar", "updated_at", "updated_by", "retired_at", "merged_into")


def merge_participants(conn: sqlite3.Connection) -> tuple[int, int]:
    """Their registry entries new here, and their corrections; (added, corrected).

    An entry of theirs replaces ours only when they corrected, retired or merged it
    (``updated_at`` set) later than we did (the same moment: settled by content, so
    every order agrees); an entry as it was added never overrides ours.  Tags that
    name an entry merged into another are re-pointed afterwards (see
    :func:`~.registry.follow_merges`).
    """
    columns = ("participant_id", "kind", "name_en", "name_fa", "name_ar", "aliases", "country",
               "office_en", "office_fa", "office_ar", "added_by", "added_at", *_ENTRY[-4:])
    # A file merged in place may lack 0008's columns (READ_ALIKE): as added, never corrected.
    present = {str(row[1]) for row in conn.execute("PRAGMA other.table_info(participants)")}
    listed = ", ".join(columns)
    selected = ", ".join(c if c in present else f"NULL AS {c}" for c in columns)
    added = int(conn.execute(
        f"INSERT INTO main.participants ({listed}) SELECT {selected} FROM other.participants "
        "WHERE participant_id NOT IN (SELECT participant_id FROM main.participants) "
        "ORDER BY participant_id").rowcount)
    if "updated_at" not in present:
        return added, 0
    entry = ", ".join(_ENTRY)
    pairs = conn.execute(
        f"SELECT o.participant_id, {', '.join('o.' + c for c in _ENTRY)}, "
        f"{', '.join('m.' + c for c in _ENTRY)} FROM other.participants o "
        "JOIN main.participants m ON m.participant_id = o.participant_id "
        "WHERE o.updated_at IS NOT NULL AND (m.updated_at IS NULL "
        "OR o.updated_at >= m.updated_at)").fetchall()
    corrected = 0
    for participant_id, *values in pairs:
        theirs, ours = values[:len(_ENTRY)], values[len(_ENTRY):]
        if theirs == ours:
            continue
        at = _ENTRY.index("updated_at")
        if ours[at] is not None and theirs[at] == ours[at] and not newer(
                "", "", json.dumps(theirs), json.dumps(ours)):
            continue
        marks = ", ".join("?" * len(_ENTRY))
        conn.execute(f"UPDATE main.participants SET ({entry}) = ({marks}) "
                     "WHERE participant_id = ?", (*theirs, participant_id))
        corrected += 1
    return added, corrected


def merge_participant_history(conn: sqlite3.Connection) -> int:
    """Their registry history entries not here yet (by change uid), in their order."""
    if conn.execute("SELECT 1 FROM other.sqlite_master WHERE type = 'table' "
                    "AND name = 'participant_history'").fetchone() is None:
        return 0  # a file before 0008, merged in place
    columns = ("change_uid, changed_at, changed_by, action, participant_id, into_id, "
               "old_value, new_value, detail")
    return int(conn.execute(
        f"INSERT OR IGNORE INTO main.participant_history ({columns}) SELECT {columns} "
        "FROM other.participant_history ORDER BY change_id").rowcount)
