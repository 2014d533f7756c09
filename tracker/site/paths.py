"""Where each page of the site lives, and the relative link from one page to another.

Pages sit at the top (index, panel) or one folder down: `j/` for jurisdictions and their
years, `r/` for reports. File names keep the Chinese names readers know (海拉尔区-2016.html);
links percent-encode them, so they work from file:// and from any web server."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

# Characters a file name or a URL path segment cannot hold safely.
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|#%\s]')

INDEX = "index.html"
PANEL = "panel.html"
STYLE = "style.css"
MARKER = ".tracker-site"  # says a folder holds a site this command wrote


def safe(name: str) -> str:
    cleaned = _UNSAFE.sub("_", name.strip()).lstrip(".")
    return cleaned or "_"


def jurisdiction_page(name: str) -> str:
    return f"j/{safe(name)}.html"


def year_page(name: str, year: int) -> str:
    return f"j/{safe(name)}-{year}.html"


def report_page(doc_name: str) -> str:
    return f"r/{safe(doc_name)}.html"


def href(path: str, fragment: str | None = None, *, depth: int = 1) -> str:
    """The link to `path` (relative to the site root) from a page `depth` folders down."""
    link = "../" * depth + _quoted(path)
    return f"{link}#{_quoted(fragment)}" if fragment else link


@lru_cache(maxsize=65536)
def _quoted(text: str) -> str:
    # The same few thousand page names are linked hundreds of thousands of times.
    return quote(text)


def line_id(line: int) -> str:
    return f"L{line}"


def target_id(uid: str) -> str:
    return f"t-{uid}"
