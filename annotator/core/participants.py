"""The participants registry: people, institutions and countries, and where articles name them.

The registry ships as ``resources/participants.toml``; a project copies it into its file
and analysts may add their own participants.  Matching runs on search keys (see
:mod:`annotator.core.text`), so ``اردوغان``, ``إردوغان`` and ``أردوغان`` are one name, and
reports code-point offsets into the original article text for highlighting.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Translatable
from annotator.core.languages import LANGUAGES
from annotator.core.text import search_key, search_key_with_offsets

KINDS = ("person", "institution", "country")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# One-letter clitics that attach to a following name in Arabic and Persian (و ل ب ف).
_CLITICS = "\u0648\u0644\u0628\u0641"


@dataclass(frozen=True)
class Participant:
    """A person, institution or state that can take part in a reported interaction."""

    id: str
    kind: str
    name: dict[str, str]
    aliases: tuple[str, ...] = ()
    country: str = ""
    office: dict[str, str] = field(default_factory=dict)
    added_by: str | None = None  # None: from the bundled registry
    retired_at: str | None = None  # set: kept for the tags made before, not for new ones
    merged_into: str | None = None  # set: one person with that entry (and retired)

    def text(self, language: str) -> str:
        return self.name.get(language) or self.name.get("en") or self.id

    @property
    def retired(self) -> bool:
        return self.retired_at is not None or self.merged_into is not None

    def content(self) -> dict[str, Any]:
        """What a correction can change, as stored in the history (JSON)."""
        return {"kind": self.kind, "name": dict(sorted(self.name.items())),
                "aliases": list(self.aliases), "country": self.country,
                "office": dict(sorted(self.office.items()))}

    def same_content(self, other: Participant) -> bool:
        """Whether ``other`` says the same (names, aliases, kind, country, office)."""
        return self.content() == other.content()

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.name.values(), *self.aliases]))


@dataclass(frozen=True)
class Mention:
    """A participant named in an article: code-point offsets and the text as written."""

    participant_id: str
    start: int
    end: int
    quote: str


def name_key(spelling: str) -> str:
    """A spelling as two entries' names are compared: the search key (Yeh/Kaf, hamza,
    diacritics, ZWNJ folded) without spaces, so ``خامنه ای``, ``خامنه‌ای`` and
    ``خامنهای`` are one name."""
    return "".join(search_key(spelling).split())


@dataclass(frozen=True)
class Clash:
    """One spelling (after folding) that two entries in use both have."""

    spelling: str  # as the first entry writes it
    first: str  # participant ids, in order
    second: str
    other_spelling: str  # as the second entry writes it

    def message(self) -> Translatable:
        return Translatable("'{spelling}' names both '{first}' and '{second}'",
                            spelling=self.spelling, first=self.first, second=self.second)


def clashes(participants: Iterable[Participant],
            among: Iterable[str] | None = None) -> list[Clash]:
    """Spellings two entries in use share after folding (:func:`name_key`).

    Retired and merged entries do not count: their names are kept for old tags only.
    ``among``: only clashes involving one of these ids (the entries just changed).
    """
    owners: dict[str, tuple[str, str]] = {}
    found: list[Clash] = []
    wanted = set(among) if among is not None else None
    seen: set[tuple[str, str, str]] = set()
    for participant in sorted(participants, key=lambda p: p.id):
        if participant.retired:
            continue
        for spelling in participant.spellings:
            key = name_key(spelling)
            if len(key) < 2:
                continue
            owner = owners.setdefault(key, (participant.id, spelling))
            if owner[0] == participant.id:
                continue
            if wanted is not None and not ({owner[0], participant.id} & wanted):
                continue
            if (key, owner[0], participant.id) in seen:
                continue
            seen.add((key, owner[0], participant.id))
            found.append(Clash(owner[1], owner[0], participant.id, spelling))
    return found


def parse_registry(source: str, where: str = "participants registry") -> list[Participant]:
    """Validate a participants TOML file's text."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise AnnotatorError(Translatable("{where}: not valid TOML ({error})", where=where,
                                          error=exc)) from None
    entries = data.get("participant", [])
    if not isinstance(entries, list):
        raise AnnotatorError(Translatable("{where}: [[participant]] entries expected",
                                          where=where))
    result: list[Participant] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        result.append(participant_from_dict(entry, Translatable(
            "{where}: participant #{number}", where=where, number=number)))
        if result[-1].id in seen:
            raise AnnotatorError(Translatable("{where}: participant id '{id}' is used twice",
                                              where=where, id=result[-1].id))
        seen.add(result[-1].id)
    return result


def participant_from_dict(entry: Any, where: str) -> Participant:
    """Build and check a participant from a TOML/JSON table."""
    if not isinstance(entry, dict):
        raise AnnotatorError(Translatable("{where}: must be a table", where=where))
    pid = entry.get("id")
    if not isinstance(pid, str) or not _ID.match(pid):
        raise AnnotatorError(Translatable("{where}: id {id} must be lower_snake_case",
                                          where=where, id=repr(pid)))
    kind = entry.get("kind", "person")
    if kind not in KINDS:
        raise AnnotatorError(Translatable("{where} ('{id}'): kind {kind} is not one of {kinds}",
                                          where=where, id=pid, kind=repr(kind),
                                          kinds=Listing(KINDS)))
    name = entry.get("name")
    if not isinstance(name, dict) or not any(isinstance(v, str) and v for v in name.values()):
        raise AnnotatorError(Translatable("{where} ('{id}'): 'name' needs at least one of "
                                          "{languages}", where=where, id=pid,
                                          languages=Listing(LANGUAGES)))
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise AnnotatorError(Translatable("{where} ('{id}'): 'aliases' must be a list of names",
                                          where=where, id=pid))
    office = entry.get("office", {})
    if isinstance(office, str):
        office = {"en": office}
    return Participant(
        id=pid,
        kind=kind,
        name={k: v.strip() for k, v in name.items() if isinstance(v, str) and v.strip()},
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        country=str(entry.get("country", "")),
        office={k: v for k, v in office.items() if isinstance(v, str)},
        added_by=entry.get("added_by"),
    )


def _trie_pattern(keys: list[str]) -> str:
    """One regular expression alternative for ``keys``, shared beginnings written once.

    ``a|ab|abc`` becomes ``a(?:b(?:c)?)?``: at a word start the engine follows the letters
    of the text instead of trying each of hundreds of names in turn, and a longer name is
    still tried before a shorter one it begins with (the greedy ``?``).
    """
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for letter in key:
            node = node.setdefault(letter, {})
        node[""] = {}  # a key ends here

    def write(node: dict[str, Any]) -> str:
        branches = [re.escape(letter) + write(child)
                    for letter, child in sorted(node.items()) if letter]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return write(trie)


def load_registry(path: str | Path) -> list[Participant]:
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnnotatorError(Translatable("{path}: cannot read the participants registry "
                                          "({reason})", path=path, reason=exc)) from None
    return parse_registry(source, str(path))


class Matcher:
    """Finds registry participants in article text, whole words only, on search keys.

    Retired and merged entries are left out: they are not suggested for new tags."""

    def __init__(self, participants: list[Participant]) -> None:
        by_key: dict[str, str] = {}
        for participant in participants:
            if participant.retired:  # not suggested: its names live on in its successor
                continue
            for spelling in participant.spellings:
                key = search_key(spelling)
                if len(key) >= 2:
                    # A longer, more specific spelling is tried first (see find()).
                    by_key.setdefault(key, participant.id)
        self._keys = sorted(by_key.items(), key=lambda item: -len(item[0]))
        if self._keys:
            pattern = _trie_pattern([key for key, _ in self._keys])
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<!\w)(?:[{_CLITICS}])?({pattern})(?!\w)"
            )
        else:
            self._pattern = None
        self._owner = dict(self._keys)

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in order; overlapping spellings keep the longest."""
        if self._pattern is None:
            return []
        key, where = search_key_with_offsets(text)
        mentions: list[Mention] = []
        position = 0
        while True:
            found = self._pattern.search(key, position)
            if found is None:
                break
            start_key, end_key = found.span(1)
            # A clitic-looking first letter may belong to the name itself: prefer that.
            if found.start() != start_key:
                whole = key[found.start() : end_key]
                if whole in self._owner:
                    start_key = found.start()
            start, end = where[start_key], where[end_key - 1] + 1
            mentions.append(
                Mention(self._owner[key[start_key:end_key]], start, end, text[start:end])
            )
            position = end_key
        return mentions

    def suggest(self, text: str) -> list[tuple[str, int]]:
        """Participant ids mentioned in ``text`` with their mention counts, most first."""
        counts: dict[str, int] = {}
        for mention in self.find(text):
            counts[mention.participant_id] = counts.get(mention.participant_id, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
