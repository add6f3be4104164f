"""The project report: corpus, progress, agreement and charts, as one HTML document.

:func:`build_report` gathers the figures and draws the charts; :meth:`Report.html` writes
them as a single self-contained HTML file (charts inline as base64 PNG, ``lang`` and
``dir`` on the root element, UTF-8) in English, Persian or Arabic: its words from the
gettext catalogue (:mod:`annotator.core.i18n`), the data's labels, levels, "n/a" and
agreement notes from :class:`annotator.core.labels.Labels`, lists with the Arabic comma.
The same HTML, with the charts as named resources instead, is what :mod:`annotator.gui.pdf`
prints to PDF through Qt, which shapes Persian and Arabic itself.  All text stays in
logical order.

Values that come from the data (annotator names, outlets, codebook and participant
labels, the project's name) are escaped and isolated, so that markup in them stays text
and a bidi control in them cannot reorder the text around them: each is wrapped in
``<bdi>`` in the HTML file, and in the Unicode isolates FSI ... PDI where Qt reads the
HTML (Qt ignores ``<bdi>`` but honours the isolates) and in plain text (the title).
Explicit embedding, override and isolate controls inside a value are dropped first: an
unpaired PDI there would otherwise close the isolate early.
:func:`write_report_html` writes the file (never over the project, checked complete
before it is renamed into place).
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import jdatetime

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import (
    LANGUAGES,
    RTL_LANGUAGES,
    check_language,
    digits,
    join,
    translate,
    translation,
)
from annotator.core.labels import Labels
from annotator.core.outputs import charts
from annotator.core.outputs.output_file import check_html, write_output
from annotator.core.outputs.report_matrix import MatrixPart, matrix_parts
from annotator.core.outputs.terminal import has_arabic_script
from annotator.core.store import STATUSES, Project, stats

CHART_KINDS = ("progress", "stance", "demands", "demands-by-participant", "agreement")
_STATUS_ORDER = ("done", "in_progress", "skipped", "not_started")
FORMATS = (".html", ".pdf")
INTERVAL_SAMPLES = 1000
INTERVAL_SEED = 1
"""The report's alpha intervals by default: ``annotator agreement --bootstrap 1000 --seed 1``.
``annotator report --bootstrap N [--seed S]`` draws N resamples with seed S (default 1)
instead, and adds to each alpha the probability that it is below 0.667 and 0.800."""

_CSS = """
body { font-family: Vazirmatn, Tahoma, "Noto Sans Arabic", "DejaVu Sans", sans-serif;
       max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #bbbbbb; padding: 0.25em 0.6em; text-align: start;
         vertical-align: top; }
th { background: #eeeeee; }
td.number { text-align: end; }
img { max-width: 100%; height: auto; }
.muted { color: #555555; }
"""


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"


def clean(value: object) -> str:
    """``value`` as text without explicit bidi embeddings, overrides or isolates."""
    return _BIDI_CONTROLS.sub("", str(value))


def isolated(value: object) -> str:
    """A data value for plain text: cleaned, between FSI and PDI."""
    return f"{FSI}{clean(value)}{PDI}"


class Markup(str):
    """HTML already escaped (a table cell that holds isolated data)."""


@dataclass(frozen=True)
class ChartImage:
    """One chart of the report: its kind, title (logical order) and PNG."""

    kind: str
    title: str
    png: bytes
    width: int  # pixels
    height: int

    @property
    def name(self) -> str:
        """The file-like name the chart has as a document resource."""
        return f"chart-{self.kind}.png"


@dataclass
class Report:
    """Everything the report shows, ready to be written as HTML."""

    language: str
    title: str
    subtitle: str
    corpus: stats.CorpusSummary
    progress: dict[str, dict[str, int]]
    agreement: list[Any] | None  # None: the agreement module is not available
    # revision, label, level, alpha, 95% interval, P(alpha < 0.667), P(alpha < 0.800),
    # articles, note
    agreement_rows: list[tuple[str, str, str, str, str, str, str, str, str]] = field(
        default_factory=list)
    agreement_caveats: list[str] = field(default_factory=list)  # worded, one a line
    interval_samples: int = INTERVAL_SAMPLES
    interval_seed: int = INTERVAL_SEED
    below_shown: bool = False  # asked for (--bootstrap): P(alpha < 0.667 / 0.800) columns
    charts: list[ChartImage] = field(default_factory=list)
    matrices: list[MatrixPart] = field(default_factory=list)  # single-choice fields
    language_names: dict[str, str] = field(default_factory=dict)  # article language -> name
    status_names: dict[str, str] = field(default_factory=dict)  # status -> its label

    @property
    def rtl(self) -> bool:
        return self.language in RTL_LANGUAGES

    def _(self, message: str) -> str:
        """``message`` from the catalogue of the report's language."""
        return translation(self.language).gettext(message)

    def html(self, image_source: Callable[[ChartImage], str] | None = None,
             image_width: int | None = None, *, for_qt: bool = False) -> str:
        """The report as one HTML document.

        Charts are inline ``data:`` PNGs unless ``image_source`` names them otherwise (the
        PDF printer passes resource names); ``image_width`` fixes their width in pixels.
        ``for_qt``: data isolated by FSI/PDI characters rather than ``<bdi>``.
        """
        self._for_qt = for_qt
        source = image_source or _data_uri
        lang = self.language
        _ = self._
        direction = "rtl" if self.rtl else "ltr"
        block = self._block()
        esc = html.escape

        def heading(text: str) -> str:
            return f"<h2 {block}>{esc(text)}</h2>"

        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{lang}" dir="{direction}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(self.title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            f'<body dir="{direction}">',
            f'<h1 {block}>{esc(self.title)}</h1>',
            f'<p class="muted" {block}>{esc(self.subtitle)}</p>',
            heading(_("Corpus")),
            self._corpus_table(),
            heading(_("Progress")),
            self._progress_table(),
            heading(_("Agreement between annotators")),
            self._agreement_part(),
            self._matrix_part(),
            heading(_("Charts")),
        ]
        for chart in self.charts:
            width = image_width or chart.width
            height = round(chart.height * width / chart.width)
            # No heading of its own: the chart carries its title, and a heading could be
            # left alone at the foot of a PDF page.
            parts.append(f'<p {block}><img src="{esc(source(chart))}" '
                         f'alt="{esc(chart.title)}" width="{width}" height="{height}"></p>')
        parts += ["</body>", "</html>", ""]
        return "\n".join(parts)

    # -- parts ---------------------------------------------------------------------------
    _for_qt = False

    def data(self, value: object) -> Markup:
        """A value from the data as HTML: cleaned, escaped and isolated."""
        text = html.escape(clean(value))
        return Markup(f"{FSI}{text}{PDI}" if self._for_qt else f"<bdi>{text}</bdi>")

    def _table(self, head: list[str] | None, rows: list[list[str]], numeric: set[int],
               notes: frozenset[int] = frozenset()) -> str:
        """A table; with no ``head``, the first column holds the row headings.

        Columns in ``notes`` hold free text that may be English in a Persian report.
        """
        direction = "rtl" if self.rtl else "ltr"
        align = "right" if self.rtl else "left"

        def esc(cell: str) -> str:
            return cell if isinstance(cell, Markup) else html.escape(cell)

        lines = [f'<table dir="{direction}" align="{align}" border="1" cellspacing="0" '
                 'cellpadding="4">']
        if head:
            lines.append("<tr>" + "".join(f'<th align="{align}">{esc(h)}</th>'
                                          for h in head) + "</tr>")
        for row in rows:
            cells = []
            for index, cell in enumerate(row):
                if index == 0 and not head:
                    cells.append(f'<th align="{align}">{esc(cell)}</th>')
                elif index in numeric:
                    cells.append(f'<td class="number" align="{"left" if self.rtl else "right"}"'
                                 f">{esc(cell)}</td>")
                elif self.rtl and index in notes and cell and not has_arabic_script(cell):
                    # A note in English reads left to right even in a Persian report.
                    cells.append(f'<td dir="ltr" align="left">{esc(cell)}</td>')
                else:
                    cells.append(f'<td align="{align}">{esc(cell)}</td>')
            lines.append("<tr>" + "".join(cells) + "</tr>")
        lines.append("</table>")
        return "\n".join(lines)

    def _corpus_table(self) -> str:
        lang = self.language
        _ = self._
        corpus = self.corpus
        n = lambda value: digits(value, lang)  # noqa: E731
        languages = lambda items: join(items, lang)  # noqa: E731
        not_given = _("not given")
        language_text = languages(
            f"{self.language_names.get(code) or code or not_given} ({n(count)})"
            for code, count in corpus.languages.items())
        outlets = [f"{self.data(name)} ({n(count)})" for name, count in corpus.outlets.items()]
        if corpus.no_outlet:
            outlets.append(f"{html.escape(not_given)} ({n(corpus.no_outlet)})")
        if corpus.first_published:
            dates = f"{_date(corpus.first_published, lang)} – {_date(corpus.last_published, lang)}"
            if corpus.undated:
                undated = _("{n} without a date").format(n=n(corpus.undated))
                dates += f" ({undated})"
        else:
            dates = not_given
        rows = [
            [_("Articles"), n(corpus.articles)],
            [_("Languages"), language_text or not_given],
            [_("Outlets"), Markup(languages(outlets)) if outlets else not_given],
            [_("Published"), dates],
        ]
        return self._table(None, rows, set())

    def _progress_table(self) -> str:
        lang = self.language
        _ = self._
        if not self.progress:
            return self._paragraph(_("No annotator has started yet."))
        order = [s for s in _STATUS_ORDER if s in STATUSES]
        head = [_("Annotator"), *(self.status_names.get(s, s) for s in order),
                # Translators: the column of all articles of an annotator, whatever status.
                _("total")]
        rows = [[self.data(who), *(digits(counts.get(s, 0), lang) for s in order),
                 digits(sum(counts.values()), lang)]
                for who, counts in sorted(self.progress.items())]
        return self._table(head, rows, set(range(1, len(order) + 2)))

    def _agreement_part(self) -> str:
        lang = self.language
        _ = self._
        if self.agreement is None:
            return self._paragraph(_("Agreement is not available yet."))
        intro_text = _(
            "Krippendorff's alpha per field, and per category of multiple-choice fields. "
            "{reliable} and above is commonly taken as reliable, {tentative} as the lowest "
            "limit for tentative conclusions.").format(reliable=digits("0.8", lang),
                                                       tentative=digits("0.667", lang))
        intro_text += " " + _(
            "The 95% interval comes from {samples} resamples of the articles coded by two or "
            "more annotators (drawn with replacement; seed {seed}), the percentile method "
            "(Krippendorff 2004; Hayes and Krippendorff 2007).").format(
                samples=digits(self.interval_samples, lang),
                seed=digits(self.interval_seed, lang))
        intro_text += " " + _(
            "Each codebook revision has figures of its own: the codebook counts agreement "
            "as comparable only within one revision.")
        below: list[str] = []
        if self.below_shown:
            intro_text += " " + _(
                "P(alpha < {tentative}) and P(alpha < {reliable}): the share of resampled "
                "alphas below each minimum, the probability that the data fall short of "
                "it.").format(reliable=digits("0.8", lang), tentative=digits("0.667", lang))
            below = [_("P(alpha < {minimum})").format(minimum=digits("0.667", lang)),
                     _("P(alpha < {minimum})").format(minimum=digits("0.800", lang))]
        intro = self._paragraph(intro_text) + "\n"
        head = [_("Revision"), _("Field"), _("Level"), _("Alpha"), _("95% interval"), *below,
                _("Articles"), _("Note")]
        rows = [[self.data(revision), self.data(label), level, alpha, interval,
                 *((tentative, reliable) if below else ()), units,
                 self.data(note) if note else note]
                for revision, label, level, alpha, interval, tentative, reliable, units, note
                in self.agreement_rows]
        numeric = set(range(3, len(head) - 1))
        caveats = "".join("\n" + self._paragraph(line) for line in self.agreement_caveats)
        return intro + self._table(head, rows, numeric, frozenset({len(head) - 1})) + caveats

    def _matrix_part(self) -> str:
        """Each single-choice field's coincidence matrix, shaded, and where they disagree."""
        if not self.matrices:
            return ""
        _ = self._
        align = "right" if self.rtl else "left"
        number_align = "left" if self.rtl else "right"
        direction = "rtl" if self.rtl else "ltr"
        parts = [self._paragraph(_(
            "Coincidence matrices (Krippendorff 2011): how often the values of two annotators "
            "of one article meet, each pair counted 1/(m - 1) in an article with m values; "
            "agreement lies on the diagonal."))]
        total = html.escape(_("Total"))
        most = html.escape(_("Most disagreement:"))
        for part in self.matrices:
            revision = _("codebook revision {revision}").format(revision=part.revision)
            parts.append(f"<h3 {self._block()}>{self.data(part.field)} "
                         f"({html.escape(revision)})</h3>")
            parts.append(self._paragraph(_("{units} articles coded by two or more "
                                           "annotators.").format(units=part.units)))
            lines = [f'<table dir="{direction}" align="{align}" border="1" cellspacing="0" '
                     'cellpadding="4">',
                     "<tr><th></th>" + "".join(f'<th align="{align}">{self.data(name)}</th>'
                                               for name in part.names)
                     + f'<th align="{align}">{total}</th></tr>']
            for name, cells, shades, total in zip(part.names, part.cells, part.shades,
                                                  part.totals, strict=True):
                lines.append(f'<tr><th align="{align}">{self.data(name)}</th>' + "".join(
                    f'<td class="number" align="{number_align}" bgcolor="{shade}" '
                    f'style="background-color: {shade}">{html.escape(cell)}</td>'
                    for cell, shade in zip(cells, shades, strict=True))
                    + f'<td class="number" align="{number_align}">{html.escape(total)}</td>'
                    "</tr>")
            lines.append("</table>")
            parts.append("\n".join(lines))
            if part.most:
                pairs = join([f"{self.data(a)} / {self.data(b)} ({share})"
                              for a, b, share in part.most], self.language)
                parts.append(f"<p {self._block()}>{most} {pairs}</p>")
        return "\n".join(parts)

    def _paragraph(self, text: str) -> str:
        return f"<p {self._block()}>{html.escape(text)}</p>"

    def _block(self) -> str:
        """Direction and alignment of a block: Qt's HTML reader wants both."""
        return f'dir="{"rtl" if self.rtl else "ltr"}" align="{"right" if self.rtl else "left"}"'



def _data_uri(chart: ChartImage) -> str:
    return "data:image/png;base64," + base64.b64encode(chart.png).decode("ascii")


def _date(iso: str | None, language: str) -> str:
    """An ISO date; in Persian its Solar Hijri date first, as Iranian readers count.

    In Persian and Arabic the parts are joined by "/": after Arabic letters the bidi
    algorithm keeps "1403/03/12" in one piece but splits "1403-03-12" and reverses it.
    """
    if not iso:
        return ""
    if language == "en":
        return iso
    gregorian = iso[:10].replace("-", "/")
    if language != "fa":
        return digits(gregorian, language)
    try:
        jalali = jdatetime.date.fromgregorian(date=date.fromisoformat(iso[:10]))
    except ValueError:
        return digits(gregorian, language)
    return f"{digits(jalali.strftime('%Y/%m/%d'), language)} ({gregorian})"


def build_report(project: Project, language: str = "en", chart_dpi: int = 110,
                 bootstrap: int | None = None, seed: int | None = None) -> Report:
    """Gather the report on ``project`` in ``language``, with its charts drawn.

    ``bootstrap``: the intervals come from that many resamples (with ``seed``, default
    :data:`INTERVAL_SEED`) instead of :data:`INTERVAL_SAMPLES`, and each alpha gains the
    probability that it is below 0.667 and 0.800, as ``annotator agreement --bootstrap``.
    """
    check_language(language)
    _ = translation(language).gettext
    labels = Labels.of(project, language)
    codebook = project.codebooks.active()
    samples = INTERVAL_SAMPLES if bootstrap is None else bootstrap
    seed = INTERVAL_SEED if seed is None else seed
    try:
        result: Any = charts.agreement_report(project, samples, seed)
        figures: list[Any] | None = list(result.figures)
    except AnnotatorError:
        result, figures = None, None

    def share(value: float | None) -> str:
        return "" if value is None else labels.alpha(value)

    rows: list[tuple[str, str, str, str, str, str, str, str, str]] = []
    for figure in figures or []:
        interval = getattr(figure, "interval", None)
        rows.append((
            str(figure.revision),
            labels.figure(str(figure.field), getattr(figure, "category", None)),
            labels.level(str(figure.level)),
            labels.alpha(figure.alpha),
            "" if interval is None or interval.low is None else
            labels.interval(interval.low, interval.high),
            "" if interval is None else share(interval.below_tentative),
            "" if interval is None else share(interval.below_reliable),
            labels.number(getattr(figure, "n_units", "")),
            labels.note(charts.agreement_reason(figure)),
        ))
    report = Report(
        language=language,
        title=_("Annotation report") + ": " + isolated(
            codebook.title.get(language) or codebook.title.get('en') or codebook.id),
        subtitle=_("Made on {date} from {project}, codebook {codebook} revision {revision}.")
        .format(date=_date(date.today().isoformat(), language),
                project=isolated(project.path.name), codebook=isolated(codebook.id),
                revision=isolated(digits(codebook.revision, language))),
        corpus=stats.corpus_summary(project),
        progress=stats.status_table(project),
        agreement=figures,
        agreement_rows=rows,
        interval_samples=samples,
        interval_seed=seed,
        below_shown=bootstrap is not None,
        agreement_caveats=[translate(message, language) for caveat in
                           (result.caveats if result is not None else [])
                           for message in caveat.messages(labels.field(caveat.field), [
                               labels.value(caveat.field, c) or c for c in caveat.left_out])],
        matrices=matrix_parts(project, labels) if figures is not None else [],
        language_names={code: labels.language_name(code) for code in LANGUAGES},
        status_names={status: labels.status(status) for status in STATUSES},
    )
    for kind in CHART_KINDS:
        if kind == "agreement" and figures is None:
            continue
        figure = charts.make_chart(project, kind, language)
        png = charts.chart_png(figure, dpi=chart_dpi)
        width, height = (round(v * chart_dpi) for v in figure.get_size_inches())
        report.charts.append(ChartImage(kind, clean(charts.chart_title(project, kind,
                                                                       language)),
                                        png, int(width), int(height)))
    return report


def write_report_html(report: Report, path: str | Path,
                      project: str | Path | None = None) -> Path:
    """Write ``report`` as one HTML file, never over ``project`` (the open project's
    file) or its side files, checked complete before it is renamed into place."""
    def write(out: BinaryIO) -> None:
        out.write(report.html().encode("utf-8"))

    return write_output(path, write, check_html, project)
