"""The ``annotator agreement`` command: Krippendorff's alpha per field, and pairwise agreement.

A command-line plug-in (see ``PLUGINS`` in :mod:`annotator.cli.commands`): it reads the project
through :mod:`annotator.core.analysis.agreement` and prints a table, a CSV (one row per field
figure and per category) or JSON.  With ``--lang fa`` or ``ar`` the table speaks Persian or
Arabic: its headings, the fields', categories' and levels' labels, the notes, and numbers in
the language's digits (a negative alpha with the minus sign where a right-to-left reader
expects it).  The CSV and the JSON are data: ids and English notes in every language.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from annotator.cli.common import language, project_for, terminal_text
from annotator.core.analysis.agreement import Figure, PairAgreement, report
from annotator.core.i18n import N_, translation
from annotator.core.labels import Labels

CSV_COLUMNS = ("field", "category", "level", "alpha", "units", "annotators", "values", "note")


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


def run(args: argparse.Namespace) -> int:
    with project_for(args, create=False) as project:
        result = report(project, args.annotators, args.fields)
        labels = Labels.of(project, language(args))
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    elif args.format == "csv":
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:  # the CSV writer ends rows with CRLF itself
            reconfigure(newline="")
        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_row(figure) for figure in result.figures)
    else:
        text = figure_table(result.figures, labels)
        if len(result.annotators) > 1:
            text += "\n\n" + pair_table(result.pairs, labels)
        terminal_text(args, text)
    return 0


def csv_row(figure: Figure) -> list[Any]:
    alpha = "" if figure.alpha is None else f"{figure.alpha:.6f}"
    return [figure.field, figure.category or "", figure.level, alpha, figure.n_units,
            figure.n_annotators, figure.n_values, figure.note]


def _alpha_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


class _Words:
    """How a table says things in one language: English as ids and plain numbers (as
    before), Persian and Arabic with labels and the language's digits."""

    def __init__(self, labels: Labels | None) -> None:
        self.labels = labels
        self.named = labels is not None and labels.language != "en"
        self.words = translation(labels.language if labels is not None else "en")

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

    def number(self, value: object) -> str:
        return self.labels.number(value) if self.labels and self.named else str(value)

    def not_applicable(self) -> str:
        return self.labels.not_applicable if self.labels and self.named else "n/a"

    def note(self, note: str) -> str:
        return self.labels.note(note) if self.labels and self.named else note


def _aligned(header: Sequence[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows,
                                                                        strict=True)]
    lines = []
    for row in [list(header), *rows]:
        cells = [cell.rjust(width) if index in right else cell.ljust(width)
                 for index, (cell, width) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def figure_table(figures: Sequence[Figure], labels: Labels | None = None) -> str:
    """Krippendorff's alpha, one line per figure; the field's primary figure is starred.

    ``labels`` in Persian or Arabic give the table in that language; English (or none)
    gives ids, as the codebook names them."""
    say = _Words(labels)
    rows = [[say.field(figure.field), say.category(figure.field, figure.category),
             say.level(figure.level) + ("*" if figure.primary else ""),
             say.alpha(figure.alpha), say.number(figure.n_units), say.number(figure.n_annotators),
             say.note(figure.note)]
            for figure in figures]
    header = [say.heading(word) for word in ("field", "category", "level", "alpha", "units",
                                             "annotators", "note")]
    table = _aligned(header, rows, right={3, 4, 5})
    return say.words.gettext("Krippendorff's alpha (* = the figure to report for the field; "
                             "units = articles coded by two or more annotators)") + "\n" + table


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
