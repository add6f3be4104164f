"""Month names of the three calendars news in Persian and Arabic is dated by, and digit folding.

A date's month name tells its calendar: Solar Hijri (Jalali: فروردین … اسفند), lunar
Hijri (محرم … ذو الحجة, in Arabic and Persian spellings) or Gregorian (Levantine كانون
الثاني … كانون الأول, Egyptian and Gulf يناير … ديسمبر, Persian ژانویه … دسامبر).  Names
are matched after :data:`FOLD`, which maps one character to one character, so a match's
positions in the folded text are its positions in the text as written.
"""

from __future__ import annotations

import re

from annotator.core.intake.options import GREGORIAN, LUNAR, SOLAR

FOLD = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA
        "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
        "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE
        "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW
        "\u0622": "\u0627",  # ALEF WITH MADDA (آبان, آذر are also written ابان, اذر)
        "\u0629": "\u0647",  # TEH MARBUTA (ذو الحجة / ذی‌الحجه)
    }
)

GAP = "[\\s\u200c\u00a0]"
_A = f"{GAP}*"  # between the two words of a name: a space, a ZWNJ or nothing

# (calendar, month number, regex of the folded name)
_NAMES: tuple[tuple[str, int, str], ...] = (
    (SOLAR, 1, "فروردین"),
    (SOLAR, 2, f"اردی{_A}بهشت"),
    (SOLAR, 3, "خرداد"),
    (SOLAR, 4, "تیر"),
    (SOLAR, 5, "مرداد"),
    (SOLAR, 6, "شهریور"),
    (SOLAR, 7, "مهر"),
    (SOLAR, 8, "ابان"),
    (SOLAR, 9, "اذر"),
    (SOLAR, 10, "دی"),
    (SOLAR, 11, "بهمن"),
    (SOLAR, 12, "اسفند"),
    (LUNAR, 1, "محرم"),
    (LUNAR, 2, "صفر"),
    (LUNAR, 3, f"ربیع{_A}(?:الاولی|الاول)"),
    (LUNAR, 4, f"ربیع{_A}(?:الثانی|الاخره|الاخر)"),
    (LUNAR, 5, f"جمادی{_A}(?:الاولی|الاول)"),
    (LUNAR, 6, f"جمادی{_A}(?:الاخره|الاخر|الثانیه|الثانی)"),
    (LUNAR, 7, "رجب"),
    (LUNAR, 8, "شعبان"),
    (LUNAR, 9, "رمضان"),
    (LUNAR, 10, "شوال"),
    (LUNAR, 11, f"ذ[وی]{_A}القعده"),
    (LUNAR, 12, f"ذ[وی]{_A}الحجه"),
    (GREGORIAN, 1, f"کانون{_A}الثانی|ینایر|ژانویه"),
    (GREGORIAN, 2, "شباط|فبرایر|فوریه"),
    (GREGORIAN, 3, "اذار|مارس"),
    (GREGORIAN, 4, "نیسان|ابریل|اوریل"),
    (GREGORIAN, 5, "ایار|مایو|مه|می"),
    (GREGORIAN, 6, "حزیران|یونیو|یونیه|ژوئن"),
    (GREGORIAN, 7, "تموز|یولیو|یولیه|ژوئیه|جولای"),
    (GREGORIAN, 8, "اب|اغسطس|اوت"),
    (GREGORIAN, 9, "ایلول|سبتمبر|سپتامبر"),
    (GREGORIAN, 10, f"تشرین{_A}الاول|اکتوبر|اکتبر"),
    (GREGORIAN, 11, f"تشرین{_A}الثانی|نوفمبر|نوامبر"),
    (GREGORIAN, 12, f"کانون{_A}الاول|دیسمبر|دسامبر"),
)

# Longest names first, so that "ربیع الاول" is not cut to a shorter name.
ANY_MONTH = "|".join(
    f"(?:{name})" for name in sorted((n for _c, _m, n in _NAMES), key=len, reverse=True)
)
_EXACT = [(calendar, month, re.compile(f"(?:{name})$")) for calendar, month, name in _NAMES]


def month_of(name: str) -> tuple[str, int]:
    """``(calendar, month number)`` of a folded month name matched by :data:`ANY_MONTH`."""
    return next((calendar, month) for calendar, month, pattern in _EXACT
                if pattern.match(name))
