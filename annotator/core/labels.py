"""Labels: what the data stores, as words a reader sees in English, Persian or Arabic.

This module owns turning stored ids into labels in one language: field ids, category ids
(the values of choice fields), participant ids, role ids, "coded, none", statuses, levels of
measurement, agreement figures and their notes, the languages of articles, and numbers.
The command line, the window's agreement dialog, the charts, the report and the exports all
ask a :class:`Labels`; none of them looks labels up by itself.  Labels of the codebook and
the participants registry come from those files (each entry's label per language, English
when a language is missing); the app's own words come from the gettext catalogue
(:mod:`annotator.core.i18n`).  A value that no codebook knows has no label: the ``*_text``
methods then show the id as stored, the others return None (an export leaves the cell empty).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from annotator.core.codebook import Codebook, Field
from annotator.core.i18n import N_, digits, join, translate, translation
from annotator.core.languages import RTL_LANGUAGES
from annotator.core.participants import Participant

if TYPE_CHECKING:
    from annotator.core.store import Project

_LRI, _PDI = "\u2066", "\u2069"  # LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
# The levels of measurement agreement is reported at; marked here, translated when shown.
_LEVELS = {
    "nominal": N_("nominal"),
    "ordinal": N_("ordinal"),
    "interval": N_("interval"),
    "ratio": N_("ratio"),
    "masi": N_("MASI"),
    "binary": N_("binary"),
}


class Labels:
    """The labels of one codebook (and older codebooks) and a participants registry in
    ``language``.

    ``older`` are codebooks the project used before, oldest first: a value retired from
    the codebook or renamed since still gets the label it had, and the active codebook's
    label wins where both have one.
    """

    def __init__(self, codebook: Codebook, participants: Iterable[Participant],
                 language: str, older: Sequence[Codebook] = ()) -> None:
        self.language = language
        self._words = translation(language)
        # Each field id's definitions, the active codebook's first, then newest to oldest.
        self._fields: dict[str, list[Field]] = {}
        for book in (codebook, *reversed(older)):
            for spec in book.fields:
                self._fields.setdefault(spec.id, []).append(spec)
        self._participants = {person.id: person for person in participants}

    @classmethod
    def of(cls, project: Project, language: str) -> Labels:
        """The labels of ``project``'s active codebook and participants registry."""
        return cls(project.codebooks.active(), project.participants.all(), language)

    # -- the codebook and the registry -------------------------------------------------
    def field(self, field_id: str) -> str:
        """A field's label, or its id if no codebook has it."""
        specs = self._fields.get(field_id)
        return specs[0].text(self.language) if specs else field_id

    def value(self, field_id: str, value: str) -> str | None:
        """The label of a value of a field: a category's label, or a participant's name
        in a participants field; None if no codebook (or the registry) knows it."""
        for spec in self._fields.get(field_id, ()):
            if spec.type == "participants" and value in self._participants:
                return self._participants[value].text(self.language)
            category = spec.category(value)
            if category is not None:
                return category.text(self.language)
        return None

    def value_text(self, field_id: str, value: str | None) -> str:
        """A tag's value to show: its label, the value as stored if it has none (free text,
        an unknown id), or :attr:`coded_none` for "coded, none"."""
        if value is None:
            return self.coded_none
        found = self.value(field_id, value)
        return value if found is None else found

    def retired(self, field_id: str, value: str | None) -> bool:
        """Whether ``value`` is a category the active codebook has retired."""
        specs = self._fields.get(field_id)
        category = specs[0].category(value) if specs and value is not None else None
        return category is not None and category.retired

    def marked(self, field_id: str, value: str | None, text: str | None = None) -> str:
        """A value to show a reader (``text``: its label, else :meth:`value_text`), marked
        "(retired)" when the active codebook has retired it; data files keep it unmarked."""
        shown = self.value_text(field_id, value) if text is None else text
        if not self.retired(field_id, value):
            return shown
        return self._words.gettext(N_("{value} (retired)")).format(value=shown)

    def participant(self, participant_id: str) -> str | None:
        """A participant's name, or None if the registry does not have them."""
        person = self._participants.get(participant_id)
        return None if person is None else person.text(self.language)

    def participant_text(self, participant_id: str) -> str:
        """A participant's name, or the id if the registry does not have them."""
        return self.participant(participant_id) or participant_id

    def role(self, field_id: str, role_id: str) -> str | None:
        """A participant's role in a field, or None if no codebook has it."""
        for spec in self._fields.get(field_id, ()):
            role = spec.role(role_id)
            if role is not None:
                return role.text(self.language)
        return None

    # -- the app's own words -----------------------------------------------------------
    @property
    def coded_none(self) -> str:
        """A field coded as having no value, distinct from any category's label."""
        return self._words.gettext("(coded: none)")

    @property
    def not_coded(self) -> str:
        """A field the annotator has not coded (no tag at all)."""
        return self._words.gettext("(not coded)")

    @property
    def not_applicable(self) -> str:
        """A figure that cannot be computed (alpha undefined, no shared articles)."""
        return self._words.gettext("n/a")

    def status(self, status: str) -> str:
        """An article's status for an annotator: not started, in progress, done, skipped."""
        words = self._words
        names = {
            "not_started": words.pgettext("status", "not started"),
            "in_progress": words.pgettext("status", "in progress"),
            "done": words.pgettext("status", "done"),
            "skipped": words.pgettext("status", "skipped"),
        }
        return names.get(status, status)

    def level(self, level: str) -> str:
        """A level of measurement (nominal, ordinal, MASI, binary ...)."""
        message = _LEVELS.get(level)
        return self._words.gettext(message) if message else level

    def language_name(self, code: str) -> str:
        """The name of an article's language (``fa`` -> Persian); other codes as they are."""
        words = self._words
        names = {"en": words.gettext("English"), "fa": words.gettext("Persian"),
                 "ar": words.gettext("Arabic")}
        return names.get(code, code)

    # -- agreement ---------------------------------------------------------------------
    def figure(self, field_id: str, category: str | None = None,
               level: str | None = None) -> str:
        """An agreement figure's row: "Field: category" for one category, else "Field",
        with " (level)" when ``level`` is given."""
        name = self.field(field_id)
        if category:
            part = (self.value(field_id, category) or self.participant(category)
                    or category)
            return self._words.gettext("{field}: {category}").format(field=name,
                                                                     category=part)
        if level:
            return self._words.gettext("{field} ({level})").format(field=name,
                                                                   level=self.level(level))
        return name

    def note(self, note: str) -> str:
        """An agreement figure's note (why alpha is undefined, what counted as missing)."""
        return translate(note, self.language)

    def alpha(self, value: float | None, places: int = 3) -> str:
        """An alpha to ``places`` decimals in the language's digits, or :attr:`not_applicable`."""
        return self.not_applicable if value is None else self.number(f"{value:.{places}f}")

    def interval(self, low: float | None, high: float | None) -> str:
        """A range of alphas, ``low – high``; in Persian and Arabic each end is a
        left-to-right isolate, so that the line reads the low end first (at its right)
        and a minus sign stays with its own number.  Without them a negative low end,
        which starts with a left-to-right mark, turned a Persian range left to right."""
        ends = [self.alpha(low), self.alpha(high)]
        if self.language in RTL_LANGUAGES:
            ends = [_LRI + end + _PDI for end in ends]
        return " – ".join(ends)

    # -- numbers and lists -------------------------------------------------------------
    def number(self, value: object) -> str:
        """A number in the language's digits."""
        return digits(value, self.language)

    def joined(self, items: Iterable[str]) -> str:
        """Items separated as the language separates them (the Arabic comma in fa, ar)."""
        return join(items, self.language)
