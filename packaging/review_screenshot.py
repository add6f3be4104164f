"""A screenshot of the review view with three analysts' work, for the README.

Run ``python packaging/review_screenshot.py`` (no display and no network needed: it renders
offscreen into a throw-away project under a temporary ANNOTATOR_HOME).  It imports the
bundled corpus, codes it as three analysts would (agreeing on some fields, not on others,
with evidence), lets a reviewer settle one field and leave a comment, and saves
``packaging/screenshots/review_en.png``.  ``--lang en fa`` chooses the languages and
``--out FOLDER`` another folder (each file is named ``review_<lang>.png``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ARABIC = "002_603f5c7882508bd5"
REVIEWER = "Mina"


def code_three_analysts(project) -> None:  # type: ignore[no-untyped-def]
    """Tags as three analysts coding blind would make them (through their sessions)."""
    from annotator.core import paths
    from annotator.core.session import Session

    sara, reza, omid = (Session(project, name) for name in ("Sara", "Reza", "Omid"))
    body = project.articles.get(ARABIC).body

    def evidence(session: Session, field: str, value: str, quote: str) -> None:
        start = body.index(quote)
        tag = next(t for t in session.view(ARABIC).field_tags(field) if t.value == value)
        session.update_tag(tag, "evidence", span=(start, start + len(quote)))

    sara.set_choice(ARABIC, "stance", "strongly_condemning")
    evidence(
        sara, "stance", "strongly_condemning", "قطع علاقاتها السياسية والاقتصادية بالكيان الصهيوني"
    )
    reza.set_choice(ARABIC, "stance", "condemning")
    evidence(reza, "stance", "condemning", "وقف الهجمات الإسرائيلية على غزة")
    omid.set_choice(ARABIC, "stance", "strongly_condemning")
    evidence(omid, "stance", "strongly_condemning", "مجازر دنيئة")
    for session, demands in (
        (sara, ("cut_ties", "ceasefire", "humanitarian_aid")),
        (reza, ("cut_ties", "ceasefire", "islamic_unity")),
        (omid, ("cut_ties", "ceasefire", "humanitarian_aid")),
    ):
        for demand in demands:
            session.set_value(ARABIC, "demands", demand, True)
    evidence(reza, "demands", "islamic_unity", "اتخاذ العالم الإسلامي موقفاً مشتركاً")
    evidence(sara, "demands", "humanitarian_aid", "رفع الحصار عنه")
    for session in (sara, reza, omid):
        session.set_choice(ARABIC, "event_type", "summit_sideline")
        session.set_value(ARABIC, "participants", "ebrahim_raisi", True, role="initiator")
    sara.set_value(ARABIC, "participants", "recep_tayyip_erdogan", True, role="counterpart")
    reza.set_value(ARABIC, "participants", "recep_tayyip_erdogan", True, role="counterpart")
    omid.set_value(ARABIC, "participants", "recep_tayyip_erdogan", True, role="counterpart")
    omid.set_value(ARABIC, "participants", "hakan_fidan", True, role="mentioned")
    reza.set_choice(
        ARABIC, "note", "«الكيان الصهيوني» is the outlet's usual name, not a marker by itself."
    )
    others = sorted(p.stem for p in paths.corpus_dir().glob("*.txt") if p.stem != ARABIC)
    for article in others[:3]:
        for session, stance in (
            (sara, "condemning"),
            (reza, "condemning"),
            (omid, "strongly_condemning"),
        ):
            session.set_choice(article, "stance", stance)
    project.review.accept(ARABIC, "event_type", "Sara", reviewer=REVIEWER)
    project.review.add_comment(ARABIC, "Reza", "Is the call to cut ties Raisi's own words here?")
    project.review.add_comment(ARABIC, REVIEWER, "Yes: quoted directly in the third paragraph.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", nargs="+", default=["en"], choices=["en", "fa", "ar"])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    os.environ["ANNOTATOR_HOME"] = tempfile.mkdtemp(prefix="annotator-review-")
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from annotator.core import paths
    from annotator.core.intake.importer import import_paths
    from annotator.core.review_session import ReviewSession
    from annotator.core.store import open_project
    from annotator.gui.fonts import load_fonts
    from annotator.gui.i18n import install_translations
    from annotator.gui.review_view import ReviewView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    family = load_fonts()
    if family:
        app.setFont(QFont(family, 10))  # as the app does
    args.out.mkdir(parents=True, exist_ok=True)
    project_file = Path(os.environ["ANNOTATOR_HOME"]) / "review.sqlite"
    with open_project(project_file) as project:
        import_paths(project, [paths.corpus_dir()])
        code_three_analysts(project)
        for language in args.lang:
            install_translations(app, language)  # mirrors the layout for fa and ar
            view = ReviewView(ReviewSession(project, REVIEWER), language, family)
            view.resize(1500, 900)
            view.show()
            for _ in range(5):
                app.processEvents()
            path = args.out / f"review_{language}.png"
            view.grab().save(str(path))
            print(f"wrote {path}")
            view.close()
            view.deleteLater()
            app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
