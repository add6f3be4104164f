"""The tag form: one article's tags for every codebook field, edited through the session.

The form is built from the codebook, by field type only: a single-choice field becomes radio
buttons, a multiple-choice field checkboxes (with "None reported" and, when attributable, who
voiced each value), the participants field a list with roles, suggestions and a search box
(:mod:`annotator.gui.participant_box`), a text field a note that saves itself.  Every change
goes through the :class:`~annotator.core.session.Session` (never SQL), whose change record
(:class:`~annotator.core.session.Edit`) the form shows, refilling only the boxes of the field
it names, and then emits (:attr:`TagForm.edited`); an undo or redo made elsewhere in the
window comes back through :meth:`TagForm.show_edit` the same way.  The form also keeps the
*evidence target*, the tag the analyst touched last, to which :meth:`TagForm.attach_evidence`
gives a quoted passage.  It never navigates: "Done and next" and "Skip" are signals.

Keyboard (window-wide, but not while typing in a text box, which takes plain keys first):
1…9 the ordered single-choice field's scale (0 its off-scale value, e.g. "unclear"),
Alt+1…9 the next single-choice field, Ctrl+1…9 the first multiple-choice field's first nine
values and Ctrl+0 its "None reported", Alt+P the participant suggestions.  Persian and
Arabic-Indic digits, the keypad and Alt+ح work too, so a Persian or Arabic keyboard layout
needs no switch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Field
from annotator.core.errors import AnnotatorError
from annotator.core.session import ArticleView, Edit, Session
from annotator.core.store import Tag
from annotator.gui.field_boxes import MultipleFieldBox, NoteBox, SingleFieldBox
from annotator.gui.form_parts import TargetKey, shorten
from annotator.gui.participant_box import ParticipantsBox
from annotator.gui.wrapped_label import WrappedLabel

_ISOLATE = "\u2068{}\u2069"  # FSI … PDI: a name or quote keeps its own direction in a label
_Box = SingleFieldBox | MultipleFieldBox | ParticipantsBox | NoteBox


def digit_keys(digit: int, modifiers: str = "") -> list[QKeySequence]:
    """``modifiers`` + ``digit`` as typed on a Latin, Persian or Arabic layout or the keypad."""
    chars = (str(digit), chr(0x06F0 + digit), chr(0x0660 + digit))
    return [QKeySequence(modifiers + char) for char in chars] + [
        QKeySequence(modifiers + "Num+" + str(digit))
    ]


def _key_label(digit: int, modifiers: str = "") -> str:
    # Isolated left-to-right (LRI ... PDI), so "Ctrl+1" does not turn into "1+Ctrl" in a
    # right-to-left label.
    native = QKeySequence(modifiers + str(digit)).toString(QKeySequence.SequenceFormat.NativeText)
    return "\u2066" + native + "\u2069" if modifiers else native


def _same_text(a: str, b: str) -> bool:
    """Equal up to what Qt does to a selection (U+2029 for line ends, NBSP as a space)."""
    table = str.maketrans({"\u2029": "\n", "\u2028": "\n", "\xa0": " "})
    return a.translate(table) == b.translate(table)


class TagForm(QWidget):
    """The tags of one article for ``session``'s annotator, labelled in ``language``."""

    edited = Signal(object)  # the Edit of every session edit the form made, once shown
    jumpToEvidence = Signal(int, int)  # code-point span of the chosen tag's evidence
    doneAndNext = Signal()
    skipRequested = Signal()

    def __init__(
        self, session: Session, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.language = language
        self.codebook = session.codebook
        self.view: ArticleView | None = None
        self._target: TargetKey | None = None
        self._filling = False
        self._registry: dict[str, str] = {}  # participant id -> name in the language
        self.single_boxes: list[SingleFieldBox] = []
        self.multiple_boxes: list[MultipleFieldBox] = []
        self.participant_boxes: list[ParticipantsBox] = []
        self.note_boxes: list[NoteBox] = []
        self.shortcuts: list[QShortcut] = []
        self.participants_field: Field | None = next(
            (f for f in self.codebook.fields if f.type == "participants"), None
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)  # it usually sits in a narrow scroll area
        evidence_row = QHBoxLayout()
        self.evidence_label = WrappedLabel()
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        # Two lines kept even for a one-line text: the boxes below do not jump (and are not
        # all laid out and painted again) when the next article's evidence line is longer.
        self.evidence_label.setMinimumHeight(2 * self.evidence_label.fontMetrics().lineSpacing())
        self.unquote_button = QToolButton()
        self.unquote_button.setText(self.tr("Remove quote"))
        self.unquote_button.setToolTip(self.tr("Remove the evidence of this tag"))
        self.unquote_button.clicked.connect(self._remove_evidence)
        evidence_row.addWidget(self.evidence_label, 1)
        evidence_row.addWidget(self.unquote_button)
        layout.addLayout(evidence_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self._build_fields(layout)
        layout.addStretch(1)

        status_row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Leave this article uncoded and go to the next"))
        self.skip_button.clicked.connect(self.skipRequested)
        self.done_button = QPushButton(self.tr("Done and next"))
        self.done_button.setToolTip(self.tr("Mark this article done and go to the next"))
        self.done_button.clicked.connect(self.doneAndNext)
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.skip_button)
        status_row.addWidget(self.done_button)
        layout.addLayout(status_row)

        self._load_registry()
        self._update_evidence()
        self.setEnabled(False)  # no article yet: no shortcuts either

    # -- building ----------------------------------------------------------------------
    def _build_fields(self, layout: QVBoxLayout) -> None:
        fields = self.codebook.fields
        ordered = next((f for f in fields if f.type == "single" and f.ordered), None)
        other = next((f for f in fields if f.type == "single" and f is not ordered), None)
        multiple = next((f for f in fields if f.type == "multiple"), None)
        for field in fields:
            if field.type == "single":
                digits, modifiers = {}, ""
                if field is ordered:
                    digits = self._digits(field, ordered=True)
                elif field is other:
                    digits, modifiers = self._digits(field, ordered=False), "Alt+"
                single = SingleFieldBox(
                    self, field, {cid: _key_label(d, modifiers) for cid, d in digits.items()}
                )
                for cid, digit in digits.items():
                    self._shortcut(
                        digit_keys(digit, modifiers), lambda box=single, c=cid: box.choose(c)
                    )
                self.single_boxes.append(single)
                layout.addWidget(single)
            elif field.type == "multiple":
                ids = [c.id for c in field.active_categories][:9] if field is multiple else []
                labels = [_key_label(n, "Ctrl+") for n in range(1, len(ids) + 1)]
                many = MultipleFieldBox(
                    self, field, labels, _key_label(0, "Ctrl+") if field is multiple else ""
                )
                for number, cid in enumerate(ids, start=1):
                    self._shortcut(
                        digit_keys(number, "Ctrl+"), lambda box=many, c=cid: box.toggle(c)
                    )
                if field is multiple:
                    self._shortcut(digit_keys(0, "Ctrl+"), many.none_check.click)
                self.multiple_boxes.append(many)
                layout.addWidget(many)
            elif field.type == "participants":
                people = ParticipantsBox(self, field)
                if field is self.participants_field:
                    # ح is where P is on the Persian and Arabic keyboard layouts.
                    keys = [QKeySequence("Alt+P"), QKeySequence("Alt+\u062d")]
                    self._shortcut(keys, self._focus_suggestions)
                self.participant_boxes.append(people)
                layout.addWidget(people)
            else:
                note = NoteBox(self, field)
                self.note_boxes.append(note)
                layout.addWidget(note)

    @staticmethod
    def _digits(field: Field, ordered: bool) -> dict[str, int]:
        """Category id -> digit: the scale 1…9 and 0 for the first off-scale value of an
        ordered field; 1…9 in order otherwise."""
        active = field.active_categories
        if not ordered:
            return {c.id: n for n, c in enumerate(active[:9], start=1)}
        digits = {c.id: n for n, c in enumerate([c for c in active if c.scale][:9], start=1)}
        off_scale = next((c for c in active if not c.scale), None)
        if off_scale is not None:
            digits[off_scale.id] = 0
        return digits

    def _shortcut(self, keys: list[QKeySequence], slot: Callable[[], object]) -> None:
        shortcut = QShortcut(self)
        shortcut.setKeys(keys)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(slot)
        self.shortcuts.append(shortcut)

    # -- the article -------------------------------------------------------------------
    @property
    def article_id(self) -> str | None:
        """The article shown, or None before the first :meth:`show_article`."""
        return self.view.article.article_id if self.view else None

    def show_article(self, view: ArticleView) -> None:
        """Show ``view``'s tags; records nothing (a pending note is saved first)."""
        self.flush()
        if view.article.article_id != self.article_id:
            self._target = None
            self.show_message("")
        self._load_registry()
        self._fill(view, force_note=True)
        self.setEnabled(True)

    def refresh(self, view: ArticleView | None = None) -> None:
        """Re-read the article's tags from the session (after undo/redo, a registry change
        or another window's write), or show ``view`` of the same article, read already.
        A note being typed and not yet saved is kept, and so are the focus and the
        evidence target: this is no switch of article."""
        if self.view is None:
            return
        self._load_registry()
        if view is not None and view.article.article_id == self.article_id:
            self._fill(view)
        else:
            self._reload()

    def flush(self) -> None:
        """Save any note text that is waiting for its typing pause, now."""
        for note in self.note_boxes:
            note.flush()

    def evidence_target(self) -> Tag | None:
        """The tag that :meth:`attach_evidence` would give evidence to, if any."""
        if self.view is None or self._target is None:
            return None
        field_id, value = self._target
        for tag in self.view.field_tags(field_id):
            if tag.value is not None and value in (None, tag.value):
                return tag
        return None

    def attach_evidence(self, start: int, end: int, quote: str = "") -> None:
        """Give the evidence target the passage ``start``-``end`` (code points) of the body."""
        if self.view is None:
            return
        tag = self.evidence_target()
        if tag is None:
            self.show_message(self.tr("Choose a stance, demand or participant first"), error=True)
            return
        body = self.view.article.body
        if quote and 0 <= start < end <= len(body) and not _same_text(body[start:end], quote):
            self.show_message(
                self.tr("The selection does not match the article text; select the passage again."),
                error=True,
            )
            return
        self.run_edit(lambda _article: self.session.update_tag(tag, "evidence", span=(start, end)))

    def show_edit(self, edit: Edit) -> None:
        """Show what ``edit`` changed, if it concerns the article shown and this annotator:
        the boxes of its field (and the voice menus, which list the participants tagged),
        the status, the evidence line.  Nothing is read again."""
        view = self.view
        if (view is None or edit.article_id != view.article.article_id
                or edit.annotator != self.session.annotator):
            return
        tags = view.tags
        if edit.field:
            # In the order the session reads them (by tag id), as a fresh view would hold.
            kept = [t for t in view.tags if t.field != edit.field]
            tags = tuple(sorted((*kept, *edit.after), key=lambda t: t.tag_id))
        self.view = replace(view, tags=tags, status=edit.status_after)
        self._filling = True
        try:
            if edit.tags_changed:
                for box in self._boxes_showing(edit.field):
                    box.fill(self.view)
            if edit.status_changed:
                self._show_status(edit.status_after)
        finally:
            self._filling = False
        self._update_evidence()

    # -- what the boxes use (FormHost) -------------------------------------------------
    def run_edit(self, change: Callable[[str], Edit | Sequence[Edit]],
                 target: TargetKey | None = None) -> bool:
        """Run ``change(article_id)`` (session edits); show and emit each record; errors go
        to the message line (and the form reads the article again)."""
        if self._filling or self.view is None:
            return False
        try:
            made = change(self.view.article.article_id)
        except AnnotatorError as exc:
            self.show_message(str(exc), error=True)
            self._reload()
            return False
        if target is not None:
            self._target = target
        self.show_message("")
        for edit in [made] if isinstance(made, Edit) else made:
            self.show_edit(edit)
            self.edited.emit(edit)
        self._update_evidence()
        return True

    def aim(self, target: TargetKey, jump: bool = False) -> None:
        self._target = target
        self.show_message("")
        self._update_evidence()
        tag = self.evidence_target()
        if jump and tag is not None and tag.span_start is not None and tag.span_end is not None:
            self.jumpToEvidence.emit(tag.span_start, tag.span_end)

    def participant_name(self, participant_id: str) -> str:
        return self._registry.get(participant_id, participant_id)

    def attribution_choices(self, view: ArticleView) -> tuple[list[str], list[str]]:
        if self.participants_field is None:
            return [], []
        tagged = [v for v in view.values(self.participants_field.id) if v]
        return tagged, [p for p, _count in view.suggestions if p not in tagged]

    def show_message(self, text: str, error: bool = False) -> None:
        """One line under the evidence label; errors are marked ⚠."""
        self.message.setText(("\u26a0 " if error and text else "") + text)
        self.message.setVisible(bool(text))

    # -- internals ---------------------------------------------------------------------
    def _load_registry(self) -> None:
        participants = self.session.participants()
        self._registry = {p.id: p.text(self.language) for p in participants}
        for box in self.participant_boxes:
            box.set_registry(participants)

    def _reload(self) -> None:
        if self.view is None:
            return
        try:
            view = self.session.view(self.view.article.article_id)
        except AnnotatorError as exc:
            self.show_message(str(exc), error=True)
            return
        self._fill(view)

    def _fill(self, view: ArticleView, force_note: bool = False) -> None:
        self.view = view
        self._filling = True
        try:
            for box in (*self.single_boxes, *self.multiple_boxes, *self.participant_boxes):
                box.fill(view)
            for note in self.note_boxes:
                note.fill(view, force=force_note)
            self._show_status(view.status)
        finally:
            self._filling = False
        self._update_evidence()

    def _boxes_showing(self, field_id: str) -> list[_Box]:
        """The boxes that show ``field_id``'s tags: its own, and for the participants field
        also the boxes whose voice menus list the participants tagged."""
        every: list[_Box] = [*self.single_boxes, *self.multiple_boxes,
                             *self.participant_boxes, *self.note_boxes]
        boxes = [box for box in every if box.field.id == field_id]
        if self.participants_field is not None and field_id == self.participants_field.id:
            boxes += [box for box in self.multiple_boxes if box.voices]
        return boxes

    def _show_status(self, status: str) -> None:
        words = {
            "not_started": self.tr("not started"),
            "in_progress": self.tr("in progress"),
            "done": self.tr("done"),
            "skipped": self.tr("skipped"),
        }
        self.status_label.setText(self.tr("Status: %1").replace("%1", words.get(status, status)))

    def _describe(self, tag: Tag) -> str:
        try:
            field = self.codebook.field(tag.field)
        except AnnotatorError:
            return tag.field
        value = tag.value or ""
        category = field.category(value)
        if field.type == "participants":
            value = self.participant_name(value)
        elif category is not None:
            value = category.text(self.language)
        return f"{field.text(self.language)}: {value}"

    def _update_evidence(self) -> None:
        tag = self.evidence_target()
        self.unquote_button.setVisible(tag is not None and tag.has_span)
        if tag is None:
            self.evidence_label.setText(
                self.tr("Evidence: choose a value, then select its passage in the article.")
            )
            return
        what = _ISOLATE.format(self._describe(tag))
        if tag.has_span:
            quote = _ISOLATE.format(f"«{shorten(tag.quote or '')}»")
            text = self.tr("Evidence for: %1 — %2").replace("%1", what).replace("%2", quote)
        else:
            text = self.tr("Evidence for: %1 (no passage yet)").replace("%1", what)
        self.evidence_label.setText(text)

    def _remove_evidence(self) -> None:
        tag = self.evidence_target()
        if tag is not None:
            self.run_edit(
                lambda _article: self.session.update_tag(tag, "remove evidence", span=None)
            )

    def _focus_suggestions(self) -> None:
        if not self.participant_boxes:
            return
        box = self.participant_boxes[0]
        box.focus_suggestions()
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        focused = self.focusWidget()
        if scroll is not None and focused is not None:
            scroll.ensureWidgetVisible(focused)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # A closing window hides the form: unsaved note text is saved then at the latest.
        self.flush()
        super().hideEvent(event)
