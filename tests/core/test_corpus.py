"""Reading corpus files and folders into article records and import problems."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest

from annotator.core.corpus import SUPPORTED, collect_files, read_corpus, read_file
from annotator.core.records import ArticleRecord, ImportProblem
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
    from annotator.core.importer import import_paths
    from annotator.core.store import open_project

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text("عنوان\nمتن خبر", encoding="utf-8")
    with open_project(folder / "project.csv") as project:
        with pytest.raises(AnnotatorError, match="the project file itself"):
            import_paths(project, [folder])
        assert project.article_count() == 0
        assert import_paths(project, [folder / "one.txt"]).added == ["one"]
