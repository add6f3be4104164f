"""Shared fixtures.  Qt runs offscreen, and no test touches the real user data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

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
