"""Rules as data: the TOML files in this folder, read once and checked.

    load(name)            the raw table of `<name>.toml` (cached)
    indicators()          list[IndicatorRule] from indicators.toml
    units()               UnitTable from units.toml
    comparators()         list[ComparatorWord] and range separators from comparators.toml
    target_words()        the raw tables of targets.toml (stages, leaders, relative patterns)

Files other modules own (outcome_words.toml, verdict_policy.toml) are read with load().
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).parent


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed contents of rules/<name>.toml."""
    with open(RULES_DIR / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class IndicatorRule:
    key: str
    name: str
    aliases: tuple[str, ...]
    polarity: int  # 1 more is better, -1 less is better
    measure: str = "none"
    heads: tuple[str, ...] = ()  # words that, after another indicator's alias, name this one


@dataclass(frozen=True)
class UnitInfo:
    name: str
    dimension: str
    factor: float  # base units per one of this unit
    counting: bool = False


@dataclass(frozen=True)
class UnitTable:
    magnitudes: dict[str, float]
    bases: dict[str, str]  # dimension -> base unit
    units: dict[str, UnitInfo]
    not_before: dict[str, str] = field(default_factory=dict)  # counter -> guard characters
    implied: dict[str, tuple[str, ...]] = field(default_factory=dict)  # unit -> nouns implying it
    implied_gap: int = 0


@dataclass(frozen=True)
class ComparatorWord:
    text: str
    place: str  # before | after | infix
    op: str  # >= <= ~ =
    approx: bool = False
    below: bool = False


INDICATOR_KEYS = {"key", "name", "aliases", "polarity", "measure", "heads"}
UNIT_KEYS = {"dimension", "factor", "counting"}
COMPARATOR_KEYS = {"text", "place", "op", "approx", "below"}


@cache
def indicators() -> tuple[IndicatorRule, ...]:
    out = []
    for row in load("indicators")["indicator"]:
        out.append(
            IndicatorRule(
                key=row["key"],
                name=row["name"],
                aliases=tuple(row["aliases"]),
                polarity=int(row["polarity"]),
                measure=row.get("measure", "none"),
                heads=tuple(row.get("heads", ())),
            )
        )
    return tuple(out)


@cache
def units() -> UnitTable:
    data = load("units")
    bases = dict(data["bases"])
    table: dict[str, UnitInfo] = {}
    for name, row in data["unit"].items():
        table[name] = UnitInfo(name, row["dimension"], float(row["factor"]), bool(row.get("counting", False)))
    # Counters compare only with themselves: 3所 is never 3家.
    for name in data["counters"]["units"]:
        dim = f"count:{name}"
        bases[dim] = name
        table.setdefault(name, UnitInfo(name, dim, 1.0, True))
    return UnitTable(
        magnitudes={k: float(v) for k, v in data["magnitudes"].items()},
        bases=bases,
        units=table,
        not_before=dict(data["counters"].get("not_before", {})),
        implied={u: tuple(ns) for u, ns in data.get("implied", {}).items() if isinstance(ns, list)},
        implied_gap=int(data.get("implied", {}).get("max_gap", 0)),
    )


@cache
def comparators() -> tuple[tuple[ComparatorWord, ...], tuple[str, ...]]:
    data = load("comparators")
    words = tuple(
        ComparatorWord(
            w["text"], w["place"], w["op"], bool(w.get("approx", False)), bool(w.get("below", False))
        )
        for w in data["word"]
    )
    return words, tuple(data["range"]["separators"])


def target_words() -> dict[str, Any]:
    return load("targets")
