"""``annotator codebook``: the active codebook shown (a table, JSON or TOML), a changed one
loaded (what it changes, and the translations it lacks), the versions' history and
differences, and the codebook printed as coders read it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from annotator.cli.common import in_language, language, project_for, say, terminal_text, warn
from annotator.cli.parser import whole_number
from annotator.core.codebook import Codebook, kind_label, load_codebook, translation_gaps
from annotator.core.codebook_changes import changes, revision_reminder
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Translatable, translate
from annotator.core.store.codebooks import CodebookVersion


def register(command: Callable[..., argparse.ArgumentParser], parents: argparse.Namespace) -> None:
    terminal = parents.terminal
    p = command("codebook", cmd_codebook, N_("show the active codebook, or load a changed one"),
                terminal)
    p.add_argument("--format", choices=("table", "json", "toml"), default="table")
    p.add_argument("--load", metavar="FILE",
                   help=N_("make FILE the active codebook (refused if it drops categories in use; "
                           "warns about texts some entries have in fa or ar and others lack); "
                           "prints what changed"))
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--history", action="store_true",
                       help=N_("list the project's codebook versions: revision, when, from which "
                               "file, which is active"))
    shown.add_argument("--diff", nargs=2, type=whole_number(1, 1_000_000),
                       metavar=("A", "B"),
                       help=N_("what codebook version B changes from version A"))
    p.add_argument("--print", action="store_true", dest="printable",
                   help=N_("write the codebook as coders read it (fields, categories, "
                           "definitions, examples from adjudicated evidence, keys) to -o FILE"))
    p.add_argument("-o", "--output", metavar="FILE",
                   help=N_("with --print: the file to write, .html or .pdf"))


def _print_codebook(args: argparse.Namespace) -> int:
    """``codebook --print -o FILE.html|pdf``: the codebook as coders read it."""
    from annotator.core.outputs.codebook_print import build_codebook_html, write_codebook_html
    from annotator.core.outputs.output_file import check_target

    if not (args.printable and args.output) or args.load:
        raise AnnotatorError(N_("--print writes the codebook to -o FILE (.html or .pdf); "
                                "give both, without --load"))
    target = Path(args.output).expanduser()
    suffix = target.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise AnnotatorError(Translatable("{path}: the codebook is printed as .html or .pdf",
                                          path=target))
    lang = language(args)
    with project_for(args, create=False) as project:
        check_target(target, project.path)
        text = build_codebook_html(project, lang)
        title = project.codebooks.active().title
        project_path = project.path
    if suffix == ".pdf":
        try:
            from annotator.gui.pdf import html_to_pdf
        except ImportError as exc:
            raise AnnotatorError(Translatable("a PDF needs Qt (PySide6): {error}; write .html "
                                              "instead", error=exc)) from None
        html_to_pdf(text, target, rtl=lang in ("fa", "ar"),
                    title=title.get(lang) or title.get("en") or "", project=project_path)
    else:
        write_codebook_html(text, target, project_path)
    say(args, Translatable("codebook written to {path}", path=target), sys.stderr)
    return 0


def cmd_codebook(args: argparse.Namespace) -> int:
    if args.printable or args.output:
        return _print_codebook(args)
    # Read before the project opens: the file given may be the project itself, and
    # reading it while a connection is held would drop that connection's locks.
    new = load_codebook(args.load) if args.load else None
    if new is not None and (args.history or args.diff):
        raise AnnotatorError(Translatable("--load cannot be given with --history or --diff"))
    with project_for(args, writes=bool(args.load)) as project:
        if args.history:
            return _codebook_history(args, project.codebooks.history())
        if args.diff:
            older, newer = (project.codebooks.version(n) for n in args.diff)
            return _codebook_changes(args, older, newer)
        if new is not None:
            before = project.codebooks.active_version()
            old = project.codebooks.active()
            version = project.codebooks.load(new, str(args.load))
            say(args, Translatable("codebook unchanged") if version == before
                else Translatable("codebook version {version}", version=version))
            if version != before:
                _codebook_changes(args, old, new)
            # Loading is when the codebook's author looks: say which texts the window will
            # show in English for want of a translation.
            for gap in translation_gaps(new):
                warn(Translatable("{path}: {gap}", path=args.load, gap=gap), language(args))
            return 0
        codebook, version = project.codebooks.active(), project.codebooks.active_version()
    if args.format == "json":
        print(json.dumps({**codebook.to_dict(), "version": version}, ensure_ascii=False,
                         indent=1))
        return 0
    if args.format == "toml":
        print(codebook.source, end="")
        return 0
    lang = language(args)
    lines = [Translatable("{title} (version {version}, revision {revision})",
                          title=codebook.title.get(lang) or codebook.id, version=version,
                          revision=codebook.revision)]
    for item in codebook.fields:
        # English keeps the type as the codebook file writes it.
        kind = item.type if lang == "en" else kind_label(item.type)
        if item.ordered:
            kind = Translatable("{kind}, ordered", kind=kind)
        lines.append(Translatable("\n{id} [{kind}]: {label}", id=item.id, kind=kind,
                                  label=item.text(lang)))
        for category in item.categories:
            line = Translatable("  {id}: {label}", id=category.id, label=category.text(lang))
            lines.append(Translatable("{line} (retired)", line=line) if category.retired
                         else line)
        for role in item.roles:
            lines.append(Translatable("  role {id}: {label}", id=role.id,
                                      label=role.text(lang)))
    terminal_text(args, "\n".join(in_language(lang, lines)))
    return 0


def _codebook_history(args: argparse.Namespace, versions: list[CodebookVersion]) -> int:
    if args.format == "json":
        print(json.dumps([v.__dict__ for v in versions], ensure_ascii=False, indent=1))
        return 0
    for v in versions:
        line = Translatable("{version}\t{id} revision {revision}\t{when}\t{source}",
                            version=v.version, id=v.codebook_id, revision=v.revision,
                            when=v.loaded_at, source=v.loaded_from or Translatable(
                                "(bundled, or from a merged file)"))
        say(args, Translatable("{line}\t(active)", line=line) if v.active else line)
    return 0


def _codebook_changes(args: argparse.Namespace, old: Codebook, new: Codebook) -> int:
    """Print what ``new`` changes from ``old`` (and remind of the revision)."""
    found = changes(old, new)
    if args.format == "json":
        print(json.dumps([translate(line, language(args)) for line in found],
                         ensure_ascii=False, indent=1))
    else:
        for line in found or [Translatable("no changes")]:
            say(args, Translatable("  {change}", change=line))
    reminder = revision_reminder(old, new)
    if reminder:
        warn(reminder, language(args))
    return 0
