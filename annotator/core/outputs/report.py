"""The project report: corpus, progress, agreement and charts, as one HTML document.

:func:`build_report` gathers the figures and draws the charts; :meth:`Report.html` writes
them as a single self-contained HTML file (charts inline as base64 PNG, ``lang`` and
``dir`` on the root element, UTF-8) in English, Persian or Arabic.  The same HTML, with
the charts as named resources instead, is what :mod:`annotator.gui.pdf` prints to PDF
through Qt, which shapes Persian and Arabic itself.  All text stays in logical order.

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

from annotator.core.codebook import LANGUAGES
from annotator.core.errors import AnnotatorError
from annotator.core.outputs import charts
from annotator.core.outputs.charts import digits, term
from annotator.core.outputs.output_file import check_html, write_output
from annotator.core.outputs.terminal import has_arabic_script
from annotator.core.store import STATUSES, Project, stats

CHART_KINDS = ("progress", "stance", "demands", "demands-by-participant", "agreement")
_STATUS_ORDER = ("done", "in_progress", "skipped", "not_started")
FORMATS = (".html", ".pdf")

_WORDS: dict[str, dict[str, str]] = {
    "report": {"en": "Annotation report", "fa": "گزارش کدگذاری", "ar": "تقرير الترميز"},
    "made": {"en": "Made on {date} from {project}, codebook {codebook} revision {revision}.",
             "fa": "تهیه‌شده در {date} از {project}، دفترچهٔ کد {codebook} ویرایش {revision}.",
             "ar": "أُعدّ في {date} من {project}، دليل الترميز {codebook} المراجعة {revision}."},
    "corpus": {"en": "Corpus", "fa": "پیکره", "ar": "المدوّنة"},
    "articles": {"en": "Articles", "fa": "مقاله‌ها", "ar": "المقالات"},
    "languages": {"en": "Languages", "fa": "زبان‌ها", "ar": "اللغات"},
    "outlets": {"en": "Outlets", "fa": "رسانه‌ها", "ar": "وسائل الإعلام"},
    "published": {"en": "Published", "fa": "تاریخ انتشار", "ar": "تاريخ النشر"},
    "not_given": {"en": "not given", "fa": "نامشخص", "ar": "غير محدد"},
    "undated": {"en": "{n} without a date", "fa": "{n} مقاله بدون تاریخ",
                "ar": "{n} بلا تاريخ"},
    "progress": {"en": "Progress", "fa": "پیشرفت کدگذاری", "ar": "تقدّم الترميز"},
    "annotator": {"en": "Annotator", "fa": "کدگذار", "ar": "المرمّز"},
    "no_annotators": {"en": "No annotator has started yet.",
                      "fa": "هنوز هیچ کدگذاری شروع نکرده است.", "ar": "لم يبدأ أي مرمّز بعد."},
    "agreement": {"en": "Agreement between annotators", "fa": "توافق میان کدگذاران",
                  "ar": "الاتفاق بين المرمّزين"},
    "agreement_intro": {
        "en": "Krippendorff's alpha per field, and per category of multiple-choice fields. "
              "0.8 and above is commonly taken as reliable, 0.667 as the lowest limit for "
              "tentative conclusions.",
        "fa": "آلفای کریپندورف برای هر فیلد و برای هر گزینهٔ فیلدهای چندگزینه‌ای. معمولاً "
              "۰٫۸ و بالاتر قابل اتکا و ۰٫۶۶۷ کمترین حد برای نتیجه‌گیری‌های احتیاطی شمرده "
              "می‌شود.",
        "ar": "ألفا كريبندورف لكل حقل ولكل فئة من فئات الحقول متعددة الخيارات. تُعدّ القيمة "
              "0.8 فما فوق موثوقة عادةً، و0.667 الحدّ الأدنى للاستنتاجات الأولية."},
    "agreement_missing": {"en": "Agreement is not available yet.",
                          "fa": "محاسبهٔ توافق هنوز در دسترس نیست.",
                          "ar": "حساب الاتفاق غير متاح بعد."},
    "field": {"en": "Field", "fa": "فیلد", "ar": "الحقل"},
    "level": {"en": "Level", "fa": "سطح سنجش", "ar": "مستوى القياس"},
    "alpha": {"en": "Alpha", "fa": "آلفا", "ar": "ألفا"},
    "units": {"en": "Articles", "fa": "مقاله‌ها", "ar": "المقالات"},
    "note": {"en": "Note", "fa": "توضیح", "ar": "ملاحظة"},
    "charts": {"en": "Charts", "fa": "نمودارها", "ar": "الرسوم البيانية"},
    "total": {"en": "total", "fa": "کل", "ar": "المجموع"},
}
_LANGUAGE_NAMES = {
    "fa": {"en": "Persian", "fa": "فارسی", "ar": "الفارسية"},
    "ar": {"en": "Arabic", "fa": "عربی", "ar": "العربية"},
    "en": {"en": "English", "fa": "انگلیسی", "ar": "الإنجليزية"},
}
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


def word(key: str, language: str, **values: object) -> str:
    words = _WORDS[key]
    return (words.get(language) or words["en"]).format(**values)


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
    agreement_rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    charts: list[ChartImage] = field(default_factory=list)

    @property
    def rtl(self) -> bool:
        return self.language in charts.RTL_LANGUAGES

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
        direction = "rtl" if self.rtl else "ltr"
        block = self._block()
        esc = html.escape
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
            f'<h2 {block}>{esc(word("corpus", lang))}</h2>',
            self._corpus_table(),
            f'<h2 {block}>{esc(word("progress", lang))}</h2>',
            self._progress_table(),
            f'<h2 {block}>{esc(word("agreement", lang))}</h2>',
            self._agreement_part(),
            f'<h2 {block}>{esc(word("charts", lang))}</h2>',
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
        corpus = self.corpus
        n = lambda value: digits(value, lang)  # noqa: E731
        languages = "، ".join if self.rtl else ", ".join
        language_text = languages(
            f"{_LANGUAGE_NAMES.get(code, {}).get(lang) or code or word('not_given', lang)} "
            f"({n(count)})" for code, count in corpus.languages.items())
        outlets = [f"{self.data(name)} ({n(count)})" for name, count in corpus.outlets.items()]
        if corpus.no_outlet:
            outlets.append(f"{html.escape(word('not_given', lang))} ({n(corpus.no_outlet)})")
        if corpus.first_published:
            dates = f"{_date(corpus.first_published, lang)} – {_date(corpus.last_published, lang)}"
            if corpus.undated:
                dates += f" ({word('undated', lang, n=n(corpus.undated))})"
        else:
            dates = word("not_given", lang)
        rows = [
            [word("articles", lang), n(corpus.articles)],
            [word("languages", lang), language_text or word("not_given", lang)],
            [word("outlets", lang), Markup(languages(outlets)) if outlets
             else word("not_given", lang)],
            [word("published", lang), dates],
        ]
        return self._table(None, rows, set())

    def _progress_table(self) -> str:
        lang = self.language
        if not self.progress:
            return f"<p {self._block()}>{html.escape(word('no_annotators', lang))}</p>"
        order = [s for s in _STATUS_ORDER if s in STATUSES]
        head = [word("annotator", lang), *(term(s, lang) for s in order), word("total", lang)]
        rows = [[self.data(who), *(digits(counts.get(s, 0), lang) for s in order),
                 digits(sum(counts.values()), lang)]
                for who, counts in sorted(self.progress.items())]
        return self._table(head, rows, set(range(1, len(order) + 2)))

    def _agreement_part(self) -> str:
        lang = self.language
        if self.agreement is None:
            return f"<p {self._block()}>{html.escape(word('agreement_missing', lang))}</p>"
        intro = f"<p {self._block()}>{html.escape(word('agreement_intro', lang))}</p>\n"
        head = [word("field", lang), word("level", lang), word("alpha", lang),
                word("units", lang), word("note", lang)]
        rows = [[self.data(label), level, alpha, units, self.data(note) if note else note]
                for label, level, alpha, units, note in self.agreement_rows]
        return intro + self._table(head, rows, {2, 3}, frozenset({4}))

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


def build_report(project: Project, language: str = "en", chart_dpi: int = 110) -> Report:
    """Gather the report on ``project`` in ``language``, with its charts drawn."""
    if language not in LANGUAGES:
        raise AnnotatorError(f"unknown language '{language}' (use one of: "
                             f"{', '.join(LANGUAGES)})")
    codebook = project.codebooks.active()
    try:
        figures: list[Any] | None = charts.agreement_figures(project)
    except AnnotatorError:
        figures = None
    rows: list[tuple[str, str, str, str, str]] = []
    for figure in figures or []:
        alpha = figure.alpha
        rows.append((
            charts.agreement_row_label(project, figure, language, with_level=False),
            charts.level_name(str(figure.level), language),
            term("not_applicable", language) if alpha is None
            else digits(f"{alpha:.3f}", language),
            digits(getattr(figure, "n_units", ""), language),
            charts.agreement_reason(figure),
        ))
    report = Report(
        language=language,
        title=f"{word('report', language)}: " + isolated(
            codebook.title.get(language) or codebook.title.get('en') or codebook.id),
        subtitle=word("made", language, date=_date(date.today().isoformat(), language),
                      project=isolated(project.path.name), codebook=isolated(codebook.id),
                      revision=isolated(digits(codebook.revision, language))),
        corpus=stats.corpus_summary(project),
        progress=stats.status_table(project),
        agreement=figures,
        agreement_rows=rows,
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
