"""What the CLI does, callable from Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from tracker.errors import InputError
from tracker.extract import extract_targets
from tracker.ledger import documents, ledger_rows
from tracker.outcomes import extract_outcomes
from tracker.pipeline import read_report
from tracker.records import outcome_record, target_record
from tracker.render.scorecard import scorecard


def extract_file(
    path: str | Path,
    *,
    outcomes: bool = False,
    jurisdiction: str | None = None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """Targets (or outcomes) of one report as flat records; touches no ledger."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; extract reads one report file")
    report = read_report(path, jurisdiction=jurisdiction, year=year)
    if outcomes:
        return [outcome_record(o) for o in extract_outcomes(report)]
    return [target_record(t) for t in extract_targets(report)]


def scorecard_markdown(engine: Engine, jurisdiction: str, year: int) -> str:
    docs = documents(engine, jurisdiction=jurisdiction)
    if not docs:
        known = sorted({d.jurisdiction for d in documents(engine)})
        raise InputError(
            f"{jurisdiction}: not in the ledger (known: {', '.join(known) or 'none; run tracker ingest first'})"
        )
    rows = ledger_rows(engine, jurisdiction=jurisdiction, year=year)
    used = {r["target_doc"] for r in rows} | {r["outcome_doc"] for r in rows if r["outcome_doc"]}
    cited = [d for d in docs if d.name in used or d.review_year == year]
    return scorecard(jurisdiction, year, rows, cited)


def document_rows(engine: Engine) -> list[dict[str, Any]]:
    return [
        {
            "name": d.name, "jurisdiction": d.jurisdiction, "kind": d.kind,
            "delivered": d.delivered.isoformat() if d.delivered else None,
            "review_year": d.review_year, "plan_year": d.plan_year,
            "five_year_end": d.five_year_end, "encoding": d.encoding, "size": d.size,
            "sha256": d.sha256,
        }
        for d in documents(engine)
    ]
