"""Side by side across jurisdictions and years: met rates, and promised vs achieved
for the headline indicators listed in rules/headline.toml."""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Any

from tracker.grammar import to_base
from tracker.records import clean_number


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    measure: str


def headline_indicators() -> list[Headline]:
    data = tomllib.loads(resources.files("tracker.rules").joinpath("headline.toml").read_text("utf-8"))
    return [Headline(**h) for h in data["headline"]]


def _pick(rows: list[dict[str, Any]], h: Headline) -> dict[str, Any] | None:
    """The annual target for this headline indicator, preferring the wanted measure."""
    candidates = [r for r in rows if r.get("indicator_key") == h.key and r["horizon"] == "annual"
                  and r["kind"] == "quantitative"]
    candidates.sort(key=lambda r: (r.get("measure") != h.measure, r["line"]))
    return candidates[0] if candidates else None


def _promised_vs_achieved(r: dict[str, Any] | None) -> str:
    """"5.5% → 3% (-2.5) missed", in the target's own unit."""
    if r is None:
        return ""
    promised = f"{clean_number(r['value'])}{r['unit'] or ''}"
    if r["verdict"] == "pending":
        return f"{promised} → pending"
    if r.get("outcome_norm") is None or r.get("target_norm") is None:
        return f"{promised} → {r['verdict']}"
    unit = r.get("unit") or r.get("norm_unit") or ""
    scale, base = to_base(1.0, unit)
    if not scale or base != r.get("norm_unit"):
        unit, scale = r.get("norm_unit") or "", 1.0
    target, achieved = r["target_norm"] / scale, r["outcome_norm"] / scale
    gap = round(achieved - target, 4)
    return f"{target:g}{unit} → {achieved:g}{unit} ({gap:+g}) {r['verdict']}"


def compare_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per jurisdiction and year: verdict counts, met rate, headline indicators."""
    groups: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["horizon"] == "annual":
            groups[(r["jurisdiction"], r["target_year"])].append(r)
    out = []
    heads = headline_indicators()
    for (jurisdiction, year), group in sorted(groups.items()):
        counts = Counter(r["verdict"] for r in group)
        judged = counts["met"] + counts["missed"] + counts["unclear"]
        decided = counts["met"] + counts["missed"]
        row: dict[str, Any] = {
            "jurisdiction": jurisdiction,
            "year": year,
            "targets": len(group),
            "met": counts["met"],
            "missed": counts["missed"],
            "unclear": counts["unclear"],
            "pending": counts["pending"],
            # Share of targets met among those the follow-up report lets us decide.
            "met_rate": f"{counts['met'] / decided:.0%}" if decided else "",
            "checkable": f"{decided / judged:.0%}" if judged else "",
        }
        for h in heads:
            row[h.label] = _promised_vs_achieved(_pick(group, h))
        out.append(row)
    return out
