"""The window's import summary shows the core's notices in the interface language: texts
converted from HTML, and each near-duplicate skipped with the id of the article it repeats;
File > Import options reaches the import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.gui import settings as stored
from tests.core.test_near_duplicates import ORIGINAL, VARIANTS
from tests.gui.test_window_messages import ISOLATED, _boxes, _window

WORDS = {"fa": ("تقریباً تکراری کنار گذاشته شد", "HTML داشت؛ به متن ساده تبدیل شد"),
         "ar": ("تُركت على أنها شبه مكررة", "على HTML؛ حُوِّل إلى نص عادي")}


@pytest.mark.parametrize("language", ["fa", "ar"])
def test_the_import_summary_names_near_duplicates_and_html(qtbot, tmp_path: Path,
                                                           language: str) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in [
        {"id": "wire-1", "text": "<p>" + ORIGINAL.replace("\n", "</p><p>") + "</p>"},
        {"id": "wire-2", "text": VARIANTS["no-zwnj"]},
    ]) + "\n", encoding="utf-8")
    window = _window(qtbot, language)
    try:
        with qtbot.waitSignal(window.jobs.imported, timeout=30000) as signal:
            window.jobs.start_import([str(corpus)])
        summary = signal.args[0]
        assert summary.added == 1 and not summary.problems and len(summary.notices) == 3
        qtbot.waitUntil(lambda: any(box.detailedText() for box in _boxes(window)))
        [box] = [box for box in _boxes(window) if box.detailedText()]
        details = box.detailedText()
        skipped, converted = WORDS[language]
        assert skipped in details and converted in details
        assert "\u2068wire-1\u2069" in details  # the id it repeats, set apart
        assert "\u06f1" in box.text() or "\u0661" in box.text()  # "1 skipped", in its digits
        words = ISOLATED.sub("", details).replace("--keep-near-duplicates", "")
        assert not {w for w in words.split() if w.isascii() and w.isalpha()} - {"HTML"}
        box.close()
    finally:
        window.close()
        window.session.project.close()


def test_import_options_menu_reaches_the_import(qtbot, tmp_path: Path) -> None:
    corpus = tmp_path / "dated.jsonl"
    corpus.write_text(json.dumps({"id": "d1", "text": "متن خبر", "published": "12/06/2024"},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    window = _window(qtbot, "en")
    try:
        [file] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
        [options] = [a.menu() for a in file.actions() if a.text() == "Import &options"]
        [day_first] = [a for a in options.actions() if a.text().endswith("day first")]
        day_first.trigger()
        assert stored.import_options().date_order == "dmy"
        with qtbot.waitSignal(window.jobs.imported, timeout=30000) as signal:
            window.jobs.start_import([str(corpus)])
        assert signal.args[0].added == 1 and not signal.args[0].problems
        assert window.session.project.articles.get("d1").published == "2024-06-12"
        for box in _boxes(window):
            box.close()
    finally:
        window.close()
        window.session.project.close()
