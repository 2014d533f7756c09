"""Flat dict views of targets, outcomes and verdicts: the shape every output format prints.

Key order here is the column order of tables, CSV and JSONL.
"""

from __future__ import annotations

from typing import Any

from tracker.model import Outcome, Target

TARGET_KEYS = (
    "line", "span", "kind", "indicator", "comparator", "value", "value_max", "unit",
    "target_year", "horizon", "measure", "polarity", "relation", "stage", "quote",
)
OUTCOME_KEYS = (
    "line", "span", "indicator", "comparator", "value", "unit", "year", "measure",
    "provisional", "period", "stage", "statement", "quote",
)
LEDGER_KEYS = (
    "id", "jurisdiction", "target_doc", "target_source", "line", "span", "kind", "indicator", "indicator_key",
    "measure", "comparator", "value", "value_max", "unit", "target_year", "horizon",
    "verdict", "machine_verdict", "reason_code", "provisional", "reason",
    "outcome_doc", "outcome_source", "outcome_line", "outcome_span", "target_norm", "outcome_norm", "norm_unit",
    "rule", "reviewed_by", "review_note", "quote", "outcome_quote",
    # what later reports say: met late or dropped, and figures restated (tracker/followup.py, restated.py)
    "followup", "followup_year", "followup_doc", "followup_line", "followup_quote", "followup_source",
    "followup_searched", "restated", "restated_note", "restated_doc", "restated_line",
)


def clean_number(value: float | None) -> float | int | None:
    """Print 5 rather than 5.0, and keep 4.5 as it is."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def target_record(t: Target) -> dict[str, Any]:
    rec = {k: getattr(t, k) for k in TARGET_KEYS}
    rec["value"] = clean_number(t.value)
    rec["value_max"] = clean_number(t.value_max)
    return rec


def outcome_record(o: Outcome) -> dict[str, Any]:
    rec = {k: getattr(o, k) for k in OUTCOME_KEYS}
    rec["value"] = clean_number(o.value)
    return rec
