"""Long work from the window without freezing it: importing articles, merging files,
syncing with a team folder.

Each worker opens its own connection to the project file (SQLite connections belong to
one thread).  Cancelling an import stops between files; batches already stored stay
stored, each having been one transaction.  A merge is one transaction: all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import message_of
from annotator.core.intake.options import ImportOptions
from annotator.core.store import open_project
from annotator.core.store.merge import MergeSummary, UnknownValuesError


class _Cancelled(Exception):
    pass


@dataclass
class ImportSummary:
    added: int = 0
    already_present: int = 0
    problems: list[str] = field(default_factory=list)  # translatable ("path:line: why")
    notices: list[str] = field(default_factory=list)  # translatable: converted, near-duplicates
    cancelled: bool = False
    error: str | None = None  # translatable (a core error's message) or "Type: text"


class ImportWorker(QThread):
    """Imports ``sources`` into the project at ``project_path``."""

    progressed = Signal(int, int, str, int)  # files done, files in all, file name, articles
    compacting = Signal(int, int)  # steps of merging the search index taken, expected
    done = Signal(object)  # ImportSummary

    def __init__(self, project_path: Path, sources: list[str],
                 options: ImportOptions | None = None) -> None:
        super().__init__()
        self.project_path = project_path
        self.sources = sources
        self.options = options or ImportOptions()
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        # Imported here: the corpus readers are not needed until an import starts.
        from annotator.core.intake.importer import import_paths, summary_lines

        summary = ImportSummary()

        def progress(done: int, total: int, path: Path, articles: int) -> None:
            self.progressed.emit(done, total, path.name, articles)
            if self._cancel:
                raise _Cancelled

        def compacting(step: int, steps: int) -> bool:
            # The articles are stored by now: Cancel stops the merging, not the import.
            self.compacting.emit(step, steps)
            return not self._cancel

        try:
            with open_project(self.project_path, create=False) as project:
                result = import_paths(project, self.sources, progress,
                                      options=self.options, compacting=compacting)
            summary.added = len(result.added)
            summary.already_present = len(result.already_present)
            summary.problems = [p.message() for p in result.problems]
            summary.notices = summary_lines(result)
        except _Cancelled:
            summary.cancelled = True
        except AnnotatorError as exc:
            summary.error = message_of(exc)
        except Exception as exc:  # never let a thread die silently
            summary.error = f"{type(exc).__name__}: {exc}"
        self.done.emit(summary)


@dataclass
class MergeStopped:
    """A merge that stopped at a file holding values our codebook does not know.

    The files before it are merged (``merged``); nothing of ``remaining[0]`` (the file
    refused) nor of the files after it is.  The window asks, then merges ``remaining``
    again with the first one accepted.
    """

    merged: list[MergeSummary]
    refused: UnknownValuesError
    remaining: list[str]


class MergeWorker(QThread):
    """Merges colleagues' project files into the project at ``project_path``.

    A file in ``accepted`` is merged even with values our codebook does not know; any
    other such file stops the worker with a :class:`MergeStopped`.
    """

    done = Signal(object)  # list of MergeSummary, a MergeStopped, or an error message
    compacting = Signal(int, int)  # steps of merging the search index taken, expected
    merging = Signal(int, int)  # a file's merge begins: its number (from 0), files in all

    def __init__(self, project_path: Path, files: list[str],
                 accepted: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.project_path = project_path
        self.files = files
        self.accepted = accepted

    def run(self) -> None:
        summaries: list[MergeSummary] = []
        try:
            with open_project(self.project_path, create=False) as project:
                for number, other in enumerate(self.files):
                    self.merging.emit(number, len(self.files))
                    try:
                        summaries.append(project.merge.from_file(
                            other, accept_unknown=other in self.accepted,
                            compacting=self._compacting))
                    except UnknownValuesError as exc:
                        self.done.emit(MergeStopped(summaries, exc, self.files[number:]))
                        return
        except AnnotatorError as exc:
            self.done.emit(message_of(exc))  # translatable: shown in the interface language
            return
        except Exception as exc:  # never let a thread die silently
            self.done.emit(f"{type(exc).__name__}: {exc}")
            return
        self.done.emit(summaries)

    def _compacting(self, step: int, steps: int) -> bool:
        self.compacting.emit(step, steps)
        return True  # a merge cannot be cancelled, nor its last step


class UpdateWorker(QThread):
    """Opens the project at ``project_path`` once and closes it again: a project of an
    older version is backed up and brought up to date on the way (minutes for a large
    one), off the window's thread.  ``error`` holds the failure's message (translatable),
    if any; the window then opens the project itself, finding nothing left to do."""

    def __init__(self, project_path: Path) -> None:
        super().__init__()
        self.project_path = project_path
        self.error: str | None = None

    def run(self) -> None:
        try:
            with open_project(self.project_path, create=False, allow_read_only=True):
                pass
        except AnnotatorError as exc:
            self.error = message_of(exc)
        except Exception as exc:  # never let a thread die silently
            self.error = f"{type(exc).__name__}: {exc}"


class BackupWorker(QThread):
    """Backs up the project when it opens, without holding up the window."""

    done = Signal(str)  # the backup's path, or "error: ..." when it failed

    def __init__(self, project_path: Path, reason: str = "open") -> None:
        super().__init__()
        self.project_path = project_path
        self.reason = reason
        self.error: str | None = None  # the failure's message, translatable (a signal's
        # str would lose that)

    def run(self) -> None:
        from annotator.core.store.backups import backup

        try:
            made = backup(self.project_path, self.reason,
                          only_if_changed=self.reason == "open")
            self.done.emit(str(made))
        except AnnotatorError as exc:
            self.error = message_of(exc)
            self.done.emit(f"error: {exc}")
        except Exception as exc:  # a backup must never stop the work
            self.done.emit(f"error: {type(exc).__name__}: {exc}")


class SyncWorker(QThread):
    """Syncs the project at ``project_path`` with a team folder as ``annotator``
    (:meth:`~annotator.core.store.team.Team.sync`), saying how far it got."""

    progressed = Signal(int, int, str)  # step, steps, the snapshot being read
    done = Signal(object)  # a SyncSummary, or an error message

    def __init__(self, project_path: Path, folder: str, annotator: str) -> None:
        super().__init__()
        self.project_path = project_path
        self.folder = folder
        self.annotator = annotator

    def run(self) -> None:
        try:
            with open_project(self.project_path, create=False) as project:
                summary = project.team.sync(self.folder, self.annotator,
                                            self.progressed.emit)
        except AnnotatorError as exc:
            self.done.emit(message_of(exc))
            return
        except Exception as exc:  # never let a thread die silently
            self.done.emit(f"{type(exc).__name__}: {exc}")
            return
        self.done.emit(summary)
