"""The tag form's box for a text field (the note): an editor that saves itself.

It saves when the editor loses the focus, after a pause in typing (:data:`NOTE_DELAY_MS`),
or when the form flushes it (switching article, closing).  Typing is never lost to a refill:
text typed and not yet saved stays while the form shows an edit, or a change made
elsewhere, to the same article; the editor ignores the text changes its own refill makes.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

from annotator.core.codebook import Field
from annotator.core.session import ArticleView
from annotator.gui.field_box import FieldBox, FormHost

NOTE_DELAY_MS = 800  # a pause in typing this long saves the note


class NoteEdit(QPlainTextEdit):
    """A plain-text editor that says when it loses the keyboard focus."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focusLost.emit()


class NoteBox(FieldBox):
    """A text field: saved when the editor loses focus, after a pause in typing, or on
    :meth:`flush`.  Text typed but not yet saved is never overwritten by a refill."""

    def __init__(self, host: FormHost, field: Field, modifiers: str | None = None) -> None:
        super().__init__(host, field)  # no keys: digits typed here are text
        self.editor = NoteEdit(self)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("Reasons, doubts, other demands… (any language)"))
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 5 + 12)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.editor.focusLost.connect(self.flush)
        self.editor.textChanged.connect(self._typed)
        self.stored = ""
        self.pending_article: str | None = None  # the article that unsaved text belongs to
        self._filling = False

    @property
    def dirty(self) -> bool:
        return self.pending_article is not None

    def fill(self, view: ArticleView, force: bool = False) -> None:
        """Show the stored note; unsaved typing survives unless ``force``."""
        tags = view.field_tags(self.field.id)
        self.stored = next((t.value for t in tags if t.value), "") or ""
        if self.dirty and not force:
            return
        self.timer.stop()
        self.pending_article = None
        if self.editor.toPlainText() != self.stored:
            self._filling = True
            try:
                self.editor.setPlainText(self.stored)
            finally:
                self._filling = False

    def flush(self) -> None:
        """Save unsaved text now (nothing happens when there is none)."""
        self.timer.stop()
        article = self.pending_article
        if article is None:
            return
        text = self.editor.toPlainText()
        if text == self.stored or (not text.strip() and not self.stored):
            self.pending_article = None
            return
        value = text if text.strip() else None
        # Still pending while saving, so the refill that follows keeps the text on failure.
        if self.host.run_edit(
            lambda _current: self.host.session.set_choice(article, self.field.id, value)
        ):
            self.pending_article = None

    def _typed(self) -> None:
        if self._filling or self.host.article_id is None:
            return
        self.pending_article = self.host.article_id
        self.timer.start()
