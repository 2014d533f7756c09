"""PDF reports with a text layer: the text of each page, pages one after the other.

Needs pypdf, imported only when a .pdf file is read. Scanned PDFs (no text layer) are
refused: reading them would need OCR; so are truncated files (an interrupted download),
which a lenient parser would otherwise read in part.

Line numbers of a PDF report are lines of this extracted text (pypdf's text lines, page
after page, running headers and page numbers included), not positions on the page.
"""

from __future__ import annotations

import io

from tracker.errors import InputError

# How far from the start the %PDF header, and from the end the last %%EOF marker, may be
# (as far as PDF readers look): some files carry junk before or after.
EOF_WINDOW = 1024


def read_pdf(data: bytes, name: str) -> str:
    """Text of a PDF; sentences broken across lines and pages are joined later (normalise)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise InputError(f"{name}: reading .pdf needs the pypdf package") from None
    if b"%PDF-" not in data[:EOF_WINDOW]:  # readers allow junk before the header
        raise InputError(f"{name}: not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InputError(
            f"{name}: the PDF is cut short (no end-of-file marker); is the download complete?"
        )
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
