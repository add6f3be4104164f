"""Screenshots of the real window, in English and in Persian, for the README.

Run ``python packaging/screenshots.py`` (no display needed: it renders offscreen).  It
builds a throw-away project with the sample corpus, tags one article as an analyst would,
and saves the window in English, Persian and Arabic at 1400x900 (``window_en.png``,
``window_fa.png``, ``window_ar.png``) and at 1024x700 (``window_en_1024.png`` ...), each
opened as the window opens on a screen of that size.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"
# The offscreen platform with two screens, one of each size shot (see tests/gui/screens.json).
SCREENS = HERE.parent / "tests" / "gui" / "screens.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREENS}")
SIZES = {"": "0-desktop", "_1024": "2-netbook"}


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    home = Path(tempfile.mkdtemp(prefix="annotator-shots-"))
    os.environ["ANNOTATOR_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication

    from annotator.core.intake.importer import open_default_project
    from annotator.core.session import Session
    from annotator.gui.app import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(exist_ok=True)
    article = "002_603f5c7882508bd5"
    with open_default_project() as project:
        session = Session(project, "Sara")
        body = project.articles.get(article).body
        session.set_choice(article, "stance", "strongly_condemning")
        session.set_choice(article, "event_type", "summit_sideline")
        for demand in ("cut_ties", "ceasefire", "humanitarian_aid"):
            session.set_value(article, "demands", demand, True)
        for pid, role in (("ebrahim_raisi", "initiator"), ("recep_tayyip_erdogan",
                                                         "counterpart")):
            session.set_value(article, "participants", pid, True, role=role)
        for tag in session.view(article).field_tags("demands"):
            quote = {"cut_ties": "قطع علاقاتها السياسية والاقتصادية",
                     "ceasefire": "وقف إطلاق النار في قطاع غزة فوراً",
                     "humanitarian_aid": "رفع الحصار عنه"}[tag.value or ""]
            start = body.index(quote)
            session.update_tag(tag, "evidence", span=(start, start + len(quote)),
                               participant="ebrahim_raisi")
        session.set_status("000_b79cba28e5e5a850", "done")
        session.remember(article)
    from PySide6.QtGui import QCursor, QGuiApplication

    from annotator.gui import settings as stored

    screens = {screen.name(): screen for screen in QGuiApplication.screens()}
    for suffix, screen_name in SIZES.items():
        screen = screens[screen_name]
        for language in ("en", "fa", "ar"):
            QCursor.setPos(screen.geometry().center())  # the window opens under the pointer
            stored.settings().remove("window")  # as on a first start: no geometry kept
            window = create_window(None, language, "Sara")
            window.show()
            for _ in range(5):
                app.processEvents()
            path = OUT / f"window_{language}{suffix}.png"
            window.grab().save(str(path))
            print(f"wrote {path} ({window.width()}x{window.height()})")
            window.close()
            app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
