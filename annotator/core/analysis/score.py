"""An annotator's score: agreement with the adjudicated values on the training set.

This module owns certifying a new annotator.  For each codebook field (free text
aside) it compares the annotator's tags with the adjudicated values, as if the
adjudication were a second annotator, on the articles of the training set
(``project.training``; when none is marked, every article with an adjudicated value of
the field): the field's figures are exactly those of
:func:`annotator.core.analysis.agreement.field_figures` on ``{article: {annotator,
adjudicated}}``, and the confusion counts say which adjudicated value the annotator
chose what for (per category of a multiple-choice or participants field: chosen by both,
only by the adjudication, only by the annotator).  A field is passed when its primary
alpha reaches the minimum (the codebook's ``certification_minimum``, else 0.800,
Krippendorff's customary minimum); a field
with no adjudicated value in the scope is not judged, and the annotator is certified
when every judged field is passed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.core.analysis.agreement import (
    SET_FIELDS,
    Figure,
    choose_fields,
    field_figures,
    units_from_tags,
)
from annotator.core.analysis.alpha import RELIABLE
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Translatable

if TYPE_CHECKING:
    from annotator.core.store import Project

REFERENCE = "adjudicated"
"""The name the adjudicated values go by beside the annotator's."""
TRAINING_SET = "training set"
ADJUDICATED_ARTICLES = "adjudicated articles"


@dataclass(frozen=True)
class FieldScore:
    """One field: its agreement figures and the confusion counts.

    ``confusion`` is ``{adjudicated value: {annotator's value: articles}}`` for a
    single-choice field, ``{category: {"both": n, "adjudicated only": n, "annotator
    only": n}}`` for a multiple-choice or participants field.
    """

    field: str
    figures: list[Figure]
    confusion: dict[str, dict[str, int]]
    n_articles: int  # articles of the scope with an adjudicated value of the field
    n_coded: int  # of which the annotator coded the field
    passed: bool | None  # None: no adjudicated value of the field in the scope

    @property
    def primary(self) -> Figure | None:
        return next((figure for figure in self.figures if figure.primary), None)

    def to_dict(self) -> dict[str, Any]:
        primary = self.primary
        return {
            "field": self.field,
            "level": primary.level if primary else None,
            "alpha": primary.alpha if primary else None,
            "passed": self.passed, "articles": self.n_articles, "coded": self.n_coded,
            "figures": [figure.to_dict() for figure in self.figures],
            "confusion": self.confusion,
        }


@dataclass(frozen=True)
class Score:
    """An annotator's score on every field, and whether it certifies them."""

    annotator: str
    scope: str  # TRAINING_SET or ADJUDICATED_ARTICLES
    articles: list[str]
    minimum: float
    fields: list[FieldScore] = field(default_factory=list)

    @property
    def certified(self) -> bool:
        """Every field with adjudicated values in the scope has an alpha that reaches the
        minimum (an undefined alpha does not), and at least one field has them."""
        judged = [f.passed for f in self.fields if f.passed is not None]
        return bool(judged) and all(judged)

    def to_dict(self) -> dict[str, Any]:
        return {"annotator": self.annotator, "against": REFERENCE, "scope": self.scope,
                "articles": list(self.articles), "minimum": self.minimum,
                "certified": self.certified,
                "fields": [item.to_dict() for item in self.fields]}


def _confusion(kind: str, units: dict[Any, dict[Any, Any]], annotator: str
               ) -> dict[str, dict[str, int]]:
    if kind in SET_FIELDS:
        counts: dict[str, Counter[str]] = {}
        for unit in units.values():
            if annotator not in unit or REFERENCE not in unit:
                continue
            mine, answer = unit[annotator], unit[REFERENCE]
            for category in sorted(mine | answer):
                tally = counts.setdefault(category, Counter())
                tally["both" if category in mine and category in answer else
                      "adjudicated only" if category in answer else "annotator only"] += 1
        return {category: dict(tally) for category, tally in sorted(counts.items())}
    pairs: dict[str, Counter[str]] = {}
    for unit in units.values():
        if annotator in unit and REFERENCE in unit:
            pairs.setdefault(str(unit[REFERENCE]), Counter())[str(unit[annotator])] += 1
    return {answer: dict(chosen) for answer, chosen in sorted(pairs.items())}


def score(project: Project, annotator: str, fields: Iterable[str] | None = None,
          minimum: float | None = None) -> Score:
    """``annotator``'s agreement with the adjudicated values, field by field.

    ``minimum`` defaults to the codebook's ``certification_minimum``, else 0.800.
    """
    known = project.tags.annotators()
    if annotator not in known:
        raise AnnotatorError(Translatable(
            "no annotator named '{name}' in the project (annotators: {known})",
            name=annotator, known=Listing(known) or Translatable("none yet")))
    codebook = project.codebooks.active()
    if minimum is None:
        minimum = codebook.certification_minimum or RELIABLE
    specs = choose_fields(codebook, fields)
    training = project.training.articles()
    scope = TRAINING_SET if training else ADJUDICATED_ARTICLES
    wanted = set(training)
    answers = [tag for tag in project.review.adjudicated_tags()
               if not training or tag.article_id in wanted]
    if not answers:
        raise AnnotatorError(
            Translatable("no adjudicated values on the training set yet: decide its "
                         "articles in review first") if training else
            Translatable("no adjudicated values yet and no training set: mark one with "
                         "'annotator training add ARTICLE...' and adjudicate it"))
    articles = sorted({tag.article_id for tag in answers})
    reference = units_from_tags(answers, specs)
    in_scope = set(articles)
    mine = units_from_tags((tag for tag in project.tags.find(annotator=annotator)
                            if tag.article_id in in_scope), specs, [annotator])
    result = Score(annotator, scope, articles, minimum)
    for spec in specs:
        units: dict[Any, dict[Any, Any]] = {}
        for article_id, unit in reference[spec.id].items():
            units[article_id] = {REFERENCE: unit[REFERENCE]}
            coded = mine[spec.id].get(article_id, {})
            if annotator in coded:
                units[article_id][annotator] = coded[annotator]
        figures = field_figures(spec, units)
        primary = next((figure for figure in figures if figure.primary), None)
        alpha = primary.alpha if primary else None
        result.fields.append(FieldScore(
            spec.id, figures, _confusion(spec.type, units, annotator), len(units),
            sum(1 for unit in units.values() if annotator in unit),
            None if not units else alpha is not None and alpha >= minimum))
    return result
