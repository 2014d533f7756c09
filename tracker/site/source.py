"""A stored report's lines, numbered as every citation numbers them.

The ledger keeps each report's original bytes; they are read back with the same reader
ingest used (tracker/readers) and split where ingest splits (normalise.split_lines), so
line N here is the line N a target or outcome cites. Markdown keeps its markup: the
citation counts the file's lines, and the reader sees the file as published."""

from __future__ import annotations

from tracker.errors import InputError
from tracker.normalise import split_lines
from tracker.readers import read_text


def report_lines(content: bytes, name: str) -> list[str]:
    """The lines of a report file (1-based citation N is item N - 1)."""
    try:
        text, _ = read_text(content, name)
    except InputError:
        return []
    return split_lines(text.lstrip("\ufeff"))
