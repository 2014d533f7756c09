"""tracker: did this government do what it said it would?

The library API, importable lazily so `tracker --help` stays quick:

    import tracker
    report = tracker.read_report("seeds/corpus/hailar-2013-gwr.txt")
    targets = tracker.extract_targets(report)
    engine = tracker.open_engine("ledger.db")
    tracker.ingest(engine, ["seeds"])
    rows = tracker.ledger_rows(engine, jurisdiction="海拉尔区", verdict="missed")
"""

from __future__ import annotations

import importlib
from typing import Any

_API = {
    "read_report": "tracker.pipeline",
    "report_from_bytes": "tracker.pipeline",
    "extract_targets": "tracker.extract",
    "extract_outcomes": "tracker.outcomes",
    "judge": "tracker.judge",
    "open_engine": "tracker.store.database",
    "ingest": "tracker.ledger",
    "ingest_extracted": "tracker.ledger",
    "update": "tracker.ledger",
    "review": "tracker.ledger",
    "ledger_rows": "tracker.queries",
    "documents": "tracker.queries",
    "history": "tracker.queries",
    "scorecard_markdown": "tracker.api",
    "write_scorecards": "tracker.api",
    "compare": "tracker.api",
    "export_rows": "tracker.api",
    "extract_file": "tracker.api",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'tracker' has no attribute {name!r}")
