"""The ``export`` command: tags for research as long CSV, wide CSV or JSON Lines.

Registered through :data:`annotator.cli.commands.PLUGINS`.  It replaces a built-in ``export``
command of the same name if the parser still has one, so the module works before and
after that command leaves ``cli.py``.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from typing import Any, TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable
from annotator.core.outputs.export import FORMATS, ExportOptions, export, export_to_file
from annotator.core.outputs.output_file import refuse_stream

HELP = N_("export tags for R, pandas, SPSS or Excel: long, wide or JSON Lines")


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.cli.common import project_for, say

    annotator = getattr(args, "annotator", None)
    if args.adjudicated and annotator:
        raise AnnotatorError(N_("--adjudicated and --annotator cannot be combined"))
    options = ExportOptions(format=args.format, annotator=annotator,
                            adjudicated=args.adjudicated, excel=args.excel)
    options.check()
    with project_for(args, create=False) as project:
        if args.output and args.output != "-":
            result = export_to_file(project, args.output, options)
            if result.codebook_path:
                sheet = Translatable("codebook: {path}", path=result.codebook_path)
            else:
                sheet = Translatable("no codebook sheet: not a regular file")
            if options.format == "long":
                written = Translatable("{count} tags written to {path} ({sheet})",
                                       count=result.rows, path=result.path, sheet=sheet)
            else:
                written = Translatable("{count} rows written to {path} ({sheet})",
                                       count=result.rows, path=result.path, sheet=sheet)
            say(args, written, sys.stderr)
        else:
            # "annotator export >> project.sqlite" would append the CSV to the project.
            fileno = getattr(sys.stdout, "fileno", None)
            try:
                number = fileno() if callable(fileno) else -1
            except (OSError, ValueError):  # a replaced stdout without a descriptor
                number = -1
            if number >= 0:
                refuse_stream(number, "stdout", project.path)
            _to_stdout(lambda out: export(project, out, options))
    return 0


def _to_stdout(write: Callable[[TextIO], int]) -> None:
    """Write UTF-8 with the file's own row ends, whatever the console's encoding."""
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes underneath
        write(stdout)
        return
    stdout.flush()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        write(out)
        out.flush()
    finally:
        out.detach()


def register(command: Callable[..., argparse.ArgumentParser], parents: Any) -> None:
    """Add ``export`` to the command line (see :data:`annotator.cli.commands.PLUGINS`)."""
    try:
        parser = command("export", cmd_export, HELP)
    except argparse.ArgumentError:
        _drop_command(command, "export")
        parser = command("export", cmd_export, HELP)
    parser.add_argument("--format", choices=FORMATS, default="long",
                        help=N_("long: one row per tag (re-imports with import-tags); wide: one "
                                "row per article and annotator; jsonl: one JSON object per article "
                                "and annotator (default: long)"))
    whose = parser.add_mutually_exclusive_group()
    whose.add_argument("--adjudicated", action="store_true",
                       help=N_("the reviewers' adjudicated tags instead of the annotators'"))
    whose.add_argument("--annotator", metavar="NAME", default=argparse.SUPPRESS,
                       help=N_("only this annotator's tags (default: every annotator)"))
    parser.add_argument("--excel", action="store_true",
                        help=N_("CSV for Excel: UTF-8 with BOM, and cells that a spreadsheet would "
                                "run as a formula start with '"))
    parser.add_argument("-o", "--output", metavar="FILE",
                        help=N_("file to write, with the codebook sheet beside it (tags.csv: "
                                "tags.codebook.csv); default: stdout, without the codebook sheet "
                                "(so is a device or pipe such as /dev/null)"))


def _drop_command(command: Callable[..., argparse.ArgumentParser], name: str) -> None:
    """Remove an existing sub-command ``name`` from the parser ``command`` adds to."""
    for cell in getattr(command, "__closure__", None) or ():
        try:
            holder = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(holder, argparse._SubParsersAction):
            holder._name_parser_map.pop(name, None)
            holder._choices_actions = [a for a in holder._choices_actions if a.dest != name]
            return
    raise RuntimeError(f"cannot register the '{name}' command: the name is taken")
