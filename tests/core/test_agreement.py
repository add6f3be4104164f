"""Agreement: Krippendorff's alpha against the published reference and an independent
implementation, MASI, and figures from real project files and the command line."""

from __future__ import annotations

import csv
import io
import json
import math
from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.analysis import agreement
from annotator.core.analysis.agreement import (
    CODED_NONE,
    MASI,
    NO_PAIRS,
    ONE_VALUE,
    Metric,
    alpha,
    binary_alphas,
    coincidences,
    field_agreement,
    masi_distance,
    pair_counts,
    pairwise,
)
from annotator.core.errors import AnnotatorError
from tests.conftest import SAMPLE_IDS

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
REFERENCE = {
    "A": "1 2 3 3 2 1 4 1 2 . . .",
    "B": "1 2 3 3 2 2 4 1 2 5 . 3",
    "C": ". 3 3 3 2 3 4 2 2 5 1 .",
    "D": "1 2 3 3 2 4 4 1 2 5 1 .",
}


def reference_units() -> dict[int, dict[str, int | None]]:
    units: dict[int, dict[str, int | None]] = {}
    for annotator, row in REFERENCE.items():
        for unit, cell in enumerate(row.split()):
            units.setdefault(unit, {})[annotator] = None if cell == "." else int(cell)
    return units


@pytest.mark.parametrize(("level", "expected"), [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797),
])
def test_published_reference_values(level: str, expected: float) -> None:
    result = alpha(reference_units(), level)
    assert result.value is not None and round(result.value, 3) == expected
    # Unit 12 holds one value only: not pairable.
    assert (result.n_units, result.n_annotators, result.n_values) == (11, 4, 40)
    assert result.reason == ""


def test_nan_is_missing_like_none() -> None:
    units = {u: {c: math.nan if v is None else v for c, v in unit.items()}
             for u, unit in reference_units().items()}
    assert alpha(units, "ordinal") == alpha(reference_units(), "ordinal")


def test_coincidence_matrix_of_the_reference() -> None:
    matrix = coincidences(reference_units())
    assert sum(matrix.counts.values()) == pytest.approx(40)
    # Krippendorff's table: n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3.
    assert {v: round(n, 9) for v, n in matrix.marginals().items()} == {
        1: 9, 2: 13, 3: 10, 4: 5, 5: 3}
    assert matrix.counts[1, 2] == pytest.approx(4 / 3)


def test_a_plain_distance_can_be_plugged_in() -> None:
    squared = Metric.fixed("squared", lambda a, b: float(a - b) ** 2)
    assert alpha(reference_units(), squared).value == alpha(reference_units(), "interval").value
    with pytest.raises(AnnotatorError, match="unknown level"):
        alpha(reference_units(), "cardinal")


def test_undefined_alpha_says_why() -> None:
    one_value = alpha({1: {"a": "x", "b": "x"}, 2: {"a": "x", "b": "x"}})
    assert one_value.value is None and one_value.reason == ONE_VALUE
    assert one_value.n_units == 2
    lonely = alpha({1: {"a": "x", "b": None}, 2: {"b": "y"}})
    assert lonely.value is None and lonely.reason == NO_PAIRS
    assert (lonely.n_units, lonely.n_annotators, lonely.n_values) == (0, 0, 0)
    assert alpha({}).reason == NO_PAIRS


def test_perfect_agreement_is_exactly_one() -> None:
    units = {u: {"a": v, "b": v, "c": v} for u, v in enumerate("xyzxy")}
    for level in ("nominal",):
        assert alpha(units, level).value == 1.0
    sets = {u: {"a": frozenset(v), "b": frozenset(v)} for u, v in enumerate(["ab", "c", ""])}
    assert alpha(sets, "masi").value == 1.0


# -- an independent implementation ------------------------------------------------------------
reliability_data = st.integers(2, 5).flatmap(lambda annotators: st.lists(
    st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=annotators, max_size=annotators),
    min_size=1, max_size=12))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(columns=reliability_data)
def test_alpha_equals_the_krippendorff_package(columns: list[list[int | None]]) -> None:
    krippendorff = pytest.importorskip("krippendorff")
    np = pytest.importorskip("numpy")
    units = {u: dict(enumerate(column)) for u, column in enumerate(columns)}
    matrix = np.array([[np.nan if v is None else v for v in column] for column in columns],
                      dtype=float).T  # annotators x units
    for level in ("nominal", "ordinal", "interval"):
        try:
            with np.errstate(all="ignore"):
                theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement=level)
        except ValueError:  # fewer than two values in the data
            continue
        ours = alpha(units, level).value
        if ours is None:
            assert math.isnan(theirs) or not math.isfinite(theirs)
        else:
            assert ours == pytest.approx(theirs, abs=1e-9), level


# -- MASI -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("a", "b", "distance"), [
    ("ab", "ab", 0.0),  # identical
    ("a", "ab", 1 - (1 / 2) * (2 / 3)),  # subset
    ("ab", "bc", 1 - (1 / 3) * (1 / 3)),  # overlap
    ("ab", "cd", 1.0),  # disjoint
    ("", "", 0.0),  # two empty sets (NLTK divides by zero here)
    ("", "a", 1.0),
])
def test_masi_distance(a: str, b: str, distance: float) -> None:
    assert masi_distance(frozenset(a), frozenset(b)) == pytest.approx(distance)
    assert masi_distance(frozenset(b), frozenset(a)) == pytest.approx(distance)


def test_masi_alpha_with_one_set_only_is_undefined() -> None:
    units = {u: {"a": frozenset({"x"}), "b": {"x"}} for u in range(3)}
    result = alpha(units, "masi")
    assert result.value is None and result.reason == ONE_VALUE


label_sets = st.frozensets(st.sampled_from("abcdefgh"), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(label_sets, st.integers(1, 40), min_size=1, max_size=30))
def test_both_ways_of_summing_masi_similarity_agree(marginals: dict) -> None:
    items = list(marginals.items())
    brute = sum(n_a * n_b * (1 - masi_distance(a, b)) for a, n_a in items for b, n_b in items)
    assert agreement._masi_similar_by_pairs(items) == pytest.approx(brute)
    assert agreement._masi_similar_by_subsets(items) == pytest.approx(brute)


set_data = st.lists(
    st.lists(st.one_of(st.none(), label_sets), min_size=3, max_size=3), min_size=1, max_size=15)


@settings(max_examples=200, deadline=None)
@given(set_data)
def test_masi_alpha_equals_the_plain_pairwise_computation(columns: list) -> None:
    units = {u: dict(enumerate(column)) for u, column in enumerate(columns)}
    plain = Metric.fixed("masi", masi_distance)  # expected disagreement pair by pair
    ours, theirs = alpha(units, MASI), alpha(units, plain)
    assert (ours.value is None) == (theirs.value is None)
    if ours.value is not None:
        assert ours.value == pytest.approx(theirs.value, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(set_data)
def test_binary_alpha_equals_nominal_alpha_of_zeros_and_ones(columns: list) -> None:
    units = {u: dict(enumerate(column)) for u, column in enumerate(columns)}
    for category, result in binary_alphas(units, "abcdefgh").items():
        ones = {u: {c: None if s is None else int(category in s) for c, s in unit.items()}
                for u, unit in units.items()}
        plain = alpha(ones, "nominal")
        assert (result.n_units, result.n_values) == (plain.n_units, plain.n_values)
        assert (result.value is None) == (plain.value is None)
        if result.value is not None:
            assert result.value == pytest.approx(plain.value, abs=1e-9)


def test_pair_counts_compare_values_and_sets() -> None:
    units = {1: {"b": frozenset("x"), "a": frozenset("x"), "c": None},
             2: {"a": frozenset(), "b": frozenset("y")},
             3: {"a": frozenset("x")}}
    assert pair_counts(units) == {("a", "b"): (1, 2)}


# -- real project files -------------------------------------------------------------------------
A1, A2, A3, A4, A5 = SAMPLE_IDS
TAGS = {
    "stance": {
        "ana": {A1: "condemning", A2: "strongly_condemning", A3: "neutral", A4: "unclear",
                A5: "condemning"},
        "bo": {A1: "condemning", A2: "condemning", A3: "neutral", A4: "neutral"},
    },
    "demands": {
        "ana": {A1: {"ceasefire"}, A2: {"ceasefire", "humanitarian_aid"}, A3: set(),
                A4: {"cut_ties"}, A5: {"ceasefire"}},
        "bo": {A1: {"ceasefire"}, A2: {"ceasefire"}, A3: set(), A4: set()},
    },
    "event_type": {
        "ana": {A1: "phone_call", A2: "meeting", A3: "statement", A4: "phone_call"},
        "bo": {A1: "phone_call", A2: "meeting", A3: "statement"},
        "cy": {A1: "phone_call", A2: "summit_sideline"},
    },
    "participants": {
        "ana": {A1: {"ebrahim_raisi", "recep_tayyip_erdogan"}, A2: {"hakan_fidan"}},
        "bo": {A1: {"ebrahim_raisi", "recep_tayyip_erdogan"}, A2: {"hakan_fidan"}},
        "cy": {A1: {"ebrahim_raisi"}},
    },
}


@pytest.fixture
def coded(project):
    """Three annotators' tags stored through the real project API."""
    for field, by_annotator in TAGS.items():
        for annotator, by_article in by_annotator.items():
            for article_id, value in by_article.items():
                if isinstance(value, str):
                    project.tags.set_choice(article_id, annotator, field, value)
                elif not value:
                    project.tags.mark_none(article_id, annotator, field)
                else:
                    for item in sorted(value):
                        project.tags.add_value(article_id, annotator, field, item)
    project.tags.set_choice(A1, "ana", "note", "free text is not compared")
    return project


def figures_by_key(figures) -> dict:
    return {(f.field, f.level, f.category): f for f in figures}


def test_figures_equal_a_hand_computation(coded) -> None:
    figures = field_agreement(coded)
    got = figures_by_key(figures)
    assert {f.field for f in figures} == {"stance", "demands", "participants", "event_type"}
    expected = {
        # Ordinal over strongly_condemning < condemning < neutral; A4 ('unclear') missing:
        # o(s,c) = o(c,s) = 1, n = 1, 3, 2; deltas 4, 20.25, 6.25 -> 1 - 5 * 8 / 180.
        ("stance", "ordinal", None): (Fraction(7, 9), 3, 2, 6),
        # Nominal over all four units: 1 - 7 * 4 / (64 - 9 - 1 - 9 - 1).
        ("stance", "nominal", None): (Fraction(4, 11), 4, 2, 8),
        # MASI: distances 0, 2/3, 0 (empty-empty), 1; 1 - 7 * (10/3) / 42.
        ("demands", "masi", None): (Fraction(4, 9), 4, 2, 8),
        ("demands", "binary", "ceasefire"): (Fraction(1), 4, 2, 8),
        ("demands", "binary", "humanitarian_aid"): (Fraction(0), 4, 2, 8),
        ("demands", "binary", "cut_ties"): (Fraction(0), 4, 2, 8),
        # Three annotators; m = 3 weighs each pair 1/2: 1 - 7 * 2 / 46.
        ("event_type", "nominal", None): (Fraction(16, 23), 3, 3, 8),
        # {r, e} x2 + {r} in A1, {f} x2 in A2: 1 - 4 * (4/3) / (44/3).
        ("participants", "masi", None): (Fraction(7, 11), 2, 3, 5),
        ("participants", "binary", "ebrahim_raisi"): (Fraction(1), 2, 3, 5),
        ("participants", "binary", "recep_tayyip_erdogan"): (Fraction(1, 3), 2, 3, 5),
        ("participants", "binary", "hakan_fidan"): (Fraction(1), 2, 3, 5),
    }
    for key, (value, units, annotators, values) in expected.items():
        figure = got[key]
        assert figure.alpha == pytest.approx(float(value), abs=1e-12), key
        counts = (figure.n_units, figure.n_annotators, figure.n_values)
        assert counts == (units, annotators, values), key
    assert got["stance", "ordinal", None].primary and not got["stance", "nominal", None].primary
    assert "'unclear' counted as missing" in got["stance", "ordinal", None].note
    assert got["event_type", "nominal", None].primary
    assert got["demands", "masi", None].primary
    # Every demand category is listed; those never chosen say why there is no figure.
    assert got["demands", "binary", "accountability"].alpha is None
    assert "not chosen" in got["demands", "binary", "accountability"].note
    # The primary figure comes first for each field.
    assert [f.level for f in figures if f.field == "stance"] == ["ordinal", "nominal"]


def test_unclear_stance_counts_as_missing_only_in_the_ordinal_figure(coded) -> None:
    before = figures_by_key(field_agreement(coded, fields=["stance"]))
    coded.tags.set_choice(A4, "bo", "stance", "unclear")  # now both say 'unclear' on A4
    after = figures_by_key(field_agreement(coded, fields=["stance"]))
    assert after["stance", "ordinal", None] == before["stance", "ordinal", None]
    assert after["stance", "nominal", None].alpha != before["stance", "nominal", None].alpha


def test_coded_none_differs_from_not_coded(coded) -> None:
    before = figures_by_key(field_agreement(coded, fields=["demands"]))
    for article_id in (A3, A4):  # "no demands" becomes "not coded"
        coded.tags.clear_field(article_id, "bo", "demands")
    coded.tags.clear_field(A3, "ana", "demands")
    after = figures_by_key(field_agreement(coded, fields=["demands"]))
    assert before["demands", "masi", None].n_units == 4
    assert after["demands", "masi", None].n_units == 2
    # A1 {c} {c}, A2 {c, h} {c}: 1 - 3 * (4/3) / 4.
    assert after["demands", "masi", None].alpha == pytest.approx(0.0, abs=1e-12)
    ceasefire = after["demands", "binary", "ceasefire"]
    assert ceasefire.alpha is None and "every annotator" in ceasefire.note


def test_coded_none_in_a_single_choice_field(coded) -> None:
    coded.tags.mark_none(A5, "bo", "stance")
    units = agreement.units_from_tags(coded.tags.find(), [coded.codebooks.active().field("stance")])
    assert units["stance"][A5] == {"ana": "condemning", "bo": CODED_NONE}
    got = figures_by_key(field_agreement(coded, fields=["stance"]))
    assert got["stance", "nominal", None].n_units == 5  # a value of its own
    assert got["stance", "ordinal", None].n_units == 3  # missing


def test_annotators_and_fields_can_be_restricted(coded) -> None:
    two = figures_by_key(field_agreement(coded, annotators=["ana", "bo"],
                                         fields=["event_type"]))
    assert list(two) == [("event_type", "nominal", None)]
    assert two["event_type", "nominal", None].alpha == 1.0
    assert two["event_type", "nominal", None].n_annotators == 2
    alone = field_agreement(coded, annotators=["cy"], fields=["participants"])[0]
    assert alone.alpha is None and alone.note == NO_PAIRS
    with pytest.raises(AnnotatorError, match="no annotator named 'dan'"):
        field_agreement(coded, annotators=["dan"])
    with pytest.raises(AnnotatorError, match="free text"):
        field_agreement(coded, fields=["note"])
    with pytest.raises(AnnotatorError, match="unknown field"):
        field_agreement(coded, fields=["mood"])


def test_pairwise_agreement(coded) -> None:
    pairs = {(p.field, p.annotator_a, p.annotator_b): p for p in pairwise(coded)}
    assert len(pairs) == 4 * 3
    stance = pairs["stance", "ana", "bo"]
    assert (stance.n_units, stance.n_agreeing, stance.agreement) == (4, 2, 0.5)
    assert pairs["stance", "ana", "cy"].n_units == 0
    assert pairs["stance", "ana", "cy"].agreement is None
    assert pairs["demands", "ana", "bo"].agreement == 0.5  # A3: empty = empty
    assert pairs["event_type", "ana", "bo"].agreement == 1.0
    assert pairs["event_type", "bo", "cy"].to_dict() == {
        "revision": "1", "field": "event_type", "annotator_a": "bo", "annotator_b": "cy",
        "n_units": 2, "n_agreeing": 1, "agreement": 0.5}


# -- the command line --------------------------------------------------------------------------
@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project_path):
    from annotator.cli import commands as cli_module

    monkeypatch.setattr(cli_module, "PLUGINS", ("annotator.cli.agreement",))

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli_module.main(["agreement", "--db", str(project_path), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_csv_has_the_documented_columns(coded, cli) -> None:
    code, out, err = cli("--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["revision", "field", "category", "level", "alpha", "units",
                       "annotators", "values", "note"]
    assert {r[0] for r in rows[1:]} == {"1"}
    table = {(r[1], r[2], r[3]): r[1:] for r in rows[1:]}
    assert float(table["stance", "", "ordinal"][3]) == pytest.approx(7 / 9, abs=1e-6)
    assert table["stance", "", "ordinal"][4:7] == ["3", "2", "6"]
    assert float(table["demands", "humanitarian_aid", "binary"][3]) == 0.0
    assert table["demands", "accountability", "binary"][3] == ""
    assert table["demands", "accountability", "binary"][7]
    assert {r[3] for r in rows[1:]} == {"ordinal", "nominal", "masi", "binary"}
    assert out.count("\r\n") == len(rows)


def test_cli_json_and_field_filter(coded, cli) -> None:
    code, out, _ = cli("--format", "json", "--field", "stance")
    assert code == 0
    data = json.loads(out)
    assert {f["field"] for f in data["figures"]} == {"stance"}
    assert [f["level"] for f in data["figures"]] == ["ordinal", "nominal"]
    assert data["annotators"] == ["ana", "bo", "cy"]
    assert {(p["annotator_a"], p["annotator_b"]) for p in data["pairwise"]} == {
        ("ana", "bo"), ("ana", "cy"), ("bo", "cy")}
    code, out, _ = cli("--format", "json", "--annotator", "ana", "--annotator", "bo")
    data = json.loads(out)
    assert data["annotators"] == ["ana", "bo"]
    assert {f["field"] for f in data["figures"]} == {
        "stance", "demands", "participants", "event_type"}


def test_cli_table_lists_figures_then_pairs(coded, cli) -> None:
    code, out, _ = cli("--logical", "--field", "stance", "--field", "event_type")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("field"))
    assert header.split() == ["field", "category", "level", "alpha", "units", "annotators", "note"]
    assert any(line.split()[:3] == ["stance", "ordinal*", "0.778"] for line in lines)
    assert "Pairwise agreement" in out
    assert out.index("Pairwise agreement") > out.index("stance")
    assert any(line.split() == ["stance", "ana", "bo", "50.0%", "4"] for line in lines)


def test_cli_reports_errors_in_one_line(coded, cli) -> None:
    code, _, err = cli("--field", "note")
    assert code == 1 and err.startswith("annotator: error:") and "free text" in err
    code, _, err = cli("--annotator", "nobody")
    assert code == 1 and "nobody" in err


def test_pairs_of_the_pure_function_follow_sorted_coder_names() -> None:
    units = {1: {"z": "x", "a": "x", "m": "y"}}
    assert set(pair_counts(units)) == set(combinations(["a", "m", "z"], 2))
