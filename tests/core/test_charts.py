"""Charts drawn from a real project that two analysts coded through the real store."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

import annotator.cli.commands
from annotator.cli.commands import main
from annotator.core.errors import AnnotatorError
from annotator.core.outputs import charts
from annotator.core.outputs.charts import KINDS, chart_png, label, make_chart, save_chart
from annotator.core.store import Project, open_project, stats
from tests.conftest import ARABIC_ID, SAMPLE_IDS

FIRST, SECOND, THIRD, FOURTH = (i for i in SAMPLE_IDS if i != ARABIC_ID)

# article -> annotator -> (stance, [(demand, participant)])
TAGS = {
    ARABIC_ID: {"sara": ("strongly_condemning", [("cut_ties", "ebrahim_raisi"),
                                                 ("ceasefire", "ebrahim_raisi")]),
                "reza": ("strongly_condemning", [("cut_ties", "ebrahim_raisi")])},
    FIRST: {"sara": ("condemning", [("islamic_unity", "ebrahim_raisi"),
                                    ("ceasefire", None)]),
            "reza": ("strongly_condemning", [("islamic_unity", "recep_tayyip_erdogan")])},
    SECOND: {"sara": ("unclear", [("islamic_unity", "ebrahim_raisi")])},
}


def code(project: Project) -> Project:
    for article, analysts in TAGS.items():
        for analyst, (stance, demands) in analysts.items():
            project.tags.set_choice(article, analyst, "stance", stance)
            for demand, participant in demands:
                project.tags.add_value(article, analyst, "demands", demand, participant=participant)
    project.tags.mark_none(THIRD, "reza", "demands")  # coded, no demands: not counted
    project.statuses.set(ARABIC_ID, "sara", "done")
    project.statuses.set(FIRST, "sara", "done")
    project.statuses.set(FOURTH, "reza", "skipped")
    return project


@pytest.fixture
def coded(project: Project) -> Project:
    return code(project)


def texts(figure: Figure) -> list[str]:
    """Every text drawn in the figure (drawing first creates the tick labels)."""
    chart_png(figure, dpi=40)
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def codebook_label(project: Project, field: str, category: str, language: str) -> str:
    found = project.codebooks.active().field(field).category(category)
    assert found is not None
    return found.text(language)


# -- every kind, every format --------------------------------------------------------------
MAGIC = {".png": b"\x89PNG", ".pdf": b"%PDF", ".svg": b"<?xml"}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_written_as_png_svg_and_pdf(coded, tmp_path: Path, kind: str) -> None:
    figure = make_chart(coded, kind, "fa")
    for suffix, magic in MAGIC.items():
        target = save_chart(figure, tmp_path / f"{kind}{suffix}")
        data = target.read_bytes()
        assert data.startswith(magic), (kind, suffix)
        assert len(data) > 2000
        assert not (tmp_path / f"{kind}{suffix}.part").exists()
    svg = (tmp_path / f"{kind}.svg").read_text(encoding="utf-8")
    assert "<text" not in svg  # glyphs as outlines: shaped the same in every viewer


def test_saving_refuses_other_formats(coded, tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match=r"\.png, \.svg or \.pdf"):
        save_chart(make_chart(coded, "stance"), tmp_path / "chart.jpg")


def test_unknown_kind_and_language_are_errors(coded) -> None:
    with pytest.raises(AnnotatorError, match="unknown chart 'pie'"):
        make_chart(coded, "pie")
    with pytest.raises(AnnotatorError, match="unknown language 'de'"):
        make_chart(coded, "stance", "de")


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "agreement"])
def test_an_empty_project_gives_a_chart_that_says_so(project, kind: str) -> None:
    drawn = " ".join(texts(make_chart(project, kind)))
    assert "yet" in drawn


# -- labels in the chosen language ---------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "fa", "ar"])
def test_demand_labels_come_from_the_codebook_in_the_chosen_language(coded, language) -> None:
    drawn = texts(make_chart(coded, "demands", language))
    for demand in ("cut_ties", "ceasefire", "islamic_unity"):
        wanted = codebook_label(coded, "demands", demand, language)
        assert any(wanted in t.replace("\n", " ") for t in drawn), (demand, drawn)
    assert coded.codebooks.active().field("demands").text(language) in drawn
    if language != "en":
        english = codebook_label(coded, "demands", "ceasefire", "en")
        assert not any(english in t for t in drawn)


def test_stance_labels_follow_the_scale_and_put_unclear_last(coded) -> None:
    figure = make_chart(coded, "stance", "fa")
    drawn = texts(figure)
    ax = figure.axes[0]
    ticks = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    scale = [c.text("fa") for c in coded.codebooks.active().field("stance").categories]
    assert ticks == scale  # the scale in order, "unclear" (off the scale) last
    assert ticks[-1] == "نامشخص"
    assert coded.codebooks.active().field("stance").text("fa") in drawn
    assert ax.xaxis_inverted()  # read from the right in Persian


def test_stance_bars_count_each_annotators_articles(coded) -> None:
    ax = make_chart(coded, "stance").axes[0]
    heights = sorted(round(p.get_height()) for p in ax.patches if p.get_height())
    # sara: strongly 1, condemning 1, unclear 1; reza: strongly 2
    assert heights == [1, 1, 1, 2]
    mine = make_chart(coded, "stance", annotator="reza").axes[0]
    assert sorted(round(p.get_height()) for p in mine.patches if p.get_height()) == [2]
    assert mine.get_legend() is None


def test_demands_are_sorted_most_frequent_first(coded) -> None:
    ax = make_chart(coded, "demands").axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels[0] == codebook_label(coded, "demands", "islamic_unity", "en")  # 3 articles
    assert set(labels[1:]) == {codebook_label(coded, "demands", d, "en")
                               for d in ("cut_ties", "ceasefire")}


def test_right_to_left_puts_the_labels_on_the_right_flush_right(coded) -> None:
    figure = make_chart(coded, "demands", "fa")
    chart_png(figure, dpi=60)
    ax = figure.axes[0]
    assert ax.xaxis_inverted()  # bars grow leftwards from the labels
    ticks = ax.yaxis.get_major_ticks()
    assert all(t.label2.get_visible() and not t.label1.get_visible() for t in ticks)
    assert {t.label2.get_horizontalalignment() for t in ticks} == {"right"}
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    right_edges = {round(t.label2.get_window_extent(renderer).x1) for t in ticks}
    assert max(right_edges) - min(right_edges) <= 1  # flush right
    english = make_chart(coded, "demands", "en").axes[0]
    assert not english.xaxis_inverted()


def test_demands_by_participant_uses_registry_names(coded) -> None:
    figure = make_chart(coded, "demands-by-participant", "fa")
    drawn = " ".join(texts(figure)).replace("\n", " ")
    assert coded.participants.get("ebrahim_raisi").text("fa") in drawn
    assert coded.participants.get("recep_tayyip_erdogan").text("fa") in drawn
    ax = figure.axes[0]
    matrix = ax.images[0].get_array()
    # Raisi: cut_ties 1, ceasefire 1, islamic_unity 2 articles; Erdoğan: islamic_unity 1
    assert int(matrix.sum()) == 5


def test_progress_stacks_statuses_per_annotator(coded) -> None:
    figure = make_chart(coded, "progress", "ar")
    drawn = texts(figure)
    assert {"منجز", "متخطى", "لم يبدأ"} <= set(drawn)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["reza", "sara"]
    widths = sum(p.get_width() for p in ax.patches)
    assert round(widths) == 2 * len(SAMPLE_IDS)


def test_agreement_labels_fields_in_the_chosen_language(coded) -> None:
    drawn = " ".join(texts(make_chart(coded, "agreement", "fa")))
    assert coded.codebooks.active().field("stance").text("fa") in drawn
    assert "ترتیبی" in drawn  # the level of the stance figure


def test_agreement_missing_is_a_clear_error(coded, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "annotator.core.analysis.agreement", None)  # import fails
    with pytest.raises(AnnotatorError, match="agreement is not available yet"):
        make_chart(coded, "agreement")


# -- the matplotlib version gate -----------------------------------------------------------
PERSIAN = "آتش‌بس و توقف حملات"


def presentation_forms(text: str) -> int:
    return sum(1 for char in text if 0xFB50 <= ord(char) <= 0xFEFF)


def test_label_gives_the_logical_string_on_the_installed_matplotlib() -> None:
    assert charts.shapes_arabic_script()  # the project needs matplotlib >= 3.11
    assert label(PERSIAN) == PERSIAN
    assert label("Ceasefire") == "Ceasefire"


def test_label_reshapes_into_visual_order_on_older_matplotlib(monkeypatch) -> None:
    monkeypatch.setattr(matplotlib, "__version__", "3.10.8")
    assert not charts.shapes_arabic_script()
    shaped = label(PERSIAN)
    assert shaped != PERSIAN and presentation_forms(shaped) > 5
    # Visual order: the last letter comes first, the first letter (alef madda) last.
    folded = unicodedata.normalize("NFKC", shaped)
    assert folded[0] == PERSIAN[-1] and folded[-1] == PERSIAN[0]
    assert label("Ceasefire") == "Ceasefire"  # Latin text is left alone


def test_every_chart_text_goes_through_the_gate(coded, monkeypatch) -> None:
    monkeypatch.setattr(matplotlib, "__version__", "3.10.8")
    drawn = texts(make_chart(coded, "demands", "fa"))
    raw = [t for t in drawn
           if any("\u0600" <= c <= "\u06ff" and unicodedata.category(c) == "Lo" for c in t)]
    assert not raw, raw  # no unjoined logical Persian left for an old matplotlib
    assert sum(1 for t in drawn if presentation_forms(t)) > 5


# -- aggregate queries -----------------------------------------------------------------------
def test_stats_count_articles_not_tags(coded) -> None:
    demands = stats.value_counts(coded, "demands")
    assert demands[("sara", "ceasefire")] == 2
    assert ("reza", "ceasefire") not in demands
    assert stats.value_counts(coded, "demands", "reza") == {
        ("reza", "cut_ties"): 1, ("reza", "islamic_unity"): 1}
    counts = stats.counts_by_participant(coded, "demands")
    assert counts[("ebrahim_raisi", "cut_ties")] == 1  # both annotators, one article
    assert ("ebrahim_raisi", "ceasefire") in counts
    table = stats.status_table(coded)
    assert table["sara"]["done"] == 2 and table["sara"]["in_progress"] == 1
    assert table["reza"]["skipped"] == 1
    assert all(sum(counts.values()) == len(SAMPLE_IDS) for counts in table.values())
    corpus = stats.corpus_summary(coded)
    assert corpus.articles == len(SAMPLE_IDS)
    assert corpus.languages == {"fa": 4, "ar": 1}
    assert corpus.first_published == corpus.last_published == "2024-06-01"
    assert corpus.undated == 4 and corpus.no_outlet == 5


# -- the command line ------------------------------------------------------------------------
@pytest.fixture
def cli_plugins(monkeypatch) -> None:
    monkeypatch.setattr(annotator.cli.commands, "PLUGINS", ("annotator.cli.charts",))


def test_chart_command_writes_the_file(cli_plugins, project_path: Path, tmp_path: Path,
                                       capsys) -> None:
    with open_project(project_path) as project:
        code(project)
    target = tmp_path / "demands.png"
    assert main(["chart", "demands", "--db", str(project_path), "-o", str(target),
                 "--lang", "fa", "--annotator", "sara"]) == 0
    assert target.read_bytes().startswith(b"\x89PNG")
    assert "نوشته شد" in capsys.readouterr().err  # --lang fa: the message too (#16)
    assert main(["--lang", "ar", "chart", "stance", "--db", str(project_path),
                 "-o", str(tmp_path / "stance.svg")]) == 0
    assert (tmp_path / "stance.svg").exists()


def test_the_command_line_offers_every_kind_without_importing_matplotlib() -> None:
    import annotator.cli.charts

    assert annotator.cli.charts.KINDS == KINDS


def test_chart_command_errors_are_one_line(cli_plugins, project_path: Path, tmp_path: Path,
                                           capsys) -> None:
    assert main(["chart", "demands", "--db", str(project_path), "-o",
                 str(tmp_path / "x.gif")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".png, .svg or .pdf" in err
    with pytest.raises(SystemExit):
        main(["chart", "pie", "--db", str(project_path), "-o", str(tmp_path / "x.png")])
