"""Turn the bytes of a report file into text, choosing the reader by file extension.

Readers for .docx, .pdf and .html are imported only when such a file is read, so the
core needs none of their packages installed. For those formats, line numbers refer to
the lines of the extracted text (one per .docx paragraph, PDF text line, HTML block).
"""

from __future__ import annotations

from pathlib import PurePath

from tracker.readers.txt import decode_text

__all__ = ["decode_text", "read_text"]


def read_text(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding or format) for a report file's bytes; raise InputError."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".docx":
        from tracker.readers.docx import read_docx

        return read_docx(data, name), "docx"
    if suffix == ".pdf":
        from tracker.readers.pdf import read_pdf

        return read_pdf(data, name), "pdf"
    if suffix in (".html", ".htm"):
        from tracker.readers.html import read_html

        return read_html(data, name)
    return decode_text(data, name)
