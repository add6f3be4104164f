"""Correcting the participants registry: updates, retirements, merges, and their history.

An entry's id is stored with the tags, so an entry is never deleted or renamed: its
names, aliases, kind, country and office are corrected in place (:meth:`Registry.load`
with ``update``, :meth:`Registry.correct`); an entry no longer wanted is retired (kept for
the tags made before, not offered for new ones) and may be restored; two entries that
are one person are merged: the tags naming the first name the second (without making a
tag twice: a tag the second already has keeps its own role, evidence and note and takes
only those it lacks), the first's names become the second's aliases, and the first is
kept, retired, pointing at the second, so old exports and the history still resolve.

No two entries in use may share a spelling after folding (:func:`~annotator.core.
participants.name_key`), unless the caller allows it: the same name would be suggested
under two ids.  Every change is one row of ``participant_history``, by whom and when,
with the entry before and after.  A merge of colleagues' files brings their corrections
and history in (:mod:`.merge_sql`), and :func:`follow_merges` then re-points any tag
still naming a merged entry, so a merge made on one machine reaches the tags of every
other.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable
from annotator.core.participants import KINDS, Clash, Participant, clashes, name_key
from annotator.core.store.backups import Backups
from annotator.core.store.base import Store, now
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.participants import PARTICIPANT_COLUMNS, Participants, row_values
from annotator.core.store.review import basis_text, read_basis
from annotator.core.store.uids import new_uid

ACTIONS = ("added", "updated", "retired", "restored", "merged")
SHOWN = 10  # ids named in a summary line; the rest are counted


@dataclass(frozen=True)
class RegistryChange:
    """One row of the registry's history."""

    change_uid: str
    changed_at: str
    changed_by: str
    action: str  # one of ACTIONS
    participant_id: str
    into_id: str | None  # merged: the entry it was merged into
    old: dict[str, Any] | None  # the entry before (see Participant.content)
    new: dict[str, Any] | None  # the entry after (merged: the entry merged into, after)
    detail: dict[str, Any] | None  # merged: tags and adjudications re-pointed


class ClashError(AnnotatorError):
    """A change would give two entries in use one spelling; nothing was changed."""

    def __init__(self, found: list[Clash]) -> None:
        self.clashes = found
        super().__init__(Translatable(
            "{clash}; nothing was changed (a shared name is suggested under two ids: "
            "correct one of them, or allow it with --allow-clash)",
            clash=Listing(c.message() for c in found[:3])))


@dataclass
class LoadSummary:
    """What loading a registry file did, entry by entry (ids)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)  # differ here, not updated

    def lines(self) -> list[str]:
        out: list[str] = [Translatable(
            "participants: {added} added, {updated} updated, {unchanged} unchanged",
            added=len(self.added), updated=len(self.updated), unchanged=len(self.unchanged))]
        for ids, message in ((self.added, N_("added: {ids}")),
                             (self.updated, N_("updated: {ids}"))):
            if ids:
                out.append(Translatable(message, ids=_some(ids)))
        if self.differing:
            out.append(Translatable(
                "{count} entries differ from the file and were left as they are (to "
                "correct them: --update): {ids}", count=len(self.differing),
                ids=_some(self.differing)))
        return out


@dataclass(frozen=True)
class Repointed:
    """What re-pointing the tags of merged entries changed."""

    tags: int = 0  # tags now naming the entry merged into
    adjudications: int = 0
    folded: int = 0  # tags (and adjudications) that entry already had: the old one removed
    tag_uids: tuple[str, ...] = ()

    def __add__(self, other: Repointed) -> Repointed:
        return Repointed(self.tags + other.tags, self.adjudications + other.adjudications,
                         self.folded + other.folded, self.tag_uids + other.tag_uids)

    @property
    def any(self) -> bool:
        return bool(self.tags or self.adjudications or self.folded)


class Registry:
    """``project.registry``: correcting the participants registry, and its history."""

    def __init__(self, store: Store, participants: Participants, codebooks: Codebooks,
                 backups: Backups) -> None:
        self._store = store
        self._participants = participants
        self._codebooks = codebooks
        self._backups = backups

    # -- reading ----------------------------------------------------------------------
    def history(self, participant_id: str | None = None) -> list[RegistryChange]:
        """The registry's history, oldest first; ``participant_id``: only changes of that
        entry (and merges into it)."""
        where, params = "", ()
        if participant_id is not None:
            where = " WHERE participant_id = ? OR into_id = ?"
            params = (participant_id, participant_id)  # type: ignore[assignment]
        return [
            RegistryChange(uid, at, by, action, pid, into, _json(old), _json(new),
                           _json(detail))
            for uid, at, by, action, pid, into, old, new, detail in self._store.conn.execute(
                "SELECT change_uid, changed_at, changed_by, action, participant_id, into_id, "
                f"old_value, new_value, detail FROM participant_history{where} "
                "ORDER BY changed_at, change_id", params)]

    def clashes(self) -> list[Clash]:
        """Spellings that two entries in use share (after folding)."""
        return clashes(self._participants.all())

    # -- changing ---------------------------------------------------------------------
    def load(self, entries: list[Participant], by: str, update: bool = False,
             allow_clash: bool = False) -> LoadSummary:
        """Add the new entries of a registry file; with ``update``, correct the entries
        whose id is here and whose names, aliases, kind, country or office differ.

        Without ``update`` such entries are listed (``differing``) and left alone.
        Refused whole (:class:`ClashError`) when an entry in use would share a spelling
        with another, unless ``allow_clash``.
        """
        summary = LoadSummary()
        current = {p.id: p for p in self._participants.all()}
        after = dict(current)
        for entry in entries:
            here = current.get(entry.id)
            if here is None:
                summary.added.append(entry.id)
                after[entry.id] = replace(entry, added_by=by, retired_at=None,
                                          merged_into=None)
            elif here.same_content(entry):
                summary.unchanged.append(entry.id)
            elif update:
                summary.updated.append(entry.id)
                after[entry.id] = _corrected(here, entry)
            else:
                summary.differing.append(entry.id)
        changed = summary.added + summary.updated
        self._refuse_clashes(list(after.values()), changed, allow_clash)
        stamp = now()
        with self._store.write() as conn:
            for pid in summary.added:
                conn.execute(
                    f"INSERT INTO participants ({PARTICIPANT_COLUMNS}, added_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (*row_values(after[pid]), stamp))
                self._record(by, stamp, "added", pid, None, after[pid].content())
            for pid in summary.updated:
                self._write(after[pid], by, stamp)
                self._record(by, stamp, "updated", pid, current[pid].content(),
                             after[pid].content())
        self._participants.reset_caches()
        return summary

    def correct(self, participant_id: str, by: str, *, names: dict[str, str] | None = None,
             add_aliases: tuple[str, ...] = (), drop_aliases: tuple[str, ...] = (),
             kind: str | None = None, country: str | None = None,
             allow_clash: bool = False) -> Participant:
        """Correct one entry: names per language (an empty name removes that language's),
        aliases added and dropped (dropped by their folded spelling), kind, country."""
        here = self._participants.get(participant_id)
        name = dict(here.name)
        for language, text in (names or {}).items():
            if text.strip():
                name[language] = text.strip()
            else:
                name.pop(language, None)
        if not name:
            raise AnnotatorError(Translatable("'{id}': an entry keeps at least one name",
                                              id=participant_id))
        dropped = {name_key(a) for a in drop_aliases}
        missing = [a for a in drop_aliases
                   if name_key(a) not in {name_key(x) for x in here.aliases}]
        if missing:
            raise AnnotatorError(Translatable("'{id}' has no alias {alias}",
                                              id=participant_id, alias=repr(missing[0])))
        aliases = [a for a in here.aliases if name_key(a) not in dropped]
        for alias in add_aliases:
            if alias.strip() and alias.strip() not in aliases:
                aliases.append(alias.strip())
        if kind is not None and kind not in KINDS:
            raise AnnotatorError(Translatable("kind {kind} is not one of {kinds}",
                                              kind=repr(kind), kinds=Listing(KINDS)))
        after = replace(here, name=name, aliases=tuple(aliases), kind=kind or here.kind,
                        country=here.country if country is None else country.strip())
        if after.same_content(here):
            return here
        everyone = [after if p.id == participant_id else p for p in self._participants.all()]
        self._refuse_clashes(everyone, [participant_id], allow_clash)
        stamp = now()
        with self._store.write():
            self._write(after, by, stamp)
            self._record(by, stamp, "updated", participant_id, here.content(), after.content())
        self._participants.reset_caches()
        return self._participants.get(participant_id)

    def retire(self, participant_id: str, by: str) -> Participant:
        """Keep the entry for the tags made before; offer it for no new ones."""
        here = self._participants.get(participant_id)
        if here.retired:
            raise AnnotatorError(Translatable("'{id}' is already retired", id=participant_id))
        stamp = now()
        with self._store.write():
            self._write(replace(here, retired_at=stamp), by, stamp)
            self._record(by, stamp, "retired", participant_id, here.content(), None)
        self._participants.reset_caches()
        return self._participants.get(participant_id)

    def restore(self, participant_id: str, by: str, allow_clash: bool = False) -> Participant:
        """Put a retired entry back in use (a merged one stays merged: its tags moved)."""
        here = self._participants.get(participant_id)
        if here.merged_into:
            raise AnnotatorError(Translatable(
                "'{id}' was merged into '{into}'; its tags name '{into}' now, so it cannot "
                "be restored (the backup made before the merge can)", id=participant_id,
                into=here.merged_into))
        if not here.retired:
            raise AnnotatorError(Translatable("'{id}' is not retired", id=participant_id))
        back = replace(here, retired_at=None)
        everyone = [back if p.id == participant_id else p for p in self._participants.all()]
        self._refuse_clashes(everyone, [participant_id], allow_clash)
        stamp = now()
        with self._store.write():
            self._write(back, by, stamp)
            self._record(by, stamp, "restored", participant_id, None, here.content())
        self._participants.reset_caches()
        return self._participants.get(participant_id)

    def merge(self, source: str, target: str, by: str, backup: bool = True) -> Repointed:
        """Merge entry ``source`` into ``target`` (one person under two ids).

        The tags and adjudications naming ``source`` name ``target`` (see the module
        docstring); ``source``'s names and aliases become ``target``'s aliases; ``source``
        is kept, retired, merged into ``target``.  The project is backed up first
        (reason ``before-participants-merge``): that backup is the way back.
        """
        if source == target:
            raise AnnotatorError(Translatable("'{id}' cannot be merged into itself",
                                              id=source))
        old = self._participants.get(source)
        into = self._participants.get(target)
        if old.merged_into:
            raise AnnotatorError(Translatable("'{id}' was already merged into '{into}'",
                                              id=source, into=old.merged_into))
        if into.retired:
            raise AnnotatorError(Translatable(
                "'{id}' is retired: merge into an entry in use", id=target))
        known = {name_key(s) for s in into.spellings}
        aliases = list(into.aliases)
        for spelling in old.spellings:
            if name_key(spelling) not in known:
                known.add(name_key(spelling))
                aliases.append(spelling)
        grown = replace(into, aliases=tuple(aliases))
        if backup:
            self._backups.make("before-participants-merge")
        stamp = now()
        with self._store.write() as conn:
            self._write(replace(old, merged_into=target, retired_at=old.retired_at or stamp),
                        by, stamp)
            if not grown.same_content(into):
                self._write(grown, by, stamp)
            self._participants.reset_caches()
            moved = follow_merges(conn, self.participant_fields(), stamp)
            self._record(by, stamp, "merged", source, old.content(), grown.content(),
                         into_id=target, detail={
                             "tags": moved.tags, "adjudications": moved.adjudications,
                             "folded": moved.folded, "tag_uids": list(moved.tag_uids),
                             "into_before": into.content()})
        self._participants.reset_caches()
        return moved

    def follow_merges(self) -> Repointed:
        """Re-point tags still naming a merged entry (after an import or a merge)."""
        with self._store.write() as conn:
            return follow_merges(conn, self.participant_fields(), now())

    def participant_fields(self) -> list[str]:
        """The active codebook's fields whose values are participant ids."""
        return [f.id for f in self._codebooks.active().fields if f.type == "participants"]

    # -- internals --------------------------------------------------------------------
    def _refuse_clashes(self, everyone: list[Participant], changed: list[str],
                        allow: bool) -> None:
        if allow or not changed:
            return
        found = clashes(everyone, among=changed)
        if found:
            raise ClashError(found)

    def _write(self, p: Participant, by: str, stamp: str) -> None:
        values = row_values(p)
        self._store.conn.execute(
            "UPDATE participants SET kind = ?, name_en = ?, name_fa = ?, name_ar = ?, "
            "aliases = ?, country = ?, office_en = ?, office_fa = ?, office_ar = ?, "
            "updated_at = ?, updated_by = ?, retired_at = ?, merged_into = ? "
            "WHERE participant_id = ?",
            (*values[1:10], stamp, by, p.retired_at, p.merged_into, p.id))

    def _record(self, by: str, stamp: str, action: str, participant_id: str,
                old: dict[str, Any] | None, new: dict[str, Any] | None,
                into_id: str | None = None, detail: dict[str, Any] | None = None) -> None:
        self._store.conn.execute(
            "INSERT INTO participant_history (change_uid, changed_at, changed_by, action, "
            "participant_id, into_id, old_value, new_value, detail) VALUES (?,?,?,?,?,?,?,?,?)",
            (new_uid(), stamp, by, action, participant_id, into_id, _text(old),
             _text(new), _text(detail)))


def _corrected(here: Participant, entry: Participant) -> Participant:
    """``here`` with what a registry file says of it (its state and who added it kept)."""
    return replace(here, kind=entry.kind, name=dict(entry.name), aliases=entry.aliases,
                   country=entry.country, office=dict(entry.office))


def _some(ids: list[str]) -> Listing | Translatable:
    listed = Listing(ids[:SHOWN])
    if len(ids) > SHOWN:
        return Translatable("{listed} and {count} more", listed=listed,
                            count=len(ids) - SHOWN)
    return listed


def _text(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _json(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


# -- re-pointing tags ---------------------------------------------------------------------
def merged_targets(conn: sqlite3.Connection) -> dict[str, str]:
    """Each merged entry -> the entry in use its tags belong to now (chains followed)."""
    merged = {str(a): str(b) for a, b in conn.execute(
        "SELECT participant_id, merged_into FROM main.participants "
        "WHERE merged_into IS NOT NULL")}
    targets: dict[str, str] = {}
    for start in merged:
        seen = {start}
        end = merged[start]
        while end in merged and end not in seen:  # a cycle (two files' merges) stops
            seen.add(end)
            end = merged[end]
        if end != start:
            targets[start] = end
    return targets


# (table, row id, uid, owner column or None, note column)
_NAMING = (("tags", "tag_id", "tag_uid", "annotator", "note"),
           ("adjudications", "adjudication_id", "adjudication_uid", None, "comment"))


def follow_merges(conn: sqlite3.Connection, participant_fields: list[str],
                  stamp: str) -> Repointed:
    """Make every tag and adjudication naming a merged entry name the entry it was
    merged into (in the ``participant`` column, and as the value of a participants
    field); one the target already has is removed, its role, evidence and note filling
    what the target's lacks.  Decisions' bases follow, so no decision asks for a second
    look for a re-pointing alone.  Runs in the caller's transaction."""
    targets = merged_targets(conn)
    total = Repointed()
    if not targets:
        return total
    fields = json.dumps(participant_fields)
    sources = json.dumps(sorted(targets))
    for table, row_id, uid, owner, note in _NAMING:
        moved = folded = 0
        uids: list[str] = []
        owner_sql = f"{owner}" if owner else "NULL"
        # One pass over the table for every merged entry (a merge of files runs this).
        rows = conn.execute(
            f"SELECT {row_id}, {uid}, article_id, {owner_sql}, field, value, participant, "
            f"role, span_start, span_end, quote, {note} FROM main.{table} "
            "WHERE participant IN (SELECT value FROM json_each(?1)) OR (value IN "
            "(SELECT value FROM json_each(?1)) AND field IN (SELECT value FROM json_each(?2))) "
            f"ORDER BY {row_id}", (sources, fields)).fetchall()
        for (rid, row_uid, article, who, field_id, value, participant, role, start, end,
             quote, text) in rows:
            value_now = targets.get(value, value) if field_id in participant_fields \
                else value
            participant_now = targets.get(participant, participant)
            twin = conn.execute(
                f"SELECT {row_id}, role, span_start, {note} FROM main.{table} "
                f"WHERE article_id = ? AND {owner_sql} IS ? AND field = ? "
                "AND COALESCE(value, '') = COALESCE(?, '') "
                f"AND COALESCE(participant, '') = COALESCE(?, '') AND {row_id} <> ?",
                (article, who, field_id, value_now, participant_now, rid)).fetchone()
            if twin is None:
                conn.execute(f"UPDATE main.{table} SET value = ?, participant = ?, "
                             f"updated_at = ? WHERE {row_id} = ?",
                             (value_now, participant_now, stamp, rid))
                moved += 1
                uids.append(str(row_uid))
                continue
            twin_id, twin_role, twin_start, twin_note = twin
            fill: dict[str, object] = {}
            if twin_role is None and role is not None:
                fill["role"] = role
            if twin_start is None and start is not None:
                fill.update(span_start=start, span_end=end, quote=quote)
            if twin_note is None and text is not None:
                fill[note] = text
            conn.execute(f"DELETE FROM main.{table} WHERE {row_id} = ?", (rid,))
            if fill:
                fill["updated_at"] = stamp
                setting = ", ".join(f"{column} = ?" for column in fill)
                conn.execute(f"UPDATE main.{table} SET {setting} WHERE {row_id} = ?",
                             (*fill.values(), twin_id))
            folded += 1
            uids.append(str(row_uid))
        total = total + (Repointed(tags=moved, folded=folded, tag_uids=tuple(uids))
                         if table == "tags" else Repointed(adjudications=moved, folded=folded))
    _follow_in_bases(conn, targets, participant_fields, stamp)
    return total


def _follow_in_bases(conn: sqlite3.Connection, targets: dict[str, str],
                     participant_fields: list[str], stamp: str) -> None:
    """Decisions' bases name the entries merged into, as the tags now do."""
    needles = [json.dumps(source) for source in targets]
    found = " OR ".join("instr(basis, ?) > 0" for _ in needles)
    for rid, field_id, basis in conn.execute(
            "SELECT adjudication_id, field, basis FROM main.adjudications "
            f"WHERE basis IS NOT NULL AND ({found})", needles).fetchall():
        then = read_basis(str(basis))
        changed = {
            name: frozenset(
                tuple(_target(targets, part) if (i == 0 and field_id in participant_fields)
                      or i == 1 else part
                      for i, part in enumerate(key))
                for key in keys)
            for name, keys in then.items()}
        renewed = basis_text(changed)
        if renewed != basis:
            conn.execute("UPDATE main.adjudications SET basis = ?, updated_at = ? "
                         "WHERE adjudication_id = ?", (renewed, stamp, rid))


def _target(targets: dict[str, str], part: object) -> object:
    return targets.get(part, part) if isinstance(part, str) else part
