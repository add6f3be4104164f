"""What a methods section needs: the bootstrap interval of alpha and the coincidence matrix,
checked against independent figures (Krippendorff's published example, a plain and slow
unit-resampling bootstrap written here, alpha of each resample computed from scratch)."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import defaultdict
from fractions import Fraction

import numpy as np
import pytest
from bidi import get_display

from annotator.core.analysis.agreement import alpha, binary_alphas, coincidences
from annotator.core.analysis.alpha import METRICS, _present, _tally
from annotator.core.analysis.bootstrap import Bootstrap, summarise
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.outputs.terminal import shown_width
from annotator.core.store import open_project
from tests.core.test_agreement import REFERENCE, coded, reference_units  # noqa: F401

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: the
# coincidence matrix of the nominal example (values 1..5, 4 coders x 12 units).
THIRD = Fraction(1, 3)
PUBLISHED_MATRIX = {
    1: [7, 4 * THIRD, THIRD, THIRD, 0],
    2: [4 * THIRD, 10, 4 * THIRD, THIRD, 0],
    3: [THIRD, 4 * THIRD, 8, THIRD, 0],
    4: [THIRD, THIRD, THIRD, 4, 0],
    5: [0, 0, 0, 0, 3],
}


def hand_matrix(units: dict) -> dict[tuple, Fraction]:
    """Each ordered pair of values from two different coders of a unit adds 1/(m - 1)."""
    matrix: defaultdict[tuple, Fraction] = defaultdict(Fraction)
    for unit in units.values():
        values = [v for v in unit.values() if v is not None]
        for i, first in enumerate(values):
            for j, second in enumerate(values):
                if i != j:
                    matrix[first, second] += Fraction(1, len(values) - 1)
    return matrix


def test_hand_computation_reproduces_the_published_matrix() -> None:
    by_hand = hand_matrix(reference_units())
    for row, cells in PUBLISHED_MATRIX.items():
        for column, cell in enumerate(cells, start=1):
            assert by_hand[row, column] == cell


def test_coincidence_matrix_equals_the_published_one() -> None:
    counts = coincidences(reference_units()).counts
    for row, cells in PUBLISHED_MATRIX.items():
        for column, cell in enumerate(cells, start=1):
            assert counts.get((row, column), 0.0) == pytest.approx(float(cell), abs=1e-12)


# -- the bootstrap is exact for each resample ------------------------------------------------
def random_units(seed: int, n_units: int = 40, coders: int = 4, values: int = 4,
                 agree: float = 0.7, missing: float = 0.15) -> dict:
    rng = random.Random(seed)
    units = {}
    for unit in range(n_units):
        truth = rng.randrange(values)
        row = {}
        for coder in range(coders):
            if rng.random() < missing:
                continue
            row[f"c{coder}"] = truth if rng.random() < agree else rng.randrange(values)
        units[unit] = row
    return units


def set_units(seed: int, n_units: int = 40) -> dict:
    rng = random.Random(seed)
    labels = "abcde"
    units = {}
    for unit in range(n_units):
        base = frozenset(x for x in labels if rng.random() < 0.3)
        units[unit] = {f"c{coder}": (base if rng.random() < 0.6 else
                                     frozenset(x for x in labels if rng.random() < 0.3))
                       for coder in range(3) if rng.random() > 0.1}
    return units


class OneDraw(Bootstrap):
    """A bootstrap whose only resample is the one given (as unit keys)."""

    def __init__(self, units: dict, picked: list) -> None:
        super().__init__(1)
        self.units, self.picked = units, picked

    def draws(self, weights):  # type: ignore[override]
        tally = _tally(map(_present, self.units.values()))
        ids = {value: index for index, value in enumerate(tally.values)}
        groups = list(tally.signatures)
        row = np.zeros(len(groups))
        for key in self.picked:
            unit = _present(self.units[key])
            if len(unit) > 1:
                row[groups.index(tuple(sorted(ids[v] for v in unit.values())))] += 1
        yield row[None, :]


@pytest.mark.parametrize("metric", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", range(4))
def test_each_resample_gives_alpha_of_the_resampled_articles(metric: str, seed: int) -> None:
    units = random_units(seed)
    if metric == "ratio":
        units = {k: {c: v + 1 for c, v in u.items()} for k, u in units.items()}
    rng = random.Random(100 + seed)
    picked = [rng.choice(list(units)) for _ in units]
    expected = alpha({i: units[k] for i, k in enumerate(picked)}, metric).value
    interval = OneDraw(units, picked).interval(_tally(map(_present, units.values())),
                                               METRICS[metric])
    assert interval is not None and interval.low == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_each_resample_of_sets_gives_masi_and_binary_alpha(seed: int) -> None:
    units = set_units(seed)
    rng = random.Random(200 + seed)
    picked = [rng.choice(list(units)) for _ in units]
    resampled = {i: units[k] for i, k in enumerate(picked)}
    tally = _tally(map(_present, units.values()))
    interval = OneDraw(units, picked).interval(tally, METRICS["masi"])
    assert interval is not None
    assert interval.low == pytest.approx(alpha(resampled, "masi").value, abs=1e-9)
    binary = OneDraw(units, picked).binary(tally, list("abcde"))
    for label, result in binary_alphas(resampled, list("abcde")).items():
        got = binary[label]
        assert got is not None
        if result.value is None:
            assert got.low is None
        else:
            assert got.low == pytest.approx(result.value, abs=1e-9)


# -- against a plain, slow bootstrap ---------------------------------------------------------
def slow_bootstrap(units: dict, metric: str, samples: int, seed: int) -> np.ndarray:
    rng = random.Random(seed)
    keys = [k for k, u in units.items() if len(u) > 1]
    alphas = []
    for _ in range(samples):
        picked = [rng.choice(keys) for _ in keys]
        value = alpha({i: units[k] for i, k in enumerate(picked)}, metric).value
        alphas.append(np.nan if value is None else value)
    return np.array(alphas)


@pytest.mark.parametrize("metric", ["nominal", "ordinal"])
def test_interval_matches_a_plain_unit_bootstrap(metric: str) -> None:
    units = random_units(7, n_units=60, agree=0.75)
    point = alpha(units, metric).value
    fast = Bootstrap(3000, seed=1).interval(_tally(map(_present, units.values())),
                                            METRICS[metric])
    slow = summarise(slow_bootstrap(units, metric, 1500, seed=2))
    assert fast is not None and slow is not None
    assert fast.low is not None and fast.high is not None and point is not None
    assert fast.low < point < fast.high
    # Sampling error of a 2.5% quantile from 1,500 resamples is about 0.01 here.
    assert fast.low == pytest.approx(slow.low, abs=0.03)
    assert fast.high == pytest.approx(slow.high, abs=0.03)
    assert fast.below_reliable == pytest.approx(slow.below_reliable, abs=0.06)


def test_a_seed_reproduces_the_interval_and_samples_are_checked() -> None:
    units = random_units(3)
    tally = _tally(map(_present, units.values()))
    first = Bootstrap(500, seed=42).interval(tally, METRICS["nominal"])
    again = Bootstrap(500, seed=42).interval(tally, METRICS["nominal"])
    other = Bootstrap(500, seed=43).interval(tally, METRICS["nominal"])
    assert first == again and first != other
    with pytest.raises(AnnotatorError):
        Bootstrap(0)


def test_perfect_agreement_has_a_point_interval() -> None:
    units = {u: {"a": u % 3, "b": u % 3} for u in range(30)}
    interval = Bootstrap(200, seed=0).interval(_tally(map(_present, units.values())),
                                               METRICS["nominal"])
    assert interval is not None
    assert (interval.low, interval.high, interval.below_reliable) == (1.0, 1.0, 0.0)


# -- the command line ---------------------------------------------------------------------
@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project_path):
    from annotator.cli import commands as cli_module

    monkeypatch.setattr(cli_module, "PLUGINS", ("annotator.cli.agreement",))

    def run(*argv: str, db=project_path) -> tuple[int, str, str]:
        try:
            code = cli_module.main(["agreement", "--db", str(db), *argv])
        except SystemExit as exit_:  # argparse refuses a bad value
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_bootstrap_json_has_interval_beside_alpha(coded, cli) -> None:  # noqa: F811
    code, out, err = cli("--format", "json", "--bootstrap", "300", "--seed", "5")
    assert code == 0, err
    data = json.loads(out)
    assert data["bootstrap"]["samples"] == 300 and data["bootstrap"]["seed"] == 5
    for figure in data["figures"]:
        keys = list(figure)
        assert keys[keys.index("alpha") + 1:keys.index("alpha") + 3] == ["ci_low", "ci_high"] \
            or figure["alpha"] is None
        if figure["alpha"] is not None and figure["ci_low"] is not None:
            assert figure["ci_low"] <= figure["alpha"] + 1e-9 <= figure["ci_high"] + 2e-9
            assert 0 <= figure["p_below_800"] <= 1
    assert cli("--format", "json", "--bootstrap", "300", "--seed", "5")[1] == out
    code, out, _ = cli("--format", "json")
    assert "ci_low" not in out and "bootstrap" not in json.loads(out)


def test_cli_bootstrap_csv_and_table(coded, cli) -> None:  # noqa: F811
    code, out, _ = cli("--format", "csv", "--bootstrap", "200", "--seed", "1")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][:9] == ["revision", "field", "category", "level", "alpha", "ci_low",
                           "ci_high", "p_below_667", "p_below_800"]
    code, out, _ = cli("--logical", "--bootstrap", "200", "--seed", "1", "--field", "stance")
    assert code == 0 and "95% interval" in out and "q<0.800" in out
    assert "200 resamples" in out


def test_cli_persian_interval_reads_from_its_low_end(coded, cli) -> None:  # noqa: F811
    """A negative low end starts with a left-to-right mark: without an isolate around each
    end, the range read as one left-to-right run, its high end first in a right-to-left
    line (and the terminal's visual order put the low end on the left)."""
    code, out, err = cli("--lang", "fa", "--logical", "--bootstrap", "200", "--seed", "1",
                         "--field", "stance")
    assert code == 0, err
    rows = [line for line in out.splitlines() if " – " in line]
    negative = [line for line in rows if "\u200e−" in line]
    assert negative, out
    header = next(line for line in out.splitlines() if "بازهٔ ۹۵٪" in line)
    ends = set()
    for line in [header, *rows]:
        # Right-aligned: every interval (and its heading) ends at the same place on the line
        # when ZWNJ and the direction controls take none.
        cell = ("بازهٔ ۹۵٪" if line is header
                else line[line.index("\u2066"):line.rindex("\u2069") + 1])
        ends.add(shown_width(line[:line.index(cell) + len(cell)]))
    assert len(ends) == 1, out
    for line in negative:
        cell = line[line.index("\u2066"):line.rindex("\u2069") + 1]
        low, high = cell.split(" – ")
        assert low.startswith("\u2066\u200e−") and high.startswith("\u2066") and low.endswith(
            "\u2069") and high.endswith("\u2069")
        # As a right-to-left line is shown: the low end right of the high end, read first.
        shown = get_display(line, base_dir="R")
        bare = "\u2066\u2069\u200e"
        assert shown.index(low.strip(bare)) > shown.index(high.strip(bare))
    code, out, _ = cli("--lang", "fa", "--visual", "--bootstrap", "200", "--seed", "1",
                       "--field", "stance")
    assert code == 0 and not set(out) & set("\u200e\u200f\u2066\u2067\u2068\u2069")
    line = next(line for line in out.splitlines() if "−" in line and " – " in line)
    low = line[line.index("−"):].split()[0]
    assert line.index(low) > line.index(" – "), line  # the low end on the right, read first


@pytest.mark.parametrize("argv", [["--bootstrap", "0"], ["--bootstrap", "many"],
                                  ["--seed", "3"], ["--matrix", "stance", "--bootstrap", "9"],
                                  ["--matrix", "nothing"], ["--matrix", "note"]])
def test_cli_bad_input_is_one_line(coded, cli, argv) -> None:  # noqa: F811
    code, out, err = cli(*argv)
    assert code != 0 and "Traceback" not in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1


def published_example_project(tmp_path):
    """Krippendorff's 4 x 12 example as a project: stance categories stand for 1..5."""
    folder = tmp_path / "twelve"
    folder.mkdir()
    for unit in range(12):
        (folder / f"unit{unit:02d}.txt").write_text(f"خبر شماره {unit}\nمتن خبر {unit}.",
                                                    encoding="utf-8")
    path = tmp_path / "twelve.annotator"
    scale = ["strongly_condemning", "condemning", "neutral", "understanding", "supportive"]
    with open_project(path) as project:
        added = sorted(import_paths(project, [folder]).added)
        for annotator, row in REFERENCE.items():
            for article_id, cell in zip(added, row.split(), strict=True):
                if cell != ".":
                    project.tags.set_choice(article_id, annotator, "stance",
                                            scale[int(cell) - 1])
    return path, scale


def test_cli_matrix_of_the_published_example(tmp_path, cli) -> None:
    path, scale = published_example_project(tmp_path)
    code, out, err = cli("--matrix", "stance", "--format", "json", db=path)
    assert code == 0, err
    (data,) = json.loads(out)  # one codebook revision: one matrix
    assert data["revision"] == "1"
    assert list(data["matrix"]) == scale
    for row, cells in PUBLISHED_MATRIX.items():
        for column, cell in enumerate(cells, start=1):
            got = data["matrix"][scale[row - 1]][scale[column - 1]]
            assert got == pytest.approx(float(cell), abs=1e-6)
    assert [data["totals"][v] for v in scale] == [9, 13, 10, 5, 3]
    assert data["units"] == 11
    # Off the diagonal: 2 + 3 + 2 + 1 + 0 = 8 coincidences of unequal values; the largest
    # share is 1 and 2 (and 2 and 3), 4/3 each way: 8/3 of 8.
    top = data["disagreements"][:2]
    assert {tuple(d["values"]) for d in top} == {(scale[0], scale[1]), (scale[1], scale[2])}
    assert top[0]["count"] == pytest.approx(8 / 3, abs=1e-6)
    assert top[0]["share"] == pytest.approx(1 / 3, abs=1e-6)
    code, out, _ = cli("--matrix", "stance", "--format", "csv", db=path)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["value", *scale, "total"] and rows[1][1] == "7"
    code, out, _ = cli("--matrix", "stance", "--logical", db=path)
    assert code == 0 and "Coincidence matrix" in out and "condemning" in out
    code, out, _ = cli("--matrix", "stance", "--lang", "fa", "--logical", db=path)
    assert code == 0 and "۱۳" in out


def test_cli_matrix_of_a_set_field(coded, cli) -> None:  # noqa: F811
    code, out, err = cli("--matrix", "demands", "--format", "json")
    assert code == 0, err
    (data,) = json.loads(out)
    assert data["level"] == "masi"
    total = sum(sum(row.values()) for row in data["matrix"].values())
    assert total == pytest.approx(sum(data["totals"].values()))


def test_report_shows_each_interval(coded) -> None:  # noqa: F811
    from annotator.core.analysis.agreement import field_agreement
    from annotator.core.outputs.report import INTERVAL_SAMPLES, INTERVAL_SEED, build_report

    html = build_report(coded, "en", chart_dpi=30).html()
    assert "95% interval" in html and "1000 resamples" in html
    figures = field_agreement(coded, bootstrap=Bootstrap(INTERVAL_SAMPLES, INTERVAL_SEED))
    shown = [f for f in figures if f.interval is not None and f.interval.low is not None]
    assert shown
    for figure in shown:
        assert f"{figure.interval.low:.3f} – {figure.interval.high:.3f}" in html


def test_report_shows_the_coincidence_matrix_of_the_published_example(tmp_path) -> None:
    from annotator.core.outputs.report import build_report

    path, scale = published_example_project(tmp_path)
    with open_project(path) as project:
        report = build_report(project, "fa", chart_dpi=30)
        stance = next(part for part in report.matrices if part.names[0] != scale[0])
        html = report.html()
    # Krippendorff's table in Persian digits: row 1 reads 7, 1.33, 0.33, 0.33, 0; n_1 = 9.
    assert stance.cells[0] == ["۷", "۱٫۳۳", "۰٫۳۳", "۰٫۳۳", "۰"]
    assert stance.totals == ["۹", "۱۳", "۱۰", "۵", "۳"]
    assert stance.shades[0][0] != stance.shades[0][4]
    assert "ماتریس‌های هم‌رخدادی" in html and "۳۳٫۳٪" in html
