"""The ``bench`` command: how fast the app is on a large synthetic corpus, against targets.

A plug-in of :mod:`annotator.cli.commands` (listed in ``PLUGINS``).  It runs
:func:`annotator.bench.measure.run_bench` in a scratch folder (kept with ``--keep``),
prints the results table (figure, value, baseline, ratio, target, met) and can write it
as JSON and as Markdown.  Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from annotator.cli.parser import whole_number
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_


def register(command, parents: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    p = command("bench", cmd_bench, N_("measure import, cold start, switching, saving, search, "
                                       "export, agreement, merge and memory on N synthetic "
                                       "articles"))
    p.add_argument("--articles", type=whole_number(1, 10**9), default=100_000, metavar="N",
                   help=N_("synthetic articles (default: 100000)"))
    p.add_argument("--runs", type=whole_number(1, 10**9), default=3, metavar="R",
                   help=N_("runs of each measurement; figures are medians (default: 3)"))
    p.add_argument("--switches", type=whole_number(1, 10**9), default=200, metavar="S",
                   help=N_("article switches timed in the window per run (default: 200)"))
    p.add_argument("--seed", type=int, default=1403, help=N_("seed of the synthetic corpus"))
    p.add_argument("--corpus", choices=("realistic", "synthetic"), default="realistic",
                   help=N_("realistic: words drawn from a Zipf vocabulary of 200,000+ Persian "
                           "and Arabic word forms; synthetic: the sample articles' sentences "
                           "repeated, so every query matches most articles (the worst case); "
                           "default: realistic"))
    p.add_argument("--json", metavar="FILE", help=N_("write the results as JSON"))
    p.add_argument("--markdown", metavar="FILE", help=N_("write the results table as Markdown"))
    p.add_argument("--team", action="store_true",
                   help=N_("measure only team snapshots: publishing and syncing"))
    p.add_argument("--keep", metavar="DIR",
                   help=N_("work in DIR and keep the corpus and project files there"))


def cmd_bench(args: argparse.Namespace) -> int:
    from annotator.bench.measure import markdown, run_bench, text_table

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.team:
        return _team_bench(args, log)
    if args.keep:
        report = run_bench(args.articles, args.runs, Path(args.keep), switches=args.switches,
                           seed=args.seed, log=log, corpus=args.corpus)
    else:
        with tempfile.TemporaryDirectory(prefix="annotator-bench-") as scratch:
            report = run_bench(args.articles, args.runs, Path(scratch),
                               switches=args.switches, seed=args.seed, log=log,
                               corpus=args.corpus)
    print(text_table(report))
    for target, text in ((args.json, json.dumps(report.to_json(), ensure_ascii=False,
                                                indent=1)),
                         (args.markdown, markdown(report))):
        if target:
            try:
                Path(target).write_text(text + ("\n" if not text.endswith("\n") else ""),
                                        encoding="utf-8")
            except OSError as exc:
                raise AnnotatorError(f"{target}: cannot write ({exc.strerror})") from None
    return 0


def _team_bench(args: argparse.Namespace, log) -> int:  # type: ignore[no-untyped-def]
    from annotator.bench.team import run_team_bench

    if args.keep:
        rows = run_team_bench(args.articles, Path(args.keep), log)
    else:
        with tempfile.TemporaryDirectory(prefix="annotator-bench-") as scratch:
            rows = run_team_bench(args.articles, Path(scratch), log)
    for what, value in rows:
        print(f"{what}\t{value}")
    return 0
