"""Publication dates as ISO Gregorian dates: parsing what sources write, finding one in a text.

Sources write ISO dates, ``YYYY/MM/DD``, Solar Hijri (Jalali) numeric dates and Persian
textual dates such as ``12 خرداد 1403``, in Persian, Arabic-Indic or ASCII digits and with
Persian or Arabic Yeh/Kaf.  A 4-digit year from 1300 to 1499 is read as Jalali (Gregorian
dates of those years are not news).  Nothing here raises on odd input: what cannot be
read is ``None``.  A date without a year (``۱۶ مهر ماه``) is not guessed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

import jdatetime

# One character for one character, so match positions in the folded text are positions
# in the original text too.
_FOLD = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE
        "\u0622": "\u0627",  # ALEF WITH MADDA (آبان, آذر are also written ابان, اذر)
    }
)

# Month names after folding, each a regex; the calendar's month number is the index + 1.
_MONTHS = (
    "فروردین",
    "اردی[\\s\u200c]?بهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "ابان",
    "اذر",
    "دی",
    "بهمن",
    "اسفند",
)
_GAP = "[\\s\u200c\u00a0]"
_TEXTUAL = re.compile(
    rf"(?<!\w)(?P<day>[0-9]{{1,2}})(?:{_GAP}*ام)?{_GAP}+"
    rf"(?P<month>{'|'.join(f'(?:{m})' for m in _MONTHS)})(?!\w)"
    rf"(?:{_GAP}*ماه)?(?:{_GAP}*[,،])?(?:{_GAP}*سال)?{_GAP}*(?P<year>[0-9]{{4}})(?![0-9])"
)
_MONTH_PATTERNS = [re.compile(f"(?:{m})$") for m in _MONTHS]
_NUMERIC = re.compile(
    r"(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])"
)
_NUMERIC_IN_TEXT = re.compile(
    r"(?<![0-9/.\-])(?P<year>1[34][0-9]{2})(?P<sep>[-/])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<day>[0-9]{1,2})(?![0-9/])"
)


def parse_date(value: str) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (Gregorian), or ``None`` when it is not a date we read."""
    try:
        return _parse(value)
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None


def find_date_in_text(text: str, max_lines: int = 6) -> tuple[str, str] | None:
    """``(iso_date, as_written)`` for the first full Jalali date in the first non-empty lines.

    Finds textual dates (``12 خرداد 1403``) and numeric ones (``1403/03/12``); the second
    item is the date exactly as it stands in ``text``.
    """
    lines = [line for line in text.split("\n") if line.strip()][:max_lines]
    for line in lines:
        folded = line.translate(_FOLD)
        candidates = [*_TEXTUAL.finditer(folded), *_NUMERIC_IN_TEXT.finditer(folded)]
        for match in sorted(candidates, key=lambda m: m.start()):
            iso = _from_match(match)
            if iso is not None:
                return iso, line[match.start() : match.end()]
    return None


def _parse(value: str) -> str | None:
    folded = value.translate(_FOLD).strip()
    if not folded:
        return None
    numeric = _NUMERIC.match(folded)
    if numeric:
        return _from_match(numeric)
    textual = _TEXTUAL.search(folded)
    if textual:
        return _from_match(textual)
    try:
        return email.utils.parsedate_to_datetime(folded).date().isoformat()  # RFC 2822
    except (TypeError, ValueError, IndexError):
        return None


def _from_match(match: re.Match[str]) -> str | None:
    year, day = int(match["year"]), int(match["day"])
    month_text = match["month"]
    if month_text.isdigit():
        month = int(month_text)
        jalali = 1300 <= year <= 1499
    else:
        month = next(i for i, p in enumerate(_MONTH_PATTERNS, 1) if p.match(month_text))
        jalali = True
    try:
        if jalali:
            return str(jdatetime.date(year, month, day).togregorian().isoformat())
        return dt.date(year, month, day).isoformat()
    except (ValueError, OverflowError):
        return None
