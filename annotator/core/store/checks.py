"""What a tag or an adjudicated value may hold, checked before it is stored.

A value must be a category of its field in the active codebook (or a participant in the
registry, in use for a new tag, or non-empty text); a participant may be named only where
the field takes a participant per value (``with_participant``); a role must be one of the
field's; an evidence span must lie in the article, whose text there becomes the quote.  Tagging,
review and the tag CSV import all check through :class:`Checks`, so the rules and their
messages are written once.
"""

from __future__ import annotations

from annotator.core.codebook import Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Translatable
from annotator.core.participants import Participant
from annotator.core.store.articles import Articles
from annotator.core.store.codebooks import Codebooks
from annotator.core.store.participants import Participants


class Checks:
    """The checks, against the project's active codebook, participants and articles."""

    def __init__(self, codebooks: Codebooks, participants: Participants,
                 articles: Articles) -> None:
        self._codebooks = codebooks
        self._participants = participants
        self._articles = articles

    def field(self, field_id: str, kinds: tuple[str, ...]) -> Field:
        """The active codebook's field ``field_id``, which must be of one of ``kinds``."""
        spec = self._codebooks.active().field(field_id)
        if spec.type not in kinds:
            raise AnnotatorError(Translatable("field '{field}' is a {kind} field",
                                              field=field_id, kind=spec.type))
        return spec

    def value(self, spec: Field, value: str, allow_retired: bool = False) -> None:
        if spec.type in ("single", "multiple"):
            category = spec.category(value)
            if category is not None and category.retired and not allow_retired:
                raise AnnotatorError(Translatable(
                    "{value} is retired in field '{field}': kept for the tags made before, "
                    "not for new ones (values now: {allowed})", value=repr(value),
                    field=spec.id, allowed=Listing(c.id for c in spec.active_categories)))
            if category is None:
                raise AnnotatorError(Translatable(
                    "{value} is not a value of field '{field}' (allowed: {allowed})",
                    value=repr(value), field=spec.id,
                    allowed=Listing(c.id for c in spec.active_categories)))
        elif spec.type == "participants":
            entry = self._participants.find(value)
            if entry is None:
                raise AnnotatorError(Translatable(
                    "{value} is not in the participants registry (add it first)",
                    value=repr(value)))
            if entry.retired and not allow_retired:
                raise AnnotatorError(retired_participant(entry))
        elif not value.strip():
            raise AnnotatorError(Translatable("field '{field}': the text is empty",
                                              field=spec.id))

    def participant(self, spec: Field, participant: object,
                    allow_retired: bool = False) -> str | None:
        if participant is None:
            return None
        if not spec.with_participant:
            raise AnnotatorError(takes_no_participant(spec.id))
        entry = self._participants.find(str(participant))
        if entry is None:
            raise AnnotatorError(Translatable("'{participant}' is not in the participants "
                                              "registry", participant=participant))
        if entry.retired and not allow_retired:
            raise AnnotatorError(retired_participant(entry))
        return str(participant)

    def role(self, spec: Field, role: object) -> str | None:
        if role is None:
            return None
        if spec.role(str(role)) is None:
            allowed = Listing(r.id for r in spec.roles) or Translatable("none")
            raise AnnotatorError(Translatable(
                "'{role}' is not a role of field '{field}' (allowed: {allowed})", role=role,
                field=spec.id, allowed=allowed))
        return str(role)

    def span(self, article_id: str,
             span: object) -> tuple[int | None, int | None, str | None]:
        """``(start, end, quoted text)`` of evidence in the article (all None without)."""
        if span is None:
            self._articles.require(article_id)
            return None, None, None
        body = self._articles.body(article_id)
        try:
            start, end = (int(v) for v in span)  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            raise AnnotatorError(Translatable("evidence span {span} must be two offsets",
                                              span=repr(span))) from None
        if not 0 <= start < end <= len(body):
            raise AnnotatorError(Translatable(
                "evidence span {start}-{end} is outside article '{id}' ({length} characters)",
                start=start, end=end, id=article_id, length=len(body)))
        return start, end, body[start:end]


def retired_participant(entry: Participant) -> Translatable:
    """Why a retired or merged entry is not taken for a new tag."""
    if entry.merged_into:
        return Translatable("participant '{id}' was merged into '{into}': tag '{into}' "
                            "instead", id=entry.id, into=entry.merged_into)
    return Translatable("participant '{id}' is retired: kept on the tags made before, not "
                        "for new ones", id=entry.id)


def takes_no_participant(field_id: str) -> Translatable:
    return Translatable("field '{field}' takes no participant per value",
                        field=field_id)
