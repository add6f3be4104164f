"""The project's settings: small named values kept in the file (``project_settings``).

When and with which version the project was made, the active codebook's version, and
where each annotator left off.  A value is text; a key not set reads as the default.
"""

from __future__ import annotations

from annotator.core.store.base import Store


class Settings:
    """``project.settings``: read and set one named value."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self._store.scalar("SELECT value FROM project_settings WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set(self, key: str, value: str) -> None:
        with self._store.write() as conn:
            conn.execute(
                "INSERT INTO project_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
