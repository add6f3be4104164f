"""Two windows (two connections) on one project file: nothing lost, nothing damaged."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from annotator.core.store import open_project
from annotator.core.store.health import check
from tests.conftest import SAMPLE_IDS

WRITES = 60


def test_alternate_writes_from_two_connections_are_all_seen(project_path: Path) -> None:
    with open_project(project_path) as one, open_project(project_path) as two:
        for number in range(WRITES):
            article = SAMPLE_IDS[number % len(SAMPLE_IDS)]
            one.tags.set_choice(article, f"one-{number}", "stance", "neutral")
            two.tags.add_value(article, f"two-{number}", "demands", "ceasefire")
            # Each sees the other's last write at once.
            assert two.tags.find(article, f"one-{number}", "stance")[0].value == "neutral"
            assert one.tags.find(article, f"two-{number}", "demands")[0].value == "ceasefire"
            one.statuses.set(article, f"two-{number}", "done")
            assert two.statuses.get(article, f"two-{number}") == "done"
        assert len(one.tags.find()) == len(two.tags.find()) == 2 * WRITES


def _writer(path: Path, name: str, errors: list[BaseException], start: threading.Event) -> None:
    try:
        with open_project(path) as project:
            start.wait()
            for number in range(WRITES):
                article = SAMPLE_IDS[number % len(SAMPLE_IDS)]
                who = f"{name}-{number}"
                project.tags.set_choice(article, who, "stance", "condemning")
                project.tags.add_value(article, who, "demands", "ceasefire")
                project.tags.add_value(article, who, "demands", "humanitarian_aid")
                project.tags.remove_value(article, who, "demands", "humanitarian_aid")
                project.statuses.set(article, who, "done")
    except BaseException as exc:  # reported by the test, not lost in the thread
        errors.append(exc)


def test_concurrent_writers_lose_nothing(project_path: Path) -> None:
    errors: list[BaseException] = []
    start = threading.Event()
    threads = [threading.Thread(target=_writer, args=(project_path, name, errors, start))
               for name in ("alpha", "beta", "gamma")]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    raw = sqlite3.connect(project_path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    with open_project(project_path) as project:
        assert len(project.tags.find()) == 3 * WRITES * 2  # stance + ceasefire per step
        for name in ("alpha", "beta", "gamma"):
            for number in range(WRITES):
                article = SAMPLE_IDS[number % len(SAMPLE_IDS)]
                who = f"{name}-{number}"
                assert [t.value for t in project.tags.find(article, who)] == [
                    "condemning", "ceasefire"]
                assert project.statuses.get(article, who) == "done"
        removed = [c for c in project.history.changes() if c.action == "removed"]
        assert len(removed) == 3 * WRITES
        assert check(project).ok


def test_a_write_waits_for_another_connections_transaction(project_path: Path) -> None:
    holder = sqlite3.connect(project_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO project_settings (key, value) VALUES ('held', 'yes')")
    released = threading.Event()

    def release() -> None:
        time.sleep(0.2)
        holder.execute("COMMIT")
        released.set()

    thread = threading.Thread(target=release)
    with open_project(project_path) as project:
        thread.start()
        started = time.monotonic()
        project.tags.set_choice(SAMPLE_IDS[0], "sara", "stance", "neutral")
        waited = time.monotonic() - started
        thread.join()
        assert released.is_set()
        assert waited >= 0.15
        assert project.tags.find(SAMPLE_IDS[0], "sara")[0].value == "neutral"
        assert project.settings.get("held") == "yes"  # the other write landed too
    holder.close()
