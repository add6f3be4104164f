"""Research exports (long, wide, JSON Lines, codebook sheet), each read back as analysts do."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import annotator.cli.commands as cli
from annotator.cli import export as cli_export
from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.outputs import export as exporting
from annotator.core.outputs.export import (
    LONG_COLUMNS,
    ExportOptions,
    codebook_sheet_path,
    excel_cell,
    export,
    export_to_file,
)
from annotator.core.store import EXPORT_COLUMNS, Project, Tag, open_project
from tests.conftest import ARABIC_ID, quote_span

PERSIAN_ID = "000_b79cba28e5e5a850"
STATUS_ONLY_ID = "001_5b82d33603e0f177"
DATED_ID = "003_4cdab43310a4bd9f"  # published 2024-06-01 = 1403-03-12
# ZWNJ inside words, a newline, quotes and a comma: all must survive every format.
NOTE = "این یادداشت\u200cها «فوراً»،\nسطر دوم, \"نقل\""
INJECTIONS = {  # text -> as the Excel CSV must hold it
    "=1+1": "'=1+1", "+1": "'+1", "-cmd": "'-cmd", "@SUM(A1)": "'@SUM(A1)",
    "\tx": "'\tx", "\rx": "'\rx", "-3": "-3", "2.5": "2.5", "-0.5e3": "-0.5e3",
}


@pytest.fixture(autouse=True)
def _plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PLUGINS", ("annotator.cli.export",))


def code(project: Project) -> None:
    """Two annotators' tags: evidence, notes, coded-none, and a status without tags."""
    start, end = quote_span(project, ARABIC_ID, "وقف إطلاق النار")
    stance = project.tags.set_choice(ARABIC_ID, "sara", "stance", "condemning")
    assert stance is not None
    project.tags.update(stance.tag_id, span=(start, end))
    project.tags.add_value(ARABIC_ID, "sara", "demands", "ceasefire", participant="ebrahim_raisi",
                           span=(start, end), note=NOTE)
    project.tags.add_value(ARABIC_ID, "sara", "demands", "cut_ties")
    project.tags.add_value(ARABIC_ID, "sara", "participants", "recep_tayyip_erdogan",
                           role="counterpart")
    project.tags.add_value(ARABIC_ID, "sara", "participants", "ebrahim_raisi", role="initiator")
    project.tags.set_choice(ARABIC_ID, "sara", "note", NOTE)
    project.tags.set_choice(PERSIAN_ID, "sara", "stance", "neutral")
    project.tags.mark_none(PERSIAN_ID, "sara", "demands")
    project.tags.add_value(PERSIAN_ID, "reza", "demands", "humanitarian_aid")
    project.tags.set_choice(DATED_ID, "reza", "event_type", "phone_call")
    project.statuses.set(STATUS_ONLY_ID, "reza", "done")


@pytest.fixture
def coded(project: Project) -> Project:
    code(project)
    return project


def written(project: Project, options: ExportOptions) -> str:
    out = io.StringIO(newline="")
    export(project, out, options)
    return out.getvalue()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code_ = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code_, out, err


# -- long -------------------------------------------------------------------------------
def test_long_export_reads_back_in_pandas_with_labels_and_exact_text(coded: Project,
                                                                      tmp_path: Path) -> None:
    target = tmp_path / "tags.csv"
    result = export_to_file(coded, target)
    assert result.rows == len(coded.tags.find()) == 10
    frame = pd.read_csv(target, dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == LONG_COLUMNS
    assert tuple(frame.columns[:len(EXPORT_COLUMNS)]) == EXPORT_COLUMNS
    demand = frame[(frame.field == "demands") & (frame.value == "ceasefire")].iloc[0]
    assert demand.note == NOTE  # ZWNJ, newline, quotes, comma: exactly as stored
    assert demand.quote == "وقف إطلاق النار"
    assert demand.value_label_en == "Ceasefire / end to the attacks"
    assert demand.value_label == "وقف إطلاق النار والهجمات"  # Arabic article: Arabic label
    assert demand.participant_label_en == "Ebrahim Raisi"
    assert demand.participant_label == "إبراهيم رئيسي"
    assert demand.language == "ar" and demand.codebook_revision == "1"
    assert demand.codebook_id == "gaza-diplomacy"
    person = frame[(frame.field == "participants") & (frame.value == "ebrahim_raisi")].iloc[0]
    assert (person.value_label_en, person.value_label) == ("Ebrahim Raisi", "إبراهيم رئيسي")
    assert (person.role_label_en, person.role_label) == ("Initiator", "المبادر")
    persian = frame[(frame.article_id == PERSIAN_ID) & (frame.field == "stance")].iloc[0]
    assert (persian.value_label_en, persian.value_label) == ("Neutral", "بی\u200cطرفی")
    none = frame[(frame.article_id == PERSIAN_ID) & (frame.field == "demands")
                 & (frame.annotator == "sara")].iloc[0]
    assert none.value == "" and none.value_label == ""  # coded, none
    dated = frame[frame.article_id == DATED_ID].iloc[0]
    assert (dated.published, dated.published_jalali) == ("2024-06-01", "1403-03-12")
    note = frame[frame.field == "note"].iloc[0]
    assert note.value == NOTE and note.value_label == ""
    # Grouped by article id, then annotator and field.
    keys = list(zip(frame.article_id, frame.annotator, frame.field, strict=True))
    assert keys == sorted(keys)


def test_long_export_without_excel_is_plain_utf8_with_crlf(coded: Project,
                                                           tmp_path: Path) -> None:
    target = tmp_path / "tags.csv"
    export_to_file(coded, target)
    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 1 + 10  # header and rows; the note's \n stays inside
    assert NOTE.replace('"', '""').encode("utf-8") in data


def test_long_export_reimports_and_exports_the_same_rows(capsys, project_path: Path,
                                                         tmp_path: Path) -> None:
    with open_project(project_path) as project:
        code(project)
    first = tmp_path / "first.csv"
    assert run(capsys, "export", "--db", str(project_path), "-o", str(first))[0] == 0
    fresh = tmp_path / "fresh.sqlite"
    with open_project(fresh) as project:
        import_paths(project, [paths.corpus_dir()])
    code_, out, err = run(capsys, "import-tags", "--db", str(fresh), str(first))
    assert code_ == 0, err
    assert "10 tags added" in out
    again = tmp_path / "again.csv"
    assert run(capsys, "export", "--db", str(fresh), "-o", str(again))[0] == 0
    assert again.read_bytes() == first.read_bytes()
    assert (codebook_sheet_path(again).read_bytes()
            == codebook_sheet_path(first).read_bytes())


# -- wide -------------------------------------------------------------------------------
def test_wide_export_columns_and_values(coded: Project, tmp_path: Path) -> None:
    target = tmp_path / "wide.csv"
    result = export_to_file(coded, target, ExportOptions(format="wide"))
    assert result.rows == 5  # sara: 2 articles; reza: 2 with tags, 1 with a status only
    frame = pd.read_csv(target, keep_default_na=True)
    columns = list(frame.columns)
    assert columns[:7] == ["article_id", "annotator", "title", "outlet", "published",
                           "language", "status"]
    categories = [c.id for c in coded.codebooks.active().field("demands").categories]
    assert [c for c in columns if c.startswith("demands_")] == [
        f"demands_{c}" for c in categories]
    assert [c for c in columns if c.startswith("participants")] == [
        "participants", "participants_ebrahim_raisi", "participants_recep_tayyip_erdogan"]
    assert columns.index("stance") < columns.index("demands_ceasefire") < columns.index(
        "participants") < columns.index("event_type") < columns.index("note")
    rows = {(r.article_id, r.annotator): r for r in frame.itertuples()}
    sara = rows[(ARABIC_ID, "sara")]
    assert sara.stance == "condemning"
    assert (sara.demands_ceasefire, sara.demands_cut_ties, sara.demands_other) == (1, 1, 0)
    assert sara.participants == "ebrahim_raisi;recep_tayyip_erdogan"
    assert (sara.participants_ebrahim_raisi, sara.participants_recep_tayyip_erdogan) == (1, 1)
    assert sara.note == NOTE
    assert pd.isna(sara.event_type)  # not coded
    none = rows[(PERSIAN_ID, "sara")]
    assert none.demands_ceasefire == 0 and none.demands_other == 0  # coded, none: all 0
    assert pd.isna(none.participants_ebrahim_raisi)  # participants not coded
    status_only = rows[(STATUS_ONLY_ID, "reza")]
    assert status_only.status == "done" and pd.isna(status_only.demands_ceasefire)
    # An annotator who left demands uncoded somewhere: pandas reads floats with NaN.
    assert frame["demands_ceasefire"].dtype.kind == "f"
    assert rows[(PERSIAN_ID, "reza")].demands_humanitarian_aid == 1


def test_wide_columns_are_integers_when_every_row_coded_the_field(coded: Project,
                                                                 tmp_path: Path) -> None:
    target = tmp_path / "sara.csv"
    export_to_file(coded, target, ExportOptions(format="wide", annotator="sara"))
    frame = pd.read_csv(target)
    assert list(frame.annotator) == ["sara", "sara"]
    for column in (c for c in frame.columns if c.startswith("demands_")):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    assert frame.loc[frame.article_id == ARABIC_ID, "demands_ceasefire"].item() == 1


# -- Excel ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "expected"),
    [*INJECTIONS.items(), ("-1e3", "-1e3"), ("-.5", "-.5"), ("-inf", "'-inf"),
     ("-nan", "'-nan"), ("-1e999", "'-1e999"), ("-", "'-"), ("-۳", "'-۳"), ("- 3", "'- 3"),
     ("a=b", "a=b"), ("", ""), (" =1", " =1"), (7, 7), (None, None)],
)
def test_excel_cell(cell: object, expected: object) -> None:
    assert excel_cell(cell) == expected


@pytest.mark.parametrize("form", ["long", "wide"])
def test_excel_csv_has_bom_crlf_and_no_formula(project: Project, tmp_path: Path,
                                               form: str) -> None:
    for number, text in enumerate(INJECTIONS):
        project.tags.set_choice(PERSIAN_ID, f"x{number}", "note", text)
    target = tmp_path / "excel.csv"
    export_to_file(project, target, ExportOptions(format=form, excel=True))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf" * 2)
    assert data.endswith(b"\r\n")
    rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    column = "value" if form == "long" else "note"
    cells = {row["annotator"]: row[column] for row in rows}
    for number, (_text, expected) in enumerate(INJECTIONS.items()):
        assert cells[f"x{number}"] == expected
    # Every record ends in CRLF: no bare line end outside a quoted cell.
    assert data.replace(b'"\'\rx"', b"").count(b"\r") == len(rows) + 1
    sheet = codebook_sheet_path(target).read_bytes()
    assert sheet.startswith(b"\xef\xbb\xbf") and b"\r\n" in sheet


def test_excel_is_refused_for_jsonl(project: Project) -> None:
    with pytest.raises(AnnotatorError, match="--excel"):
        written(project, ExportOptions(format="jsonl", excel=True))


# -- JSON Lines ---------------------------------------------------------------------------
def test_jsonl_export_nested_objects(coded: Project, tmp_path: Path) -> None:
    target = tmp_path / "tags.jsonl"
    result = export_to_file(coded, target, ExportOptions(format="jsonl"))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert result.rows == len(lines) == 5
    assert "\\u06" not in lines[0]  # Persian and Arabic unescaped
    objects = {(o["article"]["article_id"], o["annotator"]): o for o in map(json.loads, lines)}
    sara = objects[(ARABIC_ID, "sara")]
    assert sara["article"]["language"] == "ar"
    assert sara["article"]["title"] == coded.articles.get(ARABIC_ID).title
    assert sara["codebook"] == {"id": "gaza-diplomacy", "revision": "1", "version": 1}
    fields = sara["fields"]
    assert list(fields) == ["stance", "demands", "participants", "note"]  # codebook order
    start, end = quote_span(coded, ARABIC_ID, "وقف إطلاق النار")
    evidence = [{"start": start, "end": end, "quote": "وقف إطلاق النار"}]
    assert fields["stance"] == {"value": "condemning", "evidence": evidence, "note": None}
    assert fields["demands"] == [
        {"value": "ceasefire", "participant": "ebrahim_raisi", "evidence": evidence,
         "note": NOTE},
        {"value": "cut_ties", "participant": None, "evidence": [], "note": None},
    ]
    assert [(p["value"], p["role"]) for p in fields["participants"]] == [
        ("ebrahim_raisi", "initiator"), ("recep_tayyip_erdogan", "counterpart")]
    assert fields["note"]["value"] == NOTE
    assert objects[(PERSIAN_ID, "sara")]["fields"]["demands"] == []  # coded, none
    assert objects[(DATED_ID, "reza")]["article"]["published_jalali"] == "1403-03-12"
    status_only = objects[(STATUS_ONLY_ID, "reza")]
    assert status_only["status"] == "done" and status_only["fields"] == {}


# -- codebook sheet ---------------------------------------------------------------------------
def test_codebook_sheet_beside_the_export(coded: Project, tmp_path: Path) -> None:
    target = tmp_path / "wide.csv"
    result = export_to_file(coded, target, ExportOptions(format="wide"))
    assert result.codebook_path == tmp_path / "wide.codebook.csv"
    sheet = pd.read_csv(result.codebook_path, dtype=str, keep_default_na=False)
    assert tuple(sheet.columns) == exporting.CODEBOOK_COLUMNS
    codebook = coded.codebooks.active()
    fields = sheet[sheet.kind == "field"]
    assert list(fields.id) == [f.id for f in codebook.fields]
    ceasefire = sheet[(sheet.field == "demands") & (sheet.id == "ceasefire")].iloc[0]
    assert ceasefire.kind == "category" and ceasefire.label_fa == "آتش\u200cبس و توقف حملات"
    assert ceasefire.label_en == "Ceasefire / end to the attacks"
    assert ceasefire.definition.startswith("Counts:") and ceasefire.example
    assert ceasefire.wide_column == "demands_ceasefire"
    stance = sheet[(sheet.field == "stance") & (sheet.kind == "category")]
    assert list(stance.position) == [str(n) for n in range(1, len(stance) + 1)]
    assert stance[stance.id == "unclear"].on_scale.item() == "0"
    assert set(sheet[sheet.kind == "role"].id) == {"initiator", "counterpart", "mentioned"}
    person = sheet[(sheet.kind == "participant") & (sheet.id == "ebrahim_raisi")].iloc[0]
    assert person.label_ar == "إبراهيم رئيسي"
    assert person.wide_column == "participants_ebrahim_raisi"
    assert set(sheet.codebook_id) == {"gaza-diplomacy"}
    wide = set(pd.read_csv(target, nrows=0).columns)
    assert {c for c in sheet.wide_column if c.startswith("demands_")} <= wide


# -- files, stdout, errors ----------------------------------------------------------------------
def test_a_failed_export_leaves_no_file(coded: Project, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "tags.csv"
    target.write_text("the old export", encoding="utf-8")

    def stop(done: int, total: int) -> None:
        if done:
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        export_to_file(coded, target, ExportOptions(), stop)
    assert target.read_text(encoding="utf-8") == "the old export"
    assert sorted(p.name for p in folder.iterdir()) == ["tags.csv"]


def test_unwritable_targets_are_one_line_errors(coded: Project, tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="is a folder"):
        export_to_file(coded, tmp_path)
    with pytest.raises(AnnotatorError, match="not written"):
        export_to_file(coded, tmp_path / "missing" / "tags.csv")


def test_export_to_a_pipe_writes_into_it_without_a_codebook_sheet(coded: Project,
                                                                  tmp_path: Path) -> None:
    folder = tmp_path / "pipes"
    folder.mkdir()
    fifo = folder / "tags.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = export_to_file(coded, fifo, ExportOptions(format="wide"))
    reader.join(timeout=30)
    assert not reader.is_alive()
    assert result.codebook_path is None and result.rows > 0
    assert received[0].decode("utf-8") == written(coded, ExportOptions(format="wide"))
    assert [p.name for p in folder.iterdir()] == ["tags.csv"]  # no sheet, no .part file
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def _never_replace_a_device(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the bug come back, fail instead of renaming a file over the null device."""
    replace = os.replace

    def guarded(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        assert not Path(target).exists() or Path(target).is_file(), f"replacing {target}"
        replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", guarded)


def test_export_to_dev_null_leaves_nothing_in_dev(coded: Project,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    null = Path(os.devnull)
    if not null.exists() or null.is_file():
        pytest.skip("no null device here")
    _never_replace_a_device(monkeypatch)
    sheet = codebook_sheet_path(null)
    before = set(os.listdir(null.parent))
    try:
        result = export_to_file(coded, null, ExportOptions())
        assert result.codebook_path is None and result.rows > 0
        assert not sheet.exists()
        assert set(os.listdir(null.parent)) - before == set()
        assert stat.S_ISCHR(null.stat().st_mode)  # still the device, not a file put there
    finally:
        if sheet.is_file():  # the bug this test guards against; never leave it behind
            sheet.unlink()
        for name in set(os.listdir(null.parent)) - before:
            if name.startswith(".null.") and name.endswith(".part"):
                (null.parent / name).unlink()


def test_export_refuses_to_overwrite_the_project(coded: Project) -> None:
    for target in (coded.path, Path(f"{coded.path}-wal")):
        with pytest.raises(AnnotatorError, match="that is the project file"):
            export_to_file(coded, target)
    assert coded.articles.count() > 0


def test_progress_every_thousand_rows(project: Project) -> None:
    rows = []
    for number in range(140):
        for article in (ARABIC_ID, PERSIAN_ID, STATUS_ONLY_ID, DATED_ID, "004_193b1bdac254f09c"):
            for field, value in (("stance", "neutral"), ("event_type", "meeting"),
                                 ("note", "x")):
                rows.append((len(rows) + 2, {"article_id": article, "annotator": f"c{number:03}",
                                             "field": field, "value": value}))
    project.exchange.import_tag_rows(rows)
    calls: list[tuple[int, int]] = []
    assert export(project, io.StringIO(), progress=lambda *call: calls.append(call)) == 2100
    assert calls == [(0, 2100), (1000, 2100), (2000, 2100), (2100, 2100)]
    calls.clear()
    export(project, io.StringIO(), ExportOptions(format="wide"),
           lambda *call: calls.append(call))
    assert calls[-1] == (2100, 2100)


def test_one_annotator_and_unknown_annotator(coded: Project) -> None:
    text = written(coded, ExportOptions(annotator="reza"))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert {r["annotator"] for r in rows} == {"reza"} and len(rows) == 2
    with pytest.raises(AnnotatorError, match="annotator 'nobody' has no tags"):
        written(coded, ExportOptions(annotator="nobody"))


def _drop_adjudication(monkeypatch: pytest.MonkeyPatch, project: Project) -> None:
    for owner in type(project).__mro__:
        if "adjudicated_tags" in vars(owner):
            monkeypatch.delattr(owner, "adjudicated_tags")


def test_adjudicated_without_a_review_feature_says_so(monkeypatch, coded: Project) -> None:
    _drop_adjudication(monkeypatch, coded)
    with pytest.raises(AnnotatorError, match="no adjudicated tags yet"):
        written(coded, ExportOptions(adjudicated=True))


def test_adjudicated_tags_are_exported_as_annotator_adjudicated(monkeypatch,
                                                                coded: Project) -> None:
    stamp = "2024-06-02T10:00:00.000Z"
    adjudicated = [
        Tag(-2, "u2", ARABIC_ID, "adjudicated", "demands", "ceasefire", "ebrahim_raisi", None,
            None, None, None, "agreed", 1, stamp, stamp),
        Tag(-1, "u1", ARABIC_ID, "adjudicated", "stance", "condemning", None, None, None,
            None, None, None, 1, stamp, stamp),
    ]
    monkeypatch.setattr(coded.review, "adjudicated_tags", lambda: iter(adjudicated), raising=False)
    rows = list(csv.DictReader(io.StringIO(
        written(coded, ExportOptions(adjudicated=True)), newline="")))
    assert [(r["annotator"], r["field"], r["value"]) for r in rows] == [
        ("adjudicated", "demands", "ceasefire"), ("adjudicated", "stance", "condemning")]
    assert rows[0]["title"] == coded.articles.get(ARABIC_ID).title
    assert rows[0]["codebook_id"] == "gaza-diplomacy"
    wide = list(csv.DictReader(io.StringIO(
        written(coded, ExportOptions(format="wide", adjudicated=True)), newline="")))
    assert len(wide) == 1 and wide[0]["demands_ceasefire"] == "1"
    assert wide[0]["stance"] == "condemning" and wide[0]["status"] == ""
    line = json.loads(written(coded, ExportOptions(format="jsonl", adjudicated=True)))
    assert line["annotator"] == "adjudicated"
    assert line["fields"]["demands"][0]["note"] == "agreed"
    with pytest.raises(AnnotatorError, match="either"):
        written(coded, ExportOptions(adjudicated=True, annotator="sara"))


# -- the command ---------------------------------------------------------------------------------
def test_command_writes_stdout_without_a_codebook_sheet(capsys, project_path: Path,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    with open_project(project_path) as project:
        code(project)
        expected = written(project, ExportOptions(format="wide", excel=True))
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code_, out, _ = run(capsys, "export", "--db", str(project_path), "--format", "wide",
                        "--excel")
    assert code_ == 0
    assert out == expected and out.startswith("\ufeff")
    assert list(here.iterdir()) == []
    code_, out, _ = run(capsys, "export", "--db", str(project_path), "--format", "jsonl",
                        "--annotator", "reza")
    assert code_ == 0 and [json.loads(x)["annotator"] for x in out.splitlines()] == ["reza"] * 3


def test_command_options_and_errors(capsys, project_path: Path, tmp_path: Path) -> None:
    db = str(project_path)
    target = tmp_path / "out.csv"
    code_, _, err = run(capsys, "export", "--db", db, "--format", "wide", "-o", str(target))
    assert code_ == 0 and "written to" in err and "codebook" in err
    assert target.exists() and (tmp_path / "out.codebook.csv").exists()
    code_, _, err = run(capsys, "export", "--db", db, "--adjudicated")
    assert code_ == 1 and err.count("\n") == 1
    code_, _, err = run(capsys, "export", "--db", db, "--format", "jsonl", "--excel")
    assert code_ == 1 and "--excel" in err
    with pytest.raises(SystemExit) as stop:
        cli.main(["export", "--db", db, "--adjudicated", "--annotator", "sara"])
    assert stop.value.code == 2
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    help_text = capsys.readouterr().out
    for option in ("--format", "--adjudicated", "--annotator", "--excel", "--output"):
        assert option in help_text


def test_command_output_to_dev_null_writes_no_codebook_sheet(
        capsys, project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path(os.devnull).exists() or Path(os.devnull).is_file():
        pytest.skip("no null device here")
    _never_replace_a_device(monkeypatch)
    sheet = codebook_sheet_path(os.devnull)
    try:
        code_, out, err = run(capsys, "export", "--db", str(project_path), "-o", os.devnull)
        assert code_ == 0 and out == ""
        assert "no codebook sheet" in err and err.count("\n") == 1
        assert not sheet.exists()
    finally:
        if sheet.is_file():
            sheet.unlink()


def _parser_with_factory() -> tuple[argparse.ArgumentParser, Callable[..., Any]]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()

    def command(name: str, run_: Callable[..., int], help_: str, *parents: Any) -> Any:
        made = sub.add_parser(name, help=help_)  # the shape of cli.py's factory
        made.set_defaults(run=run_)
        return made

    return parser, command


@pytest.mark.parametrize("builtin", [True, False])
def test_registration_with_or_without_a_builtin_export(builtin: bool) -> None:
    parser, command = _parser_with_factory()
    if builtin:
        command("export", lambda args: 0, "the old export")
    cli_export.register(command, argparse.Namespace())
    args = parser.parse_args(["export", "--format", "wide", "--annotator", "sara"])
    assert args.run is cli_export.cmd_export
    assert (args.format, args.annotator, args.excel) == ("wide", "sara", False)
    assert "the old export" not in parser.format_help()
