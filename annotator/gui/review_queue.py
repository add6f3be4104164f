"""The review queue: articles coded by several annotators, with filters.

:class:`QueuePanel` holds the filters (one field, one pair of annotators, "not yet
adjudicated") above the table and reports the article the reviewer picks; the
:class:`~annotator.gui.review_view.ReviewView` reads the queue from the project and hands
it over.  The table is a light model over the queue's items, so long queues stay quick.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from annotator.core.codebook import Codebook
from annotator.core.store.review import ReviewItem
from annotator.gui.texts import display, first_strong_is_rtl, isolate, plain_tip

Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    """The review queue: article, title, disagreements, annotators, adjudicated mark."""

    def __init__(self, labels: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = dict(labels)  # field id -> label in the UI language
        self.items: list[ReviewItem] = []

    def set_items(self, items: Sequence[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_of(self, article_id: str | None) -> int | None:
        return next(
            (row for row, item in enumerate(self.items) if item.article_id == article_id), None
        )

    def item(self, row: int) -> ReviewItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def find(self, article_id: str | None) -> ReviewItem | None:
        row = self.row_of(article_id)
        return None if row is None else self.items[row]

    @staticmethod
    def pending(item: ReviewItem) -> list[str]:
        """Fields to decide: undecided disagreements and decisions to look at again."""
        return list(item.pending)

    def mark(self, item: ReviewItem) -> str:
        if item.recheck:  # a decision whose annotators' values changed since
            return "!"
        if not item.disagreements:
            return ""
        done = len([f for f in item.disagreements if f in item.adjudicated])
        return (
            "\u2713"
            if done == len(item.disagreements)
            else (f"{done}/{len(item.disagreements)}" if done else "")
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        rtl_title = first_strong_is_rtl(item.title) is True
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "\u200e" + item.article_id,  # ids read left to right, also in RTL
                ("\u200f" if rtl_title else "") + item.title,
                str(len(item.disagreements)),
                ", ".join(item.annotators),
                self.mark(item),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return plain_tip(item.title)
            if column in (2, 4):
                lines = [
                    self.tr("Disagree on: %1").replace(
                        "%1", self._names(item.disagreements) or self.tr("nothing")
                    )
                ]
                roles = [f for f in item.disagreements if item.differences.get(f) == "roles"]
                if roles:
                    lines.append(self.tr("Roles differ on: %1").replace("%1", self._names(roles)))
                evidence = [f for f in item.disagreements
                            if item.differences.get(f) == "evidence"]
                if evidence:
                    lines.append(self.tr("Evidence differs on: %1")
                                 .replace("%1", self._names(evidence)))
                done = [f for f in item.disagreements if f in item.adjudicated]
                if done:
                    lines.append(self.tr("Adjudicated: %1").replace("%1", self._names(done)))
                if item.recheck:
                    lines.append(self.tr("Changed since the decision, to decide again: %1")
                                 .replace("%1", self._names(item.recheck)))
                return plain_tip("\n".join(lines))
            if column == 3:
                return plain_tip("\n".join(item.annotators))
        if role == Qt.ItemDataRole.UserRole:
            return item.article_id
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and item.recheck:
            return QColor("#dc2626")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4):
            # The title has none: OwnDirection aligns it to its own text's start.
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _names(self, fields: Sequence[str]) -> str:
        return ", ".join(self.labels.get(f, f) for f in fields)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Article"), self.tr("Title"), "\u2260", self.tr("Annotators"), "\u2713"
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                None,
                None,
                self.tr("Number of fields the annotators disagree on"),
                None,
                self.tr("Adjudicated: \u2713 all disagreements, 1/2 some; "
                        "! a decision to look at again"),
            )[section]
        return None


class MiddleElide(QStyledItemDelegate):
    """Elides in the middle (ids: their start and end tell them apart)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class OwnDirection(QStyledItemDelegate):
    """Lays a cell out in its text's direction, not the interface's: a Persian or Arabic
    title in the English window starts on the right and is cut at its end, on the left
    ("…" there); a Latin title in the Persian window starts on the left, cut on the right.

    Qt lays a cell out in the view's direction; a right-to-left title in a left-to-right
    view was cut at the wrong end and its words ran left to right.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        rtl = first_strong_is_rtl(option.text)  # type: ignore[attr-defined]
        if rtl is not None:
            option.direction = (Qt.LayoutDirection.RightToLeft if rtl  # type: ignore[attr-defined]
                                else Qt.LayoutDirection.LeftToRight)
            # The leading side of the text's own direction (Qt mirrors "left" for RTL).
            option.displayAlignment = (Qt.AlignmentFlag.AlignLeft  # type: ignore[attr-defined]
                                       | Qt.AlignmentFlag.AlignVCenter)


class QueuePanel(QWidget):
    """Filters above the queue table and the number of articles under it."""

    articleChosen = Signal(str)
    filtersChanged = Signal()

    def __init__(self, codebook: Codebook, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fields = [f for f in codebook.fields if f.type != "text"]
        self.field_filter = QComboBox()
        self.field_filter.addItem(self.tr("All fields"), None)
        for field in fields:
            self.field_filter.addItem(display(field.text(language), language), field.id)
        self.field_filter.setToolTip(self.tr("Count only disagreements on this field"))
        self.pair_filter = QComboBox()
        self.pair_filter.setToolTip(self.tr("Compare only these two annotators"))
        self.pending_check = QCheckBox(self.tr("Not yet adjudicated"))
        self.pending_check.setToolTip(
            self.tr("Hide articles whose disagreements are all adjudicated (decisions to "
                    "look at again stay)")
        )
        for box in (self.field_filter, self.pair_filter):
            # As narrow as a short label: a long field label must not widen the queue.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        self.model = QueueModel({f.id: f.text(language) for f in fields}, self)
        self.table = QTableView()
        self.table.setObjectName("reviewQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setItemDelegateForColumn(0, MiddleElide(self.table))
        self.table.setItemDelegateForColumn(1, OwnDirection(self.table))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((0, 7 * em), (3, 7 * em)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.count_label = QLabel()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Field:")), 0, 0)
        layout.addWidget(self.field_filter, 0, 1)
        layout.addWidget(QLabel(self.tr("Annotators:")), 1, 0)
        layout.addWidget(self.pair_filter, 1, 1)
        layout.addWidget(self.pending_check, 2, 0, 1, 2)
        layout.addWidget(self.table, 3, 0, 1, 2)
        layout.addWidget(self.count_label, 4, 0, 1, 2)
        layout.setColumnStretch(1, 1)
        self._selecting = False
        self.field_filter.activated.connect(lambda _index: self.filtersChanged.emit())
        self.pair_filter.activated.connect(lambda _index: self.filtersChanged.emit())
        self.pending_check.toggled.connect(lambda _on: self.filtersChanged.emit())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    @property
    def field(self) -> str | None:
        return self.field_filter.currentData()

    @property
    def pair(self) -> tuple[str, str] | None:
        return self.pair_filter.currentData()

    @property
    def pending_only(self) -> bool:
        return self.pending_check.isChecked()

    def set_annotators(self, names: Sequence[str]) -> None:
        """Offer each pair of ``names`` (keeping the pair chosen, if it is still there)."""
        pair = self.pair
        self.pair_filter.clear()
        self.pair_filter.addItem(self.tr("All annotators"), None)
        for first, second in combinations(names, 2):
            self.pair_filter.addItem(f"{isolate(first)} \u2194 {isolate(second)}", (first, second))
        self.pair_filter.setCurrentIndex(max(self.pair_filter.findData(pair) if pair else 0, 0))

    def set_items(self, items: Sequence[ReviewItem], current: str | None) -> None:
        self.model.set_items(items)
        self.count_label.setText(self.tr("%n article(s) in the queue", "", len(items)))
        self.select(current)

    def select(self, article_id: str | None) -> None:
        """Make ``article_id``'s row current (no row when it is not listed), silently."""
        row = self.model.row_of(article_id)
        self._selecting = True
        try:
            if row is None:
                self.table.clearSelection()
            else:
                index = self.model.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
        finally:
            self._selecting = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current.row())
        if not self._selecting and item is not None:
            self.articleChosen.emit(item.article_id)
