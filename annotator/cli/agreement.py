"""The ``annotator agreement`` command: Krippendorff's alpha per field, and pairwise agreement.

A command-line plug-in (see ``PLUGINS`` in :mod:`annotator.cli.commands`): it reads the project
through :mod:`annotator.core.analysis.agreement` and prints a table, a CSV (one row per field
figure and per category) or JSON.  With ``--lang fa`` or ``ar`` the table speaks Persian or
Arabic: its headings, the fields', categories' and levels' labels, the notes, and numbers in
the language's digits (a negative alpha with the minus sign where a right-to-left reader
expects it).  The CSV and the JSON are data: ids and English notes in every language.
Figures are computed per codebook revision (the codebook file says agreement is only
comparable within one): each table is headed by its revision, the CSV has a ``revision``
column and the JSON names the revision of each figure, with the caveats (articles coded
under different revisions, categories left out of a pool) after the tables.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from annotator.cli.common import language, project_for, terminal_text
from annotator.cli.parser import whole_number
from annotator.core.analysis.agreement import Caveat, Figure, PairAgreement, Revision, report
from annotator.core.analysis.bootstrap import MAX_SAMPLES, Bootstrap
from annotator.core.analysis.matrix import FieldMatrix, field_matrices, tidy
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable, translate, translation
from annotator.core.labels import Labels
from annotator.core.outputs.terminal import shown_width

CSV_COLUMNS = ("revision", "field", "category", "level", "alpha", "units", "annotators",
               "values", "note")
INTERVAL_COLUMNS = ("ci_low", "ci_high", "p_below_667", "p_below_800")
"""Added after ``alpha`` in the CSV with ``--bootstrap``."""
_ALPHA = CSV_COLUMNS.index("alpha") + 1


def register(command: Callable[..., argparse.ArgumentParser], parents: argparse.Namespace) -> None:
    p = command("agreement", run, N_("inter-annotator agreement: Krippendorff's alpha per field "
                                     "(and per category of multiple-choice fields), and pairwise "
                                     "agreement"),
                parents.terminal)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--field", action="append", dest="fields", metavar="FIELD",
                   help=N_("only this field (may repeat; default: every field but free text)"))
    p.add_argument("--annotator", action="append", dest="annotators", metavar="NAME",
                   help=N_("only this annotator's tags (may repeat; default: everyone's)"))
    p.add_argument("--bootstrap", type=whole_number(1, MAX_SAMPLES), metavar="N",
                   help=N_("add a 95%% interval to each alpha and the probability that it is "
                           "below 0.667 and 0.800, from N resamples of the articles "
                           "(1000 or more for a paper)"))
    p.add_argument("--seed", type=whole_number(0, 2**63 - 1), metavar="S",
                   help=N_("seed of the resampling, so that --bootstrap gives the same "
                           "interval again"))
    p.add_argument("--matrix", metavar="FIELD",
                   help=N_("print this field's coincidence matrix and the pairs of values "
                           "that make up most of the disagreement, instead of alpha"))
    p.add_argument("--revision", metavar="R",
                   help=N_("only the tags coded under this codebook revision (default: each "
                           "revision in a table of its own)"))
    p.add_argument("--pool-revisions", action="store_true",
                   help=N_("one table over every codebook revision, counting only the "
                           "categories all of them offer (others count as missing)"))


def _open(stream: Any) -> Any:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:  # the CSV writer ends rows with CRLF itself
        reconfigure(newline="")
    return csv.writer(stream, lineterminator="\r\n")


def run(args: argparse.Namespace) -> int:
    if args.pool_revisions and args.revision is not None:
        raise AnnotatorError(N_("--revision shows one codebook revision and --pool-revisions "
                                "pools them all: give one of them"))
    if args.matrix is not None:
        if args.bootstrap is not None or args.fields:
            raise AnnotatorError(N_("--matrix shows one field's coincidence matrix: leave out "
                                    "--bootstrap and --field"))
        return run_matrix(args)
    if args.seed is not None and args.bootstrap is None:
        raise AnnotatorError(N_("--seed sets the resampling of --bootstrap: give --bootstrap "
                                "N too"))
    bootstrap = None if args.bootstrap is None else Bootstrap(args.bootstrap, args.seed)
    with project_for(args, create=False) as project:
        result = report(project, args.annotators, args.fields, bootstrap,
                        pool=args.pool_revisions, revision=args.revision)
        labels = Labels.of(project, language(args))
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    elif args.format == "csv":
        writer = _open(sys.stdout)
        if bootstrap is None:
            writer.writerow(CSV_COLUMNS)
        else:
            writer.writerow(CSV_COLUMNS[:_ALPHA] + INTERVAL_COLUMNS + CSV_COLUMNS[_ALPHA:])
        writer.writerows(csv_row(figure, bootstrap is not None) for figure in result.figures)
    else:
        say = _Words(labels)
        parts = []
        for revision in result.revisions:
            part = revision_title(revision, say) + "\n" + figure_table(
                [f for f in result.figures if f.revision == revision.label], labels)
            if len(result.annotators) > 1:
                part += "\n\n" + pair_table(
                    [p for p in result.pairs if p.revision == revision.label], labels)
            parts.append(part)
        text = "\n\n".join(parts)
        if bootstrap is not None:
            text += "\n" + translation(labels.language).gettext(
                "95% intervals from {samples} resamples of the articles (seed {seed}); "
                "q = the share of resampled alphas below 0.667 and 0.800.").format(
                    samples=_Words(labels).number(bootstrap.samples),
                    seed=_Words(labels).number(bootstrap.seed)
                    if bootstrap.seed is not None else "-")
        if result.caveats:
            text += "\n\n" + "\n".join(caveat_line(caveat, say) for caveat in result.caveats)
        terminal_text(args, text)
    return 0


def revision_title(revision: Revision, say: _Words) -> str:
    """The line that heads a revision's tables: which codebook revision, which versions."""
    return translate(revision.title(), say.words_language)


def caveat_line(caveat: Caveat, say: _Words) -> str:
    """One caveat: articles coded under different revisions, categories left out of a pool."""
    messages = caveat.messages(say.field(caveat.field),
                               [say.category(caveat.field, c) for c in caveat.left_out])
    return "\n".join(translate(message, say.words_language) for message in messages)


def _six(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}"


def csv_row(figure: Figure, with_interval: bool = False) -> list[Any]:
    row: list[Any] = [figure.revision, figure.field, figure.category or "", figure.level,
                      _six(figure.alpha)]
    if with_interval:
        interval = figure.interval
        row += ([""] * 4 if interval is None else
                [_six(interval.low), _six(interval.high), _six(interval.below_tentative),
                 _six(interval.below_reliable)])
    return row + [figure.n_units, figure.n_annotators, figure.n_values, figure.note]


# -- the coincidence matrix ---------------------------------------------------------------
def run_matrix(args: argparse.Namespace) -> int:
    with project_for(args, create=False) as project:
        results = field_matrices(project, args.matrix, args.annotators,
                                 pool=args.pool_revisions, revision=args.revision)
        labels = Labels.of(project, language(args))
    if args.format == "json":
        print(json.dumps([result.to_dict() for result in results], ensure_ascii=False,
                         indent=1))
    elif args.format == "csv":
        if len(results) > 1:
            raise AnnotatorError(Translatable(
                "{field} was coded under {count} codebook revisions: choose one with "
                "--revision ({revisions}) or pool them with --pool-revisions",
                field=args.matrix, count=len(results),
                revisions=Listing(r.revision for r in results)))
        result = results[0]
        writer = _open(sys.stdout)
        writer.writerow(["value", *result.values, "total"])
        totals = result.totals()
        for row in result.values:
            writer.writerow([row, *(tidy(result.count(row, column)) for column in result.values),
                             tidy(totals[row])])
    else:
        terminal_text(args, "\n\n".join(matrix_table(result, labels) for result in results))
    return 0


def matrix_table(result: FieldMatrix, labels: Labels | None = None) -> str:
    """The coincidence matrix with its margins, then the most disagreeing pairs of values."""
    say = _Words(labels)
    words = say.words

    def value(name: str) -> str:
        return "+".join(say.category(result.field, part) for part in name.split("+"))

    def count(number: float) -> str:
        whole = tidy(number)
        return say.number(whole if isinstance(whole, int) else f"{whole:.2f}")

    if not result.values:
        return words.gettext("No article of this field was coded by two or more annotators.")
    names = [value(name) for name in result.values]
    totals = result.totals()
    rows = [[names[i], *(count(result.count(row, column)) for column in result.values),
             count(totals[row])] for i, row in enumerate(result.values)]
    header = ["", *names, words.pgettext("agreement table", "total")]
    table = _aligned(header, rows, right=set(range(1, len(header))))
    title = words.gettext("Coincidence matrix of {field}, codebook revision {revision} ({units} "
                          "articles coded by two or more annotators; each pair of values from "
                          "two annotators of an article adds 1/(m - 1))").format(
        field=say.field(result.field), revision=say.number(result.revision),
        units=say.number(result.n_units))
    lines = [title, table]
    if result.disagreements:
        lines += ["", words.gettext("Where they disagree most (share of the observed "
                                    "disagreement, {level} level):").format(
            level=say.level(result.level))]
        for item in result.disagreements[:10]:
            lines.append(f"  {value(item.first)} / {value(item.second)}: "
                         f"{count(item.count)}  ({say.number(f'{100 * item.share:.1f}%')})")
    return "\n".join(lines)


def _alpha_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


class _Words:
    """How a table says things in one language: English as ids and plain numbers (as
    before), Persian and Arabic with labels and the language's digits."""

    def __init__(self, labels: Labels | None) -> None:
        self.labels = labels
        self.named = labels is not None and labels.language != "en"
        self.words_language = labels.language if labels is not None else "en"
        self.words = translation(self.words_language)

    def heading(self, word: str) -> str:
        words = self.words
        return {
            "field": words.pgettext("agreement table", "field"),
            "category": words.pgettext("agreement table", "category"),
            "level": words.pgettext("agreement table", "level"),
            "alpha": words.pgettext("agreement table", "alpha"),
            "units": words.pgettext("agreement table", "units"),
            "annotators": words.pgettext("agreement table", "annotators"),
            "note": words.pgettext("agreement table", "note"),
            "annotator": words.pgettext("agreement table", "annotator"),
            "agreement": words.pgettext("agreement table", "agreement"),
            "articles": words.pgettext("agreement table", "articles"),
            "interval": words.pgettext("agreement table", "95% interval"),
            "q": words.pgettext("agreement table", "q<0.667"),
            "q8": words.pgettext("agreement table", "q<0.800"),
        }[word]

    def field(self, field_id: str) -> str:
        return self.labels.field(field_id) if self.labels and self.named else field_id

    def category(self, field_id: str, category: str | None) -> str:
        if not category or not (self.labels and self.named):
            return category or ""
        return (self.labels.value(field_id, category) or self.labels.participant(category)
                or category)

    def level(self, level: str) -> str:
        return self.labels.level(level) if self.labels and self.named else level

    def alpha(self, value: float | None) -> str:
        return self.labels.alpha(value) if self.labels and self.named else _alpha_text(value)

    def interval(self, low: float, high: float) -> str:
        """``low – high``; in Persian and Arabic each end isolated left to right, so that
        the low end is read first and a minus sign stays with its number
        (:meth:`Labels.interval`, as the window and the report show it)."""
        if self.labels and self.named:
            return self.labels.interval(low, high)
        return f"{_alpha_text(low)} – {_alpha_text(high)}"

    def number(self, value: object) -> str:
        return self.labels.number(value) if self.labels and self.named else str(value)

    def not_applicable(self) -> str:
        return self.labels.not_applicable if self.labels and self.named else "n/a"

    def note(self, note: str) -> str:
        return self.labels.note(note) if self.labels and self.named else note


def _aligned(header: Sequence[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(map(shown_width, column)) for column in zip(header, *rows, strict=True)]
    lines = []
    for row in [list(header), *rows]:
        cells = []
        for index, (cell, width) in enumerate(zip(row, widths, strict=True)):
            pad = " " * (width - shown_width(cell))
            cells.append(pad + cell if index in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def figure_table(figures: Sequence[Figure], labels: Labels | None = None) -> str:
    """Krippendorff's alpha, one line per figure; the field's primary figure is starred.

    ``labels`` in Persian or Arabic give the table in that language; English (or none)
    gives ids, as the codebook names them."""
    say = _Words(labels)
    bootstrapped = any(figure.interval is not None for figure in figures)
    rows = []
    for figure in figures:
        row = [say.field(figure.field), say.category(figure.field, figure.category),
               say.level(figure.level) + ("*" if figure.primary else ""),
               say.alpha(figure.alpha)]
        if bootstrapped:
            row += interval_cells(figure, say)
        rows.append(row + [say.number(figure.n_units), say.number(figure.n_annotators),
                           say.note(figure.note)])
    words = ["field", "category", "level", "alpha"]
    if bootstrapped:
        words += ["interval", "q", "q8"]
    header = [say.heading(word) for word in [*words, "units", "annotators", "note"]]
    right = set(range(3, len(header) - 1))
    table = _aligned(header, rows, right=right)
    return say.words.gettext("Krippendorff's alpha (* = the figure to report for the field; "
                             "units = articles coded by two or more annotators)") + "\n" + table


def interval_cells(figure: Figure, say: _Words) -> list[str]:
    """The interval, q < 0.667 and q < 0.800 of a figure, or blanks without them."""
    interval = figure.interval
    if interval is None or interval.low is None or interval.high is None:
        return ["", "", ""]
    return [say.interval(interval.low, interval.high),
            say.alpha(interval.below_tentative), say.alpha(interval.below_reliable)]


def pair_table(pairs: Sequence[PairAgreement], labels: Labels | None = None) -> str:
    """Percent agreement per field and pair of annotators, on the articles both coded."""
    say = _Words(labels)
    rows = [[say.field(pair.field), pair.annotator_a, pair.annotator_b,
             say.not_applicable() if pair.agreement is None
             else say.number(f"{100 * pair.agreement:.1f}%"),
             say.number(pair.n_units)]
            for pair in pairs]
    header = [say.heading(word) for word in ("field", "annotator", "annotator", "agreement",
                                             "articles")]
    table = _aligned(header, rows, right={3, 4})
    return (say.words.gettext("Pairwise agreement (articles both annotators coded)") + "\n"
            + table)
