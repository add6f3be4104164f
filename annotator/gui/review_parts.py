"""Pieces of the review view: the queue model, the evidence legend, one field's review box,
the annotators' notes and the comment thread.

None of these pieces writes anything: each shows what it is given and asks for changes by
signal; :class:`~annotator.gui.review_view.ReviewView` runs them through the project's
public review methods.  Every annotator has a fixed colour (their index among the project's
annotators picks it from :data:`PALETTE`), used for their evidence in the reader, their
swatch in the legend and their rows in each field's box.  Values are worded in the UI
language: categories by their label, participants by name and role, "none" for "coded,
none" and "—" for "not coded".
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Field
from annotator.core.i18n import join
from annotator.core.store import Tag
from annotator.core.store.review import Adjudication, Comment, Recheck, compared, difference
from annotator.gui.aim_button import AimButton
from annotator.gui.paragraphs import ParagraphsDelegate
from annotator.gui.texts import (
    button_text,
    display,
    field_tooltip,
    isolate,
    number_text,
    paragraphs_html,
    plain_tip,
    shorten,
    time_text,
)

# Hues far apart on the colour wheel (no red: it marks disagreement and bidi warnings).
PALETTE = (
    "#2563eb",  # blue
    "#ea580c",  # orange
    "#16a34a",  # green
    "#c026d3",  # magenta
    "#ca8a04",  # amber
    "#0891b2",  # cyan
    "#7c3aed",  # violet
    "#db2777",  # pink
)
NOT_CODED = "\u2014"  # —
_DISAGREE_HUE = QColor("#dc2626")
_DECIDED_HUE = QColor("#16a34a")
_LRI, _PDI = "\u2066", "\u2069"
Index = QModelIndex | QPersistentModelIndex
Key = tuple[object, ...]  # a value as the queue compares it (value, participant, role...)


def annotator_colour(index: int) -> QColor:
    """The fixed colour of the annotator at ``index`` among the project's annotators."""
    return QColor(PALETTE[index % len(PALETTE)])


def tone(colour: QColor, lightness: float) -> QColor:
    """``colour``'s hue at ``lightness`` (the reader tones evidence the same way)."""
    hue = colour.hslHueF()
    return QColor.fromHslF(max(hue, 0.0), max(colour.hslSaturationF(), 0.35), lightness)


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def swatch(colour: QColor, dark: bool, size: int = 14) -> QPixmap:
    """A small square in the tone the reader paints this colour's evidence with."""
    pixmap = QPixmap(size, size)
    pixmap.fill(tone(colour, 0.32 if dark else 0.74))
    painter = QPainter(pixmap)
    painter.setPen(QPen(tone(colour, 0.70 if dark else 0.40), 2))
    painter.drawRect(1, 1, size - 2, size - 2)
    painter.end()
    return pixmap


def ltr(text: str) -> str:
    """``text`` isolated left to right (times, ids) inside a possibly right-to-left line."""
    return _LRI + text + _PDI


def local_time(stamp: str) -> str:
    """A stored UTC time (``2024-06-01T10:00:00.000Z``) as local ``2024-06-01 12:00``, in
    the interface's digits, isolated left to right."""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return ltr(stamp)
    return time_text(moment)


def key_of(tag: Tag | Adjudication, field: Field | None = None) -> Key:
    """A value as review compares it: with its role, and its evidence where ``field``
    requires evidence (the queue's rule, :func:`~annotator.core.store.review.compared`)."""
    return compared(field, tag.value, tag.participant, tag.role, tag.span_start, tag.span_end)


class Words:
    """Tags and adjudicated values in words of the UI ``language``."""

    def __init__(self, language: str, names: Mapping[str, str]) -> None:
        self.language = language
        self.names = dict(names)  # participant id -> name in the language

    def name(self, participant_id: str) -> str:
        return self.names.get(participant_id, participant_id)

    def value(
        self,
        field: Field,
        value: str | None,
        participant: str | None = None,
        role: str | None = None,
    ) -> str:
        if value is None:
            return QCoreApplication.translate("review_parts", "none")
        if field.type == "participants":
            text = self.name(value)
            found = field.role(role) if role else None
            return f"{text} ({found.text(self.language)})" if found else text
        category = field.category(value)
        text = category.text(self.language) if category is not None else value
        if participant:
            text += f" ({self.name(participant)})"
        return text

    def values(self, field: Field, tags: Sequence[Tag | Adjudication]) -> list[tuple[Key, str]]:
        return [(key_of(t, field), self.value(field, t.value, t.participant, t.role))
                for t in tags]

    def keys(self, field: Field, keys: frozenset[Key]) -> str:
        """Values as a recheck holds them, worded (sorted; "—" for not coded)."""
        worded = sorted(self.value(field, key[0] if isinstance(key[0], str) else None,
                                   key[1] if isinstance(key[1], str) else None,
                                   key[2] if isinstance(key[2], str) else None)
                        for key in keys)
        return join(worded, self.language) if worded else NOT_CODED


# -- the legend ----------------------------------------------------------------------------
class Legend(QWidget):
    """The evidence legend: a coloured swatch and the name of each annotator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[str, QColor]] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def fill(self, entries: Sequence[tuple[str, QColor, int]]) -> None:
        """``entries``: annotator, colour, number of evidence passages."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.entries = [(name, colour) for name, colour, _count in entries]
        if not entries:
            return
        self._layout.addWidget(QLabel(self.tr("Evidence:")))
        dark = is_dark(self)
        for name, colour, count in entries:
            mark = QLabel()
            mark.setPixmap(swatch(colour, dark))
            label = QLabel(f"{isolate(name)} ({count})")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip(plain_tip(
                self.tr("%1 marked %2 evidence passage(s) in this article")
                .replace("%1", isolate(name))
                .replace("%2", number_text(count))
            ))
            self._layout.addWidget(mark)
            self._layout.addWidget(label)
            self._layout.addSpacing(8)
        self._layout.addStretch(1)


# -- one field ---------------------------------------------------------------------------
class AnnotatorRow:
    """One annotator's line in a field's review box (widgets in the group's grid)."""

    def __init__(
        self,
        group: FieldReview,
        number: int,
        annotator: str,
        colour: QColor,
        tags: Sequence[Tag],
        entries: Sequence[tuple[Key, str]],
        shared: set[Key],
    ) -> None:
        self.annotator = annotator
        self.tags = list(tags)
        self.name = QLabel(group)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setText(f"{number}  {isolate(annotator)}" if number <= 9 else annotator)
        self.swatch = QLabel(group)
        self.swatch.setPixmap(swatch(colour, is_dark(group)))
        self.values = QLabel(group)
        self.values.setWordWrap(True)
        self.values.setTextFormat(Qt.TextFormat.RichText)
        self.values.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values.setText(group.values_html(entries, shared))
        quotes = [f"«{shorten(t.quote)}»" for t in tags if t.quote]
        self.values.setToolTip(plain_tip("\n".join(quotes)))
        self.aim = AimButton(group)
        spans = [
            (t.span_start, t.span_end)
            for t in tags
            if t.span_start is not None and t.span_end is not None
        ]
        self.span = spans[0] if spans else None
        self.aim.setEnabled(self.span is not None)
        self.aim.setToolTip(
            plain_tip(QCoreApplication.translate(
                "FieldReview", "Show %1's evidence in the article"
            ).replace("%1", isolate(annotator)))
            if self.span
            else QCoreApplication.translate("FieldReview", "No evidence marked")
        )
        self.accept = QPushButton(QCoreApplication.translate("FieldReview", "Accept"), group)
        self.accept.setEnabled(bool(tags))
        self.accept.setToolTip(plain_tip(
            QCoreApplication.translate(
                "FieldReview", "Make %1's value the adjudicated one"
            ).replace("%1", isolate(annotator))
            + (
                f" (Ctrl+Shift+{number}: "
                + QCoreApplication.translate("FieldReview", "all disagreeing fields")
                + ")"
                if number <= 9
                else ""
            )
            if tags
            else QCoreApplication.translate(
                "FieldReview", "%1 did not code this field"
            ).replace("%1", isolate(annotator))
        ))

    def widgets(self) -> list[QWidget]:
        return [self.swatch, self.name, self.values, self.aim, self.accept]


class FieldReview(QGroupBox):
    """One codebook field: each annotator's value(s), the adjudication and the decisions."""

    acceptRequested = Signal(str)  # annotator
    otherRequested = Signal()
    clearRequested = Signal()
    evidenceRequested = Signal(int, int)

    def __init__(self, field: Field, words: Words, parent: QWidget | None = None) -> None:
        super().__init__(button_text(display(field.text(words.language), words.language)), parent)
        self.field, self.words = field, words
        self.setToolTip(field_tooltip(field, words.language))
        self.rows: dict[str, AnnotatorRow] = {}
        self.disagrees = False
        self.difference: str | None = None  # "values", "roles" or "evidence"
        self.decided = False
        self.recheck: Recheck | None = None  # the decision's basis changed since
        layout = QVBoxLayout(self)
        badges = QHBoxLayout()
        self.badge = QLabel(self.tr("disagree"))
        self.badge.setObjectName("disagreeBadge")
        self.decided_badge = QLabel("\u2713 " + self.tr("decided"))
        self.decided_badge.setObjectName("decidedBadge")
        self.recheck_badge = QLabel("! " + self.tr("changed since the decision"))
        self.recheck_badge.setObjectName("recheckBadge")
        self.recheck_badge.setToolTip(self.tr(
            "The annotators' values changed after this decision was made: decide again "
            "(accepting the same values again confirms it)"))
        for badge in (self.badge, self.decided_badge, self.recheck_badge):
            badges.addWidget(badge)
            badge.hide()
        badges.addStretch(1)
        layout.addLayout(badges)
        self.changes = QLabel()
        self.changes.setObjectName("recheckChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.changes.hide()
        layout.addWidget(self.changes)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(6)
        layout.addLayout(self.grid)
        adjudication_row = QHBoxLayout()
        self.adjudication = QLabel()
        self.adjudication.setWordWrap(True)
        self.adjudication.setTextFormat(Qt.TextFormat.RichText)
        self.adjudication.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(
            self.tr("Remove the adjudication (the annotators' values stay)")
        )
        self.clear_button.clicked.connect(self.clearRequested)
        adjudication_row.addWidget(self.adjudication, 1)
        adjudication_row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(adjudication_row)
        decide_row = QHBoxLayout()
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Reason for the decision (optional)"))
        self.comment.setClearButtonEnabled(True)
        self.other_button = QPushButton(self.tr("Set another value…"))
        self.other_button.setToolTip(self.tr("Choose the adjudicated value yourself"))
        self.other_button.clicked.connect(self.otherRequested)
        decide_row.addWidget(self.comment, 1)
        decide_row.addWidget(self.other_button)
        layout.addLayout(decide_row)

    def fill(
        self,
        annotators: Sequence[tuple[str, QColor]],
        tags: Mapping[str, Sequence[Tag]],
        adjudications: Sequence[Adjudication],
        recheck: Recheck | None = None,
    ) -> None:
        """Show each of ``annotators``' ``tags`` of this field and its ``adjudications``
        (``recheck``: the annotators' values changed since the decision)."""
        for row in self.rows.values():
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = {}
        sets = [frozenset(key_of(t, self.field) for t in tags.get(name, ()))
                for name, _colour in annotators]
        # The queue's rule: the annotators disagree when their sets of values differ, a
        # value compared with its participant and role (and evidence where required).
        self.difference = difference(self.field, sets)
        self.disagrees = self.difference is not None
        self.badge.setText({
            "roles": self.tr("roles differ"),
            "evidence": self.tr("evidence differs"),
        }.get(self.difference or "", self.tr("disagree")))
        self.recheck = recheck if adjudications else None
        shared = set(frozenset.intersection(*sets)) if sets else set()
        for number, (name, colour) in enumerate(annotators, start=1):
            mine = list(tags.get(name, ()))
            row = AnnotatorRow(
                self, number, name, colour, mine, self.words.values(self.field, mine), shared
            )
            row.accept.clicked.connect(lambda _=False, n=name: self.acceptRequested.emit(n))
            row.aim.clicked.connect(
                lambda _=False, r=row: r.span and self.evidenceRequested.emit(*r.span)
            )
            for column, widget in enumerate(row.widgets()):
                align = Qt.AlignmentFlag.AlignTop
                self.grid.addWidget(widget, number - 1, column, align)
            self.rows[name] = row
        self._show_adjudication(
            adjudications,
            {name: frozenset(key_of(t, self.field) for t in tags.get(name, ()))
             for name, _ in annotators},
        )
        self.badge.setVisible(self.disagrees)
        self.decided_badge.setVisible(self.decided and self.recheck is None)
        self.recheck_badge.setVisible(self.recheck is not None)
        self.changes.setText(self._changes_text())
        self.changes.setVisible(self.recheck is not None)
        self._apply_style()

    def _changes_text(self) -> str:
        """What changed since the decision: each annotator's values then and now."""
        if self.recheck is None:
            return ""
        if not self.recheck.changed:  # a decision made before bases were kept
            return self.tr("The annotators' tags of this field changed after the decision.")
        lines = [self.tr("Since the decision:")]
        for name, then, now in self.recheck.changed:
            lines.append(
                self.tr("%1: %2 → %3")
                .replace("%1", isolate(name))
                .replace("%2", isolate(self.words.keys(self.field, then)))
                .replace("%3", isolate(self.words.keys(self.field, now)))
            )
        return "\n".join(lines)

    def values_html(self, entries: Sequence[tuple[Key, str]], shared: set[Key]) -> str:
        """One value a line; values not every annotator chose in the disagreement colour."""
        if not entries:
            return f'<span style="color:{self._muted()}">{NOT_CODED}</span>'
        colour = tone(_DISAGREE_HUE, 0.72 if is_dark(self) else 0.40).name()
        lines = []
        for key, text in entries:
            shown = html.escape(isolate(text))
            if self.disagrees and key not in shared:
                shown = f'<span style="color:{colour}">{shown}</span>'
            lines.append(shown)
        return "<br>".join(lines)

    def _show_adjudication(
        self, adjudications: Sequence[Adjudication], by_annotator: Mapping[str, frozenset[Key]]
    ) -> None:
        self.decided = bool(adjudications)
        self.clear_button.setEnabled(self.decided)
        if not adjudications:
            self.adjudication.setText(
                f'<span style="color:{self._muted()}">'
                + html.escape(self.tr("Adjudication: not decided"))
                + "</span>"
            )
        else:
            worded = self.words.values(self.field, adjudications)
            values = ", ".join(html.escape(isolate(text)) for _key, text in worded)
            first = max(adjudications, key=lambda a: a.updated_at)
            who = (
                self.tr("%1, %2")
                .replace("%1", isolate(first.reviewer))
                .replace("%2", local_time(first.updated_at))
            )
            if first.source_annotator:
                who += " · " + self.tr("from %1").replace("%1", isolate(first.source_annotator))
            text = (
                html.escape(self.tr("Adjudication:"))
                + f" <b>{values}</b><br>"
                + f'<span style="color:{self._muted()}">{html.escape(who)}</span>'
            )
            if first.comment:  # the reason, each line in its own direction
                text += paragraphs_html(first.comment, italic=True)
            self.adjudication.setText(text)
        chosen = frozenset(key_of(a, self.field) for a in adjudications)
        source = adjudications[0].source_annotator if adjudications else None
        for name, row in self.rows.items():
            if (adjudications and name == source and by_annotator.get(name) == chosen
                    and self.recheck is None):
                row.accept.setText(self.tr("Accepted"))
                row.accept.setEnabled(False)

    def _muted(self) -> str:
        return (
            self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
        )

    def _apply_style(self) -> None:
        dark = is_dark(self)
        open_ = (self.disagrees and not self.decided) or self.recheck is not None
        hue = _DISAGREE_HUE if open_ else _DECIDED_HUE
        badge_style = (
            "QLabel {{ background: {bg}; color: {fg}; border-radius: 7px; "
            "padding: 1px 8px; font-weight: bold; }}"
        )
        for badge, colour in ((self.badge, _DISAGREE_HUE), (self.decided_badge, _DECIDED_HUE),
                              (self.recheck_badge, _DISAGREE_HUE)):
            badge.setStyleSheet(
                badge_style.format(
                    bg=tone(colour, 0.30 if dark else 0.90).name(),
                    fg=tone(colour, 0.85 if dark else 0.30).name(),
                )
            )
        if not (self.disagrees or self.decided):
            self.setStyleSheet("")
            return
        # Only the frame is styled; the title keeps its place above it (mirrored in RTL).
        border = tone(hue, 0.55 if dark else 0.50).name()
        fill = tone(hue, 0.16 if dark else 0.97).name()
        self.setStyleSheet(
            f"FieldReview {{ border: 2px solid {border}; border-radius: 6px; "
            f"background: {fill}; margin-top: 1.4ex; padding-top: 1.2ex; }}"
            "FieldReview::title { subcontrol-origin: margin; "
            "subcontrol-position: top left; left: 8px; padding: 0 3px; }"
        )


# -- notes and comments ------------------------------------------------------------------
class NotesBox(QGroupBox):
    """The annotators' notes (text fields), read-only."""

    def __init__(
        self, fields: Sequence[Field], words: Words, parent: QWidget | None = None
    ) -> None:
        title = ", ".join(display(f.text(words.language), words.language) for f in fields)
        super().__init__(button_text(title), parent)
        self.fields, self.words = list(fields), words
        self.labels: dict[str, QLabel] = {}
        self._layout = QGridLayout(self)
        self._layout.setColumnStretch(1, 1)

    def fill(self, annotators: Sequence[str], tags: Mapping[str, Sequence[Tag]]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.labels = {}
        ids = {f.id for f in self.fields}
        for row, name in enumerate(annotators):
            notes = [t.value for t in tags.get(name, ()) if t.field in ids and t.value]
            who = QLabel(isolate(name) + ":")
            who.setTextFormat(Qt.TextFormat.PlainText)
            text = QLabel("\n".join(notes) if notes else NOT_CODED)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setEnabled(bool(notes))
            self._layout.addWidget(who, row, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addWidget(text, row, 1)
            self.labels[name] = text


class CommentThread(QGroupBox):
    """The article's comments (author, time, text) and a box to add one."""

    commentAdded = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Comments"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Each line of a comment in its own direction (a Persian comment right to left in
        # the English window); items wrap again when the list is resized.
        self.list.setItemDelegate(ParagraphsDelegate(self.list))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(
            self.tr("Write a comment for the other annotators… (Ctrl+Enter adds it)")
        )
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 2 + 14)
        self.add_button = QPushButton(self.tr("Add comment"))
        self.add_button.clicked.connect(self._add)
        shortcut = QShortcut(self.editor)
        shortcut.setKeys([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self._add)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def fill(self, comments: Sequence[Comment]) -> None:
        self.list.clear()
        for comment in comments:
            head = f"{isolate(comment.author)} · {local_time(comment.created_at)}"
            item = QListWidgetItem(f"{head}\n{comment.text}")
            item.setToolTip(plain_tip(comment.text))
            self.list.addItem(item)
        if not comments:
            item = QListWidgetItem(self.tr("No comments yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self.setTitle(
            self.tr("Comments (%1)").replace("%1", number_text(len(comments)))
            if comments
            else self.tr("Comments")
        )
        self.list.scrollToBottom()

    def _add(self) -> None:
        text = self.editor.toPlainText().strip()
        if text:
            self.commentAdded.emit(text)
