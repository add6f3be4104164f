"""``annotator --self-check``: does this installation work, without a display?

It walks what an analyst's first hour does, in a temporary folder that it removes again:
the bundled resources are there (codebook, participants registry, sample corpus, font,
the window's and the core's translations), a new project opens, the sample corpus is
imported (read in a second process, as a large corpus is, so that a bundle's child process
is checked too), search finds it, tags are written, read back after the project is closed
and opened again, exported to CSV and read back from the file, and a chart is drawn and
saved in each format.
Each step reports one line; the first that fails raises :class:`SelfCheckFailed` naming
the step.  The user's data folder and default project are never touched.

It is the Qt-free part: the command line adds a step that shows the window offscreen
(``window`` below), and says whether the window's system libraries are present
(:mod:`annotator.core.display`).
"""

from __future__ import annotations

import gettext
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core import paths
from annotator.core.codebook import load_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Listing, Number, Translatable, message_of, translation
from annotator.core.intake.importer import import_paths
from annotator.core.intake.tagcsv import read_tags
from annotator.core.languages import RTL_LANGUAGES
from annotator.core.outputs.export import ExportOptions, export_to_file
from annotator.core.participants import load_registry
from annotator.core.session import Session
from annotator.core.store import open_project

ANNOTATOR = "self-check"
# A word of the sample corpus (Persian غزه, Arabic غزة: one search key).
SEARCH_WORD = "غزه"
PROJECT_NAME = "self-check.annotator"

Report = Callable[[str], None]
WindowStep = Callable[[Path], str]


class SelfCheckFailed(AnnotatorError):
    """A step of the self-check failed; the message names the step and why."""


def self_check(report: Report, window: WindowStep | None = None) -> float:
    """Run every step, calling ``report`` with one line for each that passed; returns the
    seconds taken.  ``window(project_path)`` is an extra step run on the checked project
    (returning its line), for the part of the check that needs Qt."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="annotator-self-check-") as folder:
        project_path = Path(folder) / PROJECT_NAME
        steps: list[tuple[str, Callable[[], str]]] = [
            (Translatable("bundled files"), _resources),
            (Translatable("importing the sample corpus"), lambda: _import(project_path)),
            (Translatable("writing and reading tags"), lambda: _tags(project_path)),
            (Translatable("exporting"), lambda: _export(project_path, Path(folder))),
            (Translatable("drawing a chart"), lambda: _chart(project_path, Path(folder))),
        ]
        if window is not None:
            steps.append((Translatable("the window"), lambda: window(project_path)))
        for name, step in steps:
            try:
                line = step()
            except SelfCheckFailed:
                raise
            except Exception as exc:  # any failure is the finding, told in one line
                if isinstance(exc, AnnotatorError):
                    reason = message_of(exc)
                else:  # the last line says most (numpy's import error takes twenty)
                    lines = [line for line in str(exc).splitlines() if line.strip()]
                    reason = f"{type(exc).__name__}: {lines[-1].strip() if lines else ''}"
                raise SelfCheckFailed(Translatable("self-check failed at {step}: {reason}",
                                                   step=name, reason=reason)) from exc
            report(Translatable("ok: {step}: {result}", step=name, result=line))
    return time.perf_counter() - started


def _fail(message: str) -> None:
    raise AnnotatorError(message)


def _resources() -> str:
    codebook = load_codebook(paths.default_codebook_path())
    registry = load_registry(paths.default_registry_path())
    articles = sorted(paths.corpus_dir().glob("*.txt"))
    fonts = sorted((paths.resources_dir() / "fonts").glob("*.ttf"))
    if not articles:
        _fail(Translatable("no sample articles in {path}", path=paths.corpus_dir()))
    if not fonts:
        _fail(Translatable("no font in {path}", path=paths.resources_dir() / "fonts"))
    for language in sorted(RTL_LANGUAGES):
        window = paths.resources_dir() / "translations" / f"annotator_{language}.qm"
        if not window.is_file():
            _fail(Translatable("missing {path}", path=window))
        if not isinstance(translation(language), gettext.GNUTranslations):
            _fail(Translatable("no compiled catalogue for '{language}' in {path}",
                               language=language, path=paths.resources_dir() / "locale"))
    return Translatable("codebook {codebook} ({fields} fields), {participants} participants, "
                        "{articles} sample articles, {fonts} font files, translations "
                        "{languages}", codebook=codebook.id, fields=len(codebook.fields),
                        participants=len(registry), articles=len(articles),
                        fonts=len(fonts), languages=Listing(sorted(RTL_LANGUAGES)))


def _import(path: Path) -> str:
    expected = len(list(paths.corpus_dir().glob("*.txt")))
    with open_project(path) as project:
        # parallel: read in a second process, as a large corpus is (a bundle starts
        # itself as that process; see annotator.core.intake.prepare.python_child).
        result = import_paths(project, [paths.corpus_dir()], parallel=True)
        if result.problems:
            _fail(result.problems[0].message())
        if len(result.added) != expected:
            _fail(Translatable("{added} of {expected} articles imported",
                               added=len(result.added), expected=expected))
        found = project.articles.search_count(SEARCH_WORD)
        if not found:
            _fail(Translatable("searching for {word} found nothing", word=SEARCH_WORD))
    return Translatable("{added} articles imported, {found} found by search",
                        added=len(result.added), found=found)


def _tags(path: Path) -> str:
    with open_project(path, create=False) as project:
        session = Session(project, ANNOTATOR)
        stance = session.codebook.field("stance")
        demands = session.codebook.field("demands")
        wanted = {}
        for article_id in [a.article_id for a in project.articles.summaries()][:2]:
            session.set_choice(article_id, stance.id, stance.categories[0].id)
            session.set_value(article_id, demands.id, demands.categories[0].id, True)
            wanted[article_id] = {(stance.id, stance.categories[0].id),
                                  (demands.id, demands.categories[0].id)}
    # Read back from the file, by a new connection: what was written is on disk.
    with open_project(path, create=False) as project:
        for article_id, tags in wanted.items():
            stored = {(t.field, t.value) for t in project.tags.find(article_id, ANNOTATOR)}
            if stored != tags:
                _fail(Translatable("the tags of {article} read back differ",
                                   article=article_id))
    return Translatable("{tags} tags written and read back",
                        tags=sum(len(t) for t in wanted.values()))


def _export(path: Path, folder: Path) -> str:
    target = folder / "tags.csv"
    with open_project(path, create=False) as project:
        result = export_to_file(project, target, ExportOptions(format="long"))
        tags = len(project.tags.find(annotator=ANNOTATOR))
    rows = read_tags(target)
    if result.rows != tags or len(rows) != tags:
        _fail(Translatable("{rows} rows exported for {tags} tags", rows=len(rows), tags=tags))
    if result.codebook_path is None or not result.codebook_path.is_file():
        _fail(Translatable("no codebook sheet beside {path}", path=target))
    return Translatable("{rows} rows exported and read back", rows=len(rows))


def _chart(path: Path, folder: Path) -> str:
    # Here, not at the top: a bundle missing a part of matplotlib fails this step, in one line.
    from annotator.core.outputs.charts import FORMATS, chart_png, make_chart, save_chart

    with open_project(path, create=False) as project:
        figure = make_chart(project, "stance", "fa")
        png = chart_png(figure)
        # Each file format has a matplotlib back-end of its own, which a bundle must carry.
        sizes = [save_chart(figure, folder / f"chart{suffix}", project=path).stat().st_size
                 for suffix in FORMATS]
    if not png.startswith(b"\x89PNG"):
        _fail(Translatable("the chart is not a PNG image"))
    return Translatable("saved as {formats} ({sizes} bytes)", formats=Listing(FORMATS),
                        sizes=Listing([Number(size) for size in sizes]))
