"""What changed between two codebooks, in the words a codebook's author reads.

:func:`changes` lists, field by field, what one codebook adds, removes, retires or words
differently compared with another: fields and their types, categories (added, removed,
retired, brought back), roles, labels and definitions in each language, and the revision.
``annotator codebook --diff A B`` prints it, and ``--load`` prints it for the codebook it
makes active.  :func:`revision_reminder` says when the meaning of a value changed (a
definition, a category) but the revision did not: agreement is comparable within one
revision only, so coders' tags from before and after would be counted together.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.codebook import Category, Codebook, Field, Role
from annotator.core.i18n import N_, Translatable
from annotator.core.languages import LANGUAGES

_LANGUAGES = LANGUAGES
_NAMES = {"en": N_("English"), "fa": N_("Persian"), "ar": N_("Arabic")}


def changes(old: Codebook, new: Codebook) -> list[Translatable]:
    """What ``new`` changes from ``old``, one line each (empty: the same codebook)."""
    lines: list[Translatable] = []
    if old.revision != new.revision:
        lines.append(Translatable("revision {old} → {new}", old=old.revision,
                                  new=new.revision))
    lines += _worded(Translatable("the codebook's title"), old.title, new.title)
    lines += _worded(Translatable("the codebook's description"), old.descriptions,
                     new.descriptions)
    old_fields = {f.id: f for f in old.fields}
    new_fields = {f.id: f for f in new.fields}
    for field_id, field in new_fields.items():
        if field_id not in old_fields:
            lines.append(Translatable("field {field} added ({kind})", field=field_id,
                                      kind=field.type))
            continue
        lines += _field(old_fields[field_id], field)
    lines += [Translatable("field {field} removed", field=field_id)
              for field_id in old_fields if field_id not in new_fields]
    return lines


def revision_reminder(old: Codebook, new: Codebook) -> Translatable | None:
    """A reminder when values changed meaning but the revision stayed the same."""
    if old.revision != new.revision:
        return None
    meaning = [line for line in changes(old, new) if line.message not in _WORDING_ONLY]
    if not meaning:
        return None
    return Translatable("the revision is still {revision} although definitions or values "
                        "changed: raise it, so that agreement is not counted across "
                        "codebooks that mean different things", revision=new.revision)


# Changes that do not change what a value means (a label, a title reworded).
_WORDING_ONLY = frozenset({
    "{what}: the {language} label changed", "{what}: the {language} wording changed",
    "{what}: a {language} label was added", "{what}: the {language} label was removed",
})


def _field(old: Field, new: Field) -> list[Translatable]:
    what = Translatable("field {field}", field=new.id)
    lines: list[Translatable] = []
    if old.type != new.type:
        lines.append(Translatable("field {field}: type {old} → {new}", field=new.id,
                                  old=old.type, new=new.type))
    if old.ordered != new.ordered:
        lines.append(Translatable("field {field}: now ordered", field=new.id) if new.ordered
                     else Translatable("field {field}: no longer ordered", field=new.id))
    lines += _labels(what, old.label, new.label)
    lines += _definitions(what, old.definitions, new.definitions)
    lines += _categories(new.id, old.categories, new.categories)
    lines += _roles(new.id, old.roles, new.roles)
    return lines


def _categories(field_id: str, old: Iterable[Category],
                new: Iterable[Category]) -> list[Translatable]:
    before = {c.id: c for c in old}
    after = {c.id: c for c in new}
    lines: list[Translatable] = []
    for value, category in after.items():
        if value not in before:
            lines.append(Translatable("field {field}: value {value} added", field=field_id,
                                      value=value))
            continue
        was = before[value]
        if category.retired and not was.retired:
            lines.append(Translatable("field {field}: value {value} retired", field=field_id,
                                      value=value))
        elif was.retired and not category.retired:
            lines.append(Translatable("field {field}: value {value} brought back",
                                      field=field_id, value=value))
        what = Translatable("value {value} of {field}", value=value, field=field_id)
        lines += _labels(what, was.label, category.label)
        lines += _definitions(what, was.definitions, category.definitions)
    lines += [Translatable("field {field}: value {value} removed", field=field_id,
                           value=value) for value in before if value not in after]
    return lines


def _roles(field_id: str, old: Iterable[Role], new: Iterable[Role]) -> list[Translatable]:
    before = {r.id: r for r in old}
    after = {r.id: r for r in new}
    lines = [Translatable("field {field}: role {role} added", field=field_id, role=role)
             for role in after if role not in before]
    lines += [Translatable("field {field}: role {role} removed", field=field_id, role=role)
              for role in before if role not in after]
    for role_id in after.keys() & before.keys():
        what = Translatable("role {role} of {field}", role=role_id, field=field_id)
        lines += _labels(what, before[role_id].label, after[role_id].label)
        lines += _definitions(what, before[role_id].definitions, after[role_id].definitions)
    return lines


def _labels(what: str, old: dict[str, str], new: dict[str, str]) -> list[Translatable]:
    lines = []
    for language in _LANGUAGES:
        was, now = old.get(language), new.get(language)
        if was == now:
            continue
        message = ("{what}: a {language} label was added" if was is None
                   else "{what}: the {language} label was removed" if now is None
                   else "{what}: the {language} label changed")
        lines.append(Translatable(message, what=what, language=_named(language)))
    return lines


def _definitions(what: str, old: dict[str, str], new: dict[str, str]) -> list[Translatable]:
    lines = []
    for language in _LANGUAGES:
        was, now = (old.get(language) or "").strip(), (new.get(language) or "").strip()
        if was == now:
            continue
        # The English definition is the reference: a change there changes the meaning;
        # another language's is its translation (a wording change).
        message = ("{what}: the definition changed" if language == "en"
                   else "{what}: the {language} wording changed")
        lines.append(Translatable(message, what=what, language=_named(language)))
    return lines


def _worded(what: str, old: dict[str, str], new: dict[str, str]) -> list[Translatable]:
    return [Translatable("{what}: the {language} wording changed", what=what,
                         language=_named(language))
            for language in _LANGUAGES if (old.get(language) or "") != (new.get(language) or "")]


def _named(language: str) -> Translatable:
    return Translatable(_NAMES[language])
