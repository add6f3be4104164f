"""The rows of the wide CSV and JSON Lines exports: one per article and annotator.

From the PAIR_ROW tuples of :mod:`annotator.core.store.export_rows` (tags and statuses,
in article id then annotator order), the wide CSV's columns (:data:`WIDE_LEAD`, then
each codebook field's, in codebook order, then any field or value found only in the
tags) and rows, and the JSON Lines objects; :mod:`.export` documents both formats and
writes them.  Also the Solar Hijri dates (:class:`Jalali`) the long export uses too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

import jdatetime

from annotator.core.codebook import Codebook, Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.store import Project
from annotator.core.store import export_rows as source

WIDE_LEAD = ("article_id", "annotator", "title", "outlet", "published", "language", "status")
NO_ARTICLE = (None, None, None, None)


class Jalali:
    """ISO date -> Solar Hijri ISO date, cached (a corpus has few distinct dates)."""

    def __init__(self) -> None:
        self._seen: dict[str | None, str | None] = {None: None}

    def __call__(self, published: str | None) -> str | None:
        try:
            return self._seen[published]
        except KeyError:
            pass
        try:
            day = dt.date.fromisoformat(str(published)[:10])
            value: str | None = jdatetime.date.fromgregorian(date=day).strftime("%Y-%m-%d")
        except (ValueError, OverflowError):
            value = None
        self._seen[published] = value
        return value




# -- wide -----------------------------------------------------------------------------------
@dataclass
class _WideField:
    id: str
    type: str
    column: int = -1  # single, text, participants: the field's own column
    flags: dict[str, int] = field(default_factory=dict)  # value -> its 0/1 column


def field_specs(active: Codebook, books: list[Codebook], used: Iterable[str]) -> list[Field]:
    """The active codebook's fields, then those in ``used`` that only older or merged
    codebooks define (as text when none does)."""
    specs = {spec.id: spec for book in books for spec in book.fields}
    specs.update({spec.id: spec for spec in active.fields})
    extra = sorted(set(used) - {spec.id for spec in active.fields})
    return [*active.fields,
            *(specs.get(name) or Field(name, "text", {"en": name}, {}) for name in extra)]


def wide_layout(specs: list[Field],
                 coded: dict[str, set[str]]) -> tuple[list[str], dict[str, _WideField]]:
    header = list(WIDE_LEAD)
    layout: dict[str, _WideField] = {}
    for spec in specs:
        item = _WideField(spec.id, spec.type)
        if spec.type != "multiple":
            item.column = len(header)
            header.append(spec.id)
        if spec.type in ("multiple", "participants"):
            known = [c.id for c in spec.categories]
            for value in known + sorted(coded.get(spec.id, set()) - set(known)):
                item.flags[value] = len(header)
                header.append(f"{spec.id}_{value}")
        layout[spec.id] = item
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise AnnotatorError(Translatable(
                "the wide export would have two columns named '{name}': rename a field or "
                "category in the codebook, or export long", name=name))
        seen.add(name)
    return header, layout


def wide_rows(rows: Iterable[tuple], articles: dict[str, tuple], header: list[str],
               layout: dict[str, _WideField],
               recheck: dict[str, list[str]] | None = None) -> Iterator[list[object]]:
    blank = [""] * (len(header) - len(WIDE_LEAD))
    for (article_id, annotator), group in groupby(rows, key=itemgetter(0, 1)):
        title, outlet, published, language = articles.get(article_id, NO_ARTICLE)
        out: list[object] = []
        values: dict[str, list[str]] = {}
        status = None
        for tag in group:  # PAIR_ROW; field is None for an annotator with a status only
            if not out:
                status = tag[15]
                out = [article_id, annotator, title, outlet, published, language, status,
                       *blank]
            name, value = tag[2], tag[3]
            item = layout.get(name)  # type: ignore[arg-type]
            if item is None:
                continue
            if name not in values:
                values[name] = []
                for column in item.flags.values():  # coded: 0 unless chosen
                    out[column] = 0
            if value is None:
                continue  # coded, none
            if value in item.flags:
                out[item.flags[value]] = 1
            if value not in values[name]:
                values[name].append(value)
        for name, chosen in values.items():
            item = layout[name]
            if item.column >= 0:
                if item.type == "participants":
                    out[item.column] = ";".join(sorted(chosen))
                else:
                    out[item.column] = ("\n" if item.type == "text" else ";").join(chosen)
        if recheck is not None:  # the last column: decisions to look at again
            out[-1] = ";".join(recheck.get(article_id, ()))
        yield out


# -- JSON Lines ----------------------------------------------------------------------------------
def _evidence(tag: tuple) -> list[dict[str, object]]:
    if tag[6] is None:
        return []
    return [{"start": tag[6], "end": tag[7], "quote": tag[8]}]


def json_objects(rows: Iterable[tuple], articles: dict[str, tuple], specs: list[Field],
                  active: Codebook, version: int, revisions: dict[int, str],
                  recheck: dict[str, list[str]] | None = None) -> Iterator[dict[str, Any]]:
    kinds = {spec.id: spec.type for spec in specs}
    order = {spec.id: number for number, spec in enumerate(specs)}
    jalali = Jalali()
    for (article_id, annotator), group in groupby(rows, key=itemgetter(0, 1)):
        title, outlet, published, language = articles.get(article_id, NO_ARTICLE)
        fields: dict[str, Any] = {}
        versions: dict[int, str] = {}
        status = None
        for tag in group:  # PAIR_ROW
            status = tag[15]
            name = tag[2]
            if name is None:
                continue  # a status, no tags
            if tag[12] is not None:
                versions[tag[12]] = tag[13]
            kind = kinds.get(name, "text")
            if kind in ("single", "text"):
                entry = fields.setdefault(name, {"value": None, "evidence": [], "note": None})
                if tag[3] is not None:
                    entry["value"] = tag[3]
                entry["evidence"] += _evidence(tag)
                if tag[9] is not None:
                    entry["note"] = tag[9]
                continue
            chosen = fields.setdefault(name, [])
            if tag[3] is None:
                continue  # coded, none
            item: dict[str, object] = {"value": tag[3]}
            if kind == "participants":
                item["role"] = tag[5]
            else:
                item["participant"] = tag[4]
            item["evidence"] = _evidence(tag)
            item["note"] = tag[9]
            chosen.append(item)
        newest = max(versions) if versions else version
        marked = {} if recheck is None else {"recheck": recheck.get(article_id, [])}
        yield {
            "article": {
                "article_id": article_id, "title": title, "outlet": outlet,
                "published": published, "published_jalali": jalali(published),
                "language": language,
            },
            "annotator": annotator,
            "status": status,
            "fields": dict(sorted(fields.items(), key=lambda kv: order.get(kv[0], len(order)))),
            "codebook": {
                "id": versions.get(newest, active.id),
                "revision": revisions.get(newest, active.revision),
                "version": newest,
            },
            **marked,
        }




def wide_columns(project: Project, annotator: str | None, active: Codebook,
                 books: list[Codebook], rows: list[tuple] | None
                 ) -> tuple[list[Field], dict[str, set[str]]]:
    """The fields of the wide export and the values found for each (its 0/1 columns):
    from the adjudicated ``rows`` in memory, else from ``annotator``'s tags (everyone's
    when None)."""
    flagged = {spec.id for book in [*books, active] for spec in book.fields
               if spec.type in ("multiple", "participants")}
    if rows is not None:  # adjudicated, in memory
        used = {row[2] for row in rows}
        coded: dict[str, set[str]] = {}
        for row in rows:
            if row[2] in flagged and row[3] is not None:
                coded.setdefault(row[2], set()).add(row[3])
    else:
        used = source.fields_in_use(project, annotator)
        coded = source.coded_values(project, sorted(flagged), annotator)
    return field_specs(active, books, used), coded
