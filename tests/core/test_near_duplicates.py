"""Near-duplicates: ZWNJ, spacing, paragraph breaks and one word changed, against the project
and within one import; skipped by default with the id they repeat, kept when asked."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from pathlib import Path

import pytest

from annotator.cli.commands import main
from annotator.core.intake.duplicates import NearDuplicates
from annotator.core.intake.importer import import_paths, summary_lines
from annotator.core.intake.options import ImportOptions
from annotator.core.store import open_project
from annotator.core.text import index_key

SENTENCES = [
    "وزیر امور خارجه کشورمان در گفت‌وگوی تلفنی با همتای قطری خود درباره غزه رایزنی کرد",
    "دو طرف بر ضرورت توقف فوری حملات و رساندن کمک‌های انسانی به مردم غزه تأکید کردند",
    "وزیر خارجه قطر نیز از تلاش‌های میانجی‌گرانه کشورش و نقش سازمان ملل سخن گفت",
    "او همچنین خواستار ادامه رایزنی‌های منطقه‌ای برای برقراری آتش‌بس پایدار شد",
    "این گفت‌وگو یک روز پس از سفر هیئتی از دوحه به تهران انجام شد",
    "کارشناسان می‌گویند نقش قطر در میانجی‌گری میان طرف‌ها رو به افزایش است",
]
ORIGINAL = ".\n".join(SENTENCES[:3]) + ".\n\n" + ".\n".join(SENTENCES[3:]) + "."
VARIANTS = {
    "no-zwnj": ORIGINAL.replace("\u200c", ""),
    "doubled-spaces": ORIGINAL.replace(" ", "  ", 5),
    "extra-paragraph": ORIGINAL.replace(".\n", ".\n\n", 1),
    "one-word": ORIGINAL.replace("فوری", "سریع"),
}


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_variants_of_an_article_in_the_project_are_skipped(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "first.jsonl", [{"id": "orig", "text": ORIGINAL}])
    later = _jsonl(tmp_path / "later.jsonl",
                   [{"id": name, "text": text} for name, text in VARIANTS.items()])
    with open_project(tmp_path / "p.sqlite") as project:
        assert import_paths(project, [first]).added == ["orig"]
        result = import_paths(project, [later])
        assert result.added == [] and not result.problems
        assert [(n.line, n.repeats, n.skipped) for n in result.notices] == [
            (1, "orig", True), (2, "orig", True), (3, "orig", True), (4, "orig", True)]
        lines = [str(line) for line in summary_lines(result)]
        assert lines[0].startswith(f"{later}:1: the same words as article orig")
        assert "skipped as a near-duplicate" in lines[0]
        assert lines[3].startswith(f"{later}:4: nearly the same text as article orig (")
        assert lines[-1] == "4 near-duplicates skipped"
        assert project.articles.count() == 1


def test_near_duplicates_within_one_import_and_kept_when_asked(tmp_path: Path) -> None:
    rows = [{"id": "orig", "text": ORIGINAL}, *({"id": n, "text": t} for n, t in VARIANTS.items())]
    batch = _jsonl(tmp_path / "batch.jsonl", rows)
    with open_project(tmp_path / "p.sqlite") as project:
        result = import_paths(project, [batch], options=ImportOptions(keep_near_duplicates=True))
        assert result.added == ["orig", *VARIANTS]
        assert [(n.repeats, n.skipped) for n in result.notices] == [("orig", False)] * 4
        assert all("kept as a near-duplicate" in n.message() for n in result.notices)
        assert summary_lines(result)[-1].endswith("kept as a near-duplicate")


def test_different_articles_and_exact_repeats_are_not_near_duplicates(tmp_path: Path) -> None:
    other = ORIGINAL.replace(SENTENCES[0], "رئیس‌جمهور در دیدار با نخست‌وزیر عراق درباره "
                             "همکاری‌های اقتصادی و انرژی و گاز گفت‌وگو کرد").replace(
        SENTENCES[1], "دو کشور سند همکاری در زمینه برق و ترانزیت کالا امضا کردند").replace(
        SENTENCES[2], "نخست‌وزیر عراق نیز از گسترش روابط تجاری دو کشور استقبال کرد")
    flash = "خبر کوتاه: وزیر با همتای {} دیدار کرد"  # short: one word is a different story
    batch = _jsonl(tmp_path / "b.jsonl", [{"id": "a", "text": ORIGINAL},
                                          {"id": "b", "text": other},
                                          {"id": "c", "text": flash.format("قطری")},
                                          {"id": "d", "text": flash.format("عمانی")}])
    with open_project(tmp_path / "p.sqlite") as project:
        result = import_paths(project, [batch])
        assert result.added == ["a", "b", "c", "d"] and not result.notices
        again = import_paths(project, [batch])  # the very same file: "already present"
        assert again.already_present == ["a", "b", "c", "d"] and not again.notices


def test_cli_names_each_skipped_row_and_the_id_it_repeats(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    db = str(tmp_path / "p.sqlite")
    first = tmp_path / "orig.txt"
    first.write_text("تیتر\n\n" + ORIGINAL, encoding="utf-8")
    later = _jsonl(tmp_path / "later.jsonl", [{"id": "v", "text": VARIANTS["no-zwnj"]}])
    assert main(["import", "--db", db, "-q", str(first)]) == 0
    capsys.readouterr()
    assert main(["import", "--db", db, "-q", str(later)]) == 0
    out = capsys.readouterr().out
    assert f"{later}:1: the same words as article orig" in out
    assert "1 near-duplicate skipped" in out
    assert main(["import", "--db", db, "-q", "--keep-near-duplicates", str(later)]) == 0
    assert "0 already present" in capsys.readouterr().out
    with open_project(Path(db), create=False) as project:
        assert project.articles.count() == 2


def test_the_index_stays_fast_on_many_articles() -> None:
    draw = random.Random(23)
    texts = [" ".join(f"w{draw.randrange(20_000)}" for _ in range(400)) for _ in range(3000)]
    index = NearDuplicates()
    started = time.perf_counter()
    for number, text in enumerate(texts):
        index.add(str(number), index_key(text), str(number))
    found = []
    for number in range(0, 3000, 30):
        words = texts[number].split()
        words[number % 400] = "changed"
        words[(number * 7) % 400] = "edited"
        found.append(index.repeated(" ".join(words)))
    assert [repeat.article_id if repeat else None for repeat in found] == [
        str(number) for number in range(0, 3000, 30)]
    assert index.repeated(" ".join(f"x{draw.randrange(20_000)}" for _ in range(400))) is None
    assert time.perf_counter() - started < 20


def test_sketches_are_kept_and_read_by_the_next_import_in_another_process(
        tmp_path: Path) -> None:
    """The sketch of an article is made once, at its import, and serves every later
    import, in any process (its hashes do not depend on the process's hash seed)."""
    import os
    import subprocess
    import sys

    db = tmp_path / "p.sqlite"
    first = _jsonl(tmp_path / "first.jsonl", [{"id": "orig", "text": ORIGINAL}])
    later = _jsonl(tmp_path / "later.jsonl", [{"id": "v", "text": VARIANTS["one-word"]}])

    def cli(seed: str, *argv: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), *argv],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    cli("1", "import", "-q", str(first))
    with open_project(db, create=False) as project:
        assert project.sketches.missing() == []
        [(words, shingles, sketch)] = project.conn.execute(
            "SELECT words, shingles, sketch FROM article_sketches").fetchall()
        assert len(words) == 16 and shingles >= 50 and len(sketch) == 4 * min(shingles, 128)
        assert project.conn.execute("SELECT COUNT(*) FROM article_anchors").fetchone()[0] \
            == 16
    out = cli("2", "import", "-q", str(later))
    assert f"{later}:1: nearly the same text as article orig" in out


def test_articles_without_a_sketch_get_one_from_the_next_import(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "first.jsonl", [{"id": "orig", "text": ORIGINAL}])
    later = _jsonl(tmp_path / "later.jsonl", [{"id": "v", "text": VARIANTS["one-word"]}])
    with open_project(tmp_path / "p.sqlite") as project:
        assert import_paths(project, [first]).added == ["orig"]
        # As in a project made before sketches were kept, or an article merged in.
        project.conn.execute("DELETE FROM article_sketches")
        assert [row[0] for row in project.sketches.missing()] == ["orig"]
        result = import_paths(project, [later])
        assert result.added == [] and [n.repeats for n in result.notices] == ["orig"]
        assert project.sketches.missing() == []


def test_sketches_are_kept_in_chunks_with_references_checked_again_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sketches are kept a chunk of articles at a time, their anchors sorted; each anchor
    names its article, an id the project lacks is passed over, and the project's
    reference checks are on again afterwards, also when a chunk fails."""
    from annotator.core.intake.duplicates import sketch_of
    from annotator.core.store import sketches

    monkeypatch.setattr(sketches, "_CHUNK", 2)
    rows = [{"id": f"a{n}", "text": f"{ORIGINAL} {n} " + SENTENCES[n % 6] * (n + 1)}
            for n in range(5)]
    with open_project(tmp_path / "p.sqlite") as project:
        options = ImportOptions(keep_near_duplicates=True)
        assert len(import_paths(project, [_jsonl(tmp_path / "a.jsonl", rows)],
                                options=options).added) == 5
        conn = project.conn
        expected = {(anchor, number) for number, row in enumerate(rows, start=1)
                    for anchor in sketch_of(index_key(row["text"])).row()[3]}
        assert set(conn.execute("SELECT anchor, article_no FROM article_anchors")) == expected
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1

        conn.execute("DELETE FROM article_sketches")
        conn.execute("DELETE FROM article_anchors")
        made = [(row["id"], *sketch_of(index_key(row["text"])).row()) for row in rows]
        project.sketches.keep([made[0], ("no-such-article", *made[1][1:]), *made[1:]])
        assert set(conn.execute("SELECT anchor, article_no FROM article_anchors")) == expected
        assert conn.execute("SELECT COUNT(*) FROM article_sketches").fetchone()[0] == 5

        broken = [(made[0][0], None, 0, b"", [1])]  # words NOT NULL: the chunk fails
        with pytest.raises(sqlite3.IntegrityError):
            project.sketches.keep(broken)
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert not conn.in_transaction
