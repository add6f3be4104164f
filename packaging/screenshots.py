"""Screenshots of the real window, in English and in Persian, for the README.

Run ``python packaging/screenshots.py`` (no display needed: it renders offscreen).  It
builds a throw-away project with the sample corpus, tags one article as an analyst would,
and saves ``packaging/screenshots/window_en.png`` and ``window_fa.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"


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
    for language in ("en", "fa"):
        window = create_window(None, language, "Sara")
        window.resize(1400, 860)
        window.show()
        for _ in range(5):
            app.processEvents()
        path = OUT / f"window_{language}.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
