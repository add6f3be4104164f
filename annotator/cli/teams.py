"""Command-line plug-in for team work: ``sample``, ``assign``, ``queue``, ``sync`` and ``join``.

The lead draws a named, reproducible sample (``sample``), shares it among annotators
with an overlap everyone codes (``assign``), and publishes it through a team folder
(``sync``); each annotator makes their project from the lead's snapshot (``join``),
codes their queue (``queue``, the window's "My queue") and syncs.  The work itself is in
the core (:mod:`annotator.core.sampling`, :mod:`annotator.core.store.samples`,
:mod:`annotator.core.store.team`); this module parses and prints.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable
from annotator.core.store import open_project
from annotator.core.store.files import probe
from annotator.core.store.samples import STRATA


def register(command: Callable[..., argparse.ArgumentParser], parents: argparse.Namespace) -> None:
    p = command("sample", cmd_sample, N_("draw a named, reproducible sample of articles (the "
                                         "same seed and articles draw the same sample)"),
                parents.person)
    p.add_argument("name", nargs="?", metavar="NAME")
    p.add_argument("--size", type=int, metavar="N", help=N_("how many articles to draw"))
    p.add_argument("--seed", metavar="S", help=N_("the seed (default: a new one, printed)"))
    p.add_argument("--by", choices=STRATA,
                   help=N_("stratify proportionally by outlet, month or language"))
    p.add_argument("--query", metavar="TEXT", help=N_("draw from this search's results"))
    p.add_argument("--list", action="store_true", help=N_("list the samples"))
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("assign", cmd_assign, N_("share a sample among annotators: the overlap share "
                                         "to everyone, the rest split evenly"), parents.person)
    p.add_argument("sample", metavar="SAMPLE")
    p.add_argument("--annotators", "--coders", dest="annotators", metavar="A,B,C",
                   required=True, help=N_("the annotators, comma-separated"))
    p.add_argument("--overlap", metavar="SHARE", default="0",
                   help=N_("share of the sample every annotator codes, 0 to 1 (e.g. 0.2)"))
    p.add_argument("--seed", metavar="S", help=N_("the seed (default: the sample's)"))

    p = command("queue", cmd_queue, N_("an annotator's assigned articles with their status"),
                parents.person)
    p.add_argument("--sample", metavar="SAMPLE", help=N_("only this sample"))
    p.add_argument("--progress", action="store_true",
                   help=N_("each annotator's progress instead (for the lead)"))
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("sync", cmd_sync, N_("publish your snapshot into a team folder and merge "
                                     "everyone else's"), parents.person)
    p.add_argument("folder", metavar="FOLDER")
    p.add_argument("--lead", action="store_true",
                   help=N_("make this project a team's, led by you (once, without a sample)"))

    p = command("join", cmd_join, N_("make a new project from the lead's snapshot in a team "
                                     "folder"), parents.person)
    p.add_argument("folder", metavar="FOLDER")


def _common() -> tuple:  # type: ignore[type-arg]
    from annotator.cli.common import annotator_for, project_for, say

    return annotator_for, project_for, say


def cmd_sample(args: argparse.Namespace) -> int:
    annotator_for, project_for, say = _common()
    if args.list or args.name is None:
        with project_for(args) as project:
            samples = project.samples.all()
        if args.format == "json":
            print(json.dumps([s.as_json() for s in samples], ensure_ascii=False, indent=1))
        for s in samples if args.format != "json" else []:
            print("\t".join([s.name, str(s.size), s.seed, s.stratum_by or "-",
                             s.query or "-", ",".join(s.annotators) or "-"]))
        return 0
    if args.size is None:
        raise AnnotatorError(Translatable("sample NAME needs --size N"))
    seed = args.seed if args.seed is not None else str(secrets.randbelow(10**9))
    with project_for(args, writes=True) as project:
        lead = annotator_for(args)
        sample = project.samples.draw(args.name, args.size, seed, stratum_by=args.by,
                                      query=args.query, by=lead)
        project.team.found(lead)
        articles = project.samples.articles(sample.name)
    if args.format == "json":
        print(json.dumps({**sample.as_json(), "articles": articles}, ensure_ascii=False,
                         indent=1))
        return 0
    say(args, Translatable("sample '{name}': {count} articles, seed {seed}", name=sample.name,
                           count=len(articles), seed=sample.seed), sys.stderr)
    for article in articles:
        print(article)
    return 0


def _share(text: str) -> Fraction:
    try:
        share = Fraction(text.strip().rstrip("%")) / (100 if text.strip().endswith("%") else 1)
    except (ValueError, ZeroDivisionError):
        raise AnnotatorError(Translatable("--overlap: a share from 0 to 1, such as 0.2 or "
                                          "20%, not '{value}'", value=text)) from None
    if not 0 <= share <= 1:
        raise AnnotatorError(Translatable("--overlap: a share from 0 to 1, such as 0.2 or "
                                          "20%, not '{value}'", value=text))
    return share


def cmd_assign(args: argparse.Namespace) -> int:
    annotator_for, project_for, say = _common()
    names = [n.strip() for n in args.annotators.split(",") if n.strip()]
    share = _share(args.overlap)
    with project_for(args, writes=True) as project:
        lead = annotator_for(args)
        sample = project.samples.get(args.sample)
        plan = project.samples.assign(sample.name, names, share,
                                      args.seed if args.seed is not None else sample.seed,
                                      by=lead)
        project.team.found(lead)
    say(args, Translatable("sample '{name}': {overlap} articles for everyone", name=sample.name,
                           overlap=len(plan.overlap)))
    for person, queue in plan.queues.items():
        say(args, Translatable("{annotator}: {count} articles", annotator=person,
                               count=len(queue)))
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    annotator_for, project_for, say = _common()
    with project_for(args) as project:
        if args.progress:
            rows = project.samples.progress(args.sample)
            if args.format == "json":
                print(json.dumps([{"annotator": r.annotator, "assigned": r.assigned,
                                   "done": r.done, "skipped": r.skipped,
                                   "in_progress": r.in_progress,
                                   "not_started": r.not_started} for r in rows],
                                 ensure_ascii=False, indent=1))
                return 0
            for r in rows:
                print(f"{r.annotator}\t{r.done + r.skipped}/{r.assigned}\tdone {r.done}\t"
                      f"skipped {r.skipped}\tin_progress {r.in_progress}")
            return 0
        annotator = annotator_for(args)
        items = project.samples.queue(annotator, args.sample)
    if args.format == "json":
        print(json.dumps([item.__dict__ for item in items], ensure_ascii=False, indent=1))
        return 0
    from annotator.cli.common import terminal_text

    for item in items:
        terminal_text(args, f"{item.article_id}\t{item.status}\t{item.sample}"
                            f"\t{'overlap' if item.overlap else '-'}\t{item.title}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    annotator_for, project_for, say = _common()
    with project_for(args, writes=True) as project:
        annotator = annotator_for(args)
        if args.lead:
            project.team.found(annotator)
        summary = project.team.sync(args.folder, annotator)
    for line in summary.lines():
        say(args, line)
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from annotator.cli.common import annotator_for, say, warn_if_shared

    annotator = annotator_for(args)
    if not args.db:
        raise AnnotatorError(Translatable("join needs --db FILE: the new project to make"))
    target = Path(args.db).expanduser()
    if probe(target).kind != "missing":
        raise AnnotatorError(Translatable("{path}: already exists; join makes a new project "
                                          "(give another --db)", path=target))
    try:
        with open_project(target, create=True) as project:
            summaries, settings = project.team.join(args.folder)
    except BaseException:
        _remove_project(target)
        raise
    warn_if_shared(target)
    say(args, Translatable("joined the team of {lead} as {annotator}: {articles} articles, "
                           "{samples} samples; made {path}", lead=settings["snapshot_annotator"],
                           annotator=annotator,
                           articles=sum(s.articles_added for s in summaries),
                           samples=sum(s.samples for s in summaries), path=target))
    return 0


def _remove_project(path: Path) -> None:
    """A join that failed leaves no half-made project behind."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
