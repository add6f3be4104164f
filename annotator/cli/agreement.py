"""The ``annotator agreement`` command: Krippendorff's alpha per field, and pairwise agreement.

A command-line plug-in (see ``PLUGINS`` in :mod:`annotator.cli.commands`): it reads the project
through :mod:`annotator.core.analysis.agreement` and prints a table, a CSV (one row per field
figure and per category) or JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from annotator.cli.common import project_for, terminal_text
from annotator.core.analysis.agreement import Figure, PairAgreement, report

CSV_COLUMNS = ("field", "category", "level", "alpha", "units", "annotators", "values", "note")


def register(command: Callable[..., argparse.ArgumentParser], parents: argparse.Namespace) -> None:
    p = command("agreement", run, "inter-annotator agreement: Krippendorff's alpha per field "
                "(and per category of multiple-choice fields), and pairwise agreement",
                parents.terminal)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--field", action="append", dest="fields", metavar="FIELD",
                   help="only this field (may repeat; default: every field but free text)")
    p.add_argument("--annotator", action="append", dest="annotators", metavar="NAME",
                   help="only this annotator's tags (may repeat; default: everyone's)")


def run(args: argparse.Namespace) -> int:
    with project_for(args, create=False) as project:
        result = report(project, args.annotators, args.fields)
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
        text = figure_table(result.figures)
        if len(result.annotators) > 1:
            text += "\n\n" + pair_table(result.pairs)
        terminal_text(args, text)
    return 0


def csv_row(figure: Figure) -> list[Any]:
    alpha = "" if figure.alpha is None else f"{figure.alpha:.6f}"
    return [figure.field, figure.category or "", figure.level, alpha, figure.n_units,
            figure.n_annotators, figure.n_values, figure.note]


def _alpha_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _aligned(header: Sequence[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows,
                                                                        strict=True)]
    lines = []
    for row in [list(header), *rows]:
        cells = [cell.rjust(width) if index in right else cell.ljust(width)
                 for index, (cell, width) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def figure_table(figures: Sequence[Figure]) -> str:
    """Krippendorff's alpha, one line per figure; the field's primary figure is starred."""
    rows = [[figure.field, figure.category or "", figure.level + ("*" if figure.primary else ""),
             _alpha_text(figure.alpha), str(figure.n_units), str(figure.n_annotators), figure.note]
            for figure in figures]
    table = _aligned(("field", "category", "level", "alpha", "units", "annotators", "note"), rows,
                     right={3, 4, 5})
    return ("Krippendorff's alpha (* = the figure to report for the field; units = articles "
            "coded by two or more annotators)\n" + table)


def pair_table(pairs: Sequence[PairAgreement]) -> str:
    """Percent agreement per field and pair of annotators, on the articles both coded."""
    rows = [[pair.field, pair.annotator_a, pair.annotator_b,
             "n/a" if pair.agreement is None else f"{100 * pair.agreement:.1f}%",
             str(pair.n_units)]
            for pair in pairs]
    table = _aligned(("field", "annotator", "annotator", "agreement", "articles"), rows,
                     right={3, 4})
    return "Pairwise agreement (articles both annotators coded)\n" + table
