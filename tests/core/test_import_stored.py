"""What an import stores is exactly what was read: text columns, hashes, the index's keys.

The import passes bodies and keys as UTF-8 bytes and tunes the search index while it
loads; these tests hold it to the plain reading: every column TEXT and equal to the
record, and an index whose every token (term, row, column, position) is what indexing
the search keys as ``str`` one row at a time gives.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.intake.corpus import read_corpus
from annotator.core.intake.importer import import_paths
from annotator.core.records import ArticleRecord
from annotator.core.store import articles, open_project
from annotator.core.text import index_key

_FTS = ("CREATE VIRTUAL TABLE {name} USING fts5(title_key, body_key, content='', "
        "tokenize='unicode61 remove_diacritics 0')")


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for sample in sorted(paths.corpus_dir().glob("*.txt")):
        (corpus / sample.name).write_bytes(sample.read_bytes())
    texts = ["گفت‌وگوی تلفنی وزیر امور خارجه ۱۴۰۳ با همتای قطری درباره غزه",
             "اجتماع وزراء الخارجية العرب في الدوحة لمناقشة الأوضاع في غزّة ١٢ يونيو",
             "Latin first, then فارسی\u00a0with\u200cZWNJ and \u0640tatweel\u0640 ﻻ presentation",
             "emoji 😀 and a combining a\u0301 and دَرسِ مُعَلِّم"]
    lines = [json.dumps({"id": f"j{i}", "title": f"عنوان {i} {texts[(i + 1) % 4][:20]}",
                         "text": f"{texts[i % 4]} شماره {i}"}, ensure_ascii=False)
             for i in range(40)]
    (corpus / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def _tokens(conn: sqlite3.Connection, schema: str, table: str) -> list[tuple]:
    conn.execute(f"CREATE VIRTUAL TABLE temp.v_{schema} USING fts5vocab("
                 f"{schema}, {table}, 'instance')")
    return sorted(conn.execute(f"SELECT term, doc, col, offset FROM temp.v_{schema}"))


@pytest.mark.parametrize("parallel", [False, True])
def test_import_stores_the_records_and_their_keys(tmp_path: Path, parallel: bool,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "_BATCH", 6)  # several batches: the index's load settings
    corpus = _corpus(tmp_path)
    records = [r for r in read_corpus([corpus]) if isinstance(r, ArticleRecord)]
    path = tmp_path / "p.sqlite"
    with open_project(path) as project:
        result = import_paths(project, [corpus], parallel=parallel)
    assert result.added == [r.article_id for r in records] and not result.problems

    conn = sqlite3.connect(path)
    assert conn.execute("SELECT v FROM article_search_config WHERE k = 'automerge'"
                        ).fetchone() == (4,)  # set back after the import
    rows = conn.execute(
        "SELECT article_no, article_id, title, body, typeof(title), typeof(body), language, "
        "outlet, url, published, published_original, source_path, content_hash "
        "FROM articles ORDER BY article_no").fetchall()
    assert [row[0] for row in rows] == list(range(1, len(records) + 1))
    for row, record in zip(rows, records, strict=True):
        assert row[1:4] == (record.article_id, record.title, record.body)
        assert row[4:6] == ("text", "text")
        assert row[6:12] == (record.language, record.outlet, record.url, record.published,
                             record.published_original, record.source_path)
        assert row[12] == hashlib.sha256(record.body.encode("utf-8")).hexdigest()

    conn.execute("ATTACH ':memory:' AS ref")
    conn.execute(_FTS.format(name="ref.article_search"))
    for number, record in enumerate(records, 1):
        conn.execute("INSERT INTO ref.article_search (rowid, title_key, body_key) "
                     "VALUES (?, ?, ?)", (number, index_key(record.title),
                                          index_key(record.body)))
    stored = _tokens(conn, "main", "article_search")
    assert stored and stored == _tokens(conn, "ref", "article_search")
    conn.close()

    def words(record: ArticleRecord) -> set[str]:
        return set(index_key(f"{record.title} {record.body}").split())

    with open_project(path, create=False) as project:
        for query in ("گفتوگوی", "غزه"):
            expected = {r.article_id for r in records if query in words(r)}
            assert expected
            assert {h.article_id for h in project.articles.search(query, limit=100)} == expected
            assert project.articles.search_count(query) == len(expected)
