"""The headline panel: for each jurisdiction and year, the one annual target a report sets
for each of nine headline indicators (rules/panel.toml), the outcome the next report
gives, the verdict, and where both were read (document, line, source URL).

    panel_rows(engine, jurisdiction=, indicators=, year=)   the panel, one row per target
    place(jurisdiction)                                     level, province, parent (divisions)
    panel_counts(rows, report_slots(engine))                found / decided per indicator and year
    amplification(rows)                                     GDP targets by level and year, against
                                                            the parent's target the same year
    national_targets()                                      the national GDP targets of public
                                                            record (rules/national_targets.tsv)

Every figure is the ledger's: the panel only picks (`eligible`, `_rank`) and puts the
outcome back into the target's own unit. The one exception is a province's parent target
in `amplification` for a year with no national report in the ledger: that comes from the
public record, and the output says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from statistics import mean
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tracker import rules
from tracker.detect import NATIONAL
from tracker.divisions import Division, lookup, parent_of, province_of
from tracker.errors import InputError
from tracker.grammar import to_base
from tracker.queries import ledger_rows
from tracker.records import clean_number
from tracker.store.tables import DocumentRow

PANEL_KEYS = (
    "jurisdiction", "level", "province", "year", "indicator", "label", "measure", "comparator",
    "target_value", "target_value_max", "unit", "outcome_value", "gap", "verdict",
    "target_doc", "target_line", "target_quote", "target_source",
    "outcome_doc", "outcome_line", "outcome_quote", "outcome_source",
    # more, for a reader checking the pick
    "kind", "variant", "polarity", "outcome_unit", "reason_code", "machine_verdict", "target_span",
    "outcome_span", "parent", "target_id",
)
DECIDED = ("met", "missed")
NATIONAL_LEVEL = "national"
LEVEL_ORDER = (NATIONAL_LEVEL, "province", "prefecture", "county")


@dataclass(frozen=True)
class PanelIndicator:
    key: str  # indicator key of indicators.toml
    label: str  # what a reader sees
    measures: tuple[str, ...]  # accepted measures, the preferred first
    units: tuple[str, ...]  # accepted units of a quantitative target
    polarity: int  # from indicators.toml
    names: tuple[str, ...] = ()  # how spans write the indicator; "before" ends at the first
    not_before: tuple[str, ...] = ()  # words before the name that make it another figure
    variants: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, words), in order of preference

    def head(self, span: str) -> str:
        """The words of a span before the indicator's name (the whole span without names)."""
        cuts = [span.find(w) for w in self.names if w in span]
        return span[: min(cuts)] if cuts else span


@cache
def panel_indicators() -> tuple[PanelIndicator, ...]:
    polarity = {r.key: r.polarity for r in rules.indicators()}
    out = []
    for row in rules.load("panel")["panel"]:
        out.append(PanelIndicator(
            key=row["key"], label=row["label"], measures=tuple(row["measures"]), units=tuple(row["units"]),
            polarity=polarity[row["key"]],
            names=tuple(row.get("names", ())), not_before=tuple(row.get("not_before", ())),
            variants=tuple((v["name"], tuple(v["words"])) for v in row.get("variants", ())),
        ))
    return tuple(out)


def _chosen(indicators: list[str] | None) -> list[PanelIndicator]:
    known = {p.key: p for p in panel_indicators()}
    if not indicators:
        return list(known.values())
    unknown = [k for k in indicators if k not in known]
    if unknown:
        raise InputError(f"{', '.join(unknown)}: not a panel indicator; choose from {', '.join(known)}")
    return [known[k] for k in indicators]


def variant_of(span: str, ind: PanelIndicator) -> tuple[int, str | None]:
    """Which population a target speaks of: (0, None) for all residents, else the variant's
    rank and name. Only the words before the indicator's name count."""
    if not ind.variants:
        return 0, None
    head = ind.head(span)
    for rank, (name, words) in enumerate(ind.variants, start=1):
        if any(w in head for w in words):
            return rank, name
    return 0, None


@cache
def _pick() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in rules.load("panel")["pick"].items()}


def _rank(r: dict[str, Any], ind: PanelIndicator) -> tuple:
    """The headline target first: quantitative, preferred measure, in the sentence of the
    year's main targets, all residents, then the first in the report."""
    marked = any(w in (r.get("quote") or "") for w in _pick()["headline_marks"])
    return (r["kind"] != "quantitative", ind.measures.index(r["measure"]) if r["measure"] in ind.measures else 0,
            not marked, variant_of(r["span"], ind)[0], r["target_doc"], r["line"])


def eligible(r: dict[str, Any], ind: PanelIndicator) -> bool:
    """Whether a ledger row may be the panel's target for `ind` (see rules/panel.toml)."""
    if r["indicator_key"] != ind.key or r["horizon"] != "annual":
        return False
    if any(w in r["span"] for w in _pick()["period_words"]):
        return False  # "生产总值年均增长12%以上": a goal for several years
    if ind.not_before and any(w in ind.head(r["span"]) for w in ind.not_before):
        return False
    if r["kind"] == "quantitative":
        return r["measure"] in ind.measures and r["unit"] in ind.units
    return r["kind"] == "relative"


def _num(x: float | None) -> float | int | None:
    # 274.39999999999998 → 274.4: the stored floats went through unit scaling.
    return None if x is None else clean_number(round(float(x), 6))


def _in_unit(norm: float | None, norm_unit: str | None, unit: str | None) -> tuple[float | None, str | None]:
    """A normalised number back in the target's own unit (12690000 人 → 1269 万人)."""
    if norm is None:
        return None, None
    scale, base = to_base(1.0, unit)
    if unit and scale and base == norm_unit:
        return norm / scale, unit
    return norm, norm_unit


@cache
def _place(jurisdiction: str) -> tuple[str | None, Division | None]:
    if jurisdiction == NATIONAL:
        return NATIONAL_LEVEL, None
    found = lookup(jurisdiction)
    return (found[0].level, found[0]) if found else (None, None)


def _parent(d: Division) -> Division | None:
    """A prefecture's province (whatever lies between), else the division one level up."""
    return province_of(d) if d.level == "prefecture" else parent_of(d)


def place(jurisdiction: str) -> dict[str, str | None]:
    """Level, province and parent of a jurisdiction, from the admin-division data. A
    province's parent is 全国; a prefecture's its province; a county's the division one
    level up (a prefecture, or the municipality for a district of 天津)."""
    level, d = _place(jurisdiction)
    if d is None:
        return {"level": level, "province": None, "parent": None}
    province = province_of(d)
    up = _parent(d)
    parent = NATIONAL if d.level == "province" else (up.name if up else None)
    return {"level": level, "province": province.name if province else None, "parent": parent}


def _row(r: dict[str, Any], ind: PanelIndicator) -> dict[str, Any]:
    where = place(r["jurisdiction"])
    outcome, outcome_unit = _in_unit(r["outcome_norm"], r["norm_unit"], r["unit"])
    target, _ = _in_unit(r["target_norm"], r["norm_unit"], r["unit"])
    gap = None
    # A relative target ("与经济增长同步") has no number of its own to subtract.
    if r["kind"] == "quantitative" and outcome is not None and target is not None \
            and outcome_unit == (r["unit"] or r["norm_unit"]):
        gap = round(outcome - target, 4)
    row = {
        "jurisdiction": r["jurisdiction"], "level": where["level"], "province": where["province"],
        "year": r["target_year"], "indicator": ind.key, "label": ind.label,
        "measure": r["measure"], "comparator": r["comparator"],
        "target_value": r["value"], "target_value_max": r["value_max"], "unit": r["unit"],
        "outcome_value": _num(outcome), "gap": _num(gap), "verdict": r["verdict"],
        "target_doc": r["target_doc"], "target_line": r["line"], "target_quote": r["quote"],
        "target_source": r["target_source"],
        "outcome_doc": r["outcome_doc"], "outcome_line": r["outcome_line"], "outcome_quote": r["outcome_quote"],
        "outcome_source": r["outcome_source"],
        "kind": r["kind"], "variant": variant_of(r["span"], ind)[1], "polarity": ind.polarity,
        "outcome_unit": outcome_unit, "reason_code": r["reason_code"], "machine_verdict": r["machine_verdict"],
        "target_span": r["span"], "outcome_span": r["outcome_span"], "parent": where["parent"],
        "target_id": r["id"],
    }
    return row


def panel_rows(
    engine: Engine, *, jurisdiction: str | None = None, indicators: list[str] | None = None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """The panel: per jurisdiction, year and indicator, the headline annual target and its
    outcome, verdict and citations. Only slots where a report set such a target appear."""
    chosen = _chosen(indicators)
    by_slot: dict[tuple[str, int, str], list[dict[str, Any]]] = defaultdict(list)
    for r in ledger_rows(engine, jurisdiction=jurisdiction, year=year):
        for ind in chosen:
            if eligible(r, ind):
                by_slot[(r["jurisdiction"], r["target_year"], ind.key)].append(r)
    order = {ind.key: i for i, ind in enumerate(chosen)}
    rows = []
    for (j, y, key), found in sorted(by_slot.items(), key=lambda kv: (kv[0][0], kv[0][1], order[kv[0][2]])):
        ind = chosen[order[key]]
        rows.append(_row(min(found, key=lambda r: _rank(r, ind)), ind))
    return rows


def report_slots(engine: Engine, *, jurisdiction: str | None = None) -> dict[int, int]:
    """How many jurisdictions have a report planning each year: the most a year can find."""
    with Session(engine) as session:
        query = select(DocumentRow.jurisdiction, DocumentRow.plan_year)
        if jurisdiction:
            query = query.where(DocumentRow.jurisdiction == jurisdiction)
        pairs = set(session.exec(query).all())
    counts: dict[int, int] = defaultdict(int)
    for _, y in pairs:
        counts[y] += 1
    return dict(counts)


def panel_counts(rows: list[dict[str, Any]], slots: dict[int, int] | None = None) -> list[dict[str, Any]]:
    """Per indicator and year: reports, targets found, decided (met or missed), met, missed,
    unclear, pending."""
    groups: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[(r["indicator"], r["year"])].append(r)
    order = {p.key: i for i, p in enumerate(panel_indicators())}
    out = []
    for (key, y), group in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1])):
        verdicts = [r["verdict"] for r in group]
        out.append({
            "indicator": key, "label": group[0]["label"], "year": y,
            "reports": (slots or {}).get(y), "found": len(group),
            "decided": sum(v in DECIDED for v in verdicts),
            **{v: verdicts.count(v) for v in ("met", "missed", "unclear", "pending")},
        })
    return out


NATIONAL_TARGET_COLUMNS = ("year", "stated", "value", "value_max", "comparator", "source", "note")
REPORT, PUBLIC_RECORD = "report", "public record"  # where a parent's target came from


@dataclass(frozen=True)
class NationalTarget:
    """One row of rules/national_targets.tsv: a year's national GDP growth target as the
    national report states it, from public reporting."""
    year: int
    stated: str  # "8%左右", "6.5%—7%"; words, not a number, for a year without one
    value: float | None  # None: no numeric target that year (2020)
    value_max: float | None  # the upper end of a range
    comparator: str | None  # as tracker/grammar.py reads `stated`
    source: str
    note: str = ""

    @property
    def point(self) -> float | None:
        """The number it stands for in averages, as `target_point` for a report's target."""
        if self.value is None:
            return None
        return (self.value + self.value_max) / 2 if self.value_max is not None else self.value

    def agrees(self, r: dict[str, Any]) -> bool:
        """Whether a panel row states the same target (value, range end, comparator, %)."""
        return (r["comparator"], r["target_value"], r["target_value_max"], r["unit"]) == (
            self.comparator, self.value, self.value_max, "%") and self.value is not None


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


@cache
def national_targets() -> dict[int, NationalTarget]:
    """The national GDP growth targets of public record, by year (rules/national_targets.tsv)."""
    text = resources.files("tracker.rules").joinpath("national_targets.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if tuple(lines[0].split("\t")) != NATIONAL_TARGET_COLUMNS:
        raise ValueError(f"national_targets.tsv: header is not {NATIONAL_TARGET_COLUMNS}")
    out: dict[int, NationalTarget] = {}
    for line in lines[1:]:
        year, stated, value, value_max, comparator, source, note = line.split("\t")
        if int(year) in out:
            raise ValueError(f"national_targets.tsv: {year} twice")
        out[int(year)] = NationalTarget(int(year), stated, _float(value), _float(value_max), comparator or None,
                                        source, note)
    return out


def target_point(r: dict[str, Any]) -> float | None:
    """The number a target stands for, for averaging: the value, or a range's midpoint."""
    if r["kind"] != "quantitative" or r["target_value"] is None or r["unit"] != "%":
        return None
    low, high = r["target_value"], r["target_value_max"]
    return (low + high) / 2 if high is not None else float(low)


def amplification(
    rows: list[dict[str, Any]], *, indicator: str = "gdp", public: dict[int, float] | None = None,
) -> list[dict[str, Any]]:
    """Top-down amplification: per level and year, the mean target and, for each
    jurisdiction whose parent (全国 for a province, the province for a city) set a target
    the same year, the mean of its own target minus the parent's, with how many were above,
    equal or below, and the mean of the parents' targets. Ranges count at their midpoint;
    only growth targets in %.

    A province's parent target is the national report's when `rows` hold one for the year,
    else `public[year]`; `public` defaults to the national GDP targets of public record
    (rules/national_targets.tsv) for GDP, to none for other indicators. `parent_source`
    says which: "report", "public record", or None when no pair was found. A city's or
    county's parent target is always its parent's report (no public record below 全国)."""
    if public is None:
        public = {y: t.point for y, t in national_targets().items() if t.point is not None} \
            if indicator == "gdp" else {}
    points: dict[tuple[str, int], float] = {}
    levels: dict[tuple[str, int], str] = {}
    parents: dict[tuple[str, int], str | None] = {}
    for r in rows:
        if r["indicator"] != indicator or r["measure"] != "growth" or r["level"] is None:
            continue
        p = target_point(r)
        if p is None:
            continue
        code, parent = _codes(r["jurisdiction"])
        key = (code, r["year"])
        points[key], levels[key], parents[key] = p, r["level"], parent
    # (own target, parent's target or None, where the parent's came from)
    groups: dict[tuple[str, int], list[tuple[float, float | None, str | None]]] = defaultdict(list)
    for key, p in points.items():
        parent, year = parents[key], key[1]
        up, source = (points.get((parent, year)), REPORT) if parent else (None, None)
        if up is None and parent == NATIONAL and year in public:
            up, source = public[year], PUBLIC_RECORD
        groups[(levels[key], year)].append((p, up, source if up is not None else None))
    out = []
    rank = {lv: i for i, lv in enumerate(LEVEL_ORDER)}
    for (level, y), found in sorted(groups.items(), key=lambda kv: (kv[0][1], rank.get(kv[0][0], 9))):
        paired = [(p, up) for p, up, _ in found if up is not None]
        diffs = [p - up for p, up in paired]
        sources = sorted({s for _, _, s in found if s})
        out.append({
            "level": level, "year": y, "targets": len(found),
            "mean_target": round(mean(p for p, _, _ in found), 2),
            "with_parent": len(diffs),
            "mean_over_parent": round(mean(diffs), 2) if diffs else None,
            "above": sum(d > 1e-9 for d in diffs), "equal": sum(abs(d) <= 1e-9 for d in diffs),
            "below": sum(d < -1e-9 for d in diffs),
            "mean_parent": round(mean(up for _, up in paired), 2) if paired else None,
            # A province-year has one parent (全国), so one source; a city's is always a report.
            "parent_source": ", ".join(sources) or None,
        })
    return out


def _codes(jurisdiction: str) -> tuple[str, str | None]:
    """The division codes of a place and of its parent: one key per place whatever its
    name in the report (浙江 / 浙江省; 襄樊市 / 襄阳市). 全国 is its own key."""
    level, d = _place(jurisdiction)
    if d is None:
        return jurisdiction, None
    if d.level == "province":
        return d.code, NATIONAL
    up = _parent(d)
    return d.code, up.code if up else None
