"""The ledger: the one place that writes. Ingest reports, judge targets, record reviews.

Ingest is all-or-nothing by default: the whole batch is written in one transaction,
so one bad file leaves the ledger as it was. With `keep_going` each report is its own
transaction (document, targets, outcomes and the verdicts it changes), and a report
that fails is listed in `IngestResult.refused` while the others are kept.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy import bindparam, insert
from sqlalchemy import update as sql_update
from sqlmodel import Session, col, delete, select

from tracker import followup, restated
from tracker.batch import Extracted, Refused, extracting, one_line_reason, report_files
from tracker.batch import MAX_REPORT_BYTES, PARALLEL_FROM, read_and_extract  # noqa: F401  (long imported from here)
from tracker.errors import ConflictError, InputError
from tracker.judge import judge
from tracker.model import Outcome, Report, Target, Verdict
from tracker.pipeline import report_from_bytes
from tracker.store.database import writing
from tracker.store.tables import DocumentRow, HistoryRow, OutcomeRow, TargetRow, VerdictRow

Progress = Callable[[int, int, str], None]  # (done, total, what); total 0 = unknown
Slot = tuple[str, int]  # (jurisdiction, due year): the unit of judging


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)  # file names written
    skipped: list[str] = field(default_factory=list)  # same content already in the ledger
    targets: int = 0
    outcomes: int = 0
    judged: dict[str, int] = field(default_factory=dict)  # verdict → count after re-judging
    refused: list[tuple[str, str]] = field(default_factory=list)  # keep_going: (path, one-line reason)

    def note_added(self, item: Extracted) -> None:
        self.added.append(item.report.name)
        self.targets += len(item.targets)
        self.outcomes += len(item.outcomes)


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
    keep_going: bool = False,
    progress: Progress | None = None,
) -> IngestResult:
    """Read, extract and store reports, then re-judge the jurisdictions they touch.

    A report already in the ledger (same bytes) is skipped. A different report for
    the same jurisdiction, year and kind is refused unless `replace` is set. By
    default all of it happens in one transaction, so any error leaves the ledger as it
    was; with `keep_going` each report is stored and judged in its own transaction and
    the ones that fail are listed in `refused`. Each report is written as soon as it
    is read, so memory does not grow with the batch."""
    refused: list[Refused] = []
    files = report_files(paths, refused if keep_going else None)
    with extracting(files, jurisdiction, year, keep_going=keep_going) as items:
        result = ingest_extracted(engine, items, replace=replace, keep_going=keep_going,
                                  progress=progress, total=len(files))
    result.refused[:0] = [(r.path, r.reason) for r in refused]
    return result


def ingest_extracted(
    engine: Engine,
    items: Iterable[Extracted | Refused],
    *,
    replace: bool = False,
    keep_going: bool = False,
    progress: Progress | None = None,
    total: int = 0,
) -> IngestResult:
    """`ingest` for reports already read, e.g. `Extracted.of(report, content)` for a
    Report built in code."""
    store = _store_each if keep_going else _store_all
    return store(engine, items, replace=replace, progress=progress, total=total)


def _store_all(engine: Engine, items: Iterable[Extracted | Refused], *, replace: bool,
               progress: Progress | None, total: int) -> IngestResult:
    """One transaction for the batch: any error rolls all of it back."""
    result = IngestResult()
    parsed: dict[str, Report] = {}  # kept for judging, so follow-ups are not read twice
    in_batch: dict[tuple[str, int, str], tuple[Path, str]] = {}  # slot → (file, sha256)
    touched: set[Slot] = set()
    with writing(engine) as session:
        for i, item in enumerate(items):
            if isinstance(item, Refused):
                raise InputError(f"{item.path}: {item.reason}")
            if progress:
                progress(i, total, f"read {item.path.name}")
            _refuse_clash_within(in_batch, item)
            in_batch.setdefault(_slot(item.report), (item.path, item.report.sha256))
            slots = _store(session, item, replace)
            if slots is None:
                result.skipped.append(item.report.name)
                continue
            parsed[item.report.sha256] = item.report
            touched |= slots
            result.note_added(item)
        if touched:
            result.judged = rejudge(session, touched, progress=progress, parsed=parsed)
    return result


def _store_each(engine: Engine, items: Iterable[Extracted | Refused], *, replace: bool,
                progress: Progress | None, total: int) -> IngestResult:
    """One transaction per report, judging included, so every committed report has its
    verdicts; a failing report is rolled back alone and listed in `refused`."""
    result = IngestResult()
    in_batch: dict[tuple[str, int, str], tuple[Path, str]] = {}
    judged: dict[Slot, dict[str, int]] = {}  # the latest counts of each slot judged
    touched: set[Slot] = set()  # every slot a stored report can change, judged or not
    for i, item in enumerate(items):
        if progress:
            progress(i, total, f"read {Path(item.path).name}")
        if isinstance(item, Refused):
            result.refused.append((item.path, item.reason))
            continue
        try:
            _refuse_clash_within(in_batch, item)
            with writing(engine) as session:
                slots = _store(session, item, replace)
                # Only this report is kept parsed: it is the follow-up its own review
                # judges against; older follow-ups are read back from the ledger.
                parsed = {item.report.sha256: item.report}
                counts = rejudge_by_slot(session, slots, parsed=parsed) if slots else {}
        except Exception as exc:  # one report's failure, whatever it is, must not stop the batch
            result.refused.append((str(item.path), one_line_reason(exc, item.path)))
            continue
        in_batch.setdefault(_slot(item.report), (item.path, item.report.sha256))
        if slots is None:
            result.skipped.append(item.report.name)
            continue
        judged.update(counts)
        touched |= slots
        result.note_added(item)
    result.judged = dict(sum((Counter(c) for c in judged.values()), Counter()))
    # Once per place at the end, not per report: each report after N+1 changes the
    # follow-ups of years before it, and redoing them per report would cost the square.
    for jurisdiction in sorted({j for j, _ in touched}):
        with writing(engine) as session:
            refresh_later(session, (), slots=[s for s in touched if s[0] == jurisdiction], progress=progress)
    return result


def _store(session: Session, item: Extracted, replace: bool) -> set[Slot] | None:
    """Write one report, replacing a clash when asked. Returns the slots whose verdicts
    it can change, or None when the same bytes are already in the ledger."""
    r = item.report
    if _known(session, r.sha256):
        return None
    touched: set[Slot] = set()
    clash = _same_slot(session, r)
    if clash is not None:
        if not replace:
            raise ConflictError(
                f"{item.path}: the ledger already has {clash.name} for {clash.jurisdiction} "
                f"{clash.plan_year} ({clash.kind}) with different content; use --replace"
            )
        touched |= _slots_of(clash.jurisdiction, clash.plan_year, clash.review_year, clash.five_year_end)
        _delete_document(session, clash)
    _write(session, item)
    # A target may fall due after the plan year ("到2025年"): its own year is a slot too, or
    # it would wait unjudged whenever that slot was judged before this report arrived.
    due = {t.target_year for t in item.targets}
    return touched | _slots_of(r.jurisdiction, r.plan_year, r.review_year, r.five_year_end, *due)


def _slots_of(jurisdiction: str, *years: int | None) -> set[Slot]:
    """The (jurisdiction, due year) pairs whose verdicts a report can change: the years it
    sets targets for and the year its review covers."""
    return {(jurisdiction, y) for y in years if y is not None}


def _slot(report: Report) -> tuple[str, int, str]:
    return (report.jurisdiction, report.plan_year, report.kind)


def _refuse_clash_within(seen: dict[tuple[str, int, str], tuple[Path, str]], item: Extracted) -> None:
    """Two different files of one batch claiming the same jurisdiction, year and kind."""
    slot = _slot(item.report)
    other = seen.get(slot)
    if other is not None and other[1] != item.report.sha256:
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
    followup.forget_document(session, doc.id)
    restated.forget_document(session, doc.id)
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
        source_url=r.source_url, title=r.title, content=item.content,
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
    slots: Iterable[Slot],
    *,
    progress: Progress | None = None,
    parsed: dict[str, Report] | None = None,
) -> dict[str, int]:
    """Judge again every target due in these (jurisdiction, year) slots against the
    reports now present, then what later reports say of their jurisdictions' targets
    (`refresh_later`). Returns the count of each verdict given."""
    slots = set(slots)
    by_slot = rejudge_by_slot(session, slots, progress=progress, parsed=parsed)
    refresh_later(session, (), slots=slots, progress=progress)
    return dict(sum((Counter(c) for c in by_slot.values()), Counter()))


def refresh_later(session: Session, jurisdictions: Iterable[str], *,
                  slots: Iterable[Slot] | None = None,
                  progress: Progress | None = None) -> dict[str, int]:
    """Recompute late deliveries, drops (followup.py) and restated data (restated.py) for
    the targets of these jurisdictions; verdicts are not touched. With `slots`, the
    (jurisdiction, year) pairs just judged, a jurisdiction's follow-ups are redone only for
    the years those can move (followup.affected_years), so adding one report costs a few
    years of one place, not the place's whole series. Other jurisdictions are never
    touched. Returns counts: met_late, dropped, figure, admission, and admission
    sentences found."""
    counts: Counter = Counter()
    years: dict[str, set[int]] = {}
    for j, y in slots or ():
        years.setdefault(j, set()).add(y)
    for jurisdiction in sorted(set(jurisdictions) | set(years)):
        if progress:
            progress(0, 0, f"later reports {jurisdiction}")
        scope = followup.affected_years(years[jurisdiction]) if jurisdiction in years else None
        counts.update(followup.refresh(session, [jurisdiction], years=scope))
        counts.update(restated.refresh(session, [jurisdiction]))
    return dict(counts)


def rejudge_by_slot(
    session: Session,
    slots: Iterable[Slot],
    *,
    progress: Progress | None = None,
    parsed: dict[str, Report] | None = None,
) -> dict[Slot, dict[str, int]]:
    """`rejudge`, with the count of each verdict given per slot; verdicts only (the
    caller runs `refresh_later` for the jurisdictions once it has judged them all)."""
    by_slot: dict[Slot, dict[str, int]] = {}
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
        counts = by_slot.setdefault((jurisdiction, year), {})
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
    return by_slot


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
    keep_going: bool = False,
    progress: Progress | None = None,
) -> UpdateResult:
    """The January run: add the new reports and say what that changed. `replace` and
    `keep_going` as for `ingest`."""
    from tracker.queries import ledger_rows

    before = {r["id"]: r["machine_verdict"] for r in ledger_rows(engine)}
    result = ingest(engine, paths, replace=replace, keep_going=keep_going, progress=progress)
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
