"""Reading corpus files and folders into article records and import problems."""

from __future__ import annotations

import codecs
import json
import os
import random
from pathlib import Path

import pytest

from annotator.cli.commands import main as cli_main
from annotator.core.errors import AnnotatorError
from annotator.core.intake import corpus as corpus_module
from annotator.core.intake.corpus import SUPPORTED, collect_files, read_corpus, read_file
from annotator.core.intake.tagcsv import read_tags
from annotator.core.records import (
    ARTICLE_CHARS,
    FIELD_CHARS,
    LINE_BYTES,
    QUOTE_LINES,
    TITLE_CHARS,
    ArticleRecord,
    ImportProblem,
)
from annotator.core.store import open_project
from annotator.core.text import canonical

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"
CORPUS = sorted(CORPUS_DIR.glob("*.txt"))
TO_CP1256 = str.maketrans(
    {"\u06cc": "\u064a", "\u06a9": "\u0643", "\u2009": " "}
    | {chr(0x06F0 + i): str(i) for i in range(10)}
)


def records(path: Path) -> list[ArticleRecord]:
    items = list(read_file(path))
    assert all(isinstance(item, ArticleRecord) for item in items), items
    return items  # type: ignore[return-value]


def problems(path: Path) -> list[ImportProblem]:
    return [item for item in read_file(path) if isinstance(item, ImportProblem)]


def only_problem(path: Path) -> ImportProblem:
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], ImportProblem), items
    return items[0]


def split_title(text: str) -> tuple[str, str]:
    title, _, rest = canonical(text).partition("\n")
    return title.strip(), rest.lstrip("\n").rstrip()


# --- .txt -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem[:3])
def test_bundled_samples(path: Path) -> None:
    [record] = records(path)
    title, body = split_title(path.read_text(encoding="utf-8"))
    assert record.article_id == path.stem
    assert record.title == title
    assert record.body == body
    assert record.language == ("ar" if path.stem.startswith("002") else "fa")
    assert record.source_path == str(path)


def test_sample_titles_and_dates() -> None:
    by_id = {r.article_id: r for r in read_corpus([CORPUS_DIR]) if isinstance(r, ArticleRecord)}
    assert sorted(by_id) == [path.stem for path in CORPUS]
    article = by_id["003_4cdab43310a4bd9f"]
    assert article.title == "باقری: ادامه جنایت در غزه بدون هزینه نخواهد بود"
    assert (article.published, article.published_original) == ("2024-06-01", "12 خرداد 1403")
    arabic = by_id["002_603f5c7882508bd5"]
    assert arabic.title.startswith("رئيسي يؤكد لإردوغان")
    assert arabic.published is None


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem[:3])
def test_sample_in_other_encodings_and_line_ends(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    title, body = split_title(text)
    variants = {
        "utf16": text.encode("utf-16"),
        "utf8bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "utf16crlf": text.replace("\n", "\r\n").encode("utf-16"),
    }
    for name, data in variants.items():
        target = tmp_path / name / path.name
        target.parent.mkdir()
        target.write_bytes(data)
        [record] = records(target)
        assert (record.title, record.body, record.article_id) == (title, body, path.stem), name

    legacy = text.translate(TO_CP1256)
    target = tmp_path / "cp1256" / path.name
    target.parent.mkdir()
    target.write_bytes(legacy.replace("\n", "\r\n").encode("cp1256"))
    [record] = records(target)
    assert (record.title, record.body) == split_title(legacy)
    assert record.language == ("ar" if path.stem.startswith("002") else "fa")


def test_txt_keeps_inner_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n \n  عنوان خبر  \n\n \n  بند اول  \n\u00a0\n\nبند\u200cدوم\t\n\n\n", "utf-8")
    [record] = records(path)
    assert record.title == "عنوان خبر"
    assert record.body == "  بند اول  \n\u00a0\n\nبند\u200cدوم"


def test_one_line_txt_is_title_and_body(tmp_path: Path) -> None:
    path = tmp_path / "tweet.txt"
    path.write_text("یک خط تنها\n", "utf-8")
    [record] = records(path)
    assert (record.title, record.body) == ("یک خط تنها", "یک خط تنها")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \r\n\t\n", "empty file"),
        (b"\x00" * 512, "binary file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(2000), "binary"),
    ],
    ids=["empty", "whitespace", "nuls", "png"],
)
def test_unreadable_content(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    problem = only_problem(path)
    assert problem.path == str(path) and problem.line is None
    assert problem.reason.startswith(reason)


def test_os_error_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    problem = only_problem(folder)
    assert problem.reason == "Is a directory"
    assert str(problem) == f"{folder}: Is a directory"


# --- .jsonl -----------------------------------------------------------------------------


def write_jsonl(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    good = {"id": "a1", "title": "عنوان", "text": "متن\u200cخبر\n\nبند دوم", "url": "https://x/1"}
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        [
            json.dumps(good, ensure_ascii=False),
            "",
            '{"id": "a2", "text": "x" "y"}',
            json.dumps({"id": 7, "text": "سطر اول\nسطر دوم", "published": "12 خرداد 1403"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "a5", "body": "wrong key"}),
            json.dumps({"id": "a6", "text": "  \n "}),
            json.dumps({"id": "a7", "text": "متن", "title": 5}),
            json.dumps({"text": "بدون شناسه", "outlet": None, "published": "2024-06-01"}),
        ],
    )
    items = list(read_file(path))
    found = [item for item in items if isinstance(item, ArticleRecord)]
    trouble = [item for item in items if isinstance(item, ImportProblem)]

    assert [r.article_id for r in found] == ["a1", "7", "feed-9"]
    first, second, third = found
    assert (first.title, first.body, first.url, first.line) == (
        "عنوان",
        "متن\u200cخبر\n\nبند دوم",
        "https://x/1",
        1,
    )
    assert (second.title, second.body) == ("سطر اول", "سطر اول\nسطر دوم")
    assert (second.published, second.published_original) == ("2024-06-01", "12 خرداد 1403")
    assert (third.outlet, third.published) == (None, "2024-06-01")

    assert [(p.line, p.reason) for p in trouble] == [
        (3, "not valid JSON (Expecting ',' delimiter at column 26)"),
        (5, "not a JSON object (found an array)"),
        (6, "no 'text' (found keys: id, body)"),
        (7, "empty 'text'"),
        (8, "'title' must be a string, not a number"),
    ]
    assert str(trouble[0]).startswith(f"{path}:3: not valid JSON")


def test_jsonl_unpaired_surrogate_is_a_problem(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "s.jsonl", ['{"text": "ok \\ud800 no"}', '{"text": "ok"}'])
    bad, good = read_file(path)
    assert isinstance(bad, ImportProblem) and bad.line == 1 and "surrogate" in bad.reason
    assert isinstance(good, ArticleRecord) and good.body == "ok"


def test_jsonl_in_utf16_and_cp1256(tmp_path: Path) -> None:
    line = json.dumps({"id": "x", "text": "گفتگو درباره غزه"}, ensure_ascii=False)
    for encoding in ("utf-16", "cp1256"):
        path = write_jsonl(tmp_path / f"{encoding}.jsonl", [line, "", line], encoding)
        found = records(path)
        assert [(r.body, r.line) for r in found] == [
            ("گفتگو درباره غزه", 1),
            ("گفتگو درباره غزه", 3),
        ]


def test_jsonl_long_first_line_title_is_cut(tmp_path: Path) -> None:
    text = "خبر " * 100
    [record] = records(write_jsonl(tmp_path / "long.jsonl", [json.dumps({"text": text})]))
    assert len(record.title) <= 120 and text.startswith(record.title)
    assert record.body == text.rstrip()


# --- .csv -------------------------------------------------------------------------------


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,Body,title\n1,x,y\n", "utf-8")
    problem = only_problem(path)
    assert problem.reason == "no 'text' column (columns found: id, body, title)"
    assert problem.line is None


def test_csv_quoted_text_kept_exactly(tmp_path: Path) -> None:
    text = 'گفت\u200cوگو با "همتای" ترکیه\n\nمی\u200cدهد، و ادامه\nخط سوم'
    quoted = text.replace('"', '""')
    path = tmp_path / "t.csv"
    path.write_bytes(
        codecs.BOM_UTF8
        + (
            " ID ; Text ;Published;OUTLET\r\n"
            f'r1;"{quoted}";۱۴۰۳/۰۳/۱۲;خبرگزاری\r\n'
            "\r\n"
            'r2;"";;\r\n'
            ';"دو\r\nخط";;\r\n'
        ).encode()
    )
    items = list(read_file(path))
    first, empty, third = items
    assert isinstance(first, ArticleRecord) and isinstance(third, ArticleRecord)
    assert first.body == text
    assert first.title == 'گفت\u200cوگو با "همتای" ترکیه'
    assert (first.article_id, first.outlet, first.published) == ("r1", "خبرگزاری", "2024-06-01")
    assert first.published_original == "۱۴۰۳/۰۳/۱۲"
    assert first.line == 2
    assert empty == ImportProblem(str(path), "empty 'text'", 7)
    assert (third.article_id, third.body, third.line) == ("t-8", "دو\nخط", 8)


def test_csv_tab_separated_and_huge_field(tmp_path: Path) -> None:
    big = "کلمه " * 60_000  # 300,000 characters: above csv's default field limit
    path = tmp_path / "big.csv"
    path.write_text(f"title\ttext\nعنوان\t{big}\n", "utf-8")
    [record] = records(path)
    assert record.title == "عنوان" and record.body == big.rstrip()


def test_csv_in_cp1256(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes("text,title\nگفتگو درباره پاکستان,عنوان\n".encode("cp1256"))
    [record] = records(path)
    assert (record.title, record.body, record.language) == ("عنوان", "گفتگو درباره پاکستان", "fa")


# --- .html ------------------------------------------------------------------------------


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>  تیتر &amp; صفحه </title>
<style>body { color: red }</style><script>var x = "<p>hidden</p>";</script>
<link rel="canonical" href="https://news.example/1">
<meta property="article:published_time" content="2024-06-01T08:00:00+03:30">
</head><body>
<script>alert(1)</script>
<noscript>JavaScript لازم است</noscript>
<h1>تیتر   اصلی</h1>
<p>بند   اول با <b>تأکید</b> و <a href="/x">پیوند</a><br>خط دوم</p>
<img src="http://tracker.example/pixel.png" alt="تصویر">
<div>بخش یک</div><div>بخش دو</div>
<ul><li>مورد ۱</li><li>مورد ۲</li></ul>
<svg><title>آیکون</title><text>svg text</text></svg>
<iframe src="http://ads.example/"><p>iframe text</p></iframe>
<template><p>template text</p></template>
<p>گفت&zwnj;وگو &laquo;مهم&raquo;</p>
</body></html>"""


def test_html_visible_text_only(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    [record] = records(path)
    assert record.title == "تیتر & صفحه"
    assert record.body == (
        "تیتر اصلی\n\n"
        "بند اول با تأکید و پیوند\nخط دوم\n\n"
        "بخش یک\nبخش دو\n\n"
        "مورد ۱\nمورد ۲\n\n"
        "گفت\u200cوگو «مهم»"
    )
    for hidden in ("alert", "color", "hidden", "http", "JavaScript", "svg", "iframe", "template"):
        assert hidden not in record.body
    assert record.article_id == "page"
    assert (record.url, record.published) == ("https://news.example/1", "2024-06-01")
    assert record.language == "fa"


def test_html_title_falls_back_to_h1_then_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.htm"
    path.write_text("<body><p>پیش</p><h1>تیتر</h1><p>متن</p></body>", "utf-8")
    [record] = records(path)
    assert (record.title, record.body) == ("تیتر", "پیش\n\nتیتر\n\nمتن")
    path.write_text("<p>تیتر در خط اول</p><p>متن</p>", "utf-8")
    [record] = records(path)
    assert (record.title, record.body) == ("تیتر در خط اول", "متن")


def test_html_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        "<title>خبر</title></head><body><p>متن فارسی گفتگو</p></body></html>"
    )
    path.write_bytes(page.translate(TO_CP1256).encode("cp1256"))
    [record] = records(path)
    assert (record.title, record.body) == ("خبر", "متن فارسي گفتگو")


def test_html_without_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>t</title></head><body><script>x()</script></body>", "utf-8")
    assert only_problem(path).reason == "no visible text in this page"


# --- files and folders ------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in ("b/2.txt", "a.txt", "b/c/3.jsonl", "b/notes.md", ".hidden/x.txt", "b/.x.txt"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('{"text": "t"}' if name.endswith(".jsonl") else "t\nb", "utf-8")
    (root / "b" / "UPPER.TXT").write_text("t\nb", "utf-8")


def test_folders_are_searched_recursively(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, trouble = collect_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a.txt",
        "b/2.txt",
        "b/UPPER.TXT",
        "b/c/3.jsonl",
    ]
    assert trouble == []


def test_collect_files_problems_and_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "empty").mkdir()
    notes, missing = tmp_path / "b" / "notes.md", tmp_path / "nope.txt"
    files, trouble = collect_files(
        [tmp_path / "a.txt", notes, missing, tmp_path / "empty", tmp_path]
    )
    assert files[0] == tmp_path / "a.txt" and len(files) == 4
    assert [(p.path, p.reason) for p in trouble] == [
        (str(notes), "unsupported file type '.md' (use .txt, .html, .htm, .jsonl or .csv)"),
        (str(missing), "no such file or folder"),
        (str(tmp_path / "empty"), "no .txt, .html, .htm, .jsonl or .csv files here"),
    ]
    assert SUPPORTED == (".txt", ".html", ".htm", ".jsonl", ".csv")


def test_read_corpus_reports_progress(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"")
    seen: list[tuple[int, int, str]] = []
    items = list(
        read_corpus(
            [tmp_path, tmp_path / "gone"],
            lambda done, total, path: seen.append((done, total, path.name)),
        )
    )
    assert isinstance(items[0], ImportProblem) and items[0].reason == "no such file or folder"
    assert [type(i).__name__ for i in items[1:]].count("ArticleRecord") == 4
    assert ImportProblem(str(tmp_path / "bad.txt"), "empty file") in items
    names = ["a.txt", "2.txt", "UPPER.TXT", "3.jsonl", "bad.txt"]  # b/ sorts before bad.txt
    assert seen == [(done, 5, name) for done, name in enumerate(names, 1)]


def test_a_project_named_like_a_corpus_file_is_never_read_as_one(tmp_path: Path) -> None:
    from annotator.core.errors import AnnotatorError
    from annotator.core.intake.importer import import_paths
    from annotator.core.store import open_project

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text("عنوان\nمتن خبر", encoding="utf-8")
    with open_project(folder / "project.csv") as project:
        with pytest.raises(AnnotatorError, match="the project file itself"):
            import_paths(project, [folder])
        assert project.articles.count() == 0
        assert import_paths(project, [folder / "one.txt"]).added == ["one"]


# --- limits: files, lines, fields, articles, titles ---------------------------------------

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX files")


@posix_only
@pytest.mark.parametrize("name", ["zero.txt", "zero.csv", "zero.jsonl", "zero.html"])
def test_link_to_a_device_in_a_folder_is_refused_unread(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / name).symlink_to("/dev/zero")
    (folder / "good.txt").write_text("عنوان\n\nمتن", encoding="utf-8")
    items = list(read_corpus([folder]))
    [problem] = [item for item in items if isinstance(item, ImportProblem)]
    assert problem.path == str(folder / name) and "not a regular file" in problem.reason
    assert sum(isinstance(item, ArticleRecord) for item in items) == 1


@posix_only
def test_pipe_named_like_a_corpus_file_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    problem = only_problem(tmp_path / "pipe.jsonl")  # a blocking open would hang here
    assert "not a regular file" in problem.reason


@pytest.mark.parametrize(("name", "limit"), [("big.txt", "ARTICLE_FILE_BYTES"),
                                             ("big.csv", "CORPUS_FILE_BYTES")])
def test_file_over_its_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        name: str, limit: str) -> None:
    monkeypatch.setattr(corpus_module, limit, 10_000)
    path = tmp_path / name
    path.write_text("text\n" + "خبر کوتاه\n" * 2_000, encoding="utf-8")
    problem = only_problem(path)
    assert problem.reason.startswith("too large (")
    assert "may hold at most 10,000 bytes; not read" in problem.reason and problem.line is None


def test_fifty_megabyte_html_line_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    with path.open("wb") as out:
        out.write(b"<html><head><title>t</title></head>\n<body>\n<p>")
        chunk = "خبر ".encode() * 100_000
        for _ in range(50_000_000 // len(chunk) + 1):
            out.write(chunk)
        out.write(b"</p></body></html>\n")
    problem = only_problem(path)
    assert problem.line == 3 and problem.path == str(path)
    assert "this line is over" in problem.reason and "a line may hold at most" in problem.reason
    assert "\n" not in str(problem)


def test_long_line_within_a_file_of_allowed_size(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    good = json.dumps({"id": "a", "text": "خبر"}, ensure_ascii=False)
    path.write_text(f"{good}\n{good}\n" + "x" * (LINE_BYTES + 1) + f"\n{good}\n")
    problem = only_problem(path)  # the file cannot be trusted past that: nothing from it
    assert problem.line == 3 and "16.0 MB" in problem.reason


def test_article_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    paragraph = "متن خبر درباره غزه " * 50 + "\n\n"
    path.write_text("عنوان\n" + paragraph * (ARTICLE_CHARS // len(paragraph) + 2),
                    encoding="utf-8")
    problem = only_problem(path)
    assert f"an article may hold at most {ARTICLE_CHARS:,}" in problem.reason
    fits = tmp_path / "fits.txt"
    fits.write_text("عنوان\n" + paragraph * (ARTICLE_CHARS // len(paragraph) - 1),
                    encoding="utf-8")
    assert len(records(fits)[0].body) <= ARTICLE_CHARS


def test_csv_field_over_the_limit_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    runaway = ("x" * 999 + "\n") * (FIELD_CHARS // 1000 + 5)
    path.write_text(f'id,text\na,first\nb,"{runaway}"\nc,third\n', encoding="utf-8")
    items = list(read_file(path))
    assert [type(item) for item in items] == [ArticleRecord, ImportProblem]
    problem = items[1]
    assert problem.line == 3 and f"longer than {FIELD_CHARS:,} characters" in problem.reason


def test_two_hundred_megabyte_csv_field_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    line = ("y" * 199 + "\n").encode()
    with path.open("wb") as out:
        out.write(b'id,text\nh,"')
        for _ in range(1_000):
            out.write(line * 1_000)
        out.write(b'"\n')
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], ImportProblem)
    assert items[0].line == 2 and "longer than" in items[0].reason


def test_jsonl_value_over_the_field_limit(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [
        json.dumps({"id": "a", "text": "خبر", "url": "u" * (FIELD_CHARS + 1)}),
        json.dumps({"id": "b", "text": "خبر"})])
    first, second = read_file(path)
    assert isinstance(first, ImportProblem) and first.line == 1 and "'url'" in first.reason
    assert isinstance(second, ArticleRecord)


def test_title_given_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    long_title = "عنوان " * (TITLE_CHARS // 6 + 10)
    path.write_text(f'id,title,text\na,"{long_title}",متن\nb,کوتاه,متن\n', encoding="utf-8")
    first, second = read_file(path)
    assert isinstance(first, ImportProblem) and first.line == 2
    assert f"at most {TITLE_CHARS:,}" in first.reason and "title column" in first.reason
    assert isinstance(second, ArticleRecord) and second.title == "کوتاه"


def test_txt_whose_first_line_is_a_paragraph_keeps_it_in_the_text(tmp_path: Path) -> None:
    first = "جمله اول خبر. " * 200
    path = tmp_path / "a.txt"
    path.write_text(f"{first}\n\nپاراگراف دوم", encoding="utf-8")
    [record] = records(path)
    assert len(record.title) <= 120 and record.body.startswith(first.strip()[:100])
    assert record.body.endswith("پاراگراف دوم")


def test_html_title_over_the_limit_falls_back_to_the_text(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(f"<title>{'x' * (TITLE_CHARS + 1)}</title><p>سطر اول</p><p>سطر دوم</p>",
                    encoding="utf-8")
    [record] = records(path)
    assert record.title == "سطر اول" and record.body == "سطر دوم"


# --- quotes never closed, duplicate headers ------------------------------------------------


@pytest.mark.parametrize(("content", "line"), [
    ('id,text\na,"opened\nb,more\nc,and more\n', 2),
    ('id,text\na,fine\nb,"also fine"\nc,"opened\n' + "d,x\n" * 100, 4),
    ('id,text\r\na,fine\r\nb,"opened\r\nc,x\r\n', 3),
    ('id;text\na;fine\nb;"opened', 3),
    ('id,text\na,fine\nb,"a ""quoted"" word, then opened\nc,x\n', 3),
    ('id,"text\na,fine\n', 1),
])
def test_corpus_csv_quote_never_closed_names_its_line(tmp_path: Path, content: str,
                                                     line: int) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(content, encoding="utf-8")
    items = list(read_file(path))
    problem = items[-1]
    assert isinstance(problem, ImportProblem), items
    assert (problem.line, problem.reason) == (line, "a quote opened here is never closed")
    assert all(isinstance(item, ArticleRecord) for item in items[:-1])


@pytest.mark.parametrize("content", [
    'id,text\na,"two\nlines"\nb,"ends with a line end\n"\n',
    'id,text\na,5" screen\nb,plain "quotes" inside\n',
    'id,text\na,"closed" then more\nb,"last, quoted"',
    'id,text\na,"' + "many\n" * 200 + '"\n',
])
def test_corpus_csv_closed_quotes_are_not_flagged(tmp_path: Path, content: str) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(content, encoding="utf-8")
    assert problems(path) == []


@pytest.mark.parametrize(("header", "name"), [
    ("id,text,Text", "text"), ("id, title ,text,TITLE", "title"), ("\ufeffID,text,id", "id"),
    ("text;url;Url ", "url"),
])
def test_corpus_csv_duplicate_header_is_refused(tmp_path: Path, header: str, name: str) -> None:
    path = tmp_path / "rows.csv"
    sep = ";" if ";" in header else ","
    path.write_text(f"{header}\n" + sep.join(["v"] * header.count(sep)) + f"{sep}v\n",
                    encoding="utf-8")
    problem = only_problem(path)
    assert problem.line == 1 and problem.path == str(path)
    assert f"the column '{name}' appears twice in the header" in problem.reason


# --- the tag CSV shares the reader ---------------------------------------------------------

TAG_HEADER = "article_id,annotator,field,value,note\n"


def _import_tags(capsys: pytest.CaptureFixture[str], project_path: Path,
                 sheet: Path) -> tuple[int, str]:
    code = cli_main(["import-tags", "--db", str(project_path), str(sheet)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, err


@pytest.mark.parametrize(("content", "line", "reason"), [
    (TAG_HEADER + 'x,sara,stance,neutral,"a note\n' + "x,reza,stance,neutral,\n" * 5, 2,
     "a quote opened here is never closed"),
    (TAG_HEADER + "x,sara,stance,neutral,ok\n" + 'x,reza,stance,neutral,"open\n'
     + "x,reza,stance,neutral,\n" * (QUOTE_LINES + 5) + 'x,ali,stance,neutral,"\n', 3,
     "runs over"),
    ("article_id,Annotator,field,value, annotator\nx,a,stance,neutral,b\n", 1,
     "the column 'annotator' appears twice in the header"),
])
def test_tag_csv_unclosed_quote_and_duplicate_header(capsys: pytest.CaptureFixture[str],
                                                    project_path: Path, tmp_path: Path,
                                                    content: str, line: int,
                                                    reason: str) -> None:
    sheet = tmp_path / "tags.csv"
    sheet.write_text(content, encoding="utf-8")
    with pytest.raises(AnnotatorError) as caught:
        read_tags(sheet)
    assert str(caught.value).startswith(f"{sheet}:{line}: ") and reason in str(caught.value)
    code, err = _import_tags(capsys, project_path, sheet)
    assert code == 1 and err.count("\n") == 1 and f"{sheet}:{line}:" in err
    assert open_project(project_path).tags.find() == []


@posix_only
def test_import_tags_from_a_link_to_a_device_is_refused_unread(
        capsys: pytest.CaptureFixture[str], project_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "tags.csv"
    sheet.symlink_to("/dev/zero")
    code, err = _import_tags(capsys, project_path, sheet)
    assert code == 1 and err == f"annotator: error: {sheet}: not a regular file (a device, " \
                                "pipe or socket); not read\n"


def test_tag_csv_over_its_limit_is_refused(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    from annotator.core.intake import tagcsv

    monkeypatch.setattr(tagcsv, "TAG_FILE_BYTES", 1_000)
    sheet = tmp_path / "tags.csv"
    sheet.write_text(TAG_HEADER + "x,sara,stance,neutral,\n" * 100, encoding="utf-8")
    with pytest.raises(AnnotatorError, match="too large .* a tag CSV may hold at most"):
        read_tags(sheet)
