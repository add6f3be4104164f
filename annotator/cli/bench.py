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

from annotator.core.errors import AnnotatorError


def register(command, parents: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    p = command("bench", cmd_bench, "measure import, cold start, switching, saving, search, "
                "export, agreement, merge and memory on N synthetic articles")
    p.add_argument("--articles", type=_positive, default=100_000, metavar="N",
                   help="synthetic articles (default: 100000)")
    p.add_argument("--runs", type=_positive, default=3, metavar="R",
                   help="runs of each measurement; figures are medians (default: 3)")
    p.add_argument("--switches", type=_positive, default=200, metavar="S",
                   help="article switches timed in the window per run (default: 200)")
    p.add_argument("--seed", type=int, default=1403, help="seed of the synthetic corpus")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON")
    p.add_argument("--markdown", metavar="FILE", help="write the results table as Markdown")
    p.add_argument("--keep", metavar="DIR",
                   help="work in DIR and keep the corpus and project files there")


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cmd_bench(args: argparse.Namespace) -> int:
    from annotator.bench.measure import markdown, run_bench, text_table

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.keep:
        report = run_bench(args.articles, args.runs, Path(args.keep), switches=args.switches,
                           seed=args.seed, log=log)
    else:
        with tempfile.TemporaryDirectory(prefix="annotator-bench-") as scratch:
            report = run_bench(args.articles, args.runs, Path(scratch),
                               switches=args.switches, seed=args.seed, log=log)
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
