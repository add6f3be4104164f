"""A chart of the project in the window: choose the kind, and it follows the coding.

The chart is drawn by :mod:`annotator.core.outputs.charts` (matplotlib, no Qt backend), rendered to
PNG in memory at the view's width and shown as a pixmap.  :meth:`ChartsView.refresh` is
what the window calls after each edit; it waits 500 ms for the next edit before drawing,
so typing a note does not redraw on every key, and a hidden view only notes that it is out
of date.  Coding is blind: charts of tags show the session's annotator's own tags only;
progress shows every annotator (statuses, not codes); agreement is offered only when the
view is not blind (e.g. in a review window).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.session import Session
from annotator.gui.texts import error_message

DEBOUNCE_MS = 500
_SCREEN_DPI = 96.0
_MIN_WIDTH_PX = 420


def kind_names() -> dict[str, str]:
    """The chart kinds the view offers, with their names in the UI language."""
    return {
        "stance": QCoreApplication.translate("ChartsView", "Stance"),
        "demands": QCoreApplication.translate("ChartsView", "Demands"),
        "demands-by-participant": QCoreApplication.translate("ChartsView",
                                                             "Demands by participant"),
        "progress": QCoreApplication.translate("ChartsView", "Progress"),
        "agreement": QCoreApplication.translate("ChartsView", "Agreement"),
    }


class ChartsView(QWidget):
    """One chart of ``session``'s project, with a chooser for the kind."""

    def __init__(self, session: Session, language: str = "en", parent: QWidget | None = None,
                 *, blind: bool = True) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        self.blind = blind
        self.renders = 0  # how many times a chart was drawn (the debounce is tested on it)
        self._stale = True

        self.kind_box = QComboBox()
        self.kind_box.setObjectName("chartKind")
        self._fill_kinds()
        self.kind_box.currentIndexChanged.connect(self._kind_changed)

        self.image = QLabel()
        self.image.setObjectName("chartImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.image.setWordWrap(True)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.image)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.kind_box)
        layout.addWidget(self.scroller, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)

    # -- what the window calls ------------------------------------------------------------
    def _fill_kinds(self) -> None:
        current = self.kind_box.currentData()
        with QSignalBlocker(self.kind_box):
            self.kind_box.clear()
            for kind, name in kind_names().items():
                if kind == "agreement" and self.blind:
                    continue  # colleagues' figures are for review, not for blind coding
                self.kind_box.addItem(name, kind)
            index = self.kind_box.findData(current)
            self.kind_box.setCurrentIndex(max(index, 0))

    def set_blind(self, blind: bool) -> None:
        """Blind (coding) or not (reviewing): which figures may be shown."""
        if blind != self.blind:
            self.blind = blind
            self._fill_kinds()
            self._stale = True
            self.refresh()

    def refresh(self) -> None:
        """The data changed: redraw once edits pause for :data:`DEBOUNCE_MS`."""
        self._stale = True
        self._timer.start()  # restarting postpones the drawing: one draw per burst

    def set_session(self, session: Session) -> None:
        """Show another project or annotator (after the window switched)."""
        self.session = session
        self.refresh()

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def chart_annotator(self, kind: str) -> str | None:
        """Whose tags a chart of ``kind`` shows: one's own while coding is blind."""
        if kind in ("progress", "agreement") or not self.blind:
            return None
        return self.session.annotator

    def render_now(self) -> None:
        """Draw the chosen chart at the view's width (or mark it stale while hidden)."""
        self._timer.stop()
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        kind = self.kind()
        try:
            # matplotlib is imported when the first chart is drawn, not at start-up.
            from annotator.core.outputs.charts import chart_png, make_chart

            figure = make_chart(self.session.project, kind, self.language,
                                self.chart_annotator(kind))
        except AnnotatorError as exc:
            self.image.setPixmap(QPixmap())
            self.image.setText(error_message(exc, self.language))
            return
        ratio = self.devicePixelRatioF() or 1.0
        width_px = max(self.scroller.viewport().width() - 2, _MIN_WIDTH_PX)
        # The figure takes the view's width and keeps the height chosen for its rows, so
        # text stays readable in a narrow dock (the view scrolls down instead).
        figure.set_size_inches(width_px / _SCREEN_DPI, figure.get_size_inches()[1])
        pixmap = QPixmap()
        pixmap.loadFromData(chart_png(figure, dpi=_SCREEN_DPI * ratio), "PNG")
        pixmap.setDevicePixelRatio(ratio)
        self.image.setText("")
        self.image.setPixmap(pixmap)
        self.renders += 1

    # -- Qt events ----------------------------------------------------------------------
    def _kind_changed(self, _index: int) -> None:
        self.render_now()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.refresh()
