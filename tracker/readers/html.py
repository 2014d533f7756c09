"""Web-page reports: decode the bytes (declared charset, else detected), keep the text.

Only the standard library is needed. A declared gb2312/gbk charset is read as GB18030,
its superset, since pages declaring gb2312 often hold characters outside it.

Line numbers of a web-page report are lines of the extracted text, not of the page
source: one line per block element (<p>, <div>, <li>, table row …) or <br>, empty
blocks skipped, script/style/head content dropped. `tracker.readers.read_text` gives
that text, so a cited line can be looked up in it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tracker.errors import InputError
from tracker.readers.txt import decode_text

# <meta charset="gbk">, <meta http-equiv=... content="text/html; charset=gb2312">,
# <?xml version="1.0" encoding="..."?>
CHARSET_RE = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
CHINESE_LEGACY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}
SNIFF_BYTES = 4096

BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "table", "ul", "ol", "blockquote", "pre", "hr", "title", "header", "footer",
    # Table cells and the other blocks of page layouts: never glue two of them together.
    "td", "th", "caption", "dl", "dt", "dd", "nav", "aside", "main", "figure", "figcaption",
    "address", "center", "form", "fieldset", "details", "summary",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) of an HTML page."""
    markup, encoding = _decode(data, name)
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    text = parser.text()
    if not text.strip():
        raise InputError(f"{name}: the page has no text")
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    declared = _declared_charset(data)
    if declared is None:
        return decode_text(data, name)
    encoding = "gb18030" if declared in CHINESE_LEGACY else declared
    try:
        return data.decode(encoding), encoding
    except LookupError:
        return decode_text(data, name)
    except UnicodeDecodeError:
        # The declaration is wrong more often than the bytes: detect instead, and say so
        # through the encoding reported.
        text, found = decode_text(data, name)
        return text, found


def _declared_charset(data: bytes) -> str | None:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None  # a BOM outranks any declaration
    m = CHARSET_RE.search(data[:SNIFF_BYTES])
    return m.group(1).decode("ascii").lower() if m else None


class _TextParser(HTMLParser):
    """Text of the page body, a line break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self._chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(self._skip - 1, 0)
        elif tag in BLOCK_TAGS:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            # Source line breaks inside a block are layout, not text.
            self._chunks.append(re.sub(r"[\r\n]+", " ", data))

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self._chunks).split("\n"))
        return "\n".join(line for line in lines if line)
