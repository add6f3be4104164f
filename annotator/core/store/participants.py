"""The project's participants registry: the people and bodies tags can name.

A new project gets the bundled registry; more come from a TOML file or a colleague's
merged file, and a participant whose id is already present is left as it is.  The list,
and the matcher that finds participants in article text, are read once and kept until
the file changes underneath.
"""

from __future__ import annotations

import json

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable
from annotator.core.participants import Matcher, Participant
from annotator.core.store.base import Store, now

_PARTICIPANT_COLUMNS = (
    "participant_id, kind, name_en, name_fa, name_ar, aliases, country, "
    "office_en, office_fa, office_ar, added_by"
)


class Participants:
    """``project.participants``: every participant, one by id, and adding new ones."""

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
                    f"SELECT {_PARTICIPANT_COLUMNS} FROM participants ORDER BY participant_id"
                )
            ]
        return self._all

    def get(self, participant_id: str) -> Participant:
        """The participant with this id; an error names a missing one."""
        for participant in self.all():
            if participant.id == participant_id:
                return participant
        raise AnnotatorError(Translatable("no participant with id '{id}'", id=participant_id))

    def ids(self) -> set[str]:
        return {p.id for p in self.all()}

    def matcher(self) -> Matcher:
        """Finds the project's participants in article text."""
        if self._matcher is None:
            self._matcher = Matcher(self.all())
        return self._matcher

    def add(self, participants: list[Participant], added_by: str | None) -> int:
        """Add participants whose id is new; returns how many were added."""
        store = self._store
        stamp = now()
        with store.write() as conn:
            before = store.scalar("SELECT COUNT(*) FROM participants")
            conn.executemany(
                f"INSERT OR IGNORE INTO participants ({_PARTICIPANT_COLUMNS}, added_at) "
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
     office_en, office_fa, office_ar, added_by) = row
    name = {k: v for k, v in (("en", name_en), ("fa", name_fa), ("ar", name_ar)) if v}
    office = {k: v for k, v in (("en", office_en), ("fa", office_fa), ("ar", office_ar)) if v}
    return Participant(pid, kind, name, tuple(json.loads(aliases or "[]")), country or "",
                       office, added_by)
