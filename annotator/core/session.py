"""An annotator's working session: the current article, their own tags, undo and redo.

The window talks to a :class:`Session`, never to SQL.  Every edit is saved at once (one
transaction) and returns an :class:`Edit`: the change record naming the article, the
annotator and the field, with that field's tags and the article's status before and after.
Views refresh from it only what it concerns; the undo and redo stacks hold the same
records, so undo and redo restore exactly what was there, and each returns the record of
what it changed in turn.  A session shows only its annotator's tags: coding is blind to
colleagues.

Another window or command may write to the same file meanwhile.  :meth:`Session.changed_elsewhere`
tells (cheaply) when that happened, so the window can read again instead of showing stale
tags; an undo or redo whose field was changed elsewhere since is refused
(:class:`UndoConflict`) rather than silently overwriting that change.

The undo history is an :class:`~annotator.core.undo.UndoStack` that a window shares with
its review session, so review decisions are undone in the same order as tagging; then
:meth:`Session.undo` and :meth:`Session.redo` may return a review change record too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from annotator.core.codebook import Codebook
from annotator.core.names import check_person
from annotator.core.participants import Mention, Participant
from annotator.core.sampling import Plan
from annotator.core.store import Article, ArticleSummary, Project, Tag
from annotator.core.store.registry import RegistryChange, Repointed
from annotator.core.store.samples import Progress, Sample
from annotator.core.undo import Change, UndoConflict, UndoStack

__all__ = ["ArticleView", "Edit", "Session", "UndoConflict"]

_LAST_ARTICLE = "last_article:"

HANDLED = frozenset({"done", "skipped"})  # statuses the progress counts as done
LIST_PAGE = 50
"""Rows the article list reads at a time (a screenful or two): a jump to a far row
reads one small page; the bench times the first page of a search at this size."""
LIST_FIRST_COUNT = 4 * LIST_PAGE
"""Matches a new search or filter of the list counts before the list shows them; the
count goes on in the window's next turn (a rare pair of common words reads both words'
whole lists of articles to count its matches)."""


@dataclass(frozen=True)
class Edit:
    """What one edit, undo or redo changed: one annotator's tags of one field of one
    article (all of them, before and after) and that article's status.

    The views refresh only what a record concerns (:attr:`tags_changed`,
    :attr:`status_changed`); the undo stack is made of the same records.
    """

    label: str
    article_id: str
    annotator: str
    field: str  # "" when only the status was set
    before: tuple[Tag, ...]
    after: tuple[Tag, ...]
    status_before: str
    status_after: str

    @property
    def tags_changed(self) -> bool:
        """Whether the field's tags differ (their ids and times count: a view holding a
        tag must hold the stored one)."""
        return self.before != self.after

    @property
    def status_changed(self) -> bool:
        return self.status_before != self.status_after


@dataclass(frozen=True)
class ArticleView:
    """What the window shows for an article: text, my tags, participant mentions."""

    article: Article
    tags: tuple[Tag, ...]
    status: str
    mentions: tuple[Mention, ...]
    suggestions: tuple[tuple[str, int], ...]  # participant id, mentions in the text

    def values(self, field: str) -> list[str | None]:
        return [t.value for t in self.tags if t.field == field]

    def field_tags(self, field: str) -> list[Tag]:
        return [t for t in self.tags if t.field == field]


def _conflict(edit: Edit, undoing: bool) -> UndoConflict:
    what = f"the field '{edit.field}'" if edit.field else "the article's status"
    return UndoConflict(edit, undoing, what)


def _content(tags: tuple[Tag, ...] | list[Tag]) -> frozenset[tuple[object, ...]]:
    """What a field holds, without row ids and times (a restore keeps uids, not ids)."""
    return frozenset((t.tag_uid, t.value, t.participant, t.role, t.span_start, t.span_end,
                      t.quote, t.note) for t in tags)


class Session:
    """``annotator`` working in ``project``."""

    def __init__(self, project: Project, annotator: str,
                 undo: UndoStack | None = None) -> None:
        self.project = project
        self.annotator = check_person(annotator.strip())
        self.undo_stack = undo if undo is not None else UndoStack()
        self._seen_writes = project.other_writes()

    # -- reading --------------------------------------------------------------------
    @property
    def codebook(self) -> Codebook:
        return self.project.codebooks.active()

    def participants(self) -> list[Participant]:
        return self.project.participants.all()

    def participant(self, participant_id: str) -> Participant:
        return self.project.participants.get(participant_id)

    # -- the participants registry (not article edits: recorded in its own history) --
    def correct_participant(self, participant_id: str, names: dict[str, str],
                            aliases: list[str], allow_clash: bool = False) -> Participant:
        """Set an entry's names and its whole alias list (``ClashError``: a name another
        entry in use has, unless ``allow_clash``)."""
        here = self.project.participants.get(participant_id)
        wanted = [a.strip() for a in aliases if a.strip()]
        return self.project.registry.correct(
            participant_id, self.annotator, names=names,
            add_aliases=tuple(a for a in wanted if a not in here.aliases),
            drop_aliases=tuple(a for a in here.aliases if a not in wanted),
            allow_clash=allow_clash)

    def retire_participant(self, participant_id: str) -> Participant:
        return self.project.registry.retire(participant_id, self.annotator)

    def restore_participant(self, participant_id: str,
                            allow_clash: bool = False) -> Participant:
        return self.project.registry.restore(participant_id, self.annotator, allow_clash)

    def merge_participants(self, source: str, target: str) -> Repointed:
        """One person under two ids: ``source``'s tags name ``target`` (backed up first)."""
        return self.project.registry.merge(source, target, self.annotator)

    def registry_history(self, participant_id: str | None = None) -> list[RegistryChange]:
        return self.project.registry.history(participant_id)

    def count(self, status: str | None = None, query: str | None = None) -> int:
        return self.project.articles.count(self.annotator, status, query)

    def count_at_most(self, limit: int, status: str | None = None,
                      query: str | None = None) -> tuple[int, bool]:
        """:meth:`count` counted no further than ``limit``: ``(count, more)``."""
        return self.project.articles.count_at_most(limit, self.annotator, status, query)

    def page(self, offset: int, limit: int, status: str | None = None,
             query: str | None = None) -> list[ArticleSummary]:
        return self.project.articles.summaries(self.annotator, status, limit, offset, query)

    def row_of(self, article_id: str, status: str | None = None,
               query: str | None = None) -> int | None:
        return self.project.articles.position(article_id, self.annotator, status, query)

    def has_queue(self) -> bool:
        """Whether this annotator has articles assigned (a queue to list)."""
        return self.project.samples.has_assignments(self.annotator)

    def has_assignments(self) -> bool:
        """Whether the project shares any sample among annotators (the lead's view)."""
        return self.project.samples.has_assignments()

    def team_progress(self) -> list[Progress]:
        """Each assigned annotator's progress through their queue."""
        return self.project.samples.progress()

    # -- samples (the lead's) ----------------------------------------------------------
    def samples(self) -> list[Sample]:
        return self.project.samples.all()

    def team_lead(self) -> str | None:
        """The team's lead, or None while the project belongs to no team."""
        return self.project.team.lead

    def draw_sample(self, name: str, size: int, seed: str, stratum_by: str | None = None,
                    query: str | None = None) -> Sample:
        """Draw and store sample ``name`` as ``annotator sample`` does, this annotator
        leading (the project becomes a team's, led by them, unless it is one already)."""
        sample = self.project.samples.draw(name, size, seed, stratum_by=stratum_by,
                                           query=query, by=self.annotator)
        self.project.team.found(self.annotator)
        return sample

    def assign_sample(self, name: str, annotators: list[str], share: Fraction) -> Plan:
        """Share sample ``name`` among ``annotators`` as ``annotator assign`` does (with
        the sample's seed); what is coded stays with its annotator."""
        sample = self.project.samples.get(name)
        plan = self.project.samples.assign(name, annotators, share, sample.seed,
                                           by=self.annotator)
        self.project.team.found(self.annotator)
        return plan

    def progress(self) -> tuple[int, int]:
        """(done, total) for this annotator; skipped articles count as handled."""
        counts = self.project.statuses.counts(self.annotator)
        return sum(counts[status] for status in HANDLED), sum(counts.values())

    def view(self, article_id: str) -> ArticleView:
        article = self.project.articles.get(article_id)
        matcher = self.project.participants.matcher()
        mentions = tuple(matcher.find(article.body))
        counts: dict[str, int] = {}
        for mention in mentions:
            counts[mention.participant_id] = counts.get(mention.participant_id, 0) + 1
        for mention in matcher.find(article.title):
            counts.setdefault(mention.participant_id, 0)
            counts[mention.participant_id] += 1
        return ArticleView(
            article=article,
            tags=tuple(self.project.tags.find(article_id, self.annotator)),
            status=self.project.statuses.get(article_id, self.annotator),
            mentions=mentions,
            suggestions=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        )

    def last_article(self) -> str | None:
        """Where this annotator left off (or the first article)."""
        remembered = self.project.settings.get(_LAST_ARTICLE + self.annotator)
        if remembered and self.project.articles.has(remembered):
            return remembered
        first = self.project.articles.summaries(self.annotator, limit=1)
        return first[0].article_id if first else None

    def remember(self, article_id: str) -> None:
        if self.project.read_only:  # where to resume is a convenience, not an edit
            return
        self.project.settings.set(_LAST_ARTICLE + self.annotator, article_id)

    def neighbour(self, article_id: str, step: int, skip_done: bool = False) -> str | None:
        return self.project.articles.neighbour(article_id, step, self.annotator, skip_done)

    def changed_elsewhere(self) -> bool:
        """True (once) if another connection committed to the file since the last call.

        Another window, a command, or this window's own background import, merge or backup
        (each has a connection of its own); the session's own edits do not count.  One
        pragma, no table read: cheap enough to ask every second or two.  On a change the
        project forgets what it cached (codebook, participants), which that writer may have
        replaced.
        """
        seen = self.project.other_writes()
        if seen == self._seen_writes:
            return False
        self._seen_writes = seen
        self.project.reset_caches()
        return True

    def codebook_version(self) -> int:
        """The active codebook's version (another command may load a new one)."""
        return self.project.codebooks.active_version()

    # -- editing --------------------------------------------------------------------
    def set_choice(self, article_id: str, field: str, value: str | None) -> Edit:
        """Single-choice or text field: set (or with None clear) its value."""
        return self._edit("set " + field, article_id, field,
                          lambda: self.project.tags.set_choice(article_id, self.annotator, field,
                                                               value))

    def set_value(self, article_id: str, field: str, value: str, on: bool, *,
                  participant: str | None = None, role: str | None = None,
                  span: tuple[int, int] | None = None, note: str | None = None) -> Edit:
        """Multiple-choice or participants field: tick or untick one value (a value ticked
        may come with its evidence ``span`` and a ``note``)."""
        def change() -> None:
            if on:
                self.project.tags.add_value(article_id, self.annotator, field, value,
                                            participant=participant, role=role, span=span,
                                            note=note)
            else:
                self.project.tags.remove_value(article_id, self.annotator, field, value,
                                               participant)
        return self._edit(("add " if on else "remove ") + value, article_id, field, change)

    def set_none(self, article_id: str, field: str, on: bool) -> Edit:
        """Mark a field "coded, none" (``on``) or back to not coded."""
        def change() -> None:
            if on:
                self.project.tags.mark_none(article_id, self.annotator, field)
            else:
                self.project.tags.clear_field(article_id, self.annotator, field)
        return self._edit(f"{field}: none", article_id, field, change)

    def update_tag(self, tag: Tag, label: str, **changes: object) -> Edit:
        """Change a tag's evidence span, note, participant or role."""
        return self._edit(label, tag.article_id, tag.field,
                          lambda: self.project.tags.update(tag.tag_id, **changes))

    def set_status(self, article_id: str, status: str) -> Edit:
        before = self.project.statuses.get(article_id, self.annotator)
        self.project.statuses.set(article_id, self.annotator, status)
        return self._push(Edit(f"mark {status}", article_id, self.annotator, "", (), (),
                               before, status))

    def undo(self) -> Change | None:
        """Put back what the last change replaced; the record of what that changed (an
        :class:`Edit`, or a review change when the window's review session made it).

        Raises :class:`UndoConflict` (and drops the change) when the field or status no
        longer holds what it left there: another window or command changed it since, and
        restoring would silently discard their change.
        """
        record: Change | None = self.undo_stack.undo()
        return record

    def redo(self) -> Change | None:
        """Make the last undone change again; the record of what that changed.
        :class:`UndoConflict` as for :meth:`undo`."""
        record: Change | None = self.undo_stack.redo()
        return record

    @property
    def can_undo(self) -> bool:
        return self.undo_stack.can_undo

    @property
    def can_redo(self) -> bool:
        return self.undo_stack.can_redo

    def next_undo(self) -> Change | None:
        record: Change | None = self.undo_stack.next_undo()
        return record

    def next_redo(self) -> Change | None:
        record: Change | None = self.undo_stack.next_redo()
        return record

    def undo_label(self) -> str:
        record = self.next_undo()
        return record.label if record is not None else ""

    # -- internals ------------------------------------------------------------------
    def _edit(self, label: str, article_id: str, field: str, change: Callable[[], object]) -> Edit:
        before = tuple(self.project.tags.find(article_id, self.annotator, field))
        status_before = self.project.statuses.get(article_id, self.annotator)
        change()
        after = tuple(self.project.tags.find(article_id, self.annotator, field))
        status_after = self.project.statuses.get(article_id, self.annotator)
        return self._push(Edit(label, article_id, self.annotator, field, before, after,
                               status_before, status_after))

    def _push(self, edit: Edit) -> Edit:
        self.undo_stack.push(edit, self._apply)
        return edit

    def _apply(self, edit: Edit, backwards: bool) -> Edit:
        """Restore one side of ``edit``; the record of that restore (read back: a restored
        tag keeps its uid but is stored anew)."""
        tags = edit.before if backwards else edit.after
        expected = edit.after if backwards else edit.before
        status = edit.status_before if backwards else edit.status_after
        expected_status = edit.status_after if backwards else edit.status_before
        # An edit that left the status alone leaves it alone when undone, too: another
        # window marking the article done is no reason to refuse undoing a stance here.
        changes_status = edit.status_before != edit.status_after
        # The check and the restore in one transaction: a command writing in between
        # waits for it instead of slipping past the check.
        with self.project.write():
            current_status = self.project.statuses.get(edit.article_id, self.annotator)
            current: tuple[Tag, ...] = ()
            if edit.field:
                current = tuple(self.project.tags.find(edit.article_id, self.annotator, edit.field))
            if ((changes_status and current_status != expected_status)
                    or (edit.field and _content(current) != _content(expected))):
                raise _conflict(edit, backwards)
            if edit.field:
                self.project.tags.restore(edit.article_id, self.annotator, edit.field, list(tags),
                                          status if changes_status else current_status)
            elif changes_status:
                self.project.statuses.set(edit.article_id, self.annotator, status)
            restored: tuple[Tag, ...] = ()
            if edit.field:
                restored = tuple(self.project.tags.find(edit.article_id, self.annotator,
                                                        edit.field))
            status_now = self.project.statuses.get(edit.article_id, self.annotator)
        return Edit(edit.label, edit.article_id, self.annotator, edit.field, current, restored,
                    current_status, status_now)
