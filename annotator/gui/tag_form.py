"""The tag form: one article's tags for every codebook field, edited through the session.

The form is built from the codebook, by field type only (:data:`BOX_KINDS`), and each kind's
box owns how it shows its field: a single-choice field becomes radio buttons
(:mod:`~annotator.gui.single_box`), a multiple-choice field checkboxes with "None reported"
and, when ``with_participant``, a participant per value
(:mod:`~annotator.gui.multiple_box`), the participants field a list with roles, suggestions
and a search box (:mod:`~annotator.gui.participant_box`), a text field a note that saves
itself (:mod:`~annotator.gui.note_box`).  The form only tells each box which keys it takes.
Every change goes through the :class:`~annotator.core.session.Session` (never SQL), whose
change record (:class:`~annotator.core.session.Edit`) the form shows, refilling only the
boxes of the field it names, and then emits (:attr:`TagForm.edited`); an undo or redo made
elsewhere in the window comes back through :meth:`TagForm.show_edit` the same way.  The
form also keeps the *evidence target*, the tag the analyst touched last, to which
:meth:`TagForm.attach_evidence` gives a quoted passage.  It never navigates: "Done and
next" and "Skip" are signals.

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
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Field
from annotator.core.errors import AnnotatorError
from annotator.core.session import ArticleView, Edit, Session
from annotator.core.store import Tag
from annotator.gui.field_box import FieldBox, TargetKey
from annotator.gui.multiple_box import MultipleFieldBox
from annotator.gui.note_box import NoteBox
from annotator.gui.participant_box import ParticipantsBox
from annotator.gui.single_box import SingleFieldBox
from annotator.gui.texts import error_message, isolate, shorten
from annotator.gui.wrapped_label import WrappedLabel

BOX_KINDS: dict[str, type[SingleFieldBox | MultipleFieldBox | ParticipantsBox | NoteBox]] = {
    "single": SingleFieldBox,
    "multiple": MultipleFieldBox,
    "participants": ParticipantsBox,
    "text": NoteBox,
}
"""The box for each field type (a type not listed gets a note)."""


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
    registryRequested = Signal(str)  # a participant to correct in the registry

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
        self.boxes: list[FieldBox] = []
        self.participants_field: Field | None = next(
            (f for f in self.codebook.fields if f.type == "participants"), None
        )

        # Only what a resize newly exposes is painted: the next article makes the form
        # taller or shorter (the participants found in it, a demand's participant menu),
        # and without this every box in view was painted again on every article; a box
        # that moves or changes still paints itself.  (The form paints nothing of its own
        # but its plain background, so a change of width, right to left too, is safe.)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)  # it usually sits in a narrow scroll area
        evidence_row = QHBoxLayout()
        self.evidence_label = WrappedLabel()
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        # Two lines kept even for a one-line text: the boxes below do not jump (and are not
        # all laid out and painted again) when the next article's evidence line is longer.
        self.evidence_label.setMinimumHeight(2 * self.evidence_label.fontMetrics().lineSpacing())
        self.remove_evidence_button = QToolButton()
        self.remove_evidence_button.setText(self.tr("Remove evidence"))
        self.remove_evidence_button.setToolTip(self.tr("Remove the evidence of this tag"))
        self.remove_evidence_button.clicked.connect(self._remove_evidence)
        evidence_row.addWidget(self.evidence_label, 1)
        evidence_row.addWidget(self.remove_evidence_button)
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
        # The keys each box takes: plain digits the ordered scale (the stance), Alt+digits
        # the next single-choice field, Ctrl+digits the first multiple-choice field (the
        # demands), Alt+P the participants' suggestions.
        keys = {id(field): modifiers for field, modifiers in (
            (ordered, ""), (other, "Alt+"), (multiple, "Ctrl+"), (self.participants_field, "Alt+"),
        ) if field is not None}
        for field in fields:
            box = BOX_KINDS.get(field.type, NoteBox)(self, field, keys.get(id(field)))
            self.boxes.append(box)
            layout.addWidget(box)
        self.single_boxes = [b for b in self.boxes if isinstance(b, SingleFieldBox)]
        self.multiple_boxes = [b for b in self.boxes if isinstance(b, MultipleFieldBox)]
        self.participant_boxes = [b for b in self.boxes if isinstance(b, ParticipantsBox)]
        self.note_boxes = [b for b in self.boxes if isinstance(b, NoteBox)]

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
        the boxes of its field (and the participant menus, which list those tagged),
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
            self.show_message(error_message(exc, self.language), error=True)
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

    def open_registry(self, participant_id: str) -> None:
        self.registryRequested.emit(participant_id)

    def participants_to_offer(self, view: ArticleView) -> tuple[list[str], list[str]]:
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
            self.show_message(error_message(exc, self.language), error=True)
            return
        self._fill(view)

    def _fill(self, view: ArticleView, force_note: bool = False) -> None:
        self.view = view
        self._filling = True
        try:
            for box in self.boxes:
                if isinstance(box, NoteBox):
                    box.fill(view, force=force_note)
                else:
                    box.fill(view)
            self._show_status(view.status)
        finally:
            self._filling = False
        self._update_evidence()

    def _boxes_showing(self, field_id: str) -> list[FieldBox]:
        """The boxes that show ``field_id``'s tags: its own, and for the participants field
        also the boxes whose participant menus list the participants tagged."""
        boxes = [box for box in self.boxes if box.field.id == field_id]
        if self.participants_field is not None and field_id == self.participants_field.id:
            boxes += [box for box in self.multiple_boxes if box.participant_menus]
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
        self.remove_evidence_button.setVisible(tag is not None and tag.has_span)
        if tag is None:
            self.evidence_label.setText(
                self.tr("Evidence: choose a value, then select its passage in the article.")
            )
            return
        what = isolate(self._describe(tag))
        if tag.has_span:
            quote = isolate(f"«{shorten(tag.quote or '')}»")
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

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        # A closing window hides the form: unsaved note text is saved then at the latest.
        self.flush()
        super().hideEvent(event)
