"""The main window's menu bar: every command with its keyboard shortcut, in one place.

File (projects, import, export, merge, backups, annotator), Edit (undo, evidence, find), Go
(articles, done, skip), View (zoom, review, agreement, charts, language) and Help.  The menus only
call what the window and its parts offer (:class:`MenuHost`).  Up/down and page keys are
used for moving between articles because they read the same in a mirrored (right-to-left)
layout.  The texts are in the main window's translation context.

No key sequence is bound twice (Qt would run neither): where our keys meet the platform's
standard ones (redo, zoom) the list goes through :func:`~annotator.gui.keys.unique_keys`,
with the key the README names first, as the menu shows the first.  The commands that act on
the article being coded (:attr:`Menus.coding`) are switched off while reviewing, where their
keys mean something else (Ctrl+Enter adds a comment there); undo and redo stay on, since
review decisions share the history with tagging.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar

from annotator.gui.background_jobs import BackgroundJobs
from annotator.gui.help_dialogs import show_about, show_shortcuts
from annotator.gui.import_options import add_import_options_menu
from annotator.gui.keys import standard_keys, unique_keys
from annotator.gui.language_menu import add_language_menu
from annotator.gui.project_switch import ProjectSwitcher
from annotator.gui.reader import Reader
from annotator.gui.sample_dialog import SampleHost, show_sample_dialog
from annotator.gui.training_run import TrainingRun

translate = QCoreApplication.translate

Shortcut = QKeySequence | QKeySequence.StandardKey | list[QKeySequence] | None


class MenuHost(SampleHost, Protocol):
    """What the menus command: the window, its reader and charts, its parts."""

    reader: Reader
    language: str
    charts_dock: QDockWidget
    projects: ProjectSwitcher
    jobs: BackgroundJobs
    training: TrainingRun

    def menuBar(self) -> QMenuBar: ...  # noqa: N802
    def close(self) -> bool: ...
    def export_dialog(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def focus_search(self) -> None: ...
    def zoom(self, delta: int) -> None: ...
    def step(self, direction: int) -> None: ...
    def done_and_next(self) -> None: ...
    def skip_and_next(self) -> None: ...
    def toggle_review(self) -> None: ...
    def show_agreement(self) -> object: ...
    def show_score(self) -> object: ...
    def show_registry(self) -> object: ...


@dataclass(frozen=True)
class Menus:
    """The actions the window changes after it built them."""

    undo: QAction  # its text names what it would undo
    redo: QAction
    review: QAction  # checked while reviewing
    coding: tuple[QAction, ...]  # act on the article being coded: off while reviewing
    answers: tuple[QAction, ...]  # would show the adjudicated values: off while training
    training: QAction  # Go > Start training / End training


def _add(menu: QMenu, text: str, slot: Callable[[], object],
         shortcut: Shortcut = None) -> QAction:
    action = QAction(text, menu)
    if isinstance(shortcut, list):
        action.setShortcuts(unique_keys(shortcut))
    elif shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MenuHost) -> Menus:
    """Fill ``window``'s menu bar."""
    bar = window.menuBar()
    projects, jobs, reader = window.projects, window.jobs, window.reader
    key = QKeySequence.StandardKey

    file = bar.addMenu(translate("MainWindow", "&File"))
    _add(file, translate("MainWindow", "&New project…"), projects.new_project, key.New)
    _add(file, translate("MainWindow", "&Open project…"), projects.open_project_dialog,
         key.Open)
    recent = file.addMenu(translate("MainWindow", "Open &recent"))

    def fill_recent() -> None:
        recent.clear()
        for path in projects.recent_projects():
            _add(recent, path, lambda p=path: projects.open_recent(p))

    recent.aboutToShow.connect(fill_recent)
    file.addSeparator()
    export = _add(file, translate("MainWindow", "&Export…"), window.export_dialog,
                  QKeySequence("Ctrl+Shift+E"))
    _add(file, translate("MainWindow", "&Import articles…"), jobs.import_files,
         QKeySequence("Ctrl+I"))
    _add(file, translate("MainWindow", "Import a &folder…"), jobs.import_folder,
         QKeySequence("Ctrl+Shift+I"))
    add_import_options_menu(file)
    _add(file, translate("MainWindow", "&Merge a colleague's project…"), jobs.merge_dialog,
         QKeySequence("Ctrl+Shift+M"))
    _add(file, translate("MainWindow", "S&ync with team folder…"), jobs.sync_dialog)
    _add(file, translate("MainWindow", "Draw and assign a sam&ple…"),
         lambda: show_sample_dialog(window))
    _add(file, translate("MainWindow", "Restore a &backup…"), projects.restore_backup)
    file.addSeparator()
    _add(file, translate("MainWindow", "&Switch annotator…"), projects.switch_annotator)
    file.addSeparator()
    _add(file, translate("MainWindow", "&Quit"), window.close, key.Quit)

    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    undo = _add(edit, translate("MainWindow", "&Undo"), window.undo, key.Undo)
    # Ctrl+Shift+Z and Ctrl+Y on every platform (the README's keys), and the platform's own.
    redo = _add(edit, translate("MainWindow", "&Redo"), window.redo,
                [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"), *standard_keys(key.Redo)])
    edit.addSeparator()
    edit.addAction(reader.evidence_action)
    find = _add(edit, translate("MainWindow", "&Find articles"), window.focus_search,
                key.Find)
    edit.addSeparator()
    _add(edit, translate("MainWindow", "&Participants registry…"), window.show_registry,
         QKeySequence("Ctrl+Shift+P"))

    go = bar.addMenu(translate("MainWindow", "&Go"))
    _add(go, translate("MainWindow", "&Next article"), lambda: window.step(1),
         [QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Down")])
    _add(go, translate("MainWindow", "&Previous article"), lambda: window.step(-1),
         [QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Up")])
    go.addSeparator()
    done = _add(go, translate("MainWindow", "&Done and next"), window.done_and_next,
                [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    skip = _add(go, translate("MainWindow", "&Skip and next"), window.skip_and_next,
                [QKeySequence("Ctrl+Shift+Return"), QKeySequence("Ctrl+Shift+Enter")])
    go.addSeparator()
    training = _add(go, translate("TrainingRun", "Start &training"), window.training.toggle,
                    QKeySequence("Ctrl+Shift+T"))

    view = bar.addMenu(translate("MainWindow", "&View"))
    # The menu shows Ctrl++ (the README's key); Ctrl+= is the same key without Shift on
    # layouts where + is Shift+=.
    _add(view, translate("MainWindow", "Zoom &in"), lambda: window.zoom(1),
         [QKeySequence("Ctrl++"), QKeySequence("Ctrl+="), *standard_keys(key.ZoomIn)])
    _add(view, translate("MainWindow", "Zoom &out"), lambda: window.zoom(-1),
         [QKeySequence("Ctrl+-"), *standard_keys(key.ZoomOut)])
    view.addSeparator()
    review = _add(view, translate("MainWindow", "&Review colleagues' tags"),
                  window.toggle_review, QKeySequence("Ctrl+R"))
    review.setCheckable(True)
    agreement = _add(view, translate("MainWindow", "&Agreement…"), window.show_agreement,
                     QKeySequence("Ctrl+Shift+A"))
    _add(view, translate("MainWindow", "&Team progress…"), jobs.show_team_progress)
    score = _add(view, translate("MainWindow", "&Training and score…"), window.show_score)
    charts = window.charts_dock.toggleViewAction()
    charts.setText(translate("MainWindow", "&Charts"))
    charts.setShortcut(QKeySequence("Ctrl+Shift+C"))
    view.addAction(charts)
    view.addSeparator()
    add_language_menu(view, window.language, bar.window())

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    _add(help_menu, translate("MainWindow", "&Keyboard shortcuts"),
         lambda: show_shortcuts(bar.window()), key.HelpContents)
    _add(help_menu, translate("MainWindow", "&About annotator"), lambda: show_about(bar.window()))
    return Menus(undo, redo, review, coding=(find, done, skip),
                 answers=(review, agreement, score, export), training=training)
