"""Labels of stored ids in a language, and the core's translation helpers, on real data."""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import replace

from annotator.core import i18n
from annotator.core.analysis.agreement import Figure, field_figures
from annotator.core.i18n import Translatable, digits, join, translate
from annotator.core.labels import Labels
from annotator.core.store import Project


def test_values_are_worded_from_the_codebook_and_the_registry(project: Project) -> None:
    codebook = project.codebooks.active()
    fa = Labels.of(project, "fa")
    ceasefire = codebook.field("demands").category("ceasefire")
    assert ceasefire is not None
    assert fa.field("demands") == codebook.field("demands").text("fa")
    assert fa.value("demands", "ceasefire") == ceasefire.text("fa")
    assert fa.value("participants", "ebrahim_raisi") == \
        project.participants.get("ebrahim_raisi").text("fa")
    assert fa.participant_text("ebrahim_raisi") == \
        project.participants.get("ebrahim_raisi").text("fa")
    # A value no codebook knows has no label; shown, it is the id as stored.
    assert fa.value("demands", "not_a_demand") is None
    assert fa.value_text("demands", "not_a_demand") == "not_a_demand"
    assert fa.value_text("note", "free text") == "free text"
    assert fa.field("no_such_field") == "no_such_field"
    assert fa.participant("nobody") is None and fa.participant_text("nobody") == "nobody"


def test_coded_none_and_not_coded_are_no_category(project: Project) -> None:
    for language in ("en", "fa", "ar"):
        labels = Labels.of(project, language)
        assert labels.value_text("stance", None) == labels.coded_none
        assert labels.coded_none != labels.not_coded
        fields = project.codebooks.active().fields
        categories = {c.text(language) for f in fields for c in f.categories}
        assert labels.coded_none not in categories and labels.not_coded not in categories
    assert Labels.of(project, "en").coded_none == "(coded: none)"


def test_an_older_codebooks_label_is_kept_and_the_active_one_wins(project: Project) -> None:
    active = project.codebooks.active()
    demands = active.field("demands")
    old_category = replace(demands.categories[0], id="old_demand",
                           label={"en": "An old demand", "fa": "مطالبهٔ قدیمی"})
    renamed = replace(demands.categories[1], label={"en": "Old wording"})
    older = replace(active, fields=tuple(
        replace(spec, categories=(old_category, renamed, *spec.categories[2:]))
        if spec.id == "demands" else spec for spec in active.fields))
    labels = Labels(active, project.participants.all(), "fa", older=[older])
    assert labels.value("demands", "old_demand") == "مطالبهٔ قدیمی"
    assert labels.value("demands", renamed.id) == demands.categories[1].text("fa")


def test_statuses_levels_and_alpha_in_persian(project: Project) -> None:
    fa = Labels.of(project, "fa")
    assert fa.status("done") == "انجام‌شده"
    assert fa.status("not_started") == "شروع‌نشده"
    assert fa.level("ordinal") == "ترتیبی" and fa.level("masi") == "MASI"
    assert fa.alpha(None) == "محاسبه‌پذیر نیست" != Labels.of(project, "en").alpha(None)
    assert fa.alpha(0.8154) == "۰٫۸۱۵"
    # CLDR's Arabic minus: the Arabic letter mark keeps the sign before the number (#16)
    assert Labels.of(project, "ar").alpha(-0.5, 2) == "\u061c-٠٫٥٠"
    assert Labels.of(project, "en").language_name("fa") == "Persian"
    assert fa.language_name("ar") == "عربی" and fa.language_name("other") == "other"


def test_agreement_rows_and_notes(project: Project) -> None:
    en, fa = Labels.of(project, "en"), Labels.of(project, "fa")
    stance = project.codebooks.active().field("stance")
    assert en.figure("stance", level="ordinal") == f"{stance.text('en')} (ordinal)"
    assert fa.figure("demands", "ceasefire") == (
        f"{fa.field('demands')}: {fa.value('demands', 'ceasefire')}")
    assert fa.figure("participants", "ebrahim_raisi").endswith(
        project.participants.get("ebrahim_raisi").text("fa"))
    figures = [*field_figures(stance, {"a1": {"sara": "neutral", "reza": "condemning"},
                                       "a2": {"sara": "condemning", "reza": "condemning"}}),
               *field_figures(stance, {"a1": {"sara": "neutral"}})]
    notes = [f.note for f in figures if f.note]
    assert "'unclear' counted as missing" in notes
    assert "fewer than two annotators coded the same article" in notes
    translated = [fa.note(note) for note in notes]
    assert "گزینهٔ 'unclear' مقدار گمشده شمرده شد" in translated
    assert all(not note.isascii() for note in translated)
    assert fa.note("n/a: measured elsewhere") == "n/a: measured elsewhere"  # not a message


def test_a_note_stays_english_text_in_data(project: Project) -> None:
    note = Translatable("{categories} counted as missing", categories=("'a'", "'b'"))
    assert note == "'a' and 'b' counted as missing"
    assert note.translated("ar") == "عُدّت الفئة 'a' و'b' قيمةً مفقودة"
    figure = Figure("stance", "ordinal", None, 0, 0, 0, note=note)
    assert json.dumps(figure.to_dict()["note"]) == '"\'a\' and \'b\' counted as missing"'
    for copied in (copy.deepcopy(note), pickle.loads(pickle.dumps(note))):
        assert copied == note and translate(copied, "fa") == translate(note, "fa")


def test_numbers_and_lists_in_the_language() -> None:
    assert digits("0.667", "fa") == "۰٫۶۶۷" and digits(12, "en") == "12"
    assert join(["a", "b"], "fa") == "a، b" and join(["a", "b"], "ar") == "a، b"
    assert join(["a", "b"], "en") == "a, b"
    assert Translatable("{n} without a date", n=4).translated("fa") == "۴ مقاله بدون تاریخ"


def test_a_missing_catalogue_falls_back_to_english(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    i18n.translation.cache_clear()
    try:
        assert i18n.translation("fa").gettext("Progress") == "Progress"
    finally:
        i18n.translation.cache_clear()


def test_an_outputs_error_reads_in_persian_and_stays_english_on_the_command_line(
        project: Project) -> None:
    from annotator.core.errors import AnnotatorError
    from annotator.core.i18n import error_text
    from annotator.core.outputs.charts import make_chart

    try:
        make_chart(project, "pie", "fa")
    except AnnotatorError as exc:
        error = exc
    assert str(error) == ("unknown chart 'pie' (use one of: stance, demands, "
                          "demands-by-participant, agreement, progress)")
    assert error_text(error, "fa", isolate=False) == (
        "نمودار ناشناخته 'pie' (یکی از این‌ها را به کار ببرید: stance، demands، "
        "demands-by-participant، agreement، progress)")
    # For the window: each value filled in is isolated from the sentence's direction.
    shown = error_text(error, "fa")
    assert "'\u2068pie\u2069'" in shown and "\u2068stance\u2069، " in shown
    assert shown.replace("\u2068", "").replace("\u2069", "") == error_text(error, "fa",
                                                                              isolate=False)
    assert error_text(AnnotatorError("plain"), "fa") == "plain"
