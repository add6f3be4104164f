"""Charts of a project's tags: stance, demands, who demanded what, agreement, progress.

:func:`make_chart` draws one chart as a :class:`matplotlib.figure.Figure` (Agg canvas, no
pyplot and no global figure state) in English, Persian or Arabic: values, fields, statuses
and agreement rows worded by :class:`annotator.core.labels.Labels`, titles and axes from the
gettext catalogue (:mod:`annotator.core.i18n`); :func:`save_chart` writes it as PNG, SVG or
PDF.
Text goes through :func:`label` only on its way into the chart: matplotlib 3.11 and later
shape and order Arabic script themselves and need the logical string, older versions need
it reshaped and in visual order.  For Persian and Arabic the category axis sits on the
right, its labels flush right, and bars grow from right to left.  The bundled Vazirmatn
font supplies the glyphs.
"""

from __future__ import annotations

import io
import re
import textwrap
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from annotator.core.codebook import Category, Codebook, Field
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import (
    N_,
    RTL_LANGUAGES,
    Listing,
    Translatable,
    check_language,
    digits,
    translation,
)
from annotator.core.labels import Labels
from annotator.core.outputs.output_file import CHECKS, refuse_project, write_output
from annotator.core.outputs.terminal import visual
from annotator.core.paths import resources_dir
from annotator.core.store import STATUSES, Project, stats

KINDS = ("stance", "demands", "demands-by-participant", "agreement", "progress")
FORMATS = (".png", ".svg", ".pdf")
MAX_PARTICIPANTS = 15  # columns of the demands-by-participant heatmap
_FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")
_FONT_FAMILY = "Vazirmatn"
_STATUS_COLOURS = {"done": "#2e7d32", "in_progress": "#f9a825", "skipped": "#8d6e63",
                   "not_started": "#d0d0d0"}
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf")

# -- text for matplotlib --------------------------------------------------------------------
def shapes_arabic_script() -> bool:
    """Whether the installed matplotlib shapes and orders Arabic script (3.11 and later)."""
    numbers = [int(part) for part in re.findall(r"\d+", matplotlib.__version__)[:2]]
    return tuple(numbers) >= (3, 11)


def label(text: str) -> str:
    """``text`` as matplotlib must be given it to show it right.

    On matplotlib >= 3.11 that is the logical string itself (reshaping it would show it
    reversed).  Older versions neither join letters nor reorder, so Persian and Arabic get
    reshaped into presentation forms in visual order, line by line.  Only for chart text:
    never store or display elsewhere what this returns.
    """
    return text if shapes_arabic_script() else visual(text)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


_registered: list[str] = []


def _font_families() -> list[str]:
    if not _registered:
        for name in _FONT_FILES:
            path = resources_dir() / "fonts" / name
            if path.is_file():
                font_manager.fontManager.addfont(str(path))
                if _FONT_FAMILY not in _registered:
                    _registered.append(_FONT_FAMILY)
        _registered.append("DejaVu Sans")
    return list(_registered)


_LANGUAGE: weakref.WeakKeyDictionary[Figure, str] = weakref.WeakKeyDictionary()


@contextmanager
def _style(language: str) -> Iterator[None]:
    """Settings for drawing and saving: the bundled font, text language, fonts in files."""
    params: Any = {
        "font.family": _font_families(),
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "svg.fonttype": "path",  # shaped glyphs as outlines: right in every viewer
        "pdf.fonttype": 42,
        "text.parse_math": False,  # a "$" in a label is a dollar sign
        "axes.unicode_minus": True,
    }
    if "text.language" in matplotlib.rcParams:
        params["text.language"] = language
    with matplotlib.rc_context(params):
        yield


# -- public API -----------------------------------------------------------------------------
def make_chart(project: Project, kind: str, language: str = "en",
               annotator: str | None = None) -> Figure:
    """Draw chart ``kind`` (see :data:`KINDS`) of ``project``; with ``annotator``, only
    their tags."""
    if kind not in KINDS:
        raise AnnotatorError(Translatable("unknown chart '{kind}' (use one of: {kinds})",
                                          kind=kind, kinds=Listing(KINDS)))
    check_language(language)
    with _style(language):
        figure = Figure(figsize=(8, 4.5), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        _LANGUAGE[figure] = language
        _BUILDERS[kind](_Chart(figure, project, language, annotator))
    return figure


def save_chart(figure: Figure, path: str | Path, dpi: int = 150,
               project: str | Path | None = None) -> Path:
    """Write ``figure`` to ``path`` as PNG, SVG or PDF, chosen by the suffix.

    ``project`` (the open project's file) is refused as a target, with its side files.
    The file is written beside ``path``, checked complete and renamed into place
    (:func:`annotator.core.outputs.output_file.write_output`).
    """
    path = Path(path).expanduser()
    refuse_project(path, project)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise AnnotatorError(Translatable("{path}: a chart is saved as .png, .svg or .pdf",
                                          path=path))

    def write(out: BinaryIO) -> None:
        with _style(_LANGUAGE.get(figure, "en")):
            figure.savefig(out, format=suffix[1:], dpi=dpi)

    return write_output(path, write, CHECKS[suffix], project)


def chart_png(figure: Figure, dpi: float = 100) -> bytes:
    """``figure`` as PNG bytes (for a window or a self-contained report)."""
    buffer = io.BytesIO()
    with _style(_LANGUAGE.get(figure, "en")):
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def chart_title(project: Project, kind: str, language: str) -> str:
    """The title a chart of ``kind`` carries (logical order: for HTML, Qt, alt text)."""
    codebook = project.codebooks.active()
    _ = translation(language).gettext
    if kind == "stance":
        return _stance_field(codebook).text(language)
    if kind == "demands":
        return _demands_field(codebook).text(language)
    if kind == "demands-by-participant":
        return _("{field} by participant").format(
            field=_demands_field(codebook).text(language))
    if kind == "agreement":
        return _("Agreement between annotators (Krippendorff's alpha)")
    return _("Progress")


def _stance_field(codebook: Codebook) -> Field:
    return _pick(codebook, "stance", lambda f: f.type == "single" and f.ordered,
                 Translatable("an ordered single-choice field"))


def _demands_field(codebook: Codebook) -> Field:
    return _pick(codebook, "demands", lambda f: f.type == "multiple" and f.with_participant,
                 Translatable("a multiple-choice field with participants"))


def _pick(codebook: Codebook, preferred: str, fits: Callable[[Field], bool],
          what: Translatable) -> Field:
    if codebook.has_field(preferred) and fits(codebook.field(preferred)):
        return codebook.field(preferred)
    for item in codebook.fields:
        if fits(item):
            return item
    raise AnnotatorError(Translatable("the codebook has no {what} to chart", what=what))


# -- drawing --------------------------------------------------------------------------------
class _Chart:
    """One chart being drawn: the figure, its data source, and language-aware helpers."""

    def __init__(self, figure: Figure, project: Project, language: str,
                 annotator: str | None) -> None:
        self.figure = figure
        self.project = project
        self.language = language
        self.annotator = annotator
        self.rtl = language in RTL_LANGUAGES
        self.labels = Labels.of(project, language)
        self.words = translation(language)

    def articles(self) -> str:
        """The name of a count axis: a number of articles."""
        return self.words.pgettext("chart axis", "Articles")

    def text(self, value: str) -> str:
        return label(value)

    def category(self, field_id: str, category: Category) -> str:
        """A category's label, marked when the codebook has retired it."""
        return self.labels.marked(field_id, category.id, category.text(self.language))

    def axes(self, width: float, height: float) -> Axes:
        self.figure.set_size_inches(width, height)
        ax = self.figure.add_subplot()
        for side in ("top", "left" if self.rtl else "right"):
            ax.spines[side].set_visible(False)
        return ax

    def title(self, ax: Axes, title: str, subtitle: str = "") -> None:
        """The title at the reading start of the figure, a grey subtitle above the plot."""
        self.figure.suptitle(self.text(title), x=0.985 if self.rtl else 0.015,
                             ha="right" if self.rtl else "left", fontweight="bold",
                             fontsize=13)
        if subtitle:
            ax.set_title(self.text(subtitle), loc="right" if self.rtl else "left",
                         fontsize=10, fontweight="normal", color="#555555")

    def who(self) -> str:
        return self.annotator if self.annotator else self.words.gettext("all annotators")

    def count_axis(self, ax: Axes, axis: str, name: str) -> None:
        """A numeric axis with whole numbers in the language's digits."""
        target = ax.xaxis if axis == "x" else ax.yaxis
        target.set_major_locator(MaxNLocator(integer=True))
        target.set_major_formatter(FuncFormatter(
            lambda value, _: self.text(digits(f"{value:g}", self.language))))
        target.set_label_text(self.text(name))

    def category_axis_y(self, ax: Axes, labels: Sequence[str]) -> None:
        """Category labels on the y axis: right of the plot and flush right in RTL."""
        ax.set_yticks(range(len(labels)), [self.text(t) for t in labels])
        ax.tick_params(axis="y", length=0)
        for text in ax.get_yticklabels():
            text.set_linespacing(1.0)
        if not self.rtl:
            return
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.tick_params(axis="y", length=0)
        # Right-aligned labels anchored one label-width right of the axis: their ends line
        # up at the figure's edge, where a right-to-left reader starts.
        renderer = self.figure.canvas.get_renderer()  # type: ignore[attr-defined]
        texts = ax.get_yticklabels()
        widest = max((t.get_window_extent(renderer).width for t in texts), default=0.0)
        ax.tick_params(axis="y", pad=widest * 72 / self.figure.dpi + 4)
        for text in texts:
            text.set_horizontalalignment("right")

    def legend(self, ax: Axes, loc: Any, title: str | None = None) -> None:
        if self.rtl:
            loc = loc.replace("right", "@").replace("left", "right").replace("@", "left")
        legend = ax.legend(loc=loc, frameon=False, markerfirst=not self.rtl,
                           alignment="right" if self.rtl else "left",
                           title=self.text(title) if title else None)
        for text in legend.get_texts():
            text.set_horizontalalignment("right" if self.rtl else "left")

    def empty(self, message: str, title: str) -> None:
        ax = self.axes(8, 3)
        ax.set_axis_off()
        self.title(ax, title)
        ax.text(0.5, 0.5, self.text(message), ha="center", va="center", fontsize=12,
                color="#555555", transform=ax.transAxes)


def _stance(chart: _Chart) -> None:
    codebook = chart.project.codebooks.active()
    spec = _stance_field(codebook)
    counts = stats.value_counts(chart.project, spec.id, chart.annotator)
    title = spec.text(chart.language)
    if not counts:
        chart.empty(chart.words.gettext("Nothing coded yet"), title)
        return
    used = {value for _, value in counts}
    categories = [c for c in spec.categories if c.scale] + [
        c for c in spec.categories if not c.scale]
    categories = [c for c in categories if not c.retired or c.id in used]
    annotators = sorted({who for who, _ in counts})
    ax = chart.axes(max(6.5, 1.1 * len(categories) + 2.5), 4.6)
    width = 0.8 / len(annotators)
    for index, who in enumerate(annotators):
        offset = (index - (len(annotators) - 1) / 2) * width
        values = [counts.get((who, c.id), 0) for c in categories]
        ax.bar([i + offset for i in range(len(categories))], values, width * 0.95,
               label=chart.text(who), color=_PALETTE[index % len(_PALETTE)])
    ax.set_xticks(range(len(categories)),
                  [chart.text(_wrap(chart.category(spec.id, c), 11)) for c in categories])
    for text in ax.get_xticklabels():
        text.set_linespacing(1.0)
    ax.tick_params(axis="x", length=0)
    # The scale's last point and "unclear" apart: a dotted line between them.
    on_scale = sum(1 for c in categories if c.scale)
    if 0 < on_scale < len(categories):
        ax.axvline(on_scale - 0.5, color="#999999", linestyle=":", linewidth=1)
    if chart.rtl:
        ax.invert_xaxis()  # the scale reads from the right
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
    chart.count_axis(ax, "y", chart.articles())
    chart.title(ax, title, chart.who())
    if len(annotators) > 1:
        chart.legend(ax, "best", chart.words.gettext("Annotator"))


def _demands(chart: _Chart) -> None:
    codebook = chart.project.codebooks.active()
    spec = _demands_field(codebook)
    counts = stats.value_counts(chart.project, spec.id, chart.annotator)
    title = spec.text(chart.language)
    if not counts:
        chart.empty(chart.words.gettext("Nothing coded yet"), title)
        return
    annotators = sorted({who for who, _ in counts})
    totals: dict[str, int] = {}
    for (_, value), n in counts.items():
        totals[value] = totals.get(value, 0) + n
    used = [c for c in spec.categories if c.id in totals]
    # Most frequent on top; ties in codebook order.
    used.sort(key=lambda c: -totals[c.id])
    ax = chart.axes(8.5, 1.4 + len(used) * (0.22 + 0.14 * min(len(annotators), 4)))
    height = 0.8 / len(annotators)
    for index, who in enumerate(annotators):
        offset = (index - (len(annotators) - 1) / 2) * height
        ax.barh([i + offset for i in range(len(used))],
                [counts.get((who, c.id), 0) for c in used], height * 0.95,
                label=chart.text(who), color=_PALETTE[index % len(_PALETTE)])
    chart.category_axis_y(ax, [_wrap(chart.category(spec.id, c), 34) for c in used])
    ax.invert_yaxis()
    chart.count_axis(ax, "x", chart.articles())
    chart.title(ax, title, chart.who())
    if len(annotators) > 1:
        chart.legend(ax, "lower right", chart.words.gettext("Annotator"))


def _demands_by_participant(chart: _Chart) -> None:
    codebook = chart.project.codebooks.active()
    spec = _demands_field(codebook)
    counts = stats.counts_by_participant(chart.project, spec.id, chart.annotator)
    title = chart_title(chart.project, "demands-by-participant", chart.language)
    if not counts:
        chart.empty(chart.words.gettext("No demand has a participant yet"), title)
        return
    by_participant: dict[str, int] = {}
    for (pid, _), n in counts.items():
        by_participant[pid] = by_participant.get(pid, 0) + n
    participants = sorted(by_participant, key=lambda p: (-by_participant[p], p))
    subtitle = chart.who()
    if len(participants) > MAX_PARTICIPANTS:
        participants = participants[:MAX_PARTICIPANTS]
        subtitle += " — " + chart.words.gettext(
            "the {n} participants with the most demands").format(
                n=digits(MAX_PARTICIPANTS, chart.language))
    demands = [c for c in spec.categories
               if any(counts.get((p, c.id)) for p in participants)]
    matrix = [[counts.get((p, c.id), 0) for p in participants] for c in demands]
    ax = chart.axes(max(7.0, 3.6 + 0.75 * len(participants)),
                    max(3.8, 2.4 + 0.42 * len(demands)))
    ax.imshow(matrix, cmap="Blues", aspect="auto", vmin=0)
    peak = max(max(row) for row in matrix)
    for row, values in enumerate(matrix):
        for column, value in enumerate(values):
            if value:
                ax.text(column, row, chart.text(digits(value, chart.language)), ha="center",
                        va="center", fontsize=9,
                        color="white" if value > peak * 0.6 else "#1a1a1a")
    ax.set_xticks(range(len(participants)),
                  [chart.text(_wrap(chart.labels.participant_text(p), 22)) for p in participants])
    # Names slant away from their column: down-left in English, down-right in RTL.
    for text in ax.get_xticklabels():
        text.set_rotation(-35 if chart.rtl else 35)
        text.set_rotation_mode("anchor")
        text.set_horizontalalignment("left" if chart.rtl else "right")
        text.set_multialignment("right" if chart.rtl else "left")
        text.set_linespacing(1.0)
    ax.tick_params(axis="x", length=0)
    # White lines between the cells.
    ax.set_xticks([x + 0.5 for x in range(len(participants) - 1)], minor=True)
    ax.set_yticks([y + 0.5 for y in range(len(demands) - 1)], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    chart.category_axis_y(ax, [_wrap(chart.category(spec.id, c), 34) for c in demands])
    for side in ("left", "right", "bottom"):
        ax.spines[side].set_visible(False)
    chart.title(ax, title, subtitle)


def _progress(chart: _Chart) -> None:
    table = stats.status_table(chart.project, chart.annotator)
    title = chart_title(chart.project, "progress", chart.language)
    if not table:
        chart.empty(chart.words.gettext("No annotator has started yet"), title)
        return
    annotators = sorted(table)
    ax = chart.axes(8.5, 1.6 + 0.45 * len(annotators))
    order = [s for s in ("done", "in_progress", "skipped", "not_started") if s in STATUSES]
    starts = [0] * len(annotators)
    total = max(sum(counts.values()) for counts in table.values()) or 1
    for status in order:
        values = [table[who][status] for who in annotators]
        bars = ax.barh(range(len(annotators)), values, 0.6, left=starts,
                       color=_STATUS_COLOURS[status], label=chart.text(
                           chart.labels.status(status)))
        for bar, value in zip(bars, values, strict=True):
            if value and value / total > 0.04:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        chart.text(digits(value, chart.language)), ha="center", va="center",
                        fontsize=9, color="white" if status in ("done", "skipped") else "#1a1a1a")
        starts = [a + b for a, b in zip(starts, values, strict=True)]
    chart.category_axis_y(ax, annotators)
    ax.invert_yaxis()
    chart.count_axis(ax, "x", chart.articles())
    chart.title(ax, title)
    chart.figure.legend(loc="outside lower center", ncols=4, frameon=False, reverse=chart.rtl)


def agreement_report(project: Project, samples: int | None = None,
                     seed: int | None = None) -> Any:
    """The agreement module's report on ``project``, per codebook revision (imported only
    when needed); with ``samples``, each figure with its bootstrap interval from that many
    resamples."""
    try:
        from annotator.core.analysis.agreement import report
        from annotator.core.analysis.bootstrap import Bootstrap
    except ImportError:
        raise AnnotatorError(N_("agreement is not available yet")) from None
    bootstrap = None if samples is None else Bootstrap(samples, seed)
    return report(project, bootstrap=bootstrap)


def agreement_figures(project: Project, samples: int | None = None,
                      seed: int | None = None) -> list[Any]:
    """The figures of :func:`agreement_report`."""
    return list(agreement_report(project, samples, seed).figures)


def agreement_reason(figure: Any) -> str:
    """Why an agreement figure is n/a, or how it was counted ("" if nothing to say), in
    English; :meth:`annotator.core.labels.Labels.note` says it in another language."""
    return getattr(figure, "reason", "") or getattr(figure, "note", "") or ""


def _charted(project: Project, figures: list[Any]) -> list[Any]:
    """Field figures, and per-category figures of choice fields (not one per participant)."""
    codebook = project.codebooks.active()

    def keep(figure: Any) -> bool:
        if not getattr(figure, "category", None):
            return True
        name = str(figure.field)
        return codebook.has_field(name) and codebook.field(name).type == "multiple"

    return [f for f in figures if keep(f)]


def _agreement(chart: _Chart) -> None:
    figures = _charted(chart.project, agreement_figures(chart.project))
    title = chart_title(chart.project, "agreement", chart.language)
    if not figures:
        chart.empty(chart.words.gettext("No agreement figures yet"), title)
        return
    rows = [chart.labels.figure(str(f.field), getattr(f, "category", None), str(f.level))
            for f in figures]
    if len({getattr(f, "revision", "") for f in figures}) > 1:
        # Each codebook revision has figures of its own: say which a bar belongs to.
        rows = [chart.words.gettext("{row}, revision {revision}").format(
            row=row, revision=digits(getattr(f, "revision", ""), chart.language))
            for row, f in zip(rows, figures, strict=True)]
    ax = chart.axes(9, 1.5 + 0.34 * len(rows))
    alphas = [f.alpha for f in figures]
    low = min([0.0, *(a for a in alphas if a is not None)])
    ahead = "right" if chart.rtl else "left"  # text beyond a bar's end
    for index, alpha in enumerate(alphas):
        if alpha is None:
            ax.text(0, index, chart.text(" " + chart.labels.not_applicable + " "),
                    va="center", ha=ahead, fontsize=9, color="#777777")
            continue
        colour = "#2e7d32" if alpha >= 0.8 else "#f9a825" if alpha >= 0.667 else "#c62828"
        ax.barh(index, alpha, 0.6, color=colour)
        # A negative value is written on the positive side, clear of the row labels.
        ax.text(max(alpha, 0.0), index,
                chart.text(" " + digits(f"{alpha:.2f}", chart.language) + " "),
                va="center", ha=ahead, fontsize=8)
    for threshold in (0.667, 0.8):
        ax.axvline(threshold, color="#777777", linestyle="--", linewidth=0.8)
        ax.text(threshold, 1.0, chart.text(digits(f"{threshold:g}", chart.language)),
                transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=8,
                color="#555555")
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlim(low - 0.05 if low < 0 else 0, 1.1)
    chart.category_axis_y(ax, rows)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda value, _: chart.text(digits(f"{value:.1f}", chart.language))))
    ax.set_xlabel("α")
    chart.title(ax, title)


_BUILDERS: dict[str, Callable[[_Chart], None]] = {
    "stance": _stance,
    "demands": _demands,
    "demands-by-participant": _demands_by_participant,
    "agreement": _agreement,
    "progress": _progress,
}
