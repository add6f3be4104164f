"""A team through a shared folder, with real processes and real files: a lead and two
annotators sync in any order, a torn or foreign snapshot is skipped and named, syncing
again changes nothing, and agreement is computed on the overlap."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from annotator.core import paths
from annotator.core.intake.importer import import_paths
from annotator.core.store import open_project
from annotator.core.store.team import articles_name, snapshot_name


def cli(*argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNOTATOR_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "annotator", *argv], capture_output=True,
                          text=True, env=env, timeout=120)


def ok(*argv: str, home: Path) -> str:
    done = cli(*argv, home=home)
    assert done.returncode == 0, done.stderr
    return done.stdout


def tags(db: Path) -> set[tuple[str, str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        return {tuple(map(str, row)) for row in conn.execute(
            "SELECT article_id, annotator, field, COALESCE(value, '') FROM tags")}
    finally:
        conn.close()


@pytest.fixture
def team(tmp_path: Path) -> dict[str, Path]:
    """A lead (mina) with a sample assigned to sara and reza, who joined by the folder."""
    folder = tmp_path / "team folder"
    folder.mkdir()
    places = {name: tmp_path / name for name in ("mina", "sara", "reza")}
    for place in places.values():
        place.mkdir()
    lead = places["mina"] / "lead.annotator"
    with open_project(lead) as project:
        import_paths(project, [paths.corpus_dir()])
    home = places["mina"]
    ok("sample", "pilot", "--size", "5", "--seed", "1", "--db", str(lead),
       "--annotator", "mina", home=home)
    ok("assign", "pilot", "--coders", "sara,reza", "--overlap", "0.6", "--db", str(lead),
       "--annotator", "mina", home=home)
    ok("sync", str(folder), "--db", str(lead), "--annotator", "mina", home=home)
    for name in ("sara", "reza"):
        db = places[name] / "mine.annotator"
        out = ok("join", str(folder), "--annotator", name, "--db", str(db),
                 home=places[name])
        assert "mina" in out and db.exists()
    return {"folder": folder, "lead": lead, **places}


def queue(db: Path, name: str, home: Path) -> list[dict[str, object]]:
    return json.loads(ok("queue", "--annotator", name, "--format", "json", "--db", str(db),
                         home=home))


def code_queue(team: dict[str, Path], name: str, stance: str) -> None:
    db, home = team[name] / "mine.annotator", team[name]
    for item in queue(db, name, home):
        ok("tag", str(item["article_id"]), "stance", stance, "--db", str(db),
           "--annotator", name, home=home)
        ok("status", str(item["article_id"]), "done", "--db", str(db), "--annotator", name,
           home=home)


def sync(team: dict[str, Path], name: str) -> str:
    db = team["lead"] if name == "mina" else team[name] / "mine.annotator"
    return ok("sync", str(team["folder"]), "--db", str(db), "--annotator", name,
              home=team[name])


def test_two_annotators_and_a_lead_in_any_order_lose_nothing(team) -> None:
    sara, reza = team["sara"] / "mine.annotator", team["reza"] / "mine.annotator"
    assert queue(sara, "sara", team["sara"]) and queue(reza, "reza", team["reza"])
    code_queue(team, "sara", "condemning")
    code_queue(team, "reza", "neutral")
    # Both annotators sync at once (separate processes), then the lead.
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda name: sync(team, name), ["sara", "reza"]))
    sync(team, "mina")
    wanted = tags(sara) | tags(reza)
    assert {t for t in tags(team["lead"]) if t[1] in ("sara", "reza")} == wanted
    # Syncing again changes nothing anywhere.
    before = tags(team["lead"])
    out = sync(team, "mina")
    assert "unchanged since the last sync" in out and tags(team["lead"]) == before
    # A coder who edits after syncing: the lead gets the later value.
    first = str(queue(sara, "sara", team["sara"])[0]["article_id"])
    ok("tag", first, "stance", "supportive", "--db", str(sara), "--annotator", "sara",
       home=team["sara"])
    sync(team, "sara")
    sync(team, "mina")
    assert (first, "sara", "stance", "supportive") in tags(team["lead"])
    assert (first, "sara", "stance", "condemning") not in tags(team["lead"])
    # Everyone ends with everyone's tags; the lead's snapshot carries only the lead's own.
    sync(team, "reza")
    assert tags(sara) <= tags(reza)
    with gzip.open(team["folder"] / snapshot_name("mina")) as packed:
        unpacked = team["mina"] / "unpacked.sqlite"
        unpacked.write_bytes(packed.read())
    assert not {t[1] for t in tags(unpacked)} - {"mina"}
    # Agreement on the overlap (three articles coded by both).
    report = json.loads(ok("agreement", "--format", "json", "--db", str(team["lead"]),
                           home=team["mina"]))
    assert "stance" in json.dumps(report)


def test_a_torn_or_foreign_snapshot_is_skipped_and_named(team, tmp_path) -> None:
    folder = team["folder"]
    sara = team["sara"] / "mine.annotator"
    code_queue(team, "sara", "condemning")
    sync(team, "sara")
    whole = (folder / snapshot_name("sara")).read_bytes()
    # Half of a snapshot (a sync client still copying it), under another coder's name.
    (folder / snapshot_name("ali")).write_bytes(whole[: len(whole) // 2])
    # A whole snapshot renamed: it says it is sara's.
    (folder / snapshot_name("omid")).write_bytes(whole)
    (folder / snapshot_name("notes")).write_text("not a snapshot\n")
    # Another team's snapshot.
    other = tmp_path / "other.annotator"
    with open_project(other) as project:
        import_paths(project, [paths.corpus_dir()])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ok("sync", str(elsewhere), "--lead", "--db", str(other), "--annotator", "hadi",
       home=tmp_path)
    (folder / snapshot_name("hadi")).write_bytes((elsewhere / snapshot_name("hadi"))
                                                 .read_bytes())
    before = tags(team["lead"])
    out = sync(team, "mina")
    assert f"skipped {snapshot_name('ali')}: incomplete" in out
    assert f"skipped {snapshot_name('omid')}: foreign" in out
    assert f"skipped {snapshot_name('notes')}: not a snapshot" in out
    assert f"skipped {snapshot_name('hadi')}: foreign: a snapshot of another team" in out
    assert "merged sara" in out
    assert tags(team["lead"]) == before | tags(sara)
    # Our own published snapshot is whole and compressed.
    with gzip.open(folder / snapshot_name("mina")) as file:
        assert file.read(16) == b"SQLite format 3\x00"


def test_the_leads_new_codebook_reaches_the_annotators(team, tmp_path) -> None:
    source = paths.default_codebook_path().read_text(encoding="utf-8")
    block = ('  [[field.category]]\n  id = "talks"\n  label = { en = "Talks", fa = "گفت‌وگو", '
             'ar = "محادثات" }\n  definition = "Calls for talks."\n\n')
    anchor = '  [[field.category]]\n  id = "cut_ties"'
    assert anchor in source
    changed = tmp_path / "codebook.toml"
    changed.write_text(source.replace(anchor, block + anchor), encoding="utf-8")
    ok("codebook", "--load", str(changed), "--db", str(team["lead"]), home=team["mina"])
    article = str(queue(team["sara"] / "mine.annotator", "sara", team["sara"])[0]["article_id"])
    ok("tag", article, "demands", "talks", "--db", str(team["lead"]), "--annotator", "mina",
       home=team["mina"])
    sync(team, "mina")
    sync(team, "sara")
    sara = team["sara"] / "mine.annotator"
    shown = json.loads(ok("codebook", "--format", "json", "--db", str(sara), home=team["sara"]))
    assert "talks" in json.dumps(shown)
    ok("tag", article, "demands", "talks", "--db", str(sara), "--annotator", "sara",
       home=team["sara"])


def unpack(packed: Path, into: Path) -> Path:
    with gzip.open(packed) as file:
        into.write_bytes(file.read())
    return into


def bodies(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT article_id, body FROM articles"))
    finally:
        conn.close()


def new_article(team: dict[str, Path], tmp_path: Path) -> str:
    """The lead imports one more article; its id."""
    source = tmp_path / "more" / "late_article.txt"
    source.parent.mkdir(exist_ok=True)
    source.write_text("گفت‌وگوی تلفنی تازه\n\nوزیر امور خارجه در گفت‌وگویی تلفنی بر "
                      "آتش‌بس فوری در غزه تأکید کرد.\n", encoding="utf-8")
    ok("import", str(source.parent), "--db", str(team["lead"]), home=team["mina"])
    return "late_article"


def test_the_text_travels_once_in_the_leads_articles_file(team, tmp_path) -> None:
    folder = team["folder"]
    texts = folder / articles_name("mina")
    lead_bodies = bodies(team["lead"])
    articles = unpack(texts, tmp_path / "articles.sqlite")
    assert bodies(articles) == lead_bodies and all(lead_bodies.values())
    assert tags(articles) == set()

    code_queue(team, "sara", "condemning")
    sync(team, "sara")
    mine = unpack(folder / snapshot_name("sara"), tmp_path / "sara.sqlite")
    coded = {t[0] for t in tags(mine)}
    assert coded and set(bodies(mine)) == coded
    assert set(bodies(mine).values()) == {""}  # rows without their text
    lead = unpack(folder / snapshot_name("mina"), tmp_path / "mina.sqlite")
    assert set(bodies(lead)) == set(lead_bodies) and set(bodies(lead).values()) == {""}
    for packed in (articles, mine, lead):  # each project makes its own sketches
        conn = sqlite3.connect(packed)
        try:
            assert conn.execute("SELECT (SELECT COUNT(*) FROM article_sketches) + "
                                "(SELECT COUNT(*) FROM article_anchors)").fetchone() == (0,)
        finally:
            conn.close()
    # The lead codes: the snapshot is written again, the articles file is not.
    before, snapshot_before = texts.read_bytes(), (folder / snapshot_name("mina")).read_bytes()
    article = next(iter(coded))
    ok("tag", article, "stance", "neutral", "--db", str(team["lead"]), "--annotator", "mina",
       home=team["mina"])
    sync(team, "mina")
    assert texts.read_bytes() == before
    assert (folder / snapshot_name("mina")).read_bytes() != snapshot_before
    # New articles: the articles file is written again, and everyone gets their text.
    late = new_article(team, tmp_path)
    sync(team, "mina")
    assert texts.read_bytes() != before
    sync(team, "sara")
    assert bodies(team["sara"] / "mine.annotator") == bodies(team["lead"])
    assert late in bodies(team["sara"] / "mine.annotator")
    # The merged articles are searchable where they arrived.
    found = ok("search", "آتش بس", "--db", str(team["sara"] / "mine.annotator"),
               "--logical", home=team["sara"])
    assert late in found


def test_what_waits_for_the_articles_file_is_merged_by_a_later_sync(team, tmp_path) -> None:
    folder = team["folder"]
    late = new_article(team, tmp_path)
    sync(team, "mina")
    sync(team, "reza")
    reza = team["reza"] / "mine.annotator"
    ok("tag", late, "stance", "neutral", "--db", str(reza), "--annotator", "reza",
       home=team["reza"])
    code_queue(team, "reza", "condemning")
    sync(team, "reza")
    # sara's sync client has not brought the articles file yet.
    texts = folder / articles_name("mina")
    held = tmp_path / "held"
    texts.rename(held)
    sara = team["sara"] / "mine.annotator"
    out = sync(team, "sara")
    assert f"{snapshot_name('reza')}: what it holds on 1 articles" in out
    assert f"{snapshot_name('mina')}: what it holds on 1 articles" in out
    assert late not in bodies(sara)  # no article without its text came in
    assert "" not in bodies(sara).values()
    merged = {t for t in tags(sara) if t[1] == "reza"}
    assert merged and all(t[0] != late for t in merged)  # the rest of reza's work came
    # The file arrives: the next sync brings the article and what waited on it.
    held.rename(texts)
    out = sync(team, "sara")
    assert "waits for the lead's articles file" not in out
    assert f"merged {articles_name('mina')}: 0 tags added, 0 updated, 0 removed; 1 articles" \
        in out
    assert bodies(sara)[late] == bodies(team["lead"])[late]
    assert (late, "reza", "stance", "neutral") in tags(sara)
    assert "unchanged since the last sync" in sync(team, "sara")


def test_joining_waits_for_the_articles_file(team, tmp_path) -> None:
    folder = team["folder"]
    texts = folder / articles_name("mina")
    held = tmp_path / "held"
    texts.rename(held)
    ali = tmp_path / "ali.annotator"
    done = cli("join", str(folder), "--annotator", "ali", "--db", str(ali), home=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "articles file" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not ali.exists()
    held.rename(texts)
    ok("join", str(folder), "--annotator", "ali", "--db", str(ali), home=tmp_path)
    assert bodies(ali) == bodies(team["lead"])


def test_three_annotators_one_leaves_and_nothing_is_lost(team, tmp_path) -> None:
    """A third annotator joins, codes one article and leaves; the lead deals the rest of
    their share to the two who stay; every tag made is kept and agreement counts all."""
    lead, folder, home = team["lead"], team["folder"], team["mina"]
    ok("assign", "pilot", "--coders", "sara,reza,ali", "--overlap", "0.4", "--db", str(lead),
       "--annotator", "mina", home=home)
    sync(team, "mina")
    team["ali"] = tmp_path / "ali"
    team["ali"].mkdir()
    ali = team["ali"] / "mine.annotator"
    ok("join", str(folder), "--annotator", "ali", "--db", str(ali), home=team["ali"])
    for name in ("sara", "reza"):
        sync(team, name)  # the new assignment reaches them
    shares = {name: {str(i["article_id"]) for i in queue(team[name] / "mine.annotator",
                                                           name, team[name])}
              for name in ("sara", "reza", "ali")}
    sample = shares["sara"] | shares["reza"] | shares["ali"]
    assert len(sample) == 5 and all(shares.values())
    code_queue(team, "sara", "condemning")
    code_queue(team, "reza", "condemning")
    first = sorted(shares["ali"])[0]
    ok("tag", first, "stance", "neutral", "--db", str(ali), "--annotator", "ali",
       home=team["ali"])
    for name in ("sara", "reza", "ali"):
        sync(team, name)
    sync(team, "mina")
    made = tags(team["sara"] / "mine.annotator") | tags(team["reza"] / "mine.annotator") \
        | tags(ali)
    assert {t for t in made if t[1] != "mina"} <= tags(lead)
    # ali leaves: the lead deals ali's uncoded articles to the two who stay.
    ok("assign", "pilot", "--coders", "sara,reza", "--overlap", "0.4", "--db", str(lead),
       "--annotator", "mina", home=home)
    (folder / snapshot_name("ali")).unlink()  # ali's copy of the folder is gone too
    out = sync(team, "mina")
    assert "skipped" not in out
    assert (first, "ali", "stance", "neutral") in tags(lead)  # kept
    for name in ("sara", "reza"):
        sync(team, name)
    after = {name: {str(i["article_id"]) for i in queue(team[name] / "mine.annotator",
                                                          name, team[name])}
             for name in ("sara", "reza")}
    assert shares["sara"] <= after["sara"] and shares["reza"] <= after["reza"]
    assert after["sara"] | after["reza"] | {first} >= sample
    progress = ok("queue", "--progress", "--db", str(lead), home=home)
    assert "sara" in progress and "reza" in progress
    report = json.loads(ok("agreement", "--format", "json", "--db", str(lead), home=home))
    assert "stance" in json.dumps(report)
