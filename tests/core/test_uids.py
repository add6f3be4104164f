"""Uids of tags, decisions, comments and registry changes sort in the order they were made.

So that a new tag's uid goes at the end of the ``tag_uid`` index (saving, tag import and
merge append there instead of rewriting pages all over a large file).  They must stay
unique, the same length and alphabet as before, and read as UUID version 7.
"""

from __future__ import annotations

import threading
import time
import uuid

from annotator.core.session import Session
from annotator.core.store import Project
from annotator.core.store.uids import new_uid, uid_time_ms
from tests.conftest import SAMPLE_IDS


def test_uids_are_unique_and_increase_within_a_millisecond() -> None:
    made = [new_uid() for _ in range(20_000)]  # many per millisecond
    assert len(set(made)) == len(made)
    assert made == sorted(made)
    for uid in made[:50]:
        assert len(uid) == 32 and uid == uid.lower() and int(uid, 16) >= 0
        parsed = uuid.UUID(hex=uid)
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122


def test_a_uid_holds_when_it_was_made() -> None:
    before = time.time_ns() // 1_000_000
    uid = new_uid()
    after = time.time_ns() // 1_000_000
    made = uid_time_ms(uid)
    # The sequence may borrow a millisecond or two after a burst of uids.
    assert made is not None and before <= made <= after + 5
    assert uid_time_ms(uuid.uuid4().hex) is None


def test_uids_made_in_threads_are_unique_and_each_threads_increase() -> None:
    results: list[list[str]] = [[] for _ in range(4)]

    def make(out: list[str]) -> None:
        out.extend(new_uid() for _ in range(5_000))

    threads = [threading.Thread(target=make, args=(out,)) for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [uid for out in results for uid in out]
    assert len(set(everything)) == len(everything)
    assert all(out == sorted(out) for out in results)


def test_tags_saved_one_after_another_sort_by_uid_in_that_order(project: Project) -> None:
    session = Session(project, "sara")
    for article_id in SAMPLE_IDS[:3]:
        session.set_choice(article_id, "stance", "neutral")
    rows = project.conn.execute("SELECT tag_uid FROM tags ORDER BY tag_id").fetchall()
    uids = [str(uid) for (uid,) in rows]
    assert len(uids) == 3 and uids == sorted(uids)
    assert all(uuid.UUID(hex=uid).version == 7 for uid in uids)
