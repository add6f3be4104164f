"""Turning the bytes of a corpus file into text, and naming the encoding it was in.

Order of evidence: a byte-order mark, then strict UTF-8, then a charset the file declares
(HTML only), then charset-normalizer.  Legacy Persian and Arabic files are mostly
Windows-1256, so when charset-normalizer is unsure and the Windows-1256 reading is
Arabic-script letters, that reading wins.  Binary files (NUL bytes, many control
characters) and empty files are refused with :class:`AnnotatorError`; the message names the
problem but not the file, which the caller adds.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from annotator.core.errors import AnnotatorError
from annotator.core.i18n import Translatable

# Longest marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HARMLESS_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file mark
_MAX_CONTROL_SHARE = 0.02
_UNKNOWN = Translatable("unknown text encoding (not UTF-8, UTF-16 or Windows-1256)")
_BINARY = Translatable("binary file, not text")
_EMPTY = Translatable("empty file")


def decode_bytes(data: bytes) -> str:
    """The text of ``data``; :class:`AnnotatorError` when it is empty, binary or unreadable."""
    return detect(data)[0]


def detect(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``, the encoding as a codec name such as ``cp1256``.

    ``declared`` is a charset the file names itself (an HTML ``<meta charset>``); it is
    used when there is no byte-order mark, the file is not UTF-8, and it decodes cleanly.
    """
    if not data or data.isspace():  # not strip(): no copy of a file of hundreds of MB
        raise AnnotatorError(_EMPTY)
    text, encoding = _decode(data, declared)
    if not text or text.isspace():
        raise AnnotatorError(_EMPTY)
    if _looks_binary(text):
        raise AnnotatorError(_BINARY)
    return text, encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise AnnotatorError(Translatable(
                    "starts with a {encoding} byte-order mark but is not valid {encoding} "
                    "({reason} at byte {byte})", encoding=_label(encoding),
                    reason=error.reason, byte=error.start)) from None
            return text.removeprefix("\ufeff"), encoding
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise AnnotatorError(_BINARY)
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared is not None:
        named = _codec_name(declared)
        if named is not None and not named.startswith("utf-"):
            try:
                return data.decode(named), named
            except (UnicodeError, LookupError, ValueError):
                pass  # a wrong declaration, or a codec that is not a text encoding (hex)
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    """charset-normalizer's best reading, overruled by Windows-1256 where that is clearly right."""
    try:
        best = from_bytes(data).best()
        guess = None if best is None else (str(best), _codec_name(best.encoding) or best.encoding)
    except Exception:  # a detector failure means "unknown", never a crash
        guess = None
    if guess is not None and guess[1] == "cp1256":
        return guess
    arabic = data.decode("cp1256")  # every byte has a meaning in Windows-1256
    share = _arabic_share(arabic)
    if share >= 0.9 and (guess is None or share >= _arabic_share(guess[0])):
        return arabic, "cp1256"
    if guess is None:
        raise AnnotatorError(_UNKNOWN)
    return guess


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: NULs only in the high byte of each code unit.

    Arabic script lives at U+06xx, so its high byte is 0x06 and ASCII spaces and digits
    give the NULs; a binary file has NULs at both byte positions.
    """
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if even_nuls and odd_nuls:
        return None
    encoding = "utf-16-le" if odd_nuls else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _looks_binary(text):
        return None
    return text, encoding


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    controls = sum(
        1
        for char in sample
        if (char < " " or "\x7f" <= char <= "\x9f") and char not in _HARMLESS_CONTROLS
    )
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _arabic_share(text: str) -> float:
    """The share of Arabic letters and harakat among the non-ASCII letters and marks of ``text``.

    Windows-1256 Persian or Arabic read right is 1.0, and wins ties; Cyrillic read as
    Windows-1256 is about half Latin, as is ISO-8859-6 Arabic.  Presentation forms
    (U+FBxx-FExx) do not count: nobody types them, but cp1006 turns Windows-1256 into them.
    """
    letters = arabic = 0
    for char in text[:100_000]:
        if char.isascii() or not (char.isalpha() or unicodedata.category(char).startswith("M")):
            continue
        letters += 1
        if "\u0600" <= char <= "\u06ff":
            arabic += 1
    return arabic / letters if letters else 0.0


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip()).name
    except (LookupError, ValueError):
        return None


def _label(encoding: str) -> str:
    return {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}[encoding]
