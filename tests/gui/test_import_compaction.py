"""The window's import of many articles ends by merging the search index, and says so in
its progress dialog (the percentage in the interface's digits); Cancel then stops the
merging, not the import (the articles are stored), and the summary says how many were
added.  A merge of a colleague's file that brings as many articles says the same in its
dialog.  (The window opens its default project, which holds the bundled sample articles:
the import is well over a third of it.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton

from annotator.bench.realistic import write_realistic_corpus
from annotator.core.intake.importer import import_paths
from annotator.core.store import articles as articles_module
from annotator.core.store import open_project, search_index
from annotator.gui import background_jobs, texts
from tests.gui.test_window_messages import _boxes, _window

ARTICLES = 240
PERCENT = {"en": "%", "fa": "٪"}
DIGITS = {"en": "0123456789", "fa": "۰۱۲۳۴۵۶۷۸۹"}
MERGING = {
    "en": "making searches faster",
    "fa": "تندتر کردن جست‌وجو",
    "ar": "تسريع البحث",
}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Batches of 20 articles (a segment of the index each) and merging steps of two
    # pages: a small import that still takes several steps to merge.
    monkeypatch.setattr(articles_module, "_BATCH", 20)
    monkeypatch.setattr(search_index, "COMPACT_MIN", 20)
    monkeypatch.setattr(search_index, "COMPACT_STEP_PAGES", 2)
    return write_realistic_corpus(tmp_path / "corpus.jsonl", ARTICLES, seed=21).path


def _pieces(window) -> int:  # type: ignore[no-untyped-def]
    return window.session.project.search_index.pieces()


@pytest.mark.parametrize("language", ["fa", "en"])
def test_the_import_dialog_says_the_index_is_being_merged(qtbot, tmp_path: Path,
                                                          corpus: Path, language: str) -> None:
    window = _window(qtbot, language)
    labels: list[str] = []
    percents: list[str] = []
    try:
        with qtbot.waitSignal(window.jobs.imported, timeout=60000) as signal:
            worker = window.jobs.start_import([str(corpus)])

            def seen(_step: int, _steps: int) -> None:
                dialogs = window.findChildren(QProgressDialog)
                labels.extend(dialog.labelText() for dialog in dialogs)
                percents.extend(bar.text() for dialog in dialogs
                                for bar in dialog.findChildren(QProgressBar))

            worker.compacting.connect(seen)
        summary = signal.args[0]
        assert summary.added == ARTICLES and not summary.cancelled and not summary.error
        assert len(labels) > 1
        assert all(MERGING[language] in label for label in labels)
        # The bar's percentage in the interface's digits and percent sign.
        assert percents and all(text.endswith(PERCENT[language]) for text in percents)
        assert all(any(d in text for d in DIGITS[language]) for text in percents)
        assert _pieces(window) == 1
    finally:
        for box in _boxes(window):
            box.close()
        window.close()
        window.session.project.close()


def test_cancel_while_merging_keeps_the_import(qtbot, tmp_path: Path, corpus: Path) -> None:
    window = _window(qtbot, "en")
    try:
        with qtbot.waitSignal(window.jobs.imported, timeout=60000) as signal:
            worker = window.jobs.start_import([str(corpus)])

            def cancel(step: int, _steps: int) -> None:
                if step == 1:
                    [dialog] = window.findChildren(QProgressDialog)
                    [button] = dialog.findChildren(QPushButton)
                    button.click()  # the dialog's Cancel button

            # The worker waits for this slot: the click lands before its next step.
            worker.compacting.connect(cancel, Qt.ConnectionType.BlockingQueuedConnection)
        summary = signal.args[0]
        # Stored, not cancelled: the summary counts the articles added.
        assert summary.added == ARTICLES and not summary.cancelled
        # A clean import is summed up in the status bar.
        assert f"{ARTICLES} articles added" in window.statusBar().currentMessage()
        # The merging stopped early: the index is still in pieces, and sound.
        assert _pieces(window) > 1
        window.session.project.conn.execute(
            "INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 0)")
    finally:
        for box in _boxes(window):
            box.close()
        window.close()
        window.session.project.close()


@pytest.mark.parametrize("language", ["fa", "en"])
def test_the_merge_dialog_says_the_index_is_being_merged(qtbot, tmp_path: Path, corpus: Path,
                                                         language: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # A colleague's file with the whole corpus, merged into the window's small project,
    # then the same file again (nothing new: no merging of the index).
    theirs = tmp_path / "theirs.sqlite"
    with open_project(theirs) as project:
        import_paths(project, [corpus], parallel=False)
    seen: list[tuple[str, str, str]] = []

    def shown(kind: str, dialog: QProgressDialog) -> None:
        [bar] = dialog.findChildren(QProgressBar)
        # (A modal dialog's setValue handles events: the merge may have ended meanwhile,
        # and the dialog been reset, value -1 and no text: nothing to look at then.)
        if dialog.value() >= 0 or kind == "_merging":
            seen.append((kind, dialog.labelText(), bar.text()))

    for name in ("_compacting", "_merging"):
        original = getattr(background_jobs, name)
        monkeypatch.setattr(background_jobs, name, lambda dialog, *args, _name=name,
                            _original=original: (_original(dialog, *args),
                                                 shown(_name, dialog)))
    window = _window(qtbot, language)
    try:
        with qtbot.waitSignal(window.jobs.merged, timeout=60000):
            window.jobs.start_merge([str(theirs), str(theirs)])
        kinds = [kind for kind, _, _ in seen]
        first = kinds.index("_compacting")
        assert kinds[0] == "_merging" and kinds[first:].count("_compacting") > 1
        compacting = [item for item in seen if item[0] == "_compacting"]
        assert all(MERGING[language] in label for _, label, _ in compacting)
        assert all(text.endswith(PERCENT[language]) for _, _, text in compacting)
        # The second file: "Merging…" again, not the first file's merging of the index.
        assert kinds[-1] == "_merging" and MERGING[language] not in seen[-1][1]
        assert _pieces(window) == 1
        assert window.session.project.articles.search_count("غزه") > 0
    finally:
        for box in _boxes(window):
            box.close()
        window.close()
        window.session.project.close()


@pytest.mark.parametrize(("language", "expected"), [
    ("fa", "۴۲٪"), ("ar", "٤٢٪\u061c"), ("en", "42%")])
def test_a_bar_writes_its_percentage_in_the_interface_language(
        qtbot, monkeypatch: pytest.MonkeyPatch, language: str, expected: str) -> None:
    monkeypatch.setattr(texts, "interface_language", lambda: language)
    bar = QProgressBar()
    qtbot.addWidget(bar)
    texts.percent_in_language(bar)
    bar.setRange(0, 100)
    bar.setValue(42)
    assert bar.text() == expected
