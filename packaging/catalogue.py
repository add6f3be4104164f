"""Update the gettext catalogues of the Qt-free side and compile them.

Run from anywhere, with the Python that has Babel installed (it is in the ``test`` extra)::

    python packaging/catalogue.py          # extract, update the .po files, compile the .mo
    python packaging/catalogue.py --check  # only say what is out of step; exit 1 if anything

1. Babel extracts every message that ``annotator/core`` and ``annotator/cli`` mark
   (``_``, ``gettext``, ``pgettext``, ``ngettext``, ``N_``, ``Translatable``; a comment that
   starts ``Translators:`` just above a message goes to the translators) and updates
   ``resources/locale/fa/LC_MESSAGES/annotator.po`` and ``.../ar/...``: new messages come in
   untranslated, messages no longer in the code are dropped, translations already there are
   kept.  No fuzzy matching: a changed English message is a new one and must be translated.
2. Each .po is compiled into the .mo beside it (translated, non-fuzzy messages only), which
   :mod:`annotator.core.i18n` reads at run time with the standard library alone.

Translate the new entries of the .po files (any .po editor, or a text editor), run this
script again and commit both the .po and the .mo files.  ``tests/core/test_catalogue.py``
fails while a message is missing, untranslated or fuzzy, or a .mo differs from its .po.
The window's widgets are translated with Qt Linguist instead: see ``translations.py``.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("annotator/core", "annotator/cli")  # the Qt-free side (annotator/gui uses Qt)
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "annotator"
TARGET_LANGUAGES = ("fa", "ar")
KEYWORDS = {**DEFAULT_KEYWORDS, "Translatable": None}
COMMENT_TAGS = ("Translators:",)
_WIDTH = 100  # as the code's lines; fewer re-wrapped lines in the diffs
_TEAM = "The annotator developers"
_HEADER = """\
# The '{language}' messages of annotator's command line, charts, report and exports.
# Copyright (C) The annotator developers
# This file is distributed under the same licence as annotator: GPL-3.0-or-later.
# Made and updated by packaging/catalogue.py; translate the empty msgstr entries.
#"""


def version() -> str:
    """annotator's version, as pyproject.toml gives it (the catalogues' Project-Id-Version)."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def extract() -> Catalog:
    """Every marked message of the sources, as a template (no translations)."""
    template = Catalog(project=DOMAIN, domain=DOMAIN, fuzzy=False)
    for source in SOURCES:
        found = extract_from_dir(ROOT / source, method_map=[("**.py", "python")],
                                 keywords=KEYWORDS, comment_tags=COMMENT_TAGS,
                                 strip_comment_tags=True)
        for filename, _lineno, message, comments, context in found:
            # Locations relative to the repository, without line numbers: no machine paths,
            # and moving code does not touch the catalogues.
            template.add(message, None, [(f"{source}/{filename}", None)],
                         auto_comments=comments, context=context)
    return template


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def update(template: Catalog, language: str) -> Catalog:
    """The catalogue of ``language`` brought in step with ``template``, written back."""
    path = po_path(language)
    if path.exists():
        catalogue = read_catalogue(path)
    else:
        catalogue = Catalog(
            locale=language, domain=DOMAIN, project=DOMAIN, version="", fuzzy=False,
            header_comment=_HEADER.format(language=language),
            copyright_holder=_TEAM, msgid_bugs_address="", last_translator=_TEAM,
            language_team=_TEAM)
        catalogue.revision_date = catalogue.creation_date
    catalogue.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalogue.obsolete.clear()
    # The header says what the file is, not Babel's placeholders ("VERSION",
    # "EMAIL@ADDRESS"); Language and Plural-Forms come from the locale (CLDR).
    catalogue.project, catalogue.version = DOMAIN, version()
    catalogue.msgid_bugs_address = ""
    catalogue.charset = "UTF-8"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=_WIDTH, include_lineno=False, ignore_obsolete=True)
    return catalogue


def compile_catalogue(language: str) -> None:
    """Write the .mo of ``language`` from its .po (finished translations only)."""
    catalogue = read_catalogue(po_path(language))
    with mo_path(language).open("wb") as handle:
        write_mo(handle, catalogue, use_fuzzy=False)


def _key(message: object) -> tuple[object, object]:
    return (getattr(message, "id"), getattr(message, "context"))  # noqa: B009


def problems(template: Catalog, language: str) -> list[str]:
    """What is out of step for ``language``: missing, untranslated or fuzzy entries, and
    a .mo that does not hold exactly the .po's translations."""
    path = po_path(language)
    if not path.exists():
        return [f"{language}: no catalogue {path.relative_to(ROOT).as_posix()}"]
    catalogue = read_catalogue(path)
    found: list[str] = []
    for message in template:
        if not message.id:
            continue
        entry = catalogue.get(message.id, message.context)
        if entry is None:
            found.append(f"{language}: missing {message.id!r}")
        elif entry.fuzzy:
            found.append(f"{language}: fuzzy {message.id!r}")
        elif not (all(entry.string) if isinstance(entry.string, tuple) else entry.string):
            found.append(f"{language}: untranslated {message.id!r}")
    wanted = {_key(m): m.string for m in catalogue if m.id and m.string and not m.fuzzy}
    try:
        with mo_path(language).open("rb") as handle:
            compiled = {_key(m): m.string for m in read_mo(handle) if m.id}
    except FileNotFoundError:
        compiled = None
    if compiled != wanted:
        found.append(f"{language}: {mo_path(language).name} is out of step with its .po "
                     "(run packaging/catalogue.py)")
    return found


def main(argv: list[str]) -> int:
    template = extract()
    if "--check" in argv:
        found = [p for language in TARGET_LANGUAGES for p in problems(template, language)]
        print("\n".join(found) or "catalogues in step")
        return 1 if found else 0
    for language in TARGET_LANGUAGES:
        update(template, language)
        compile_catalogue(language)
    left = [p for language in TARGET_LANGUAGES for p in problems(template, language)]
    print("\n".join(left) or "catalogues in step")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
