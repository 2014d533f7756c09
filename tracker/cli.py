"""The `tracker` command: a thin layer over the library. Each command opens the ledger,
calls one library function and prints; library errors become one line and an exit code."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from tracker.errors import TrackerError

app = typer.Typer(
    help=(
        "Check Chinese government work-report targets against the next year's report.\n\n"
        "Ingest reports into a ledger, then list targets with their verdict "
        "(met / missed / unclear, or pending while the follow-up report is missing) "
        "and print markdown scorecards."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class Format(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class VerdictChoice(str, Enum):
    met = "met"
    missed = "missed"
    unclear = "unclear"
    pending = "pending"


DbOption = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        envvar="TRACKER_DB",
        help="Ledger: a SQLite file path or a SQLAlchemy URL (default: $TRACKER_DB, "
        "else ~/.local/share/tracker/ledger.db).",
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
JurisdictionOverride = Annotated[
    Optional[str],
    typer.Option("--jurisdiction", "-j", help="Jurisdiction, when the report does not say it clearly (e.g. 静海区)."),
]
YearOverride = Annotated[
    Optional[int],
    typer.Option("--year", "-y", help="Year the report plans for, when it cannot be detected."),
]

_state: dict[str, Optional[str]] = {"db": None}


@app.callback()
def _main(db: DbOption = None) -> None:
    _state["db"] = db


def _engine():
    from tracker.store.database import open_engine

    return open_engine(_state["db"])


def _fail(exc: Exception, code: int = 1) -> None:
    typer.echo(f"tracker: error: {exc}", err=True)
    raise typer.Exit(code)


def _echo(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    return lambda msg: typer.echo(f"  {msg}", err=True)


TARGET_COLUMNS = ["line", "kind", "indicator", "comparator", "value", "unit", "target_year", "horizon", "span"]
OUTCOME_COLUMNS = ["line", "indicator", "value", "unit", "measure", "provisional", "year", "span"]
LEDGER_COLUMNS = ["id", "jurisdiction", "target_year", "verdict", "reason_code", "span",
                  "outcome_span", "target_doc", "line"]


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A report file (.txt; UTF-8 or GB18030).")],
    outcomes: Annotated[bool, typer.Option("--outcomes", help="List outcomes from the review part instead of targets.")] = False,
    fmt: FormatOption = Format.table,
    jurisdiction: JurisdictionOverride = None,
    year: YearOverride = None,
) -> None:
    """Print the targets (or outcomes) found in one report. Needs no ledger."""
    from tracker.api import extract_file

    try:
        rows = extract_file(file, outcomes=outcomes, jurisdiction=jurisdiction, year=year)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    from tracker.render.output import render

    _echo(render(rows, fmt.value, columns=OUTCOME_COLUMNS if outcomes else TARGET_COLUMNS))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively).")],
    jurisdiction: JurisdictionOverride = None,
    year: YearOverride = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Add reports to the ledger and judge every target they make checkable.

    All-or-nothing: if one file cannot be read, nothing is written. A report
    already in the ledger (same content) is skipped."""
    from tracker.ledger import ingest as do_ingest

    try:
        result = do_ingest(_engine(), paths, jurisdiction=jurisdiction, year=year, progress=_progress(quiet))
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    if quiet:
        return
    typer.echo(
        f"added {len(result.added)} report(s), skipped {len(result.skipped)} already in the ledger; "
        f"{result.targets} targets, {result.outcomes} outcomes"
    )
    if result.judged:
        typer.echo("verdicts now: " + ", ".join(f"{k} {v}" for k, v in sorted(result.judged.items())))


@app.command()
def ledger(
    jurisdiction: Annotated[Optional[str], typer.Option("--jurisdiction", "-j", help="Only this jurisdiction.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", "-y", help="Only targets due this year.")] = None,
    verdict: Annotated[Optional[VerdictChoice], typer.Option("--verdict", "-v", help="Only this verdict.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List targets in the ledger with their verdict, reason and evidence."""
    from tracker.ledger import ledger_rows
    from tracker.render.output import render

    try:
        rows = ledger_rows(_engine(), jurisdiction=jurisdiction, year=year,
                           verdict=verdict.value if verdict else None)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    _echo(render(rows, fmt.value, columns=LEDGER_COLUMNS))


@app.command()
def scorecard(
    jurisdiction: Annotated[str, typer.Argument(help="Jurisdiction as in the ledger, e.g. 海拉尔区 or 全国.")],
    year: Annotated[int, typer.Argument(help="Year the targets were due.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the markdown here instead of printing it.")] = None,
) -> None:
    """A markdown scorecard of one jurisdiction's targets for one year."""
    from tracker.api import scorecard_markdown

    try:
        text = scorecard_markdown(_engine(), jurisdiction, year)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
    else:
        _echo(text)


@app.command()
def documents(fmt: FormatOption = Format.table) -> None:
    """List the reports in the ledger."""
    from tracker.api import document_rows
    from tracker.render.output import render

    _echo(render(document_rows(_engine()), fmt.value))


def main() -> None:
    app()
