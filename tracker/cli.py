"""The `tracker` command: a thin layer over the library. Each command opens the ledger,
calls one library function and prints; library errors become one line and an exit code."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from tracker.errors import InputError, TrackerError

# --keep-going: the batch ran, but some reports were refused (listed on standard error).
REFUSED_EXIT_CODE = 4

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


class FollowUpChoice(str, Enum):
    met_late = "met_late"
    dropped = "dropped"
    restated = "restated"


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

ReplaceOption = Annotated[
    bool,
    typer.Option("--replace", help="Replace a different report already held for the same jurisdiction, year and kind."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
KeepGoingOption = Annotated[
    bool,
    typer.Option("--keep-going", "-k", help="Ingest every report that can be read, each in its own transaction; "
                 f"list the refused ones on standard error (exit code {REFUSED_EXIT_CODE} if any)."),
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
    """A one-line progress display on a terminal; nothing when piped or quiet."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        if total:
            filled = int(20 * done / total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (20 - filled)}] {done + 1}/{total} {what[:50]:<50}")
        else:
            sys.stderr.write(f"\r{what[:80]:<80}")
        sys.stderr.flush()

    return show


def _end_progress(quiet: bool) -> None:
    if not quiet and sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 80 + "\r")


def _report_refused(result, quiet: bool) -> None:
    """--keep-going: one line per refused report, a count, and the exit code that says so."""
    if not result.refused and quiet:
        return
    for path, reason in result.refused:
        typer.echo(f"REFUSED {path}: {reason}", err=True)
    typer.echo(f"{len(result.added) + len(result.skipped):,} read, {len(result.refused):,} refused", err=True)
    if result.refused:
        raise typer.Exit(REFUSED_EXIT_CODE)


def _run_with_progress(quiet: bool, writer, paths, **options):
    """Run a ledger writer (ingest or update) with the progress display, turning its
    errors into one line."""
    try:
        result = writer(_engine(), paths, progress=_progress(quiet), **options)
        _end_progress(quiet)
        return result
    except TrackerError as exc:
        _end_progress(quiet)
        _fail(exc, exc.exit_code)
        raise  # unreachable: _fail exits


TARGET_COLUMNS = ["line", "kind", "indicator", "comparator", "value", "unit", "target_year", "horizon", "span"]
OUTCOME_COLUMNS = ["line", "indicator", "value", "unit", "measure", "provisional", "period", "year", "span"]
FOLLOWUP_COLUMNS = {
    "met_late": ["followup_year", "followup_quote", "followup_doc", "followup_line"],
    "dropped": ["followup_searched", "followup_year"],
    "restated": ["restated_note", "restated_doc", "restated_line"],
}
LEDGER_COLUMNS = ["id", "jurisdiction", "target_year", "verdict", "reviewed_by", "reason_code", "span",
                  "outcome_span", "target_doc", "line"]


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A report file (.txt; UTF-8 or GB18030).")],
    outcomes: Annotated[
        bool, typer.Option("--outcomes", help="List outcomes from the review part instead of targets.")
    ] = False,
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
def text(
    file: Annotated[Path, typer.Argument(help="A report file.")],
    lines: Annotated[Optional[str], typer.Option("--lines", "-n", help="Only these lines, e.g. 70-80 or 75.")] = None,
) -> None:
    """Print a report's text with line numbers: the lines every citation refers to.

    For .docx/.pdf/.html these are the lines of the text read out of the file."""
    from tracker.api import numbered_text

    try:
        first, last = _line_range(lines)
        rows = numbered_text(file, first=first, last=last)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    _echo("".join(f"{r['line']:>6}  {r['text']}\n" for r in rows))


def _line_range(spec: Optional[str]) -> tuple[int, Optional[int]]:
    if not spec:
        return 1, None
    head, _, tail = spec.partition("-")
    try:
        first = int(head)
        return first, int(tail) if tail else (None if "-" in spec else first)
    except ValueError:
        raise InputError(f"--lines {spec}: give a line (75) or a range (70-80)") from None


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively).")],
    jurisdiction: JurisdictionOverride = None,
    year: YearOverride = None,
    replace: ReplaceOption = False,
    keep_going: KeepGoingOption = False,
    quiet: QuietOption = False,
) -> None:
    """Add reports to the ledger and judge every target they make checkable.

    All-or-nothing: if one file cannot be read, nothing is written (unless
    --keep-going). A report already in the ledger (same content) is skipped."""
    from tracker.ledger import ingest as do_ingest

    result = _run_with_progress(quiet, do_ingest, paths, jurisdiction=jurisdiction, year=year,
                                replace=replace, keep_going=keep_going)
    if not quiet:
        typer.echo(
            f"added {len(result.added)} report(s), skipped {len(result.skipped)} already in the ledger; "
            f"{result.targets} targets, {result.outcomes} outcomes"
        )
        if result.judged:
            typer.echo("judged: " + ", ".join(f"{k} {v}" for k, v in sorted(result.judged.items())))
    if keep_going:
        _report_refused(result, quiet)


@app.command()
def ledger(
    jurisdiction: Annotated[Optional[str], typer.Option("--jurisdiction", "-j", help="Only this jurisdiction.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", "-y", help="Only targets due this year.")] = None,
    verdict: Annotated[Optional[VerdictChoice], typer.Option("--verdict", "-v", help="Only this verdict.")] = None,
    followup: Annotated[Optional[FollowUpChoice], typer.Option(
        "--followup", help="Only targets later reports say more of: met_late (done after the N+1 review), "
                           "dropped (never mentioned again) or restated (figure contradicted or disowned); "
                           "adds their columns.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List targets in the ledger with their verdict, reason and evidence."""
    from tracker.queries import ledger_rows
    from tracker.render.output import render

    try:
        rows = ledger_rows(_engine(), jurisdiction=jurisdiction, year=year,
                           verdict=verdict.value if verdict else None,
                           followup=followup.value if followup else None)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    columns = LEDGER_COLUMNS + FOLLOWUP_COLUMNS.get(followup.value if followup else "", [])
    _echo(render(rows, fmt.value, columns=columns))


@app.command()
def scorecard(
    jurisdiction: Annotated[
        Optional[str], typer.Argument(help="Jurisdiction as in the ledger, e.g. 海拉尔区 or 全国.")
    ] = None,
    year: Annotated[Optional[int], typer.Argument(help="Year the targets were due.")] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write the markdown here, with its chart beside it, not to the screen."),
    ] = None,
    all_: Annotated[
        Optional[Path], typer.Option("--all", help="Write one scorecard per jurisdiction and year into this folder.")
    ] = None,
) -> None:
    """A markdown scorecard of one jurisdiction's targets for one year (or --all of them)."""
    from tracker import api

    try:
        if all_ is not None:
            written = api.write_scorecards(_engine(), all_)
            typer.echo(f"wrote {len(written)} scorecards to {all_}", err=True)
            return
        if jurisdiction is None or year is None:
            raise InputError("scorecard: give JURISDICTION and YEAR, or --all FOLDER")
        engine = _engine()
        if output:
            svg = output.with_suffix(".svg")
            rows = api.ledger_rows(engine, jurisdiction=jurisdiction, year=year)
            text = api.scorecard_markdown(engine, jurisdiction, year, chart=svg.name)
            svg.write_text(api.verdict_bar_svg(rows, f"{jurisdiction} {year}: {api.headline(rows)}"), encoding="utf-8")
            output.write_text(text, encoding="utf-8")
            typer.echo(f"wrote {output} and {svg.name}", err=True)
        else:
            _echo(api.scorecard_markdown(engine, jurisdiction, year))
    except TrackerError as exc:
        _fail(exc, exc.exit_code)


@app.command()
def compare(
    jurisdiction: Annotated[Optional[str], typer.Option("--jurisdiction", "-j", help="Only this jurisdiction.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Met rates and promised-vs-achieved headline indicators, side by side by jurisdiction and year."""
    from tracker.api import compare as compare_rows
    from tracker.render.output import render

    _echo(render(compare_rows(_engine(), jurisdiction=jurisdiction), fmt.value, width=None))


PANEL_COLUMNS = ["jurisdiction", "year", "label", "comparator", "target_value", "target_value_max", "unit",
                 "outcome_value", "gap", "verdict", "target_doc", "target_line", "outcome_doc", "outcome_line"]


@app.command()
def panel(
    jurisdiction: Annotated[Optional[str], typer.Option("--jurisdiction", "-j", help="Only this jurisdiction.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", "-y", help="Only targets due this year.")] = None,
    indicator: Annotated[
        Optional[list[str]],
        typer.Option("--indicator", "-i", help="Only this indicator key (repeatable): gdp, budget_revenue, "
                     "fixed_investment, retail_sales, new_jobs, unemployment, cpi, income_per_capita, "
                     "energy_intensity."),
    ] = None,
    amplification: Annotated[
        bool, typer.Option("--amplification", help="Print the mean GDP growth target by level and year, "
                           "and each level's excess over its parent's target, instead.")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Targets and outcomes of nine headline indicators, per jurisdiction and year.

    GDP growth, budget revenue, fixed-asset investment, retail sales,
    new urban jobs, unemployment, CPI, per-capita income, energy intensity:
    the annual target each report sets, the outcome the next report gives,
    the gap, the verdict, and where both were read (document, line, URL;
    every field in csv and json)."""
    from tracker import panel as lib
    from tracker.render.output import render

    try:
        rows = lib.panel_rows(_engine(), jurisdiction=jurisdiction, indicators=indicator, year=year)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    if amplification:
        _echo(render(lib.amplification(rows), fmt.value))
        return
    table = fmt.value in ("table", "markdown")
    _echo(render(rows, fmt.value, columns=PANEL_COLUMNS if table else None, whole=("target_doc", "outcome_doc")))


@app.command()
def review(
    target_id: Annotated[str, typer.Argument(help="Target id, as in the first column of tracker ledger.")],
    verdict: Annotated[VerdictChoice, typer.Option("--verdict", help="Your verdict: met, missed or unclear.")],
    note: Annotated[str, typer.Option("--note", help="Why: what you checked, and where.")],
    by: Annotated[Optional[str], typer.Option("--by", help="Who reviewed it.")] = None,
) -> None:
    """Override a target's verdict with your own, and say why.

    The machine's verdict is kept beside yours, every change is kept in the history,
    and re-judging never erases a review."""
    from tracker.ledger import review as do_review

    try:
        entry = do_review(_engine(), target_id, verdict.value, note, by)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    typer.echo(f"{target_id}: {entry.verdict} (reviewed by {entry.by or 'anonymous'})")


@app.command()
def history(
    target_id: Annotated[str, typer.Argument(help="Target id, as in the first column of tracker ledger.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Every verdict a target has had, machine and human, oldest first."""
    from tracker.queries import history as target_history
    from tracker.render.output import render

    try:
        rows = target_history(_engine(), target_id)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    _echo(render(rows, fmt.value, width=None))


class ExportWhat(str, Enum):
    ledger = "ledger"
    outcomes = "outcomes"
    documents = "documents"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


@app.command()
def export(
    what: Annotated[
        ExportWhat, typer.Option("--what", help="ledger (targets with verdicts), outcomes or documents.")
    ] = ExportWhat.ledger,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.jsonl,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of printing.")
    ] = None,
) -> None:
    """Export every field, for spreadsheets and other tools.

    Rows follow the JSON Schemas in schemas/; target ids are stable, so next year's
    export joins on them."""
    from tracker.api import export_rows
    from tracker.render.output import render

    text = render(export_rows(_engine(), what.value), fmt.value)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
    else:
        _echo(text)


@app.command()
def update(
    paths: Annotated[list[Path], typer.Argument(help="The new reports: files or folders.")],
    replace: ReplaceOption = False,
    keep_going: KeepGoingOption = False,
    quiet: QuietOption = False,
) -> None:
    """The yearly run: add the new reports, re-judge what they affect, and say what changed."""
    from tracker.ledger import update as do_update

    result = _run_with_progress(quiet, do_update, paths, replace=replace, keep_going=keep_going)
    if not quiet:
        typer.echo(_describe_update(result))
    if keep_going:
        _report_refused(result.ingest, quiet)


def _describe_update(result) -> str:
    from collections import Counter

    if result.nothing_changed:
        return (f"nothing changed: {len(result.ingest.skipped)} report(s) already in the ledger")
    lines = [f"added {len(result.ingest.added)} report(s): {', '.join(result.ingest.added)}"]
    if result.ingest.skipped:
        lines.append(f"skipped {len(result.ingest.skipped)} already in the ledger")
    by_verdict = Counter(r["machine_verdict"] for r in result.newly_judged)
    if result.newly_judged:
        lines.append(f"newly judged: {len(result.newly_judged)} target(s): "
                     + ", ".join(f"{v} {by_verdict[v]}" for v in ("met", "missed", "unclear") if by_verdict[v]))
        for r in result.newly_judged:
            if r["machine_verdict"] == "missed":
                lines.append(f"  missed  {r['jurisdiction']} {r['target_year']} {r['span']}  [{r['id']}]")
    for old, r in result.changed:
        lines.append(f"  changed {old} → {r['machine_verdict']}  {r['jurisdiction']} {r['target_year']} "
                     f"{r['span']}  [{r['id']}]")
    new = Counter((r["jurisdiction"], r["target_year"]) for r in result.new_targets)
    for (j, y), n in sorted(new.items()):
        lines.append(f"new targets recorded: {j} {y}: {n}")
    return "\n".join(lines)


@app.command()
def documents(fmt: FormatOption = Format.table) -> None:
    """List the reports in the ledger, with the official URL each was published at when known."""
    from tracker.api import document_rows
    from tracker.render.output import render

    rows = document_rows(_engine())
    # Titles are long and in every export; the screen shows the URL, whole.
    columns = [k for k in rows[0] if k != "title"] if rows and fmt.value in ("table", "markdown") else None
    _echo(render(rows, fmt.value, columns=columns, whole=("source_url",)))


@app.command()
def site(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="Folder to write the site into (created when missing).")],
    force: Annotated[
        bool, typer.Option("--force", help="Write into a non-empty folder that holds no previous site.")
    ] = False,
) -> None:
    """Write the ledger as a static site of plain HTML: open OUT/index.html in a browser.

    An index of places with their met rates, a scorecard per place and year, every
    report with numbered lines (each citation links to its line), the panel's charts.
    A previous site in OUT is replaced; any other non-empty OUT needs --force."""
    from tracker.site import build_site

    try:
        summary = build_site(_engine(), out, force=force)
    except TrackerError as exc:
        _fail(exc, exc.exit_code)
    typer.echo(summary.line())


def main() -> None:
    app()
