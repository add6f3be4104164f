"""Agreement per codebook revision: two revisions of the bundled codebook, the second with
an added category and a retired one, and alpha computed by hand for each revision and for
the pool over the categories both offer."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest

from annotator.core import paths
from annotator.core.analysis.agreement import field_agreement, pairwise, report
from annotator.core.analysis.bootstrap import Bootstrap
from annotator.core.analysis.matrix import field_matrices, field_matrix
from annotator.core.codebook import parse_codebook
from annotator.core.errors import AnnotatorError
from tests.conftest import SAMPLE_IDS
from tests.core.test_agreement import cli  # noqa: F401  (the agreement command)

A1, A2, A3, A4, A5 = SAMPLE_IDS


def second_revision() -> str:
    """The bundled codebook as revision 2: event type gains video_call and retires
    summit_sideline; demands gain prisoner_exchange and retire cut_ties."""
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    source = source.replace('revision = "1"', 'revision = "2"', 1)
    for retired in ("summit_sideline", "cut_ties"):
        marker = f'  id = "{retired}"\n'
        source = source.replace(marker, marker + "  retired = true\n", 1)
    added = {"statement": ("video_call", "Video call"),
             "oic_emergency_meeting": ("prisoner_exchange", "Prisoner exchange")}
    for before, (value, label) in added.items():
        block = (f'  [[field.category]]\n  id = "{value}"\n  label = {{ en = "{label}" }}\n'
                 f'  definition.en = "(invented) {label}."\n\n')
        marker = f'  [[field.category]]\n  id = "{before}"\n'
        assert marker in source
        source = source.replace(marker, block + marker, 1)
    return source


@pytest.fixture
def revised(project):
    return code_two_revisions(project)


def code_two_revisions(project):
    """ana and bo code A1-A3 under revision 1; revision 2 is loaded; ana and bo code A4
    and A5, and cy codes A3, under revision 2 (A3 then mixes the two)."""
    tags = project.tags
    for article_id, ana, bo in [(A1, "phone_call", "phone_call"),
                                (A2, "meeting", "summit_sideline"),
                                (A3, "statement", "statement")]:
        tags.set_choice(article_id, "ana", "event_type", ana)
        tags.set_choice(article_id, "bo", "event_type", bo)
    tags.add_value(A1, "ana", "demands", "ceasefire")
    tags.add_value(A1, "ana", "demands", "cut_ties")
    tags.add_value(A1, "bo", "demands", "ceasefire")
    project.codebooks.load(parse_codebook(second_revision()), "revision 2")
    assert project.codebooks.active().revision == "2"
    for article_id, ana, bo in [(A4, "phone_call", "meeting"),
                                (A5, "video_call", "video_call")]:
        tags.set_choice(article_id, "ana", "event_type", ana)
        tags.set_choice(article_id, "bo", "event_type", bo)
    tags.set_choice(A3, "cy", "event_type", "statement")
    tags.add_value(A4, "ana", "demands", "prisoner_exchange")
    tags.add_value(A4, "bo", "demands", "prisoner_exchange")
    tags.add_value(A4, "bo", "demands", "ceasefire")
    for annotator in ("ana", "bo"):
        tags.add_value(A5, annotator, "demands", "ceasefire")
    return project


def by_key(figures) -> dict:
    return {(f.revision, f.field, f.level, f.category): f for f in figures}


def test_each_revision_has_its_own_alpha(revised) -> None:
    got = by_key(field_agreement(revised, fields=["event_type"]))
    assert sorted(got) == [("1", "event_type", "nominal", None),
                           ("2", "event_type", "nominal", None)]
    # Revision 1: A1 pc/pc, A2 meeting/summit_sideline, A3 statement/statement (cy's
    # statement is revision 2's, alone there).  n = 6; n_c = 2, 1, 1, 2; o(me, ss) =
    # o(ss, me) = 1: 1 - 5 * 2 / (36 - 10) = 8/13.
    first = got["1", "event_type", "nominal", None]
    assert first.alpha == pytest.approx(float(Fraction(8, 13)), abs=1e-12)
    assert (first.n_units, first.n_annotators, first.n_values) == (3, 2, 6)
    # Revision 2: A4 pc/meeting, A5 video_call twice.  n = 4; n_c = 1, 1, 2:
    # 1 - 3 * 2 / (16 - 6) = 2/5.
    second = got["2", "event_type", "nominal", None]
    assert second.alpha == pytest.approx(0.4, abs=1e-12)
    assert (second.n_units, second.n_annotators, second.n_values) == (2, 2, 4)


def test_revisions_pooled_over_the_categories_both_offer(revised) -> None:
    result = report(revised, fields=["event_type"], pool=True)
    (figure,) = result.figures
    assert figure.revision == "1+2" and result.pooled
    # summit_sideline (retired in 2) and video_call (added in 2) count as missing: A2 and
    # A5 keep fewer than two values; A1 pc/pc, A3 statement x3 (m = 3), A4 pc/meeting.
    # n = 7; n_pc = 3, n_st = 3, n_me = 1; o(pc, me) = o(me, pc) = 1:
    # 1 - 6 * 2 / (49 - 19) = 3/5.
    assert figure.alpha == pytest.approx(0.6, abs=1e-12)
    assert (figure.n_units, figure.n_annotators, figure.n_values) == (3, 3, 7)
    (caveat,) = result.caveats
    assert caveat.field == "event_type" and caveat.articles == 1
    assert set(caveat.left_out) == {"summit_sideline", "video_call"}


def test_an_article_coded_under_two_revisions_is_a_caveat(revised) -> None:
    result = report(revised, fields=["event_type", "demands"])
    assert [r.label for r in result.revisions] == ["1", "2"]
    assert [(c.field, c.articles) for c in result.caveats] == [("event_type", 1)]
    pairs = {(p.revision, p.annotator_a, p.annotator_b): p for p in result.pairs
             if p.field == "event_type"}
    assert (pairs["1", "ana", "bo"].n_units, pairs["1", "ana", "bo"].n_agreeing) == (3, 2)
    assert (pairs["2", "ana", "bo"].n_units, pairs["2", "ana", "bo"].n_agreeing) == (2, 1)
    # cy coded A3 under revision 2, ana and bo under 1: never compared.
    assert pairs["1", "ana", "cy"].n_units == pairs["2", "bo", "cy"].n_units == 0
    assert pairwise(revised, fields=["event_type"], revision="2") == [
        p for p in result.pairs if p.revision == "2" and p.field == "event_type"]


def test_an_added_or_retired_category_is_only_counted_where_it_was_offered(revised) -> None:
    got = by_key(field_agreement(revised, fields=["demands"]))
    first = {category for (revision, _, level, category) in got
             if revision == "1" and level == "binary"}
    second = {category for (revision, _, level, category) in got
              if revision == "2" and level == "binary"}
    assert "cut_ties" in first and "prisoner_exchange" not in first
    assert "prisoner_exchange" in second and "cut_ties" not in second
    # Revision 2's prisoner_exchange: A4 chosen by both, A5 by neither (A1, coded under
    # revision 1, does not count as "not chosen"): perfect agreement on 2 articles.
    exchange = got["2", "demands", "binary", "prisoner_exchange"]
    assert exchange.alpha == 1.0 and exchange.n_units == 2
    assert got["1", "demands", "masi", None].n_units == 1


def test_one_revision_only_and_unknown_revisions(revised) -> None:
    figures = field_agreement(revised, fields=["event_type"], revision="1")
    assert [f.revision for f in figures] == ["1"]
    with pytest.raises(AnnotatorError, match="no codebook revision 7"):
        field_agreement(revised, revision="7")


def test_bootstrap_and_matrix_per_revision(revised) -> None:
    figures = field_agreement(revised, fields=["event_type"], bootstrap=Bootstrap(200, 1))
    assert all(f.interval is not None for f in figures if f.alpha is not None)
    matrices = field_matrices(revised, "event_type")
    assert [m.revision for m in matrices] == ["1", "2"]
    first, second = matrices
    assert first.values == ["phone_call", "meeting", "summit_sideline", "statement"]
    assert "video_call" in second.values and "summit_sideline" not in second.values
    assert first.count("meeting", "summit_sideline") == 1
    assert field_matrix(revised, "event_type").revision == "2"  # the newest with tags
    pooled = field_matrix(revised, "event_type", pool=True)
    assert pooled.revision == "1+2" and pooled.count("statement", "statement") == 3


# -- the command line ---------------------------------------------------------------------
def test_cli_names_the_revision_of_every_table(revised, cli) -> None:  # noqa: F811
    revised.close()
    code, out, err = cli("--logical", "--field", "event_type")
    assert code == 0, err
    assert "Codebook revision 1 (versions 1)" in out and "Codebook revision 2 (versions 2)" in out
    assert out.index("revision 1") < out.index("revision 2")
    assert out.count("Pairwise agreement") == 2
    assert ("Caveat (event_type): articles whose annotators coded it under different "
            "codebook revisions: 1;") in out
    code, out, _ = cli("--format", "csv", "--field", "event_type")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][0] == "revision" and [r[0] for r in rows[1:]] == ["1", "2"]
    code, out, _ = cli("--format", "json", "--field", "event_type", "--pool-revisions")
    data = json.loads(out)
    assert data["pooled"] and [r["label"] for r in data["revisions"]] == ["1+2"]
    assert data["revisions"][0]["pooled"] == ["1", "2"]
    assert data["figures"][0]["revision"] == "1+2"
    assert set(data["caveats"][0]["left_out"]) == {"summit_sideline", "video_call"}
    code, out, _ = cli("--logical", "--field", "event_type", "--pool-revisions")
    assert "Codebook revisions 1+2 pooled" in out and "pooled without" in out


def test_cli_matrix_per_revision(revised, cli) -> None:  # noqa: F811
    revised.close()
    code, out, _ = cli("--matrix", "event_type", "--format", "json")
    assert [m["revision"] for m in json.loads(out)] == ["1", "2"]
    code, out, err = cli("--matrix", "event_type", "--format", "csv")
    assert code == 1 and "--revision" in err and len(err.strip().splitlines()) == 1
    code, out, _ = cli("--matrix", "event_type", "--format", "csv", "--revision", "2")
    assert code == 0 and "video_call" in out.splitlines()[0]
    code, out, _ = cli("--matrix", "event_type", "--logical")
    assert "codebook revision 1" in out and "codebook revision 2" in out
    code, _, err = cli("--revision", "1", "--pool-revisions")
    assert code == 1 and len(err.strip().splitlines()) == 1
    code, out, _ = cli("--logical", "--lang", "fa", "--field", "event_type")
    assert code == 0 and "۲" in out


# -- retired values are marked where a reader sees them -----------------------------------
def test_show_marks_a_retired_value(revised, capsys) -> None:
    from annotator.cli import commands as cli_module

    path = revised.path
    revised.close()
    assert cli_module.main(["show", "--db", str(path), A2, "--logical"]) == 0
    out = capsys.readouterr().out
    assert "bo: Event type = Meeting on a summit's sidelines (retired)" in out
    assert "ana: Event type = Meeting\n" in out
    assert cli_module.main(["show", "--db", str(path), A2, "--logical", "--lang", "fa"]) == 0
    out = capsys.readouterr().out
    assert "(retired)" not in out and "(کنارگذاشته)" in out


@pytest.mark.parametrize("language", ["en", "fa"])
def test_charts_mark_a_retired_value(revised, language: str) -> None:
    from annotator.core.labels import Labels
    from annotator.core.outputs.charts import make_chart

    figure = make_chart(revised, "demands", language)
    shown = [text.get_text() for text in figure.axes[0].get_yticklabels()]
    labels = Labels.of(revised, language)
    retired = labels.marked("demands", "cut_ties")
    assert retired != labels.value_text("demands", "cut_ties")
    assert any(retired.split()[0] in text for text in shown) and len(shown) == 3
    agreement = make_chart(revised, "agreement", language)
    rows = [text.get_text() for text in agreement.axes[0].get_yticklabels()]
    assert rows and all(("revision" if language == "en" else "ویرایش") in row for row in rows)
    assert any(row.endswith("2" if language == "en" else "۲") for row in rows)
