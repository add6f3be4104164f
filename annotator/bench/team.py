"""The team bench (``annotator bench --team``): publishing and syncing snapshots at scale.

A lead's project of N synthetic articles, published into a team folder (the lead's
snapshot and articles file), and three annotators who join from it (``annotator join``)
and each code an equal share of the articles (two tags per article, as the main bench's
tags).  Measured, once each: the lead's first publishing (with the articles file), a
join, an annotator's publishing (time and snapshot size, also per 10,000 tags), the lead's
sync merging the three annotators' snapshots (with the backup a sync makes when the
project has none from the last hour) and again after each annotator coded 100 more
articles (no backup due), an annotator's sync merging the lead's and the two others', and
a sync with nothing changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from annotator.bench.corpus import write_corpus
from annotator.bench.measure import bench_tags
from annotator.core.intake.importer import import_paths
from annotator.core.store import open_project
from annotator.core.store.bench_data import add_bench_tags
from annotator.core.store.export_rows import count_tag_rows
from annotator.core.store.team import articles_name, snapshot_name

ANNOTATORS = ("sara", "reza", "ali")
TARGET_SECONDS = 5.0  # the aim for publishing and for a sync, at 100,000 articles


def run_team_bench(articles: int, workdir: Path,
                   log: Callable[[str], None]) -> list[tuple[str, str]]:
    """The figures, as (what, value) rows."""
    folder = workdir / "team-folder"
    folder.mkdir(parents=True, exist_ok=True)
    lead = workdir / "lead.annotator"
    log(f"writing and importing {articles} synthetic articles")
    corpus = workdir / "corpus.jsonl"
    write_corpus(corpus, articles)
    with open_project(lead) as project:
        import_paths(project, [corpus])
        project.team.found("mina")
    rows: list[tuple[str, str]] = [("articles", f"{articles:,}")]

    def timed(what: str, path: Path, name: str) -> float:
        log(what)
        with open_project(path) as project:
            start = time.perf_counter()
            project.team.sync(folder, name)
            return time.perf_counter() - start

    log("the lead publishes, with the articles file")
    with open_project(lead) as project:
        start = time.perf_counter()
        project.team.publish(folder, "mina")
        seconds = time.perf_counter() - start
    texts = (folder / articles_name("mina")).stat().st_size
    rows.append(("lead's first publish (snapshot and articles file), s", f"{seconds:.2f}"))
    rows.append(("lead's articles file, MiB", f"{texts / 2**20:,.1f} (written again only "
                 "when articles, codebooks or the registry change)"))
    people: dict[str, Path] = {}
    tags = bench_tags(articles, ANNOTATORS, 1403)
    shares = {name: [t for i, t in enumerate(tags) if t[1] == name
                     and (i // (2 * len(ANNOTATORS))) % len(ANNOTATORS) == number]
              for number, name in enumerate(ANNOTATORS)}
    for name in ANNOTATORS:
        people[name] = workdir / f"{name}.annotator"
        log(f"{name} joins")
        with open_project(people[name]) as project:
            start = time.perf_counter()
            project.team.join(folder)
            seconds = time.perf_counter() - start
            add_bench_tags(project, shares[name][:-200])  # 100 articles left for later
        if name == ANNOTATORS[0]:
            rows.append(("an annotator joins (a new project from the folder), s",
                         f"{seconds:.2f}"))
    for name in ANNOTATORS:
        with open_project(people[name]) as project:
            log(f"publishing {name}'s snapshot")
            start = time.perf_counter()
            _snapshot, size, _fresh = project.team.publish(folder, name)
            seconds = time.perf_counter() - start
            count = count_tag_rows(project, name)
        if name == ANNOTATORS[0]:
            rows.append(("annotator's publish, s", f"{seconds:.2f}"))
            rows.append(("annotator's snapshot, KiB", f"{size / 1024:,.0f} ({count:,} tags; "
                         f"{size / 1024 / max(count, 1) * 10_000:,.0f} KiB per 10,000 tags)"))
    seconds = timed("the lead syncs (publishes, merges three annotators, backs up)", lead,
                    "mina")
    size = (folder / snapshot_name("mina")).stat().st_size
    rows.append(("lead's first sync (publish + merge 3 snapshots + the backup), s",
                 f"{seconds:.2f}"))
    rows.append(("lead's snapshot, MiB", f"{size / 2**20:,.1f}"))
    for name in ANNOTATORS:  # a day's work: 100 more articles each, then a sync
        with open_project(people[name]) as project:
            add_bench_tags(project, shares[name][-200:])
        timed(f"{name} codes 100 more articles and syncs", people[name], name)
    seconds = timed("the lead syncs after a day's work", lead, "mina")
    rows.append(("lead's sync after a day's work (merge 3 snapshots, no backup due), s",
                 f"{seconds:.2f}"))
    seconds = timed("an annotator syncs (publishes, merges the lead's and two others')",
                    people[ANNOTATORS[0]], ANNOTATORS[0])
    rows.append(("annotator's sync (publish + merge the lead's and 2 others'), s",
                 f"{seconds:.2f}"))
    seconds = timed("the lead syncs again, nothing changed", lead, "mina")
    rows.append(("lead's sync again, nothing changed, s", f"{seconds:.2f}"))
    rows.append(("target for publish and sync, s", f"{TARGET_SECONDS:.0f}"))
    return rows
