"""The bench's search figures: the article list's search and the ranked search.

Each query is timed as the window and the CLI run it, beside FTS5 alone on the same index
in the same run (a bare ``MATCH ... LIMIT`` of the same expression): the ratio carries
across machines.  The list's figure is what the window reads before it shows a search's
first page; the count it goes on with after that is noted beside it.

A query takes milliseconds, so each is timed in :data:`SEARCH_ROUNDS` rounds at least
(more with more runs): in a single round a query's time moved by up to half between runs
of one project on a shared 2-core machine, too much to tell growth from noise.  The
figure is the median of every round; the note gives the first round's beside it (for the
list, the first time each query runs; ranked search runs after the list's search of the
same query).
"""

from __future__ import annotations

import time

from annotator.bench.results import Figure, median
from annotator.core.query import fts_query
from annotator.core.session import LIST_FIRST_COUNT, LIST_PAGE, Session
from annotator.core.store import COUNT_LIMIT, Project
from annotator.core.store.bench_data import fts_alone

SEARCH_ROUNDS = 5


def search_figures(project: Project, annotator: str, queries: tuple[str, ...],
                   runs: int) -> list[Figure]:
    """The list's search and ranked search, each beside FTS5 alone in the same run:
    a bare ``MATCH ... LIMIT`` of the same expression on the same index."""
    session = Session(project, annotator)
    rounds = max(runs, SEARCH_ROUNDS)
    figures: list[Figure] = []
    samples: dict[str, dict[str, list[float]]] = {
        kind: {q: [] for q in queries}
        for kind in ("list", "list_fts", "ranked", "ranked_fts", "count_on")}
    matches: dict[str, tuple[int, bool]] = {}
    for _round in range(rounds):
        for query in queries:
            match = fts_query(query)
            timed = (
                ("list", lambda q=query: (
                    session.count_at_most(LIST_FIRST_COUNT, query=q),
                    session.page(0, LIST_PAGE, query=q))),
                # After the first page is painted, the list counts on (not waited for).
                ("count_on", lambda q=query: session.count_at_most(COUNT_LIMIT, query=q)),
                ("list_fts", lambda m=match: fts_alone(project, m, LIST_PAGE)),
                ("ranked", lambda q=query: project.articles.search(q, limit=20)),
                ("ranked_fts", lambda m=match: fts_alone(project, m, 20)),
            )
            for kind, action in timed:
                start = time.perf_counter()
                action()
                samples[kind][query].append((time.perf_counter() - start) * 1000)
            matches[query] = session.count_at_most(COUNT_LIMIT, query=query)
    shown = {q: f"{n:,}+" if more else f"{n:,}" for q, (n, more) in matches.items()}
    on = samples["count_on"]
    longest = max(on, key=lambda q: median(on[q]))
    counting_on = (f"; then, once the page is shown, the count goes on to {COUNT_LIMIT:,} "
                   f"(not waited for): median "
                   f"{median([s for values in on.values() for s in values]):.1f} ms, "
                   f"slowest '{longest}' {median(on[longest]):.0f} ms")
    for key, name, kind, how in (
        ("search_list", f"search, article list (count to {LIST_FIRST_COUNT} + first "
         f"{LIST_PAGE} rows)", "list",
         f"Session.count_at_most({LIST_FIRST_COUNT}, query) + Session.page(0, {LIST_PAGE}, "
         "query): what the window reads before it shows a search's first page"),
        ("search_ranked", "search, ranked hits with snippets (first 20)", "ranked",
         "project.articles.search(query, limit=20)"),
    ):
        app, bare = samples[kind], samples[kind + "_fts"]
        value = median([s for values in app.values() for s in values])
        first = median([values[0] for values in app.values()])
        base = median([s for values in bare.values() for s in values])
        worst = max(app, key=lambda q: median(app[q]))
        per_query = "; ".join(
            f"'{q}' {shown[q]}: {median(app[q]):.1f} vs {median(bare[q]):.2f} ms"
            for q in queries)
        limit = LIST_PAGE if kind == "list" else 20
        target = 50 if kind == "list" else 100
        # Common and rare words alike: the slowest query counts too.
        slowest = median(app[worst])
        figures.append(Figure(key, name, "ms", value, base, value / base if base else None,
                        target=f"median and slowest query <= {target} ms",
                        met=value <= target and slowest <= target,
                        note=f"{how}; {len(queries)} queries x {rounds} rounds (median of "
                             f"the first round: {first:.2f} ms); slowest "
                             f"'{worst}' {slowest:.0f} ms ({shown[worst]} "
                             f"matches); baseline: FTS5 alone, MATCH ... LIMIT {limit} "
                             f"of the same expression; per query (matches: app vs "
                             f"FTS5 alone): {per_query}"
                             + (counting_on if kind == "list" else "")))
    return figures
