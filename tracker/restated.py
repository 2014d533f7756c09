"""Restated data: a verdict whose figure a later report contradicts or disowns.

Two signs, both from later reports of the same jurisdiction, neither changing a verdict:

- **figure**: a later report gives the same year's figure for the same indicator and
  measure, and it differs from the figure the verdict used by more than a normal
  revision (thresholds in `rules/later_reports.toml`, [restated]);
- **admission**: a later report's review admits earlier data were false ("经济数据弄虚
  作假", "虚增空转", "挤掉了水分"; patterns in [admission]); every verdict resting on a
  figure from the jurisdiction's reports of the years before it is flagged.

`restatement` and `admissions` are pure; `refresh` rewrites a jurisdiction's rows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, insert
from sqlmodel import Session, col, delete, select

from tracker.judge import similarity
from tracker.outcomes import to_base
from tracker.records import clean_number
from tracker.rules import load
from tracker.store.tables import DocumentRow, OutcomeRow, RestatedRow, TargetRow, VerdictRow

FIGURE = "figure"
ADMISSION = "admission"
RATE_UNITS = ("%", "个百分点")
BOUNDS = (">=", "<=")  # "超过", "近": a bound, not the figure


def rules() -> dict:
    return load("later_reports")


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class Figure:
    """An outcome as restatement compares it."""

    year: int
    indicator: str
    indicator_key: str | None
    measure: str
    value: float | None
    unit: str | None
    comparator: str | None = None
    provisional: bool = False

    @staticmethod
    def of(row: OutcomeRow) -> "Figure":
        return Figure(row.year, row.indicator, row.indicator_key, row.measure, row.value, row.unit,
                      row.comparator, bool(row.provisional))


def comparable(used: Figure, other: Figure) -> bool:
    """Both are the one figure of the same year, indicator and measure."""
    cfg = rules()["restated"]
    if used.value is None or other.value is None or not used.indicator_key:
        return False
    if (used.year, used.indicator_key, used.measure) != (other.year, other.indicator_key, other.measure):
        return False
    if used.measure not in cfg["measures"] or used.comparator in BOUNDS or other.comparator in BOUNDS:
        return False
    if to_base(1.0, used.unit)[1] != to_base(1.0, other.unit)[1]:
        return False
    return similarity(used.indicator, other.indicator) >= float(cfg["min_name_similarity"])


def allowance(used: Figure, other: Figure) -> float:
    """How far a later figure may move before it is a restatement, in base units."""
    cfg = rules()["restated"]
    if used.unit in RATE_UNITS:
        room = float(cfg["rate_points"])
    else:
        room = abs(to_base(used.value or 0.0, used.unit)[0]) * float(cfg["level_share"])
    if used.provisional or other.provisional:
        room *= float(cfg["provisional_factor"])
    return room


def restatement(used: Figure, other: Figure) -> bool:
    """The later figure contradicts the one used, beyond rounding and normal revision."""
    if not comparable(used, other):
        return False
    a = to_base(used.value, used.unit)[0]
    b = to_base(other.value, other.unit)[0]
    return abs(a - b) > allowance(used, other) + 1e-9


# ---------------------------------------------------------------- admissions


@dataclass(frozen=True)
class Admission:
    line: int  # 1-based line of the original file
    quote: str  # the sentence


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in rules()["admission"]["patterns"])


_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]?")


def admissions(text: str, before_line: int | None = None) -> list[Admission]:
    """Sentences of a report's text admitting earlier data were false, with their line;
    only those before `before_line` (the first target: the review, not the plan)."""
    found = []
    for n, line in enumerate(text.splitlines(), start=1):
        if before_line is not None and n >= before_line:
            break
        for sentence in _SENTENCE.findall(line):
            if any(_admits(sentence, m) for p in _patterns() for m in p.finditer(sentence)):
                found.append(Admission(n, sentence.strip()))
    return found


def _admits(sentence: str, match: re.Match[str]) -> bool:
    """Not a warning against false data ("严防统计数据造假") but a word that it was there."""
    cfg = rules()["admission"]
    before = sentence[max(0, match.start() - int(cfg["warning_reach"])):match.start()]
    return not any(w in before for w in cfg["warnings"])


def document_admissions(session: Session, doc: DocumentRow) -> list[Admission]:
    from tracker.normalise import fold_width, to_simplified
    from tracker.readers import read_text

    try:
        text, _ = read_text(doc.content, doc.name)
    except Exception:  # a report that no longer reads has nothing to admit
        return []
    first = None
    if rules()["admission"]["before_first_target"]:
        first = session.exec(select(func.min(TargetRow.line)).where(TargetRow.document_id == doc.id)).one()
    return admissions(fold_width(to_simplified(text)), first)


# ---------------------------------------------------------------- the ledger's rows


def _num(value: float | None, unit: str | None) -> str:
    return f"{clean_number(value)}{unit or ''}"


def refresh(session: Session, jurisdictions: Iterable[str]) -> Counter:
    """Rewrite the restated rows of these jurisdictions. Returns the count of each kind
    written, and of admission sentences found ("sentences")."""
    counts: Counter = Counter()
    back = int(rules()["admission"]["years_back"])
    for jurisdiction in sorted(set(jurisdictions)):
        session.exec(delete(RestatedRow).where(RestatedRow.jurisdiction == jurisdiction))
        docs = {d.id: d for d in session.exec(
            select(DocumentRow).where(DocumentRow.jurisdiction == jurisdiction)).all()}
        used = session.exec(
            select(TargetRow.uid, TargetRow.target_year, VerdictRow)
            .join(VerdictRow, col(VerdictRow.target_id) == col(TargetRow.id))
            .where(TargetRow.jurisdiction == jurisdiction, col(VerdictRow.outcome_norm).is_not(None),
                   col(VerdictRow.outcome_document_id).is_not(None))
        ).all()
        if not used:
            continue
        outcomes = session.exec(
            select(OutcomeRow).where(col(OutcomeRow.document_id).in_(list(docs)),
                                     col(OutcomeRow.value).is_not(None))
        ).all()
        by_place: dict[tuple, list[OutcomeRow]] = {}
        for o in outcomes:
            by_place.setdefault((o.document_id, o.line, o.span), []).append(o)
        by_figure: dict[tuple, list[OutcomeRow]] = {}
        for o in outcomes:
            by_figure.setdefault((o.year, o.indicator_key, o.measure), []).append(o)
        flagged: dict[str, dict] = {}
        for uid, year, v in used:
            # The figure the verdict used: of the target's own year (one clause may give
            # several outcomes, e.g. the year's and a five-year one).
            row = next((o for o in by_place.get((v.outcome_document_id, v.outcome_line, v.outcome_span), ())
                        if o.year == year), None)
            if row is None:
                continue
            mine, year_of = Figure.of(row), docs[row.document_id].plan_year
            for other in by_figure.get((row.year, row.indicator_key, row.measure), ()):
                later = docs[other.document_id]
                if later.plan_year > year_of and restatement(mine, Figure.of(other)):
                    note = (f"{later.name}称{row.year}年{other.indicator}为{_num(other.value, other.unit)}，"
                            f"本判决所用为{_num(row.value, row.unit)}（{docs[row.document_id].name}）")
                    flagged[uid] = {"kind": FIGURE, "note": note, "document_id": later.id,
                                    "line": other.line, "quote": other.quote}
                    break
        admitted = [(d, a) for d in sorted(docs.values(), key=lambda d: d.plan_year)
                    for a in document_admissions(session, d)]
        counts["sentences"] += len(admitted)
        for uid, _, v in used:
            if uid in flagged:
                continue  # a contradicting figure says more than an admission
            source = docs.get(v.outcome_document_id)
            for d, a in admitted:
                if source is not None and d.plan_year - back <= source.plan_year < d.plan_year:
                    flagged[uid] = {"kind": ADMISSION, "document_id": d.id, "line": a.line, "quote": a.quote,
                                    "note": f"{d.name}承认此前的数据不实：“{a.quote}”"}
                    break
        if flagged:
            session.connection().execute(insert(RestatedRow.__table__), [
                {"target_uid": uid, "jurisdiction": jurisdiction, **f} for uid, f in flagged.items()])
        counts.update(f["kind"] for f in flagged.values())
    return counts


def forget_document(session: Session, document_id: int) -> None:
    """Before a report is deleted (replaced): its flags go; the next refresh redoes them."""
    session.exec(delete(RestatedRow).where(RestatedRow.document_id == document_id))
