"""Corpus import from paths into a project, and the embedded default project.

Reading (encodings, formats, bad records) is :mod:`annotator.core.intake.corpus`; storing is
the store's.  This module joins them, holds back near-duplicates (see
:mod:`annotator.core.intake.duplicates`) and reports what happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core import paths
from annotator.core.i18n import N_, Number, Translatable
from annotator.core.intake.duplicates import NearDuplicates, Repeat, Sketch, sketch_of
from annotator.core.intake.options import ImportOptions
from annotator.core.intake.prepare import Progress, read_prepared
from annotator.core.records import ImportNotice, ImportProblem, PreparedArticle
from annotator.core.store import Project, open_project
from annotator.core.store.articles import AddResult
from annotator.core.store.search_index import Compacting
from annotator.core.text import index_key

Item = PreparedArticle | ImportProblem | ImportNotice


def import_paths(project: Project, sources: Iterable[str | Path],
                 progress: Progress | None = None, *, parallel: bool | None = None,
                 options: ImportOptions | None = None,
                 compacting: Compacting | None = None) -> AddResult:
    """Import files and folders; good records are stored even when others fail.

    A large corpus is read in a second process while this one stores (``parallel``: None
    decides by the size of the files; see :func:`annotator.core.intake.prepare.read_prepared`).
    Near-duplicates of articles in the project or earlier in the import are skipped (or
    kept, ``options.keep_near_duplicates``), each with a notice naming what it repeats.

    An import of many articles beside the project's (see
    :meth:`~annotator.core.store.search_index.SearchIndex.compaction_due`) ends by merging the
    search index into one piece; ``compacting(step, steps)`` is told how far that is, and
    stops it by returning False (the import is complete by then: stopping only leaves
    searches slower until the next large import or ``annotator check --compact``).
    """
    options = options or ImportOptions()
    items = read_prepared(list(sources), progress, parallel, project=project.path,
                          options=options)
    made: list[tuple[str, Sketch]] = []
    result = project.articles.add(
        _near_duplicates(items, project, options.keep_near_duplicates, made))
    added = set(result.added)
    project.sketches.keep((article_id, *sketch.row()) for article_id, sketch in made
                          if article_id in added)
    notice = project.search_index.compact_if_due(len(result.added), compacting)
    if notice is not None:  # the import stands; searches are slower until compacted
        result.notices.append(ImportNotice(str(project.path), notice))
    return result


def _index(project: Project) -> NearDuplicates:
    """The near-duplicate check against the project's kept sketches; the articles without
    one get theirs first (once)."""
    made = []
    for article_id, body in project.sketches.missing():
        made.append((article_id, *sketch_of(index_key(body)).row()))
        if len(made) >= 10_000:
            project.sketches.keep(made)
            made.clear()
    project.sketches.keep(made)
    return NearDuplicates(project.sketches)


def _near_duplicates(items: Iterable[Item], project: Project, keep: bool,
                     made: list[tuple[str, Sketch]]) -> Iterator[Item]:
    """The items to store; ``made`` gets the sketch of each article let through."""
    index: NearDuplicates | None = None  # the project's articles, read when first needed
    for item in items:
        if not isinstance(item, PreparedArticle):
            yield item
            continue
        if index is None:
            index = _index(project)
        sketch = (Sketch.from_row(item.words, item.shingles, item.smallest) if item.words
                  else sketch_of(item.body_key.decode("utf-8")))
        repeat = None if index.knows_content(item.content_hash) else index.repeats(sketch)
        if repeat is None or repeat.article_id == item.article_id:
            # New, or exactly an article already there: the store says "already present".
            index.add_sketch(item.article_id, sketch, item.content_hash)
            made.append((item.article_id, sketch))
            yield item
            continue
        yield ImportNotice(item.source_path, near_duplicate_reason(repeat, keep), item.line,
                           repeats=repeat.article_id, skipped=not keep)
        if keep:
            index.add_sketch(item.article_id, sketch, item.content_hash)
            made.append((item.article_id, sketch))
            yield item


def near_duplicate_reason(repeat: Repeat, kept: bool) -> Translatable:
    """Why an article was held back (or kept) as a near-duplicate, naming what it repeats."""
    if repeat.same_words:
        message = (N_("the same words as article {id} (only spacing, ZWNJ, line breaks or "
                      "punctuation differ); kept as a near-duplicate") if kept else
                   N_("the same words as article {id} (only spacing, ZWNJ, line breaks or "
                      "punctuation differ); skipped as a near-duplicate "
                      "(--keep-near-duplicates keeps it)"))
        return Translatable(message, id=repeat.article_id)
    message = (N_("nearly the same text as article {id} ({percent}% of word sequences "
                  "shared); kept as a near-duplicate") if kept else
               N_("nearly the same text as article {id} ({percent}% of word sequences "
                  "shared); skipped as a near-duplicate (--keep-near-duplicates keeps it)"))
    return Translatable(message, id=repeat.article_id,
                        percent=Number(repeat.similarity * 100, ".0f"))


def summary_lines(result: AddResult) -> list[Translatable]:
    """The lines an import's summary adds to its counts: each notice, then the count of
    near-duplicates skipped (the CLI and the window show the same)."""
    lines = [notice.message() for notice in result.notices]
    skipped = sum(notice.skipped for notice in result.notices)
    if skipped:
        lines.append(Translatable(
            N_("{count} near-duplicate skipped") if skipped == 1
            else N_("{count} near-duplicates skipped"), count=skipped))
    return lines


def open_default_project() -> Project:
    """The embedded default project, created on first use with the sample corpus."""
    path = paths.default_project_path()
    new = not path.exists()
    project = open_project(path)
    if new or project.settings.get("sample_imported") is None:
        import_paths(project, [paths.corpus_dir()])
        project.settings.set("sample_imported", "yes")
    return project
