"""Inline SVG charts for the site: small, self-contained, readable without a script.

Text in the charts inherits the page's font (the Chinese font stack of style.py), so
labels in Chinese render as the rest of the page does."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from tracker.render.chart import COLOURS, ORDER

LABEL = {"met": "达成", "missed": "未达成", "unclear": "无法判断", "pending": "待核"}


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _legend(y: int, counts: Mapping[str, int] | None = None) -> list[str]:
    parts, x = [], 0
    for verdict in ORDER:
        label = LABEL[verdict] + (f" {counts.get(verdict, 0)}" if counts is not None else "")
        parts.append(
            f'<rect x="{x}" y="{y}" width="11" height="11" fill="{COLOURS[verdict]}"/>'
            f'<text x="{x + 15}" y="{y + 10}">{escape(label)}</text>'
        )
        x += 24 + 14 * len(label)
    return parts


def verdict_bar(counts: Mapping[str, int], title: str, width: int = 640) -> str:
    """One stacked bar: how many targets were met, missed, unclear, pending."""
    total = sum(counts.get(v, 0) for v in ORDER) or 1
    top, bar_h = 4, 26
    body, x = [], 0.0
    for verdict in ORDER:
        n = counts.get(verdict, 0)
        if not n:
            continue
        w = width * n / total
        body.append(
            f'<rect x="{x:.1f}" y="{top}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[verdict]}">'
            f"<title>{LABEL[verdict]} {n}</title></rect>"
        )
        if w > 30:
            body.append(f'<text x="{x + 6:.1f}" y="{top + 18}" fill="#fff">{n}</text>')
        x += w
    body += _legend(top + bar_h + 10, counts)
    return _svg(width, top + bar_h + 28, title, body)


def years_chart(by_year: Sequence[tuple[int, Mapping[str, int]]], title: str, width: int = 640) -> str:
    """A stacked column per year, with the met rate (met of met + missed) above it."""
    if not by_year:
        return ""
    height, top, bottom = 220, 22, 40
    plot_h = height - top - bottom
    most = max(sum(c.get(v, 0) for v in ORDER) for _, c in by_year) or 1
    step = width / len(by_year)
    col_w = min(48.0, step * 0.7)
    body = [f'<line x1="0" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" stroke="#888"/>']
    for i, (year, counts) in enumerate(by_year):
        x = i * step + (step - col_w) / 2
        y = float(top + plot_h)
        for verdict in ORDER:
            n = counts.get(verdict, 0)
            if not n:
                continue
            h = plot_h * n / most
            y -= h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{col_w:.1f}" height="{h:.1f}" fill="{COLOURS[verdict]}">'
                f"<title>{year}年 {LABEL[verdict]} {n}</title></rect>"
            )
        decided = counts.get("met", 0) + counts.get("missed", 0)
        if decided:
            rate = f"{counts.get('met', 0) / decided:.0%}"
            body.append(f'<text x="{x + col_w / 2:.1f}" y="{y - 5:.1f}" text-anchor="middle">{rate}</text>')
        body.append(
            f'<text x="{x + col_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{year}</text>'
        )
    body += _legend(height - 14)
    return _svg(width, height, title, body)


def target_outcome_chart(
    points: Sequence[tuple[int, float | None, float | None, str]], unit: str, title: str, width: int = 420
) -> str:
    """Target (hollow ring) and outcome (dot in its verdict's colour) per year, for one
    indicator; a dashed line joins the targets, a solid one the outcomes."""
    values = [v for _, t, o, _ in points for v in (t, o) if v is not None]
    if not values:
        return ""
    height, left, right, top, bottom = 170, 56, 12, 12, 40
    lo, hi = min(values + [0.0]), max(values)
    if hi == lo:
        hi = lo + 1
    years = [p[0] for p in points]
    y0, y1 = min(years), max(years)
    span = max(y1 - y0, 1)

    def px(year: int) -> float:
        return left + (width - left - right) * ((year - y0) / span if y1 > y0 else 0.5)

    def py(v: float) -> float:
        return top + (height - top - bottom) * (1 - (v - lo) / (hi - lo))

    body = [
        f'<line x1="{left}" y1="{py(lo):.1f}" x2="{width - right}" y2="{py(lo):.1f}" stroke="#888"/>',
        f'<text x="{left - 6}" y="{py(hi) + 4:.1f}" text-anchor="end">{_num(hi)}{escape(unit)}</text>',
        f'<text x="{left - 6}" y="{py(lo) + 4:.1f}" text-anchor="end">{_num(lo)}</text>',
    ]
    for key, dash in ((1, ' stroke-dasharray="4 3"'), (2, "")):
        line = [(px(p[0]), py(p[key])) for p in points if p[key] is not None]
        if len(line) > 1:
            pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in line)
            body.append(f'<polyline points="{pts}" fill="none" stroke="#555"{dash}/>')
    for year, target, outcome, verdict in points:
        x = px(year)
        if target is not None:
            body.append(
                f'<circle cx="{x:.1f}" cy="{py(target):.1f}" r="5" fill="#fff" stroke="#333">'
                f"<title>{year}年 目标 {_num(target)}{escape(unit)}</title></circle>"
            )
        if outcome is not None:
            colour = COLOURS.get(verdict, "#555")
            body.append(
                f'<circle cx="{x:.1f}" cy="{py(outcome):.1f}" r="4.5" fill="{colour}">'
                f"<title>{year}年 实际 {_num(outcome)}{escape(unit)}（{LABEL.get(verdict, verdict)}）</title></circle>"
            )
        body.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">{year}</text>')
    body.append(
        f'<circle cx="{left}" cy="{height - 9}" r="4" fill="#fff" stroke="#333"/>'
        f'<text x="{left + 8}" y="{height - 5}">目标</text>'
        f'<circle cx="{left + 56}" cy="{height - 9}" r="4" fill="#555"/>'
        f'<text x="{left + 64}" y="{height - 5}">实际（颜色为判定）</text>'
    )
    return _svg(width, height, title, body)


def _num(x: float) -> str:
    return f"{round(x, 2):g}"
