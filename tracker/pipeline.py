"""Bytes of a report file → a segmented Report (decode, normalise, segment)."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

from tracker.errors import InputError
from tracker.model import Report
from tracker.normalise import normalise
from tracker.readers import read_text
from tracker.readers.markdown import is_markdown, read_markdown
from tracker.segment import segment


# Formats whose text comes out of a reader, never Markdown source.
BINARY_OR_MARKUP = (".docx", ".pdf", ".html", ".htm")


def report_from_bytes(
    data: bytes,
    name: str,
    *,
    jurisdiction: str | None = None,
    year: int | None = None,
) -> Report:
    """Read a report from its bytes; `name` is used to cite it (its basename is kept)."""
    name = PurePath(name).name
    text, encoding = read_text(data, name)
    markdown = PurePath(name).suffix.lower() not in BINARY_OR_MARKUP and is_markdown(text, name)
    source_url = title = None
    marked: set[int] = set()
    if markdown:
        md = read_markdown(text)
        text, source_url, title, marked = md.text, md.source_url, md.title, md.heading_lines
    paragraphs = normalise(text, marked=marked, blank_ends_paragraph=markdown)
    if not paragraphs:
        raise InputError(f"{name}: the file is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    report = segment(paragraphs, name, sha256, jurisdiction=jurisdiction, year=year, title=title)
    report.encoding = encoding
    report.source_url, report.title = source_url, title
    return report


def read_report(
    path: str | Path,
    *,
    jurisdiction: str | None = None,
    year: int | None = None,
) -> Report:
    """Read, normalise and segment the report file at `path`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read the file ({exc.strerror or exc})") from None
    return report_from_bytes(data, path.name, jurisdiction=jurisdiction, year=year)
