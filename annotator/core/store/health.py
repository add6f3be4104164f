"""Checking a project file for damage the store itself would never cause.

:func:`check` runs SQLite's integrity and foreign-key checks and then the project's own
rules: every article's text still matches the hash taken at import, every evidence quote
still equals the article text at its offsets, every tag's field, value and role are
known to the active codebook (retired categories are known), every tag's field has the
type it had in the codebook the tag was coded with, participants exist, no two
participants in use share a spelling (after folding: :func:`~annotator.core.participants.
clashes`), every status belongs to an article, and the kept status counts equal a recount
(:meth:`~annotator.core.store.statuses.Statuses.drift`); adjudicated values are held to
the same rules as tags.  It only reads, so it is safe on a file that another window has
open.  :class:`HealthReport` lists what it found
in the analyst's words (tag, article, field).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.codebook import Codebook, parse_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, InContext, Listing, Translatable, message_of
from annotator.core.participants import Clash
from annotator.core.records import content_hash
from annotator.core.store.project import Project
from annotator.core.store.statuses import CountDrift

SHOWN = 20  # problems listed per kind in :meth:`HealthReport.lines`


@dataclass(frozen=True)
class ForeignKeyProblem:
    """A row that refers to a row that does not exist (e.g. a tag of a missing article)."""

    table: str
    rowid: int | str  # a table without rowids (statuses): the row's key, "a / b"
    parent: str


@dataclass(frozen=True)
class ChangedArticle:
    """An article whose text no longer matches the hash taken when it was imported."""

    article_id: str
    title: str


@dataclass(frozen=True)
class SpanProblem:
    """Evidence whose quote no longer matches the article text at its offsets."""

    tag_uid: str
    article_id: str
    annotator: str
    field: str
    span_start: int
    span_end: int
    quote: str
    found: str  # the text at those offsets now ("" if the article is gone)
    kind: str = "tag"  # or "adjudication" (then tag_uid is its uid, annotator the reviewer)


@dataclass(frozen=True)
class UnknownValue:
    """A tag that the active codebook (or the participants registry) cannot explain."""

    tag_uid: str
    article_id: str
    annotator: str
    field: str
    value: str | None
    problem: str
    kind: str = "tag"  # or "adjudication" (then tag_uid is its uid, annotator the reviewer)


@dataclass(frozen=True)
class OrphanStatus:
    """A status for an article that is not in the project."""

    article_id: str
    annotator: str
    status: str


@dataclass
class HealthReport:
    path: Path
    integrity: list[str] = field(default_factory=list)  # ["ok"] when sound
    foreign_keys: list[ForeignKeyProblem] = field(default_factory=list)
    changed_articles: list[ChangedArticle] = field(default_factory=list)
    spans: list[SpanProblem] = field(default_factory=list)
    unknown_values: list[UnknownValue] = field(default_factory=list)
    orphan_statuses: list[OrphanStatus] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)  # spellings two participants share
    count_drift: list[CountDrift] = field(default_factory=list)  # kept status counts off
    not_checked: list[str] = field(default_factory=list)  # checks that could not run, and why
    counts: dict[str, int] = field(default_factory=dict)
    spans_checked: int = 0

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and not self.foreign_keys
                and not self.changed_articles and not self.spans
                and not self.unknown_values and not self.orphan_statuses
                and not self.clashes and not self.count_drift and not self.not_checked)

    def problem_count(self) -> int:
        return ((0 if self.integrity == ["ok"] else max(1, len(self.integrity)))
                + len(self.foreign_keys) + len(self.changed_articles) + len(self.spans)
                + len(self.unknown_values) + len(self.orphan_statuses) + len(self.clashes)
                + len(self.count_drift) + len(self.not_checked))

    def lines(self, shown: int = SHOWN) -> list[str]:
        """The report as text lines, at most ``shown`` problems of each kind: catalogue
        messages (:class:`~annotator.core.i18n.Translatable`), English as written."""
        out: list[str] = [Translatable("project: {path}", path=self.path)]
        out.append(Translatable("integrity: ok") if self.integrity == ["ok"]
                   else Translatable("integrity: DAMAGED ({count} problems)",
                                     count=len(self.integrity)))
        out += _listed(self.integrity if self.integrity != ["ok"] else [], shown)
        out.append(Translatable("references: ok") if not self.foreign_keys else Translatable(
            "references: {count} rows refer to rows that do not exist",
            count=len(self.foreign_keys)))
        out += _listed([Translatable("{table} row {row} refers to a missing {parent} row",
                                     table=p.table, row=p.rowid, parent=p.parent)
                        for p in self.foreign_keys], shown)
        out.append(Translatable("article text: ok") if not self.changed_articles
                   else Translatable("article text: {count} articles changed since they "
                                     "were imported", count=len(self.changed_articles)))
        out += _listed([Translatable("article {article}: {title}", article=a.article_id,
                                     title=a.title) for a in self.changed_articles], shown)
        out.append(Translatable("evidence: ok ({checked} spans checked)",
                                checked=self.spans_checked) if not self.spans
                   else Translatable("evidence: {count} quotes do not match the article "
                                     "text ({checked} spans checked)", count=len(self.spans),
                                     checked=self.spans_checked))
        out += _listed([Translatable("{kind} {uid}: article {article}, field {field}, "
                                     "{annotator}: [{start}-{end}] quotes {quote} but the "
                                     "text there is {found}", kind=_kind(p.kind),
                                     uid=p.tag_uid, article=p.article_id, field=p.field,
                                     annotator=p.annotator, start=p.span_start,
                                     end=p.span_end, quote=repr(p.quote), found=repr(p.found))
                        for p in self.spans], shown)
        out.append(Translatable("codebook values: ok") if not self.unknown_values
                   else Translatable("codebook values: {count} tags the active codebook "
                                     "does not know", count=len(self.unknown_values)))
        out += _listed([Translatable("{kind} {uid}: article {article}, field {field}, "
                                     "{annotator}: {problem}", kind=_kind(p.kind),
                                     uid=p.tag_uid, article=p.article_id, field=p.field,
                                     annotator=p.annotator, problem=p.problem)
                        for p in self.unknown_values], shown)
        out.append(Translatable("statuses: ok") if not self.orphan_statuses
                   else Translatable("statuses: {count} statuses of articles that are not "
                                     "in the project", count=len(self.orphan_statuses)))
        out += _listed([Translatable("article {article}, {annotator}: {status}",
                                     article=p.article_id, annotator=p.annotator,
                                     status=_status_word(p.status))
                        for p in self.orphan_statuses], shown)
        out.append(Translatable("participants registry: ok") if not self.clashes
                   else Translatable("participants registry: {count} spellings name two "
                                     "participants in use (correct one, or merge them if "
                                     "they are one: annotator participants)",
                                     count=len(self.clashes)))
        out += _listed([c.message() for c in self.clashes], shown)
        out.append(Translatable("status counts: ok") if not self.count_drift
                   else Translatable("status counts: {count} kept counts differ from the "
                                     "statuses, so the progress shows them wrong (to count "
                                     "them again: annotator check --recount)",
                                     count=len(self.count_drift)))
        out += _listed([Translatable("{annotator}, {status}: kept {kept}, counted {counted}",
                                     annotator=d.annotator, status=_status_word(d.status),
                                     kept=d.kept,
                                     counted=d.counted) for d in self.count_drift], shown)
        for reason in self.not_checked:
            out.append(Translatable("not checked: {reason}", reason=reason))
        counts = [Translatable(_COUNTED[name], count=n) for name, n in self.counts.items()
                  if name in _COUNTED]
        out.append(Translatable("counts: {counts}", counts=Listing(counts)) if counts
                   else Translatable("counts: not available"))
        out.append(Translatable("result: ok") if self.ok
                   else Translatable("result: {count} problems", count=self.problem_count()))
        return out


# What :func:`_counts` counts, as the report words it.
_COUNTED = {
    "articles": N_("{count} articles"),
    "tags": N_("{count} tags"),
    "annotators": N_("{count} annotators"),
    "history rows": N_("{count} history rows"),
    "codebook versions": N_("{count} codebook versions"),
    "participants": N_("{count} participants"),
}
_KIND_WORDS = {"tag": N_("tag"), "adjudication": N_("adjudication")}


def _kind(kind: str) -> str:
    return Translatable(_KIND_WORDS[kind]) if kind in _KIND_WORDS else kind


def check(project: Project, quick: bool = False) -> HealthReport:
    """Check ``project``; ``quick`` uses SQLite's faster ``quick_check``."""
    report = HealthReport(project.path)
    conn = project.conn
    pragma = "quick_check" if quick else "integrity_check"
    steps = (
        (N_("integrity"), lambda: _integrity(conn, pragma, report)),
        (N_("references"), lambda: _foreign_keys(conn, report)),
        (N_("article text"), lambda: _article_text(conn, report)),
        (N_("evidence"), lambda: _spans(conn, report)),
        (N_("codebook values"), lambda: _values(project, report)),
        (N_("statuses"), lambda: _statuses(conn, report)),
        (N_("participants registry"), lambda: _clashes(project, report)),
        (N_("status counts"), lambda: _count_drift(project, report)),
        (N_("counts"), lambda: _counts(project, report)),
    )
    for name, step in steps:
        try:
            step()
        except (sqlite3.Error, AnnotatorError) as exc:
            report.not_checked.append(Translatable("{check} ({error})",
                                                   check=Translatable(name),
                                                   error=message_of(exc)))
    return report


def _integrity(conn: sqlite3.Connection, pragma: str, report: HealthReport) -> None:
    try:
        report.integrity = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:  # too damaged for the check itself to finish
        report.integrity = [Translatable("the check stopped: {error}", error=str(exc))]


def _foreign_keys(conn: sqlite3.Connection, report: HealthReport) -> None:
    problems: list[ForeignKeyProblem] = []
    keyed: set[tuple[str, str, int]] = set()
    for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check").fetchall():
        if rowid is not None:
            problems.append(ForeignKeyProblem(str(table), int(rowid), str(parent)))
        elif (table, parent, fkid) not in keyed:  # a table without rowids: named by key
            keyed.add((table, parent, fkid))
            problems += [ForeignKeyProblem(str(table), key, str(parent))
                         for key in _keys_without_parent(conn, str(table), str(parent), fkid)]
    report.foreign_keys = problems


def _keys_without_parent(conn: sqlite3.Connection, table: str, parent: str,
                         fkid: int) -> list[str]:
    """The keys (``a / b``) of ``table``'s rows whose reference ``fkid`` finds no row."""
    key, parent_key = ([str(name) for (name,) in conn.execute(
        "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", (name,))]
        for name in (table, parent))
    references = conn.execute("SELECT seq, \"from\", \"to\" FROM pragma_foreign_key_list(?) "
                              "WHERE id = ? ORDER BY seq", (table, fkid)).fetchall()
    # A reference that names no column refers to the parent's key.
    pairs = [(str(source), str(to) if to is not None else parent_key[int(seq)])
             for seq, source, to in references if to is not None or int(seq) < len(parent_key)]
    if not pairs or not key:
        return []
    named = " || ' / ' || ".join(f'c."{column}"' for column in key)
    found = " AND ".join(f'p."{to}" = c."{source}"' for source, to in pairs)
    return [str(value) for (value,) in conn.execute(
        f'SELECT {named} FROM main."{table}" c WHERE NOT EXISTS '
        f'(SELECT 1 FROM main."{parent}" p WHERE {found}) ORDER BY {named}')]


def _article_text(conn: sqlite3.Connection, report: HealthReport) -> None:
    # Bodies never change after import; a mismatch is damage from outside the store
    # (a page overwritten on disk, an edit made with another SQLite tool).
    for article_id, title, body, digest in conn.execute(
            "SELECT article_id, title, body, content_hash FROM articles ORDER BY article_no"):
        if content_hash(str(body)) != digest:
            report.changed_articles.append(ChangedArticle(str(article_id), str(title)))


# What holds coded values: the annotators' tags and, where reviewed, the adjudications.
_CODED = (
    ("tag", "tags", "tag_uid", "annotator", "tag_id"),
    ("adjudication", "adjudications", "adjudication_uid", "reviewer", "adjudication_id"),
)


def _coded_tables(conn: sqlite3.Connection) -> list[tuple[str, str, str, str, str]]:
    tables = {str(row[0]) for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [entry for entry in _CODED if entry[1] in tables]


def _spans(conn: sqlite3.Connection, report: HealthReport) -> None:
    # SQLite's substr() and length() count characters (code points), as the offsets do.
    for kind, table, uid, who, order in _coded_tables(conn):
        report.spans_checked += int(conn.execute(
            f"SELECT COUNT(*) FROM {table} WHERE span_start IS NOT NULL").fetchone()[0])
        rows = conn.execute(
            f"SELECT t.{uid}, t.article_id, t.{who}, t.field, t.span_start, t.span_end, "
            "t.quote, COALESCE(substr(a.body, t.span_start + 1, t.span_end - t.span_start), "
            f"'') FROM {table} t LEFT JOIN articles a ON a.article_id = t.article_id "
            "WHERE t.span_start IS NOT NULL AND (a.body IS NULL OR t.span_end > length(a.body) "
            "OR substr(a.body, t.span_start + 1, t.span_end - t.span_start) IS NOT t.quote) "
            f"ORDER BY t.{order}")
        report.spans += [
            SpanProblem(str(uid_value), str(article), str(person), str(field_id), int(start),
                        int(end), str(quote), str(found), kind)
            for uid_value, article, person, field_id, start, end, quote, found in rows]


def _values(project: Project, report: HealthReport) -> None:
    codebook = project.codebooks.active()
    participants = {str(row[0]) for row in project.conn.execute(
        "SELECT participant_id FROM participants")}
    version = project.codebooks.active_version()
    for kind, table, uid, who, order in _coded_tables(project.conn):
        bad: dict[tuple[str, str | None, str | None], str] = {}
        for field_id, value, role in project.conn.execute(
                f"SELECT DISTINCT field, value, role FROM {table}"):
            problem = _value_problem(codebook, version, participants, field_id, value, role)
            if problem:
                bad[(field_id, value, role)] = problem
        for (field_id, value, role), problem in bad.items():
            for uid_value, article, person in project.conn.execute(
                    f"SELECT {uid}, article_id, {who} FROM {table} "
                    f"WHERE field = ? AND value IS ? AND role IS ? ORDER BY {order}",
                    (field_id, value, role)):
                report.unknown_values.append(UnknownValue(
                    str(uid_value), str(article), str(person), field_id, value, problem, kind))
        _type_changes(project, codebook, (kind, table, uid, who, order), report)


_TYPE_WORDS = {"single": N_("single-choice"), "multiple": N_("multiple-choice"),
               "participants": N_("participants"), "text": N_("text")}


def _type_word(kind: str) -> str:
    return Translatable(_TYPE_WORDS[kind]) if kind in _TYPE_WORDS else kind


def _type_changes(project: Project, codebook: Codebook,
                  coded: tuple[str, str, str, str, str], report: HealthReport) -> None:
    """Tags whose field had another type in the codebook they were coded with.

    A codebook change may no longer make one (it is refused), but a project changed
    before that rule, or by another tool, may hold them: a stance coded as one choice
    read as text (or as a set of choices) no longer means what the annotator meant.
    """
    kind, table, uid, who, order = coded
    conn = project.conn
    versions: dict[int, Codebook | None] = {}
    for version, field_id in conn.execute(
            f"SELECT DISTINCT codebook_version, field FROM {table} "
            "WHERE codebook_version IS NOT NULL"):
        if not codebook.has_field(field_id):
            continue  # already reported as unknown
        if version not in versions:
            source = conn.execute("SELECT source_toml FROM codebooks WHERE version = ?",
                                  (version,)).fetchone()
            try:
                versions[version] = parse_codebook(str(source[0])) if source else None
            except AnnotatorError:
                versions[version] = None
        then = versions[version]
        if then is None or not then.has_field(field_id):
            continue
        was, now = then.field(field_id).type, codebook.field(field_id).type
        if was == now:
            continue
        problem = Translatable("field '{field}' was {was} when this was coded (codebook "
                               "version {version}) and is now {now}", field=field_id,
                               was=_type_word(was), version=version, now=_type_word(now))
        for uid_value, article, person, value in conn.execute(
                f"SELECT {uid}, article_id, {who}, value FROM {table} "
                f"WHERE codebook_version = ? AND field = ? ORDER BY {order}",
                (version, field_id)):
            report.unknown_values.append(UnknownValue(
                str(uid_value), str(article), str(person), field_id, value, problem, kind))


def _value_problem(codebook: Codebook, version: int, participants: set[str], field_id: str,
                   value: str | None, role: str | None) -> str | None:
    if not codebook.has_field(field_id):
        return Translatable("field '{field}' is not in the codebook (version {version})",
                            field=field_id, version=version)
    spec = codebook.field(field_id)
    if value is not None:
        if spec.type in ("single", "multiple") and spec.category(value) is None:
            return Translatable("value '{value}' is not a category of field '{field}'",
                                value=value, field=field_id)
        if spec.type == "participants" and value not in participants:
            return Translatable("participant '{value}' is not in the participants "
                                "registry", value=value)
        if spec.type == "text" and not value.strip():
            return Translatable("the text is empty")
    if role is not None and spec.role(role) is None:
        return Translatable("role '{role}' is not a role of field '{field}'", role=role,
                            field=field_id)
    return None


def _statuses(conn: sqlite3.Connection, report: HealthReport) -> None:
    report.orphan_statuses = [
        OrphanStatus(*row) for row in conn.execute(
            "SELECT s.article_id, s.annotator, s.status FROM article_status s "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = s.article_id) "
            "ORDER BY s.article_id, s.annotator")
    ]


def _clashes(project: Project, report: HealthReport) -> None:
    report.clashes = project.registry.clashes()


def _count_drift(project: Project, report: HealthReport) -> None:
    report.count_drift = project.statuses.drift()


def _counts(project: Project, report: HealthReport) -> None:
    conn = project.conn

    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    report.counts = {
        "articles": count("SELECT COUNT(*) FROM articles"),
        "tags": count("SELECT COUNT(*) FROM tags"),
        "annotators": len(project.tags.annotators()),
        "history rows": count("SELECT COUNT(*) FROM history"),
        "codebook versions": count("SELECT COUNT(*) FROM codebooks"),
        "participants": count("SELECT COUNT(*) FROM participants"),
    }


def _listed(items: list[str], shown: int) -> list[str]:
    out: list[str] = [Translatable("  {item}", item=item) for item in items[:shown]]
    if len(items) > shown:
        out.append(Translatable("  … and {count} more", count=len(items) - shown))
    return out


def _status_word(status: str) -> InContext:
    """A stored status as the window and the report name it in Persian and Arabic
    (``in_progress``: "in progress" in the catalogue's ``status`` context); in English as
    stored."""
    return InContext(status, "status", status.replace("_", " "))
