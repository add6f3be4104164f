"""Shared fixtures.  Qt runs offscreen, and no test touches the real user data folder.

Offscreen, Qt has one 800x800 screen unless a configuration file names others: the tests
get four, side by side, of the sizes the window must fit (``tests/gui/screens.json``: a
1400x900 primary, 1366x768, 1024x700 and 1024x600; the primary is the name that sorts
first).  The offscreen platform takes the file as ``offscreen:configfile=PATH``; a path
with a colon cannot be passed that way, and then the tests that need the screens skip.
"""

from __future__ import annotations

import os
from pathlib import Path

SCREENS = Path(__file__).resolve().parent / "gui" / "screens.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen" and ":" not in str(SCREENS):
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"
else:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402

from annotator.core import paths  # noqa: E402
from annotator.core.intake.importer import import_paths  # noqa: E402
from annotator.core.store import Project, open_project  # noqa: E402

SAMPLE_IDS = sorted(p.stem for p in paths.corpus_dir().glob("*.txt"))
ARABIC_ID = "002_603f5c7882508bd5"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    monkeypatch.setenv("ANNOTATOR_NAME", "tester")
    yield home


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A project file with the bundled sample corpus imported."""
    path = tmp_path / "project.sqlite"
    with open_project(path) as project:
        result = import_paths(project, [paths.corpus_dir()])
        assert sorted(result.added) == SAMPLE_IDS
    return path


@pytest.fixture
def project(project_path: Path):
    with open_project(project_path) as opened:
        yield opened


def quote_span(project: Project, article_id: str, text: str) -> tuple[int, int]:
    body = project.articles.get(article_id).body
    start = body.index(text)
    return start, start + len(text)
