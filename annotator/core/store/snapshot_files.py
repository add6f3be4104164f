"""Team snapshot files: their names, how one is written from a project and read back.

:mod:`.team` publishes and merges them; this module knows the files themselves.  A
snapshot (``NAME.annotator-snapshot``) or the lead's articles file
(``LEAD.annotator-articles``) is a gzip-compressed SQLite file holding the rows its
annotator owns (:data:`_ROWS`), labelled in ``project_settings`` (``snapshot_*``).  It is
written through the project's own connection (the new file attached to it), checked
(``quick_check``) and, when read, decompressed into a private file and checked again.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import sqlite3
import zlib
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable, message_of, os_reason
from annotator.core.store import search_parts
from annotator.core.store.base import now
from annotator.core.store.statuses import recount_sql

SUFFIX = ".annotator-snapshot"
ARTICLES_SUFFIX = ".annotator-articles"  # the lead's articles file
FORMAT = "2"  # 2: snapshots without the articles' text, and the lead's articles file
READ_FORMATS = frozenset({"1", "2"})  # a version-1 snapshot carries its articles' text
# gzip levels: a snapshot is written at every sync (level 1: about 2.5 times as fast as
# 6 on tag rows, a fifth larger); the articles file rarely, and it is the large transfer.
COMPRESS_LEVEL = 1
ARTICLES_COMPRESS_LEVEL = 6
LEAD, MEMBER, ARTICLES = "lead", "annotator", "articles"
_UNSAFE = set('/\\:*?"<>|%')


def snapshot_name(annotator: str) -> str:
    """The snapshot file name of ``annotator``: their name, with characters no file
    system takes written as ``%XX``."""
    safe = "".join(f"%{ord(c):02X}" if c in _UNSAFE or ord(c) < 32 else c for c in annotator)
    if safe.startswith("."):
        safe = "%2E" + safe[1:]
    return safe + SUFFIX


def articles_name(lead: str) -> str:
    """The file name of the articles file of the lead ``lead``."""
    return snapshot_name(lead)[:-len(SUFFIX)] + ARTICLES_SUFFIX


def snapshots(folder: str | Path) -> list[Path]:
    """The snapshot files in ``folder``, sorted by name."""
    folder = team_folder(folder)
    return sorted(p for p in folder.iterdir()
                  if p.name.endswith(SUFFIX) and not p.name.startswith("."))


def read_snapshot(snapshot: Path, copy: Path, team: str | None) -> dict[str, str]:
    """Decompress and check ``snapshot`` into ``copy``; its settings.

    Raises :class:`AnnotatorError` saying why it cannot be read as a whole snapshot
    of this team (``team`` None: any team's).
    """
    try:
        decompress(snapshot, copy)
    except (EOFError, zlib.error) as exc:
        raise AnnotatorError(Translatable(
            "incomplete ({reason}): still being written or synced, or cut short",
            reason=str(exc) or type(exc).__name__)) from None
    except gzip.BadGzipFile:
        raise AnnotatorError(Translatable("not a snapshot (not a compressed project)")) \
            from None
    except OSError as exc:
        raise AnnotatorError(Translatable("cannot read it ({reason})",
                                          reason=os_reason(exc))) from None
    try:
        conn = sqlite3.connect(copy)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            settings = dict(conn.execute(
                "SELECT key, value FROM project_settings WHERE key LIKE 'snapshot_%' "
                "OR key = 'active_codebook'"))
            if settings.get("active_codebook"):
                (source,) = conn.execute(
                    "SELECT source_toml FROM codebooks WHERE version = ?",
                    (int(settings["active_codebook"]),)).fetchone()
                settings["codebook_source"] = source
        finally:
            conn.close()
    except (sqlite3.Error, TypeError, ValueError) as exc:
        raise AnnotatorError(Translatable("not a snapshot ({reason})", reason=exc)) \
            from None
    if ok != "ok":
        raise AnnotatorError(Translatable("damaged ({reason})", reason=ok))
    if (settings.get("snapshot_format") not in READ_FORMATS
            or not settings.get("snapshot_annotator")):
        raise AnnotatorError(Translatable("not a team snapshot (a project file?)"))
    named = (articles_name if settings.get("snapshot_role") == ARTICLES
             else snapshot_name)(settings["snapshot_annotator"])
    if named != snapshot.name:
        raise AnnotatorError(Translatable(
            "foreign: it holds the snapshot of {name}, under another name",
            name=settings["snapshot_annotator"]))
    if team is not None and settings.get("snapshot_team") != team:
        raise AnnotatorError(Translatable("foreign: a snapshot of another team"))
    return settings


def find_lead(folder: str | Path, work: Path) -> tuple[list[Path], dict[str, str]]:
    """The lead's snapshot in ``folder``, decompressed and checked into ``work``: the
    files to merge, in order (the lead's articles file, then the snapshot), and the
    snapshot's settings."""
    for snapshot in snapshots(folder):
        copy = work / "lead.sqlite"
        try:
            digest = sha256(snapshot)  # before reading: a newer file is merged again later
            settings = read_snapshot(snapshot, copy, None)
        except (AnnotatorError, OSError):
            continue  # torn, foreign or unreadable: not the one to join from
        if settings.get("snapshot_role") != LEAD:
            continue
        settings["snapshot_file"] = snapshot.name
        settings["snapshot_digest"] = digest
        if settings.get("snapshot_text", "1") == "1":
            return [copy], settings  # a version-1 snapshot carries the text itself
        texts = team_folder(folder) / articles_name(settings["snapshot_annotator"])
        try:
            articles = work / "articles.sqlite"
            found = read_snapshot(texts, articles, settings.get("snapshot_team"))
            if found.get("snapshot_role") != ARTICLES:
                raise AnnotatorError(Translatable("not a team snapshot (a project file?)"))
        except AnnotatorError as exc:
            raise AnnotatorError(Translatable(
                "{path}: the lead's articles file cannot be read yet ({reason}); try again "
                "once the team folder has finished syncing", path=texts,
                reason=message_of(exc))) from None
        except OSError as exc:
            raise AnnotatorError(Translatable(
                "{path}: the lead's articles file cannot be read yet ({reason}); try again "
                "once the team folder has finished syncing", path=texts,
                reason=os_reason(exc))) from None
        settings["articles_file"] = texts.name
        settings["articles_digest"] = sha256(texts)
        return [articles, copy], settings
    raise AnnotatorError(Translatable("{path}: no lead's snapshot in this folder (the lead "
                                      "runs annotator sync there first)", path=folder))


def team_folder(folder: str | Path) -> Path:
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise AnnotatorError(Translatable("{path}: no such folder", path=path))
    return path


# What each snapshot takes of a table (a WHERE clause on it; ?1 is the annotator); a table
# not named here is copied whole into the lead's snapshot and left empty in an annotator's.
_MINE_ARTICLES = ("article_id IN (SELECT article_id FROM main.tags WHERE annotator = ?1 "
                  "UNION SELECT article_id FROM main.article_status WHERE annotator = ?1 "
                  "UNION SELECT article_id FROM main.comments WHERE author = ?1)")
_ROWS: dict[str, dict[str, str | None]] = {
    LEAD: {"tags": "annotator = ?1", "article_status": "annotator = ?1",
           "history": "annotator = ?1 OR what = 'adjudication'"},
    MEMBER: {"tags": "annotator = ?1", "article_status": "annotator = ?1",
             "history": "annotator = ?1 AND what <> 'adjudication'",
             "comments": "author = ?1", "articles": _MINE_ARTICLES, "adjudications": None,
             "samples": None, "sample_articles": None, "assignments": None},
    ARTICLES: {"tags": None, "article_status": None, "history": None, "comments": None},
}
# Kept out of every snapshot: each project makes its own.  The status counts are counted
# anew from the statuses the snapshot holds (:data:`_RECOUNT`).
for _rules in _ROWS.values():
    _rules["article_sketches"] = _rules["article_anchors"] = _rules["status_counts"] = None
_RECOUNT = recount_sql("snapshot")
_EVERYTHING = ("_sqlite_migrations", "project_settings", "codebooks", "participants",
               "participant_history", "articles", "tags", "article_status", "comments",
               "history")
# The search index is rebuilt by whoever merges the articles in: its first part is left
# empty, the others (and every part's own tables) are not copied.
_SEARCH = search_parts.FIRST_PART


def copy_owned(conn: sqlite3.Connection, copy: Path, annotator: str, role: str) -> None:
    """Write into the new file ``copy`` the project's schema and the rows ``annotator``
    owns (:data:`_ROWS`), read through the project's own connection.

    Tables first, then the rows (parents before children, so that foreign keys hold),
    then the indexes and triggers (the history triggers must not fire on the copying).
    """
    schema = conn.execute(
        "SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    shadow = {str(name) for kind, name, _sql in schema
              if kind == "table" and str(name).startswith((_SEARCH + "_",
                                                           search_parts.PART_PREFIX))}
    tables = [(str(name), str(sql)) for kind, name, sql in schema
              if kind == "table" and name not in shadow]
    later = [str(sql) for kind, name, sql in schema if kind in ("index", "trigger", "view")]
    writer = sqlite3.connect(copy, isolation_level=None)
    try:
        writer.execute("PRAGMA journal_mode = DELETE")
        writer.executescript(";\n".join(sql for _name, sql in tables) + ";")
    finally:
        writer.close()
    rules = _ROWS[role]
    order = [t for t in _EVERYTHING if t in dict(tables)]
    order += [name for name, _sql in tables if name not in order and name != _SEARCH]
    conn.execute("ATTACH DATABASE ? AS snapshot", (str(copy),))
    try:
        conn.execute("BEGIN")
        try:
            for table in order:
                if table in rules:
                    where = rules[table]
                elif role == LEAD or table in _EVERYTHING:
                    where = "1"
                else:
                    where = None
                if where is None:
                    continue
                columns = "*"
                if table == "articles" and role != ARTICLES:  # the text is the articles file's
                    columns = ", ".join("''" if name == "body" else f'"{name}"' for (name,) in
                                        conn.execute("SELECT name FROM pragma_table_info(?)",
                                                     (table,)))
                conn.execute(f'INSERT INTO snapshot."{table}" SELECT {columns} '
                             f'FROM main."{table}" WHERE {where}',
                             (annotator,) if "?1" in where else ())
            if "status_counts" in dict(tables):
                conn.execute(_RECOUNT)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE snapshot")
    writer = sqlite3.connect(copy, isolation_level=None)
    try:
        writer.executescript(";\n".join(later) + ";")
    finally:
        writer.close()


def remove_articles(copy: Path, article_ids: list[str]) -> None:
    """Delete ``article_ids`` and every row on them from the private copy ``copy``."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        tables = [str(name) for (name,) in conn.execute(
            "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 "
            "FROM pragma_table_info(m.name) c WHERE c.name = 'article_id') "
            "AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'articles'")]
        conn.execute("BEGIN")
        conn.execute("CREATE TEMP TABLE gone (article_id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO gone VALUES (?)", [(a,) for a in article_ids])
        for table in [*tables, "articles"]:
            conn.execute(f'DELETE FROM "{table}" WHERE article_id IN (SELECT article_id '
                         "FROM temp.gone)")
        conn.execute("COMMIT")
    finally:
        conn.close()


def label(copy: Path, annotator: str, role: str, team: str) -> None:
    """Label ``copy`` a snapshot of ``annotator`` in ``team``, and check it."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM project_settings WHERE key LIKE 'team_merged:%' "
                     "OR key LIKE 'team_published:%' OR key LIKE 'last_article:%'")
        conn.executemany(
            "INSERT INTO project_settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
            "DO UPDATE SET value = excluded.value",
            [("snapshot_format", FORMAT), ("snapshot_annotator", annotator),
             ("snapshot_role", role), ("snapshot_team", team), ("snapshot_made_at", now()),
             ("snapshot_text", "1" if role == ARTICLES else "0")])
        conn.execute("COMMIT")
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
    if ok != "ok":
        raise AnnotatorError(Translatable("the snapshot failed its check ({reason}); nothing "
                                          "was published", reason=ok))


def decompress(source: Path, target: Path) -> None:
    with gzip.open(source, "rb") as compressed, open(target, "wb") as out:
        shutil.copyfileobj(compressed, out, 1 << 20)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sync_folder(folder: Path) -> None:
    """Make the rename durable (where the system allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
