"""Plain-text reports: find the encoding from the bytes and refuse what is not text.

Encodings are tried in a fixed order and each must decode the whole file strictly;
a file that only decodes with replacement characters is rejected, never repaired.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from tracker.errors import InputError

# BOMs, longest first (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Without a BOM: UTF-8 first (it almost never decodes non-UTF-8 text by accident),
# then GB18030, a superset of GBK and GB2312, the usual legacy encoding of these reports.
# Share of invalid sequences up to which a file is taken as damaged UTF-8, not GB18030.
_MAX_DAMAGE_SHARE = 0.01

# Share of characters that must look like text for a decoding to be accepted.
_MIN_TEXT_SHARE = 0.95

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of a text report, or raise InputError."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    encoding = _bom_encoding(data)
    if encoding is not None:
        text = _strict_decode(data, encoding, name)
        if text.startswith("\ufeff"):
            text = text[1:]
        _check_text(text, name, encoding)
        return text, encoding
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise InputError(
                f"{name}: contains NUL bytes; this is a binary file, not a text report"
            )
        return found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, exc, name)
    else:
        if _looks_like_text(text):
            return text, "utf-8"
        raise InputError(f"{name}: decodes as UTF-8 but is not text (control characters)")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if _looks_like_text(text) and _looks_chinese(text):
        return text, "gb18030"
    raise InputError(
        f"{name}: cannot decode as UTF-8, UTF-16 or GB18030 text; is it a binary file?"
    )


def _refuse_damaged_utf8(data: bytes, exc: UnicodeDecodeError, name: str) -> None:
    """UTF-8 with a few bad bytes is a damaged file, not GB18030: say so, do not guess."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for ch in text if ord(ch) > 0x7F)
    if wide and bad <= wide * _MAX_DAMAGE_SHARE:
        raise InputError(
            f"{name}: UTF-8 text with {bad} invalid byte sequence(s), the first at byte "
            f"{exc.start}; the file looks damaged"
        )


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters of a GB18030 decoding of a real report are common hanzi
    or Chinese punctuation; a chance decoding of other bytes lands all over Unicode."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    common = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                 or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·")
    return not wide or common >= len(wide) * _MIN_TEXT_SHARE


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM: exactly one byte order must give Chinese text."""
    if len(data) % 2:
        return None
    readings = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _looks_like_text(text) and _looks_chinese(text):
            readings.append((text, encoding))
    return readings[0] if len(readings) == 1 else None


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _strict_decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: starts with a {encoding.upper()} byte-order mark but byte {exc.start} "
            f"is not valid {encoding.upper()}"
        ) from None


def _check_text(text: str, name: str, encoding: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    if "\x00" in text or not _looks_like_text(text):
        raise InputError(
            f"{name}: decodes as {encoding.upper()} but is not text (control characters)"
        )


def _looks_like_text(text: str) -> bool:
    """True when nearly all characters are printable or ordinary whitespace."""
    if not text.strip():
        return False
    # Only characters outside the common printable ranges need a Unicode look-up.
    bad = sum(1 for ch in _UNCOMMON.findall(text) if _is_odd(ch))
    return bad <= len(text) * (1 - _MIN_TEXT_SHARE)


# Printable ASCII, Latin-1 and general punctuation, CJK and full-width forms: never odd.
_UNCOMMON = re.compile(r"[^\t\n\r\x20-\x7e\u00a0-\u2fff\u3000-\u9fff\uff00-\uffef]")


def _is_odd(ch: str) -> bool:
    if ch in _ALLOWED_CONTROLS:
        return False
    category = unicodedata.category(ch)
    # Cc control, Cs surrogate, Co private use, Cn unassigned: not in real reports.
    return category in ("Cc", "Cs", "Co", "Cn")
