"""The gettext catalogues of the Qt-free side: complete, finished, compiled and shipped.

Messages are extracted from the code with Babel, as ``packaging/catalogue.py`` does, and
compared with both .po files: a message the code uses but a catalogue lacks, leaves
untranslated or marks fuzzy fails here, and so does a .mo that does not hold exactly its
.po's translations.  Outputs then ask for their words at run time in Persian and Arabic,
and every word they ask for must be in the catalogue (this catches a message that
extraction cannot see, such as one inside an f-string).
"""

from __future__ import annotations

import gettext
import importlib.util
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from annotator.core import i18n
from annotator.core.labels import Labels
from annotator.core.outputs import charts
from annotator.core.outputs.report import build_report
from annotator.core.store import STATUSES, Project
from tests.core.test_charts import code

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("fa", "ar")


def _script():
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "packaging" /
                                                  "catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CATALOGUE = _script()


def extracted() -> dict[tuple[str, str | None], str]:
    """(message, context) -> where, for every message the Qt-free code marks."""
    found: dict[tuple[str, str | None], str] = {}
    for source in CATALOGUE.SOURCES:
        for filename, lineno, message, _comments, context in extract_from_dir(
                ROOT / source, method_map=[("**.py", "python")], keywords=CATALOGUE.KEYWORDS):
            key = message if isinstance(message, str) else message[0]
            found[(key, context)] = f"{source}/{filename}:{lineno}"
    return found


def po(language: str):
    with (i18n.locale_dir() / language / "LC_MESSAGES" / "annotator.po").open("rb") as handle:
        return read_po(handle)


def test_the_code_marks_the_outputs_words() -> None:
    messages = extracted()
    assert ("Annotation report", None) in messages
    assert ("Articles", "chart axis") in messages
    assert ("done", "status") in messages
    assert ("fewer than two annotators coded the same article", None) in messages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language: str) -> None:
    catalogue = po(language)
    problems = []
    for (message, context), where in extracted().items():
        entry = catalogue.get(message, context)
        if entry is None:
            problems.append(f"missing: {message!r} ({where})")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {message!r} ({where})")
        elif not entry.string:
            problems.append(f"untranslated: {message!r} ({where})")
    assert problems == [], f"run packaging/catalogue.py and translate {language}: {problems}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    names = lambda text: sorted(  # noqa: E731
        field for _, field, _, _ in string.Formatter().parse(text) if field)
    for entry in po(language):
        if entry.id and entry.string:
            assert names(entry.string) == names(entry.id), entry.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_latin_comma_in_persian_or_arabic(language: str) -> None:
    for entry in po(language):
        if entry.id:
            assert "," not in entry.string, entry.id  # lists take the Arabic comma


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_po_file(language: str) -> None:
    wanted = {(m.id, m.context): m.string for m in po(language)
              if m.id and m.string and not m.fuzzy}
    path = i18n.locale_dir() / language / "LC_MESSAGES" / "annotator.mo"
    with path.open("rb") as handle:
        compiled = {(m.id, m.context): m.string for m in read_mo(handle) if m.id}
    assert compiled == wanted, f"{path.name} is out of step: run packaging/catalogue.py"


def test_the_script_agrees() -> None:
    template = CATALOGUE.extract()
    assert [p for lang in LANGUAGES for p in CATALOGUE.problems(template, lang)] == []


def test_the_package_data_ships_the_compiled_catalogues() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in text
    for language in LANGUAGES:
        assert i18n.translation(language).gettext("Progress") != "Progress"


@pytest.fixture
def asked(monkeypatch) -> list[tuple[str | None, str]]:
    """Every (context, message) a catalogue is asked for and does not have."""
    misses: list[tuple[str | None, str]] = []
    plain, with_context = gettext.GNUTranslations.gettext, gettext.GNUTranslations.pgettext

    def look_up(self, message):
        if message not in self._catalog:
            misses.append((None, message))
        return plain(self, message)

    def look_up_in(self, context, message):
        if f"{context}\x04{message}" not in self._catalog:
            misses.append((context, message))
        return with_context(self, context, message)

    monkeypatch.setattr(gettext.GNUTranslations, "gettext", look_up)
    monkeypatch.setattr(gettext.GNUTranslations, "pgettext", look_up_in)
    return misses


@pytest.mark.parametrize("language", LANGUAGES)
def test_outputs_find_every_word_they_ask_for(project: Project, asked, language) -> None:
    code(project)
    for kind in charts.KINDS:
        charts.chart_png(charts.make_chart(project, kind, language), dpi=30)
    build_report(project, language, chart_dpi=30).html()
    labels = Labels.of(project, language)
    for status in STATUSES:
        labels.status(status)
    for level in ("nominal", "ordinal", "interval", "ratio", "masi", "binary"):
        labels.level(level)
    _ = (labels.coded_none, labels.not_coded, labels.not_applicable)
    assert asked == []
