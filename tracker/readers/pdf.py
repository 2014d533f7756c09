"""PDF reports with a text layer: the text of each page, pages one after the other.

Needs pypdf, imported only when a .pdf file is read. Scanned PDFs (no text layer) are
refused: reading them would need OCR.
"""

from __future__ import annotations

import io

from tracker.errors import InputError


def read_pdf(data: bytes, name: str) -> str:
    """Text of a PDF; sentences broken across lines and pages are joined later (normalise)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise InputError(f"{name}: reading .pdf needs the pypdf package") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # many published PDFs are "encrypted" with an empty password
        pages = [page.extract_text() or "" for page in reader.pages]
    except MemoryError:
        raise
    except Exception as exc:  # a damaged file makes the parser fail in many ways
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    if not any(page.strip() for page in pages):
        raise InputError(f"{name}: the PDF has no text layer (a scan?); convert it to text first")
    return "\n".join(pages)
