"""Word (.docx) reports: paragraph and table text, one paragraph per line.

Needs python-docx, imported only when a .docx file is read.

Line numbers of a .docx report count paragraphs (empty ones included) and table rows
in document order: line n is the n-th paragraph, as in the .txt Word saves. A soft line
break (Shift+Enter) inside a paragraph starts a new line of its own.
"""

from __future__ import annotations

import io

from tracker.errors import InputError


def read_docx(data: bytes, name: str) -> str:
    """Text of a .docx file; line n of the result is the n-th paragraph or table row."""
    try:
        import docx  # python-docx
    except ImportError:
        raise InputError(f"{name}: reading .docx needs the python-docx package") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception as exc:  # not a zip, no document part, broken XML ...
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__})") from None
    lines = list(_block_lines(document))
    if not any(line.strip() for line in lines):
        raise InputError(f"{name}: the document has no text")
    return "\n".join(lines)


def _block_lines(document) -> list[str]:
    """Paragraphs and table rows in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    blocks = getattr(document, "iter_inner_content", None)  # python-docx >= 1.0
    for block in blocks() if blocks else document.paragraphs:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                # Cells spanning columns repeat; keep each once, in order.
                cells: list[str] = []
                for cell in row.cells:
                    if cell.text not in cells:
                        cells.append(cell.text)
                out.append("\t".join(c.replace("\n", " ") for c in cells))
    return out
