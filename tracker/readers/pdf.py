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
        from pypdf.errors import PdfReadError
    except ImportError:
        raise InputError(f"{name}: reading .pdf needs the pypdf package") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    except Exception as exc:  # pypdf raises many kinds on damaged or protected files
        if type(exc).__module__.startswith("pypdf"):
            raise InputError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
        raise
    if not any(page.strip() for page in pages):
        raise InputError(f"{name}: the PDF has no text layer (a scan?); convert it to text first")
    return "\n".join(pages)
