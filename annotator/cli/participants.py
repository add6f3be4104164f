"""Command-line plug-in ``participants``: list the registry, add to it and correct it.

Listing shows the entries in use (``--all``: retired and merged ones too, marked);
``--add FILE`` adds a TOML file's new entries and reports those that differ, which
``--update`` corrects; ``--correct ID`` corrects names and aliases; ``--merge A --into B``
makes one entry of two (the tags follow); ``--retire``/``--restore``; ``--history`` lists
every change.  The work is the core's (:mod:`annotator.core.store.registry`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from annotator.cli.common import annotator_for, language, project_for, say, terminal_text
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import N_, Listing, Translatable
from annotator.core.languages import LANGUAGES
from annotator.core.participants import KINDS, load_registry
from annotator.core.store.registry import RegistryChange


def register(command: Callable[..., argparse.ArgumentParser], parents: argparse.Namespace) -> None:
    p = command("participants", cmd_participants,
                N_("list the participants registry, add to it or correct it (every change "
                   "is kept in its history)"), parents.person, parents.terminal)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--add", metavar="FILE",
                      help=N_("add the [[participant]] entries of a TOML file; says which were "
                              "added, which are unchanged and which differ"))
    what.add_argument("--correct", "--rename", dest="correct", metavar="ID",
                      help=N_("correct an entry: its names (--name-en, --name-fa, --name-ar), "
                              "aliases (--alias, --drop-alias), --kind, --country"))
    what.add_argument("--merge", metavar="ID",
                      help=N_("with --into: one person under two ids; the tags naming ID name "
                              "the other, its names become the other's aliases, and ID is kept "
                              "as merged (backed up first)"))
    what.add_argument("--retire", metavar="ID",
                      help=N_("keep an entry for the tags made before, but suggest and offer "
                              "it for no new ones"))
    what.add_argument("--restore", metavar="ID", help=N_("put a retired entry back in use"))
    what.add_argument("--history", action="store_true",
                      help=N_("list every change to the registry: who, when, what (with "
                              "--id: one entry's)"))
    p.add_argument("--update", action="store_true",
                   help=N_("with --add: correct the entries here that differ from the file"))
    p.add_argument("--into", metavar="ID", help=N_("with --merge: the entry to keep"))
    for lang in LANGUAGES:
        p.add_argument(f"--name-{lang}", metavar="TEXT", default=None,
                       help={"en": N_("with --correct: the name in English (empty: none)"),
                             "fa": N_("with --correct: the name in Persian (empty: none)"),
                             "ar": N_("with --correct: the name in Arabic (empty: none)")}[lang])
    p.add_argument("--alias", action="append", default=[], metavar="TEXT",
                   help=N_("with --correct: add an alias (may be given again)"))
    p.add_argument("--drop-alias", action="append", default=[], metavar="TEXT",
                   help=N_("with --correct: remove an alias (may be given again)"))
    p.add_argument("--kind", choices=KINDS, help=N_("with --correct: the kind of entry"))
    p.add_argument("--country", metavar="CODE", help=N_("with --correct: the country code"))
    p.add_argument("--allow-clash", action="store_true",
                   help=N_("accept a name or alias that another entry in use has too (after "
                           "folding spelling variants); refused without it"))
    p.add_argument("--id", dest="only", metavar="ID", help=N_("with --history: only this entry"))
    p.add_argument("--all", action="store_true",
                   help=N_("list retired and merged entries too"))
    p.add_argument("--article", metavar="ARTICLE_ID", help=N_("only those mentioned in an article"))
    p.add_argument("--format", choices=("table", "json"), default="table")


def cmd_participants(args: argparse.Namespace) -> int:
    _check_options(args)
    changing = bool(args.add or args.correct or args.merge or args.retire or args.restore)
    with project_for(args, writes=changing) as project:
        registry = project.registry
        if args.add:
            summary = registry.load(load_registry(args.add), annotator_for(args),
                                    update=args.update, allow_clash=args.allow_clash)
            for line in summary.lines():
                say(args, line)
            return 0
        if args.correct:
            names = {lang: value for lang in LANGUAGES
                     if (value := getattr(args, f"name_{lang}")) is not None}
            before = project.participants.get(args.correct)
            after = registry.correct(args.correct, annotator_for(args), names=names,
                                  add_aliases=tuple(args.alias),
                                  drop_aliases=tuple(args.drop_alias), kind=args.kind,
                                  country=args.country, allow_clash=args.allow_clash)
            say(args, Translatable("{id}: corrected", id=after.id) if after != before
                else Translatable("{id}: unchanged", id=after.id))
            return 0
        if args.merge:
            moved = registry.merge(args.merge, args.into, annotator_for(args))
            say(args, Translatable(
                "'{source}' merged into '{target}': {tags} tags and {decisions} decisions now "
                "name '{target}' ({folded} were there already and were folded into it)",
                source=args.merge, target=args.into, tags=moved.tags,
                decisions=moved.adjudications, folded=moved.folded))
            return 0
        if args.retire:
            registry.retire(args.retire, annotator_for(args))
            say(args, Translatable("'{id}' retired: kept on its tags, offered for no new ones",
                                   id=args.retire))
            return 0
        if args.restore:
            registry.restore(args.restore, annotator_for(args), allow_clash=args.allow_clash)
            say(args, Translatable("'{id}' is in use again", id=args.restore))
            return 0
        if args.history:
            return _history(args, registry.history(args.only))
        participants = project.participants.all()
        if args.article:
            body = project.articles.get(args.article).body
            found = dict(project.participants.matcher().suggest(body))
            participants = [p for p in participants if p.id in found]
    if not args.all:
        participants = [p for p in participants if not p.retired]
    if args.format == "json":
        print(json.dumps([p.__dict__ | {"retired": p.retired} for p in participants],
                         ensure_ascii=False, indent=1))
        return 0
    for p in participants:
        line = f"{p.id}\t{p.kind}\t{p.text(language(args))}\t{p.country}"
        if p.retired:
            say(args, Translatable("{line}\t(merged into {into})", line=line,
                                   into=p.merged_into) if p.merged_into
                else Translatable("{line}\t(retired)", line=line))
        else:
            terminal_text(args, line)
    return 0


def _check_options(args: argparse.Namespace) -> None:
    """Options that go with one action only: refused elsewhere, in one line."""
    editing = [name for name, value in (
        ("--name-en", args.name_en), ("--name-fa", args.name_fa), ("--name-ar", args.name_ar),
        ("--alias", args.alias), ("--drop-alias", args.drop_alias), ("--kind", args.kind),
        ("--country", args.country)) if value not in (None, [])]
    if editing and not args.correct:
        raise AnnotatorError(Translatable("{options}: only with --correct ID",
                                          options=Listing(editing)))
    if args.correct and not editing:
        raise AnnotatorError(Translatable(
            "--correct {id}: say what to correct (--name-en, --name-fa, --name-ar, --alias, "
            "--drop-alias, --kind, --country)", id=args.correct))
    if args.update and not args.add:
        raise AnnotatorError(Translatable("--update: only with --add FILE"))
    if bool(args.merge) != bool(args.into):
        raise AnnotatorError(Translatable("--merge ID and --into ID go together"))
    if args.only and not args.history:
        raise AnnotatorError(Translatable("--id: only with --history"))


_ACTIONS = {"added": N_("added"), "updated": N_("corrected"), "retired": N_("retired"),
            "restored": N_("restored"), "merged": N_("merged")}


def _history(args: argparse.Namespace, changes: list[RegistryChange]) -> int:
    if args.format == "json":
        print(json.dumps([c.__dict__ for c in changes], ensure_ascii=False, indent=1))
        return 0
    if not changes:
        say(args, Translatable("no changes to the participants registry yet"))
    for change in changes:
        action = Translatable(_ACTIONS.get(change.action, change.action))
        if change.action == "merged":
            detail = change.detail or {}
            what = Translatable("{id} into {into} ({tags} tags)", id=change.participant_id,
                                into=change.into_id,
                                tags=int(detail.get("tags", 0)) + int(detail.get("folded", 0)))
        elif change.action == "updated":
            what = Translatable("{id}: {changes}", id=change.participant_id,
                                changes=Listing(_differences(change.old, change.new)))
        else:
            what = change.participant_id
        say(args, Translatable("{when}\t{who}\t{action}\t{what}", when=change.changed_at,
                               who=change.changed_by, action=action, what=what))
    return 0


def _differences(old: dict | None, new: dict | None) -> list[str]:
    """What a correction changed, as ``part: old -> new`` lines."""
    old, new = old or {}, new or {}
    out: list[str] = []
    for part in ("kind", "name", "aliases", "country", "office"):
        before, after = old.get(part), new.get(part)
        if before == after:
            continue
        if isinstance(before, dict) or isinstance(after, dict):
            before, after = before or {}, after or {}
            for lang in sorted(set(before) | set(after)):
                if before.get(lang) != after.get(lang):
                    out.append(f"{part}_{lang}: {before.get(lang) or '-'} -> "
                               f"{after.get(lang) or '-'}")
        elif isinstance(before, list) or isinstance(after, list):
            gone = [a for a in before or [] if a not in (after or [])]
            came = [a for a in after or [] if a not in (before or [])]
            out.append(f"{part}: " + " ".join([*(f"-{a}" for a in gone),
                                                *(f"+{a}" for a in came)]))
        else:
            out.append(f"{part}: {before or '-'} -> {after or '-'}")
    return out
