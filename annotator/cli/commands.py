"""The command line: ``annotator`` and its sub-commands, a thin shell over the core.

Every command takes ``--db FILE`` (or ``ANNOTATOR_DB``; default: the embedded project in
the user data folder, made with the sample corpus on first use).  Only ``import`` and
``create`` make a new project file at ``--db``; every other command refuses a missing one
("FILE: no such project file"), so a mistyped path never leaves an empty project behind.
Commands that write warn (one line on stderr, never failing) when the project lies on a
network share or in a synced folder (:mod:`annotator.core.safety.location`).  Errors are one line
on stderr and a non-zero exit, never a traceback: 1 for a problem with the input or the
project, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli import codebook as codebook_commands
from annotator.cli import review as review_commands
from annotator.cli.common import (
    annotator_for,
    in_language,
    language,
    project_for,
    say,
    terminal_text,
)
from annotator.cli.parser import parser_class, requested_language, speaking, whole_number
from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Clauses, Number, Translatable, message_of
from annotator.core.intake.importer import import_paths, summary_lines
from annotator.core.intake.options import CALENDARS, DATE_ORDERS, ImportOptions
from annotator.core.intake.tagcsv import read_tags
from annotator.core.labels import Labels
from annotator.core.languages import LANGUAGES
from annotator.core.session import Session
from annotator.core.store import COUNT_LIMIT, STATUSES
from annotator.core.store.files import probe

COMMANDS = (
    "create", "import", "list", "show", "search", "codebook", "participants", "tag", "status",
    "export", "import-tags", "merge", "review", "adjudicate", "agreement", "chart", "report",
    "check", "backup", "restore", "bench", "sample", "assign", "queue", "sync", "join",
    "training", "score",
)
# Modules that add further commands: each has ``register(command, parents)`` where
# ``command(name, run, help, *parents)`` returns the sub-parser and ``parents`` holds the
# shared option groups (``person``: --annotator, ``terminal``: --lang/--visual/--logical).
PLUGINS: tuple[str, ...] = (
    "annotator.cli.export", "annotator.cli.charts", "annotator.cli.agreement",
    "annotator.cli.safety", "annotator.cli.bench", "annotator.cli.teams",
    "annotator.cli.training", "annotator.cli.participants",
)


def main(argv: Sequence[str] | None = None) -> int:
    words = _joined_values(sys.argv[1:] if argv is None else list(argv))
    lang = requested_language(words)
    with speaking(lang):
        args = _parser(lang).parse_args(_file_to_open(words))
    try:
        return int(args.run(args) or 0)
    except AnnotatorError as exc:
        say(args, Translatable("annotator: error: {error}", error=message_of(exc)), sys.stderr)
        return 1
    except KeyboardInterrupt:
        say(args, Translatable("annotator: interrupted; what was saved before stays saved"),
            sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


# Options whose value is free text: ``--note -2+3`` is read as ``--note=-2+3`` (argparse
# would take a value starting with '-' for another option and stop).
_TEXT_OPTIONS = ("--note", "--comment")


def _joined_values(argv: list[str]) -> list[str]:
    out: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--":  # everything after it is a value already
            out.append(word)
            out.extend(words)
            break
        if word in _TEXT_OPTIONS:
            value = next(words, None)
            out.append(word if value is None else f"{word}={value}")
            continue
        out.append(word)
    return out


def _file_to_open(argv: list[str]) -> list[str]:
    """``annotator FILE`` (a launcher's double-click) as ``annotator --db FILE``: when the
    only word that is not an option is an existing file and not a command's name."""
    takes_value = {"--db", "--annotator", "--codebook", "--lang"}
    loose = [i for i, word in enumerate(argv)
             if not word.startswith("-") and (i == 0 or argv[i - 1] not in takes_value)]
    if (len(loose) != 1 or "--" in argv or any(w == "--db" or w.startswith("--db=")
                                                for w in argv)):
        return argv
    word = argv[loose[0]]
    if word in COMMANDS or not os.path.isfile(word):
        return argv
    return [*argv[:loose[0]], "--db", word, *argv[loose[0] + 1:]]


# -- commands ---------------------------------------------------------------------------
def cmd_app(args: argparse.Namespace) -> int:
    """No sub-command: the annotation window (or, without a display, status and help)."""
    from annotator.core.display import missing_window_library
    from annotator.gui.app import has_display, run

    if args.self_check:
        from annotator.cli.selfcheck import run_self_check

        return run_self_check(args)
    if has_display() and not args.status:
        problem = missing_window_library()  # Qt would abort with a page of messages
        if problem:
            raise AnnotatorError(problem)
        return run(args.db or os.environ.get("ANNOTATOR_DB"), args.lang, args.annotator)
    with project_for(args, create=False) as project:
        counts = project.statuses.counts(annotator_for(args))
        say(args, Translatable("annotator {version} — project {path}", version=__version__,
                               path=project.path))
        say(args, Translatable("{articles} articles; yours: {done} done, {in_progress} in "
                               "progress, {skipped} skipped", articles=project.articles.count(),
                               done=counts["done"], in_progress=counts["in_progress"],
                               skipped=counts["skipped"]))
    if not args.status:
        say(args, Translatable("No display found, so the window cannot open; the commands "
                               "below work without one.\n"))
        with speaking(language(args)):
            _parser(language(args)).print_help()
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    show = sys.stderr.isatty() and not args.quiet

    def progress(done: int, total: int, path: Path, articles: int) -> None:
        if show:
            say(args, Translatable("\rimporting: {done}/{total} files, {articles} articles "
                                   "read", done=done, total=total,
                                   articles=Number(articles, ",")), sys.stderr, end="",
                flush=True)

    options = ImportOptions(calendar=args.calendar, date_order=args.date_order,
                            keep_near_duplicates=args.keep_near_duplicates)
    with project_for(args, create=True, writes=True) as project:
        result = import_paths(project, args.paths, progress, options=options,
                              compacting=_Compacting(args, show, after_line=True))
    if show:
        print(file=sys.stderr)
    for problem in result.problems:
        say(args, Translatable("annotator: error: {error}", error=problem.message()),
            sys.stderr)
    for line in summary_lines(result):
        say(args, line)
    say(args, Translatable("{added} articles added, {present} already present, {problems} "
                           "problems", added=len(result.added),
                           present=len(result.already_present),
                           problems=len(result.problems)))
    return 1 if result.problems else 0


def cmd_create(args: argparse.Namespace) -> int:
    db = args.db or os.environ.get("ANNOTATOR_DB")
    if not db:
        raise AnnotatorError(Translatable("create needs --db FILE (the default project is "
                                          "made by itself on first use)"))
    if probe(Path(db).expanduser()).kind == "sqlite":
        raise AnnotatorError(Translatable("{path}: already exists; nothing was changed",
                                          path=db))
    with project_for(args, create=True, writes=True) as project:
        codebook = project.codebooks.active()
        say(args, Translatable("created {path} (codebook {codebook}, revision {revision}); add "
                               "articles with 'annotator import' or colleagues' files with "
                               "'annotator merge'", path=project.path, codebook=codebook.id,
                               revision=codebook.revision))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with project_for(args) as project:
        annotator = annotator_for(args)
        rows = project.articles.summaries(annotator=annotator, status=args.status)
    if args.format == "json":
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        terminal_text(args, f"{row.article_id}\t{row.status}\t{row.language}\t{row.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with project_for(args) as project:
        article = project.articles.get(args.article_id)
        tags = project.tags.find(article.article_id)
        labels = Labels.of(project, language(args))
        retired = {p.id: p for p in project.participants.all() if p.retired}
    lang = language(args)
    # English keeps the codes and ids as stored; Persian and Arabic name them.
    named = lang != "en"
    lines = [article.title, ""]
    meta = [Translatable("id: {id}", id=article.article_id),
            Translatable("language: {language}", language=labels.language_name(
                article.language) if named else article.language)]
    if article.outlet:
        meta.append(Translatable("outlet: {outlet}", outlet=article.outlet))
    if article.published:
        meta.append(Translatable("published: {date}", date=labels.number(article.published)
                                 if named else article.published))
    lines += [" | ".join(in_language(lang, meta)), "", article.body, ""]
    if tags:
        lines.append(Translatable("Tags:"))
    for tag in tags:
        label = labels.field(tag.field)
        value = labels.marked(tag.field, tag.value)
        extra = []
        if tag.participant:
            extra.append(Translatable("by {participant}",
                                      participant=labels.participant_text(tag.participant)))
        if tag.role:
            role = (labels.role(tag.field, tag.role) or tag.role) if named else tag.role
            extra.append(Translatable("role {role}", role=role))
        if tag.quote:
            extra.append(Translatable("evidence [{start}-{end}] «{quote}»",
                                      start=str(tag.span_start), end=str(tag.span_end),
                                      quote=tag.quote))
        if tag.note:
            extra.append(Translatable("note: {note}", note=tag.note))
        for named_id in dict.fromkeys((tag.value, tag.participant)):
            entry = retired.get(named_id or "")
            if entry is not None:  # kept on the tags made before: said so
                extra.append(Translatable("participant {id} was merged into {into}",
                                          id=entry.id, into=entry.merged_into)
                             if entry.merged_into else
                             Translatable("participant {id} is retired", id=entry.id))
        line = Translatable("  {annotator}: {field} = {value}", annotator=tag.annotator,
                            field=label, value=value)
        if extra:
            line = Translatable("{line} ({details})", line=line, details=Clauses(extra))
        lines.append(line)
    terminal_text(args, "\n".join(in_language(lang, lines)))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with project_for(args) as project:
        hits = project.articles.search(args.query, limit=args.limit)
        # Counted no further than needed: a common word matches nearly every article.
        total, more = project.articles.count_at_most(max(COUNT_LIMIT, args.limit),
                                                     query=args.query)
    if args.format == "json":
        print(json.dumps([h.__dict__ for h in hits], ensure_ascii=False, indent=1))
        return 0
    for hit in hits:
        terminal_text(args, f"{hit.article_id}\t{hit.title}\n    {hit.snippet}")
    if more:
        say(args, Translatable("more than {total} matching articles (first {shown} shown; "
                               "--limit shows more)", total=total, shown=len(hits)),
            sys.stderr)
    elif total > len(hits):
        say(args, Translatable("{total} matching articles (first {shown} shown)", total=total,
                               shown=len(hits)), sys.stderr)
    else:
        say(args, Translatable("{total} matching articles", total=total), sys.stderr)
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with project_for(args, writes=True) as project:
        session = Session(project, annotator_for(args))
        spec = session.codebook.field(args.field)
        span = None
        if args.span:
            try:
                start, end = (int(v) for v in args.span.split(":"))
            except ValueError:
                raise AnnotatorError(Translatable("--span {span}: use START:END",
                                                  span=repr(args.span))) from None
            span = (start, end)
        with project.write():  # the value and its evidence land together, or neither
            if args.none:
                session.set_none(args.article_id, args.field, True)
            elif args.clear:
                session.set_none(args.article_id, args.field, False)
            elif not args.values:
                raise AnnotatorError(Translatable("give a value, --none (coded, none) or "
                                                  "--clear (not coded)"))
            elif spec.type in ("single", "text"):
                edit = session.set_choice(args.article_id, args.field, " ".join(args.values))
                if edit.after and (span or args.note):
                    session.update_tag(edit.after[0], "evidence",
                                       **({"span": span} if span else {}),
                                       **({"note": args.note} if args.note else {}))
            else:
                for value in args.values:
                    session.set_value(args.article_id, args.field, value, True,
                                      participant=args.participant, role=args.role,
                                      span=span, note=args.note)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with project_for(args, writes=True) as project:
        Session(project, annotator_for(args)).set_status(args.article_id, args.status)
    return 0


def cmd_import_tags(args: argparse.Namespace) -> int:
    if args.undo:
        return _undo_import_tags(args)
    if args.file is None:
        raise AnnotatorError(Translatable("import-tags needs a FILE to import, or --undo to "
                                          "take the last import back"))
    rows = read_tags(args.file)
    with project_for(args, writes=True) as project:
        result = project.exchange.import_tag_rows(rows, where=str(args.file))
    say(args, Translatable("{added} tags added, {updated} updated, {unchanged} unchanged",
                           added=result.added, updated=result.updated,
                           unchanged=result.unchanged))
    if result.repointed:
        say(args, Translatable("{count} of them named a participant merged into another "
                               "and now name that one", count=result.repointed))
    return 0


def _undo_import_tags(args: argparse.Namespace) -> int:
    if args.file is not None:
        raise AnnotatorError(Translatable("--undo takes no FILE: it takes the last tag import "
                                          "back, whichever file it was"))
    with project_for(args, writes=True) as project:
        done = project.exchange.undo_last_import()
    say(args, Translatable(
        "undid the tag import of {file} made at {time}: {removed} tags removed, {restored} "
        "restored, {statuses} statuses restored", file=done.where,
        time=done.at[:16].replace("T", " ") + " UTC", removed=Number(done.removed, ","),
        restored=Number(done.restored, ","), statuses=Number(done.statuses, ",")))
    return 0


class _Compacting:
    """The search index's merging at a terminal: a percentage on one line of its own."""

    def __init__(self, args: argparse.Namespace, show: bool, after_line: bool) -> None:
        self.args, self.show, self.after_line = args, show, after_line
        self.ran = False

    def __call__(self, step: int, steps: int) -> bool:
        self.ran = True
        if self.show:
            if step == 1 and self.after_line:  # the line of files read stays
                print(file=sys.stderr)
            say(self.args, Translatable("\rsearch index: merging into one piece, {percent}%",
                                        percent=min(99, 100 * step // steps)), sys.stderr,
                end="", flush=True)
        return True


def cmd_merge(args: argparse.Namespace) -> int:
    show = sys.stderr.isatty() and not getattr(args, "quiet", False)
    with project_for(args, writes=True) as project:
        for other in args.files:
            compacting = _Compacting(args, show, after_line=False)
            summary = project.merge.from_file(other, accept_unknown=args.accept_unknown,
                                              compacting=compacting)
            if show and compacting.ran:
                print(file=sys.stderr)
            for line in summary.lines():
                say(args, line)
    return 0


# -- parser -----------------------------------------------------------------------------
def _parser(lang: str = "en") -> argparse.ArgumentParser:
    """The command line's parser, its help in ``lang`` (argparse's own words too, inside
    :func:`~annotator.cli.parser.speaking`)."""
    parser_type = parser_class(lang)

    def options(default: object, whose: str = N_("whose tags (default: $ANNOTATOR_NAME, else your "
                                                 "user name)"),
                ) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
        # Sub-commands repeat --db/--annotator with SUPPRESS so that a value given before
        # the command name is not reset by the sub-command's default.
        common = parser_type(add_help=False)
        common.add_argument("--db", metavar="FILE", default=default,
                            help=Translatable("project file (default: $ANNOTATOR_DB, else "
                                              "the embedded project {path})",
                                              path=paths.default_project_path()))
        person = parser_type(add_help=False)
        person.add_argument("--annotator", metavar="NAME", default=default,
                            help=whose)
        return common, person

    # The window asks the name once (prefilled with $ANNOTATOR_NAME) and remembers it.
    top_common, top_person = options(
        None, N_("the window opens as NAME without asking; --status: whose status (default: "
                 "$ANNOTATOR_NAME, else your user name)"))
    common, person = options(argparse.SUPPRESS)
    terminal = parser_type(add_help=False)
    # SUPPRESS: without its own --lang a command speaks the one given before it
    # (``annotator --lang fa codebook``), else English (common.language).
    terminal.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                          help=N_("language of labels and messages (default: en)"))
    group = terminal.add_mutually_exclusive_group()
    group.add_argument("--visual", dest="visual", action="store_true", default=None,
                       help=N_("shape and reorder Persian/Arabic for terminals without bidi "
                               "support (default when writing to a terminal)"))
    group.add_argument("--logical", dest="visual", action="store_false",
                       help=N_("print text in logical order, as stored (default in pipes)"))

    parser = parser_type(
        prog="annotator", parents=[top_common, top_person],
        description=N_("Annotate Persian and Arabic news articles: stance, demands, participants."),
        epilog=N_("Run 'annotator COMMAND --help' for a command's options."))
    parser.add_argument("--version", action="version", version=f"annotator {__version__}",
                        help=N_("show the version number and exit"))
    parser.add_argument("--codebook", dest="codebook_file", metavar="FILE",
                        help=N_("codebook for a NEW project given with --db"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=N_("interface language of the window, and of the messages of a "
                                "command without its own --lang (default: from LANG; commands: "
                                "en)"))
    parser.add_argument("--status", action="store_true",
                        help=N_("print the project's status instead of opening the window"))
    parser.add_argument("--self-check", action="store_true",
                        help=N_("check this installation without a display (a temporary project: "
                                "import, tags, export, chart, window offscreen); exit 0 when it "
                                "works"))
    parser.set_defaults(run=cmd_app)
    sub = parser.add_subparsers(title=N_("commands"), metavar="COMMAND")

    def command(name: str, run, help: str, *parents: argparse.ArgumentParser):  # type: ignore[no-untyped-def]
        p = sub.add_parser(name, parents=[common, *parents], help=help, description=help)
        p.set_defaults(run=run)
        return p

    p = command("import", cmd_import, N_("import articles from files and folders (.txt .html .htm "
                                         ".jsonl .csv)"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--codebook", dest="codebook_file", metavar="FILE",
                   default=argparse.SUPPRESS, help=N_("codebook for a NEW project given with --db"))
    p.add_argument("-q", "--quiet", action="store_true", help=N_("no progress line"))
    p.add_argument("--calendar", choices=CALENDARS, default=None,
                   help=N_("calendar of Hijri-range years (1300-1599) that no month name or "
                           "'calendar' column settles (default: lunar in Arabic articles, "
                           "solar in others)"))
    p.add_argument("--date-order", choices=DATE_ORDERS, default=None,
                   help=N_("how to read dates like 12/06/2024: day first (dmy) or month "
                           "first (mdy); default: refuse those that read both ways"))
    p.add_argument("--keep-near-duplicates", action="store_true",
                   help=N_("store near-duplicates of articles already there (default: skip "
                           "them; either way each is reported)"))

    p = command("create", cmd_create, N_("make a new, empty project file at --db (e.g. to merge "
                                         "colleagues' files into); other commands never create "
                                         "one"))
    p.add_argument("--codebook", dest="codebook_file", metavar="FILE",
                   default=argparse.SUPPRESS, help=N_("codebook of the new project (default: the "
                                                      "bundled one)"))

    p = command("list", cmd_list, N_("list articles with your status"), person, terminal)
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("show", cmd_show, N_("show an article's text and tags"), terminal)
    p.add_argument("article_id", metavar="ARTICLE_ID")

    p = command("search", cmd_search, N_("full-text search across spelling variants"), terminal)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=whole_number(1, 1_000_000), default=20, metavar="N",
                   help=N_("show at most N articles, best first (when more than 2,000 "
                           "match: the best of the 2,000 last imported, or of N if more); "
                           "1 to 1,000,000; default: 20"))
    p.add_argument("--format", choices=("table", "json"), default="table")

    # Always there (not plugins), in their place in the list.
    shared = argparse.Namespace(person=person, terminal=terminal)
    codebook_commands.register(command, shared)

    p = command("tag", cmd_tag, N_("tag an article from a script"), person)
    p.epilog = N_("A value starting with '-' goes after '--', every option before it: annotator "
                  "tag --role R ID FIELD -- -2+3. A note may start with '-' (--note -2+3 or "
                  "--note=-2+3).")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("field", metavar="FIELD")
    p.add_argument("values", nargs="*", metavar="VALUE")
    p.add_argument("--none", action="store_true", help=N_("coded, none (e.g. no demands)"))
    p.add_argument("--clear", action="store_true", help=N_("remove the field's tags (not coded)"))
    p.add_argument("--participant", metavar="ID",
                   help=N_("the participant who voiced the demand (a field with_participant)"))
    p.add_argument("--role", metavar="ROLE", help=N_("the participant's role"))
    p.add_argument("--span", metavar="START:END", help=N_("evidence: code-point offsets in the "
                                                          "body"))
    p.add_argument("--note", metavar="TEXT",
                   help=N_("a note on the tag (may start with '-': --note=-2+3)"))

    p = command("status", cmd_status, N_("set your status for an article"), person)
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("status", choices=STATUSES)

    p = command("merge", cmd_merge, N_("merge colleagues' project files into this project (their "
                                       "file is only read)"))
    p.add_argument("files", nargs="+", metavar="OTHER_FILE")
    p.add_argument("--accept-unknown", action="store_true",
                   help=N_("merge even tags whose field, value or role our active codebook does "
                           "not know (without it such a file is refused, nothing merged)"))

    review_commands.register(command, shared)

    p = command("import-tags", cmd_import_tags,
                N_("import tags from a long CSV (all rows or none), or take the last "
                   "import back"))
    p.add_argument("file", metavar="FILE", nargs="?",
                   help=N_("the long tag CSV to import (as export writes it)"))
    p.add_argument("--undo", action="store_true",
                   help=N_("take the last tag import back, from the history (refused when "
                           "a tag or status it made was changed since)"))
    import importlib

    for name in PLUGINS:
        importlib.import_module(name).register(command, shared)
    return parser


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
