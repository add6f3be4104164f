"""Command-line plug-in for training and certifying annotators: ``training`` and ``score``.

``annotator training add|remove|list [ARTICLE...]`` keeps the training set (the articles
new annotators code first; their adjudicated values are the answers).  ``annotator score
--annotator NAME`` prints each field's agreement of the annotator with the adjudicated
values on the training set (:mod:`annotator.core.analysis.score`), the confusion counts,
and whether every field reaches the minimum; it exits 0 either way (a score is not an
error).  Tables speak the ``--lang`` language; ``--format json`` is data (ids).
"""

from __future__ import annotations

import argparse
import json

from annotator.cli.common import annotator_for, language, project_for, say, terminal_text
from annotator.core.analysis.score import REFERENCE, TRAINING_SET, Score, score
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Number, Translatable, translation
from annotator.core.labels import Labels


def _minimum(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(repr(text)) from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(repr(text))
    return value


def register(command, parents: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    p = command("training", cmd_training,
                N_("the training set: articles new annotators code first and are scored on "
                   "against the adjudicated values"), parents.terminal)
    p.add_argument("action", choices=("add", "remove", "list"))
    p.add_argument("articles", nargs="*", metavar="ARTICLE")
    p = command("score", cmd_score,
                N_("an annotator's agreement with the adjudicated values on the training set, "
                   "per field, and whether it reaches the minimum"),
                parents.person, parents.terminal)
    p.add_argument("--against", choices=(REFERENCE,), default=REFERENCE,
                   help=N_("what the tags are scored against (the adjudicated values)"))
    p.add_argument("--field", action="append", dest="fields", metavar="FIELD",
                   help=N_("only this field (may repeat; default: every field but free text)"))
    p.add_argument("--minimum", type=_minimum, metavar="ALPHA",
                   help=N_("the alpha each field must reach to pass (default: the codebook's "
                           "certification_minimum, else 0.8)"))
    p.add_argument("--format", choices=("table", "json"), default="table")


def cmd_training(args: argparse.Namespace) -> int:
    if args.action == "list":
        if args.articles:
            raise AnnotatorError(N_("'training list' takes no articles"))
        with project_for(args, create=False) as project:
            for article_id in project.training.articles():
                print(article_id)
        return 0
    if not args.articles:
        raise AnnotatorError(N_("name the articles to add or remove"))
    with project_for(args, create=False, writes=True) as project:
        if args.action == "add":
            changed = project.training.add(args.articles)
            say(args, Translatable("{count} articles added to the training set ({total} in "
                                   "it)", count=Number(len(changed)),
                                   total=Number(len(project.training.articles()))))
        else:
            changed = project.training.remove(args.articles)
            say(args, Translatable("{count} articles taken out of the training set ({total} "
                                   "in it)", count=Number(len(changed)),
                                   total=Number(len(project.training.articles()))))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    name = annotator_for(args)
    with project_for(args, create=False) as project:
        result = score(project, name, args.fields, args.minimum)
        labels = Labels.of(project, language(args))
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        terminal_text(args, score_table(result, labels))
    return 0


def score_table(result: Score, labels: Labels) -> str:
    """The score, one block per field: alpha, pass or not, and the confusion counts."""
    words = translation(labels.language)
    english = labels.language == "en"

    def number(value: object) -> str:
        return str(value) if english else labels.number(value)

    def alpha(value: float | None) -> str:
        if value is None:
            return "n/a" if english else labels.not_applicable
        return f"{value:.3f}" if english else labels.alpha(value)

    def value(field_id: str, value_id: str) -> str:
        if english:
            return value_id
        return labels.value(field_id, value_id) or labels.participant_text(value_id) or value_id

    scope = (words.gettext("the training set") if result.scope == TRAINING_SET
             else words.gettext("every adjudicated article (no training set is marked)"))
    lines = [words.gettext("Score of {annotator} against the adjudicated values on {scope} "
                           "({articles} articles); minimum alpha {minimum}").format(
        annotator=result.annotator, scope=scope, articles=number(len(result.articles)),
        minimum=alpha(result.minimum))]
    for item in result.fields:
        primary = item.primary
        if item.passed is None:
            lines += ["", words.gettext("{field}: no adjudicated value to score against")
                      .format(field=item.field if english else labels.field(item.field))]
            continue
        verdict = words.gettext("passed") if item.passed else words.gettext("not passed")
        field_name = item.field if english else labels.field(item.field)
        level = primary.level if primary else ""
        level = level if english else labels.level(level)
        lines.append("")
        lines.append(words.gettext("{field}: alpha {alpha} ({level}), {verdict}; coded "
                                   "{coded} of {articles} articles").format(
            field=field_name, alpha=alpha(primary.alpha if primary else None), level=level,
            verdict=verdict, coded=number(item.n_coded), articles=number(item.n_articles)))
        if primary is not None and primary.alpha is None and primary.note:
            lines.append("  " + (primary.note if english else labels.note(primary.note)))
        for answer, chosen in item.confusion.items():
            if set(chosen) <= {"both", "adjudicated only", "annotator only"}:
                parts = [words.gettext("both {n}").format(n=number(chosen.get("both", 0))),
                         words.gettext("only adjudicated {n}").format(
                             n=number(chosen.get("adjudicated only", 0))),
                         words.gettext("only the annotator {n}").format(
                             n=number(chosen.get("annotator only", 0)))]
                lines.append(f"  {value(item.field, answer)}: " + labels.joined(parts))
            else:
                parts = [f"{value(item.field, mine)} {number(count)}"
                         for mine, count in chosen.items()]
                lines.append("  " + words.gettext("adjudicated {answer}, the annotator "
                                                  "chose: {chosen}").format(
                    answer=value(item.field, answer), chosen=labels.joined(parts)))
    lines.append("")
    lines.append(words.gettext("Certified: every field reaches the minimum.") if result.certified
                 else words.gettext("Not certified yet: a field is below the minimum or its "
                                    "alpha is undefined."))
    return "\n".join(lines)
