"""The search index in parts: each holds the search keys of up to PART_SIZE consecutive articles.

FTS5 makes two costs grow with its index: bm25 weighs each query word by how many of the
index's articles hold it, and counts them by reading the word's whole list (whatever
part of it is ranked); a prefix query (``همکاری*``) merges the lists of every word with
that start before it hands out its first match.  In one index of the whole project
both grow with the project.  In parts of a fixed size they grow with a part: a page of
the list is read from the first parts that hold enough matches, ranked search ranks
the newest matches from the newest parts (:meth:`~.articles.Articles.search`).  What
reads every match (a count, a filter) reads each part's in turn, as much as before.

Part 0 is ``article_search``, every project's first index (a project indexed before
the parts keeps all its articles there, however many); the others are FTS5 tables named
``search_part_<its first article number>``, made when an article is added past the last
part's size.  Articles are numbered in import order and never removed, so a part holds
the articles from its first number up to the next part's.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

PART_SIZE = 65_536
FIRST_PART = "article_search"
PART_PREFIX = "search_part_"
# As migration 0001 made article_search (tests/core/test_search_parts.py compares them).
_DEFINITION = "fts5(title_key, body_key, content='', tokenize='unicode61 remove_diacritics 0')"


@dataclass(frozen=True)
class Part:
    """One part of the index: its table and the first article number it holds."""

    name: str
    first: int


def parts(conn: sqlite3.Connection) -> list[Part]:
    """The index's parts, in article order (one, ``article_search``, in most projects)."""
    found = [Part(FIRST_PART, 1)]
    for (name,) in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' "
            "AND name LIKE 'search\\_part\\_%' ESCAPE '\\' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%'"):
        number = str(name)[len(PART_PREFIX):]
        if number.isdigit():
            found.append(Part(str(name), int(number)))
    return sorted(found, key=lambda part: part.first)


class Parts:
    """The parts of one connection's index, read from the schema again only when it has
    changed (reading it costs about 0.09 ms, a third of a common word's page; asking
    whether it changed, ``PRAGMA schema_version``, 0.01 ms)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._known: tuple[int, list[Part]] | None = None

    def __call__(self) -> list[Part]:
        version = int(self._conn.execute("PRAGMA schema_version").fetchone()[0])
        if self._known is None or self._known[0] != version:
            self._known = (version, parts(self._conn))
        return self._known[1]


def holding(conn: sqlite3.Connection, first: int, last: int
            ) -> list[tuple[Part, int, int]]:
    """The parts to hold articles ``first``..``last`` of ``main`` (new ones, past the last
    part's size, are made: call it in the transaction that adds the articles), each with
    the first and last of those numbers it holds."""
    known = parts(conn)
    while known[-1].first + PART_SIZE <= last:
        start = max(first, known[-1].first + PART_SIZE)
        known.append(_make(conn, start, known[-1]))
    held: list[tuple[Part, int, int]] = []
    for index, part in enumerate(known):
        end = known[index + 1].first - 1 if index + 1 < len(known) else last
        low, high = max(first, part.first), min(last, end)
        if low <= high:
            held.append((part, low, high))
    return held


def _make(conn: sqlite3.Connection, first: int, before: Part) -> Part:
    part = Part(f"{PART_PREFIX}{first}", first)
    conn.execute(f"CREATE VIRTUAL TABLE main.{part.name} USING {_DEFINITION}")
    # The part before it may be merging as an import does (see Articles.add).
    merging = conn.execute(
        f"SELECT v FROM main.{before.name}_config WHERE k = 'automerge'").fetchone()
    if merging is not None:
        conn.execute(f"INSERT INTO main.{part.name} ({part.name}, rank) "
                     "VALUES ('automerge', ?)", (merging[0],))
    return part


def each(chosen: list[Part], arm: str) -> str:
    """``arm`` once for each part, its ``{part}`` the part's table, joined by UNION ALL
    (the caller passes its parameters once for each part, in order)."""
    return " UNION ALL ".join(arm.format(part=part.name) for part in chosen)


def matching(chosen: list[Part], condition: str = "") -> str:
    """The article numbers that match a query (one parameter for each part, and those of
    ``condition``) in the ``chosen`` parts."""
    return each(chosen, "SELECT rowid FROM {part} WHERE {part} MATCH ? " + condition)


def from_number(chosen: list[Part], number: int) -> list[Part]:
    """The parts of ``chosen`` that may hold articles numbered ``number`` or more."""
    return [part for index, part in enumerate(chosen)
            if index + 1 == len(chosen) or chosen[index + 1].first > number]


def page(conn: sqlite3.Connection, chosen: list[Part], match: str, limit: int | None,
         offset: int) -> list[int]:
    """The numbers of the matches ``offset`` to ``offset + limit`` (all after ``offset``
    when ``limit`` is None), in article order.

    The parts are read one after another, each only if the page goes on into it: asked
    together (UNION ALL in one statement) every part starts its search, and a prefix
    query merges its words' lists in each part before it hands out a match.
    """
    numbers: list[int] = []
    for part in chosen:
        wanted = -1 if limit is None else limit - len(numbers)
        if wanted == 0:
            break
        found = [int(row[0]) for row in conn.execute(
            f"{matching([part])} ORDER BY rowid LIMIT ? OFFSET ?", (match, wanted, offset))]
        if not found and offset:
            # The page starts in a later part: step over this part's matches.
            offset -= int(conn.execute(f"SELECT COUNT(*) FROM ({matching([part])} LIMIT ?)",
                                       (match, offset)).fetchone()[0])
            continue
        offset = 0
        numbers += found
    return numbers


def newest(conn: sqlite3.Connection, chosen: list[Part], match: str, count: int) -> int:
    """The lowest number of the ``count`` newest matches (0 when fewer match), read from
    the newest part back, each part only if the newest matches go on into it."""
    for part in reversed(chosen):
        found, lowest = conn.execute(
            f"SELECT COUNT(*), MIN(rowid) FROM ({matching([part])} ORDER BY rowid DESC "
            "LIMIT ?)", (match, count)).fetchone()
        if found == count:
            return int(lowest)
        count -= int(found)
    return 0
