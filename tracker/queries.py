"""Reading the ledger back: targets with verdicts, documents, outcomes, history."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tracker.errors import InputError
from tracker.records import clean_number
from tracker.store.tables import DocumentRow, FollowUpRow, HistoryRow, OutcomeRow, RestatedRow, TargetRow, VerdictRow


def ledger_rows(
    engine: Engine,
    *,
    jurisdiction: str | None = None,
    year: int | None = None,
    verdict: str | None = None,
    followup: str | None = None,
) -> list[dict[str, Any]]:
    """Every target with its verdict and evidence, in a stable order.

    `verdict` is what a reader should print: a person's review when there is one,
    else the machine's; `machine_verdict` always holds the machine's. `followup`
    (met_late, dropped or restated) keeps only the targets later reports say that of."""
    with Session(engine) as session:
        docs = {d.id: d for d in session.exec(select(DocumentRow)).all()}
        reviews = latest_reviews(session)
        later = _later_of(session, jurisdiction)
        query = select(TargetRow, VerdictRow).join(
            VerdictRow, col(VerdictRow.target_id) == col(TargetRow.id), isouter=True
        )
        if jurisdiction:
            query = query.where(TargetRow.jurisdiction == jurisdiction)
        if year:
            query = query.where(TargetRow.target_year == year)
        found = session.exec(query).all()
        keyed = [
            ((t.jurisdiction, t.target_year, docs[t.document_id].name, t.seq),
             _ledger_record(t, v, docs, reviews.get(t.uid)) | _later_record(t.uid, later, docs))
            for t, v in found
        ]
    keyed.sort(key=lambda kv: kv[0])
    rows = [rec for _, rec in keyed]
    if verdict:
        rows = [r for r in rows if r["verdict"] == verdict]
    if followup == "restated":
        rows = [r for r in rows if r["restated"]]
    elif followup:
        rows = [r for r in rows if r["followup"] == followup]
    return rows


FOLLOWUP_FILTERS = ("met_late", "dropped", "restated")


def _later_of(session: Session, jurisdiction: str | None) -> tuple[dict[str, FollowUpRow], dict[str, RestatedRow]]:
    """What later reports say of targets (followup.py, restated.py), by target uid."""
    fq, rq = select(FollowUpRow), select(RestatedRow)
    if jurisdiction:
        fq = fq.where(FollowUpRow.jurisdiction == jurisdiction)
        rq = rq.where(RestatedRow.jurisdiction == jurisdiction)
    return ({f.target_uid: f for f in session.exec(fq).all()},
            {r.target_uid: r for r in session.exec(rq).all()})


def _later_record(uid: str, later: tuple[dict[str, FollowUpRow], dict[str, RestatedRow]],
                  docs: dict[int, DocumentRow]) -> dict[str, Any]:
    f, r = later[0].get(uid), later[1].get(uid)
    f_doc = docs.get(f.document_id) if f and f.document_id else None
    r_doc = docs.get(r.document_id) if r else None
    return {
        "followup": f.status if f else None,
        "followup_year": f.year if f else None,
        "followup_doc": f_doc.name if f_doc else None,
        "followup_line": f.line if f else None,
        "followup_quote": (f.span or f.quote) if f else None,
        "followup_source": f_doc.source_url if f_doc else None,
        "followup_searched": f.searched if f else None,
        "restated": r is not None,
        "restated_note": r.note if r else None,
        "restated_doc": r_doc.name if r_doc else None,
        "restated_line": r.line if r else None,
    }


def latest_reviews(session: Session) -> dict[str, HistoryRow]:
    """The most recent person's verdict per target uid."""
    latest: dict[str, HistoryRow] = {}
    for h in session.exec(
        select(HistoryRow).where(HistoryRow.source == "review").order_by(col(HistoryRow.id))
    ).all():
        latest[h.target_uid] = h
    return latest


def _ledger_record(
    t: TargetRow, v: VerdictRow | None, docs: dict[int, DocumentRow], reviewed: HistoryRow | None
) -> dict[str, Any]:
    outcome_doc = docs.get(v.outcome_document_id) if v and v.outcome_document_id else None
    machine = v.verdict if v else "pending"
    rec: dict[str, Any] = {
        "id": t.uid,
        "jurisdiction": t.jurisdiction,
        "target_doc": docs[t.document_id].name,
        "target_source": docs[t.document_id].source_url,
        "line": t.line,
        "span": t.span,
        "kind": t.kind,
        "indicator": t.indicator,
        "indicator_key": t.indicator_key,
        "measure": t.measure,
        "comparator": t.comparator,
        "value": clean_number(t.value),
        "value_max": clean_number(t.value_max),
        "unit": t.unit,
        "target_year": t.target_year,
        "horizon": t.horizon,
        "verdict": reviewed.verdict if reviewed else machine,
        "machine_verdict": machine,
        "reason_code": v.reason_code if v else "no_followup",
        "provisional": bool(v.provisional) if v else False,
        "reason": v.reason if v else "",
        "outcome_doc": outcome_doc.name if outcome_doc else None,
        "outcome_source": outcome_doc.source_url if outcome_doc else None,
        "outcome_line": v.outcome_line if v else None,
        "outcome_span": v.outcome_span if v else None,
        "target_norm": clean_number(v.target_norm) if v else None,
        "outcome_norm": clean_number(v.outcome_norm) if v else None,
        "norm_unit": v.norm_unit if v else None,
        "rule": v.rule if v else "",
        "reviewed_by": (reviewed.by or "anonymous") if reviewed else None,
        "review_note": reviewed.note if reviewed else None,
        "quote": t.quote,
        "outcome_quote": v.outcome_quote if v else None,
    }
    return rec


def documents(engine: Engine, *, jurisdiction: str | None = None) -> list[DocumentRow]:
    """The reports in the ledger, by jurisdiction and year, without their bytes loaded lazily."""
    with Session(engine) as session:
        query = select(DocumentRow).order_by(
            col(DocumentRow.jurisdiction), col(DocumentRow.plan_year), col(DocumentRow.name)
        )
        if jurisdiction:
            query = query.where(DocumentRow.jurisdiction == jurisdiction)
        docs = list(session.exec(query).all())
        for d in docs:
            session.expunge(d)
        return docs


def outcome_rows(engine: Engine, *, jurisdiction: str | None = None) -> list[dict[str, Any]]:
    with Session(engine) as session:
        query = (
            select(OutcomeRow, DocumentRow)
            .join(DocumentRow, col(DocumentRow.id) == col(OutcomeRow.document_id))
            .order_by(col(DocumentRow.jurisdiction), col(DocumentRow.plan_year), col(OutcomeRow.seq))
        )
        if jurisdiction:
            query = query.where(DocumentRow.jurisdiction == jurisdiction)
        return [
            {
                "jurisdiction": d.jurisdiction, "doc": d.name, "source": d.source_url, "line": o.line, "span": o.span,
                "indicator": o.indicator, "comparator": o.comparator, "value": clean_number(o.value),
                "unit": o.unit, "year": o.year, "measure": o.measure, "provisional": o.provisional,
                "period": o.period, "stage": o.stage, "statement": o.statement, "quote": o.quote,
            }
            for o, d in session.exec(query).all()
        ]


def history(engine: Engine, target_id: str) -> list[dict[str, Any]]:
    """Every verdict the target has had, oldest first."""
    with Session(engine) as session:
        if session.exec(select(TargetRow.id).where(TargetRow.uid == target_id)).first() is None:
            raise InputError(f"{target_id}: no target with this id in the ledger (see tracker ledger)")
        entries = session.exec(
            select(HistoryRow).where(HistoryRow.target_uid == target_id).order_by(col(HistoryRow.id))
        ).all()
        return [
            {
                "at": h.at.strftime("%Y-%m-%d %H:%M:%S"), "source": h.source, "verdict": h.verdict,
                "reason_code": h.reason_code, "by": h.by, "note": h.note,
            }
            for h in entries
        ]
