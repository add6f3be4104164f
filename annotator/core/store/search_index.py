"""The search index's upkeep: the pieces (FTS5 segments) it is in, and merging them.

FTS5 keeps its index as segments and merges a few at a time as they pile up; an import
leaves many of them (some 25 after 100,000 articles), and every search looks each word
up in every segment and merges what they hold.  In one segment, a search's first page
took half the time (2.5 -> 1.2 ms, the median of the bench's queries at 100,000
articles) and ranked search a fifth less, for about 6% of the import's time.  So an
import (or a merge) that makes up a good share of the project ends by merging the index into one
(:meth:`SearchIndex.compaction_due`, :meth:`SearchIndex.compact`); a smaller one does not
pay for rewriting the whole index, and FTS5's own merging keeps its segments in check.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable, message_of
from annotator.core.store import search_parts
from annotator.core.store.articles import Articles
from annotator.core.store.base import Store

# An import of at least COMPACT_MIN articles and a third of the project or more (the
# first one, or one that grows the project by half) ends with the merging, which writes
# COMPACT_STEP_PAGES index pages (~8 MB) per transaction.
COMPACT_MIN = 1_000
COMPACT_SHARE = 3
COMPACT_STEP_PAGES = 2_000

# compacting(steps taken, steps expected) -> go on?  (see SearchIndex.compact)
Compacting = Callable[[int, int], bool]


class SearchIndex:
    """The project's full-text index (every part of it: :mod:`~.search_parts`) as a whole."""

    def __init__(self, store: Store, articles: Articles) -> None:
        self._store = store
        self._articles = articles

    def compaction_due(self, added: int) -> bool:
        """Whether an import that added ``added`` articles should end by merging the index
        into one piece (:meth:`compact`)."""
        return added >= COMPACT_MIN and COMPACT_SHARE * added >= self._articles.count()

    def compact_if_due(self, added: int, progress: Compacting | None = None
                       ) -> Translatable | None:
        """After an import or a merge that added ``added`` articles (committed): merge the
        index into one piece if :meth:`compaction_due`.  A failure (another window
        writing all along, a full disk) costs only speed: it is returned as a notice, not
        raised, for what was added is stored and the index works in pieces."""
        if not self.compaction_due(added):
            return None
        try:
            self.compact(progress)
        except AnnotatorError as exc:
            return Translatable("the search index was left in pieces ({reason}): searches "
                                "are slower until `annotator check --compact`",
                                reason=message_of(exc))
        return None

    def pieces(self) -> int:
        """How many segments the index is in (its parts' together)."""
        return sum(self._segments(part) for part in search_parts.parts(self._store.conn))

    def parts(self) -> int:
        """How many parts the index is in (:mod:`~.search_parts`): the fewest pieces."""
        return len(search_parts.parts(self._store.conn))

    def _segments(self, part: search_parts.Part) -> int:
        return int(self._store.scalar(
            f"SELECT COUNT(DISTINCT segid) FROM {part.name}_idx") or 0)

    def compact(self, progress: Compacting | None = None) -> int:
        """Merge each part's segments into one (parts in one already are left); returns
        the merge steps taken.

        FTS5's ``merge`` command is run a step at a time, each its own transaction, so
        that a window saving tags meanwhile waits for one step (a fraction of a second),
        not for the whole rewrite; stopping half-way leaves a working index.  In each
        part the first step (a negative page count) starts merging every segment into
        one; the others carry on until a step changes nothing.  ``progress(steps taken,
        steps expected)`` is called after each step (the merge rewrites about every page
        of those parts); when it returns False the merging stops there.
        """
        chosen = [part for part in search_parts.parts(self._store.conn)
                  if self._segments(part) > 1]
        # The pages to write, about: a part's page index has a row for most leaf pages
        # (not for those holding the rest of a long list of articles: a fifth of them at
        # 100,000 articles).  Counting the pages themselves reads the whole index (1.7 s
        # from the disk at 100,000 articles), its page index a tiny part of it.
        expected = sum(int(self._store.scalar(f"SELECT COUNT(*) FROM {part.name}_idx") or 0)
                       * 5 // 4 // COMPACT_STEP_PAGES + 1 for part in chosen)
        steps = 0
        for part in chosen:
            limit = steps + 2 * expected + 10  # a bound, should another writer add
            budget = -COMPACT_STEP_PAGES
            while steps < limit:
                with self._store.write() as conn:
                    before = conn.total_changes
                    conn.execute(f"INSERT INTO {part.name} ({part.name}, rank) "
                                 "VALUES ('merge', ?)", (budget,))
                    changed = conn.total_changes - before
                steps += 1
                budget = COMPACT_STEP_PAGES
                if changed < 2:  # (FTS5's documented test for "nothing left to merge")
                    break
                if progress is not None and not progress(steps, max(expected, steps + 1)):
                    return steps
        return steps
