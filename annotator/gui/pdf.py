"""Printing HTML to PDF with Qt: the report as a searchable PDF with Persian and Arabic shaped.

Qt's text engine shapes Arabic script and lays out right-to-left paragraphs itself, and the
PDF it writes keeps the text in logical order, so it can be searched and copied.  This
needs a QGuiApplication; :func:`ensure_gui_application` makes one (offscreen when there is
no display) if the caller has none, so the command line can print without a window.  It
makes a full QApplication, so that widgets can still be created later in the process.

The PDF is printed into memory first and checked complete (``%PDF-`` header, ``%%EOF``
and the cross-reference trailer it points to): QPdfWriter says nothing when it could not
write everything.  The checked bytes are then written beside the target, fsynced, read
back and renamed into place (:func:`annotator.core.outputs.output_file.write_output`), never
over the open project or its side files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication

from annotator.core.errors import AnnotatorError
from annotator.core.outputs.output_file import (
    check_pdf,
    check_pdf_bytes,
    not_written,
    refuse_project,
    write_output,
)
from annotator.core.outputs.report import Report
from annotator.gui.fonts import load_fonts

# The application made here must outlive the call that made it.
_application: list[QGuiApplication] = []
_RESOLUTION = 300  # dots per inch of the PDF's coordinate system
_IMAGE_WIDTH = 640  # chart width in document pixels: an A4 text column


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen if there is no display)."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise AnnotatorError("printing a PDF needs a GUI application, not a core one")
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    application = QApplication(sys.argv[:1] or ["annotator"])
    _application.append(application)
    return application


def html_to_pdf(html: str, path: str | Path, *, images: dict[str, bytes] | None = None,
                rtl: bool = False, title: str = "", project: str | Path | None = None) -> Path:
    """Print ``html`` to the PDF file ``path`` (A4); ``images`` maps names used in ``src``.

    ``project`` (the open project's file) and its side files are refused as ``path``.
    """
    path = Path(path).expanduser()
    refuse_project(path, project)
    ensure_gui_application()
    family = load_fonts()
    document = QTextDocument()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(10)
    if hasattr(font, "setFeature"):  # Qt >= 6.7
        # Vazirmatn's contextual alternates are glyphs without a character: Qt's PDF text
        # layer would drop those letters, and a search would miss the word.
        font.setFeature(QFont.Tag("calt"), 0)
    document.setDefaultFont(font)
    if rtl:
        # Paragraphs whose first strong letter is Latin still read right to left.
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        document.setDefaultTextOption(option)
    else:
        document.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
    for name, data in (images or {}).items():
        image = QImage.fromData(data)
        if image.isNull():
            raise AnnotatorError(f"chart image '{name}' could not be read")
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("annotator")
    # Lay the document out on a page of A4 text-column width in points, so text and the
    # charts keep their proportions whatever the writer's resolution.
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width() * 96 / 72, rect.height() * 96 / 72))
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    data = bytes(buffer.data().data())
    problem = check_pdf_bytes(data)
    if problem:
        raise not_written(path, problem)
    return write_output(path, lambda out: out.write(data), check_pdf, project)


def write_report_pdf(report: Report, path: str | Path,
                     project: str | Path | None = None) -> Path:
    """Print ``report`` to ``path`` as PDF, the charts as document resources; never over
    ``project`` (the open project's file) or its side files."""
    images = {chart.name: chart.png for chart in report.charts}
    html = report.html(image_source=lambda chart: chart.name, image_width=_IMAGE_WIDTH,
                       for_qt=True)
    return html_to_pdf(html, path, images=images, rtl=report.rtl, title=report.title,
                       project=project)
