"""A small SVG bar of met / missed / unclear / pending that a reader takes in at a glance."""

from __future__ import annotations

from collections import Counter
from typing import Any
from xml.sax.saxutils import escape

COLOURS = {"met": "#2e7d32", "missed": "#c62828", "unclear": "#9e9e9e", "pending": "#f9a825"}
ORDER = ("met", "missed", "unclear", "pending")


def verdict_bar_svg(rows: list[dict[str, Any]], title: str, width: int = 600) -> str:
    counts = Counter(r["verdict"] for r in rows)
    total = sum(counts[v] for v in ORDER) or 1
    bar_h, top = 28, 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + bar_h + 30}" '
        f'viewBox="0 0 {width} {top + bar_h + 30}" font-family="sans-serif" font-size="13">',
        f'<title>{escape(title)}</title>',
        f'<text x="0" y="18">{escape(title)}</text>',
    ]
    x = 0.0
    for verdict in ORDER:
        n = counts[verdict]
        if not n:
            continue
        w = width * n / total
        parts.append(
            f'<rect x="{x:.1f}" y="{top}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[verdict]}">'
            f"<title>{verdict}: {n}</title></rect>"
        )
        if w > 40:
            parts.append(
                f'<text x="{x + 6:.1f}" y="{top + 19}" fill="#fff">{n}</text>'
            )
        x += w
    legend_x = 0
    for verdict in ORDER:
        parts.append(
            f'<rect x="{legend_x}" y="{top + bar_h + 10}" width="10" height="10" fill="{COLOURS[verdict]}"/>'
            f'<text x="{legend_x + 14}" y="{top + bar_h + 20}">{verdict} {counts[verdict]}</text>'
        )
        legend_x += 110
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
