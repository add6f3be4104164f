"""What the user chose for an import: calendar, date order, and what to do with near-duplicates.

One small, picklable record, so that the reader process (see
:mod:`~annotator.core.intake.prepare`) reads the corpus under the same choices.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# The choices, here rather than with the date readers (:mod:`.dates`, :mod:`.months`) so
# that the window's Import options menu is built without importing those at its start.
SOLAR = "solar"
LUNAR = "lunar"
GREGORIAN = "gregorian"
CALENDARS = (SOLAR, LUNAR, GREGORIAN)
DATE_ORDERS = ("dmy", "mdy")


@dataclass(frozen=True)
class ImportOptions:
    """``calendar``: solar, lunar or gregorian for Hijri-range years no month name or column
    settles (None: by the article's language); ``date_order``: dmy or mdy for ``12/06/2024``
    (None: such dates are refused); ``keep_near_duplicates``: store near-duplicates (they
    are still reported) instead of skipping them."""

    calendar: str | None = None
    date_order: str | None = None
    keep_near_duplicates: bool = False

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> ImportOptions:
        return cls(**{name: values.get(name) for name in ("calendar", "date_order")},
                   keep_near_duplicates=bool(values.get("keep_near_duplicates")))
