"""A chart for the README, drawn from a demo project coded as two analysts would.

Run ``python packaging/charts.py``: it builds a throw-away project from the bundled sample
corpus in a temporary folder, codes it as two analysts (Sara and Reza, who disagree here and
there), and writes ``packaging/screenshots/chart_demands_fa.png``.  With ``--all FOLDER`` it
also writes every chart kind in English and Persian to FOLDER, for a look before a release.
Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"

# article -> analyst -> (stance, event type, [(demand, participant or None)])
TAGS = {
    "000_b79cba28e5e5a850": {
        "Sara": ("strongly_condemning", "phone_call",
                 [("bilateral_cooperation", "ebrahim_raisi"), ("islamic_unity", "ebrahim_raisi"),
                  ("ceasefire", "ebrahim_raisi")]),
        "Reza": ("condemning", "phone_call",
                 [("bilateral_cooperation", "ebrahim_raisi"), ("islamic_unity", "ebrahim_raisi")]),
    },
    "001_5b82d33603e0f177": {
        "Sara": ("strongly_condemning", "phone_call",
                 [("islamic_unity", "ebrahim_raisi"), ("oic_emergency_meeting", "ebrahim_raisi"),
                  ("territorial_integrity", "ebrahim_raisi"),
                  ("support_palestinians", "ebrahim_raisi")]),
        "Reza": ("strongly_condemning", "phone_call",
                 [("islamic_unity", "ebrahim_raisi"), ("oic_emergency_meeting", "ebrahim_raisi"),
                  ("territorial_integrity", "recep_tayyip_erdogan")]),
    },
    "002_603f5c7882508bd5": {
        "Sara": ("strongly_condemning", "summit_sideline",
                 [("cut_ties", "ebrahim_raisi"), ("ceasefire", "ebrahim_raisi"),
                  ("islamic_unity", "ebrahim_raisi"), ("humanitarian_aid", None)]),
        "Reza": ("strongly_condemning", "summit_sideline",
                 [("cut_ties", "ebrahim_raisi"), ("ceasefire", "ebrahim_raisi"),
                  ("accountability", "ebrahim_raisi")]),
    },
    "003_4cdab43310a4bd9f": {
        "Sara": ("strongly_condemning", "phone_call",
                 [("accountability", "ali_bagheri_kani"), ("islamic_unity", "ali_bagheri_kani"),
                  ("bilateral_cooperation", "mohammed_bin_abdulrahman_al_thani")]),
        "Reza": ("condemning", "phone_call",
                 [("accountability", "ali_bagheri_kani"), ("islamic_unity", "ali_bagheri_kani"),
                  ("support_palestinians", "ali_bagheri_kani")]),
    },
    "004_193b1bdac254f09c": {
        "Sara": ("condemning", "phone_call",
                 [("oic_emergency_meeting", "hossein_amir_abdollahian"),
                  ("oic_emergency_meeting", "fuad_hussein"),
                  ("support_palestinians", "hossein_amir_abdollahian"),
                  ("islamic_unity", "hossein_amir_abdollahian")]),
        "Reza": ("unclear", "phone_call", []),
    },
}
STATUSES = {"Sara": {a: "done" for a in TAGS},
            "Reza": {"000_b79cba28e5e5a850": "done", "001_5b82d33603e0f177": "done",
                     "002_603f5c7882508bd5": "done", "004_193b1bdac254f09c": "skipped"}}


def code_demo(project) -> None:  # type: ignore[no-untyped-def]
    """Code the sample corpus in ``project`` as Sara and Reza did (through the real store)."""
    for article, analysts in TAGS.items():
        for analyst, (stance, event, demands) in analysts.items():
            project.tags.set_choice(article, analyst, "stance", stance)
            project.tags.set_choice(article, analyst, "event_type", event)
            for demand, participant in demands:
                project.tags.add_value(article, analyst, "demands", demand, participant=participant)
    for analyst, statuses in STATUSES.items():
        for article, status in statuses.items():
            project.statuses.set(article, analyst, status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", metavar="FOLDER", type=Path,
                        help="also write every chart in English and Persian here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    from annotator.core import paths
    from annotator.core.errors import AnnotatorError
    from annotator.core.intake.importer import import_paths
    from annotator.core.outputs.charts import KINDS, make_chart, save_chart
    from annotator.core.store import open_project

    with (tempfile.TemporaryDirectory(prefix="annotator-charts-") as folder,
          open_project(Path(folder) / "demo.sqlite") as project):
        import_paths(project, [paths.corpus_dir()])
        code_demo(project)
        OUT.mkdir(exist_ok=True)
        target = save_chart(make_chart(project, "demands", "fa"), OUT / "chart_demands_fa.png")
        print(f"wrote {target}")
        if args.all:
            args.all.mkdir(parents=True, exist_ok=True)
            for kind in KINDS:
                for language in ("en", "fa", "ar"):
                    try:
                        figure = make_chart(project, kind, language)
                    except AnnotatorError as exc:
                        print(f"{kind}: {exc}")
                        break
                    print(f"wrote {save_chart(figure, args.all / f'{kind}_{language}.png')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
