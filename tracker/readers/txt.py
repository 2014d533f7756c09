"""Plain-text reports: find the encoding from the bytes and refuse what is not text.

Encodings are tried in a fixed order and each must decode the whole file strictly;
a file that only decodes with replacement characters is rejected, never repaired.
"""

from __future__ import annotations

import codecs
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
_FALLBACKS: tuple[str, ...] = ("utf-8", "gb18030")

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
        raise InputError(f"{name}: contains NUL bytes; this is a binary file, not a text report")
    for encoding in _FALLBACKS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    raise InputError(
        f"{name}: cannot decode as UTF-8, UTF-16 or GB18030 text; is it a binary file?"
    )


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
        raise InputError(f"{name}: decodes as {encoding.upper()} but is not text (control characters)")


def _looks_like_text(text: str) -> bool:
    """True when nearly all characters are printable or ordinary whitespace."""
    if not text.strip():
        return False
    bad = sum(1 for ch in text if _is_odd(ch))
    return bad <= len(text) * (1 - _MIN_TEXT_SHARE)


def _is_odd(ch: str) -> bool:
    if ch in _ALLOWED_CONTROLS:
        return False
    category = unicodedata.category(ch)
    # Cc control, Cs surrogate, Co private use, Cn unassigned: not in real reports.
    return category in ("Cc", "Cs", "Co", "Cn")
