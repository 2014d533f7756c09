"""The ledger: the one place that writes. Ingest reports, judge targets, record reviews.

Ingest is all-or-nothing: every file is read and extracted before anything is
written, and the writes happen in one transaction.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy import bindparam, insert
from sqlalchemy import update as sql_update
from sqlmodel import Session, col, delete, select

from tracker.errors import ConflictError, InputError
from tracker.extract import extract_targets
from tracker.judge import judge
from tracker.model import Outcome, Report, Target, Verdict
from tracker.outcomes import extract_outcomes
from tracker.pipeline import report_from_bytes
from tracker.store.database import writing
from tracker.store.tables import DocumentRow, HistoryRow, OutcomeRow, TargetRow, VerdictRow

REPORT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
# Real reports are tens of kilobytes; a file this big is not one report, and reading it
# whole would only waste memory before failing.
MAX_REPORT_BYTES = 10 * 1024 * 1024

Progress = Callable[[int, int, str], None]  # (done, total, what); total 0 = unknown


@dataclass
class Extracted:
    """A report read from disk with what was found in it, not yet written."""

    path: Path
    report: Report
    content: bytes  # the original bytes, kept so old targets can be re-judged later
    targets: list[Target]
    outcomes: list[Outcome]


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)  # file names written
    skipped: list[str] = field(default_factory=list)  # same content already in the ledger
    targets: int = 0
    outcomes: int = 0
    judged: dict[str, int] = field(default_factory=dict)  # verdict → count after re-judging


def report_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the report files they hold (recursively), in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES)
            if not found:
                raise InputError(f"{path}: no report files (.txt, .docx, .pdf, .html) in this folder")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def read_and_extract(
    path: Path, *, jurisdiction: str | None = None, year: int | None = None
) -> Extracted:
    """Read one report and find its targets and outcomes; writes nothing."""
    content = load_report_bytes(path)
    report = report_from_bytes(content, path.name, jurisdiction=jurisdiction, year=year)
    return Extracted(
        path=path,
        report=report,
        content=content,
        targets=extract_targets(report),
        outcomes=extract_outcomes(report),
    )


def load_report_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what cannot be one report."""
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise InputError(
                f"{path}: {size / 1048576:.1f} MB is too big for one report "
                f"(limit {MAX_REPORT_BYTES // 1048576} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def target_uid(report: Report, target: Target, seq: int) -> str:
    """A short id that stays the same whenever the same report is ingested again."""
    key = f"{report.sha256}|{seq}|{target.line}|{target.span}|{target.indicator}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def ingest(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    jurisdiction: str | None = None,
    year: int | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> IngestResult:
    """Read, extract and store reports, then re-judge the jurisdictions they touch.

    A report already in the ledger (same bytes) is skipped. A different report for
    the same jurisdiction, year and kind is refused unless `replace` is set. All of it
    happens in one transaction, so any error leaves the ledger as it was; each report
    is written as soon as it is read, so memory does not grow with the batch."""
    files = report_files(paths)
    result = IngestResult()
    parsed: dict[str, Report] = {}  # kept for judging, so follow-ups are not read twice
    in_batch: dict[tuple[str, int, str], tuple[Path, str]] = {}  # slot → (file, sha256)
    touched: set[tuple[str, int]] = set()
    with _extracting(files, jurisdiction, year) as items, writing(engine) as session:
        for i, item in enumerate(items):
            if progress:
                progress(i, len(files), f"read {item.path.name}")
            _refuse_clash_within(in_batch, item)
            if _known(session, item.report.sha256):
                result.skipped.append(item.report.name)
                continue
            clash = _same_slot(session, item.report)
            if clash is not None:
                if not replace:
                    raise ConflictError(
                        f"{item.path}: the ledger already has {clash.name} for {clash.jurisdiction} "
                        f"{clash.plan_year} ({clash.kind}) with different content; use --replace"
                    )
                touched |= _slots_of(clash.jurisdiction, clash.plan_year, clash.review_year, clash.five_year_end)
                _delete_document(session, clash)
            _write(session, item)
            r = item.report
            parsed[r.sha256] = r
            touched |= _slots_of(r.jurisdiction, r.plan_year, r.review_year, r.five_year_end)
            result.added.append(r.name)
            result.targets += len(item.targets)
            result.outcomes += len(item.outcomes)
        if touched:
            result.judged = rejudge(session, touched, progress=progress, parsed=parsed)
    return result


# Reading and extracting is pure and CPU-bound: for big batches it runs in worker
# processes while this one writes. Small batches are not worth a process start.
PARALLEL_FROM = 16


@contextmanager
def _extracting(
    files: list[Path], jurisdiction: str | None, year: int | None
) -> Iterator[Iterator[Extracted]]:
    """The files read and extracted, in order, lazily; in parallel for big batches."""
    work = partial(read_and_extract, jurisdiction=jurisdiction, year=year)
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_FROM or workers < 2:
        yield map(work, files)
        return
    # "fork", not "spawn": spawn re-runs the caller's main script in every worker, which
    # breaks any script without a __main__ guard. Workers never touch the inherited
    # ledger connections; they only read files and return records.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    try:
        yield pool.map(work, files, chunksize=4)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _slots_of(jurisdiction: str, *years: int | None) -> set[tuple[str, int]]:
    """The (jurisdiction, due year) pairs whose verdicts a report can change: the years it
    sets targets for and the year its review covers."""
    return {(jurisdiction, y) for y in years if y is not None}


def _slot(report: Report) -> tuple[str, int, str]:
    return (report.jurisdiction, report.plan_year, report.kind)


def _refuse_clash_within(seen: dict[tuple[str, int, str], tuple[Path, str]], item: Extracted) -> None:
    """Two different files of one batch claiming the same jurisdiction, year and kind."""
    slot = _slot(item.report)
    other = seen.setdefault(slot, (item.path, item.report.sha256))
    if other[1] != item.report.sha256:
        j, y, k = slot
        raise ConflictError(f"{item.path}: {other[0].name} is also {j} {y} ({k}) with different content")


def _known(session: Session, sha256: str) -> bool:
    return session.exec(select(DocumentRow.id).where(DocumentRow.sha256 == sha256)).first() is not None


def _same_slot(session: Session, report: Report) -> DocumentRow | None:
    j, y, k = _slot(report)
    return session.exec(
        select(DocumentRow).where(
            DocumentRow.jurisdiction == j, DocumentRow.plan_year == y, DocumentRow.kind == k
        )
    ).first()


def _delete_document(session: Session, doc: DocumentRow) -> None:
    """Remove a replaced report with its targets, outcomes and verdicts (history stays)."""
    for v in session.exec(select(VerdictRow).where(VerdictRow.outcome_document_id == doc.id)).all():
        v.outcome_document_id = None
        session.add(v)
    target_ids = session.exec(select(TargetRow.id).where(TargetRow.document_id == doc.id)).all()
    if target_ids:
        session.exec(delete(VerdictRow).where(col(VerdictRow.target_id).in_(target_ids)))
    session.exec(delete(TargetRow).where(TargetRow.document_id == doc.id))
    session.exec(delete(OutcomeRow).where(OutcomeRow.document_id == doc.id))
    session.delete(doc)
    session.flush()


def _write(session: Session, item: Extracted) -> None:
    """Insert the report, then its targets and outcomes in bulk (one statement each)."""
    r = item.report
    doc = DocumentRow(
        name=r.name, sha256=r.sha256, jurisdiction=r.jurisdiction, kind=r.kind,
        delivered=r.delivered, review_year=r.review_year, plan_year=r.plan_year,
        five_year_end=r.five_year_end, encoding=r.encoding, size=len(item.content),
        content=item.content,
    )
    session.add(doc)
    session.flush()
    if item.targets:
        session.connection().execute(insert(TargetRow.__table__), [
            {**_shared_fields(t, TargetRow), "uid": target_uid(r, t, seq), "document_id": doc.id,
             "seq": seq, "jurisdiction": r.jurisdiction}
            for seq, t in enumerate(item.targets)
        ])
    if item.outcomes:
        session.connection().execute(insert(OutcomeRow.__table__), [
            {**_shared_fields(o, OutcomeRow), "document_id": doc.id, "seq": seq}
            for seq, o in enumerate(item.outcomes)
        ])
    session.expunge(doc)  # its bytes are not needed again in this run


# ---------------------------------------------------------------- judging


def _shared_fields(record: Target | Outcome, table: type) -> dict[str, Any]:
    """The record's fields that the table stores under the same name."""
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name in table.model_fields}


def _as_target(row: TargetRow) -> Target:
    return Target(**{f.name: getattr(row, f.name) for f in fields(Target) if f.name in TargetRow.model_fields})


def _as_outcome(row: OutcomeRow) -> Outcome:
    return Outcome(**{f.name: getattr(row, f.name) for f in fields(Outcome) if f.name in OutcomeRow.model_fields})


class _FollowUps:
    """Finds and caches, per jurisdiction and year, the report reviewing that year."""

    def __init__(self, session: Session, parsed: dict[str, Report] | None = None):
        self.session = session
        self.parsed = parsed or {}  # reports already read in this run, by sha256
        self.cache: dict[tuple[str, int], tuple[DocumentRow, Report, list[Outcome]] | None] = {}

    def get(self, jurisdiction: str, year: int):
        key = (jurisdiction, year)
        if key not in self.cache:
            doc = self.session.exec(
                select(DocumentRow)
                .where(DocumentRow.jurisdiction == jurisdiction, DocumentRow.review_year == year)
                .order_by(col(DocumentRow.plan_year).desc(), col(DocumentRow.id))
            ).first()
            self.cache[key] = None if doc is None else self._load(doc)
        return self.cache[key]

    def _load(self, doc: DocumentRow):
        report = self.parsed.get(doc.sha256) or report_from_bytes(
            doc.content, doc.name, jurisdiction=doc.jurisdiction, year=doc.plan_year
        )
        rows = self.session.exec(
            select(OutcomeRow).where(OutcomeRow.document_id == doc.id).order_by(col(OutcomeRow.seq))
        ).all()
        return doc, report, [_as_outcome(r) for r in rows]


def rejudge(
    session: Session,
    slots: Iterable[tuple[str, int]],
    *,
    progress: Progress | None = None,
    parsed: dict[str, Report] | None = None,
) -> dict[str, int]:
    """Judge again every target due in these (jurisdiction, year) slots against the
    reports now present. Returns the count of each verdict given."""
    counts: dict[str, int] = {}
    followups = _FollowUps(session, parsed)
    current = None
    for jurisdiction, year in sorted(set(slots)):
        if jurisdiction != current:
            followups.cache.clear()  # slots come by jurisdiction: keep one place's reports at a time
            current = jurisdiction
        if progress:
            progress(0, 0, f"judging {jurisdiction} {year}")
        rows = session.exec(
            select(TargetRow)
            .where(TargetRow.jurisdiction == jurisdiction, TargetRow.target_year == year)
            .order_by(col(TargetRow.id))
        ).all()
        if not rows:
            continue
        existing = {
            v.target_id: v
            for v in session.exec(
                select(VerdictRow).where(col(VerdictRow.target_id).in_([r.id for r in rows]))
            ).all()
        }
        found = followups.get(jurisdiction, year)
        fresh, changed, history = [], [], []
        now = datetime.now(timezone.utc)
        for row in rows:
            if found is None:
                verdict = judge(_as_target(row), None, [])
                outcome_doc_id = None
            else:
                doc, report, outcomes = found
                verdict = judge(_as_target(row), report, outcomes)
                outcome_doc_id = doc.id if verdict.outcome is not None else None
            old = existing.get(row.id)
            values = _verdict_values(verdict, outcome_doc_id)
            if old is None:
                fresh.append({"target_id": row.id, **values})
            else:
                changed.append({"id": old.id, **values})
            if old is None or (old.verdict, old.reason_code) != (verdict.verdict, verdict.reason_code):
                history.append({"target_uid": row.uid, "source": "machine", "verdict": verdict.verdict,
                                "reason_code": verdict.reason_code, "note": verdict.reason, "at": now})
            counts[verdict.verdict] = counts.get(verdict.verdict, 0) + 1
        # Core bulk statements, one per kind of write: the ORM's bulk path runs one
        # statement per row on PostgreSQL.
        conn = session.connection()
        if fresh:
            conn.execute(insert(VerdictRow.__table__), fresh)
        if changed:
            conn.execute(_UPDATE_VERDICT, [{"b_id": c.pop("id"), **c} for c in changed])
        if history:
            conn.execute(insert(HistoryRow.__table__), history)
    return counts


_VERDICT = VerdictRow.__table__
_UPDATE_VERDICT = sql_update(_VERDICT).where(_VERDICT.c.id == bindparam("b_id"))


def _verdict_values(v: Verdict, outcome_doc_id: int | None) -> dict[str, Any]:
    return {
        "verdict": v.verdict,
        "reason_code": v.reason_code,
        "rule": v.rule,
        "reason": v.reason,
        "provisional": v.provisional,
        "outcome_document_id": outcome_doc_id,
        "outcome_line": v.outcome.line if v.outcome else None,
        "outcome_span": v.outcome.span if v.outcome else None,
        "outcome_quote": v.outcome.quote if v.outcome else None,
        "target_norm": v.target_norm,
        "outcome_norm": v.outcome_norm,
        "norm_unit": v.norm_unit,
    }


# ---------------------------------------------------------------- people


REVIEW_VERDICTS = ("met", "missed", "unclear")


def review(engine: Engine, target_id: str, verdict: str, note: str, by: str | None = None) -> HistoryRow:
    """Record a person's verdict on a target. The machine's verdict is kept beside it,
    and re-judging never touches it: it lives only in the append-only history."""
    if verdict not in REVIEW_VERDICTS:
        raise InputError(f"{verdict}: not a verdict; use one of {', '.join(REVIEW_VERDICTS)}")
    if not note.strip():
        raise InputError("--note: say why the verdict is overridden")
    with writing(engine) as session:
        if session.exec(select(TargetRow.id).where(TargetRow.uid == target_id)).first() is None:
            raise InputError(f"{target_id}: no target with this id in the ledger (see tracker ledger)")
        entry = HistoryRow(target_uid=target_id, source="review", verdict=verdict, note=note.strip(), by=by)
        session.add(entry)
    return entry


# ---------------------------------------------------------------- yearly update


@dataclass
class UpdateResult:
    ingest: IngestResult
    newly_judged: list[dict[str, Any]]  # were pending, now met/missed/unclear
    changed: list[tuple[str, dict[str, Any]]]  # (old verdict, row) for decided verdicts that moved
    new_targets: list[dict[str, Any]]  # recorded from the new reports

    @property
    def nothing_changed(self) -> bool:
        return not (self.ingest.added or self.newly_judged or self.changed or self.new_targets)


def update(
    engine: Engine,
    paths: Iterable[str | Path],
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> UpdateResult:
    """The January run: add the new reports and say what that changed."""
    from tracker.queries import ledger_rows

    before = {r["id"]: r["machine_verdict"] for r in ledger_rows(engine)}
    result = ingest(engine, paths, replace=replace, progress=progress)
    after = ledger_rows(engine)
    newly, changed, new = [], [], []
    for row in after:
        old = before.get(row["id"])
        if old is None:
            new.append(row)
        elif old == "pending" and row["machine_verdict"] != "pending":
            newly.append(row)
        elif old != row["machine_verdict"]:
            changed.append((old, row))
    return UpdateResult(ingest=result, newly_judged=newly, changed=changed, new_targets=new)
