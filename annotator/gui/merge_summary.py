"""What a merge brought in, in the interface language (the core's summary is English)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from annotator.core.store.merge import MergeSummary, UnknownValue
from annotator.gui.texts import core_text, isolate, number_text

UNKNOWN_SHOWN = 20  # unknown values listed in a message; the rest are counted


def _fill(text: str, *values: object) -> str:
    for number, value in enumerate(values, 1):
        shown = number_text(value) if isinstance(value, int) else str(value)
        text = text.replace(f"%{number}", shown)
    return text


def summary_lines(summary: MergeSummary,
                  field_label: Callable[[str], str] = str) -> list[str]:
    """The lines of the "Merge finished" message for one merged file; ``field_label``
    names a field (by its label in the interface language) where the codebook has it."""
    translate = QCoreApplication.translate
    lines = [
        _fill(translate("MergeSummary", "Merged %1"), isolate(summary.source)),
        _fill(translate("MergeSummary", "Articles: %1 added, %2 already here."),
              summary.articles_added, summary.articles_matched),
        _fill(translate("MergeSummary", "Tags: %1 added, %2 updated, %3 removed, %4 kept as "
                                        "they were here (newer here or removed here)."),
              summary.tags_added, summary.tags_updated, summary.tags_removed,
              summary.tags_kept),
        _fill(translate("MergeSummary", "Statuses: %1 changed; adjudications: %2; "
                                        "comments: %3; participants: %4 added; history: "
                                        "%5 entries."),
              summary.statuses, summary.adjudications, summary.comments,
              summary.participants, summary.history),
    ]
    if summary.annotators:
        comma = "، " if QGuiApplication.isRightToLeft() else ", "
        lines.append(_fill(translate("MergeSummary", "Annotators in the file: %1"),
                           comma.join(isolate(name) for name in summary.annotators)))
    if summary.rechecks:
        lines.append(_fill(translate("MergeSummary", "Decisions to look at again (their "
                                                     "annotators' values changed since): %1"),
                           len(summary.rechecks)))
    lines.extend(_fill(translate("MergeSummary", "Not merged: %1"), core_text(conflict))
                 for conflict in summary.article_conflicts)
    if summary.unknown:
        lines.append(translate("MergeSummary",
                               "Brought in although our codebook does not know them:"))
        lines.extend(unknown_lines(summary.unknown, field_label=field_label))
    return lines


def unknown_lines(unknown: list[UnknownValue], shown: int = UNKNOWN_SHOWN,
                  field_label: Callable[[str], str] = str) -> list[str]:
    """One line per field, value or role our codebook does not know (at most ``shown``);
    a field our codebook has is named by ``field_label``."""
    translate = QCoreApplication.translate
    lines = []
    for item in unknown[:shown]:
        if item.role is not None:
            text = _fill(translate("MergeSummary", "Role %1 of field %2 (%3 tags)"),
                         isolate(item.role), isolate(field_label(item.field)), item.tags)
        elif item.value is None:
            text = _fill(translate("MergeSummary", "Field %1 (%2 tags)"),
                         isolate(item.field), item.tags)
        else:
            text = _fill(translate("MergeSummary", "Value %1 of field %2 (%3 tags)"),
                         isolate(item.value), isolate(field_label(item.field)), item.tags)
        lines.append("• " + text)
    if len(unknown) > shown:
        lines.append(_fill(translate("MergeSummary", "… and %1 more"), len(unknown) - shown))
    return lines
