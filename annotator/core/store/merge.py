"""Merging a colleague's project file into this one.

Articles are matched by content hash (and article id), never by file name: the same text
under another id is the same article; another text under the same id is reported, not
mixed.  Tags, statuses, adjudications, comments, history, participants, samples and assignments
come in.  Registry entries come in by id; a colleague's correction, retirement or merge of
an entry replaces ours when it is the later one, their registry history comes in, and
every tag still naming an entry merged into another (theirs, coded before the merge
reached them, or ours) is re-pointed to it (:mod:`.registry`).
Rules: nothing of another annotator is overwritten by a different annotator; the same
tag edited on two machines keeps the later edit (the earlier stays in the history); a
tag the annotator removed here after the colleague's copy was last edited stays removed,
and a tag of ours that their history shows its annotator removed after our last edit of
it goes here too (a coder who cleared a field or untagged a value: the lead's file
follows).  A file is taken as saying a tag was removed only where its history records
that removal: a file that merely lacks a tag (another coder's file, an older copy)
removes nothing.  Merging the same file twice changes nothing, and the order of merges
does not matter.  Decisions whose annotators' values the merge changed are counted, to
be looked at again (:meth:`~.review.Review.rechecks`).

The colleague's file is never written.  When it is at this schema version, or lacks only
migrations that change no column (:data:`~.migrations.READ_ALIKE`), it is attached
read-only (a ``mode=ro`` URI) and read in place; otherwise it is copied (SQLite backup
API) to a temporary file, brought to this schema version there, and read from that
copy.  The merge is one transaction of set-based SQL (:mod:`.merge_sql`), committed only
after a backup of this project as it was before the merge (reason ``before-merge``) has
been made and checked.

A colleague may have coded with another codebook.  Before anything is written, the
fields, values and roles of their tags and adjudications that our active codebook does
not know are listed (:func:`unknown_in_colleague`); unless the caller accepts them, the
merge stops with :class:`UnknownValuesError`, which carries the list, and nothing is
merged: otherwise agreement would silently count values no codebook here defines.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.codebook import Codebook
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable, message_of, os_reason
from annotator.core.names import name_problem, shown
from annotator.core.safety.project_file import names_project
from annotator.core.store import merge_sql
from annotator.core.store.backups import Backups
from annotator.core.store.base import Store, now
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.files import read_only_uri, require_sqlite
from annotator.core.store.migrations import READ_ALIKE, migrations
from annotator.core.store.opening import upgrade_copy
from annotator.core.store.participants import Participants
from annotator.core.store.registry import Repointed, follow_merges
from annotator.core.store.review import Review
from annotator.core.store.samples import merge_attached as merge_samples
from annotator.core.store.search_index import Compacting, SearchIndex
from annotator.core.store.who_coded import annotators
from annotator.core.text import index_key

# The merge's page cache: a quarter of the project, at least 64 MiB and at most 2 GiB.
MERGE_CACHE_KIB = 64 * 1024
MERGE_CACHE_MAX_KIB = 2 * 1024 * 1024
MERGE_CACHE_SHARE = 4
UNKNOWN_SHOWN = 10  # unknown values named in an error line; the rest are counted


@dataclass(frozen=True)
class UnknownValue:
    """A field, value or role in a colleague's file that our active codebook does not know."""

    field: str
    value: str | None  # None: the whole field is unknown
    role: str | None = None  # set: the role is unknown (``value`` is then None)
    tags: int = 0  # how many of their tags and adjudications carry it

    def __str__(self) -> str:
        return self.message()

    def message(self) -> Translatable:
        if self.role is not None:
            what = Translatable("role '{role}' of field '{field}'", role=self.role,
                                field=self.field)
        elif self.value is None:
            what = Translatable("field '{field}'", field=self.field)
        else:
            what = Translatable("value '{value}' of field '{field}'", value=self.value,
                                field=self.field)
        if self.tags == 1:
            return Translatable("{what} ({count} tag)", what=what, count=self.tags)
        return Translatable("{what} ({count} tags)", what=what, count=self.tags)


class UnknownValuesError(AnnotatorError):
    """A merge stopped because the colleague's file holds values our codebook lacks.

    ``unknown`` lists them all (the message names the first :data:`UNKNOWN_SHOWN`), so
    that the window can show them and ask whether to merge anyway.
    """

    def __init__(self, source: str, unknown: list[UnknownValue]) -> None:
        self.source = source
        self.unknown = unknown
        super().__init__(Translatable(
            "{path}: {count} fields, values or roles that our codebook does not know: "
            "{unknown}; nothing was merged (to bring them in anyway: annotator merge "
            "--accept-unknown)", path=source, count=len(unknown),
            unknown=shown_list(unknown)))


def shown_list(unknown: list[UnknownValue], shown: int = UNKNOWN_SHOWN) -> Listing | str:
    """The first ``shown`` unknown values, and how many more there are (to fill into a
    :class:`~annotator.core.i18n.Translatable`)."""
    listed = Listing(item.message() for item in unknown[:shown])
    if len(unknown) > shown:
        return Translatable("{listed} and {count} more", listed=listed,
                            count=len(unknown) - shown)
    return listed


@dataclass
class MergeSummary:
    """What a merge brought in."""

    source: str
    articles_added: int = 0
    articles_matched: int = 0
    article_conflicts: list[str] = field(default_factory=list)
    tags_added: int = 0
    tags_updated: int = 0
    tags_kept: int = 0  # ours was newer, or removed here later
    tags_removed: int = 0  # removed here because their annotator removed them there
    rechecks: list[tuple[str, str]] = field(default_factory=list)  # (article, field) to look at
    statuses: int = 0
    adjudications: int = 0
    comments: int = 0
    participants: int = 0
    participants_corrected: int = 0  # their later corrections, retirements and merges
    registry_history: int = 0
    repointed: Repointed = field(default_factory=Repointed)
    history: int = 0
    samples: int = 0  # samples added or given a newer assignment
    annotators: list[str] = field(default_factory=list)
    unknown: list[UnknownValue] = field(default_factory=list)  # brought in, accepted
    index_notice: Translatable | None = None  # the search index could not be merged
    # Where the time went, in seconds: "merge" (reading theirs and writing here; of it
    # "articles", "tags", "statuses" and "history"), "backup" (the copy before it, in a
    # thread beside the merge where it can), "waited" (what the merge waited for the
    # backup after its own work).  Not shown; the bench reads it.
    seconds: dict[str, float] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out: list[str] = [
            Translatable("merged {path}", path=self.source),
            Translatable("articles: {added} added, {matched} already here",
                         added=self.articles_added, matched=self.articles_matched),
            Translatable("tags: {added} added, {updated} updated, {removed} removed, {kept} "
                         "kept as they were here (newer here or removed here)",
                         added=self.tags_added, updated=self.tags_updated,
                         removed=self.tags_removed, kept=self.tags_kept),
            Translatable("statuses: {statuses} changed; adjudications: {adjudications}; "
                         "comments: {comments}; participants: {participants} added; "
                         "history: {history} entries", statuses=self.statuses,
                         adjudications=self.adjudications, comments=self.comments,
                         participants=self.participants, history=self.history),
        ]
        if self.participants_corrected or self.repointed.any:
            out.append(Translatable(
                "participants registry: {corrected} entries corrected, retired or merged; "
                "{tags} tags now name the entry theirs was merged into",
                corrected=self.participants_corrected,
                tags=self.repointed.tags + self.repointed.adjudications
                + self.repointed.folded))
        if self.samples:
            out.append(Translatable("samples: {count} added or newly assigned",
                                    count=self.samples))
        if self.annotators:
            out.append(Translatable("annotators in the file: {names}",
                                    names=Listing(self.annotators)))
        if self.rechecks:
            listed = Listing(f"{article} {field_id}" for article, field_id
                             in self.rechecks[:UNKNOWN_SHOWN])
            out.append(Translatable(
                "decisions to look at again (their annotators' values changed since): "
                "{count}: {listed}", count=len(self.rechecks),
                listed=listed if len(self.rechecks) <= UNKNOWN_SHOWN else Translatable(
                    "{listed} and {count} more", listed=listed,
                    count=len(self.rechecks) - UNKNOWN_SHOWN)))
        for conflict in self.article_conflicts:
            out.append(Translatable("not merged: {conflict}", conflict=conflict))
        if self.unknown:
            out.append(Translatable("brought in although our codebook does not know them: "
                                    "{unknown}", unknown=shown_list(self.unknown)))
        if self.index_notice is not None:
            out.append(self.index_notice)
        return out


class Merge:
    """``project.merge``: bringing a colleague's project file into this one."""

    def __init__(self, store: Store, codebooks: Codebooks, participants: Participants,
                 backups: Backups, review: Review, search_index: SearchIndex) -> None:
        self._store = store
        self._search_index = search_index
        self._codebooks = codebooks
        self._participants = participants
        self._backups = backups
        self._review = review

    def from_file(self, other: str | Path, accept_unknown: bool = False,
                  backup: bool = True, compacting: Compacting | None = None) -> MergeSummary:
        """Merge the project file ``other`` into this project (one transaction).

        Raises :class:`UnknownValuesError` (nothing merged) when their tags carry fields,
        values or roles our active codebook does not know, unless ``accept_unknown``.
        ``backup`` False: the caller backed the project up just before (a sync merging
        several snapshots backs up once, before the first).

        A merge that brings in many articles beside ours (a colleague's corpus into a new
        project) ends, as such an import does, by merging the search index into one
        piece (:meth:`~annotator.core.store.search_index.SearchIndex.compact`; after the
        merge's transaction, which it does not touch); ``compacting`` is told how far.  Should
        that fail, the merge stands and its summary says so (``index_notice``).
        """
        other = Path(other)
        if names_project(other, self._store.path):
            raise AnnotatorError(Translatable("{path}: that is this project itself",
                                              path=other))
        if not other.is_file():
            raise AnnotatorError(Translatable("{path}: no such project file", path=other))
        require_sqlite(other, N_("nothing was merged"))
        summary = MergeSummary(str(other))
        with tempfile.TemporaryDirectory(prefix="annotator-merge-") as folder:
            self._attach_colleague(other, Path(folder))
            try:
                for article_id in merge_sql.their_unusual_article_ids(self._store.conn):
                    problem = name_problem(article_id, "article id")
                    if problem:
                        raise AnnotatorError(_bad_name(other, problem, article_id))
                for person in merge_sql.their_people(self._store.conn):
                    problem = name_problem(person, "name")
                    if problem:  # it would break listings and exports here
                        raise AnnotatorError(_bad_name(other, problem, person))
                unknown = unknown_in_colleague(self._store.conn, self._codebooks.active())
                if unknown and not accept_unknown:
                    raise UnknownValuesError(str(other), unknown)
                summary.unknown = unknown
                with _larger_cache(self._store.conn):
                    if backup:
                        self._merge_backed_up(summary)
                    else:
                        with self._store.write():
                            self._timed_merge(summary)
            finally:
                self._store.conn.execute("DETACH DATABASE other")
        # Their participants and codebooks came in: read them again.
        self._codebooks.reset_caches()
        self._participants.reset_caches()
        summary.index_notice = self._search_index.compact_if_due(summary.articles_added,
                                                                 compacting)
        return summary

    def _merge_backed_up(self, summary: MergeSummary) -> None:
        """The merge in one transaction, committed only once this project is backed up.

        In WAL mode the backup (a full copy, checked: about 10 s at 100,000 articles)
        runs in a thread beside the merge.  It starts inside the merge's write
        transaction, so it copies exactly the state before the merge, and it reads while
        the merge writes.  A failed backup rolls the merge back.  In another journal mode
        a reader would hold up the writer, so the backup comes first.
        """
        def backed_up() -> None:
            with _timed(summary, "backup"):
                self._backups.make("before-merge")

        if not _in_wal_mode(self._store.conn):
            backed_up()
            with self._store.write():
                self._timed_merge(summary)
            return
        with (ThreadPoolExecutor(1, thread_name_prefix="merge-backup") as pool,
              self._store.write()):
            made = pool.submit(backed_up)
            self._timed_merge(summary)
            with _timed(summary, "waited"):
                made.result()  # raises the backup's error: nothing is merged without it

    def _timed_merge(self, summary: MergeSummary) -> None:
        with _timed(summary, "merge"):
            self._merge_all(summary)

    def _attach_colleague(self, other: Path, folder: Path) -> None:
        """Attach their file as schema ``other``, where nothing can write to it.

        At this schema version (or one that reads alike) it is read in place (read-only);
        otherwise, or when it cannot be opened read-only, a copy in ``folder`` is checked
        and migrated.
        """
        conn = self._store.conn
        if _uri_attach(conn):
            try:
                conn.execute("ATTACH DATABASE ? AS other", (read_only_uri(other),))
            except sqlite3.Error:
                pass
            else:
                try:
                    if _reads_as_this_version(conn):
                        return
                except sqlite3.Error:
                    pass  # not a project, or damaged: the copy below says which
                conn.execute("DETACH DATABASE other")
        copy = folder / "colleague.sqlite"
        _copy_read_only(other, copy)
        # Checks it and brings it to our schema (in the copy: their file is only read).
        # Errors name their file, never the temporary copy the user has not heard of.
        try:
            upgrade_copy(copy)
            conn.execute("ATTACH DATABASE ? AS other", (str(copy),))
        except AnnotatorError as exc:
            raise AnnotatorError(_naming(message_of(exc), copy, other)) from None
        except sqlite3.Error as exc:
            raise AnnotatorError(Translatable(
                "{path}: cannot be read as a project ({reason}); nothing was merged",
                path=other, reason=exc)) from None

    def _merge_all(self, summary: MergeSummary) -> None:
        conn = self._store.conn
        merge_sql.drop_temp_tables(conn)
        flagged = set(self._review.rechecks())
        summary.participants, summary.participants_corrected = (
            merge_sql.merge_participants(conn))
        summary.registry_history = merge_sql.merge_participant_history(conn)
        self._participants.reset_caches()
        merge_sql.map_versions(conn, self._merge_codebooks())
        with _timed(summary, "articles"):
            matched, added, conflicts = merge_sql.map_articles(conn, index_key)
        summary.articles_matched, summary.articles_added = matched, added
        summary.article_conflicts = [
            Translatable("article '{id}' has a different text in the colleague's file (its "
                         "tags were not merged)", id=article_id) for article_id in conflicts]
        with _timed(summary, "tags"):
            self._merge_tags(summary)
        with _timed(summary, "statuses"):
            summary.statuses = merge_sql.merge_statuses(conn)
        counts = merge_sql.merge_keyed(conn, merge_sql.ADJUDICATIONS)
        summary.adjudications = counts.get("insert", 0) + counts.get("update", 0)
        summary.comments = merge_sql.merge_comments(conn)
        with _timed(summary, "history"):
            summary.history = merge_sql.merge_history(conn)
        summary.annotators = merge_sql.their_annotators(conn)
        summary.samples = merge_samples(conn)
        # Entries merged into others (here or there): their tags follow, wherever from.
        summary.repointed = follow_merges(conn, self._participant_fields(), now())
        merge_sql.drop_temp_tables(conn)
        summary.rechecks = sorted(set(self._review.rechecks()) - flagged)

    def _participant_fields(self) -> list[str]:
        return [f.id for f in self._codebooks.active().fields if f.type == "participants"]

    def _merge_codebooks(self) -> dict[int, int]:
        """Their codebook versions as ours; a codebook new here is kept, not made active."""
        conn = self._store.conn
        active = self._codebooks.active_version()
        ours = {source: version for version, source in conn.execute(
            "SELECT version, source_toml FROM main.codebooks")}
        mapping: dict[int, int] = {}
        for version, codebook_id, revision, source, loaded_at, loaded_from in conn.execute(
                "SELECT version, codebook_id, revision, source_toml, loaded_at, loaded_from "
                "FROM other.codebooks ORDER BY version").fetchall():
            if source not in ours:
                cursor = conn.execute(
                    "INSERT INTO main.codebooks (codebook_id, revision, source_toml, loaded_at, "
                    "loaded_from) VALUES (?,?,?,?,?)",
                    (codebook_id, revision, source, loaded_at, f"merged: {loaded_from}"))
                ours[source] = int(cursor.lastrowid or 0)
            mapping[int(version)] = ours[source]
        self._codebooks.activate(active)
        return mapping

    def _merge_tags(self, summary: MergeSummary) -> None:
        """Their tags: new ones added, later edits applied, then each field settled."""
        conn = self._store.conn
        ours = annotators(conn, "main")  # before theirs come in
        summary.tags_removed = merge_sql.remove_their_removed(conn)
        merge_sql.note_removed_tags(conn)
        counts = merge_sql.merge_keyed(conn, merge_sql.TAGS, ours)
        summary.tags_added = counts.get("insert", 0)
        summary.tags_updated = counts.get("update", 0)
        summary.tags_kept = counts.get("kept", 0) + counts.get("removed", 0)
        single = [f.id for f in self._codebooks.active().fields if f.type in ("single", "text")]
        merge_sql.settle_fields(conn, single, ours)


def unknown_in_colleague(conn: sqlite3.Connection, codebook: Codebook) -> list[UnknownValue]:
    """The fields, values and roles in attached ``other`` that ``codebook`` does not know.

    Their tags and adjudications are read (retired categories count as known; text
    and participant values are not checked here: their participants come in with the
    merge).  One entry per unknown field, or per unknown value or role of a known
    field, in field order, with the number of rows carrying it.

    Their distinct (field, value, role) are read first, and their rows counted only when
    something is unknown: a ``GROUP BY`` of every row sorts all of them (9.3 s for
    6,000,000 tags, where the distinct ones took 1.5 s), and usually nothing is unknown.
    """
    tables = {str(name) for (name,) in conn.execute(
        "SELECT name FROM other.sqlite_master WHERE type = 'table'")}
    counts: dict[tuple[str, str | None, str | None], int] = {}
    for table in ("tags", "adjudications"):
        if table not in tables:
            continue
        if not any(_unknown_keys(codebook, str(field_id), value, role)
                   for field_id, value, role in conn.execute(
                       f"SELECT DISTINCT field, value, role FROM other.{table}").fetchall()):
            continue
        for field_id, value, role, n in conn.execute(
                f"SELECT field, value, role, COUNT(*) FROM other.{table} "
                "GROUP BY field, value, role"):
            for key in _unknown_keys(codebook, str(field_id), value, role):
                counts[key] = counts.get(key, 0) + int(n)
    order = {f.id: number for number, f in enumerate(codebook.fields)}
    keys = sorted(counts, key=lambda k: (order.get(k[0], len(order)), k[0],
                                         k[1] or "", k[2] or ""))
    return [UnknownValue(f, v, r, counts[(f, v, r)]) for f, v, r in keys]


def _unknown_keys(codebook: Codebook, field_id: str, value: object,
                  role: object) -> list[tuple[str, str | None, str | None]]:
    if not codebook.has_field(field_id):
        return [(field_id, None, None)]
    spec = codebook.field(field_id)
    keys: list[tuple[str, str | None, str | None]] = []
    if (value is not None and spec.type in ("single", "multiple")
            and spec.category(str(value)) is None):
        keys.append((field_id, str(value), None))
    if role is not None and spec.role(str(role)) is None:
        keys.append((field_id, None, str(role)))
    return keys


def _naming(message: str, copy: Path, other: Path) -> str:
    """``message`` about the temporary ``copy`` made to name their file ``other``."""
    names = {str(copy.resolve()), str(copy)}
    if isinstance(message, Translatable):
        message = Translatable(message.message, **{
            key: other if str(value) in names else value
            for key, value in message.values.items()})
    else:
        for name in names:
            message = message.replace(name, str(other))
    if "nothing was merged" not in message:
        message = Translatable("{problem}; nothing was merged", problem=message)
    return message


def _bad_name(other: Path, problem: str, value: str) -> Translatable:
    """A colleague's file holds an article id or a name that would break listings here."""
    return Translatable("{path}: {problem} ({value}); nothing was merged", path=other,
                        problem=problem, value=shown(value))


@contextmanager
def _larger_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A larger page cache for the merge (:func:`merge_cache_kib`), the old size back after.

    The merge changes index pages all over a large file (a tag's uid is random, so its
    index takes each new tag at a random place); with a cache much smaller than those
    indexes, each page is written out and read back many times over, and the merge grows
    faster than the project: at 300,000 articles (1,800,000 tags into a 5 GB file) the
    tags' insert took 43.7 s with 64 MiB and 25.9 s with 1 GiB.
    """
    before = int(conn.execute("PRAGMA main.cache_size").fetchone()[0])
    conn.execute(f"PRAGMA main.cache_size = {-merge_cache_kib(conn)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA main.cache_size = {before}")


def merge_cache_kib(conn: sqlite3.Connection) -> int:
    """The merge's page cache in KiB: a :data:`MERGE_CACHE_SHARE`-th of this project's
    file, between :data:`MERGE_CACHE_KIB` and :data:`MERGE_CACHE_MAX_KIB`."""
    pages = int(conn.execute("PRAGMA main.page_count").fetchone()[0])
    size = int(conn.execute("PRAGMA main.page_size").fetchone()[0])
    share = pages * size // 1024 // MERGE_CACHE_SHARE
    return min(MERGE_CACHE_MAX_KIB, max(MERGE_CACHE_KIB, share))


def _in_wal_mode(conn: sqlite3.Connection) -> bool:
    return str(conn.execute("PRAGMA main.journal_mode").fetchone()[0]).lower() == "wal"


def _uri_attach(conn: sqlite3.Connection) -> bool:
    """Whether ATTACH takes URI file names here (SQLite built with ``USE_URI``).

    Without it ``file:...?mode=ro`` would name a new file rather than open theirs.
    """
    return any(option == "USE_URI" or option.startswith("USE_URI=1")
               for (option,) in conn.execute("PRAGMA compile_options"))


def _reads_as_this_version(conn: sqlite3.Connection) -> bool:
    """Whether the attached ``other`` is a project that reads as one at our schema version.

    That is: our migrations are applied there, but for some that change no column
    (:data:`READ_ALIKE`, such as a CHECK written another way), and none we do not know.
    """
    tables = {name for (name,) in conn.execute(
        "SELECT name FROM other.sqlite_master WHERE type = 'table'")}
    if not {"_sqlite_migrations", "articles"} <= tables:
        return False
    applied = set(migrations.applied(conn, "other"))
    ours = set(migrations.names)
    return applied <= ours and ours - applied <= READ_ALIKE


def _copy_read_only(source: Path, target: Path) -> None:
    """Copy a project file without writing to it (it may be a colleague's or read-only)."""
    try:
        reader = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            writer = sqlite3.connect(target)
            with writer:
                reader.backup(writer)
            writer.close()
        finally:
            reader.close()
    except sqlite3.DatabaseError:
        # A WAL file beside a read-only copy cannot be opened read-only: copy the files.
        shutil.copyfile(source, target)
        for suffix in ("-wal",):
            extra = Path(str(source) + suffix)
            if extra.exists():
                shutil.copyfile(extra, Path(str(target) + suffix))
    except OSError as exc:
        raise AnnotatorError(Translatable("{path}: cannot read ({reason})", path=source,
                                          reason=os_reason(exc))) from None


@contextmanager
def _timed(summary: MergeSummary, part: str) -> Iterator[None]:
    """Add the seconds the block takes to ``summary.seconds[part]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        summary.seconds[part] = summary.seconds.get(part, 0.0) + time.perf_counter() - start
