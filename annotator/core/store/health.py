"""Checking a project file for damage the store itself would never cause.

:func:`check` runs SQLite's integrity and foreign-key checks and then the project's own
rules: every article's text still matches the hash taken at import, every evidence quote
still equals the article text at its offsets, every tag's field, value and role are
known to the active codebook (retired categories are known), every tag's field has the
type it had in the codebook the tag was coded with, participants exist, and
every status belongs to an article; adjudicated values are held to the same rules as
tags.  It only reads, so it is
safe on a file that another window has open.  :class:`HealthReport` lists what it found
in the analyst's words (tag, article, field).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.codebook import Codebook, parse_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.records import content_hash
from annotator.core.store.project import Project

SHOWN = 20  # problems listed per kind in :meth:`HealthReport.lines`


@dataclass(frozen=True)
class ForeignKeyProblem:
    """A row that refers to a row that does not exist (e.g. a tag of a missing article)."""

    table: str
    rowid: int
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
    not_checked: list[str] = field(default_factory=list)  # checks that could not run, and why
    counts: dict[str, int] = field(default_factory=dict)
    spans_checked: int = 0

    @property
    def ok(self) -> bool:
        return (self.integrity == ["ok"] and not self.foreign_keys
                and not self.changed_articles and not self.spans
                and not self.unknown_values and not self.orphan_statuses
                and not self.not_checked)

    def problem_count(self) -> int:
        return ((0 if self.integrity == ["ok"] else max(1, len(self.integrity)))
                + len(self.foreign_keys) + len(self.changed_articles) + len(self.spans)
                + len(self.unknown_values) + len(self.orphan_statuses) + len(self.not_checked))

    def lines(self, shown: int = SHOWN) -> list[str]:
        """The report as text lines, at most ``shown`` problems of each kind."""
        out = [f"project: {self.path}"]
        out.append("integrity: ok" if self.integrity == ["ok"]
                   else f"integrity: DAMAGED ({len(self.integrity)} problems)")
        out += _listed(self.integrity if self.integrity != ["ok"] else [], shown)
        out.append(_headline("references", len(self.foreign_keys),
                             "rows refer to rows that do not exist"))
        out += _listed([f"{p.table} row {p.rowid} refers to a missing {p.parent} row"
                        for p in self.foreign_keys], shown)
        out.append(_headline("article text", len(self.changed_articles),
                             "articles changed since they were imported"))
        out += _listed([f"article {a.article_id}: {a.title}" for a in self.changed_articles],
                       shown)
        out.append(_headline("evidence", len(self.spans),
                             f"quotes do not match the article text "
                             f"({self.spans_checked} spans checked)",
                             f"ok ({self.spans_checked} spans checked)"))
        out += _listed([f"{p.kind} {p.tag_uid}: article {p.article_id}, field {p.field}, "
                        f"{p.annotator}: [{p.span_start}-{p.span_end}] quotes {p.quote!r} but "
                        f"the text there is {p.found!r}" for p in self.spans], shown)
        out.append(_headline("codebook values", len(self.unknown_values),
                             "tags the active codebook does not know"))
        out += _listed([f"{p.kind} {p.tag_uid}: article {p.article_id}, field {p.field}, "
                        f"{p.annotator}: {p.problem}" for p in self.unknown_values], shown)
        out.append(_headline("statuses", len(self.orphan_statuses),
                             "statuses of articles that are not in the project"))
        out += _listed([f"article {p.article_id}, {p.annotator}: {p.status}"
                        for p in self.orphan_statuses], shown)
        for reason in self.not_checked:
            out.append(f"not checked: {reason}")
        out.append("counts: " + (", ".join(f"{n} {name}" for name, n in self.counts.items())
                                 or "not available"))
        out.append("result: ok" if self.ok else f"result: {self.problem_count()} problems")
        return out


def check(project: Project, quick: bool = False) -> HealthReport:
    """Check ``project``; ``quick`` uses SQLite's faster ``quick_check``."""
    report = HealthReport(project.path)
    conn = project.conn
    pragma = "quick_check" if quick else "integrity_check"
    steps = (
        ("integrity", lambda: _integrity(conn, pragma, report)),
        ("references", lambda: _foreign_keys(conn, report)),
        ("article text", lambda: _article_text(conn, report)),
        ("evidence", lambda: _spans(conn, report)),
        ("codebook values", lambda: _values(project, report)),
        ("statuses", lambda: _statuses(conn, report)),
        ("counts", lambda: _counts(conn, report)),
    )
    for name, step in steps:
        try:
            step()
        except (sqlite3.Error, AnnotatorError) as exc:
            report.not_checked.append(f"{name} ({exc})")
    return report


def _integrity(conn: sqlite3.Connection, pragma: str, report: HealthReport) -> None:
    try:
        report.integrity = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:  # too damaged for the check itself to finish
        report.integrity = [f"the check stopped: {exc}"]


def _foreign_keys(conn: sqlite3.Connection, report: HealthReport) -> None:
    report.foreign_keys = [
        ForeignKeyProblem(str(table), int(rowid), str(parent))
        for table, rowid, parent, _fkid in conn.execute("PRAGMA foreign_key_check")
    ]


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


_KIND = {"single": "single-choice", "multiple": "multiple-choice",
         "participants": "participants", "text": "text"}


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
        problem = (f"field '{field_id}' was {_KIND.get(was, was)} when this was coded "
                   f"(codebook version {version}) and is now {_KIND.get(now, now)}")
        for uid_value, article, person, value in conn.execute(
                f"SELECT {uid}, article_id, {who}, value FROM {table} "
                f"WHERE codebook_version = ? AND field = ? ORDER BY {order}",
                (version, field_id)):
            report.unknown_values.append(UnknownValue(
                str(uid_value), str(article), str(person), field_id, value, problem, kind))


def _value_problem(codebook: Codebook, version: int, participants: set[str], field_id: str,
                   value: str | None, role: str | None) -> str | None:
    if not codebook.has_field(field_id):
        return f"field '{field_id}' is not in the codebook (version {version})"
    spec = codebook.field(field_id)
    if value is not None:
        if spec.type in ("single", "multiple") and spec.category(value) is None:
            return f"value '{value}' is not a category of field '{field_id}'"
        if spec.type == "participants" and value not in participants:
            return f"participant '{value}' is not in the participants registry"
        if spec.type == "text" and not value.strip():
            return "the text is empty"
    if role is not None and spec.role(role) is None:
        return f"role '{role}' is not a role of field '{field_id}'"
    return None


def _statuses(conn: sqlite3.Connection, report: HealthReport) -> None:
    report.orphan_statuses = [
        OrphanStatus(*row) for row in conn.execute(
            "SELECT s.article_id, s.annotator, s.status FROM article_status s "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = s.article_id) "
            "ORDER BY s.article_id, s.annotator")
    ]


def _counts(conn: sqlite3.Connection, report: HealthReport) -> None:
    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    report.counts = {
        "articles": count("SELECT COUNT(*) FROM articles"),
        "tags": count("SELECT COUNT(*) FROM tags"),
        "annotators": count("SELECT COUNT(*) FROM (SELECT annotator FROM tags "
                            "UNION SELECT annotator FROM article_status)"),
        "history rows": count("SELECT COUNT(*) FROM history"),
        "codebook versions": count("SELECT COUNT(*) FROM codebooks"),
        "participants": count("SELECT COUNT(*) FROM participants"),
    }


def _headline(name: str, problems: int, what: str, fine: str = "ok") -> str:
    return f"{name}: {fine}" if not problems else f"{name}: {problems} {what}"


def _listed(items: list[str], shown: int) -> list[str]:
    out = [f"  {item}" for item in items[:shown]]
    if len(items) > shown:
        out.append(f"  … and {len(items) - shown} more")
    return out
