"""The codebook: which fields an analyst codes, their categories, labels and definitions.

A codebook is a human-editable TOML file (the default is ``resources/codebook.toml``).
:func:`parse_codebook` validates it and names the file, the field and the problem in any
error.  The project file stores the TOML text itself with a version number, so every
export can say which codebook it was coded with.  Labels, definitions and the description
are kept per language (en, fa, ar) and read with a fall-back to English;
:func:`translation_gaps` names the texts a partly translated codebook still lacks.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable, os_reason
from annotator.core.languages import LANGUAGES

FIELD_TYPES = ("single", "multiple", "participants", "text")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_CODEBOOK_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
# A real codebook is a few tens of kilobytes; anything far larger is a wrong file (or a
# device such as /dev/zero that never ends), and is refused before it is read in full.
MAX_CODEBOOK_BYTES = 1024 * 1024
_LANGUAGE_NAMES = {"en": N_("English"), "fa": N_("Persian"), "ar": N_("Arabic")}


def in_language(texts: Mapping[str, str], language: str) -> str:
    """``texts`` (language -> text) in ``language``, else in English, else ""."""
    return texts.get(language) or texts.get("en", "")


class _Defined:
    """A codebook entry's definition in each language, read with a fall-back to English."""

    definitions: dict[str, str]  # language -> definition

    @property
    def definition(self) -> str:
        """The English definition ("" if none): the reference text translations follow."""
        return self.definitions.get("en", "")

    def definition_in(self, language: str) -> str:
        return in_language(self.definitions, language)


@dataclass(frozen=True)
class Category(_Defined):
    """One value of a single- or multiple-choice field."""

    id: str
    label: dict[str, str]
    definitions: dict[str, str]  # language -> definition; "en" always present
    example: str = ""
    scale: bool = True  # False: outside an ordered scale (e.g. "unclear")
    retired: bool = False  # kept for existing tags, not offered for new ones

    def text(self, language: str) -> str:
        return self.label.get(language) or self.label["en"]


@dataclass(frozen=True)
class Role(_Defined):
    """A participant's role in the interaction (initiator, counterpart, mentioned)."""

    id: str
    label: dict[str, str]
    definitions: dict[str, str] = field(default_factory=dict)  # empty: no definition

    def text(self, language: str) -> str:
        return self.label.get(language) or self.label["en"]


@dataclass(frozen=True)
class Field(_Defined):
    """One thing coded per article: stance, demands, participants, event type, note."""

    id: str
    type: str
    label: dict[str, str]
    definitions: dict[str, str]  # language -> definition; "en" present unless built in code
    ordered: bool = False
    with_participant: bool = False  # multiple: a tag of a value can name its participant
    # Evidence is part of the value: review compares the annotators' evidence spans too.
    evidence_required: bool = False
    categories: tuple[Category, ...] = ()
    roles: tuple[Role, ...] = ()

    def text(self, language: str) -> str:
        return self.label.get(language) or self.label["en"]

    def category(self, category_id: str) -> Category | None:
        for category in self.categories:
            if category.id == category_id:
                return category
        return None

    @property
    def active_categories(self) -> tuple[Category, ...]:
        return tuple(c for c in self.categories if not c.retired)

    @property
    def scale(self) -> tuple[Category, ...]:
        """The categories on an ordered scale, in order (empty for unordered fields)."""
        return tuple(c for c in self.categories if c.scale) if self.ordered else ()

    def role(self, role_id: str) -> Role | None:
        for role in self.roles:
            if role.id == role_id:
                return role
        return None


@dataclass(frozen=True)
class Codebook:
    """A validated codebook; ``source`` is the TOML text it was read from."""

    id: str
    revision: str
    title: dict[str, str]
    descriptions: dict[str, str]  # language -> description; empty: none
    fields: tuple[Field, ...]
    source: str = field(repr=False, default="")
    # The alpha an annotator's score must reach on every field to be certified
    # (``certification_minimum`` in [codebook]); None: the customary 0.800.
    certification_minimum: float | None = None

    @property
    def description(self) -> str:
        """The English description ("" when the codebook has none)."""
        return self.descriptions.get("en", "")

    def description_in(self, language: str) -> str:
        return in_language(self.descriptions, language)

    def field(self, field_id: str) -> Field:
        for item in self.fields:
            if item.id == field_id:
                return item
        raise AnnotatorError(Translatable("unknown field {field} (the codebook has: {known})",
                                          field=repr(field_id),
                                          known=Listing(f.id for f in self.fields)))

    def has_field(self, field_id: str) -> bool:
        return any(item.id == field_id for item in self.fields)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description: fields with id, type and allowed value ids."""
        fields = []
        for item in self.fields:
            entry: dict[str, Any] = {
                "id": item.id,
                "type": item.type,
                "label": item.label,
                "definition": item.definition,
                "definitions": item.definitions,
            }
            if item.type in ("single", "multiple"):
                entry["ordered"] = item.ordered
                entry["values"] = [c.id for c in item.active_categories]
                entry["retired_values"] = [c.id for c in item.categories if c.retired]
                entry["categories"] = [
                    {
                        "id": c.id,
                        "label": c.label,
                        "definition": c.definition,
                        "definitions": c.definitions,
                        "example": c.example,
                        **({"scale": False} if item.ordered and not c.scale else {}),
                        **({"retired": True} if c.retired else {}),
                    }
                    for c in item.categories
                ]
            if item.type == "multiple":
                entry["with_participant"] = item.with_participant
            if item.evidence_required:
                entry["evidence_required"] = True
            if item.type == "participants":
                entry["values"] = "participant ids from the participants registry"
                entry["roles"] = [{"id": r.id, "label": r.label, "definition": r.definition,
                                   "definitions": r.definitions} for r in item.roles]
            fields.append(entry)
        data: dict[str, Any] = {"id": self.id, "revision": self.revision,
                                "title": self.title, "fields": fields}
        if self.certification_minimum is not None:
            data["certification_minimum"] = self.certification_minimum
        return data


class _Reader:
    """Validation with errors that say where: file, field, category."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, place: str, problem: str) -> AnnotatorError:
        return AnnotatorError(Translatable("{where}: {place}: {problem}", where=self.where,
                                           place=place, problem=problem))

    def text(self, table: dict[str, Any], key: str, place: str, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.fail(place, Translatable("'{key}' must be text", key=key))
        if required and not value.strip():
            raise self.fail(place, Translatable("'{key}' is missing", key=key))
        return value.strip()

    def texts(self, table: dict[str, Any], key: str, place: str, required: bool = True,
              older_fa: str = "") -> dict[str, str]:
        """A text given once (English) or per language as { en = ..., fa = ..., ar = ... }.

        English is required whenever any text is given: it is what every other language
        falls back to.  Empty entries count as absent.  ``older_fa`` names the key of the
        older form that held the Persian text on its own (a field's ``definition_fa``).
        """
        value = table.get(key, "")
        shape = Translatable("'{key}' must be text or a table like {shape}", key=key,
                             shape="{ en = ..., fa = ..., ar = ... }")
        if isinstance(value, str):
            texts = {"en": value.strip()} if value.strip() else {}
        elif isinstance(value, dict):
            texts = {}
            for language, text in value.items():
                if language not in LANGUAGES:
                    raise self.fail(place, Translatable(
                        "'{key}' has a text in {language}, which is not one of the languages "
                        "{languages}", key=key, language=repr(language),
                        languages=Listing(LANGUAGES)))
                if not isinstance(text, str):
                    raise self.fail(place, shape)
                if text.strip():
                    texts[language] = text.strip()
        else:
            raise self.fail(place, shape)
        older = self.text(table, older_fa, place, required=False) if older_fa else ""
        if older and "fa" in texts:
            raise self.fail(place, Translatable(
                "the Persian text is given twice, in '{key}' (fa) and in '{older}': keep one",
                key=key, older=older_fa))
        if older:
            texts["fa"] = older
        if texts and "en" not in texts:
            raise self.fail(place, Translatable("'{key}' needs at least the English text (en)",
                                                key=key))
        if required and not texts:
            raise self.fail(place, Translatable("'{key}' is missing", key=key))
        return texts

    def ident(self, table: dict[str, Any], place: str, pattern: re.Pattern[str] = _ID) -> str:
        value = table.get("id")
        if not isinstance(value, str) or not pattern.match(value):
            raise self.fail(place, Translatable(
                "id {id} must be lower_snake_case letters, digits and underscores",
                id=repr(value)))
        return value

    def labels(self, table: dict[str, Any], place: str) -> dict[str, str]:
        value = table.get("label")
        if not isinstance(value, dict):
            raise self.fail(place, Translatable("'label' must be a table like {shape}",
                                                shape="{ en = ..., fa = ..., ar = ... }"))
        labels = {k: v.strip() for k, v in value.items() if isinstance(v, str) and v.strip()}
        if "en" not in labels:
            raise self.fail(place, Translatable("'label' needs at least an English label (en)"))
        return labels

    def flag(self, table: dict[str, Any], key: str, place: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(place, Translatable("'{key}' must be true or false", key=key))
        return value


def parse_codebook(source: str, where: str = "codebook") -> Codebook:
    """Validate codebook TOML ``source``; ``where`` names it in errors (usually the path)."""
    read = _Reader(where)
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise AnnotatorError(Translatable("{where}: not valid TOML ({error})", where=where,
                                          error=exc)) from None
    except RecursionError:
        # tomllib parses nested arrays and tables recursively: a hostile file of deeply
        # nested brackets exhausts the stack.  No codebook nests more than a few levels.
        raise AnnotatorError(Translatable("{where}: not a codebook: its tables or lists are "
                                          "nested too deeply", where=where)) from None
    head = data.get("codebook")
    if not isinstance(head, dict):
        raise read.fail("[codebook]", Translatable("the file needs a [codebook] table with id and "
                                         "revision"))
    title = head.get("title", {})
    if isinstance(title, str):
        title = {"en": title}
    if not isinstance(title, dict):
        raise read.fail("[codebook]", Translatable("'title' must be text or a table like "
                                                   "{shape}", shape="{ en = ..., fa = ... }"))
    raw_fields = data.get("field")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise read.fail("[[field]]", Translatable("the codebook defines no fields"))
    fields: list[Field] = []
    for number, raw in enumerate(raw_fields, start=1):
        if not isinstance(raw, dict):
            raise read.fail(Translatable("field #{number}", number=number),
                            Translatable("must be a table"))
        fields.append(_parse_field(read, raw, number))
    seen: set[str] = set()
    for item in fields:
        if item.id in seen:
            raise read.fail(Translatable("field '{field}'", field=item.id),
                            Translatable("the id is used twice"))
        seen.add(item.id)
    minimum = head.get("certification_minimum")
    if minimum is not None and (isinstance(minimum, bool)
                                or not isinstance(minimum, int | float)
                                or not 0 < minimum <= 1):
        raise read.fail("[codebook]", Translatable(
            "'certification_minimum' must be a number above 0 and at most 1 (an alpha)"))
    return Codebook(
        id=read.ident(head, "[codebook]", _CODEBOOK_ID),
        revision=str(head.get("revision", "1")),
        title={k: v for k, v in title.items() if isinstance(v, str)},
        descriptions=read.texts(head, "description", "[codebook]", required=False),
        fields=tuple(fields),
        source=source,
        certification_minimum=None if minimum is None else float(minimum),
    )


def _parse_field(read: _Reader, raw: dict[str, Any], number: int) -> Field:
    field_id = read.ident(raw, Translatable("field #{number}", number=number))
    place = Translatable("field '{field}'", field=field_id)
    kind = raw.get("type")
    if kind not in FIELD_TYPES:
        raise read.fail(place, Translatable("type {kind} is not one of: {kinds}",
                                            kind=repr(kind), kinds=Listing(FIELD_TYPES)))
    categories: list[Category] = []
    raw_categories = raw.get("category", [])
    if kind in ("single", "multiple"):
        if not isinstance(raw_categories, list) or not raw_categories:
            raise read.fail(place, Translatable(
                N_("a single-choice field needs [[field.category]] entries") if kind == "single"
                else N_("a multiple-choice field needs [[field.category]] entries")))
        for index, entry in enumerate(raw_categories, start=1):
            numbered = Translatable("{place}, category #{number}", place=place, number=index)
            if not isinstance(entry, dict):
                raise read.fail(numbered, Translatable("must be a table"))
            category_id = read.ident(entry, numbered)
            cplace = Translatable("{place}, category '{category}'", place=place,
                                  category=category_id)
            categories.append(
                Category(
                    id=category_id,
                    label=read.labels(entry, cplace),
                    definitions=read.texts(entry, "definition", cplace),
                    example=read.text(entry, "example", cplace, required=False),
                    scale=read.flag(entry, "scale", cplace, True),
                    retired=read.flag(entry, "retired", cplace, False),
                )
            )
        ids = [c.id for c in categories]
        for category_id in ids:
            if ids.count(category_id) > 1:
                raise read.fail(place, Translatable("category id '{category}' is used twice",
                                                    category=category_id))
    elif raw_categories:
        raise read.fail(place, Translatable(
            N_("a participants field has no categories; remove [[field.category]]")
            if kind == "participants" else
            N_("a text field has no categories; remove [[field.category]]")))
    roles: list[Role] = []
    raw_roles = raw.get("role", [])
    if not isinstance(raw_roles, list) or not all(isinstance(r, dict) for r in raw_roles):
        raise read.fail(place, Translatable("roles must be [[field.role]] tables"))
    for index, entry in enumerate(raw_roles, start=1):
        if kind != "participants":
            raise read.fail(place, Translatable("only a participants field has roles"))
        role_id = read.ident(entry, Translatable("{place}, role #{number}", place=place,
                                                 number=index))
        rplace = Translatable("{place}, role '{role}'", place=place, role=role_id)
        roles.append(
            Role(
                role_id,
                read.labels(entry, rplace),
                read.texts(entry, "definition", rplace, required=False),
            )
        )
    ordered = read.flag(raw, "ordered", place, False)
    if ordered and kind != "single":
        raise read.fail(place, Translatable("only a single-choice field can be ordered"))
    if ordered and sum(1 for c in categories if c.scale) < 2:
        raise read.fail(place, Translatable("an ordered field needs at least two categories on its "
                                  "scale"))
    # 'attributable': the older name of 'with_participant', still read (codebooks stored in
    # projects and codebook files written before the glossary settled the word).
    if "with_participant" in raw and "attributable" in raw:
        raise read.fail(place, Translatable("'with_participant' is given twice, also under its "
                                            "older name 'attributable': keep one"))
    key = "attributable" if "attributable" in raw else "with_participant"
    with_participant = read.flag(raw, key, place, False)
    if with_participant and kind != "multiple":
        raise read.fail(place, Translatable("only a multiple-choice field can have '{key} = "
                                            "true' (a participant per value)", key=key))
    evidence_required = read.flag(raw, "evidence_required", place, False)
    if evidence_required and kind == "text":
        raise read.fail(place, Translatable("a text field has no evidence to require"))
    return Field(
        id=field_id,
        type=kind,
        label=read.labels(raw, place),
        # 'definition_fa': the older form of a field's Persian definition, still used by
        # codebooks stored in projects.
        definitions=read.texts(raw, "definition", place, older_fa="definition_fa"),
        ordered=ordered,
        with_participant=with_participant,
        evidence_required=evidence_required,
        categories=tuple(categories),
        roles=tuple(roles),
    )


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate the codebook file at ``path``.

    Only a regular file of at most :data:`MAX_CODEBOOK_BYTES` is read (a link is followed
    first): a device, pipe or folder is refused before it is opened, and the read itself
    stops at the limit, so a file that grows meanwhile is refused too.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise AnnotatorError(Translatable("{path}: no such codebook file", path=path)) from None
    except (OSError, ValueError) as exc:
        raise AnnotatorError(Translatable("{path}: cannot read the codebook ({reason})",
                                          path=path, reason=_reason(exc))) from None
    if stat.S_ISDIR(info.st_mode):
        raise AnnotatorError(Translatable("{path}: is a folder, not a codebook file", path=path))
    if not stat.S_ISREG(info.st_mode):
        raise AnnotatorError(Translatable("{path}: not a regular file (a device, pipe or "
                                          "socket); give a codebook .toml file", path=path))
    limit = MAX_CODEBOOK_BYTES
    too_big = Translatable("{path}: too large for a codebook (more than {size} KB)", path=path,
                           size=limit // 1024)
    if info.st_size > limit:
        raise AnnotatorError(too_big)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise AnnotatorError(too_big)
        source = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise AnnotatorError(Translatable("{path}: no such codebook file", path=path)) from None
    except UnicodeDecodeError as exc:
        raise AnnotatorError(Translatable("{path}: not UTF-8 text (byte {byte})", path=path,
                                          byte=exc.start)) from None
    except OSError as exc:
        raise AnnotatorError(Translatable("{path}: cannot read the codebook ({reason})",
                                          path=path, reason=_reason(exc))) from None
    return parse_codebook(source, str(path))


def _reason(exc: Exception) -> str:
    return os_reason(exc) if isinstance(exc, OSError) else str(exc)


def translation_gaps(codebook: Codebook) -> list[str]:
    """The texts a partly translated codebook lacks: one line per language and kind.

    A language counts as in use for labels (with the title) once any label has it, and
    for definitions (with the description) once any definition has it; each text that
    has English but not that language is then named, since the window shows English in
    its place.  A codebook that leaves a language out altogether, or gives it everywhere,
    has no gaps.
    """
    labels: list[tuple[str, Mapping[str, str]]] = [("title", codebook.title)]
    definitions: list[tuple[str, Mapping[str, str]]] = [("description", codebook.descriptions)]
    for item in codebook.fields:
        labels.append((item.id, item.label))
        definitions.append((item.id, item.definitions))
        entries: list[Category | Role] = [*item.categories, *item.roles]
        for entry in entries:
            labels.append((f"{item.id}/{entry.id}", entry.label))
            definitions.append((f"{item.id}/{entry.id}", entry.definitions))
    gaps: list[str] = []
    for language in LANGUAGES[1:]:
        for kind, texts in (("labels", labels), ("definitions", definitions)):
            given = [(place, text) for place, text in texts if text.get("en")]
            if not any(text.get(language) for _place, text in given):
                continue
            missing = [place for place, text in given if not text.get(language)]
            if missing:
                message = (
                    N_("{missing} of {given} labels have no {language} ({code}) text, so "
                       "English is shown instead: {places}") if kind == "labels" else
                    N_("{missing} of {given} definitions have no {language} ({code}) text, so "
                       "English is shown instead: {places}"))
                gaps.append(Translatable(message, missing=len(missing), given=len(given),
                                         language=Translatable(_LANGUAGE_NAMES[language]),
                                         code=language, places=Listing(missing)))
    return gaps


_KIND = {"single": Translatable("single-choice"), "multiple": Translatable("multiple-choice"),
         "participants": Translatable("participants"), "text": Translatable("text")}


def kind_label(kind: str) -> str:
    """A field type as words (single -> single-choice), translatable; unknown types as given."""
    return _KIND.get(kind, kind)



def removed_in_use(old: Codebook, new: Codebook, used: set[tuple[str, str]],
                   roles_used: set[tuple[str, str]] | None = None) -> list[str]:
    """What ``new`` drops or redefines although tags use it: one line per problem.

    ``used`` holds the (field, value) pairs that tags carry (value "" for a field in
    use whatever its values).  Refused: removing a field with tags, changing the type of
    a field with tags (a stance coded as one choice does not mean the same as a text or
    a set of choices), removing a category with tags (it may be kept with
    ``retired = true``) and removing a role with tags.  ``roles_used`` holds the (field,
    role) pairs tags carry; without it, no role of a participants field with tags may
    be removed, since nothing says which roles are in use.
    """
    problems: list[str] = []
    fields_used = {field_id for field_id, _value in used}
    for field_id, value in sorted(used):
        if not new.has_field(field_id):
            if old.has_field(field_id):
                problems.append(Translatable("field '{field}' has tags and cannot be removed",
                                             field=field_id))
            continue
        target = new.field(field_id)
        if old.has_field(field_id) and old.field(field_id).type != target.type:
            was = _KIND.get(old.field(field_id).type, old.field(field_id).type)
            problems.append(Translatable(
                "field '{field}' has tags as a {was} field and cannot become {kind}: add a "
                "new field instead", field=field_id, was=was,
                kind=_KIND.get(target.type, target.type)))
            continue
        if value and target.type in ("single", "multiple") and target.category(value) is None:
            problems.append(Translatable(
                "category '{category}' of field '{field}' has tags: keep it with "
                "retired = true instead of removing it", category=value, field=field_id))
    for field_id in sorted(fields_used):
        if not (old.has_field(field_id) and new.has_field(field_id)):
            continue
        before, after = old.field(field_id), new.field(field_id)
        if before.type != "participants" or after.type != "participants":
            continue
        for role in before.roles:
            if after.role(role.id) is not None:
                continue
            if roles_used is None:
                problems.append(Translatable("role '{role}' of field '{field}' cannot be "
                                             "removed while the field has tags",
                                             role=role.id, field=field_id))
            elif (field_id, role.id) in roles_used:
                problems.append(Translatable("role '{role}' of field '{field}' has tags and "
                                             "cannot be removed", role=role.id,
                                             field=field_id))
    return sorted(set(problems))
