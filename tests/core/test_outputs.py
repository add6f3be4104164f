"""Every output (export, codebook sheet, report, chart) refuses the project and is whole or absent.

Each output kind is aimed, through the real command line, at the project, at its
``-wal`` (kept alive by a connection held open, as a window would), at its ``-shm``,
through a symbolic link, through ``dir/../project.sqlite`` and through a hard link: each
is refused with one line, nothing is written, and the project is unchanged.  Then a disk
that fills up (a write that stops early without saying so, a write that fails) leaves no
file and an older file of the same name untouched.
"""

from __future__ import annotations

import csv
import errno
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import annotator.cli.commands
from annotator.cli.commands import main
from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.outputs import output_file
from annotator.core.outputs.output_file import (
    PartFile,
    check_csv,
    check_pdf_bytes,
    check_png,
    check_svg,
    project_message,
    refuse_project,
)
from annotator.core.store import open_project
from tests.core.test_charts import code

# Output kind -> the command line writing to TARGET (the project is PROJECT).
KINDS: dict[str, list[str]] = {
    "export-long": ["export", "-o", "TARGET"],
    "export-wide-excel": ["export", "--format", "wide", "--excel", "-o", "TARGET"],
    "export-jsonl": ["export", "--format", "jsonl", "-o", "TARGET"],
    "report-html": ["report", "-o", "TARGET"],
    "report-pdf": ["report", "-o", "TARGET"],
    "chart-png": ["chart", "stance", "-o", "TARGET"],
    "chart-svg": ["chart", "progress", "-o", "TARGET"],
    "chart-pdf": ["chart", "demands", "-o", "TARGET"],
}
SUFFIX = {"export-long": ".csv", "export-wide-excel": ".csv", "export-jsonl": ".jsonl",
          "report-html": ".html", "report-pdf": ".pdf", "chart-png": ".png",
          "chart-svg": ".svg", "chart-pdf": ".pdf"}


@pytest.fixture(autouse=True)
def cli_plugins(monkeypatch) -> None:
    monkeypatch.setattr(annotator.cli.commands, "PLUGINS",
                        ("annotator.cli.export", "annotator.cli.charts"))


@pytest.fixture
def coded_path(project_path: Path) -> Path:
    with open_project(project_path) as project:
        code(project)
    return project_path


@pytest.fixture
def held(coded_path: Path) -> Iterator[Path]:
    """The project held open by a connection with a write in its -wal, as a window would."""
    with open_project(coded_path) as project:
        project.tags.set_choice(next(iter(project.articles.iter_all())).article_id, "held",
                                "stance", "condemning")
        assert Path(f"{coded_path}-wal").exists()
        yield coded_path


def state(path: Path) -> tuple[str, int, int]:
    """integrity_check, tag count, article count, read through SQLite."""
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("SELECT count(*) FROM tags").fetchone()[0],
                conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def run(kind: str, project: Path, target: Path | str) -> int:
    argv = [str(target) if a == "TARGET" else a for a in KINDS[kind]]
    return main([*argv, "--db", str(project)])


def _aimed(name: str, project: Path, tmp_path: Path, suffix: str) -> Path:
    if name == "project":
        return project
    if name in ("wal", "shm"):
        return Path(f"{project}-{name}")
    if name == "symlink":
        link = tmp_path / f"link{suffix}"
        link.symlink_to(project)
        return link
    if name == "symlink-to-wal":
        link = tmp_path / f"walink{suffix}"
        link.symlink_to(Path(f"{project}-wal"))
        return link
    if name == "dotdot":
        (tmp_path / "sub").mkdir(exist_ok=True)
        return tmp_path / "sub" / ".." / project.name
    if name == "hardlink":
        link = tmp_path / f"hard{suffix}"
        os.link(project, link)
        return link
    raise AssertionError(name)


TARGETS = ("project", "wal", "shm", "symlink", "symlink-to-wal", "dotdot", "hardlink")


@pytest.mark.parametrize("aim", TARGETS)
@pytest.mark.parametrize("kind", KINDS)
def test_no_output_writes_over_the_project(held: Path, tmp_path: Path, capsys, kind: str,
                                          aim: str) -> None:
    target = _aimed(aim, held, tmp_path, SUFFIX[kind])
    before = state(held)
    size = os.stat(held).st_size
    capsys.readouterr()
    assert run(kind, held, target) == 1
    err = capsys.readouterr().err
    assert err == f"annotator: error: {project_message(target)}\n"
    assert state(held) == before == ("ok", before[1], 5)
    assert os.stat(held).st_size == size
    assert not [p for p in held.parent.rglob("*") if p.name.endswith(".part")]
    assert not (held.parent / "project.codebook.csv").exists()


def test_the_codebook_sheet_may_not_be_the_project(tmp_path: Path, capsys) -> None:
    # A project named X.codebook.csv: exporting to X.csv would put the sheet over it.
    project_path = tmp_path / "tags.codebook.csv"
    with open_project(project_path) as project:
        import_paths(project, [paths.corpus_dir()])
        code(project)
    before = state(project_path)
    for target in (tmp_path / "tags.csv", tmp_path / "sub" / ".." / "tags.csv"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        assert run("export-long", project_path, target) == 1
        sheet = target.with_name("tags.codebook.csv")
        assert capsys.readouterr().err == f"annotator: error: {project_message(sheet)}\n"
        assert not (tmp_path / "tags.csv").exists()
    assert state(project_path) == before and before[0] == "ok"


def test_the_real_path_of_a_linked_project_is_guarded(coded_path: Path, tmp_path: Path) -> None:
    # The project opened through a link keeps its -wal beside the real file.
    link = tmp_path / "linked.sqlite"
    link.symlink_to(coded_path)
    with pytest.raises(AnnotatorError, match="that is the project file"):
        refuse_project(f"{coded_path}-wal", link)
    refuse_project(tmp_path / "other.csv", link)  # anything else is fine


@pytest.mark.parametrize("kind", KINDS)
def test_outputs_are_written_whole(coded_path: Path, tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"out{SUFFIX[kind]}"
    assert run(kind, coded_path, target) == 0
    assert target.stat().st_size > 0
    check = {".csv": check_csv, ".pdf": None, ".png": check_png, ".svg": check_svg}
    if SUFFIX[kind] == ".pdf":
        assert check_pdf_bytes(target.read_bytes()) is None
    elif SUFFIX[kind] in (".png", ".svg"):
        assert check[SUFFIX[kind]](target) is None  # type: ignore[operator]
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".part")]


# -- a full disk ------------------------------------------------------------------------
def _stops_early(fd: int, data: bytes) -> int:
    """A write that reaches the disk only in part and says it wrote everything."""
    os.write(fd, bytes(data[: len(data) // 2]))
    return len(data)


def _disk_full(fd: int, data: bytes) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("write", [_stops_early, _disk_full], ids=["stops-early", "enospc"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_full_disk_leaves_the_old_file_untouched(coded_path: Path, tmp_path: Path, capsys,
                                                   monkeypatch, kind: str,
                                                   write: Callable[[int, bytes], int]) -> None:
    target = tmp_path / f"out{SUFFIX[kind]}"
    target.write_bytes(b"the old file")
    monkeypatch.setattr(output_file, "_write", write)
    capsys.readouterr()
    assert run(kind, coded_path, target) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: error: {target}: not written (")
    assert err.count("\n") == 1
    if write is _disk_full:
        assert "No space left on device" in err
    assert target.read_bytes() == b"the old file"
    assert not (tmp_path / "out.codebook.csv").exists()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".part")]


def test_a_full_disk_without_an_old_file_leaves_nothing(coded_path: Path, tmp_path: Path,
                                                         capsys, monkeypatch) -> None:
    monkeypatch.setattr(output_file, "_write", _stops_early)
    assert run("export-long", coded_path, tmp_path / "tags.csv") == 1
    assert "not written (only " in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project.sqlite"]


# -- the checks themselves ------------------------------------------------------------------
def test_a_truncated_pdf_fails_its_check(coded_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "chart.pdf"
    assert run("chart-pdf", coded_path, target) == 0
    data = target.read_bytes()
    assert check_pdf_bytes(data) is None
    for cut in (len(data) - 3, len(data) - 40, len(data) // 2, 10):
        assert check_pdf_bytes(data[:cut]) is not None, cut
    # startxref pointing past the cross-reference table
    head, _, tail = data.rpartition(b"startxref")
    assert check_pdf_bytes(head + b"startxref\n1" + tail.lstrip()) is not None
    assert check_pdf_bytes(b"<html></html>") is not None


def test_truncated_images_and_csv_fail_their_checks(coded_path: Path, tmp_path: Path) -> None:
    png = tmp_path / "chart.png"
    assert run("chart-png", coded_path, png) == 0
    png.write_bytes(png.read_bytes()[:-20])
    assert check_png(png) is not None
    svg = tmp_path / "chart.svg"
    assert run("chart-svg", coded_path, svg) == 0
    svg.write_bytes(svg.read_bytes()[:-100])
    assert check_svg(svg) is not None
    table = tmp_path / "t.csv"
    table.write_text("a,b\r\n1,2\r\n3,4\r\n", encoding="utf-8")
    assert check_csv(2)(table) is None
    assert check_csv(3)(table) is not None
    table.write_text('a,b\r\n1,"2\r\n', encoding="utf-8")  # cut inside a quoted cell
    assert check_csv(1)(table) is not None


CELLS = ("", "a", "غزه، آتش‌بس", 'he said "no"', "line\r\nbreak", "x,y", '"', "\n", "٪۱۲",
         '""', "\ufeffbom", "end\r")


@pytest.mark.parametrize("chunk", [1, 2, 7, 1 << 20])
def test_the_csv_check_counts_records_as_csv_reader_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    # Read in chunks of every size down to one byte: quotes and line ends split apart.
    monkeypatch.setattr(output_file, "_CHUNK", chunk)
    rng = random.Random(chunk)
    table = tmp_path / "t.csv"
    for _round in range(40):
        rows = [[rng.choice(CELLS) for _ in range(rng.randint(1, 4))]
                for _ in range(rng.randint(0, 12))]
        with table.open("w", encoding="utf-8-sig" if _round % 2 else "utf-8",
                        newline="") as out:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(["h1", "h2"])
            writer.writerows(rows)
        with table.open(encoding="utf-8-sig", newline="") as back:
            assert sum(1 for _ in csv.reader(back, strict=True)) == len(rows) + 1
        assert output_file.csv_records(table) == (len(rows) + 1, False)
        assert check_csv(len(rows))(table) is None
        assert check_csv(len(rows) + 1)(table) is not None
        # Cut anywhere short of the end: never read back as the whole file.
        data = table.read_bytes()
        for cut in sorted({rng.randrange(len(data)) for _ in range(8)}):
            table.write_bytes(data[:cut])
            assert check_csv(len(rows))(table) is not None, (data, cut)
    table.write_bytes(b"a,b\r\n\xd8,x\r\n")  # half of a two-byte Persian letter
    assert "does not read back" in (check_csv(1)(table) or "")


def test_a_part_file_is_removed_when_its_check_fails(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    with (pytest.raises(AnnotatorError, match=r"x.csv: not written \(the CSV written reads"),
          output_file.part_files([target]) as (part,)):
        assert isinstance(part, PartFile)
        part.text().write("a\r\n")
        part.finish(check_csv(1))
        part.commit()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("side", ["", "-wal"])
def test_export_to_stdout_appended_to_the_project_is_refused(held: Path, side: str) -> None:
    # The shell opens the file for appending (>>); the export must not write into it.
    target = f"{held}{side}"
    before = state(held)
    size = os.stat(target).st_size
    done = subprocess.run(f'"{sys.executable}" -m annotator export --db "{held}" >> "{target}"',
                          shell=True, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == f"annotator: error: {project_message('stdout')}\n"
    assert os.stat(target).st_size == size
    assert state(held) == before and before[0] == "ok"
