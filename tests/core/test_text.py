"""Search keys fold spelling variants; canonical text and offsets stay exact."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from annotator.core import text as text_module
from annotator.core.text import (
    canonical,
    detect_language,
    from_utf16,
    index_key,
    search_key,
    search_key_with_offsets,
    to_utf16,
    utf16_offsets,
)


def test_variants_fold_to_one_key() -> None:
    assert search_key("گفت\u200cوگو") == search_key("گفتوگو")
    assert search_key("يکشنبه") == search_key("یکشنبه")
    assert search_key("۱۴۰۳") == search_key("1403") == search_key("١٤٠٣")
    assert search_key("إردوغان") == search_key("اردوغان") == search_key("أردوغان")
    assert search_key("مدرسة") == search_key("مدرسه")
    assert search_key("كتاب") == search_key("کتاب")
    assert search_key("مُحَمَّد") == search_key("محمد")
    assert search_key("فلســـطين") == search_key("فلسطین")
    assert search_key("مؤمن") == search_key("مومن")
    assert search_key("ﻻ") == search_key("لا")  # presentation form (NFKC)
    assert search_key("  Gaza\n\tSTRIP ") == "gaza strip"
    assert search_key("آتش") != search_key("اتش")  # Madda is kept


def test_canonical_is_nfc_with_newlines() -> None:
    assert canonical("\ufeffa\r\nb\rc") == "a\nb\nc"
    assert canonical("e\u0301") == "\u00e9"


_ALPHABET = st.sampled_from(
    list("abcXYZ 019\n\t\r\x0b\u2028\u3000\xa0.،؛")
    + [chr(c) for c in range(0x0621, 0x0656)]
    + list("پچژگکیۀةىئؤإأآ\u200c\u200d\u200f\u0640۱۲۳٤٥")
)


@given(st.text(_ALPHABET, max_size=80))
def test_key_with_offsets_agrees_with_fast_key(text: str) -> None:
    key, where = search_key_with_offsets(text)
    assert key.strip() == search_key(text)
    assert len(where) == len(key)
    assert where == sorted(where)
    assert all(0 <= i < len(text) for i in where)
    # Each key character comes from the text where it points: a space from whitespace,
    # a letter from the character that folds to it, with the combining marks after it
    # (NFKC composes alef and a combining madda into one letter).
    for letter, index in zip(key, where, strict=True):
        if letter == " ":
            assert text[index].isspace()
        else:
            end = index + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            cluster = search_key(text[index:end]).casefold()
            assert letter in cluster or not search_key(text[index])


def test_language_detection() -> None:
    assert detect_language("این یک متن فارسی است که گفتگو را نشان می‌دهد") == "fa"
    assert detect_language("هذا نص عربي عن القمة الاستثنائية في المنطقة") == "ar"
    assert detect_language("An English text about Gaza") == "other"
    # Windows-1256 Persian: Arabic Yeh and Kaf, but Persian letters گ پ چ
    assert detect_language("اين يك گفتگوي تلفني با همتاي چيني و پاكستاني است") == "fa"


def test_utf16_conversion_around_astral_characters() -> None:
    text = "سلام 👋 غزه"
    positions = utf16_offsets(text)
    assert positions[-1] == len(text.encode("utf-16-le")) // 2
    index = text.index("غ")
    assert to_utf16(text, index) == index + 1
    assert from_utf16(text, index + 1) == index
    for i in range(len(text) + 1):
        assert from_utf16(text, to_utf16(text, i)) == i


# Every character the key folds or deletes, their neighbours, NBSP, what NFKC changes
# (presentation forms, compatibility digits), combining marks, and astral characters.
_FOLDED = sorted({*text_module._FOLD, *map(chr, text_module._DELETE)})
_KEY_ALPHABET = st.sampled_from(
    _FOLDED + list("\xa0 \nabcآابپتيکگی۰٩ﻻﺑ①\u0301\u0654\u0655\u06c2\u06d3😀𝒜\U00010400")
    + [chr(cp) for cp in range(0x0600, 0x0700, 7)]
)


def _key_by_table(text: str) -> str:
    """The index key as first written: NFKC, then one table lookup per character."""
    text = unicodedata.normalize("NFKC", text.replace("\xa0", " "))
    return text.translate(text_module._fold_table())


@given(st.text(_KEY_ALPHABET, max_size=60))
def test_index_key_equals_the_per_character_table(text: str) -> None:
    assert index_key(text) == _key_by_table(text)


@given(st.text(st.sampled_from(list("ab 1\r\n\t\x00\x7f\ufeff\u2028\u0301"))))
def test_canonical_of_ascii_and_other_text_agree(text: str) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = expected.replace("\u2028", "\n").removeprefix("\ufeff")
    assert canonical(text) == unicodedata.normalize("NFC", expected)
