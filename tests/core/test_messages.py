"""What the core says, in Persian and Arabic: errors, import problems, numbers (#16, #17).

The core raises English messages that remember how to say themselves in another language
(:class:`~annotator.core.i18n.Translatable`).  English stays exactly as written (the command
line's output is unchanged); :func:`~annotator.core.i18n.error_text` gives the window the
same message in Persian or Arabic, every word of it from the catalogue, with the paths and
names set apart from the sentence's direction.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bidi import get_display

from annotator.core import i18n
from annotator.core.codebook import load_codebook, parse_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Number, Translatable, digits, error_text, translate
from annotator.core.intake.importer import import_paths
from annotator.core.intake.tagcsv import read_tags
from annotator.core.labels import Labels
from annotator.core.languages import LANGUAGES, NAMES, RTL_LANGUAGES
from annotator.core.names import check_person
from annotator.core.store import Project, open_project

ISOLATES = re.compile("\u2068[^\u2069]*\u2069")
# Latin words a translation may keep: file formats, TOML keys, commands and option names.
KEPT = {"annotator", "SQLite", "TOML", "UTF", "CSV", "JSON", "csv", "txt", "html", "htm",
        "jsonl", "toml", "label", "title", "text", "id", "en", "fa", "ar", "Windows"}


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """Every message a Persian or Arabic catalogue is asked for and does not have."""
    misses: list[str] = []
    plain, with_context = gettext.GNUTranslations.gettext, gettext.GNUTranslations.pgettext

    def look_up(self, message):
        if message not in self._catalog:
            misses.append(message)
        return plain(self, message)

    def look_up_in(self, context, message):
        if f"{context}\x04{message}" not in self._catalog:
            misses.append(f"{context}|{message}")
        return with_context(self, context, message)

    monkeypatch.setattr(gettext.GNUTranslations, "gettext", look_up)
    monkeypatch.setattr(gettext.GNUTranslations, "pgettext", look_up_in)
    return misses


def _raised(call) -> AnnotatorError:  # type: ignore[no-untyped-def]
    with pytest.raises(AnnotatorError) as caught:
        call()
    return caught.value


def _words_left(text: str) -> set[str]:
    """The Latin words of ``text`` outside the isolated values (paths, ids, names)."""
    return set(re.findall(r"[A-Za-z]+", ISOLATES.sub("", text))) - KEPT


def _errors(tmp_path: Path, project: Project) -> list[AnnotatorError]:
    """Errors a window user can meet: open, merge, codebook, tags CSV, names, values."""
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a project at all\n", encoding="utf-8")
    folder = tmp_path / "folder.sqlite"
    folder.mkdir(exist_ok=True)
    bad_csv = tmp_path / "tags.csv"
    bad_csv.write_text("article_id,field\n", encoding="utf-8")
    bad_book = tmp_path / "codebook.toml"
    bad_book.write_text('[codebook]\nid = "x"\n[[field]]\nid = "stance"\ntype = "dial"\n',
                        encoding="utf-8")
    return [
        _raised(lambda: open_project(text_file)),
        _raised(lambda: open_project(folder)),
        _raised(lambda: open_project(tmp_path / "missing.sqlite", create=False)),
        _raised(lambda: project.merge.from_file(text_file)),
        _raised(lambda: project.merge.from_file(tmp_path / "gone.sqlite")),
        _raised(lambda: load_codebook(tmp_path / "nowhere.toml")),
        _raised(lambda: load_codebook(bad_book)),
        _raised(lambda: read_tags(bad_csv)),
        _raised(lambda: read_tags(tmp_path / "no-tags.csv")),
        _raised(lambda: check_person("Sara\u202e")),
        _raised(lambda: project.articles.get("no-such-article")),
        _raised(lambda: project.statuses.set("no-such-article", "Sara", "finished")),
        _raised(lambda: project.codebooks.active().field("tone")),
    ]


@pytest.mark.parametrize("language", sorted(RTL_LANGUAGES))
def test_errors_a_window_user_meets_read_in_the_language(tmp_path: Path, project: Project,
                                                         asked, language: str) -> None:
    errors = _errors(tmp_path, project)
    for error in errors:
        english = str(error)
        shown = error_text(error, language)
        assert shown != english, english
        assert _words_left(shown) == set(), (english, shown)
        # Without the isolates, the same sentence (what a terminal gets).
        plain = error_text(error, language, isolate=False)
        assert shown.replace("\u2068", "").replace("\u2069", "") == plain
    assert asked == []


def test_english_is_exactly_as_before(tmp_path: Path, project: Project) -> None:
    errors = [str(error) for error in _errors(tmp_path, project)]
    assert errors[0] == (f"{tmp_path / 'notes.sqlite'}: not an annotator project (not an "
                         "SQLite file); it was left untouched")
    assert errors[2] == f"{tmp_path / 'missing.sqlite'}: no such project file"
    assert errors[7] == (f"{tmp_path / 'tags.csv'}: not a tag CSV: missing column(s) "
                         "annotator, value (needs at least article_id, annotator, field, value)")
    assert errors[9] == ("the annotator's name holds an invisible or control character "
                         "U+202E at character 5: 'Sara\\u202e'")
    assert errors[12].startswith("unknown field 'tone' (the codebook has: stance, ")
    for error in _errors(tmp_path, project):
        assert error_text(error, "en") == str(error)


def test_a_path_is_isolated_and_the_sentence_stays_right_to_left(tmp_path: Path) -> None:
    target = tmp_path / "notes.sqlite"
    target.write_text("hello\n", encoding="utf-8")
    error = _raised(lambda: open_project(target))
    shown = error_text(error, "fa")
    assert f"\u2068{target}\u2069" in shown
    first_strong = next(c for c in ISOLATES.sub("", shown) if c.isalpha())
    assert "\u0600" <= first_strong <= "\u06ff"  # the paragraph starts right to left


def test_import_problems_read_in_the_language(tmp_path: Path, project: Project,
                                              asked) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (corpus / "rows.csv").write_text("title,url\nx,y\n", encoding="utf-8")
    (corpus / "lines.jsonl").write_text('{"text": 5}\n[1]\n', encoding="utf-8")
    result = import_paths(project, [corpus, tmp_path / "missing-folder",
                                    tmp_path / "notes.docx"])
    assert len(result.problems) == 7
    for problem in result.problems:
        english = problem.message()
        assert str(problem) == english  # the command line prints this, unchanged
        for language in RTL_LANGUAGES:
            shown = translate(english, language, isolate=True)
            assert _words_left(shown) == set(), shown
    assert asked == []
    empty = next(p for p in result.problems if p.path.endswith("empty.txt"))
    assert str(empty) == f"{corpus / 'empty.txt'}: empty file"
    assert translate(empty.message(), "fa") == f"پروندهٔ خالی: {corpus / 'empty.txt'}"


def test_a_codebook_error_names_the_place_in_the_language() -> None:
    source = '[codebook]\nid = "x"\n[[field]]\nid = "stance"\ntype = "single"\n'
    error = _raised(lambda: parse_codebook(source, "book.toml"))
    assert str(error) == ("book.toml: field 'stance': a single-choice field needs "
                          "[[field.category]] entries")
    assert error_text(error, "ar", isolate=False) == (
        "يحتاج الحقل الأحادي الخيار إلى مدخلات [[field.category]] — الحقل 'stance' في "
        "book.toml")


def test_a_negative_alpha_reads_with_the_minus_on_the_reading_side() -> None:
    fa, ar = digits("-0.500", "fa"), digits("-0.500", "ar")
    assert fa == "\u200e\u2212۰٫۵۰۰"  # LRM + MINUS SIGN, as CLDR writes Persian
    assert ar == "\u061c-٠٫٥٠٠"  # ALM + hyphen-minus, as CLDR writes Arabic
    # In a right-to-left paragraph, Persian shows the minus on the left: "−۰٫۵۰۰" (not
    # "۰٫۵۰۰-", which the plain hyphen gave); Arabic reads the sign first (on the right).
    seen = get_display(f"آلفا: {fa}", base_dir="R")
    assert "\u2212۰٫۵۰۰" in seen
    assert get_display("آلفا: -۰٫۵۰۰", base_dir="R").startswith("۰٫۵۰۰-")  # the old bug
    seen = get_display(f"ألفا: {ar}", base_dir="R")
    assert seen.index("٠") < seen.index("-")
    # Digits, separators and per cent as CLDR has them; other text keeps its hyphens.
    assert digits("1,234.5", "fa") == "۱٬۲۳۴٫۵" and digits("12.5%", "ar") == "١٢٫٥٪\u061c"
    assert digits("2024-06-01", "fa") == "۲۰۲۴-۰۶-۰۱"
    assert digits("-0.5", "en") == "-0.5"
    size = Translatable("{size} MB", size=Number(1234.5, ",.1f"))
    assert size == "1,234.5 MB" and size.translated("fa") == "۱٬۲۳۴٫۵ مگابایت"


def test_labels_write_a_negative_alpha_so(project: Project) -> None:
    assert Labels.of(project, "fa").alpha(-0.5) == "\u200e\u2212۰٫۵۰۰"
    assert Labels.of(project, "en").alpha(-0.5) == "-0.500"


@pytest.mark.parametrize(("language", "plural_count"), [("fa", 2), ("ar", 6)])
def test_the_catalogue_headers(language: str, plural_count: int) -> None:
    path = i18n.locale_dir() / language / "LC_MESSAGES" / "annotator.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    headers = dict(catalogue.mime_headers)
    assert headers["Language"] == language
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in path.read_text(encoding="utf-8")
    assert headers["Plural-Forms"].startswith(f"nplurals={plural_count}; plural=")
    assert "VERSION" not in headers["Project-Id-Version"]
    assert "EMAIL" not in headers["Report-Msgid-Bugs-To"]
    # What the standard library reads at run time.
    info = i18n.translation(language).info()
    assert info["language"] == language and "plural-forms" in info


def test_the_languages_are_listed_once() -> None:
    from annotator.core import codebook
    from annotator.core.outputs import export_sheet

    assert LANGUAGES == ("en", "fa", "ar") and i18n.LANGUAGES is LANGUAGES
    assert codebook.LANGUAGES is LANGUAGES and export_sheet._LANGUAGES is LANGUAGES
    assert NAMES == {"en": "English", "fa": "فارسی", "ar": "العربية"}
    root = Path(__file__).resolve().parents[2] / "annotator"
    spelled = [str(path.relative_to(root)) for path in root.rglob("*.py")
               if re.search(r"""\(\s*["']en["'],\s*["']fa["'],\s*["']ar["']\s*\)""",
                            path.read_text(encoding="utf-8"))]
    assert spelled == ["core/languages.py"]
