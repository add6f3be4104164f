"""Decoding corpus bytes: byte-order marks, UTF-8, Windows-1256, and refusing what is not text."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.core.intake.decode import decode_bytes, detect

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpus").glob("*.txt"))

# What a Windows-1256 editor makes of Persian: Arabic Yeh and Kaf, ASCII digits.
TO_CP1256 = str.maketrans(
    {"\u06cc": "\u064a", "\u06a9": "\u0643", "\u2009": " "}
    | {chr(0x06F0 + i): str(i) for i in range(10)}
)


def sample(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem[:3])
def test_samples_in_every_encoding(path: Path) -> None:
    text = sample(path)
    assert detect(text.encode("utf-8")) == (text, "utf-8")
    assert detect(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8-sig")
    assert detect(text.encode("utf-16")) == (text, "utf-16")
    assert detect(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == (text, "utf-16")
    assert detect(text.encode("utf-32")) == (text, "utf-32")
    legacy = text.translate(TO_CP1256)
    assert detect(legacy.encode("cp1256")) == (legacy, "cp1256")


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem[:3])
def test_short_cp1256_snippets_are_cp1256(path: Path) -> None:
    words = sample(path).translate(TO_CP1256).split()
    for size in (2, 3, 8):
        for start in range(0, len(words) - size, 11):
            snippet = " ".join(words[start : start + size])
            if not snippet.isascii():
                assert decode_bytes(snippet.encode("cp1256")) == snippet


def test_utf16_without_bom() -> None:
    text = sample(CORPUS[0])
    assert detect(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert detect(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_declared_charset_is_used_when_it_fits() -> None:
    text = "سلام و درود بر شما"
    data = text.encode("cp1256")
    assert detect(data, declared="windows-1256") == (text, "cp1256")
    for nonsense in ("no-such-charset", "hex", "base64", "idna", "utf-7", ""):
        assert detect(data, declared=nonsense) == (text, "cp1256")
    # UTF-8 that claims to be something else is still UTF-8
    assert detect(text.encode("utf-8"), declared="windows-1256") == (text, "utf-8")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", " \n".encode("utf-16")],
    ids=["empty", "whitespace", "utf8-bom-only", "utf8-bom-spaces", "utf16-spaces"],
)
def test_empty(data: bytes) -> None:
    with pytest.raises(AnnotatorError, match="^empty file$"):
        decode_bytes(data)


def test_binary() -> None:
    noise = random.Random(7).randbytes(4000)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise
    for data in (png, b"\x00" * 1000, noise, bytes(range(1, 32)) * 10):
        with pytest.raises(AnnotatorError, match="^binary file, not text$"):
            decode_bytes(data)


def test_broken_bom_file() -> None:
    with pytest.raises(AnnotatorError, match="UTF-8 byte-order mark but is not valid UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + "سلام".encode() + b"\xff\xfe\xfd")


def test_unknown_encoding_message() -> None:
    # Every high byte once: no single-byte charset reads that as language.
    with pytest.raises(AnnotatorError) as caught:
        decode_bytes(bytes(range(0x80, 0x100)))
    assert str(caught.value) == "unknown text encoding (not UTF-8, UTF-16 or Windows-1256)"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_raise_only_annotator_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except AnnotatorError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_utf8_text_round_trips(text: str) -> None:
    if text.strip() and not text.startswith("\ufeff"):
        assert decode_bytes(text.encode("utf-8")) == text
