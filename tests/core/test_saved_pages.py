"""Saved news pages: the article without the site's boilerplate, its title, date and outlet;
and HTML found in a JSONL or CSV ``text`` field, converted and reported."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.core.intake.corpus import read_corpus
from annotator.core.intake.html_page import html_to_text, looks_like_html, read_page
from annotator.core.records import ArticleRecord, ImportNotice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "intake"
BOILERPLATE = ("سیاسی", "اقتصادی", "آگهی", "بیمه", "تبلیغ", "اشتراک", "دیدار سفیر",
               "بیانیه وزارت", "دیدگاه", "ارسال", "پربازدید", "حقوق", "درباره ما",
               "اسکریپت", "color", "قطر غزه")


def test_saved_page_keeps_the_article_and_drops_the_site() -> None:
    [record] = read_corpus([FIXTURES / "saved_page.html"])
    assert isinstance(record, ArticleRecord)
    assert record.title == "گفت‌وگوی تلفنی وزیران خارجه ایران و قطر درباره غزه"
    assert record.body == (
        "وزیر امور خارجه کشورمان در گفت‌وگوی تلفنی با همتای قطری خود درباره آخرین تحولات "
        "غزه رایزنی کرد.\n\n"
        "به گزارش خبرگزاری نمونه، دو طرف در این تماس بر ضرورت توقف فوری حملات و رساندن "
        "کمک‌های انسانی به مردم غزه تأکید کردند.\n\n"
        "وزیر خارجه قطر نیز از تلاش‌های میانجی‌گرانه کشورش & نقش سازمان ملل سخن گفت\n"
        "و خواستار ادامه رایزنی‌ها شد.")
    for word in BOILERPLATE:
        assert word not in record.body, word
    assert (record.outlet, record.url) == ("خبرگزاری نمونه", "https://news.example/fa/news/1234")
    assert (record.published, record.published_original) == (
        "2024-06-01", "2024-06-01T10:30:00+03:30")


def test_page_without_article_element_is_read_by_text_density() -> None:
    page = read_page(
        "<html><head><title>الخارجية: اتصال مع الدوحة - وكالة المثال</title>"
        "<meta property='og:site_name' content='وكالة المثال'></head><body>"
        "<div id='top-menu'><a href='/'>الرئيسية</a> <a href='/a'>سياسة</a></div>"
        "<div class='wrap'><div class='col'><p>أجرى وزير الخارجية اتصالا هاتفيا بنظيره القطري.</p>"
        "<p>وبحث الجانبان آخر التطورات في غزة والجهود المبذولة لوقف إطلاق النار.</p></div>"
        "<div class='col2'><p><a href='/1'>خبر آخر</a></p><p>اخترنا لك</p></div></div>"
        "<div class='copyright'>جميع الحقوق محفوظة</div></body></html>")
    assert page.text == ("أجرى وزير الخارجية اتصالا هاتفيا بنظيره القطري.\n\n"
                         "وبحث الجانبان آخر التطورات في غزة والجهود المبذولة لوقف إطلاق النار.")
    assert page.title == "الخارجية: اتصال مع الدوحة"
    assert page.outlet == "وكالة المثال"


def test_title_without_the_site_name_and_dates_from_json_ld_or_time() -> None:
    page = read_page(
        "<title>خبرگزاری نمونه — دیدار وزیران در دوحه</title>"
        "<script type='application/ld+json'>{\"@graph\": [{\"datePublished\": "
        "\"2024-03-11\", \"publisher\": {\"name\": \"خبرگزاری نمونه\"}}]}</script>"
        "<p>متن خبر</p>")
    assert (page.title, page.published, page.outlet) == (
        "دیدار وزیران در دوحه", "2024-03-11", "خبرگزاری نمونه")
    page = read_page("<title>تیتر بلندتر از نام سایت | سایت</title>"
                     "<p>متن <time datetime='2024-06-01'>امروز</time></p>")
    assert (page.title, page.published) == ("تیتر بلندتر از نام سایت", "2024-06-01")


def test_hostile_page_runs_and_fetches_nothing() -> None:
    page = read_page("<p>متن</p><script>fetch('http://evil.example')</script>"
                     "<img src=x onerror=alert(1)><iframe src='http://evil.example'></iframe>"
                     "<object data='x.swf'>fallback</object><style>@import url(x)</style>")
    assert page.text == "متن"


def test_html_in_jsonl_and_csv_text_is_converted_and_reported(tmp_path: Path) -> None:
    jsonl = tmp_path / "scraped.jsonl"
    jsonl.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in [
        {"id": "h1", "text": "<p>بند اول &amp; دوم</p><script>alert('x')</script><p>بند سوم</p>"},
        {"id": "h2", "text": "سطر اول\nسطر دوم با &laquo;نقل&raquo;"},
        {"id": "plain", "text": "متن ساده a < b و c > d، <Reuters> و R&D"},
    ]) + "\n", encoding="utf-8")
    items = list(read_corpus([jsonl]))
    records = {item.article_id: item for item in items if isinstance(item, ArticleRecord)}
    assert records["h1"].body == "بند اول & دوم\n\nبند سوم"
    assert records["h2"].body == "سطر اول\nسطر دوم با «نقل»"
    assert records["plain"].body == "متن ساده a < b و c > d، <Reuters> و R&D"
    [notice] = [item for item in items if isinstance(item, ImportNotice)]
    assert notice.path == str(jsonl) and "2 texts held HTML; converted" in notice.message()

    table = tmp_path / "scraped.csv"
    with table.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["c1", "تیتر &amp; دیگر", "<div>متن</div><div class='ads'>تبلیغ</div>"])
    items = list(read_corpus([table]))
    [record] = [item for item in items if isinstance(item, ArticleRecord)]
    assert (record.title, record.body) == ("تیتر & دیگر", "متن")
    [notice] = [item for item in items if isinstance(item, ImportNotice)]
    assert "1 text held HTML; converted" in notice.message()


def test_looks_like_html() -> None:
    assert looks_like_html("<p>x</p>") and looks_like_html("a &amp; b")
    assert not looks_like_html("a < b and c > d") and not looks_like_html("R&D, AT&T")
    assert html_to_text("a<br>b") == "a\nb"


def test_body_and_article_are_never_dropped_for_their_class() -> None:
    page = read_page("<body class='home menu-open'><nav>منو</nav>"
                     "<article class='post share-enabled'><p>متن اصلی خبر</p>"
                     "<div class='share'>اشتراک</div></article></body>")
    assert page.text == "متن اصلی خبر"
