"""The review view: the disagreement queue, the article with every annotator's evidence,
the annotators' values side by side, adjudication and the article's comment thread.

Left, the queue (articles coded by two or more annotators, most disagreement first) with
filters for one field, one pair of annotators and "not yet adjudicated".  Centre, the
article in its own :class:`~annotator.gui.reader.Reader` with each annotator's evidence in
their colour, a legend above it and the comment thread below.  Right, one box per codebook
field (text fields are shown read-only at the end): each annotator's values, the adjudication
with reviewer and time, and the decisions: accept one annotator's values, set another value,
clear.  With a pair filter the field boxes show that pair only.

Every decision goes through a :class:`~annotator.core.review_session.ReviewSession`, which
signs it with the reviewer's name; the annotators' own tags are never touched.  After each
one the view emits :attr:`ReviewView.adjudicated` with the change record.  An article
adjudicated while "Not yet adjudicated" is on stays listed (marked ✓) until the queue is
filtered again, so the reviewer is not moved.

Keyboard: Up/Down in the queue; Alt+Down / Alt+Up the next / previous article in the queue
from anywhere in the view (the view takes these keys before the window's own shortcuts);
Ctrl+Shift+1…9 accept annotator 1…9's values (the numbers shown before the names) for
every field on which the annotators disagree or whose decision is to be looked at again;
Ctrl+Shift+N goes to the next article with something to decide (a disagreement, a role
or evidence disagreement included, without a decision, or a decision whose annotators'
values changed since); Ctrl+Enter in the comment box adds the comment.  Undo and redo
are the window's: decisions and comments share its history with tagging.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import join
from annotator.core.review_session import ReviewChange, ReviewSession
from annotator.core.store import Article, Tag
from annotator.core.store.review import AdjudicatedValue, Adjudication
from annotator.gui.keys import digit_keys
from annotator.gui.reader import Reader
from annotator.gui.review_dialog import AdjudicationDialog, Choice, adjudicated_values
from annotator.gui.review_parts import (
    CommentThread,
    FieldReview,
    Legend,
    NotesBox,
    Words,
    annotator_colour,
)
from annotator.gui.review_queue import QueueModel, QueuePanel
from annotator.gui.splitter import Splitter
from annotator.gui.texts import error_message, isolate, number_text

_STEP_KEYS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}


def _step_of(event: QEvent) -> int | None:
    """1 for Alt+Down, -1 for Alt+Up (the keypad's arrows too), else None."""
    if not isinstance(event, QKeyEvent):
        return None
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers != Qt.KeyboardModifier.AltModifier:
        return None
    return _STEP_KEYS.get(event.key())


class ReviewView(QWidget):
    """Review and adjudication for ``session``'s annotator (the reviewer), in ``language``."""

    adjudicated = Signal(object)  # the ReviewChange of each decision
    changed = Signal(object)  # the ReviewChange of each decision and comment made here

    def __init__(
        self,
        review: ReviewSession,
        language: str = "en",
        font_family: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.review = review
        self.language = language
        self.codebook = review.codebook
        self.current: str | None = None
        self.annotators: tuple[str, ...] = ()  # the current article's, in the queue's order
        self.value_dialog: AdjudicationDialog | None = None
        self._tags: dict[str, dict[str, list[Tag]]] = {}  # annotator -> field -> tags
        self._project_annotators: list[str] = []  # fixes each one's colour
        self.words = Words(language, {})

        # Left: filters and the queue (the panel's widgets are named here for the window).
        self.queue_panel = QueuePanel(self.codebook, language)
        self.queue = self.queue_panel.table
        self.queue_model = self.queue_panel.model
        self.field_filter = self.queue_panel.field_filter
        self.pair_filter = self.queue_panel.pair_filter
        self.pending_check = self.queue_panel.pending_check

        # Centre: legend, reader, comments.
        self.legend = Legend()
        self.reader = Reader(font_family)
        self.comments = CommentThread()
        centre_top = QWidget()
        centre_layout = QVBoxLayout(centre_top)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.legend)
        centre_layout.addWidget(self.reader, 1)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(centre_top)
        centre.addWidget(self.comments)
        centre.setStretchFactor(0, 4)
        centre.setStretchFactor(1, 1)
        centre.setSizes([640, 200])

        # Right: one box per field, then the notes.
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.field_reviews: dict[str, FieldReview] = {}
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.message)
        details_layout.addWidget(self.summary)
        for field in self.codebook.fields:
            if field.type == "text":
                continue
            group = FieldReview(field, self.words)
            group.acceptRequested.connect(lambda name, f=field.id: self.accept(f, name))
            group.otherRequested.connect(lambda f=field.id: self.choose_other(f))
            group.clearRequested.connect(lambda f=field.id: self.clear_adjudication(f))
            group.evidenceRequested.connect(self.reader.select_span)
            self.field_reviews[field.id] = group
            details_layout.addWidget(group)
        text_fields = [f for f in self.codebook.fields if f.type == "text"]
        self.notes = NotesBox(text_fields, self.words) if text_fields else None
        if self.notes is not None:
            details_layout.addWidget(self.notes)
        details_layout.addStretch(1)
        self.details = details
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(320)

        self.splitter = Splitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue_panel)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([400, 540, 500])
        self._split_fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self.shortcuts: list[QShortcut] = []
        for number in range(1, 10):
            shortcut = QShortcut(self)
            shortcut.setKeys(digit_keys(number, "Ctrl+Shift+"))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setAutoRepeat(False)
            shortcut.activated.connect(lambda n=number: self.accept_all_from(n))
            self.shortcuts.append(shortcut)
        following = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        following.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        following.activated.connect(self.next_disagreement)
        self.shortcuts.append(following)
        self.next_shortcut = following

        self.queue_panel.filtersChanged.connect(self._filters_changed)
        self.queue_panel.articleChosen.connect(self._chosen)
        self.comments.commentAdded.connect(self.add_comment)
        self.refresh()

    # -- the queue -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the queue again (after a merge or an import), keeping the current article
        when it is still listed (else the first one)."""
        self._project_annotators = self.review.annotators()
        self.words.names = {p.id: p.text(self.language) for p in self.review.participants()}
        self.queue_panel.set_annotators(self._project_annotators)
        self._load_queue()
        self._keep_or_first()

    def refresh_from_elsewhere(self) -> None:
        """Another window or command wrote (tags, decisions, comments): read the queue and
        the article shown again.  The reviewer stays where they are: the current article
        stays listed, as after a decision of their own, and the filters, a reason being
        typed and a comment being written are kept."""
        annotators = self.review.annotators()
        if annotators != self._project_annotators[: len(annotators)]:
            # Someone new came in: new pairs to offer (the pair chosen is kept).
            self._project_annotators = annotators
            self.queue_panel.set_annotators(annotators)
        self.words.names = {p.id: p.text(self.language) for p in self.review.participants()}
        self._load_queue(sticky=True)
        self._keep_or_first()

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) article in the queue."""
        rows = self.queue_model.rowCount()
        row = self.queue_model.row_of(self.current)
        target = 0 if row is None else row + direction
        if rows and 0 <= target < rows:
            item = self.queue_model.item(target)
            if item is not None:
                self.open_article(item.article_id)
                self.show_message("")
        elif rows:
            self.show_message(
                self.tr("This is the last article in the queue.")
                if direction > 0
                else self.tr("This is the first article in the queue.")
            )

    def next_disagreement(self) -> str | None:
        """The next article in the queue (after the current one, then from the top) with a
        field still to decide: a disagreement without a decision (roles and evidence
        included) or a decision to look at again.  Its id, or None when there is none."""
        items = self.queue_model.items
        row = self.queue_model.row_of(self.current)
        start = -1 if row is None else row
        order = [*range(start + 1, len(items)), *range(0, start + 1)]
        for index in order:
            item = items[index]
            if QueueModel.pending(item) and item.article_id != self.current:
                self.open_article(item.article_id)
                self.show_message("")
                return item.article_id
        self.show_message(self.tr("No other article in the queue has a disagreement to decide."))
        return None

    def _filters_changed(self) -> None:
        self._load_queue()
        self._keep_or_first()

    def _load_queue(self, sticky: bool = False) -> None:
        panel = self.queue_panel
        items = self.review.queue(panel.field, panel.pair)
        if panel.pending_only:
            # Just adjudicated, the current article stays until the queue is filtered again.
            keep = self.current if sticky else None
            items = [i for i in items if QueueModel.pending(i) or i.article_id == keep]
        panel.set_items(items, self.current)

    def _keep_or_first(self) -> None:
        if self.current is not None and self.queue_model.row_of(self.current) is not None:
            self.open_article(self.current)
            return
        first = self.queue_model.item(0)
        if first is not None:
            self.open_article(first.article_id)
        else:
            self._show_nothing()

    def _chosen(self, article_id: str) -> None:
        if article_id != self.current:
            self.open_article(article_id)

    # -- the article ---------------------------------------------------------------------
    def open_article(self, article_id: str) -> None:
        """Show ``article_id``: text and evidence, the annotators' values, the adjudications
        and comments."""
        try:
            article = self.review.article(article_id)
        except AnnotatorError as exc:
            self.show_message(error_message(exc, self.language), error=True)
            return
        if article_id != self.current:
            self.show_message("")
        item = self.queue_model.find(article_id)
        tags = self.review.tags(article_id)
        if item is not None:
            annotators = item.annotators
        else:
            pair = self.queue_panel.pair
            annotators = tuple(
                sorted({t.annotator for t in tags if pair is None or t.annotator in pair})
            )
        self.current, self.annotators = article_id, tuple(annotators)
        self._tags = {name: {} for name in self.annotators}
        for tag in tags:
            if tag.annotator in self._tags:
                self._tags[tag.annotator].setdefault(tag.field, []).append(tag)
        self._show(article)
        self.queue_panel.select(article_id)

    def colour(self, annotator: str) -> QColor:
        """``annotator``'s colour: fixed by their place among the project's annotators."""
        if annotator not in self._project_annotators:
            self._project_annotators.append(annotator)
        return annotator_colour(self._project_annotators.index(annotator))

    def _show(self, article: Article) -> None:
        coloured = [(name, self.colour(name)) for name in self.annotators]
        evidence: list[tuple[int, int, QColor]] = []
        legend: list[tuple[str, QColor, int]] = []
        for name, colour in coloured:
            spans = [
                (t.span_start, t.span_end)
                for field in self._tags[name].values()
                for t in field
                if t.span_start is not None and t.span_end is not None
            ]
            evidence.extend((start, end, colour) for start, end in spans)
            legend.append((name, colour, len(spans)))
        self.reader.show_article(article, (), evidence)
        self.legend.fill(legend)
        adjudications: dict[str, list[Adjudication]] = {}
        for adjudication in self.review.adjudications(article.article_id):
            adjudications.setdefault(adjudication.field, []).append(adjudication)
        rechecks = self.review.rechecks(article.article_id)
        for field_id, group in self.field_reviews.items():
            group.fill(
                coloured,
                {n: self._tags[n].get(field_id, []) for n in self.annotators},
                adjudications.get(field_id, []),
                rechecks.get((article.article_id, field_id)),
            )
        if self.notes is not None:
            self.notes.fill(
                self.annotators,
                {n: [t for f in self._tags[n].values() for t in f] for n in self.annotators},
            )
        self.comments.fill(self.review.comments(article.article_id))
        self.details.setEnabled(True)
        self.comments.setEnabled(True)
        disagreeing = [g for g in self.field_reviews.values() if g.disagrees]
        decided = [g for g in disagreeing if g.decided and g.recheck is None]
        again = [g for g in self.field_reviews.values() if g.recheck is not None]
        names = join((isolate(name) for name in self.annotators), self.language)
        if disagreeing:
            state = (
                self.tr("%1 of %2 disagreeing field(s) adjudicated")
                .replace("%1", number_text(len(decided)))
                .replace("%2", number_text(len(disagreeing)))
            )
        else:
            state = self.tr("The annotators agree on every field.")
        if again:  # a sentence of its own
            state += ("" if state.endswith(".") else ".") + " " + self.tr(
                "%n decision(s) to look at again: the annotators' values changed since.",
                "", len(again))
        self.summary.setText(
            self.tr("Annotators: %1. %2").replace("%1", names).replace("%2", state)
        )

    def _show_nothing(self) -> None:
        self.current, self.annotators, self._tags = None, (), {}
        self.reader.clear()
        self.legend.fill([])
        for group in self.field_reviews.values():
            group.fill([], {}, [])
        if self.notes is not None:
            self.notes.fill([], {})
        self.comments.fill([])
        self.details.setEnabled(False)
        self.comments.setEnabled(False)
        self.summary.setText(
            self.tr(
                "No article to review: articles coded by two or more "
                "annotators appear here (merge colleagues' files first)."
            )
        )

    # -- decisions -----------------------------------------------------------------------
    def accept(self, field_id: str, annotator: str) -> bool:
        """Make ``annotator``'s values of ``field_id`` the adjudicated ones."""
        return self._decide(
            field_id,
            lambda article, comment: self.review.accept(article, field_id, annotator, comment),
        )

    def adjudicate(self, field_id: str, values: Sequence[AdjudicatedValue]) -> bool:
        """Make ``values`` the adjudicated values of ``field_id`` (the reviewer's own choice)."""
        return self._decide(
            field_id,
            lambda article, comment: self.review.adjudicate(article, field_id, values, comment),
        )

    def clear_adjudication(self, field_id: str) -> bool:
        """Remove the adjudication of ``field_id`` (back to undecided)."""
        return self._decide(
            field_id,
            lambda article, _comment: self.review.clear(article, field_id)
        )

    def accept_all_from(self, number: int) -> int:
        """Accept annotator ``number``'s (1-based) values for every disagreeing field."""
        if not 1 <= number <= len(self.annotators) or self.current is None:
            return 0
        name = self.annotators[number - 1]
        fields = [f for f, g in self.field_reviews.items()
                  if g.disagrees or g.recheck is not None]
        coded = [f for f in fields if self._tags[name].get(f)]
        try:
            change = self.review.accept_all(self.current, coded, name)
        except AnnotatorError as exc:  # nothing accepted: one transaction
            self.show_message(error_message(exc, self.language), error=True)
            return 0
        else:
            skipped = len(fields) - len(coded)
            text = self.tr("Accepted %1's values for %n field(s).", "", len(coded)).replace(
                "%1", name
            )
            if skipped:
                text += " " + self.tr(
                    "%n field(s) not coded by %1 left as they were.", "", skipped
                ).replace("%1", name)
            self.show_message(text)
        if coded:
            self._after_decision(change)
        return len(coded)

    def choose_other(self, field_id: str) -> AdjudicationDialog | None:
        """Open the dialog to set a value of the reviewer's own (kept in :attr:`value_dialog`)."""
        if self.current is None:
            return None
        field = self.codebook.field(field_id)
        current: list[Choice] = [
            (a.value, a.role) for a in self.review.adjudications(self.current, field_id)
        ]
        offered: dict[str, str | None] = {}
        if field.type == "participants":
            for name in self.annotators:
                for tag in self._tags[name].get(field_id, []):
                    if tag.value is not None:
                        offered.setdefault(tag.value, tag.role)
        dialog = AdjudicationDialog(
            field,
            self.words,
            self.review.participants(),
            list(dict.fromkeys(current)),
            offered,
            self,
        )
        article = self.current
        dialog.accepted.connect(lambda: self._dialog_accepted(article, field_id, dialog))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.value_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_accepted(self, article: str, field_id: str, dialog: AdjudicationDialog) -> None:
        if article == self.current:
            earlier = self.review.adjudications(article, field_id)
            coded = [t for name in self.annotators for t in self._tags[name].get(field_id, [])]
            self.adjudicate(field_id, adjudicated_values(dialog.choice(), earlier, coded))

    def _dialog_closed(self, dialog: AdjudicationDialog) -> None:
        if self.value_dialog is dialog:
            self.value_dialog = None
        dialog.deleteLater()

    def _decide(self, field_id: str,
                change: Callable[[str, str | None], ReviewChange]) -> bool:
        if self.current is None:
            return False
        group = self.field_reviews.get(field_id)
        comment = (group.comment.text().strip() or None) if group is not None else None
        try:
            record = change(self.current, comment)
        except AnnotatorError as exc:
            self.show_message(error_message(exc, self.language), error=True)
            return False
        if group is not None:
            group.comment.clear()
        self.show_message("")
        self._after_decision(record)
        return True

    def _after_decision(self, change: ReviewChange) -> None:
        self._load_queue(sticky=True)
        if change.article_id == self.current:
            self.open_article(change.article_id)
        self.adjudicated.emit(change)
        self.changed.emit(change)

    def show_change(self, change: ReviewChange) -> None:
        """A decision or comment was undone or redone (or made elsewhere in this window):
        read the queue again and show the article it concerns."""
        self._load_queue(sticky=True)
        self.open_article(change.article_id)  # listed or not (a filter may hide it)

    # -- comments ------------------------------------------------------------------------
    def add_comment(self, text: str) -> bool:
        """Add ``text`` to the current article's thread, signed by the reviewer."""
        if self.current is None:
            return False
        try:
            change = self.review.add_comment(self.current, text)
        except AnnotatorError as exc:
            self.show_message(error_message(exc, self.language), error=True)
            return False
        self.comments.editor.clear()
        if change.article_id == self.current:
            self.comments.fill(self.review.comments(self.current))
        self.changed.emit(change)
        return True

    # -- messages and keys ---------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        """One line above the field boxes; errors are marked ⚠."""
        self.message.setText(("\u26a0 " if error and text else "") + text)
        self.message.setVisible(bool(text))

    def event(self, event: QEvent) -> bool:
        # Alt+Up/Down mean "previous/next in the queue" anywhere in the view, even where the
        # window maps them to its own navigation or the focused widget would move its cursor:
        # claim them before shortcuts are matched, and take the key press from the focused
        # widget (see eventFilter).
        if event.type() == QEvent.Type.ShortcutOverride and _step_of(event) is not None:
            focus = QApplication.focusWidget()
            if focus is not None and (focus is self or self.isAncestorOf(focus)):
                focus.installEventFilter(self)
            event.accept()
            return True
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            direction = _step_of(event)
            if direction is not None:
                self.step(direction)
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._split_fitted:
            # Shown the first time, at the window's width: share it (the queue's titles
            # and the comparison keep their room on a 1024-pixel screen too).
            self._split_fitted = True
            width = self.splitter.width()
            queue = min(max(round(width * 0.28), 230), 420)
            details = min(max(round(width * 0.34), 320), 500)
            centre = width - 2 * self.splitter.handleWidth() - queue - details
            self.splitter.setSizes([queue, max(centre, 200), details])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if (
            event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
            and getattr(self, "current", None) is not None
        ):
            self.open_article(self.current)  # swatches and highlights follow light/dark
