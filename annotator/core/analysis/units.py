"""Reading tags into agreement data: units per field, grouped by codebook revision.

This module owns turning stored tags into what the statistics read: for each codebook
field, ``{article: {annotator: value}}`` (a "coded, none" tag is :data:`CODED_NONE` in a
single-choice field and the empty set in a set field; no tag leaves the annotator out),
and which codebook revision each value was coded under.

The codebook file says agreement is only comparable within one revision, so values are
grouped by the revision they were coded under (the revision, and codebook id, of the
stored codebook version a tag carries; an annotator's values of one field in one article
belong to the newest version among their tags, the codebook they last coded it with; a
tag without a version, from an old file, counts under the active codebook's revision).  A
:class:`Revision` collects the stored versions that share a codebook id and revision.  By
default each revision is its own data: in an article whose annotators coded a field
under different revisions, each revision sees only the values coded under it (the others
are missing there, as in any unit an annotator did not code), and such articles are
counted for the caveat.  Pooled (:func:`read`, ``pool=True``), all revisions are one
data set over the categories every pooled revision offered: a single-choice value outside
them counts as missing, and set values keep only those categories.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from annotator.core.analysis.alpha import PairCounter, TallyBuilder
from annotator.core.codebook import Codebook, Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Number, Translatable

if TYPE_CHECKING:
    from annotator.core.store import Project

CODED_NONE = "(none)"
"""The value of a single-choice field an annotator marked "coded, none"."""

SET_FIELDS = ("multiple", "participants")

Units = dict[Any, dict[Any, Any]]
"""``{article: {annotator: value}}`` of one field."""


@dataclass(frozen=True)
class Revision:
    """A codebook revision: the stored versions sharing a codebook id and revision.

    ``label`` is how tables name it: the revision as the codebook file writes it,
    prefixed by the codebook id when the project holds more than one codebook id;
    pooled revisions are joined by ``+``.  ``codebook`` is the newest stored version of
    it (its fields and categories decide what the revision offered).
    """

    label: str
    codebook_id: str
    revision: str
    versions: tuple[int, ...]
    codebook: Codebook = field(compare=False, repr=False)
    pooled: tuple[Revision, ...] = ()

    def title(self) -> Translatable:
        """What heads this revision's tables."""
        if self.pooled:
            return Translatable("Codebook revisions {revisions} pooled (versions {versions}), "
                                "on the categories all of them offer",
                                revisions=Number(self.label), versions=Listing(self.versions))
        return Translatable("Codebook revision {revision} (versions {versions})",
                            revision=Number(self.label), versions=Listing(self.versions))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label, "codebook_id": self.codebook_id,
                                "revision": self.revision, "versions": list(self.versions)}
        if self.pooled:
            data["pooled"] = [r.label for r in self.pooled]
        return data


@dataclass(frozen=True)
class Caveat:
    """What a reader of one field's figures must know about revisions.

    ``articles``: articles whose annotators coded the field under different revisions;
    ``left_out``: pooled, the categories not offered by every pooled revision.
    """

    field: str
    articles: int = 0
    left_out: tuple[str, ...] = ()

    def messages(self, field_name: str, category_names: Sequence[str]) -> list[Translatable]:
        """The caveat in words: ``field_name`` and the left-out ``category_names`` as the
        reader's language names them."""
        messages = []
        if self.articles:
            messages.append(Translatable(
                "Caveat ({field}): articles whose annotators coded it under different "
                "codebook revisions: {articles}; each revision counts only the values coded "
                "under it.", articles=self.articles, field=field_name))
        if self.left_out:
            messages.append(Translatable(
                "Caveat ({field}): pooled without {categories}, which not every revision "
                "offers (counted as missing, or left out of the sets).", field=field_name,
                categories=Listing(category_names)))
        return messages

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "mixed_articles": self.articles,
                "left_out": list(self.left_out)}


@dataclass(frozen=True)
class Group:
    """One table's data: a revision (or the pool), its fields, and their folded units."""

    revision: Revision
    fields: list[Field]
    tallies: dict[str, FieldTally]  # field id -> its units, folded


@dataclass(frozen=True)
class Data:
    """Everything agreement reads: the groups in revision order and the caveats."""

    groups: list[Group]
    caveats: list[Caveat]
    annotators: list[str]
    pooled: bool


# -- revisions of a project ------------------------------------------------------------------
def revisions(project: Project) -> tuple[list[Revision], dict[int, Revision]]:
    """The project's revisions, oldest first, and the revision of each stored version."""
    history = project.codebooks.history()
    ids = {v.codebook_id for v in history}
    grouped: dict[tuple[str, str], list[int]] = {}
    for v in history:
        grouped.setdefault((v.codebook_id, v.revision), []).append(v.version)
    found: list[Revision] = []
    of_version: dict[int, Revision] = {}
    for (codebook_id, revision), versions in grouped.items():
        label = revision if len(ids) == 1 else f"{codebook_id} {revision}"
        item = Revision(label, codebook_id, revision, tuple(versions),
                        project.codebooks.version(max(versions)))
        found.append(item)
        of_version.update(dict.fromkeys(versions, item))
    return found, of_version


def pooled(items: Sequence[Revision]) -> Revision:
    """One revision standing for ``items`` pooled (the newest one's codebook)."""
    newest = items[-1]
    ids = dict.fromkeys(r.codebook_id for r in items)
    return Revision("+".join(r.label for r in items), "+".join(ids),
                    "+".join(r.revision for r in items),
                    tuple(sorted(v for r in items for v in r.versions)), newest.codebook,
                    tuple(items))


def common_field(specs: Sequence[Field]) -> tuple[Field, tuple[str, ...]]:
    """The newest of ``specs`` (one field in several revisions, oldest first) with only
    the categories every one of them offered (neither missing nor retired there), and
    the ids of the categories left out."""
    newest = specs[-1]
    if newest.type not in ("single", "multiple"):
        return newest, ()
    offered = [{c.id for c in spec.active_categories} for spec in specs]
    common = set.intersection(*offered)
    kept = tuple(c for c in newest.categories if c.id in common)
    seen: dict[str, None] = {}
    for spec in specs:
        for category in spec.categories:
            if category.id not in common:
                seen.setdefault(category.id, None)
    return replace(newest, categories=kept), tuple(seen)


# -- folding units as they are read ----------------------------------------------------------
class FieldTally:
    """One field's units folded as they are read: what alpha and the pairwise table need.

    Nothing is kept per article: units that hold the same annotators with the same values
    are counted together, so the memory follows the distinct codings, not the corpus,
    and each article costs one sort and one count.  The tallies of values (nominal or
    sets), of ranks on an ordered scale (ordinal) and of pairs of annotators are built
    from those counts when asked for.
    """

    __slots__ = ("spec", "_units", "_rank")

    def __init__(self, spec: Field) -> None:
        self.spec = spec
        self._units: Counter[tuple[tuple[str, Any], ...]] = Counter()
        self._rank = ({c.id: place for place, c in enumerate(spec.scale)}
                      if spec.type == "single" and spec.ordered else None)

    def add(self, unit: Mapping[Any, Any], count: int = 1) -> None:
        """One article's values: ``{annotator: value}`` (sets as frozensets), or
        ``count`` articles alike."""
        if len(unit) > 1:  # annotators are distinct: the values are never compared
            self._units[tuple(sorted(unit.items()))] += count

    @property
    def values(self) -> TallyBuilder:
        """Every value (nominal, or sets)."""
        builder = TallyBuilder()
        for unit, count in self._units.items():
            builder.add(dict(unit), count)
        return builder

    @property
    def scale(self) -> TallyBuilder | None:
        """The ranks on an ordered scale (ordinal); None for other fields."""
        rank = self._rank
        if rank is None:
            return None
        builder = TallyBuilder()
        for unit, count in self._units.items():
            builder.add({a: rank[v] for a, v in unit if v in rank}, count)
        return builder

    @property
    def pairs(self) -> PairCounter:
        counter = PairCounter()
        for unit, count in self._units.items():
            counter.add(dict(unit), count)
        return counter


def fold(spec: Field, units: Mapping[Any, Mapping[Any, Any]]) -> FieldTally:
    """A :class:`FieldTally` of units already read."""
    tally = FieldTally(spec)
    for unit in units.values():
        tally.add(unit)
    return tally


# -- reading ---------------------------------------------------------------------------------
def units_from_rows(rows: Iterable[tuple[str, str, str, str | None]], fields: Sequence[Field],
                    annotators: Collection[str] | None = None) -> dict[str, Units]:
    """``{field: {article: {annotator: value}}}`` from (article_id, annotator, field,
    value) rows in any order, every row in one data set whatever its revision (a few
    articles' tags: a training set, a test)."""
    units: dict[str, Units] = {spec.id: {} for spec in fields if spec.type != "text"}
    ordered = sorted(rows, key=itemgetter(0))
    for article_id, by_field, _ in _articles(ordered, fields, annotators):
        for field_id, unit in by_field.items():
            units[field_id][article_id] = unit
    return units


def _articles(rows: Iterable[tuple[Any, ...]], fields: Sequence[Field],
              annotators: Collection[str] | None
              ) -> Iterator[tuple[str, dict[str, Units], dict[str, dict[str, int]]]]:
    """Rows (article_id, annotator, field, value[, version]) of ``annotators`` (None:
    everyone's) grouped by article, the rows of one article next to each other: per
    article, its id, ``{field: {annotator: value}}`` and, when rows carry a version,
    ``{field: {annotator: newest version}}``.  Free-text fields are left out."""
    sets = {spec.id for spec in fields if spec.type in SET_FIELDS}
    singles = {spec.id for spec in fields if spec.type == "single"}
    wanted = None if annotators is None else set(annotators)
    current: Any = None
    units: dict[str, dict[str, Any]] = {}
    versions: dict[str, dict[str, int]] = {}
    for row in rows:
        article_id, annotator, field_id, value = row[:4]
        if article_id != current:
            if units:
                yield current, _finished(units, sets), versions
            current, units, versions = article_id, {}, {}
        if (wanted is not None and annotator not in wanted) or not (
                field_id in singles or field_id in sets):
            continue
        if value == "":  # the index holds "coded, none" as ''
            value = None
        unit = units.get(field_id)
        if unit is None:
            unit = units[field_id] = {}
        if field_id in sets:
            labels = unit.get(annotator)
            if labels is None:
                labels = unit[annotator] = []
            if value is not None:
                labels.append(value)
        else:
            unit[annotator] = CODED_NONE if value is None else value
        if len(row) > 4:
            held = versions.setdefault(field_id, {})
            version = row[4] or 0
            if version > held.get(annotator, -1):
                held[annotator] = version
    if units:
        yield current, _finished(units, sets), versions


def _finished(units: dict[str, dict[str, Any]], sets: Collection[str]) -> dict[str, Units]:
    for field_id in sets & units.keys():
        unit = units[field_id]
        for annotator, labels in unit.items():
            unit[annotator] = frozenset(labels)
    return units


def _restricted(spec: Field, unit: Mapping[str, Any], kept: Collection[str]) -> dict[str, Any]:
    """One article's values over the categories ``kept``: other single-choice values
    missing, set values without them (participants fields as they are)."""
    if spec.type == "single":
        return {a: v for a, v in unit.items() if v in kept or v == CODED_NONE}
    if spec.type == "multiple":
        return {a: v & kept for a, v in unit.items()}
    return dict(unit)


def read(project: Project, fields: Sequence[Field], annotators: list[str],
         pool: bool = False, revision: str | None = None) -> Data:
    """The units of ``fields`` (of the active codebook) by ``annotators``, folded into one
    group per revision with tags, oldest first (``revision``: that revision only;
    ``pool``: one group over all of them, on the categories they share).

    The tags are read in article order, each article folded as soon as its rows are
    read: the time is linear in the tags and the memory does not grow with the corpus.
    With one revision (the usual case) SQLite hands over each article's coding of a
    field as one text, so Python counts codings, not tags.
    """
    found, of_version = revisions(project)
    active = of_version.get(project.codebooks.active_version(), found[-1] if found else None)
    assert active is not None
    if revision is not None:
        found = [_named(found, revision)]
    if len({(r.codebook_id, r.revision) for r in of_version.values()}) <= 1:
        # One revision (the usual case): no need to know each tag's version.
        only = found[0] if found else active
        tallies = {spec.id: FieldTally(spec) for spec in fields}
        _fold_codings(project, fields, annotators, tallies)
        return Data([Group(only, list(fields), tallies)], [], annotators, pool)
    rows = project.tags.iter_versioned_values_by_article()
    if pool:
        used = [r for r in found if set(r.versions) & project.tags.codebook_versions()]
        return _pool(used or found, of_version, active, fields, annotators, rows)
    per_revision = {r.label: {spec.id: FieldTally(r.codebook.field(spec.id)) for spec in fields
                              if r.codebook.has_field(spec.id)} for r in found}
    seen: set[str] = set()
    mixed = dict.fromkeys((spec.id for spec in fields), 0)
    for _, units, versions in _articles(rows, fields, annotators):
        for field_id, unit in units.items():
            labels = {a: _label(of_version, active, v) for a, v in versions[field_id].items()}
            if len(unit) > 1 and len(set(labels.values())) > 1:
                mixed[field_id] += 1
                by_label: dict[str, dict[str, Any]] = {}
                for annotator, value in unit.items():
                    by_label.setdefault(labels[annotator], {})[annotator] = value
            else:
                by_label = {next(iter(labels.values())): unit}
            for label, values in by_label.items():
                tally = per_revision.get(label, {}).get(field_id)
                if tally is not None:
                    tally.add(values)
                    seen.add(label)
    with_tags = [r for r in found if r.label in seen] or [
        active if active in found else found[-1]]
    groups = [Group(r, [t.spec for t in per_revision[r.label].values()],
                    per_revision[r.label]) for r in with_tags]
    caveats = [Caveat(field_id, count) for field_id, count in mixed.items() if count]
    return Data(groups, caveats, annotators, False)


def _fold_codings(project: Project, fields: Sequence[Field], annotators: Collection[str],
                  tallies: Mapping[str, FieldTally]) -> None:
    """Fold every article's coding of ``fields`` by ``annotators`` into ``tallies``: the
    codings of a batch of articles are counted as the store gives them (JSON texts), and
    each distinct one is decoded once."""
    coded = list({spec.id: spec for spec in fields
                  if spec.type == "single" or spec.type in SET_FIELDS}.values())
    for batch in project.tags.coding_batches([spec.id for spec in coded], annotators):
        for column, spec in enumerate(coded):
            tally, is_set = tallies[spec.id], spec.type in SET_FIELDS
            for text, count in Counter(map(itemgetter(column), batch)).items():
                if text and text != "[]":  # "[]": the article's tags are in other fields
                    tally.add(_decoded(text, is_set), count)


def _decoded(text: str, is_set: bool) -> dict[Any, Any]:
    """``{annotator: value}`` from a coding's ``[[annotator, value or ''], ...]``: a set
    field's values as a frozenset (empty for "coded, none"), a single-choice field's
    "coded, none" as :data:`CODED_NONE` (two values of one annotator: the last)."""
    entries = json.loads(text)
    if not is_set:
        return {annotator: CODED_NONE if value == "" else value
                for annotator, value in entries}
    labels: dict[Any, set[Any]] = {}
    for annotator, value in entries:
        held = labels.setdefault(annotator, set())
        if value != "":
            held.add(value)
    return {annotator: frozenset(values) for annotator, values in labels.items()}


def _pool(items: list[Revision], of_version: Mapping[int, Revision], active: Revision,
          fields: Sequence[Field], annotators: list[str], rows: Iterable[tuple[Any, ...]]
          ) -> Data:
    specs: dict[str, Field] = {}
    kept: dict[str, set[str]] = {}
    left: dict[str, tuple[str, ...]] = {}
    for spec in fields:
        having = [r.codebook.field(spec.id) for r in items if r.codebook.has_field(spec.id)]
        if having:
            specs[spec.id], left[spec.id] = common_field(having)
            kept[spec.id] = {c.id for c in specs[spec.id].categories}
    tallies = {field_id: FieldTally(spec) for field_id, spec in specs.items()}
    mixed = dict.fromkeys(specs, 0)
    for _, units, versions in _articles(rows, fields, annotators):
        for field_id, unit in units.items():
            if field_id not in tallies:
                continue
            if len(unit) > 1 and len({_label(of_version, active, v)
                                      for v in versions[field_id].values()}) > 1:
                mixed[field_id] += 1
            tallies[field_id].add(_restricted(specs[field_id], unit, kept[field_id]))
    caveats = [Caveat(field_id, mixed[field_id], left[field_id]) for field_id in specs
               if mixed[field_id] or left[field_id]]
    return Data([Group(pooled(items), list(specs.values()), tallies)], caveats, annotators,
                True)


def _label(of_version: Mapping[int, Revision], active: Revision | None, version: int) -> str:
    item = of_version.get(version) or active
    return item.label if item is not None else ""


def _named(found: list[Revision], name: str) -> Revision:
    for item in found:
        if name in (item.label, item.revision):
            return item
    raise AnnotatorError(Translatable(
        "the project has no codebook revision {revision} (revisions: {known})",
        revision=name, known=Listing(r.label for r in found)))
