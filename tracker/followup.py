"""Late delivery and silent drops: a target of year N read against the reviews after N+1.

The verdict of a target comes from the review of its own year (the report of N+1) and
is never changed here. What later reports add is kept beside it, one row per target:

- **met late**: not met in the N+1 review, but a later review (N+2 …) reports the
  promised stage reached ("建成", "投入使用"). Only completions count: a later year's
  figure is about that year, and a yearly task done later is that year's task.
- **dropped**: the N+1 review does not mention it (`not_reported`), no later review
  mentions it either, and no later report names it at all (not even to promise it
  again). Said only when at least one report after the N+1 one was searched.

Rules (how many years are searched, which reasons count) are in
`rules/later_reports.toml`. `follow_up` is pure; `refresh` recomputes the rows of whole
jurisdictions, and is called by the ledger after every ingest and re-judging.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cached_property

from sqlalchemy import insert
from sqlmodel import Session, col, delete, select

from tracker.judge import Prepared, deliverable_name, judge, prepare, promise_of
from tracker.model import Outcome, Report, Target
from tracker.rules import load
from tracker.store.tables import DocumentRow, FollowUpRow, OutcomeRow, TargetRow, VerdictRow

MET_LATE = "met_late"
DROPPED = "dropped"


def rules() -> dict:
    return load("later_reports")


# ---------------------------------------------------------------- the reports after N+1


@dataclass
class LaterReport:
    """One review in the ledger, as judging needs it, read once per jurisdiction."""

    document_id: int
    review_year: int
    report: Report  # metadata only: judge() reads the review year and the place's name
    outcomes: list[Outcome]
    # The report's whole text without spaces, for the "named again?" check; built on first use.
    content: bytes = b""
    name: str = ""
    prepared: Prepared | None = field(default=None, repr=False)

    def prep(self) -> Prepared:
        if self.prepared is None:
            self.prepared = prepare(self.report, self.outcomes)
        return self.prepared

    @cached_property
    def flat_text(self) -> str:
        from tracker.normalise import fold_width, to_simplified
        from tracker.readers import read_text

        try:
            text, _ = read_text(self.content, self.name)
        except Exception:  # unreadable now: fall back on its outcomes' words
            text = "".join(o.quote or o.span for o in self.outcomes)
        return "".join(fold_width(to_simplified(text)).split())


def _light_report(doc: DocumentRow) -> Report:
    """The report without its text: enough for judge(), and no re-reading of the bytes."""
    return Report(name=doc.name, sha256=doc.sha256, jurisdiction=doc.jurisdiction, kind=doc.kind,
                  delivered=doc.delivered, review_year=doc.review_year, plan_year=doc.plan_year,
                  five_year_end=doc.five_year_end, paragraphs=[], parts=[],
                  source_url=doc.source_url, title=doc.title)


def _as_outcome(row: OutcomeRow) -> Outcome:
    return Outcome(**{f.name: getattr(row, f.name) for f in fields(Outcome) if f.name in OutcomeRow.model_fields})


def _as_target(row: TargetRow) -> Target:
    return Target(**{f.name: getattr(row, f.name) for f in fields(Target) if f.name in TargetRow.model_fields})


def reviews_of(session: Session, jurisdiction: str) -> dict[int, LaterReport]:
    """The report reviewing each year of a jurisdiction, chosen as the ledger chooses the
    follow-up report (the latest plan year, then the first stored)."""
    docs = session.exec(
        select(DocumentRow)
        .where(DocumentRow.jurisdiction == jurisdiction, col(DocumentRow.review_year).is_not(None))
        .order_by(col(DocumentRow.plan_year).desc(), col(DocumentRow.id))
    ).all()
    chosen: dict[int, DocumentRow] = {}
    for d in docs:
        chosen.setdefault(d.review_year, d)
    ids = [d.id for d in chosen.values()]
    outcomes: dict[int, list[Outcome]] = {i: [] for i in ids}
    if ids:
        for row in session.exec(
            select(OutcomeRow).where(col(OutcomeRow.document_id).in_(ids)).order_by(col(OutcomeRow.seq))
        ).all():
            outcomes[row.document_id].append(_as_outcome(row))
    return {
        year: LaterReport(d.id, year, _light_report(d), outcomes[d.id], d.content, d.name)
        for year, d in chosen.items()
    }


# ---------------------------------------------------------------- one target


@dataclass(frozen=True)
class FollowUp:
    status: str  # met_late | dropped
    year: int  # the review year where it was done; for a drop, the last year searched
    searched: int  # reports after the N+1 one that were searched
    document_id: int | None = None
    line: int | None = None
    span: str | None = None
    quote: str | None = None
    reason: str = ""


def follow_up(target: Target, first_reason: str, first: LaterReport | None,
              later: list[LaterReport]) -> FollowUp | None:
    """What the reviews after N+1 say of a target not met in the N+1 review.

    `first_reason` is the reason code of its N+1 verdict; `first` the N+1 review itself
    (for the named-again check); `later` the reviews of N+2 … in year order."""
    if not later:
        return None
    cfg = rules()
    place = _place((first or later[0]).report.jurisdiction)
    promise = promise_of(target)
    heads = _heads(target, place) if promise is None or promise.kind not in cfg["late"]["skip_promises"] else []
    # The cheap text checks first: judging is what costs (a few ms a call).
    silent = (first_reason == "not_reported" and bool(_pieces(target, place))
              and not _named_again(target, place, [first, *later]))
    for i, rep in enumerate(later, start=1):
        if silent:  # whether any outcome at all speaks of it
            v = judge(target, rep.report, rep.outcomes, prepared=rep.prep())
            silent = v.reason_code == "not_reported"
        # Delivered late: judged against the outcomes naming the head of the project only
        # (the evidence must), which is also what keeps this step fast.
        naming = [o for o in rep.outcomes if o.stage and any(h in o.span for h in heads)]
        if naming:
            v = judge(target, rep.report, naming)
            if (v.verdict == "met" and v.reason_code in cfg["late"]["reasons"] and v.outcome is not None
                    and v.outcome.measure not in cfg["late"]["skip_measures"]
                    and _same_numbered_parts(target.span, v.outcome.span)):
                o = v.outcome
                return FollowUp(MET_LATE, rep.review_year, i, rep.document_id, o.line, o.span, o.quote, v.reason)
    if not silent:
        return None
    return FollowUp(DROPPED, later[-1].review_year, len(later),
                    reason=f"not mentioned in the {len(later) + 1} reviews from {later[0].review_year - 1} on")


def _named_again(target: Target, place: tuple[str, ...], reports: list[LaterReport | None]) -> bool:
    """Some piece of the target's name appears anywhere in a later report: reviewed in a
    form judging did not match, or promised again in its plan. Either way not a silent drop."""
    pieces = _pieces(target, place)
    return any(p in r.flat_text for r in reports if r is not None for p in pieces)


def _pieces(target: Target, place: tuple[str, ...]) -> list[str]:
    """Pieces of the target's name long enough to look for. None ("计划投资12.7亿元", "完成20个"):
    a fragment whose subject is elsewhere in its sentence, which cannot be said to be dropped."""
    least = int(rules()["dropped"]["min_name"])
    return [p for p in deliverable_name(target.span, place).split("|") if len(p) >= least]


_NUMBERED = re.compile(r"[\d一二三四五六七八九十]+(号线|期|号)")


def _same_numbered_parts(target_span: str, outcome_span: str) -> bool:
    """"西安地铁2号线" is not delivered by "西安地铁4号线…建成通车", nor "三期" by "一期": when the
    target numbers its parts, the outcome must name one of them (a list may be done in part)."""
    wanted = {m.group(0) for m in _NUMBERED.finditer(target_span)}
    return not wanted or bool(wanted & {m.group(0) for m in _NUMBERED.finditer(outcome_span)})


def _heads(target: Target, place: tuple[str, ...]) -> list[str]:
    """The heads of the project's name a later outcome must hold to deliver it late: the
    first head_run characters of each piece of 3 or more, common words kept (中俄蒙国际物流
    园区), where the proper noun is ("时代广场…" in "时代广场商业项目开工建设"). A shared tail
    ("农贸批发市场" of 龙腾 and of 万家惠) is not enough: years later, a loose match is more
    often another project."""
    run = int(rules()["late"]["head_run"])
    raw = deliverable_name(target.span, place, generic=False)
    return [p[:run] for p in raw.split("|") if len(p) >= 3]


def _place(jurisdiction: str) -> tuple[str, ...]:
    short = jurisdiction.rstrip("区市县旗盟省")
    return tuple(x for x in {jurisdiction, short} if len(x) >= 2)


# ---------------------------------------------------------------- the ledger's rows


def refresh(session: Session, jurisdictions: Iterable[str]) -> Counter:
    """Recompute the follow-up rows of every target of these jurisdictions. Returns the
    count of each status written."""
    counts: Counter = Counter()
    window = int(rules()["late"]["years_later"])
    for jurisdiction in sorted(set(jurisdictions)):
        session.exec(delete(FollowUpRow).where(FollowUpRow.jurisdiction == jurisdiction))
        rows = session.exec(
            select(TargetRow, VerdictRow)
            .join(VerdictRow, col(VerdictRow.target_id) == col(TargetRow.id))
            .where(TargetRow.jurisdiction == jurisdiction, TargetRow.horizon == "annual",
                   col(VerdictRow.verdict).in_(("missed", "unclear")))
            .order_by(col(TargetRow.target_year), col(TargetRow.id))
        ).all()
        if not rows:
            continue
        reviews = reviews_of(session, jurisdiction)
        found = []
        for t, v in rows:
            n = t.target_year
            later = [reviews[y] for y in range(n + 1, n + 1 + window) if y in reviews]
            f = follow_up(_as_target(t), v.reason_code, reviews.get(n), later)
            if f is not None:
                counts[f.status] += 1
                found.append({"target_uid": t.uid, "jurisdiction": jurisdiction, "status": f.status,
                              "year": f.year, "searched": f.searched, "document_id": f.document_id,
                              "line": f.line, "span": f.span, "quote": f.quote, "reason": f.reason})
        if found:
            session.connection().execute(insert(FollowUpRow.__table__), found)
    return counts


def forget_document(session: Session, document_id: int) -> None:
    """Before a report is deleted (replaced): its citations go; the next refresh redoes them."""
    session.exec(delete(FollowUpRow).where(FollowUpRow.document_id == document_id))
