"""The history: every change to a tag, a status or an adjudication, by whom and when.

Triggers on those tables fill ``history`` with the old and new row (see the migrations),
so no path that writes them can skip it; a merge brings a colleague's history in.  This
part only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.store.base import Store


@dataclass(frozen=True)
class Change:
    """One row of the history: who changed what, when, and the old and new value."""

    change_id: int
    changed_at: str
    changed_by: str
    action: str
    what: str
    article_id: str
    annotator: str
    field: str | None
    old_value: str | None
    new_value: str | None


class History:
    """``project.history``: the recorded changes, oldest first."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def changes(self, article_id: str | None = None,
                annotator: str | None = None) -> list[Change]:
        clause, params = self._store.where(article_id=article_id, annotator=annotator)
        sql = f"SELECT * FROM history{clause} ORDER BY change_id"
        return [Change(*row) for row in self._store.conn.execute(sql, params)]
