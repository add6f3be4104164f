"""Fuzzed CSV headers and article ids: imported, or refused with one line, never half-way.

Corpus CSVs and JSONL files with random header names (known columns in other cases and
spacing, with a BOM, twice, empty, with controls and bidi marks) and random article ids;
tag CSVs with random headers.  Each input is imported or refused with a one-line reason;
no other exception escapes, every stored id is a valid name, and what is stored is exactly
what the result says was added.  ``ANNOTATOR_FUZZ_EXAMPLES`` sets the examples per test.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.intake.importer import import_paths
from annotator.core.intake.tagcsv import read_tags, write_tags
from annotator.core.names import name_problem
from annotator.core.store import EXPORT_COLUMNS, Project, open_project
from annotator.core.text import canonical

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
COLUMNS = ("id", "text", "title", "url", "published", "outlet")
TRICKY = ["\n", "\r", "\x00", "\t", ",", ";", '"', "\ufeff", "\u200c", "\u200f", "\u202e",
          "\u2028", "\xa0", "ي", "ی", "😀", " ", ""]


def _normal(name: str) -> str:
    """A header name as the readers compare it."""
    return name.strip().lstrip("\ufeff").strip().lower()


@st.composite
def header_name(draw: st.DrawFn, known: tuple[str, ...]) -> str:
    kind = draw(st.sampled_from(["known", "known", "known", "cased", "junk", "tricky"]))
    if kind == "junk":
        return draw(st.text(max_size=12))
    name = draw(st.sampled_from(known))
    if kind == "cased":
        name = "".join(c.upper() if draw(st.booleans()) else c for c in name)
        return draw(st.sampled_from(["", " ", "\ufeff", "  "])) + name + draw(
            st.sampled_from(["", " ", "\t"]))
    if kind == "tricky":
        at = draw(st.integers(0, len(name)))
        return name[:at] + draw(st.sampled_from(TRICKY)) + name[at:]
    return name


@st.composite
def article_id(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "plain", "tricky", "text", "long"]))
    if kind == "plain":
        return draw(st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True))
    if kind == "long":
        return "id" * draw(st.integers(90, 600))
    if kind == "text":
        return draw(st.text(max_size=20))
    base = draw(st.from_regex(r"[a-z]{1,6}", fullmatch=True))
    at = draw(st.integers(0, len(base)))
    return base[:at] + draw(st.sampled_from(TRICKY)) + base[at:]


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def empty_project(workspace: Path) -> Iterator[tuple[Project, sqlite3.Connection]]:
    with open_project(workspace / "empty.sqlite") as project:
        image = sqlite3.connect(":memory:")
        project.conn.backup(image)
        yield project, image


def _fresh(fixture: tuple[Project, sqlite3.Connection]) -> Project:
    project, image = fixture
    image.backup(project.conn)
    project.reset_caches()
    return project


def _stored(project: Project) -> dict[str, tuple[str, str]]:
    return {a.article_id: (a.title, a.body) for a in project.articles.iter_all()}


def _one_line(message: str) -> None:
    assert message and not any(c in message for c in "\n\r\x00\u2028\u2029"), repr(message)


def _check_import(project: Project, path: Path) -> None:
    try:
        result = import_paths(project, [path])
    except AnnotatorError as error:  # refused whole: nothing stored
        _one_line(str(error))
        assert project.articles.count() == 0
        return
    for problem in result.problems:
        _one_line(str(problem))
    stored = _stored(project)
    assert sorted(stored) == sorted(result.added)  # nothing else, nothing half-stored
    for stored_id, (title, body) in stored.items():
        assert name_problem(stored_id, "article id") is None
        assert body.strip() and len(title) <= 1_000


@FUZZ
@given(names=st.lists(header_name(COLUMNS), min_size=1, max_size=7),
       ids=st.lists(article_id(), min_size=1, max_size=4),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_corpus_csv_with_fuzzed_header_and_ids(workspace: Path, empty_project,
                                               names: list[str], ids: list[str],
                                               delimiter: str) -> None:
    project = _fresh(empty_project)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(names)
    for number, given_id in enumerate(ids):
        writer.writerow([given_id if _normal(n) == "id" else f"متن {number} {n}"
                         for n in names])
    path = workspace / "fuzz.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    _check_import(project, path)
    normal = [_normal(n) for n in names if _normal(n)]
    # A column named twice: nothing from the file.  (Only when no name holds another
    # delimiter: a header like "text\t,text\t" reads as tab-separated, one column; nor a
    # lone carriage return, which the csv module writes unquoted: "id,text\r,id" is then
    # two lines, a header "id,text" and a row.)
    unambiguous = not any(c in n for n in names for c in ",;\t\r")
    if unambiguous and len(normal) != len(set(normal)):
        assert project.articles.count() == 0
    # An id holding a lone carriage return, which csv writes unquoted, is two lines in the
    # file: each piece may then be read as an id of its own.
    given = {canonical(piece).strip() for i in ids for piece in (i, *i.split("\r"))}
    for stored_id in _stored(project):
        assert stored_id in given or stored_id.startswith("fuzz-")


@FUZZ
@given(names=st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=4, unique=True),
       again=st.data())
def test_duplicate_header_refuses_the_whole_file(workspace: Path, empty_project,
                                                names: list[str], again: st.DataObject) -> None:
    project = _fresh(empty_project)
    twice = [*names, again.draw(header_name((names[0],)))]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(  # a lone \r too
        [twice, ["خبر"] * len(twice)])
    path = workspace / "twice.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    if _normal(twice[-1]) != names[0]:  # not the same name after all (a junk draw)
        _check_import(project, path)
        return
    result = import_paths(project, [path])
    assert project.articles.count() == 0 and result.added == []
    [problem] = result.problems
    _one_line(str(problem))
    assert problem.reason.startswith(f"the column '{names[0]}' appears twice in the header")
    assert problem.line == 1


@FUZZ
@given(rows=st.lists(st.fixed_dictionaries(
    {"id": article_id()},
    optional={"text": st.sampled_from(["خبر درباره غزه", "", "   ", "نص"]),
              "title": st.text(max_size=30), "ID": article_id()}), min_size=1, max_size=4),
       as_number=st.booleans())
def test_jsonl_with_fuzzed_keys_and_ids(workspace: Path, empty_project,
                                        rows: list[dict[str, str]], as_number: bool) -> None:
    project = _fresh(empty_project)
    if as_number:
        rows = [{**row, "id": len(row["id"]) * 10 ** 15} for row in rows]
    path = workspace / "fuzz.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    _check_import(project, path)


@FUZZ
@given(names=st.lists(header_name(EXPORT_COLUMNS), min_size=1, max_size=len(EXPORT_COLUMNS)),
       data=st.data())
def test_tag_csv_with_fuzzed_header(workspace: Path, tagged, names: list[str],
                                    data: st.DataObject) -> None:
    project, sheet_rows = tagged
    before = project.tags.find()
    keep = data.draw(st.integers(0, len(sheet_rows)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in sheet_rows[:keep]:
        writer.writerow([row.get(_normal(n), "") for n in names])
    path = workspace / "tags.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    try:
        rows = read_tags(path)
        project.exchange.import_tag_rows(rows, where=str(path))
    except AnnotatorError as error:
        _one_line(str(error))
        assert project.tags.find() == before  # all rows or none
        normal = [_normal(n) for n in names if _normal(n)]
        # A control character may make the file "binary" first, or break the header up.
        if len(normal) != len(set(normal)) and all(n.isprintable() for n in names):
            assert "appears twice in the header" in str(error)
        return
    normal = [_normal(n) for n in names if _normal(n)]
    assert len(normal) == len(set(normal))  # a header with a name twice is never taken


@pytest.fixture(scope="module")
def tagged(workspace: Path) -> Iterator[tuple[Project, list[dict[str, str]]]]:
    with open_project(workspace / "tagged.sqlite") as project:
        import_paths(project, [paths.corpus_dir()])
        article = next(iter(project.articles.iter_all())).article_id
        project.tags.set_choice(article, "sara", "stance", "condemning")
        project.tags.add_value(article, "sara", "demands", "ceasefire", note="«نقل», \"q\"\nline")
        out = io.StringIO()
        write_tags(project.exchange.iter_tag_rows(), out)
        sheet = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
        yield project, sheet
