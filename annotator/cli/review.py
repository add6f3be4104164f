"""``annotator review`` and ``annotator adjudicate``: the articles coded by two or more
annotators, most disagreement first, and the reviewer's decisions on them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from annotator.cli.common import annotator_for, project_for, say, terminal_text
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable
from annotator.core.review_session import ReviewSession
from annotator.core.store.review import AdjudicatedValue, ReviewItem


def register(command: Callable[..., argparse.ArgumentParser], parents: argparse.Namespace) -> None:
    person, terminal = parents.person, parents.terminal
    p = command("review", cmd_review, N_("list articles coded by two or more annotators, most "
                                         "disagreement first"), terminal)
    p.add_argument("--field", metavar="FIELD", help=N_("only disagreements on this field"))
    p.add_argument("--pair", metavar="NAME,NAME", help=N_("compare only these two annotators"))
    p.add_argument("--pending", action="store_true", help=N_("only articles not yet adjudicated"))
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("adjudicate", cmd_adjudicate, N_("decide an article's field as reviewer: accept an "
                                                 "annotator's values, set values, or clear the "
                                                 "decision"), person, terminal)
    p.epilog = N_("The decision is signed with --annotator (the reviewer). A value starting "
                  "with '-' goes after '--'.")
    p.add_argument("article_id", metavar="ARTICLE")
    p.add_argument("field", metavar="FIELD")
    p.add_argument("values", nargs="*", metavar="VALUE",
                   help=N_("the adjudicated values (category or participant ids)"))
    p.add_argument("--accept", metavar="ANNOTATOR",
                   help=N_("make this annotator's values of the field the adjudicated ones"))
    p.add_argument("--none", action="store_true", help=N_("adjudicated as none (e.g. no demands)"))
    p.add_argument("--clear", action="store_true",
                   help=N_("remove the decision (back to undecided; the annotators' tags stay)"))
    p.add_argument("--participant", metavar="ID",
                   help=N_("with values: the participant who voiced them (a field "
                           "with_participant)"))
    p.add_argument("--role", metavar="ROLE", help=N_("with values: the participant's role"))
    p.add_argument("--comment", metavar="TEXT", help=N_("the reason for the decision"))


def cmd_review(args: argparse.Namespace) -> int:
    pair = tuple(args.pair.split(",", 1)) if args.pair else None
    if pair is not None and len(pair) != 2:
        raise AnnotatorError(Translatable("--pair takes two annotator names separated by a "
                                          "comma"))
    with project_for(args) as project:
        review = ReviewSession(project, annotator_for(args))
        items = review.queue(args.field, pair, args.pending)  # type: ignore[arg-type]
        rechecks = review.rechecks() if args.format == "json" else {}
    if args.format == "json":
        print(json.dumps([_review_entry(i, rechecks) for i in items], ensure_ascii=False,
                         indent=1))
        return 0
    for item in items:
        # A field whose annotators differ only in roles or evidence says so; a decision to
        # look at again is marked with '!'.
        fields = [(f if item.differences.get(f, "values") == "values"
                   else f"{f}({item.differences[f]})") + ("!" if f in item.recheck else "")
                  for f in item.disagreements]
        fields += [f"{f}!" for f in item.recheck if f not in item.disagreements]
        terminal_text(args, f"{item.article_id}\t{len(item.disagreements)}\t"
                   f"{','.join(fields) or '-'}\t{','.join(item.annotators)}\t"
                   f"{item.title}")
    say(args, Translatable("{count} articles coded by two or more annotators",
                           count=len(items)), sys.stderr)
    return 0


def _review_entry(item: ReviewItem, rechecks: dict) -> dict[str, object]:  # type: ignore[type-arg]
    """One article of ``review --format json``: what disagrees, how, and what to decide
    again (each annotator's values when the decision was made and now)."""
    def values(keys: frozenset) -> list[dict[str, object]]:  # type: ignore[type-arg]
        names = ("value", "participant", "role", "span_start", "span_end")
        return sorted((dict(zip(names, key, strict=False)) for key in keys),
                      key=lambda v: json.dumps(v, ensure_ascii=False))
    again = {}
    for field_id in item.recheck:
        found = rechecks.get((item.article_id, field_id))
        again[field_id] = {
            "decided_at": found.decided_at if found else None,
            "changed": {name: {"then": values(then), "now": values(now)}
                        for name, then, now in (found.changed if found else ())}}
    return {"article_id": item.article_id, "title": item.title,
            "annotators": list(item.annotators), "disagreements": list(item.disagreements),
            "differences": item.differences, "adjudicated": list(item.adjudicated),
            "recheck": list(item.recheck), "changed_since_decision": again,
            "pending": list(item.pending)}


def cmd_adjudicate(args: argparse.Namespace) -> int:
    chosen = [bool(args.accept), bool(args.values), args.clear, args.none]
    if sum(chosen) != 1:
        raise AnnotatorError(Translatable("give one of --accept ANNOTATOR, values, --none "
                                          "(adjudicated as none) or --clear (undecided)"))
    if (args.participant or args.role) and not args.values:
        raise AnnotatorError(Translatable("--participant and --role go with values"))
    if args.comment is not None and args.clear:
        raise AnnotatorError(Translatable("--clear takes no --comment"))
    with project_for(args, writes=True) as project:
        review = ReviewSession(project, annotator_for(args))
        review.codebook.field(args.field)  # an unknown field is named before anything else
        if args.accept:
            review.accept(args.article_id, args.field, args.accept, args.comment)
        elif args.clear:
            project.articles.get(args.article_id)
            review.clear(args.article_id, args.field)
        else:
            chosen_values = [AdjudicatedValue(value, args.participant, args.role)
                             for value in args.values] or [AdjudicatedValue(None)]
            review.adjudicate(args.article_id, args.field, chosen_values, args.comment)
    return 0
