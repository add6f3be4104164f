"""Publication dates as ISO Gregorian dates: reading what sources write, finding one in a text.

Sources write ISO dates, ``YYYY/MM/DD``, ``DD/MM/YYYY`` or ``MM/DD/YYYY``, Hijri numeric
dates, and textual dates such as ``12 خرداد 1403`` or ``10 جمادى الآخرة 1445``, in Persian,
Arabic-Indic or ASCII digits.  Which calendar a date is in:

- a month name says it (Solar Hijri, lunar Hijri or Gregorian names, see
  :mod:`~annotator.core.intake.months`);
- a year from 1600 on is Gregorian;
- a year from 1300 to 1599 is in the calendar the user named (``--calendar`` or a
  ``calendar`` column), else lunar Hijri in an Arabic-language article (Arabic outlets date
  by the lunar calendar) and Solar Hijri in any other.

Lunar Hijri dates are converted by the Umm al-Qura calendar (the ``hijridate`` package,
years 1343-1500 AH), which is what Saudi and most Gulf outlets print; a date read by
sighting elsewhere can differ from it by a day or two.  Solar Hijri dates are converted by
``jdatetime``.  ``DD/MM/YYYY`` against ``MM/DD/YYYY`` is never guessed: without an order
given (``--date-order``) a date that reads both ways is refused.  A date before 1900 or
in the future is refused too.  Nothing here raises on odd input: what was not read comes
back with the reason, for the import summary.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

import jdatetime
from hijridate import Hijri

from annotator.core.i18n import N_, Translatable
from annotator.core.intake.months import ANY_MONTH, FOLD, GAP, month_of
from annotator.core.intake.options import CALENDARS, DATE_ORDERS, GREGORIAN, LUNAR, SOLAR

EARLIEST = dt.date(1900, 1, 1)
_CALENDAR_NAMES = {SOLAR: N_("Solar Hijri"), LUNAR: N_("lunar Hijri"),
                   GREGORIAN: N_("Gregorian")}
# Other words users put in a calendar column for the same three calendars.
_CALENDAR_WORDS = {
    SOLAR: SOLAR, "jalali": SOLAR, "shamsi": SOLAR, "persian": SOLAR, "شمسی": SOLAR,
    "هجری شمسی": SOLAR, LUNAR: LUNAR, "hijri": LUNAR, "qamari": LUNAR, "islamic": LUNAR,
    "قمری": LUNAR, "هجری قمری": LUNAR, "هجري": LUNAR, GREGORIAN: GREGORIAN,
    "miladi": GREGORIAN, "میلادی": GREGORIAN, "ميلادي": GREGORIAN,
}

_TEXTUAL = re.compile(
    rf"(?<!\w)(?P<day>[0-9]{{1,2}})(?:{GAP}*ام)?{GAP}+(?P<month>{ANY_MONTH})(?!\w)"
    rf"(?:{GAP}*ماه)?(?:{GAP}*[,،])?(?:{GAP}*سال)?{GAP}*(?P<year>[0-9]{{4}})(?![0-9])"
)
_YEAR_FIRST = re.compile(
    r"(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])"
)
_YEAR_LAST = re.compile(
    r"(?P<first>[0-9]{1,2})(?P<sep>[-/.])(?P<second>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})"
    r"(?![0-9])"
)
_NUMERIC_IN_TEXT = re.compile(
    r"(?<![0-9/.\-])(?P<year>1[34][0-9]{2})(?P<sep>[-/])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<day>[0-9]{1,2})(?![0-9/])"
)
_ENGLISH = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y")


@dataclass(frozen=True)
class DateRules:
    """What decides how a date is read: the user's choices and the article's language."""

    calendar: str | None = None  # solar, lunar or gregorian, when the user said so
    order: str | None = None  # dmy or mdy, when the user said so
    language: str = ""  # the article's language code
    today: dt.date | None = None  # the latest date accepted (None: today)


@dataclass(frozen=True)
class DateReading:
    """A date read: ``iso`` when it was read, else ``problem`` (a sentence) when there was
    a value that could not be read; both None when there was no value."""

    iso: str | None = None
    problem: str | None = None


def calendar_named(word: str) -> str | None:
    """The calendar a column value names (``solar``, ``jalali``, ``قمری``…), or None."""
    return _CALENDAR_WORDS.get(" ".join(word.strip().casefold().split()))


def parse_date(value: str, rules: DateRules | None = None) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (Gregorian), or ``None`` when it is not a date we read."""
    return read_date(value, rules or DateRules()).iso


def read_date(value: str, rules: DateRules) -> DateReading:
    """``value`` read under ``rules``: the ISO date, or why it was not read."""
    try:
        folded = value.translate(FOLD).strip()
    except (AttributeError, TypeError):
        return DateReading()
    if not folded:
        return DateReading()
    try:
        return _read(folded, value.strip(), rules)
    except (ValueError, TypeError, OverflowError, AttributeError, IndexError):
        return DateReading(problem=_unread(value.strip()))


def find_date_in_text(text: str, max_lines: int = 6,
                      rules: DateRules | None = None) -> tuple[str, str] | None:
    """``(iso_date, as_written)`` for the first full Hijri date in the first non-empty lines.

    Finds textual dates (``12 خرداد 1403``, ``10 رمضان 1445``) and numeric ones
    (``1403/03/12``); the second item is the date exactly as it stands in ``text``.  A
    date that cannot be read, or is implausible, is passed over.
    """
    rules = rules or DateRules()
    lines = [line for line in text.split("\n") if line.strip()][:max_lines]
    for line in lines:
        folded = line.translate(FOLD)
        candidates = [*_TEXTUAL.finditer(folded), *_NUMERIC_IN_TEXT.finditer(folded)]
        for match in sorted(candidates, key=lambda m: m.start()):
            written = line[match.start() : match.end()]
            try:
                reading = _from_parts(*_parts(match), written, rules)
            except (ValueError, OverflowError):
                continue
            if reading.iso is not None:
                return reading.iso, written
    return None


def _parts(match: re.Match[str]) -> tuple[int, int, int, str | None]:
    """``(year, month, day, calendar named by the month or None)`` of a matched date."""
    month_text = match["month"]
    if month_text.isdigit():
        return int(match["year"]), int(month_text), int(match["day"]), None
    calendar, month = month_of(month_text)
    return int(match["year"]), month, int(match["day"]), calendar


def _read(folded: str, written: str, rules: DateRules) -> DateReading:
    year_first = _YEAR_FIRST.match(folded)
    if year_first:
        return _from_parts(*_parts(year_first), written, rules)
    year_last = _YEAR_LAST.match(folded)
    if year_last:
        first, second = int(year_last["first"]), int(year_last["second"])
        order = rules.order
        if order is None:
            if first == second or (first > 12 >= second):
                order = "dmy"
            elif second > 12 >= first:
                order = "mdy"
            elif first <= 12 and second <= 12:
                return DateReading(problem=Translatable(
                    "the date {date} could be day-first or month-first; imported without a "
                    "date (choose with --date-order dmy or mdy)", date=written))
            else:
                return DateReading(problem=_unread(written))
        day, month = (first, second) if order == "dmy" else (second, first)
        return _from_parts(int(year_last["year"]), month, day, None, written, rules)
    textual = _TEXTUAL.search(folded)
    if textual:
        return _from_parts(*_parts(textual), written, rules)
    english = _english(folded)
    if english is not None:
        return _checked(english, GREGORIAN, written, rules)
    return DateReading(problem=_unread(written))


def _english(folded: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(folded).date()  # RFC 2822
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in _ENGLISH:
        try:
            return dt.datetime.strptime(folded, pattern).date()
        except ValueError:
            continue
    return None


def _from_parts(year: int, month: int, day: int, named: str | None, written: str,
                rules: DateRules) -> DateReading:
    if named is not None:
        calendar = named
    elif year >= 1600:
        calendar = GREGORIAN
    elif rules.calendar is not None:
        calendar = rules.calendar
    elif 1300 <= year < 1600:
        calendar = LUNAR if rules.language == "ar" else SOLAR
    else:
        calendar = GREGORIAN  # refused below as before 1900
    try:
        date = _to_gregorian(calendar, year, month, day)
    except (ValueError, OverflowError):
        return DateReading(problem=Translatable(
            "the date {date} is not a day of the {calendar} calendar (or is outside the "
            "years it is converted for); imported without a date", date=written,
            calendar=Translatable(_CALENDAR_NAMES[calendar])))
    return _checked(date, calendar, written, rules, guessed=named is None
                    and rules.calendar is None)


def _to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date:
    if calendar == SOLAR:
        solar = jdatetime.date(year, month, day).togregorian()
        return dt.date(solar.year, solar.month, solar.day)
    if calendar == LUNAR:
        lunar = Hijri(year, month, day).to_gregorian()
        return dt.date(lunar.year, lunar.month, lunar.day)
    return dt.date(year, month, day)


def _checked(date: dt.date, calendar: str, written: str, rules: DateRules,
             guessed: bool = False) -> DateReading:
    latest = (rules.today or dt.date.today()) + dt.timedelta(days=1)  # time zones ahead
    name = Translatable(_CALENDAR_NAMES[calendar])
    if date > latest:
        if guessed and calendar == SOLAR:
            return DateReading(problem=Translatable(
                "the date {date} read as Solar Hijri is {iso}, in the future; if it is a "
                "lunar Hijri date, say so with --calendar lunar or a 'calendar' column; "
                "imported without a date", date=written, iso=date.isoformat()))
        return DateReading(problem=Translatable(
            "the date {date} is {iso} in the {calendar} calendar, in the future; imported "
            "without a date", date=written, iso=date.isoformat(), calendar=name))
    if date < EARLIEST:
        return DateReading(problem=Translatable(
            "the date {date} is {iso} in the {calendar} calendar, before 1900; imported "
            "without a date", date=written, iso=date.isoformat(), calendar=name))
    return DateReading(iso=date.isoformat())


def _unread(written: str) -> str:
    return Translatable("the date {date} could not be read; imported without a date",
                        date=written)


__all__ = ["CALENDARS", "DATE_ORDERS", "DateReading", "DateRules", "calendar_named",
           "find_date_in_text", "parse_date", "read_date"]
