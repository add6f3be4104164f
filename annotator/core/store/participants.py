"""The project's participants registry: the people and bodies tags can name.

A new project gets the bundled registry; more come from a TOML file or a colleague's
merged file.  Corrections, retirements and merges of entries, and their history, are
:mod:`.registry`'s.  The list, and the matcher that finds participants in article text
(entries in use only), are read once and kept until the file changes underneath.
"""

from __future__ import annotations

import json

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.participants import Matcher, Participant
from annotator.core.store.base import Store, now

PARTICIPANT_COLUMNS = (
    "participant_id, kind, name_en, name_fa, name_ar, aliases, country, "
    "office_en, office_fa, office_ar, added_by"
)
_STATE_COLUMNS = "retired_at, merged_into"


class Participants:
    """``project.participants``: every participant (retired ones too), one by id, and
    adding new ones."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._all: list[Participant] | None = None
        self._matcher: Matcher | None = None

    def reset_caches(self) -> None:
        self._all = None
        self._matcher = None

    def all(self) -> list[Participant]:
        if self._all is None:
            self._all = [
                _participant(row)
                for row in self._store.conn.execute(
                    f"SELECT {PARTICIPANT_COLUMNS}, {self._state_columns()} FROM participants "
                    "ORDER BY participant_id"
                )
            ]
        return self._all

    def _state_columns(self) -> str:
        """Retirement and merge columns (NULL in a file before 0008, which the fixtures
        of older schema versions are made as)."""
        present = {str(row[1]) for row in self._store.conn.execute(
            "PRAGMA table_info(participants)")}
        return _STATE_COLUMNS if "merged_into" in present else "NULL, NULL"

    def get(self, participant_id: str) -> Participant:
        """The participant with this id; an error names a missing one."""
        for participant in self.all():
            if participant.id == participant_id:
                return participant
        raise AnnotatorError(Translatable("no participant with id '{id}'", id=participant_id))

    def ids(self) -> set[str]:
        """Every id, retired ones too (old tags name them)."""
        return {p.id for p in self.all()}

    def in_use(self) -> list[Participant]:
        """The entries offered for new tags: not retired, not merged into another."""
        return [p for p in self.all() if not p.retired]

    def find(self, participant_id: str) -> Participant | None:
        return next((p for p in self.all() if p.id == participant_id), None)

    def matcher(self) -> Matcher:
        """Finds the project's participants in article text."""
        if self._matcher is None:
            self._matcher = Matcher(self.all())
        return self._matcher

    def add(self, participants: list[Participant], added_by: str | None) -> int:
        """Add participants whose id is new; returns how many were added.

        For a new project's bundled registry; an analyst's file goes through
        :meth:`~.registry.Registry.load`, which says what differs and records it."""
        store = self._store
        stamp = now()
        with store.write() as conn:
            before = store.scalar("SELECT COUNT(*) FROM participants")
            conn.executemany(
                f"INSERT OR IGNORE INTO participants ({PARTICIPANT_COLUMNS}, added_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        p.id, p.kind, p.name.get("en"), p.name.get("fa"), p.name.get("ar"),
                        json.dumps(list(p.aliases), ensure_ascii=False), p.country,
                        p.office.get("en"), p.office.get("fa"), p.office.get("ar"),
                        added_by if added_by is not None else p.added_by, stamp,
                    )
                    for p in participants
                ],
            )
            added = int(store.scalar("SELECT COUNT(*) FROM participants") or 0) - int(before or 0)
        self.reset_caches()
        return added


def _participant(row: tuple) -> Participant:
    (pid, kind, name_en, name_fa, name_ar, aliases, country,
     office_en, office_fa, office_ar, added_by, retired_at, merged_into) = row
    name = {k: v for k, v in (("en", name_en), ("fa", name_fa), ("ar", name_ar)) if v}
    office = {k: v for k, v in (("en", office_en), ("fa", office_fa), ("ar", office_ar)) if v}
    return Participant(pid, kind, name, tuple(json.loads(aliases or "[]")), country or "",
                       office, added_by, retired_at, merged_into)


def row_values(p: Participant) -> tuple:
    """``p`` as the participants table's columns (:data:`PARTICIPANT_COLUMNS` order)."""
    return (p.id, p.kind, p.name.get("en"), p.name.get("fa"), p.name.get("ar"),
            json.dumps(list(p.aliases), ensure_ascii=False), p.country,
            p.office.get("en"), p.office.get("fa"), p.office.get("ar"), p.added_by)
