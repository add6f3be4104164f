"""UI language choice, translations and layout direction, and the bundled font."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics

from annotator.gui import fonts, i18n

PERSIAN_LETTERS = "پچژگکی"
ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("cli_lang", "env", "expected"),
    [
        ("fa", {"LANG": "ar_EG.UTF-8"}, "fa"),
        ("ar", {}, "ar"),
        ("en", {"LC_ALL": "fa_IR.UTF-8"}, "en"),
        ("fa_IR", {}, "fa"),
        (None, {"LANG": "fa_IR.UTF-8"}, "fa"),
        (None, {"LANG": "ar_EG"}, "ar"),
        (None, {"LANG": "ar-SA.utf8@calendar"}, "ar"),
        (None, {"LC_ALL": "fa_IR.UTF-8", "LANG": "en_US.UTF-8"}, "fa"),
        (None, {"LC_MESSAGES": "ar_IQ.UTF-8", "LANG": "fa_IR.UTF-8"}, "ar"),
        (None, {"LC_ALL": "", "LANG": "fa_IR.UTF-8"}, "fa"),
        (None, {"LANGUAGE": "de:fa", "LANG": "de_DE.UTF-8"}, "fa"),
        (None, {"LANGUAGE": "de", "LANG": "ar_EG.UTF-8"}, "ar"),
        (None, {"LANGUAGE": "fa", "LC_ALL": "C.UTF-8"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "C"}, "en"),
        (None, {}, "en"),
        (None, {"TERM": "xterm"}, "en"),
    ],
)
def test_pick_language(cli_lang, env, expected):
    assert i18n.pick_language(cli_lang, env) == expected


def test_pick_language_uses_the_system_languages_when_the_environment_is_silent():
    assert i18n.pick_language(None, {}, ["de-DE", "fa-IR", "en-US"]) == "fa"
    assert i18n.pick_language(None, {"LANG": "en_GB.UTF-8"}, ["ar-EG"]) == "en"
    assert i18n.pick_language(None, {}, ["de-DE"]) == "en"


def test_pick_language_rejects_an_unsupported_cli_value():
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        i18n.pick_language("de", {})


def test_is_rtl():
    assert i18n.is_rtl("fa") and i18n.is_rtl("ar")
    assert not i18n.is_rtl("en")


@pytest.fixture
def app(qapp):
    yield qapp
    i18n.install_translations(qapp, "en")
    qapp.setLayoutDirection(Qt.LeftToRight)


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_persian_and_arabic_mirror_the_ui_and_load_both_catalogues(app, language):
    translators = i18n.install_translations(app, language)
    app.processEvents()  # the LanguageChange event must not undo the direction
    assert app.layoutDirection() == Qt.RightToLeft
    names = {t.filePath().rsplit("/", 1)[-1] for t in translators}
    assert f"annotator_{language}.qm" in names
    assert f"qtbase_{language}.qm" in names
    assert all(t.language().startswith(language) for t in translators)  # qtbase: "fa_IR"


def test_english_installs_nothing_and_undoes_an_earlier_language(app):
    i18n.install_translations(app, "fa")
    assert i18n.install_translations(app, "en") == []
    app.processEvents()
    assert app.layoutDirection() == Qt.LeftToRight
    assert app.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_qt_standard_buttons_are_translated(app):
    i18n.install_translations(app, "fa")
    assert app.translate("QPlatformTheme", "Cancel") not in ("", "Cancel")


def test_compiled_translations_are_shipped():
    for language in ("fa", "ar"):
        assert (i18n.translations_dir() / f"annotator_{language}.ts").is_file()
        assert (i18n.translations_dir() / f"annotator_{language}.qm").is_file()


def test_apply_color_scheme_uses_fusion(app):
    previous = app.style().name()
    try:
        scheme = i18n.apply_color_scheme(app)
        assert app.style().name().lower() == "fusion"
        assert isinstance(scheme, Qt.ColorScheme)
    finally:
        app.setStyle(previous)


def test_load_fonts_registers_a_persian_font(qapp):
    family = fonts.load_fonts()
    assert family == "Vazirmatn"
    assert fonts.load_fonts() == family  # idempotent
    assert family in QFontDatabase.families()
    assert sorted(QFontDatabase.styles(family)) == ["Bold", "Regular"]
    assert QFontDatabase.WritingSystem.Arabic in QFontDatabase.writingSystems(family)
    assert QFontDatabase.WritingSystem.Latin in QFontDatabase.writingSystems(family)
    font = QFont(family, 12)
    assert QFontInfo(font).family() == family
    metrics = QFontMetrics(font)
    for char in PERSIAN_LETTERS + ZWNJ + "۱۴۰۳Aé":
        assert metrics.inFontUcs4(ord(char)), f"U+{ord(char):04X} missing"


def test_the_font_licence_is_shipped():
    assert "SIL Open Font License" in (fonts.fonts_dir() / "OFL.txt").read_text("utf-8")
