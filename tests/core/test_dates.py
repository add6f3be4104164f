"""Publication dates: ISO, Jalali numeric and Persian textual dates, and dates in article heads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.intake.dates import find_date_in_text, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 خرداد 1403", "2024-06-01"),
        ("۱۲ خرداد ۱۴۰۳", "2024-06-01"),
        ("١٢ خرداد ١٤٠٣", "2024-06-01"),
        ("یکشنبه ۱۲ خرداد ماه ۱۴۰۳ - ۱۰:۳۰", "2024-06-01"),
        ("۱۴۰۳/۰۳/۱۲", "2024-06-01"),
        ("1403-03-12", "2024-06-01"),
        ("1403/3/12 10:30", "2024-06-01"),
        ("2024-06-01", "2024-06-01"),
        ("2024-06-01T10:00:00Z", "2024-06-01"),
        ("2024-06-01 23:59:59+03:30", "2024-06-01"),
        ("2024/06/01", "2024-06-01"),
        ("Sat, 01 Jun 2024 10:00:00 GMT", "2024-06-01"),
        ("1 فروردین 1403", "2024-03-20"),
        ("1 اردیبهشت 1403", "2024-04-20"),
        ("1 اردي\u200cبهشت 1403", "2024-04-20"),
        ("1 تیر 1403", "2024-06-21"),
        ("1 مرداد 1403", "2024-07-22"),
        ("1 شهریور 1403", "2024-08-22"),
        ("1 مهر 1403", "2024-09-22"),
        ("1 آبان 1403", "2024-10-22"),
        ("1 ابان 1403", "2024-10-22"),
        ("1 آذر 1403", "2024-11-21"),
        ("1 دی 1403", "2024-12-21"),
        ("1 دي 1403", "2024-12-21"),
        ("1 بهمن 1403", "2025-01-20"),
        ("30 اسفند 1403", "2025-03-20"),
        ("۲۲ بهمن ۱۳۵۷", "1979-02-11"),
        ("30 اسفند 1402", None),  # 1402 is not a leap year
        ("2024-02-30", None),
        ("2024/13/01", None),
        ("۱۶ مهر ماه", None),  # no year
        ("garbage", None),
        ("", None),
        ("   ", None),
        ("2024", None),
        ("12 12 12", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


@given(st.text(max_size=80))
def test_parse_date_never_raises(value: str) -> None:
    result = parse_date(value)
    assert result is None or len(result) == 10


def test_parse_date_odd_types() -> None:
    assert parse_date(None) is None  # type: ignore[arg-type]
    assert parse_date(20240601) is None  # type: ignore[arg-type]


def test_find_date_in_article_head() -> None:
    text = (
        "باقری: ادامه جنایت در غزه بدون هزینه نخواهد بود\n\n8:00 - 12 خرداد 1403\nکد خبر: ۴۷۷۶۱۲۴\n"
    )
    assert find_date_in_text(text) == ("2024-06-01", "12 خرداد 1403")


def test_find_date_keeps_the_written_form() -> None:
    text = "خبر\nتاریخ انتشار: ۱۲ خرداد ماه ۱۴۰۳ ساعت ۸\n"
    assert find_date_in_text(text) == ("2024-06-01", "۱۲ خرداد ماه ۱۴۰۳")
    text = "خبر\nتاریخ انتشار: ۱۴۰۳/۰۳/۱۲ - ۰۸:۰۰\n"
    assert find_date_in_text(text) == ("2024-06-01", "۱۴۰۳/۰۳/۱۲")


def test_find_date_only_in_the_first_lines() -> None:
    head = "\n\n".join(f"بند {i}" for i in range(10))
    text = f"{head}\n12 خرداد 1403"
    assert find_date_in_text(text) is None
    assert find_date_in_text(text, max_lines=11) == ("2024-06-01", "12 خرداد 1403")


def test_find_date_ignores_dates_without_year() -> None:
    assert find_date_in_text("عنوان\nیکشنبه شب ۱۶ مهر ماه در تهران\nکد خبر: ۱۲۳۴۵۶۷") is None
