"""Bad input never crashes: fuzzed corpus files, codebooks and tag CSVs.

Every input either works or is refused with an :class:`AnnotatorError` or an
:class:`ImportProblem` saying why; nothing else may escape, and a refused tag import
stores nothing.  Inputs are random bytes and mutations of real files (the sample
articles as text, JSONL, CSV and HTML; the default codebook; an exported tag CSV).
``ANNOTATOR_FUZZ_EXAMPLES`` sets the examples per test (default 60).
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
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from annotator.core import paths
from annotator.core.codebook import parse_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.intake.corpus import SUPPORTED
from annotator.core.intake.importer import import_paths
from annotator.core.intake.tagcsv import read_tags, write_tags
from annotator.core.records import ImportProblem
from annotator.core.store import Project, open_project
from annotator.core.store.backups import list_backups
from annotator.core.store.health import check
from annotator.core.text import canonical

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SAMPLES = sorted(paths.corpus_dir().glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SAMPLES]
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "utf-32")
# Characters that tend to matter to parsers and to Persian/Arabic text handling.
TRICKY = ['"', "'", ",", ";", "\t", "\n", "\r", "\r\n", "{", "}", "[", "]", "<", ">", "&",
          "=", "#", "\\", "\x00", "\x1a", "\ufeff", "\u200c", "\u200f", "\u202e", "\u0640",
          "\ufdfc", "۱۲", "²", "𝟘", "😀", "\u064b", "ي", "ی", "-1", "99999999999999999999"]


# -- projects: made once per module, put back as they were before each example ------------
class Fixed:
    """A project and an image of it: :meth:`reset` makes each example start from the same file."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.image = sqlite3.connect(":memory:")
        project.conn.backup(self.image)
        self.exported = _export(project)

    def reset(self) -> Project:
        self.image.backup(self.project.conn)
        self.project.reset_caches()
        return self.project


def _export(project: Project) -> str:
    out = io.StringIO()
    write_tags(project.exchange.iter_tag_rows(), out)
    return out.getvalue()


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixed]:
    with open_project(tmp_path_factory.mktemp("corpus") / "p.sqlite") as project:
        import_paths(project, [paths.corpus_dir()])
        yield Fixed(project)


@pytest.fixture(scope="module")
def tagged_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixed]:
    with open_project(tmp_path_factory.mktemp("tags") / "p.sqlite") as project:
        import_paths(project, [paths.corpus_dir()])
        ids = [a.article_id for a in project.articles.iter_all()]
        people = [p.id for p in project.participants.all()[:3]]
        for number, article in enumerate(ids):
            body = project.articles.get(article).body
            project.tags.set_choice(article, "sara", "stance", "condemning")
            project.tags.add_value(article, "sara", "demands", "ceasefire",
                                   participant=people[number % len(people)],
                                   span=(number, number + 12), note="«نقل», \"quoted\"\nline")
            project.tags.add_value(article, "omid", "demands", "humanitarian_aid")
            project.tags.mark_none(article, "omid", "participants")
            project.tags.add_value(article, "sara", "participants", people[0], role="initiator",
                                   span=(len(body) - 9, len(body)))
            project.tags.set_choice(article, "sara", "note", f"یادداشت {number}, با «ویرگول»")
        yield Fixed(project)


# -- bugs this fuzzing found in existing code ---------------------------------------------
# All fixed (regression examples at the end of this file); the hook stays for the next
# one found, so the fuzz tests can count it and go on looking while it is being fixed.
def _known_bug(exc: BaseException) -> str | None:
    """A known, not yet fixed bug that ``exc`` shows (none at present)."""
    del exc
    return None


# -- mutations ------------------------------------------------------------------------------
@st.composite
def mutated_text(draw: st.DrawFn, seed: str) -> str:
    text = seed
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "tricky", "truncate"]))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)):]
        elif kind == "insert":
            text = text[:at] + draw(st.text(max_size=30)) + text[at:]
        elif kind == "duplicate":
            text = text[:at] + text[at: at + draw(st.integers(1, 300))] + text[at:]
        elif kind == "tricky":
            text = text[:at] + draw(st.sampled_from(TRICKY)) + text[at + draw(st.integers(0, 2)):]
        else:
            text = text[:at]
    return text


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    # Mostly UTF-8 and intact, so that most inputs get past decoding to the parsers.
    encoding = draw(st.sampled_from(("utf-8",) * 6 + ENCODINGS))
    data = text.encode(encoding, errors="replace" if encoding == "cp1256" else "surrogatepass")
    if data and draw(st.integers(0, 3)) == 0:  # flip a few bytes
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        data = bytes(raw)
    return data


def _jsonl(texts: list[str]) -> str:
    lines = []
    for number, text in enumerate(texts):
        title, _, body = text.partition("\n")
        lines.append(json.dumps({"id": f"j{number}", "title": title, "text": body,
                                 "published": "1403-03-12", "url": "https://example.org/x",
                                 "outlet": "خبرگزاری"}, ensure_ascii=number % 2 == 0))
    return "\n".join(lines) + "\n"


def _csv(texts: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "text", "published", "outlet"])
    for number, text in enumerate(texts):
        title, _, body = text.partition("\n")
        writer.writerow([f"c{number}", title, body, "12 خرداد 1403", "ایرنا"])
    return out.getvalue()


def _html(text: str) -> str:
    title, _, body = text.partition("\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
    return (f'<html><head><meta charset="utf-8"><title>{title}</title>'
            '<meta property="article:published_time" content="2024-06-01">'
            f"<script>var x = '<p>';</script></head><body><h1>{title}</h1>{paragraphs}"
            "<form>ارسال دیدگاه</form></body></html>")


CORPUS_SEEDS = (
    [(".txt", t) for t in TEXTS] + [(".jsonl", _jsonl(TEXTS)), (".csv", _csv(TEXTS))]
    + [(".html", _html(t)) for t in TEXTS[:2]]
)


def _check_result(project: Project, result: object) -> None:
    for problem in result.problems:  # type: ignore[attr-defined]
        assert isinstance(problem, ImportProblem) and str(problem)
    for article_id in result.added:  # type: ignore[attr-defined]
        article = project.articles.get(article_id)
        assert article.body.strip() and "\r" not in article.body
        assert canonical(article.body) == article.body


def _import_bytes(project: Project, suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            result = import_paths(project, [path])
        except AnnotatorError:
            event("refused")
            return
        except Exception as exc:
            if not _known_bug(exc):
                raise
            event(str(_known_bug(exc)))
            return
        event(f"{len(result.added)} added" if result.added else
              "problems" if result.problems else "already present")
        _check_result(project, result)


# -- corpus files -------------------------------------------------------------------------
@FUZZ
@given(suffix=st.sampled_from(SUPPORTED), data=st.binary(max_size=3000))
def test_random_bytes_as_corpus_files(corpus_project: Fixed, suffix: str, data: bytes) -> None:
    _import_bytes(corpus_project.reset(), suffix, data)


@FUZZ
@given(data=st.data())
def test_mutated_corpus_files(corpus_project: Fixed, data: st.DataObject) -> None:
    suffix, seed = data.draw(st.sampled_from(CORPUS_SEEDS), label="seed")
    text = data.draw(mutated_text(seed), label="text")
    _import_bytes(corpus_project.reset(), suffix, data.draw(encoded(text), label="bytes"))


# -- codebooks ----------------------------------------------------------------------------
CODEBOOK = paths.default_codebook_path().read_text(encoding="utf-8")
TOML_LINES = [
    'role = "initiator"', "role = 3", 'type = "multiple"', 'type = "participants"',
    'type = "text"', "[[field.role]]", "title = []", 'title = "x"', "title = 3",
    "[[field.category]]", "ordered = true", "with_participant = true", "attributable = true",
    "retired = true", "scale = false", "category = 3", 'category = ["a"]', "field = 3",
    "[codebook]", "[[field]]",
    'label = "x"', "label = { fa = 'فقط' }", 'id = "X"', 'id = "demands"', "id = 3",
    'definition = ""', "definition = 3", 'revision = 2', "[field]", "role = [1, 2]",
    "category = [{ id = 'a' }]", 'label = { en = 3 }', "description = []",
]


@st.composite
def mutated_codebook(draw: st.DrawFn) -> str:
    lines = CODEBOOK.split("\n")
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "value"]))
        if kind == "delete":
            del lines[at: at + draw(st.integers(1, 6))]
        elif kind == "duplicate":
            lines[at:at] = lines[at: at + draw(st.integers(1, 12))]
        elif kind == "insert":
            lines.insert(at, draw(st.sampled_from(TOML_LINES)))
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif "=" in lines[at]:
            key = lines[at].split("=", 1)[0]
            value = draw(st.sampled_from(['"x"', "1", "[]", "{}", "true", '"" ', "'ی'", "[1]",
                                          '{ en = "x" }', '"unclear"']))
            lines[at] = f"{key}= {value}"
        if not lines:
            break
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = draw(mutated_text(text))
    return text


@pytest.fixture(scope="module")
def codebook_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixed]:
    with open_project(tmp_path_factory.mktemp("codebook") / "p.sqlite") as project:
        import_paths(project, [paths.corpus_dir()])
        article = next(project.articles.iter_all()).article_id
        project.tags.set_choice(article, "sara", "stance", "condemning")
        project.tags.add_value(article, "sara", "demands", "ceasefire")
        yield Fixed(project)


@FUZZ
@given(source=mutated_codebook())
def test_mutated_codebooks(codebook_project: Fixed, source: str) -> None:
    project = codebook_project.reset()
    try:
        codebook = parse_codebook(source, "fuzz.toml")
    except AnnotatorError as exc:
        event("refused")
        assert str(exc).startswith("fuzz.toml: ")
        return
    except Exception as exc:
        if not _known_bug(exc):
            raise
        event(str(_known_bug(exc)))
        return
    event("parsed")
    codebook.to_dict()
    for item in codebook.fields:
        item.text("fa"), item.scale, item.active_categories  # noqa: B018
    before = project.codebooks.active_version()
    try:
        project.codebooks.load(codebook, "fuzz.toml")
    except AnnotatorError:
        event("not taken in (it would orphan tags)")
        assert project.codebooks.active_version() == before
        return
    event("taken in")
    assert check(project).ok  # a codebook taken in leaves every tag explained


# -- tag CSVs ---------------------------------------------------------------------------------
NUMBERS = ["²", "١", "۱۲", "-1", " 3 ", "1e3", "0x10", "99999999999999999999", "𝟘", "", "0"]


@st.composite
def mutated_tag_csv(draw: st.DrawFn, exported: str) -> str:
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    header, body = rows[0], rows[1:]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cell", "cell", "number", "swap_cells", "copy_cell",
                                     "copy_cell", "copy_uid", "drop_row", "dup_row",
                                     "drop_column", "rename_column", "extra_cell"]))
        if not body or not header:
            break
        row = draw(st.integers(0, len(body) - 1))
        column = draw(st.integers(0, len(header) - 1))
        if kind == "cell":
            body[row][column] = draw(st.one_of(
                st.sampled_from(TRICKY + ["", " ", "none", "0", "5", "1e3", "neutral",
                                          "ceasefire", "initiator", "sara"]),
                st.text(max_size=12), st.integers(-10, 10**6).map(str)))
        elif kind == "number":  # the number columns, with digits Python reads its own way
            names = [n for n in ("span_start", "span_end", "codebook_version") if n in header]
            if names:
                body[row][header.index(draw(st.sampled_from(names)))] = draw(
                    st.sampled_from(NUMBERS))
        elif kind == "swap_cells":
            other = draw(st.integers(0, len(header) - 1))
            body[row][column], body[row][other] = body[row][other], body[row][column]
        elif kind == "copy_cell":  # e.g. another row's value, span or article
            source = draw(st.integers(0, len(body) - 1))
            body[row][column] = body[source][column]
        elif kind == "copy_uid" and "tag_uid" in header:  # a hand-copied row kept its uid
            at = header.index("tag_uid")
            body[row][at] = body[draw(st.integers(0, len(body) - 1))][at]
        elif kind == "drop_row":
            del body[row]
        elif kind == "dup_row":
            body.insert(row, list(body[row]))
        elif kind == "drop_column":
            del header[column]
            for line in body:
                del line[column]
        elif kind == "rename_column":
            header[column] = draw(st.sampled_from(["", "Value", "value ", "\ufeffarticle_id",
                                                   "x", header[(column + 1) % len(header)]]))
        elif kind == "extra_cell":
            body[row].append(draw(st.text(max_size=5)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *body])
    text = out.getvalue()
    if draw(st.integers(0, 3)) == 0:
        text = draw(mutated_text(text))
    return text


def _counts(project: Project) -> tuple[int, int]:
    conn: sqlite3.Connection = project.conn
    return (int(conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0]),
            int(conn.execute("SELECT COUNT(*) FROM history").fetchone()[0]))


_PLACE = ("article_id", "annotator", "field")


def _uid_places(project: Project) -> dict[str, tuple[str, ...]]:
    return {str(uid): tuple(place) for uid, *place in project.conn.execute(
        "SELECT tag_uid, article_id, annotator, field FROM tags")}


def _uid_clash(project: Project, rows: list[tuple[int, dict[str, str]]]) -> str | None:
    """The uid that the file gives to two places (two rows, or a row and a stored tag)."""
    places = _uid_places(project)
    for _line, row in rows:
        uid = (row.get("tag_uid") or "").strip()
        place = tuple((row.get(c) or "").strip() for c in _PLACE)
        if uid and places.setdefault(uid, place) != place:
            return uid
    return None


def _import_tag_file(project: Project, data: bytes) -> None:
    before = _counts(project)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tags.csv"
        path.write_bytes(data)
        try:
            rows = read_tags(path)
            clash = _uid_clash(project, rows)
            project.exchange.import_tag_rows(rows, where=str(path))
        except AnnotatorError as exc:
            event("refused: a uid given to another tag" if "tag_uid" in str(exc) else "refused")
            assert _counts(project) == before  # nothing from a refused file
            return
        except Exception as exc:
            if not _known_bug(exc):
                raise
            event(str(_known_bug(exc)))
            assert _counts(project) == before
            return
    event("imported")
    # A tag's uid is its identity: a row carrying another tag's uid must stop the file.
    assert clash is None, f"a row with the uid of another tag ({clash}) was taken in"
    stored = _uid_places(project)
    for _line, row in rows:
        uid = (row.get("tag_uid") or "").strip()
        if uid in stored:
            assert stored[uid] == tuple((row.get(c) or "").strip() for c in _PLACE)
    report = check(project)
    assert report.ok, report.lines()  # what was taken in is explained by the codebook


@FUZZ
@given(data=st.data())
def test_mutated_tag_csvs(tagged_project: Fixed, data: st.DataObject) -> None:
    text = data.draw(mutated_tag_csv(tagged_project.exported), label="csv")
    _import_tag_file(tagged_project.reset(), data.draw(encoded(text), label="bytes"))


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_as_tag_csv(tagged_project: Fixed, data: bytes) -> None:
    _import_tag_file(tagged_project.reset(), data)


# -- bugs this fuzzing found, fixed since: one regression example each ---------------------
_SMALL_CODEBOOK = """
[codebook]
id = "small"
{head}
[[field]]
id = "participants"
type = "participants"
label = {{ en = "Participants" }}
definition = "Who took part."
{field}
"""


@pytest.mark.parametrize("role", ["role = 3", "role = 'initiator'", "role = [1]"])
def test_bug_codebook_role_that_is_not_a_list_of_tables(role: str) -> None:
    with pytest.raises(AnnotatorError, match="role"):
        parse_codebook(_SMALL_CODEBOOK.format(head="", field=role), "bad.toml")


@pytest.mark.parametrize("title", ["title = []", "title = 3"])
def test_bug_codebook_title_that_is_not_a_table(title: str) -> None:
    with pytest.raises(AnnotatorError, match="title"):
        parse_codebook(_SMALL_CODEBOOK.format(head=title, field=""), "bad.toml")


def _one_article_tags(project: Project) -> tuple[str, dict[str, dict[str, str]]]:
    article = next(project.articles.iter_all()).article_id
    project.tags.set_choice(article, "sara", "stance", "condemning")
    project.tags.add_value(article, "sara", "demands", "ceasefire")
    project.tags.add_value(article, "sara", "demands", "cut_ties")
    rows = list(csv.DictReader(io.StringIO(_export(project))))
    return article, {r["value"]: r for r in rows}


def _write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _tag_state(project: Project) -> list[tuple[object, ...]]:
    return [tuple(row) for row in project.conn.execute(
        "SELECT tag_uid, article_id, annotator, field, value, participant, role, span_start, "
        "span_end, note, updated_at FROM tags ORDER BY tag_uid")]


def _refused(project: Project, path: Path, match: str) -> None:
    """Importing ``path`` is refused with one line matching ``match``; nothing is written."""
    tags, backups = _tag_state(project), len(list_backups(project.path))
    with pytest.raises(AnnotatorError, match=match) as refusal:
        project.exchange.import_tag_rows(read_tags(path), where=str(path))
    message = str(refusal.value)
    assert "\n" not in message and message.endswith("nothing from this file was stored")
    assert _tag_state(project) == tags
    assert len(list_backups(project.path)) == backups  # refused before the backup


def test_bug_tag_row_with_another_tags_uid(project, tmp_path: Path) -> None:
    _article, by_value = _one_article_tags(project)
    # A hand-made row for the stance field that kept the uid of the ceasefire tag: it must
    # not turn the ceasefire demand into a stance (nor be stored beside it).
    uid = by_value["ceasefire"]["tag_uid"]
    row = dict(by_value["condemning"], tag_uid=uid)
    path = _write_rows(tmp_path / "tags.csv", [row])
    _refused(project, path, rf"tags\.csv:2: tag_uid '{uid}' belongs to another tag \("
                            r".*field 'demands'\)")
    assert check(project).ok


def test_tag_row_with_another_articles_uid_stops_the_whole_file(project, tmp_path: Path) -> None:
    article, by_value = _one_article_tags(project)
    other = [a.article_id for a in project.articles.iter_all() if a.article_id != article][0]
    uid = by_value["ceasefire"]["tag_uid"]
    good = dict(by_value["cut_ties"], tag_uid="", note="a good row before the bad one")
    moved = dict(by_value["ceasefire"], article_id=other, span_start="", span_end="",
                 quote="")
    path = _write_rows(tmp_path / "tags.csv", [good, moved])
    _refused(project, path, rf"tags\.csv:3: tag_uid '{uid}' belongs to another tag "
                            rf"\(article '{article}', annotator 'sara', field 'demands'\)")


def test_one_uid_on_two_rows_of_a_file(project, tmp_path: Path) -> None:
    article, by_value = _one_article_tags(project)
    other = [a.article_id for a in project.articles.iter_all() if a.article_id != article][0]
    fresh = "0123456789abcdef0123456789abcdef"  # a uid the project does not hold yet
    first = dict(by_value["ceasefire"], tag_uid=fresh, article_id=other, span_start="",
                 span_end="", quote="")
    # The same new uid for another article: the second row would rewrite the first.
    path = _write_rows(tmp_path / "tags.csv", [first, dict(first, article_id=article)])
    _refused(project, path, rf"tags\.csv:3: tag_uid '{fresh}' is already on line 2 for "
                            rf"another tag \(article '{other}'")
    # The same uid with another value in one field: the file says two things of one tag.
    path = _write_rows(tmp_path / "tags.csv", [first, dict(first, value="cut_ties")])
    _refused(project, path, rf"tags\.csv:3: tag_uid '{fresh}' is already on line 2 with "
                            "different contents")
    # A row given twice is the same tag twice: taken in once.
    path = _write_rows(tmp_path / "tags.csv", [first, dict(first)])
    result = project.exchange.import_tag_rows(read_tags(path), where=str(path))
    assert (result.added, result.updated, result.unchanged) == (1, 0, 1)
    assert [(t.tag_uid, t.value) for t in project.tags.find(other)] == [(fresh, "ceasefire")]
    assert check(project).ok


def test_bug_tag_row_update_that_collides(project, tmp_path: Path) -> None:
    _article, by_value = _one_article_tags(project)
    row = dict(by_value["cut_ties"], tag_uid=by_value["ceasefire"]["tag_uid"])
    path = _write_rows(tmp_path / "tags.csv", [row])
    before = _counts(project)
    with pytest.raises(AnnotatorError, match=r"tags\.csv:2: it would give the same value twice"):
        project.exchange.import_tag_rows(read_tags(path), where=str(path))
    assert _counts(project) == before


def test_bug_tag_row_with_superscript_codebook_version(project, tmp_path: Path) -> None:
    article, by_value = _one_article_tags(project)
    row = dict(by_value["ceasefire"], codebook_version="²", note="seen")
    path = _write_rows(tmp_path / "tags.csv", [row])
    # "²" passes str.isdigit() but int() refuses it: it used to escape as a ValueError.
    # A codebook version the file does not hold is read as the project's current one.
    result = project.exchange.import_tag_rows(read_tags(path), where=str(path))
    assert (result.added, result.updated, result.unchanged) == (0, 1, 0)
    tag = next(t for t in project.tags.find(article) if t.value == "ceasefire")
    assert (tag.tag_uid, tag.note) == (row["tag_uid"], "seen")
    assert tag.codebook_version == project.codebooks.active_version()
    assert check(project).ok
