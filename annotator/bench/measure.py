"""The bench's figures: each timed on an N-article project beside a baseline where one exists.

:func:`run_bench` writes the synthetic corpus, imports it R times through the real
reader (next to a raw ``sqlite3`` import of the same rows), adds 6 tags per article
(3 annotators x 2 fields) through the store's tag import, and then times the long
export (to a stream, and to a file as the command writes it), search, saving a tag, the
window (in a child process: cold start, switching articles, peak memory), agreement and
merge.  Agreement and merge are looked up when the bench runs.
Each figure is the median of its runs (or of all samples of all runs), with its target
and whether it was met.
"""

from __future__ import annotations

import csv
import importlib
import inspect
import json
import os
import random
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.bench.children import SCREEN_SIZE, empty_window, offscreen_screen, window_child
from annotator.bench.corpus import SyntheticCorpus, article_id, write_corpus
from annotator.bench.files import project_files, remove_project, split_corpus
from annotator.bench.realistic import rare_word, write_realistic_corpus
from annotator.bench.results import (  # noqa: F401  (re-exported for the command)
    Figure,
    Report,
    load_average,
    machine,
    markdown,
    median,
    percentile,
    text_table,
)
from annotator.bench.search import search_figures
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.intake.options import ImportOptions
from annotator.core.outputs.export import (
    ExportOptions,
    codebook_sheet_path,
    export,
    export_to_file,
)
from annotator.core.session import Session
from annotator.core.store import EXPORT_COLUMNS, Project, open_project
from annotator.core.store.bench_data import (
    BenchTag,
    add_bench_tags,
    bare_commits,
    bare_insert,
    raw_import,
    read_codings,
    scan_tags,
)

ANNOTATORS = ("coder1", "coder2", "coder3")
STANCES = ("strongly_condemning", "condemning", "neutral", "understanding", "supportive",
           "unclear")
DEMANDS = ("ceasefire", "cut_ties", "humanitarian_aid", "islamic_unity", "accountability")
# Persian and Arabic spellings, a ZWNJ variant, a phrase, a prefix, a word in few articles,
# the commonest word; the bench adds a rare word of the realistic vocabulary (rank 50,000).
QUERIES = ("غزه", "اردوغان", "گفت\u200cوگو", "رئيس جمهور", "سازمان همکاری اسلامی",
           "همکاری*", "ترکمنستان", "در")
CORPORA = ("realistic", "synthetic")
_CORPUS_WRITERS: dict[str, Callable[[Path, int, int], SyntheticCorpus]] = {
    "realistic": write_realistic_corpus, "synthetic": write_corpus}
SAVES_PER_RUN = 201  # three edits per article: stance, add a demand, remove it
PART_ARTICLES = 100_000  # articles per corpus file (~430 MB)
ARTICLES_ONLY = "articles-only.sqlite"  # the imported project before its tags
AGREEMENT_RUNS = 3  # agreement is timed this many times at least (seconds each)

Log = Callable[[str], None]


def run_bench(articles: int, runs: int, workdir: Path, *, switches: int = 200,
              seed: int = 1403, log: Log | None = None, corpus: str = "realistic") -> Report:
    """Measure everything on ``articles`` synthetic articles, ``runs`` times each.

    ``corpus``: ``realistic`` (words from a Zipf vocabulary of 200,000+ forms per
    language, :mod:`annotator.bench.realistic`) or ``synthetic`` (the sample articles'
    sentences again and again: every query matches most articles, the worst case).

    While it runs, ``ANNOTATOR_HOME`` points into ``workdir``: the backups the store makes
    of the bench's projects (gigabytes at full size) and the window's settings stay in the
    scratch folder, never in the user's data folder.
    """
    previous = os.environ.get("ANNOTATOR_HOME")
    os.environ["ANNOTATOR_HOME"] = str(workdir / "home")
    try:
        if corpus not in CORPORA:
            raise AnnotatorError(f"unknown corpus '{corpus}' (use one of: {', '.join(CORPORA)})")
        return _Bench(articles, runs, workdir, switches, seed, log or (lambda _m: None),
                      corpus).run()
    finally:
        if previous is None:
            os.environ.pop("ANNOTATOR_HOME", None)
        else:
            os.environ["ANNOTATOR_HOME"] = previous


class _Bench:
    def __init__(self, articles: int, runs: int, workdir: Path, switches: int, seed: int,
                 log: Log, corpus: str = "realistic") -> None:
        if articles < 1 or runs < 1:
            raise AnnotatorError("the bench needs at least 1 article and 1 run")
        # Absolute: the window children run in it (offscreen_screen).
        workdir = workdir.resolve()
        self.n, self.runs, self.work = articles, runs, workdir
        self.switches, self.seed = switches, seed
        self.rng = random.Random(seed)
        self.clock = time.perf_counter()
        self._log = log
        self.corpus = corpus
        self.report = Report(articles, runs, machine(),
                             datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), corpus=corpus)
        self.project_path = workdir / "project.sqlite"
        self.home = workdir / "home"
        self.merge = _find_merge()

    def log(self, message: str) -> None:
        self._log(f"[{time.perf_counter() - self.clock:7.1f} s] {message}")

    def add(self, figure: Figure) -> Figure:
        self.report.figures.append(figure)
        return figure

    def run(self) -> Report:
        self.work.mkdir(parents=True, exist_ok=True)
        self.home.mkdir(exist_ok=True)
        self.log(f"writing {self.n:,} articles ({self.corpus} corpus)")
        corpus = _CORPUS_WRITERS[self.corpus](self.work / "corpus.jsonl", self.n, self.seed)
        self.log(f"{corpus.mean_chars:,.0f} characters per article on average, "
                 f"{corpus.languages['fa']:,} Persian, {corpus.languages['ar']:,} Arabic")
        self.measure_import(split_corpus(corpus.path, PART_ARTICLES))
        project = open_project(self.project_path, create=False)
        try:
            self.add_tags(project)
            project.close()
            self.file_size("size_tagged", "project file per article (with 6 tags each)")
            project = open_project(self.project_path, create=False)
            self.measure_export(project)
            self.measure_search(project)
            self.measure_saving(project)
            self.measure_window()
            self.measure_agreement(project)
        finally:
            project.close()
        self.measure_tag_import()
        self.measure_merge()
        self.report.seconds = time.perf_counter() - self.clock
        self.report.machine["load_at_end"] = load_average()
        self.log("done")
        return self.report

    # -- import --------------------------------------------------------------------
    def measure_import(self, parts: list[Path]) -> None:
        baseline: list[float] = []
        timed: list[float] = []
        for run in range(1, self.runs + 1):
            self.log(f"import run {run}/{self.runs}: raw sqlite3 baseline")
            stored, indexed = _raw_baseline(parts, self.work / "baseline.sqlite")
            baseline.append(stored + indexed)
            (self.work / "baseline.sqlite").unlink()
            self.log(f"import run {run}/{self.runs}: rows {stored:.1f} s + FTS5 {indexed:.1f} s; "
                     "now import_paths")
            remove_project(self.project_path)
            with open_project(self.project_path) as project:
                start = time.perf_counter()
                # The synthetic texts come from a tiny vocabulary, so some look alike: the
                # near-duplicate check still runs (and is timed), but keeps them all.
                result = import_paths(project, parts,
                                      options=ImportOptions(keep_near_duplicates=True))
                timed.append(time.perf_counter() - start)
            if len(result.added) != self.n or result.problems:
                raise AnnotatorError(
                    f"bench import stored {len(result.added)} of {self.n} articles "
                    f"({len(result.problems)} problems, first: "
                    f"{result.problems[0] if result.problems else 'none'})")
            self.log(f"import run {run}/{self.runs}: {timed[-1]:.1f} s")
        rate, base = self.n / median(timed), self.n / median(baseline)
        self.add(Figure("import", "import (JSONL, import_paths)", "articles/s", rate, base,
                        base / rate, "time <= 2.0 x baseline", base / rate <= 2.0,
                        f"median of {self.runs}: {median(timed):.1f} s vs {median(baseline):.1f} s "
                        "(baseline: sqlite3 executemany of id, title, body in one transaction + "
                        "contentless FTS5 unicode61 build)"))
        self.file_size("size_articles", "project file per article (articles only)")
        if self.merge is not None:
            shutil.copyfile(self.project_path, self.work / ARTICLES_ONLY)

    def drop_backups(self, keep_newest: bool = False) -> int:
        """Remove the backups the store made of the bench's projects (a full copy each,
        gigabytes at full size: a 1,000,000-article run would not fit on many disks), all
        or all but the newest; how many there were (with ``keep_newest``: are left)."""
        folder = self.home / "backups"
        found = sorted((p for p in folder.rglob("*.sqlite") if p.is_file()),
                       key=lambda p: p.name) if folder.is_dir() else []
        if not keep_newest:
            shutil.rmtree(folder, ignore_errors=True)
            return len(found)
        for old in found[:-1]:
            old.unlink()
        return min(len(found), 1)

    def file_size(self, key: str, name: str) -> None:
        size = sum(p.stat().st_size for p in project_files(self.project_path))
        self.add(Figure(key, name, "bytes", size / self.n,
                        note=f"{size / 1e6:,.0f} MB for {self.n:,} articles"))

    # -- tags ----------------------------------------------------------------------
    def add_tags(self, project: Project) -> None:
        tags = bench_tags(self.n, ANNOTATORS, self.seed)
        self.log(f"adding {len(tags):,} tags (bulk insert, bench only)")
        start = time.perf_counter()
        added = add_bench_tags(project, tags)
        if added != len(tags):
            raise AnnotatorError(f"bench tags: {added} of {len(tags)} added")
        self.log(f"tags added in {time.perf_counter() - start:.1f} s")

    def measure_tag_import(self) -> None:
        """The tag CSV import, on a slice: at full size it would take minutes of setup."""
        articles = min(self.n, 5_000)
        rows = csv_rows(bench_tags(articles, ("coder9",), self.seed + 2))
        self.log(f"tag import: {len(rows):,} rows through import_tag_rows")
        # The window's backup on opening is there, as on an analyst's disk: the import
        # backs up only if it is large beside the project (or no backup is recent).
        made_before = self.drop_backups(keep_newest=True)
        with open_project(self.project_path, create=False) as project:
            start = time.perf_counter()
            result = project.exchange.import_tag_rows(rows, where="bench tags")
            seconds = time.perf_counter() - start
        backed_up = self.drop_backups() > made_before
        if result.added != len(rows):
            raise AnnotatorError(f"bench tag import: {result.added} of {len(rows)} added")
        rate = len(rows) / seconds
        columns = sorted({column for _line, row in rows for column in row})
        base = bare_insert(self.work / "bare-insert.sqlite",
                           [tuple(row.get(c) for c in columns) for _line, row in rows])
        self.add(Figure("tag_import", "tag CSV import (import_tag_rows)", "tags/s", rate,
                        len(rows) / base if base else None, seconds / base if base else None,
                        target="(no target)",
                        note=f"baseline: the rows' values stored in a plain table of a new "
                             f"file, one executemany ({base * 1000:.0f} ms); "
                             f"{len(rows):,} rows into the project with "
                             f"{2 * len(ANNOTATORS) * self.n:,} tags, one run, {seconds:.1f} s; "
                             + ("includes the store's backup of the whole project before "
                                "it (the import is large beside the project)" if backed_up
                                else "no backup needed (small beside the project; in the "
                                "history, and a backup is at most an hour old)")))

    # -- export --------------------------------------------------------------------
    def measure_export(self, project: Project) -> None:
        target = self.work / "tags.csv"
        rows = [tuple(row.values()) for row in project.exchange.iter_tag_rows()]
        tags = len(rows)
        baseline: list[float] = []
        scanned = 0
        for run in range(1, self.runs + 1):
            self.log(f"export baseline run {run}/{self.runs}")
            start = time.perf_counter()
            scanned = scan_tags(project)
            with target.open("w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out, lineterminator="\r\n")
                writer.writerow(EXPORT_COLUMNS)
                writer.writerows(rows)
            baseline.append(time.perf_counter() - start)
        # The baseline's rows (gigabytes at 1,000,000 articles) go before the exports are
        # timed: an analyst's export does not share the machine's memory with them.
        del rows
        base = median(baseline)
        long = ExportOptions(format="long")
        exporters: tuple[tuple[Callable[[], Any], str, str, str], ...] = (
            (lambda: _export_stream(project, target, long),
             "export(project, out, ExportOptions(format='long'))", "export",
             "long CSV export, research columns"),
            (lambda: export_to_file(project, target, long),
             "export_to_file(project, path, ExportOptions(format='long')): what `annotator "
             "export -o FILE` and the window run (a temporary file, read back, renamed, "
             "with the codebook sheet beside it)", "export_file",
             "long CSV export to a file, as the command and the window write it"),
        )
        for exporter, how, key, name in exporters:
            timed: list[float] = []
            for run in range(1, self.runs + 1):
                self.log(f"{name} run {run}/{self.runs}")
                start = time.perf_counter()
                exporter()
                timed.append(time.perf_counter() - start)
            value = median(timed)
            self.add(Figure(key, f"{name} ({tags:,} tags)", "s", value, base, value / base,
                            "<= 1.5 x baseline", value / base <= 1.5,
                            f"{how}; {target.stat().st_size / 1e6:,.0f} MB; baseline: "
                            f"one scan of the tags table ({scanned:,} rows) + csv.writer of "
                            f"the joined tag rows ({len(EXPORT_COLUMNS)} columns)"))
        # Gigabytes at full size.
        for written in (target, codebook_sheet_path(target)):
            written.unlink(missing_ok=True)

    # -- search --------------------------------------------------------------------
    def measure_search(self, project: Project) -> None:
        self.log("search")
        for figure in search_figures(project, ANNOTATORS[0], (*QUERIES, rare_word(self.seed)),
                                     self.runs):
            self.add(figure)

    # -- saving --------------------------------------------------------------------
    def measure_saving(self, project: Project) -> None:
        session = Session(project, ANNOTATORS[0])
        samples: list[float] = []
        self.log("saving tags")
        for _run in range(self.runs):
            for _article in range(SAVES_PER_RUN // 3):
                target = article_id(self.rng.randrange(1, self.n + 1))
                current = {t.value for t in project.tags.find(target, session.annotator, "stance")}
                stance = self.rng.choice([s for s in STANCES if s not in current])
                edits: list[tuple[Callable[..., object], tuple[object, ...]]] = [
                    (session.set_choice, (target, "stance", stance)),
                    (session.set_value, (target, "demands", "political_solution", True)),
                    (session.set_value, (target, "demands", "political_solution", False)),
                ]
                for edit, arguments in edits:
                    start = time.perf_counter()
                    edit(*arguments)
                    samples.append((time.perf_counter() - start) * 1000)
        value = median(samples)
        base = median(bare_commits(self.work / "bare-commits.sqlite", len(samples)))
        self.add(Figure("save", "saving one tag (Session.set_choice / set_value)", "ms", value,
                        base, value / base if base else None,
                        target="median <= 5 ms", met=value <= 5,
                        note=f"{len(samples)} edits; p95 {percentile(samples, 0.95):.1f} ms; "
                             "baseline: as many one-row transactions in a new file beside "
                             "the project (write-ahead log, synchronous NORMAL, as the "
                             "project)"))

    # -- window --------------------------------------------------------------------
    def measure_window(self) -> None:
        ids = [article_id(self.rng.randrange(1, self.n + 1)) for _ in range(self.switches)]
        ids_file = self.work / "switch-ids.json"
        ids_file.write_text(json.dumps(ids), encoding="utf-8")
        cold: list[float] = []
        empty: list[float] = []
        switches: list[float] = []
        steps: list[float] = []
        bare: list[float] = []
        peak_kb = 0
        backups: list[float] = []
        for run in range(1, self.runs + 1):
            self.log(f"window run {run}/{self.runs}: empty QMainWindow baseline")
            empty.append(empty_window(self.child_env(), self.work))
            self.log(f"window run {run}/{self.runs}: the app on {self.n:,} articles")
            started, report = window_child(self.project_path, ids_file, self.child_env(),
                                           self.work, ANNOTATORS[0])
            cold.append(float(report["painted_at"]) - started)
            switches.extend(float(ms) for ms in report["switch_ms"])
            steps.extend(float(ms) for ms in report.get("next_ms", []))
            bare.extend(float(ms) for ms in report.get("bare_ms", []))
            peak_kb = max(peak_kb, int(report["maxrss_kb"]))
            backups.append(float(report.get("backup_s", 0.0)))
            self.log(f"window run {run}/{self.runs}: first article painted after "
                     f"{cold[-1]:.2f} s (empty window {empty[-1]:.2f} s)")
        value, base = median(cold), median(empty)
        self.add(Figure("cold_start", "cold start to the first article painted", "s", value,
                        base, value / base, "<= 1.0 s", value <= 1.0,
                        f"child process, QT_QPA_PLATFORM=offscreen on a {SCREEN_SIZE} screen, "
                        f"the window {report.get('window', '?')}; baseline: Python + PySide6 "
                        "to an empty shown QMainWindow"))
        middle, p95 = median(switches), percentile(switches, 0.95)
        base = median(bare) if bare else None
        self.add(Figure("switch_median", "switching article (open_article), median", "ms",
                        middle, base, middle / base if base else None,
                        target="<= 10 ms", met=middle <= 10,
                        note=f"{len(switches)} switches to random articles, text + tags + form "
                             "+ highlights + list, events processed; timed after the backup on "
                             f"opening, which ran {median(backups):.1f} s in the background; "
                             "baseline: a bare QTextBrowser as large as the reader, in its "
                             "font, given the same articles' bodies (one read each) and "
                             "painted"))
        self.add(Figure("switch_p95", "switching article (open_article), p95", "ms", p95,
                        target="<= 30 ms", met=p95 <= 30, note=f"max {max(switches):.0f} ms"))
        if steps:
            middle, p95 = median(steps), percentile(steps, 0.95)
            self.add(Figure("next_median", "next article in the list (step), median", "ms",
                            middle, base, middle / base if base else None,
                            target="<= 10 ms", met=middle <= 10,
                            note=f"{len(steps)} steps; p95 {p95:.0f} ms, max {max(steps):.0f} ms"))
        megabytes = peak_kb / 1024
        self.add(Figure("memory", "peak memory of the window", "MB", megabytes,
                        target="<= 300 MB", met=megabytes <= 300,
                        note=f"peak resident memory (VmHWM) after opening and "
                             f"{self.switches} switches"))

    def child_env(self) -> dict[str, str]:
        """The window children's environment; they run in the work folder, where the
        offscreen platform finds its screen (:func:`offscreen_screen`)."""
        env = {k: v for k, v in os.environ.items() if k != "ANNOTATOR_DB"}
        env.update(QT_QPA_PLATFORM=offscreen_screen(self.work), ANNOTATOR_HOME=str(self.home),
                   ANNOTATOR_NAME=ANNOTATORS[0])
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(
            [package_root, *filter(None, [os.environ.get("PYTHONPATH")])])
        return env

    # -- agreement and merge (built elsewhere; measured once they exist) -------------
    def measure_agreement(self, project: Project) -> None:
        figure = self.add(Figure("agreement", f"agreement over {self.n:,} articles x "
                                 f"{len(ANNOTATORS)} annotators", "s", target="<= 3 s"))
        compute = _find_agreement()
        if compute is None:
            figure.note = "n/a: not built yet (annotator.core.analysis.agreement.field_agreement)"
            return
        timed: list[float] = []
        baseline: list[float] = []
        # Seconds, not minutes: timed AGREEMENT_RUNS times at least (a single run moved by
        # a fifth between runs of one project), the first noted beside the median.
        runs = max(self.runs, AGREEMENT_RUNS)
        try:
            for run in range(1, runs + 1):
                self.log(f"agreement run {run}/{runs}")
                start = time.perf_counter()
                read_codings(project)
                baseline.append(time.perf_counter() - start)
                start = time.perf_counter()
                compute(project)
                timed.append(time.perf_counter() - start)
        except Exception as exc:  # someone else's module: report, do not stop the bench
            figure.note = f"n/a: field_agreement failed ({type(exc).__name__}: {exc})"
            return
        figure.value, figure.baseline = median(timed), median(baseline)
        figure.ratio = figure.value / figure.baseline if figure.baseline else None
        figure.met = figure.value <= 3
        figure.note = ("annotator.core.analysis.agreement.field_agreement(project); median of "
                       f"{runs} (the first {timed[0]:.2f} s); baseline: "
                       "one pass over the tags' key index (tags_one_value: every tag's "
                       "article, annotator, field and value), counted inside SQLite, just "
                       "before")

    def measure_merge(self) -> None:
        figure = self.add(Figure("merge", f"merging two {self.n:,}-article files", "s",
                                 target="<= 20 s"))
        if self.merge is None:
            figure.note = "n/a: not built yet (annotator.core.merge)"
            return
        name, merge = self.merge
        other = self.work / "other.sqlite"
        remove_project(other)
        (self.work / ARTICLES_ONLY).replace(other)  # not needed after this: moved, not copied
        self.log("merge: adding another 3 annotators' tags to a second file")
        with open_project(other, create=False) as project:
            add_bench_tags(project, bench_tags(self.n, ("coder4", "coder5", "coder6"),
                                               self.seed + 1))
        timed: list[float] = []
        parts: dict[str, float] = {}
        target = self.work / "merge-target.sqlite"
        # The baseline: their file copied once, byte for byte (what a merge reads of it
        # at the least, and as much written).
        start = time.perf_counter()
        shutil.copyfile(other, target)
        copied = time.perf_counter() - start
        remove_project(target)
        try:
            for run in range(1, self.runs + 1):
                self.log(f"merge run {run}/{self.runs}")
                remove_project(target)
                if run == self.runs:  # the bench's last step: into the project itself
                    target = self.project_path
                else:
                    shutil.copyfile(self.project_path, target)
                with open_project(target, create=False) as project:
                    start = time.perf_counter()
                    summary = merge(project, other)
                    timed.append(time.perf_counter() - start)
                parts = getattr(summary, "seconds", None) or parts
                self.drop_backups()
            remove_project(self.work / "merge-target.sqlite")
        except Exception as exc:  # someone else's module: report, do not stop the bench
            figure.note = f"n/a: {name} failed ({type(exc).__name__}: {exc})"
            return
        figure.value, figure.baseline = median(timed), copied
        figure.ratio = figure.value / copied if copied else None
        figure.met = figure.value <= 20
        tags = 2 * len(ANNOTATORS) * self.n
        figure.note = (f"{name}: a file with {self.n:,} articles and {tags:,} tags of 3 other "
                       f"annotators into one with the same articles and {tags:,} tags; "
                       "includes the store's backup before a merge; baseline: their file "
                       "copied once, byte for byte (shutil.copyfile)")
        if {"merge", "backup"} <= set(parts):
            steps = ", ".join(f"{name} {parts[name]:.1f} s" for name in
                              ("articles", "tags", "statuses", "history") if name in parts)
            figure.note += (f"; last run: the merge's own work {parts['merge']:.1f} s "
                            f"({steps}), the backup {parts['backup']:.1f} s beside it, "
                            f"{parts.get('waited', 0.0):.1f} s waited for it")


def bench_tags(articles: int, annotators: tuple[str, ...], seed: int) -> list[BenchTag]:
    """Two tags per article and annotator: a stance and a demand with an evidence span.

    The annotators agree on the stance about 70 % of the time; the span lies near the
    start of the body (every synthetic body is longer).
    """
    rng = random.Random(seed)
    tags: list[BenchTag] = []
    for number in range(1, articles + 1):
        target = article_id(number)
        agreed = rng.choice(STANCES)
        for annotator in annotators:
            stance = agreed if rng.random() < 0.7 else rng.choice(STANCES)
            start = rng.randrange(0, 200)
            tags.append((target, annotator, "stance", stance, None, None))
            tags.append((target, annotator, "demands", rng.choice(DEMANDS), start,
                         start + rng.randrange(20, 80)))
    return tags


def csv_rows(tags: list[BenchTag]) -> list[tuple[int, dict[str, str]]]:
    """The same tags as rows of a tag CSV (for ``project.exchange.import_tag_rows``)."""
    rows = []
    for line, (target, annotator, field_id, value, start, end) in enumerate(tags, 2):
        row = {"article_id": target, "annotator": annotator, "field": field_id, "value": value}
        if start is not None and end is not None:
            row.update(span_start=str(start), span_end=str(end))
        rows.append((line, row))
    return rows


# -- the pieces built by others, found when the bench runs ----------------------------
def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise


def _export_stream(project: Project, target: Path, options: ExportOptions) -> int:
    """The long export written straight into ``target`` (no temporary file, no check)."""
    with target.open("w", encoding="utf-8", newline="") as out:
        return export(project, out, options)


def _find_agreement() -> Callable[[Project], Any] | None:
    module = _optional("annotator.core.analysis.agreement")
    function = getattr(module, "field_agreement", None) if module is not None else None
    if not callable(function):
        return None
    required = [p for p in inspect.signature(function).parameters.values()
                if p.default is inspect.Parameter.empty
                and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(required) >= 2:  # one field at a time: all coded fields, as a report would
        def every_field(project: Project) -> list[Any]:
            fields = [f.id for f in project.codebooks.active().fields if f.type != "text"]
            return [function(project, field_id) for field_id in fields]
        return every_field
    return function  # type: ignore[no-any-return]


def _find_merge() -> tuple[str, Callable[[Project, Path], Any]] | None:
    module = _optional("annotator.core.merge")
    for name in ("merge_file", "merge_project", "merge_projects", "merge"):
        function = getattr(module, name, None) if module is not None else None
        if callable(function):
            return f"annotator.core.merge.{name}(project, other_file)", function
    return ("project.merge.from_file(other_file)",
            lambda project, other: project.merge.from_file(other))


def _raw_baseline(parts: list[Path], path: Path) -> tuple[float, float]:
    """The import's baseline (:func:`raw_import` of the corpus's rows): seconds for the
    rows and for their index.  The rows are read here and let go on return: held while
    the app's import is timed, the whole corpus in this process's memory made that import
    a third slower at 250,000 articles (264 s alone, 348 s beside them), and more so the
    larger the corpus, which no analyst's import has to carry."""
    rows = []
    for part in parts:
        with part.open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                rows.append((item["id"], item["title"], item["text"]))
    return raw_import(path, rows)
