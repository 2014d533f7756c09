"""What the CLI does, callable from Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from tracker.errors import InputError
from tracker.extract import extract_targets
from tracker.queries import documents, ledger_rows, outcome_rows
from tracker.render.chart import verdict_bar_svg
from tracker.render.compare import compare_rows
from tracker.outcomes import extract_outcomes
from tracker.batch import load_report_bytes
from tracker.pipeline import report_from_bytes
from tracker.records import outcome_record, target_record
from tracker.render.scorecard import headline, scorecard
from tracker.store.tables import DocumentRow

# Re-exported for the CLI and for users of the library.
__all__ = [
    "compare", "document_rows", "export_rows", "extract_file", "headline", "ledger_rows",
    "numbered_text", "scorecard_markdown", "verdict_bar_svg", "write_scorecards",
]


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
    report = report_from_bytes(load_report_bytes(path), path.name, jurisdiction=jurisdiction, year=year)
    if outcomes:
        return [outcome_record(o) for o in extract_outcomes(report)]
    return [target_record(t) for t in extract_targets(report)]


def numbered_text(path: str | Path, *, first: int = 1, last: int | None = None) -> list[dict[str, Any]]:
    """The text a report's line numbers refer to: for .txt the file's own lines, for
    .docx/.pdf/.html the lines of the text read out of it."""
    from tracker.readers import read_text

    path = Path(path)
    text, _ = read_text(load_report_bytes(path), path.name)
    lines = text.splitlines()
    stop = len(lines) if last is None else min(last, len(lines))
    return [{"line": n, "text": lines[n - 1]} for n in range(max(first, 1), stop + 1)]


def scorecard_markdown(engine: Engine, jurisdiction: str, year: int, *, chart: str | None = None) -> str:
    docs = documents(engine, jurisdiction=jurisdiction)
    if not docs:
        known = sorted({d.jurisdiction for d in documents(engine)})
        raise InputError(
            f"{jurisdiction}: not in the ledger (known: {', '.join(known) or 'none; run tracker ingest first'})"
        )
    rows = ledger_rows(engine, jurisdiction=jurisdiction, year=year)
    return scorecard(jurisdiction, year, rows, _cited(docs, rows, year), chart=chart)


def _cited(docs: list[DocumentRow], rows: list[dict[str, Any]], year: int) -> list[DocumentRow]:
    used = {r["target_doc"] for r in rows} | {r["outcome_doc"] for r in rows if r["outcome_doc"]}
    return [d for d in docs if d.name in used or d.review_year == year]


def write_scorecards(engine: Engine, folder: str | Path) -> list[Path]:
    """One markdown scorecard and its SVG bar per jurisdiction and year, into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = ledger_rows(engine)
    docs = documents(engine)
    slots = sorted({(r["jurisdiction"], r["target_year"]) for r in rows if r["horizon"] == "annual"})
    written = []
    for jurisdiction, year in slots:
        mine = [r for r in rows if r["jurisdiction"] == jurisdiction and r["target_year"] == year]
        stem = f"{jurisdiction}-{year}"
        svg = folder / f"{stem}.svg"
        svg.write_text(verdict_bar_svg(mine, f"{jurisdiction} {year}: {headline(mine)}"), encoding="utf-8")
        md = folder / f"{stem}.md"
        in_place = [d for d in docs if d.jurisdiction == jurisdiction]
        md.write_text(scorecard(jurisdiction, year, mine, _cited(in_place, mine, year), chart=svg.name),
                      encoding="utf-8")
        written.append(md)
    return written


def compare(engine: Engine, *, jurisdiction: str | None = None) -> list[dict[str, Any]]:
    return compare_rows(ledger_rows(engine, jurisdiction=jurisdiction))


def export_rows(engine: Engine, what: str) -> list[dict[str, Any]]:
    """Rows for `tracker export`: ledger (targets with verdicts), outcomes or documents."""
    if what == "ledger":
        return ledger_rows(engine)
    if what == "outcomes":
        return outcome_rows(engine)
    if what == "documents":
        return document_rows(engine)
    raise InputError(f"{what}: nothing to export by that name; use ledger, outcomes or documents")


def document_rows(engine: Engine) -> list[dict[str, Any]]:
    return [
        {
            "name": d.name, "jurisdiction": d.jurisdiction, "kind": d.kind,
            "delivered": d.delivered.isoformat() if d.delivered else None,
            "review_year": d.review_year, "plan_year": d.plan_year,
            "five_year_end": d.five_year_end, "encoding": d.encoding, "size": d.size,
            "sha256": d.sha256, "source_url": d.source_url, "title": d.title,
        }
        for d in documents(engine)
    ]
