"""One place that prints rows: table, markdown, csv, json or jsonl, the same on every command."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, urlsplit

from tabulate import tabulate

FORMATS = ("table", "markdown", "csv", "json", "jsonl")


def _cell(value: Any, width: int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    text = str(value)
    if width and len(text) > width:
        return text[: width - 1] + "…"
    return text


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    *,
    columns: Sequence[str] | None = None,
    width: int | None = 40,
    whole: Sequence[str] = (),
) -> str:
    """Render dict rows. `columns` picks and orders the columns for table/markdown/csv;
    json and jsonl always carry every key so nothing is lost in an export. Table cells
    are cut at `width`, except in the `whole` columns (a cut URL is no use)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    if not rows:
        return "(no rows)\n"
    cut = width if fmt == "table" else None
    body = [[_cell(r.get(c), None if c in whole else cut) for c in cols] for r in rows]
    if fmt == "markdown":
        body = [[md_escape(c) for c in row] for row in body]
        return tabulate(body, headers=cols, tablefmt="github") + "\n"
    return tabulate(body, headers=cols, tablefmt="simple") + "\n"


def md_escape(text: Any) -> str:
    """Make report text safe inside a markdown table cell."""
    if text is None:
        return ""
    s = str(text)
    for a, b in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("*", "\\*"),
                 ("_", "\\_"), ("`", "\\`"), ("[", "\\["), ("]", "\\]")):
        s = s.replace(a, b)
    return s.replace("\r", " ").replace("\n", " ")


# Characters a URL may keep inside a markdown link target; the rest are percent-encoded,
# so a "|", ")" or space in the URL cannot end the link or the table cell.
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"


def md_url(url: str | None) -> str | None:
    """A report's URL made safe as a markdown link target, or None when there is none or it
    is not a web address (a javascript: URL from a hostile header must not become a link)."""
    if not url or urlsplit(url.strip()).scheme.lower() not in ("http", "https"):
        return None
    return quote(url.strip(), safe=_URL_SAFE)
