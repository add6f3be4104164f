"""Both Hijri calendars: lunar vs solar by month names, language and the user's choice.

Reference conversions checked against independent sources, not against the converters:
1 Ramadan 1445 AH began on 11 March 2024 by the Umm al-Qura calendar (Saudi Arabia's
announcement), 10 Dhu al-Hijjah 1445 (Eid al-Adha) was 16 June 2024, 1 Muharram 1446 was
7 July 2024; Nowruz, 1 Farvardin 1403, was 20 March 2024 and 22 Bahman 1357 11 February 1979.
"""

from __future__ import annotations

import datetime as dt

import pytest

from annotator.core.intake.dates import (
    DateReading,
    DateRules,
    calendar_named,
    find_date_in_text,
    read_date,
)

TODAY = dt.date(2026, 12, 5)


def rules(**given: object) -> DateRules:
    return DateRules(today=TODAY, **given)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("1 رمضان 1445", "fa", "2024-03-11"),  # the month name says lunar, whatever the language
        ("١ رمضان ١٤٤٥ هـ", "ar", "2024-03-11"),
        ("۱ رمضان ۱۴۴۵", "fa", "2024-03-11"),
        ("10 ذو الحجة 1445", "ar", "2024-06-16"),
        ("١٠ ذي الحجة ١٤٤٥", "ar", "2024-06-16"),
        ("۱۰ ذی‌الحجه ۱۴۴۵", "fa", "2024-06-16"),
        ("1 محرم 1446", "ar", "2024-07-07"),
        ("1445/09/01", "ar", "2024-03-11"),  # an Arabic article's Hijri year is lunar
        ("١٤٤٥/٠٩/٠١", "ar", "2024-03-11"),
        ("۱۴۴۵/۰۹/۰۱", "ar", "2024-03-11"),
        ("1 فروردین 1403", "ar", "2024-03-20"),  # a solar month name in an Arabic article
        ("۱ فروردین ۱۴۰۳", "fa", "2024-03-20"),
        ("١ فروردين ١٤٠٣", "fa", "2024-03-20"),
        ("1403/01/01", "fa", "2024-03-20"),
        ("۱۴۰۳/۰۱/۰۱", "fa", "2024-03-20"),
        ("۲۲ بهمن ۱۳۵۷", "fa", "1979-02-11"),
        ("11 آذار 2024", "ar", "2024-03-11"),  # Levantine Gregorian month name
        ("11 مارس 2024", "ar", "2024-03-11"),
        ("١١ مارس ٢٠٢٤", "ar", "2024-03-11"),
        ("20 مارس 2024", "fa", "2024-03-20"),
        ("1 تشرين الأول 2024", "ar", "2024-10-01"),
        ("25/06/2024", "ar", "2024-06-25"),  # only one way to read it
        ("06/25/2024", "en", "2024-06-25"),
        ("2024-03-11T09:00:00+03:00", "ar", "2024-03-11"),
    ],
)
def test_dates_in_both_hijri_calendars(value: str, language: str, expected: str) -> None:
    assert read_date(value, rules(language=language)) == DateReading(expected, None)


def test_the_lunar_date_of_the_issue_is_not_a_solar_one() -> None:
    lunar = read_date("١٤٤٥/٠٦/١٠", rules(language="ar"))
    assert lunar.iso == "2023-12-23"  # 10 Jumada al-Akhirah 1445, not 2066-08-31
    solar = read_date("١٤٤٥/٠٦/١٠", rules(language="fa"))  # solar 1445 is in the future
    assert solar.iso is None
    assert "2066-08-31" in solar.problem and "--calendar lunar" in solar.problem


def test_the_calendar_the_user_names_wins_over_the_language() -> None:
    assert read_date("1403/01/01", rules(language="ar", calendar="solar")).iso == "2024-03-20"
    assert read_date("1445/09/01", rules(language="fa", calendar="lunar")).iso == "2024-03-11"
    gregorian = read_date("1403/01/01", rules(calendar="gregorian"))
    assert gregorian.iso is None and "before 1900" in gregorian.problem
    # A month name is explicit: it is not overruled.
    assert read_date("1 رمضان 1445", rules(calendar="solar")).iso == "2024-03-11"


@pytest.mark.parametrize("value", ["12/06/2024", "04/08/2024", "٠٤/٠٨/٢٠٢٤"])
def test_ambiguous_day_month_is_refused_unless_an_order_is_given(value: str) -> None:
    refused = read_date(value, rules())
    assert refused.iso is None
    assert "day-first or month-first" in refused.problem and value in refused.problem
    day_first = read_date(value, rules(order="dmy")).iso
    month_first = read_date(value, rules(order="mdy")).iso
    assert {day_first, month_first} == ({"2024-06-12", "2024-12-06"} if "12" in value
                                        else {"2024-08-04", "2024-04-08"})
    assert day_first == ("2024-06-12" if "12" in value else "2024-08-04")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2030-01-01", "in the future"),
        ("1899-12-31", "before 1900"),
        ("1460/01/01", "in the future"),  # solar 1460 = 2081
        ("30 اسفند 1402", "not a day"),
        ("31 رمضان 1445", "not a day"),  # no lunar month has 31 days
        ("1 رمضان 1300", "outside the years"),  # the lunar tables start in 1343 AH
        ("garbage", "could not be read"),
        ("2024", "could not be read"),
        ("13/13/2024", "not a day"),
    ],
)
def test_implausible_and_unreadable_dates_say_why(value: str, reason: str) -> None:
    reading = read_date(value, rules(language="fa"))
    assert reading.iso is None and reason in reading.problem and value in reading.problem


def test_no_value_is_no_problem() -> None:
    assert read_date("  ", rules()) == DateReading()


def test_dates_found_in_an_arabic_head_are_lunar() -> None:
    text = "الدوحة - ١٠ جمادى الآخرة ١٤٤٥ هـ\nاستقبل وزير الخارجية نظيره."
    assert find_date_in_text(text, rules=rules(language="ar")) == (
        "2023-12-23", "١٠ جمادى الآخرة ١٤٤٥")
    assert find_date_in_text("تاریخ: ۱۴۰۳/۰۳/۱۲\nمتن", rules=rules(language="fa")) == (
        "2024-06-01", "۱۴۰۳/۰۳/۱۲")
    assert find_date_in_text("الدوحة ١٤٤٥/٠٦/١٠\nنص", rules=rules(language="ar"))[0] == \
        "2023-12-23"


@pytest.mark.parametrize(("word", "calendar"), [("lunar", "lunar"), ("Hijri", "lunar"),
                                                ("قمری", "lunar"), ("jalali", "solar"),
                                                ("هجری شمسی", "solar"), ("میلادی", "gregorian"),
                                                ("julian", None)])
def test_calendar_column_words(word: str, calendar: str | None) -> None:
    assert calendar_named(word) == calendar
