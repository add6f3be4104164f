"""The team bench (``annotator bench --team``): publishing and syncing snapshots at scale.

A lead's project of N synthetic articles, and three annotators whose projects start as
copies of it (what ``annotator join`` makes), each coding an equal share of the articles
(two tags per article, as the main bench's tags).  Measured, once each: the lead's and one
annotator's publishing (time and snapshot size; the annotator's also per 10,000 tags),
the lead's sync merging the three annotators' snapshots, an annotator's sync merging the
lead's and the two others', and a sync again with nothing changed.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from annotator.bench.corpus import write_corpus
from annotator.bench.measure import bench_tags
from annotator.core.intake.importer import import_paths
from annotator.core.store import open_project
from annotator.core.store.bench_data import add_bench_tags

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
    people: dict[str, Path] = {}
    tags = bench_tags(articles, ANNOTATORS, 1403)
    for number, name in enumerate(ANNOTATORS):
        people[name] = workdir / f"{name}.annotator"
        shutil.copyfile(lead, people[name])
        mine = [t for i, t in enumerate(tags) if t[1] == name
                and (i // (2 * len(ANNOTATORS))) % len(ANNOTATORS) == number]
        with open_project(people[name]) as project:
            add_bench_tags(project, mine)
    rows: list[tuple[str, str]] = [("articles", f"{articles:,}")]

    def timed(what: str, path: Path, name: str) -> float:
        log(what)
        with open_project(path) as project:
            start = time.perf_counter()
            project.team.sync(folder, name)
            return time.perf_counter() - start

    for name in ANNOTATORS:
        with open_project(people[name]) as project:
            log(f"publishing {name}'s snapshot")
            start = time.perf_counter()
            snapshot, size, _fresh = project.team.publish(folder, name)
            seconds = time.perf_counter() - start
            count = int(project.db.execute(
                "SELECT COUNT(*) FROM tags WHERE annotator = ?", [name]).fetchone()[0])
        if name == ANNOTATORS[0]:
            rows.append(("annotator's publish, s", f"{seconds:.2f}"))
            rows.append(("annotator's snapshot, KiB", f"{size / 1024:,.0f} ({count:,} tags; "
                         f"{size / 1024 / max(count, 1) * 10_000:,.0f} KiB per 10,000 tags)"))
    seconds = timed("the lead syncs (publishes, merges three annotators)", lead, "mina")
    size = (folder / "mina.annotator-snapshot").stat().st_size
    rows.append(("lead's sync (publish + merge 3 snapshots), s", f"{seconds:.2f}"))
    rows.append(("lead's snapshot, MiB", f"{size / 2**20:,.1f}"))
    seconds = timed("an annotator syncs (publishes, merges the lead's and two others')",
                    people[ANNOTATORS[0]], ANNOTATORS[0])
    rows.append(("annotator's sync (publish + merge 3 snapshots), s", f"{seconds:.2f}"))
    seconds = timed("the lead syncs again, nothing changed", lead, "mina")
    rows.append(("lead's sync again, nothing changed, s", f"{seconds:.2f}"))
    rows.append(("target for publish and sync, s", f"{TARGET_SECONDS:.0f}"))
    return rows
