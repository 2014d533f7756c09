"""Bytes of a report file → a segmented Report (decode, normalise, segment)."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

from tracker.errors import InputError
from tracker.model import Report
from tracker.normalise import normalise
from tracker.readers import read_text
from tracker.segment import segment


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
    paragraphs = normalise(text)
    if not paragraphs:
        raise InputError(f"{name}: the file is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    report = segment(paragraphs, name, sha256, jurisdiction=jurisdiction, year=year)
    report.encoding = encoding
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
