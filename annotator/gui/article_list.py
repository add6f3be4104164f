"""The article list: a lazy model over the session, with a status filter, search and progress.

The model asks the session for one page of rows at a time and keeps a few pages, so the
list opens instantly and scrolls smoothly with 100,000 articles.  A search or a status
filter is counted no further than :data:`~annotator.core.session.LIST_FIRST_COUNT` rows
before the list shows ("200+", under the search box), then on to :data:`COUNT_STEP` rows
in the event loop's next turn, after the list is reset ("10,000+"): a search shows as soon
as its first page is read, whatever its words cost to count; and the count goes on, a step
at a time, as the list is scrolled to its end (Qt's ``fetchMore``).  An edit's change
record (:meth:`ArticleListPanel.show_edit`) repaints only its article's row and the
progress, and only when the article's status changed.

The search box takes the focus only when asked (Ctrl+F, a click), never by Tab: digits typed
there would be a search, not a stance.  Esc in it clears the search and gives the focus back
(:attr:`ArticleListPanel.searchLeft`).  A list that the search or the status filter left
empty says so in a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.languages import LANGUAGES, is_rtl
from annotator.core.session import HANDLED, LIST_FIRST_COUNT, LIST_PAGE, Edit, Session
from annotator.core.store import (
    QUEUE,
    SAMPLE,
    TRAINING,
    ArticleSummary,
    is_list_filter,
    sample_filter,
)
from annotator.gui.list_delegate import RowDelegate
from annotator.gui.texts import first_strong_is_rtl, isolate, number_text, plain_tip

STATUS_ORDER = ("not_started", "in_progress", "done", "skipped")
_PAGES_KEPT = 64
COUNT_STEP = 10_000  # rows a filtered list counts at first, and then per scroll to its end
_ID_CHARS = 8  # the id column's widest: "000_b79c…a850" is cut in the middle to fit
_RLM, _LRM = "\u200f", "\u200e"
Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    """The status in the interface language."""
    labels = {
        "not_started": QCoreApplication.translate("ArticleListPanel", "not started"),
        "in_progress": QCoreApplication.translate("ArticleListPanel", "in progress"),
        "done": QCoreApplication.translate("ArticleListPanel", "done"),
        "skipped": QCoreApplication.translate("ArticleListPanel", "skipped"),
        QUEUE: QCoreApplication.translate("ArticleListPanel", "My queue"),
        TRAINING: QCoreApplication.translate("ArticleListPanel", "Training set"),
    }
    if status.startswith(SAMPLE):
        return QCoreApplication.translate("ArticleListPanel", "Sample %1").replace(
            "%1", isolate(status[len(SAMPLE):]))
    return labels.get(status, status)


def language_label(code: str) -> str:
    """An article's language for the list: its code in English (the column is narrow),
    its name in Persian and Arabic, which do not write Latin codes."""
    labels = {
        "en": QCoreApplication.translate("ArticleListPanel", "en", "an article's language"),
        "fa": QCoreApplication.translate("ArticleListPanel", "fa", "an article's language"),
        "ar": QCoreApplication.translate("ArticleListPanel", "ar", "an article's language"),
    }
    return labels.get(code, code)


class ArticleModel(QAbstractTableModel):
    """Rows of :class:`ArticleSummary`, fetched from the session a page at a time."""

    COLUMNS = ("id", "title", "language", "status")
    counted = Signal()  # rows were counted (more, or the same with ``more`` now known)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status: str | None = None
        self.query = ""
        self._count = session.count()
        self.more = False  # a filtered list has more rows than counted so far
        self._pages: dict[int, list[ArticleSummary]] = {}
        self._cells: dict[int, dict[int, tuple[object, ...]]] = {}
        # Each row shows one of a few labels: translated once per model, not per row.
        self._labels = (cache(language_label), cache(status_label))
        self._count_on = QTimer(self)  # counts on to COUNT_STEP once the list is shown
        self._count_on.setSingleShot(True)
        self._count_on.timeout.connect(self._counted_on)

    def set_filter(self, status: str | None, query: str, rows: int | None = None) -> None:
        """List the articles with ``status`` matching ``query``, counting no further than
        ``rows`` of them; without ``rows``, :data:`LIST_FIRST_COUNT` before the list shows
        and on to :data:`COUNT_STEP` right after (in the event loop's next turn)."""
        self._count_on.stop()
        self.beginResetModel()
        self.status, self.query = status, query.strip()
        self._pages.clear()
        self._cells.clear()
        first = min(LIST_FIRST_COUNT, COUNT_STEP) if rows is None else rows
        self._count, self.more = self._counted(first)
        self.endResetModel()
        if self.more and first < COUNT_STEP:
            self._count_on.start(0)

    def _counted_on(self) -> None:
        if self.more and self._count < COUNT_STEP:
            self._grow(COUNT_STEP)

    def reload(self) -> None:
        """Re-read rows (statuses changed, articles imported) keeping the filter, and as
        many rows counted as before (the list may be scrolled past the first step)."""
        self.set_filter(self.status, self.query, max(COUNT_STEP, self._count))

    def _counted(self, rows: int) -> tuple[int, bool]:
        if self.status is None and not self.query:
            return self.session.count(), False  # kept by the store: no count per call
        return self.session.count_at_most(rows, self.status, self.query or None)

    def cover(self, row: int) -> None:
        """Count on until ``row`` is listed (an article further down than counted yet)."""
        if self.more and row >= self._count:
            self._grow(row + LIST_FIRST_COUNT)  # the count goes on after (set_filter)

    def _grow(self, rows: int) -> None:
        count, more = self._counted(rows)
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count, self.more = count, more
            self.endInsertRows()
        else:
            self.more = more
        self.counted.emit()

    # Qt asks for more rows when the list is scrolled to its end.
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._grow(self._count + COUNT_STEP)

    def refresh_rows(self) -> None:
        """Statuses may have changed: forget cached pages and repaint."""
        self._pages.clear()
        self._cells.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 3))

    def set_status(self, article_id: str, status: str) -> None:
        """``article_id``'s status is now ``status``: repaint its row if it was read (a row
        not read yet is read as it is when it is shown)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.article_id == article_id:
                    page[offset] = replace(item, status=status)
                    row = number * LIST_PAGE + offset
                    self._cells.pop(row, None)
                    self.dataChanged.emit(self.index(row, 3), self.index(row, 3))
                    return

    def summary(self, row: int) -> ArticleSummary | None:
        if not 0 <= row < self._count:
            return None
        number = row // LIST_PAGE
        page = self._pages.get(number)
        if page is None:
            if len(self._pages) >= _PAGES_KEPT:
                oldest = next(iter(self._pages))
                del self._pages[oldest]
                for dropped in range(oldest * LIST_PAGE, (oldest + 1) * LIST_PAGE):
                    self._cells.pop(dropped, None)
            page = self.session.page(number * LIST_PAGE, LIST_PAGE, self.status,
                                     self.query or None)
            self._pages[number] = page
        offset = row - number * LIST_PAGE
        return page[offset] if offset < len(page) else None

    def row_of(self, article_id: str) -> int | None:
        return self.session.row_of(article_id, self.status, self.query or None)

    # -- Qt model interface ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def cells(self, row: int) -> dict[int, tuple[object, ...]] | None:
        """What row ``row`` shows, by role and column (built once per cached page)."""
        cells = self._cells.get(row)
        if cells is None:
            item = self.summary(row)
            if item is None:
                return None
            cells = self._cells[row] = _cells(item, *self._labels)
        return cells

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The list's painting does not come here (see list_delegate); tooltips, tests and
        # accessibility do.
        cells = self.cells(index.row()) if index.isValid() else None
        answer = None if cells is None else cells.get(role)
        return None if answer is None else answer[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Id"), self.tr("Title"), self.tr("Lang."), self.tr("My status"))[
                section]
        return None


_ALIGNED = {rtl: int((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                     | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            for rtl in (False, True)}


def _cells(item: ArticleSummary, language: Callable[[str], str] = language_label,
           status: Callable[[str], str] = status_label) -> dict[int, tuple[object, ...]]:
    """What the list shows of one article, by role and column (``language`` and
    ``status`` name the article's language and status)."""
    # A title reads in its own direction, whatever the interface's: a Latin title in the
    # Persian window starts on the left and is cut on the right ("…" there), a Persian one
    # in the English window the other way round (the mark keeps the "…" on that side).
    rtl = first_strong_is_rtl(item.title)
    if rtl is None:
        rtl = is_rtl(item.language)
    title_align = _ALIGNED[rtl]
    return {
        Qt.ItemDataRole.DisplayRole: (
            _LRM + item.article_id,  # ids read left to right, also in RTL
            (_RLM if rtl else _LRM) + item.title,
            language(item.language),
            status(item.status),
        ),
        Qt.ItemDataRole.ToolTipRole: (None, plain_tip(item.title), None, None),
        Qt.ItemDataRole.UserRole: (item.article_id,) * 4,
        Qt.ItemDataRole.TextAlignmentRole: (None, title_align, None, None),
    }


class ArticleListPanel(QWidget):
    """Search box, status filter, the list and "12 of 40 done"."""

    articleChosen = Signal(str)
    searchLeft = Signal()  # Esc in the search box: the focus goes back to the article

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit(placeholderText=self.tr("Search (any spelling)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self.search.setToolTip(plain_tip(self.tr(
            "Every word must occur, in any spelling: Arabic or Persian Yeh and Kaf, hamza, "
            "diacritics, digits; a compound joined, with a ZWNJ or with a space (آتش‌بس, "
            "آتش بس); گفت‌وگو or گفتگو; with or without the Arabic ال.\n"
            "\"two words\" or «two words»: a phrase, in this order.\n"
            "a OR b: either.  word*: words that start with it.\n"
            "Ctrl+F comes here; Esc clears the search and goes back to the article.")))
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # and Ctrl+F; not by Tab
        self.search.installEventFilter(self)
        self.filter = QComboBox()
        self.filter.setObjectName("statusFilter")
        self.filter.addItem(self.tr("All"), None)
        for status in STATUS_ORDER:
            self.filter.addItem(status_label(status), status)
        self.model = ArticleModel(session, self)
        # How many articles the search found ("10,000+" while not all are counted).
        self.matches = QLabel()
        self.matches.setObjectName("matchCount")
        self.matches.setTextFormat(Qt.TextFormat.PlainText)
        self.matches.hide()
        self.model.modelReset.connect(self._show_matches)
        self.model.rowsInserted.connect(self._show_matches)
        self.model.counted.connect(self._show_matches)
        self.offer_queue()
        self.view = QTableView()
        self.view.setObjectName("articleList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setWordWrap(False)
        self.view.setItemDelegate(RowDelegate(self.model, self.view, middle=frozenset({0}),
                                                recurring=frozenset({2, 3})))
        header = self.view.horizontalHeader()
        # The header would repaint its sections whenever the selected row changes (to mark
        # fully selected columns, which a list that selects rows never has): it gets a
        # selection model of its own that never changes.
        header.setHighlightSections(False)
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        # Widths from the few words these columns can hold: fitting them to the contents
        # would make Qt read a thousand rows from the project on every resize.
        cells, titles = self.view.fontMetrics(), header.fontMetrics()
        self._id_fitted = False
        self._fit_id_column()
        self.model.modelReset.connect(self._fit_id_column)
        columns = {2: ["other", *(language_label(code) for code in LANGUAGES)],
                   3: [status_label(s) for s in STATUS_ORDER]}
        for column, words in columns.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(titles.horizontalAdvance(title),
                        *(cells.horizontalAdvance(word) for word in words))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + 12)
        # Inside the list, over its empty rows: why there is nothing to show.
        self.empty_label = QLabel()
        self.empty_label.setObjectName("noArticleMatches")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)  # the query is data
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.hide()
        overlay = QVBoxLayout(self.view.viewport())
        overlay.addWidget(self.empty_label, 0, Qt.AlignmentFlag.AlignTop)
        self.model.modelReset.connect(self._show_why_empty)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        # As high as the style draws it whole (a lower bar is cut to a few pixels).
        self.progress.setFixedHeight(self.progress.minimumSizeHint().height())

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)
        # The count on a line of its own under the search: beside the box, in a list of
        # the window's default width, "Matches: 10,000+" was squeezed to "M".
        self.matches.setContentsMargins(4, 0, 4, 0)
        bottom = QHBoxLayout()
        # A few pixels off the window's edge: at the very edge, a right-to-left label lost
        # the first digit of "۰ of ۵ done" under a real window manager.
        bottom.setContentsMargins(4, 0, 4, 0)
        bottom.addWidget(self.progress_label)
        bottom.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.matches)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_filter)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self._quiet = False
        self.shown: str | None = None  # the article the window shows (last selected)
        self.update_progress()
        self._show_why_empty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
                and not event.modifiers()):
            self.leave_search()
            return True
        return super().eventFilter(watched, event)

    def offer_queue(self) -> None:
        """List "My queue" first, and show it, when this annotator has articles assigned
        (a lead's sample shared with them); without, the filter has no such entry.  Each
        sample has an entry too (:meth:`offer_samples`)."""
        self.offer_samples()
        has = self.session.has_queue()
        index = self.filter.findData(QUEUE)
        if has and index < 0:
            self.filter.insertItem(0, status_label(QUEUE), QUEUE)
            self.filter.setCurrentIndex(0)
            self.model.set_filter(QUEUE, self.search.text())
        elif not has and index >= 0:
            self.filter.removeItem(index)

    def offer_samples(self) -> None:
        """An entry of the filter for each sample (the lead's, or one synced from them),
        after the statuses: choosing it lists the sample's articles."""
        for sample in self.session.samples():
            scope = sample_filter(sample.name)
            if self.filter.findData(scope) < 0:
                self.filter.addItem(status_label(scope), scope)

    def show_scope(self, scope: str) -> None:
        """List only ``scope``'s articles (:data:`TRAINING`, a sample's filter): its entry
        of the filter (added if missing) becomes the current one."""
        index = self.filter.findData(scope)
        if index < 0:
            self.filter.addItem(status_label(scope), scope)
            index = self.filter.count() - 1
        self.filter.setCurrentIndex(index)

    def leave_search(self) -> None:
        """Clear the search (the whole list at once) and give the focus back."""
        if self.search.text():
            self.search.clear()
            self._apply_filter()
        self.searchLeft.emit()

    def _show_why_empty(self) -> None:
        """A line in the empty list saying why it is empty: no match, no such status, or
        no article at all."""
        model = self.model
        text = ""
        if model.rowCount() == 0:
            status = model.status
            if model.query and status:
                text = (self.tr("No article in “%2” matches “%1”.") if is_list_filter(status)
                        else self.tr("No article with the status “%2” matches “%1”.")
                        ).replace("%2", status_label(status))
            elif model.query:
                text = self.tr("No article matches “%1”.")
            elif status == QUEUE:
                text = self.tr("No article is assigned to you.")
            elif status and is_list_filter(status):  # a sample, the training set
                text = self.tr("No article in “%1”.").replace("%1", status_label(status))
            elif status:
                text = self.tr("No article has the status “%1”.").replace(
                    "%1", status_label(status))
            else:
                text = self.tr("No articles yet: File > Import articles… (Ctrl+I).")
            text = text.replace("%1", isolate(model.query))
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def _show_matches(self) -> None:
        """"Matches: 1,234" under the search box while a search is on ("10,000+" when
        the list has not counted them all), in the interface's digits."""
        model = self.model
        self.matches.setVisible(bool(model.query))
        count = number_text(model.rowCount()) + ("+" if model.more else "")
        self.matches.setText(self.tr("Matches: %1").replace("%1", count))

    def _fit_id_column(self) -> None:
        """The id column as wide as the ids of the first rows, up to :data:`_ID_CHARS`
        digits' width (longer ids are elided in the middle): the title takes the rest."""
        cells, header = self.view.fontMetrics(), self.view.horizontalHeader()
        ids = [str(self.model.data(self.model.index(row, 0)))
               for row in range(min(self.model.rowCount(), LIST_PAGE))]
        widest = max((cells.horizontalAdvance(i) for i in ids), default=0)
        limit = cells.horizontalAdvance("0" * _ID_CHARS)
        title = header.fontMetrics().horizontalAdvance(str(self.model.headerData(
            0, Qt.Orientation.Horizontal)))
        width = max(min(widest, limit), title) + 12
        if width > header.sectionSize(0) or not self._id_fitted:
            header.resizeSection(0, width)  # grows when longer ids come in, never shrinks
        self._id_fitted = True

    def _apply_filter(self) -> None:
        self._debounce.stop()
        current = self.current_id()
        self.model.set_filter(self.filter.currentData(), self.search.text())
        self.view.selectionModel().currentRowChanged.connect(self._row_changed,
                                                             Qt.ConnectionType.UniqueConnection)
        if current:
            self.select(current, emit=False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        article_id = self.model.data(current, Qt.ItemDataRole.UserRole)
        if isinstance(article_id, str):
            self.articleChosen.emit(article_id)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        value = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        return value if isinstance(value, str) else None

    def select(self, article_id: str, emit: bool = False, scroll: bool = True) -> None:
        """Show ``article_id`` as current (if the filter lists it); ``scroll`` to it."""
        self.shown = article_id
        row = self.model.row_of(article_id)
        if row is not None:
            self.model.cover(row)
        if row is None or row >= self.model.rowCount():
            self.view.clearSelection()
            return
        if self.model.data(self.model.index(row, 0), Qt.ItemDataRole.UserRole) != article_id:
            return  # filtered out
        self._quiet = not emit
        try:
            index = self.model.index(row, 1)
            self.view.setCurrentIndex(index)
            if scroll:
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._quiet = False

    def update_progress(self) -> None:
        """Count the annotator's progress again (at start, and after another window or
        command wrote): a scan of their statuses, never done per edit."""
        self._show_progress(*self.session.progress())

    def _show_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        self.progress_label.setText(self.tr("%1 of %2 done").replace("%1", number_text(done))
                                    .replace("%2", number_text(total)))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def show_edit(self, edit: Edit) -> None:
        """An edit made in this window: its article's row and the progress, if its status
        changed (tags alone change nothing the list shows)."""
        if not edit.status_changed or edit.annotator != self.session.annotator:
            return
        if self.model.status is not None:  # the article may join or leave the rows listed
            self.model.reload()
            if self.shown:
                self.select(self.shown)
        else:
            self.model.set_status(edit.article_id, edit.status_after)
        # The edit says how the count moves: no recount of every status per edit.
        done, total = self._progress
        self._show_progress(done + (edit.status_after in HANDLED)
                            - (edit.status_before in HANDLED), total)

    def reload_in_place(self) -> None:
        """Read the rows again after another window or command wrote (statuses, articles),
        keeping the filter, the current row and the scroll position: the analyst may be
        looking further down the list than the article shown."""
        model = self.model
        if model.status is None and not model.query and self.session.count() == model.rowCount():
            # The same rows in the same order (articles are only appended): repaint them.
            model.refresh_rows()
        else:
            bar = self.view.verticalScrollBar()
            top, current = bar.value(), self.current_id()
            model.reload()
            if current:
                self.select(current, scroll=False)
            bar.setValue(top)  # the reset moved it; a shorter list clamps it when laid out
        self.offer_samples()  # a command may have drawn one
        self.update_progress()
