"""The ``chart`` and ``report`` commands: charts of the tags as files, and the project report.

``annotator chart KIND -o FILE.png|svg|pdf`` draws one chart (see
:data:`annotator.core.outputs.charts.KINDS`); ``annotator report -o FILE.html|pdf`` writes the
corpus summary, progress, agreement and all charts.  Both take ``--lang en|fa|ar``; the
PDF report is printed by Qt (offscreen, no window needed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.cli.common import language, project_for, say
from annotator.cli.parser import whole_number
from annotator.core.analysis.bootstrap import MAX_SAMPLES
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable
from annotator.core.languages import LANGUAGES

# The chart kinds, named here so that building the parser does not import matplotlib
# (a test checks they match annotator.core.outputs.charts.KINDS).
KINDS = ("stance", "demands", "demands-by-participant", "agreement", "progress")


def cmd_chart(args: argparse.Namespace) -> int:
    from annotator.core.outputs.charts import FORMATS, make_chart, save_chart
    from annotator.core.outputs.output_file import check_target

    target = Path(args.output).expanduser()
    with project_for(args, create=False) as project:
        # The project (and its -wal) is refused before anything else is said or drawn.
        check_target(target, project.path)
        if target.suffix.lower() not in FORMATS:
            raise AnnotatorError(Translatable("{path}: a chart is saved as .png, .svg or .pdf",
                                              path=target))
        figure = make_chart(project, args.kind, _language(args), getattr(args, "annotator", None))
        project_path = project.path
    save_chart(figure, target, project=project_path)
    say(args, Translatable("chart written to {path}", path=target), sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from annotator.core.outputs.output_file import check_target
    from annotator.core.outputs.report import FORMATS, build_report, write_report_html

    if args.seed is not None and args.bootstrap is None:
        raise AnnotatorError(N_("--seed sets the resampling of --bootstrap: give --bootstrap "
                                "N too"))
    target = Path(args.output).expanduser()
    suffix = target.suffix.lower()
    with project_for(args, create=False) as project:
        check_target(target, project.path)
        if suffix not in FORMATS:
            raise AnnotatorError(Translatable("{path}: a report is written as .html or .pdf",
                                              path=target))
        # Sharper charts for print; lighter ones for a file read on screen.
        report = build_report(project, _language(args), chart_dpi=160 if suffix == ".pdf"
                              else 110, bootstrap=args.bootstrap, seed=args.seed)
        project_path = project.path
    if suffix == ".pdf":
        try:
            from annotator.gui.pdf import write_report_pdf
        except ImportError as exc:
            raise AnnotatorError(Translatable("a PDF report needs Qt (PySide6): {error}; "
                                              "write .html instead", error=exc)) from None
        write_report_pdf(report, target, project_path)
    else:
        write_report_html(report, target, project_path)
    say(args, Translatable("report written to {path}", path=target), sys.stderr)
    return 0


def _language(args: argparse.Namespace) -> str:
    return language(args)


def register(command, parents: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    """Add ``chart`` and ``report`` to the command line (see ``annotator.cli.commands.PLUGINS``)."""
    # --lang and --annotator default to SUPPRESS so that a value given before the command
    # name (annotator --lang fa chart ...) is not reset by the sub-command.
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                          help=N_("language of the labels and messages (default: en)"))

    p = command("chart", cmd_chart, N_("draw a chart of the tags as PNG, SVG or PDF"), lang)
    p.add_argument("kind", choices=KINDS, metavar="KIND",
                   help=Translatable("one of: {kinds}", kinds=Listing(KINDS)))
    p.add_argument("-o", "--output", metavar="FILE", required=True,
                   help=N_("file to write: .png, .svg or .pdf"))
    p.add_argument("--annotator", metavar="NAME", default=argparse.SUPPRESS,
                   help=N_("only this annotator's tags (default: every annotator)"))

    p = command("report", cmd_report, N_("write the project report: corpus, progress, agreement "
                                         "and charts, as HTML or PDF"), lang)
    p.add_argument("-o", "--output", metavar="FILE", required=True,
                   help=N_("file to write: .html (one self-contained file) or .pdf"))
    p.add_argument("--bootstrap", type=whole_number(1, MAX_SAMPLES), metavar="N",
                   help=N_("the alphas' 95%% intervals from N resamples of the articles "
                           "(default 1000), and the probability that each alpha is below "
                           "0.667 and 0.800"))
    p.add_argument("--seed", type=whole_number(0, 2**63 - 1), metavar="S",
                   help=N_("seed of the resampling (default 1), so that --bootstrap gives "
                           "the same interval again"))
