"""One undo history for everything a window changes: tagging edits and review decisions.

A window's coding session and its review session share one :class:`UndoStack`, so that
undo takes back the last change of either kind, in the order they were made, and redo
makes it again.  Each entry is a change record (an
:class:`~annotator.core.session.Edit`, a
:class:`~annotator.core.review_session.ReviewChange`) with the function of the session
that made it which restores one side of it; undoing or redoing returns the record of what
that restore changed, so the views refresh from it as from any other change.

A restore that would overwrite what another window or command wrote since raises
:class:`UndoConflict`; the entry is then dropped and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from annotator.core.errors import AnnotatorError


class Change(Protocol):
    """What every change record names: a label and the article it concerns."""

    @property
    def label(self) -> str: ...

    @property
    def article_id(self) -> str: ...


Restore = Callable[[Any, bool], Any]  # (record, backwards) -> the record of the restore


class UndoConflict(AnnotatorError):
    """An undo or redo would overwrite what another window or command wrote since."""

    def __init__(self, edit: Change, undoing: bool, what: str) -> None:
        self.edit, self.undoing = edit, undoing
        super().__init__(
            f"{edit.article_id}: {what} was changed by another window or command since; "
            f"{'undo' if undoing else 'redo'} of '{edit.label}' dropped, nothing changed"
        )


class UndoStack:
    """Change records in the order they were made, each with its restore."""

    def __init__(self) -> None:
        self._undo: list[tuple[Change, Restore]] = []
        self._redo: list[tuple[Change, Restore]] = []

    def push(self, record: Change, restore: Restore) -> None:
        """A new change: it can be undone; what was undone before can no longer be redone."""
        self._undo.append((record, restore))
        self._redo.clear()

    def undo(self) -> Any:
        """Restore what the last change replaced; the record of that restore (None: none)."""
        if not self._undo:
            return None
        record, restore = self._undo.pop()
        done = restore(record, True)  # an UndoConflict drops the entry
        self._redo.append((record, restore))
        return done

    def redo(self) -> Any:
        """Make the last undone change again; the record of that (None: nothing undone)."""
        if not self._redo:
            return None
        record, restore = self._redo.pop()
        done = restore(record, False)
        self._undo.append((record, restore))
        return done

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def next_undo(self) -> Any:
        """The record the next undo takes back (None: nothing to undo)."""
        return self._undo[-1][0] if self._undo else None

    def next_redo(self) -> Any:
        return self._redo[-1][0] if self._redo else None
