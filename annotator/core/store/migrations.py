"""The project file's schema, as numbered migrations (run by sqlite-utils: :mod:`~.migration_set`).

Each migration runs once, in order, inside a transaction, and is recorded in
``_sqlite_migrations``.  Never edit a migration that has shipped: add the next one.
Tables and columns are named in the analyst's words so the file reads well in any
SQLite tool; the README describes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.store import schema_edit
from annotator.core.store.migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "annotator"
migrations = MigrationSet(MIGRATION_SET)

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE project_settings (
            key TEXT PRIMARY KEY,
            value TEXT
        );

        CREATE TABLE codebooks (
            version INTEGER PRIMARY KEY,       -- 1, 2, ... : each codebook change adds one
            codebook_id TEXT NOT NULL,
            revision TEXT NOT NULL,
            source_toml TEXT NOT NULL,         -- the codebook file's text, exactly
            loaded_at TEXT NOT NULL,
            loaded_from TEXT
        );

        CREATE TABLE articles (
            article_no INTEGER PRIMARY KEY,    -- import order; row number of the search index
            article_id TEXT NOT NULL UNIQUE,   -- stable id from the source (id column, file stem)
            title TEXT NOT NULL,
            body TEXT NOT NULL,                -- canonical text (NFC, \\n); never changes
            language TEXT NOT NULL CHECK (language IN ('fa', 'ar', 'other')),
            outlet TEXT,
            url TEXT,
            published TEXT,                    -- ISO date (Gregorian) when known
            published_original TEXT,           -- the date as the source wrote it
            source_path TEXT,
            content_hash TEXT NOT NULL UNIQUE, -- sha256 of title and body
            imported_at TEXT NOT NULL
        );

        -- Search index over the search keys (folded spelling) of title and body.
        CREATE VIRTUAL TABLE article_search USING fts5(
            title_key, body_key, content='', tokenize='unicode61 remove_diacritics 0'
        );

        CREATE TABLE participants (
            participant_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('person', 'institution', 'country')),
            name_en TEXT,
            name_fa TEXT,
            name_ar TEXT,
            aliases TEXT NOT NULL DEFAULT '[]', -- JSON list of other spellings
            country TEXT,
            office_en TEXT,
            office_fa TEXT,
            office_ar TEXT,
            added_by TEXT,                      -- NULL: from the bundled registry
            added_at TEXT NOT NULL
        );

        CREATE TABLE tags (
            tag_id INTEGER PRIMARY KEY,
            tag_uid TEXT NOT NULL UNIQUE,       -- stays the same across merged files
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            annotator TEXT NOT NULL,
            field TEXT NOT NULL,                -- codebook field id
            value TEXT,                -- category/participant id or text; NULL = coded, none
            participant TEXT REFERENCES participants(participant_id), -- who voiced a demand
            role TEXT,                          -- a participant's role (participants field)
            span_start INTEGER,                 -- evidence: code-point offsets into the body
            span_end INTEGER,
            quote TEXT,                         -- evidence: the quoted text, body[start:end]
            note TEXT,
            codebook_version INTEGER REFERENCES codebooks(version),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (value IS NULL OR value <> ''),
            CHECK ((span_start IS NULL) = (span_end IS NULL)
                   AND (span_start IS NULL) = (quote IS NULL)),
            CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start))
        );
        CREATE UNIQUE INDEX tags_one_value ON tags(
            article_id, annotator, field, COALESCE(value, ''), COALESCE(participant, '')
        );
        CREATE INDEX tags_by_annotator ON tags(annotator, article_id);

        CREATE TABLE article_status (
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            annotator TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('not_started', 'in_progress', 'done', 'skipped')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (article_id, annotator)
        );
        CREATE INDEX article_status_by_annotator ON article_status(annotator, status);

        -- Every change to a tag or a status, with the old and new row as JSON.
        CREATE TABLE history (
            change_id INTEGER PRIMARY KEY,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('added', 'changed', 'removed')),
            what TEXT NOT NULL CHECK (what IN ('tag', 'status', 'adjudication')),
            article_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            field TEXT,
            old_value TEXT,
            new_value TEXT
        );
        CREATE INDEX history_by_article ON history(article_id, annotator);

        CREATE TRIGGER tags_added AFTER INSERT ON tags BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, field, new_value)
            VALUES (NEW.updated_at, NEW.annotator, 'added', 'tag', NEW.article_id,
                    NEW.annotator, NEW.field, {_tag_json("NEW")});
        END;
        CREATE TRIGGER tags_changed AFTER UPDATE ON tags BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, field, old_value, new_value)
            VALUES (NEW.updated_at, NEW.annotator, 'changed', 'tag', NEW.article_id,
                    NEW.annotator, NEW.field, {_tag_json("OLD")}, {_tag_json("NEW")});
        END;
        CREATE TRIGGER tags_removed AFTER DELETE ON tags BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, field, old_value)
            VALUES ({_NOW}, OLD.annotator, 'removed', 'tag', OLD.article_id,
                    OLD.annotator, OLD.field, {_tag_json("OLD")});
        END;
        CREATE TRIGGER status_added AFTER INSERT ON article_status BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, new_value)
            VALUES (NEW.updated_at, NEW.annotator, 'added', 'status', NEW.article_id,
                    NEW.annotator, NEW.status);
        END;
        CREATE TRIGGER status_changed AFTER UPDATE OF status ON article_status
        WHEN OLD.status IS NOT NEW.status BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, old_value, new_value)
            VALUES (NEW.updated_at, NEW.annotator, 'changed', 'status', NEW.article_id,
                    NEW.annotator, OLD.status, NEW.status);
        END;
        """
    )


def _tag_json(row: str, columns: tuple[str, ...] = (
        "tag_uid", "value", "participant", "role", "span_start", "span_end", "quote", "note",
        "codebook_version")) -> str:
    pairs = ", ".join(f"'{c}', {row}.{c}" for c in columns)
    return f"json_object({pairs})"


@migrations(name="0002_review")
def m0002_review(db: Database) -> None:
    db.executescript(
        """
        -- A reviewer's final (adjudicated) tags; annotators' own tags are never changed.
        CREATE TABLE adjudications (
            adjudication_id INTEGER PRIMARY KEY,
            adjudication_uid TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            field TEXT NOT NULL,
            value TEXT,                         -- NULL = adjudicated as none
            participant TEXT REFERENCES participants(participant_id),
            role TEXT,
            span_start INTEGER,
            span_end INTEGER,
            quote TEXT,
            source_annotator TEXT,              -- whose value was accepted; NULL = set by reviewer
            reviewer TEXT NOT NULL,
            comment TEXT,
            codebook_version INTEGER REFERENCES codebooks(version),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (value IS NULL OR value <> '')
        );
        CREATE UNIQUE INDEX adjudications_one_value ON adjudications(
            article_id, field, COALESCE(value, ''), COALESCE(participant, '')
        );

        -- A discussion thread per article, for review.
        CREATE TABLE comments (
            comment_id INTEGER PRIMARY KEY,
            comment_uid TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX comments_by_article ON comments(article_id, created_at);
        CREATE INDEX tags_by_article_field ON tags(article_id, field);
        """
    )
    adjudication = _tag_json("{row}", (
        "adjudication_uid", "value", "participant", "role", "span_start", "span_end", "quote",
        "source_annotator", "comment", "codebook_version"))
    db.executescript(
        f"""
        CREATE TRIGGER adjudications_added AFTER INSERT ON adjudications BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, field, new_value)
            VALUES (NEW.updated_at, NEW.reviewer, 'added', 'adjudication', NEW.article_id,
                    NEW.reviewer, NEW.field, {adjudication.format(row="NEW")});
        END;
        CREATE TRIGGER adjudications_changed AFTER UPDATE ON adjudications BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, field, old_value, new_value)
            VALUES (NEW.updated_at, NEW.reviewer, 'changed', 'adjudication', NEW.article_id,
                    NEW.reviewer, NEW.field, {adjudication.format(row="OLD")},
                    {adjudication.format(row="NEW")});
        END;
        CREATE TRIGGER adjudications_removed AFTER DELETE ON adjudications BEGIN
            INSERT INTO history (changed_at, changed_by, action, what, article_id,
                                 annotator, field, old_value)
            VALUES ({_NOW}, OLD.reviewer, 'removed', 'adjudication', OLD.article_id,
                    OLD.reviewer, OLD.field, {adjudication.format(row="OLD")});
        END;
        """
    )


# The value lists of 0001's CHECK constraints on the tables a merge or a day's coding
# writes most; 0003 spells each as comparisons joined by OR.
_PLAIN_CHECKS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "history": [("action", ("added", "changed", "removed")),
                ("what", ("tag", "status", "adjudication"))],
    "article_status": [("status", ("not_started", "in_progress", "done", "skipped"))],
}
READ_ALIKE = frozenset({"0003_plain_checks", "0004_list_index", "0005_adjudication_basis",
                        "0006_samples", "0007_training_set", "0008_registry_history",
                        "0009_article_sketches", "0010_status_counts",
                        "0011_article_columns", "0012_history_removals",
                        "0013_status_by_article", "0014_search_parts"})
"""Migrations a colleague's file may lack and still be merged in place: they change no
column, or add one the merge reads as NULL where it is missing (0005's ``basis``: a
decision of theirs made before it comes in as one made before bases were kept), or add a
table the merge does not read (0007's training set stays the project's own); 0008's
registry columns and history are read as NULL and empty where they are missing (entries as
added, never corrected); 0010's status counts are kept by each file for its own
statuses; 0011 widens an index; 0013 stores the statuses by their key, with the same
columns; 0014 changes nothing (the merge reads no search index of theirs)."""


@migrations(name="0003_plain_checks")
def m0003_plain_checks(db: Database) -> None:
    """The same CHECKs, written so SQLite 3.40 tests them without a b-tree per row.

    ``x IN ('a', 'b')`` in a CHECK cost ~2 s per 900,000 history rows a merge adds;
    ``x = 'a' OR x = 'b'`` accepts and refuses exactly the same values.  Where SQLite
    allows it only the ``CREATE TABLE`` text changes; where it refuses that (defensive
    mode) the two tables are rebuilt with the same rows (rowids kept), indexes and
    triggers (:func:`schema_edit.replace_checks`).  The columns stay as they are.
    """
    schema_edit.replace_checks(db.conn, {
        table: [(schema_edit.in_list(column, values), schema_edit.any_of(column, values))
                for column, values in checks]
        for table, checks in _PLAIN_CHECKS.items()})


@migrations(name="0004_list_index")
def m0004_list_index(db: Database) -> None:
    """An index that holds what the article list shows, so a page of it never reads a body.

    ``language`` comes after ``body`` in the articles table, and a body (~5 KB of Persian
    text) spills onto overflow pages: reading one row's language meant reading its whole
    body, 0.9 ms for a page of 50 rows at 100,000 articles; from this index, 0.1 ms.
    Articles are numbered in import order, so the index grows at its end.
    """
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_listed "
        "ON articles(article_no, article_id, title, language)"
    )


@migrations(name="0005_adjudication_basis")
def m0005_adjudication_basis(db: Database) -> None:
    """What a decision was made on, so that a later change to it shows.

    ``basis`` holds, as JSON, every annotator's values of the field (as review compares
    them: value, participant, role, and evidence where the codebook asks for it) at the
    moment the reviewer decided.  When the annotators' values differ from it now (a
    colleague's later change came in with a merge, or a new annotator coded the article),
    the decision is flagged for a second look.  Decisions made before this migration have
    none; for them the tags' times and the history tell.
    """
    db.execute("ALTER TABLE adjudications ADD COLUMN basis TEXT")


@migrations(name="0006_samples")
def m0006_samples(db: Database) -> None:
    """Samples of articles drawn for a team, and who codes which article of them.

    A sample is named and reproducible: its seed, size, strata and query are kept, and
    its articles in the order drawn.  An assignment gives an article of a sample to an
    annotator; ``overlap`` marks the articles every annotator of the sample codes (for
    agreement).  A sample's assignment as a whole is described on the sample (who, the
    overlap share, the seed, when), so that the newest assignment of a sample wins when
    team snapshots are merged.
    """
    db.executescript(
        """
        CREATE TABLE samples (
            name TEXT PRIMARY KEY,
            seed TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size > 0),
            stratum_by TEXT CHECK (stratum_by IS NULL OR stratum_by = 'outlet'
                                   OR stratum_by = 'month' OR stratum_by = 'language'),
            query TEXT,                         -- drawn from this search's results
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            annotators TEXT,                    -- JSON list as given; NULL = not assigned
            overlap TEXT,                       -- the overlap share as given, e.g. '0.2'
            assign_seed TEXT,
            assigned_by TEXT,
            assigned_at TEXT
        );
        CREATE TABLE sample_articles (
            sample TEXT NOT NULL REFERENCES samples(name) ON DELETE CASCADE,
            position INTEGER NOT NULL,          -- 1, 2, ... in the order drawn
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            stratum TEXT,
            PRIMARY KEY (sample, article_id)
        );
        CREATE TABLE assignments (
            sample TEXT NOT NULL REFERENCES samples(name) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            annotator TEXT NOT NULL,
            overlap INTEGER NOT NULL CHECK (overlap = 0 OR overlap = 1),
            PRIMARY KEY (sample, article_id, annotator)
        );
        CREATE INDEX assignments_by_annotator ON assignments(annotator, article_id);
        """
    )


@migrations(name="0007_training_set")
def m0007_training_set(db: Database) -> None:
    """The training set: articles on which new annotators are trained and scored.

    Their adjudicated values are the answers an annotator's tags are scored against
    (``annotator score``).  It only adds a table, which no earlier migration touches.
    """
    db.execute(f"""
        CREATE TABLE IF NOT EXISTS training_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(article_id),
            added_at TEXT NOT NULL DEFAULT ({_NOW})
        )""")


@migrations(name="0008_registry_history")
def m0008_registry_history(db: Database) -> None:
    """Corrections of the participants registry, and their history.

    An entry can now be corrected (``updated_at``/``updated_by``: the last correction;
    NULL: as added), retired (``retired_at``: kept for the tags made before, not offered
    for new ones) or merged into another (``merged_into``: the entry it was one person
    with; it is retired too, and tags naming it name the other).  ``participant_history``
    records every addition, correction, retirement, restoration and merge, by whom and
    when, with the entry before and after as JSON; ``change_uid`` lets a merge of
    colleagues' files bring theirs in once.
    """
    for column in ("updated_at", "updated_by", "retired_at", "merged_into"):
        db.execute(f"ALTER TABLE participants ADD COLUMN {column} TEXT")
    db.executescript(
        """
        CREATE TABLE participant_history (
            change_id INTEGER PRIMARY KEY,
            change_uid TEXT NOT NULL UNIQUE,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action = 'added' OR action = 'updated'
                                        OR action = 'retired' OR action = 'restored'
                                        OR action = 'merged'),
            participant_id TEXT NOT NULL,
            into_id TEXT,                       -- merged: the entry it was merged into
            old_value TEXT,                     -- the entry before, as JSON
            new_value TEXT,                     -- the entry after, as JSON
            detail TEXT                         -- merged: what followed (tags re-pointed)
        );
        CREATE INDEX participant_history_by_id ON participant_history(participant_id);
        """
    )


@migrations(name="0009_article_sketches")
def m0009_article_sketches(db: Database) -> None:
    """What the near-duplicate check keeps of each article (:mod:`.sketches`).

    ``words``: the digest of the article's folded words; ``shingles``: how many word
    3-shingles it has (0: under 50 words, compared by its words only); ``sketch``: the
    smallest CRC-32 hashes of its shingles.  ``article_anchors`` finds an article by the
    16 smallest of them.  Made at import, or for an article without one (a project from
    before this version, an article merged in) by the next import; tables the merge does
    not read.
    """
    db.executescript("""
        CREATE TABLE article_sketches (
            article_no INTEGER PRIMARY KEY REFERENCES articles(article_no) ON DELETE CASCADE,
            words BLOB NOT NULL,
            shingles INTEGER NOT NULL,
            sketch BLOB NOT NULL
        );
        CREATE INDEX article_sketches_by_words ON article_sketches(words);
        CREATE TABLE article_anchors (
            anchor INTEGER NOT NULL,
            article_no INTEGER NOT NULL REFERENCES articles(article_no) ON DELETE CASCADE,
            PRIMARY KEY (anchor, article_no)
        ) WITHOUT ROWID;
        """)


@migrations(name="0010_status_counts")
def m0010_status_counts(db: Database) -> None:
    """How many articles each annotator has in each status, kept by triggers.

    The window's progress bar reads it at start and after each status change; counting
    the statuses instead was a ``GROUP BY`` over every status of the annotator (0.6 s
    from the disk at 1,000,000 articles).  The triggers keep it for every writer (the
    window, the CLI, a merge, an undo), in the writer's own transaction.  A table the
    merge does not read: a colleague's file keeps its own.
    """
    db.executescript("""
        CREATE TABLE status_counts (
            annotator TEXT NOT NULL,
            status TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (annotator, status)
        ) WITHOUT ROWID;
        INSERT INTO status_counts (annotator, status, articles)
            SELECT annotator, status, COUNT(*) FROM article_status GROUP BY annotator, status;
        CREATE TRIGGER status_counted AFTER INSERT ON article_status BEGIN
            INSERT INTO status_counts (annotator, status, articles)
                VALUES (NEW.annotator, NEW.status, 1)
                ON CONFLICT (annotator, status) DO UPDATE SET articles = articles + 1;
        END;
        CREATE TRIGGER status_recounted AFTER UPDATE OF annotator, status ON article_status
        WHEN OLD.status IS NOT NEW.status OR OLD.annotator IS NOT NEW.annotator BEGIN
            UPDATE status_counts SET articles = articles - 1
                WHERE annotator = OLD.annotator AND status = OLD.status;
            INSERT INTO status_counts (annotator, status, articles)
                VALUES (NEW.annotator, NEW.status, 1)
                ON CONFLICT (annotator, status) DO UPDATE SET articles = articles + 1;
        END;
        CREATE TRIGGER status_uncounted AFTER DELETE ON article_status BEGIN
            UPDATE status_counts SET articles = articles - 1
                WHERE annotator = OLD.annotator AND status = OLD.status;
        END;
        """)


@migrations(name="0011_article_columns")
def m0011_article_columns(db: Database) -> None:
    """The list's index (0004) also holds each article's outlet and date.

    The exports, the report and ``annotator stats`` read every article's title, outlet,
    date and language; those columns sit after the body, so each read walked the body's
    overflow pages: at 1,000,000 articles about 5 GB of text read for some 100 MB of
    columns, from the disk once the project outgrows memory.  The wider index answers
    every query the old one did.  Building it reads every article once.
    """
    db.executescript("""
        DROP INDEX IF EXISTS articles_listed;
        CREATE INDEX articles_listed
            ON articles(article_no, article_id, title, language, outlet, published);
        """)


@migrations(name="0012_history_removals")
def m0012_history_removals(db: Database) -> None:
    """An index of the history's tag removals alone.

    A merge looks for the tags removed in either file (a removal there takes the tag away
    here; one here keeps theirs out): without this index, each look read every history
    entry of its file, for the few removals there are: 12.1 s and 5.1 s from the disk at
    1,000,000 articles (some 10,000,000 entries each).  Removals are few, so the index is
    small; building it reads the history once.
    """
    db.execute("CREATE INDEX IF NOT EXISTS history_tag_removals ON history(article_id) "
               "WHERE what = 'tag' AND action = 'removed'")


@migrations(name="0013_status_by_article")
def m0013_status_by_article(db: Database) -> None:
    """Statuses stored in their key's order (article, annotator): a table without rowids.

    The article list shows the annotator's status on each row.  In a table with rowids
    each status was found in the key's index and then read from the table: two reads
    from the disk per row once the project outgrows memory.  Stored by its key, a status
    is read where the key finds it.  Measured at 1,000,000 articles with the page cache
    dropped, five runs each: a search's first page took 22.1 ms against 29.6 ms for a
    rare word (matches far apart), 6.4 against 11.9 ms for a word in 1 article of 100,
    the same for common words; a merge's 3,000,000 statuses took as long (42.7 s and
    43.2 s).  The rows, the index by annotator and every trigger are the same;
    rebuilding reads every status once (:func:`schema_edit.rebuild`, inside the
    migration's transaction: 19.7 s for 3,000,000 statuses).
    """
    row = db.conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'table' "
                          "AND name = 'article_status'").fetchone()
    create = str(row[0]).rstrip().rstrip(";")
    if create.upper().endswith("WITHOUT ROWID"):
        return
    schema_edit.rebuild(db.conn, "article_status", create + " WITHOUT ROWID",
                        order="article_id, annotator")


@migrations(name="0014_search_parts")
def m0014_search_parts(db: Database) -> None:
    """The search index may be in parts (:mod:`~.search_parts`): nothing to change here.

    A project keeps its index in ``article_search`` until it grows past
    :data:`~.search_parts.PART_SIZE` articles, and then adds its next articles' search
    keys to new parts.  A version before this one would search ``article_search`` alone
    and add every article to it: recorded as a migration, a project of this version is
    refused by those (:func:`~.opening.check_schema`: "made by a newer version").  The
    articles already in ``article_search`` stay there, however many.
    """
    del db
