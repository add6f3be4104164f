"""The codebooks in the project file: every version kept, one of them active.

Each codebook change adds a version (``codebooks``: the TOML text exactly, when and
from where it was loaded); tags remember the version they were coded with.  The active
codebook is the one last chosen here (the ``active_codebook`` setting).  Codebooks
that came in with a colleague's merged file are kept for their tags but do not become
active.  A new codebook is refused if it would leave existing tags without their field,
value or role.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.codebook import Codebook, parse_codebook, removed_in_use
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Clauses, Translatable
from annotator.core.store.backups import Backups
from annotator.core.store.base import Store, now
from annotator.core.store.settings import Settings


@dataclass(frozen=True)
class CodebookVersion:
    """One stored codebook: its version here, its own id and revision, when and from
    which file it was loaded (None: bundled, or from a colleague's merged file)."""

    version: int
    codebook_id: str
    revision: str
    loaded_at: str
    loaded_from: str | None
    active: bool


class Codebooks:
    """``project.codebooks``: the active codebook, and loading a new one."""

    def __init__(self, store: Store, settings: Settings, backups: Backups) -> None:
        self._store = store
        self._settings = settings
        self._backups = backups
        self._active: tuple[int, Codebook] | None = None

    def reset_caches(self) -> None:
        self._active = None

    def active(self) -> Codebook:
        return self._active_codebook()[1]

    def active_version(self) -> int:
        return self._active_codebook()[0]

    def _active_codebook(self) -> tuple[int, Codebook]:
        store = self._store
        version = int(store.scalar(
            "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM project_settings "
            "WHERE key = 'active_codebook'), (SELECT MAX(version) FROM codebooks), 0)") or 0)
        if self._active is None or self._active[0] != version:
            if version == 0:
                raise AnnotatorError(Translatable("{path}: the project has no codebook",
                                                  path=store.path))
            source = str(store.scalar("SELECT source_toml FROM codebooks WHERE version = ?",
                                      (version,)))
            self._active = (version, parse_codebook(
                source, Translatable("codebook version {version}", version=version)))
        return self._active

    def load(self, codebook: Codebook, loaded_from: str | None = None) -> int:
        """Make ``codebook`` the active one; refused if it would orphan existing tags."""
        store = self._store
        if store.scalar("SELECT COUNT(*) FROM codebooks") and (
                codebook.source != self.active().source):
            self._backups.make("before-codebook-change")
        with store.write() as conn:
            if store.scalar("SELECT COUNT(*) FROM codebooks"):
                current = self.active()
                used = {(str(f), str(v)) for f, v in conn.execute(
                    "SELECT DISTINCT field, COALESCE(value, '') FROM tags")}
                used_values = {(f, v) for f, v in used if v}
                used_fields = {(f, "") for f, _ in used}
                roles = {(str(f), str(r)) for f, r in conn.execute(
                    "SELECT DISTINCT field, role FROM tags WHERE role IS NOT NULL")}
                problems = removed_in_use(current, codebook, used_values | used_fields,
                                          roles_used=roles)
                if problems:
                    raise AnnotatorError(Translatable("codebook not changed: {problems}",
                                                      problems=Clauses(problems)))
                if codebook.source == current.source:
                    return self.active_version()
            known = store.scalar("SELECT version FROM codebooks WHERE source_toml = ?",
                                 (codebook.source,))
            if known is None:
                cursor = conn.execute(
                    "INSERT INTO codebooks (codebook_id, revision, source_toml, loaded_at, "
                    "loaded_from) VALUES (?, ?, ?, ?, ?)",
                    (codebook.id, codebook.revision, codebook.source, now(), loaded_from),
                )
                known = int(cursor.lastrowid or 0)
            self.activate(int(known))
            return int(known)

    def history(self) -> list[CodebookVersion]:
        """Every codebook version the project holds, oldest first, the active one marked."""
        active = self.active_version()
        return [CodebookVersion(int(version), str(codebook_id), str(revision), str(loaded_at),
                                loaded_from, int(version) == active)
                for version, codebook_id, revision, loaded_at, loaded_from
                in self._store.conn.execute(
                    "SELECT version, codebook_id, revision, loaded_at, loaded_from "
                    "FROM codebooks ORDER BY version")]

    def version(self, version: int) -> Codebook:
        """The stored codebook ``version``; an error names one the project does not hold."""
        source = self._store.scalar("SELECT source_toml FROM codebooks WHERE version = ?",
                                    (version,))
        if source is None:
            raise AnnotatorError(Translatable(
                "the project has no codebook version {version} (see codebook --history)",
                version=version))
        return parse_codebook(str(source),
                              Translatable("codebook version {version}", version=version))

    def activate(self, version: int) -> None:
        """Make the stored codebook ``version`` the active one."""
        self._settings.set("active_codebook", str(version))
