"""Late delivery and silent drops: a target of year N read against the reviews after N+1.

The verdict of a target comes from the review of its own year (the report of N+1) and
is never changed here. What later reports add is kept beside it, one row per target:

- **met late**: not met in the N+1 review, but a later review (N+2 …) reports the
  promised stage reached ("建成", "投入使用"), in a statement about its own year (not a
  five-year or term review, not a "累计" total), naming the project by its telling words:
  the head of a piece of its name that tells one thing from others, and the kind of
  thing it is ("深圳创意设计学院" is not "深圳创意设计馆"). Only completions count: a later
  year's figure or count is about that year, and a yearly task or event done later is
  that year's.
- **dropped**: the N+1 review does not mention it (`not_reported`), no later review
  mentions it either, and no later report names it at all (not even to promise it
  again): no telling run of four characters of its name is in them. Said only when at
  least one report after the N+1 one was searched.

Rules are data in `rules/later_reports.toml`. `follow_up` is pure; `refresh` recomputes
the rows of a jurisdiction's targets, all of them or those of the years a new report can
move (`affected_years`), and is called by the ledger after every ingest and re-judging.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields
from functools import cache, cached_property

from sqlalchemy import insert
from sqlmodel import Session, col, delete, select

from tracker import docfreq
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

        text = self._text()
        if text is None:  # unreadable now: fall back on its outcomes' words
            text = "".join(o.quote or o.span for o in self.outcomes)
        return "".join(fold_width(to_simplified(text)).split())

    @cached_property
    def stage_outcomes(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.stage]

    @cached_property
    def stage_text(self) -> str:
        """The stage outcomes' words in one string: one search tells whether any names a head."""
        return "\n".join(o.span for o in self.stage_outcomes)

    def several_years(self, o: Outcome) -> bool:
        """The outcome states what was done over several years, not in its review year."""
        return _several_years_sentence(o) or o.line in self._several_year_lines

    @cached_property
    def _several_year_lines(self) -> frozenset[int]:
        # Segmenting again costs; only the few reports with a candidate late delivery do.
        from tracker.pipeline import report_from_bytes

        try:
            full = report_from_bytes(self.content, self.name, jurisdiction=self.report.jurisdiction,
                                     year=self.report.plan_year)
        except Exception:  # unreadable now: only the outcomes' own words can tell
            return frozenset()
        return several_year_lines(full)

    def _text(self) -> str | None:
        from tracker.readers import read_text

        try:
            return read_text(self.content, self.name)[0]
        except Exception:
            return None


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


def reviews_of(session: Session, jurisdiction: str, years: range | None = None) -> dict[int, LaterReport]:
    """The report reviewing each year of a jurisdiction (of `years` only, when given),
    chosen as the ledger chooses the follow-up report (the latest plan year, then the
    first stored)."""
    q = (select(DocumentRow)
         .where(DocumentRow.jurisdiction == jurisdiction, col(DocumentRow.review_year).is_not(None))
         .order_by(col(DocumentRow.plan_year).desc(), col(DocumentRow.id)))
    if years is not None:
        q = q.where(col(DocumentRow.review_year) >= years.start, col(DocumentRow.review_year) < years.stop)
    chosen: dict[int, DocumentRow] = {}
    for d in session.exec(q).all():
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
    place = _place((first or later[0]).report.jurisdiction)
    late = delivered_late(target, place, later)
    if late is not None:
        return late
    if first_reason == "not_reported" and _silent(target, place, first, later):
        return FollowUp(DROPPED, later[-1].review_year, len(later),
                        reason=f"not mentioned in the {len(later) + 1} reviews from {later[0].review_year - 1} on")
    return None


# ---------------------------------------------------------------- met late


def delivered_late(target: Target, place: tuple[str, ...], later: list[LaterReport]) -> FollowUp | None:
    """The first later review reporting the promised stage reached, by a single-year
    outcome that names the project (head, kind and telling words), else None."""
    pieces = late_pieces(target, place)
    if not pieces:
        return None
    cfg = rules()["late"]
    heads = {p[:int(cfg["head_run"])] for p in pieces}
    kind = _document_kind(target.span)
    for i, rep in enumerate(later, start=1):
        # The cheap text checks first: judging is what costs (a few ms a call).
        if not any(h in rep.stage_text for h in heads):
            continue
        naming = [o for o in rep.stage_outcomes if any(names_it(p, o.span) for p in pieces)]
        naming = [o for o in naming if (kind is None or kind in o.span)
                  and not _counted(o.span) and not rep.several_years(o)]
        if not naming:
            continue
        v = judge(target, rep.report, naming)
        if (v.verdict == "met" and v.reason_code in cfg["reasons"] and v.outcome is not None
                and _same_numbered_parts(target.span, v.outcome.span)):
            o = v.outcome
            return FollowUp(MET_LATE, rep.review_year, i, rep.document_id, o.line, o.span, o.quote, v.reason)
    return None


def late_pieces(target: Target, place: tuple[str, ...]) -> list[str]:
    """The pieces of the project's name a later outcome may deliver it by; none when the
    target cannot be met late at all (a yearly task, a recurring event, a count)."""
    if not _may_be_late(target):
        return []
    raw = deliverable_name(target.span, place + _verbs(), generic=False)
    pieces = (_without_prefix(p) for p in _split(raw))
    return [p for p in pieces if len(p) >= 3 and _telling(deliverable_name(p, place))]


def _without_prefix(piece: str) -> str:
    """"新一轮大企业培育…" is headed by 大企业, not by 新一轮 (which "新一轮大学生…" shares)."""
    for x in rules()["late"]["head_skip"]:
        if piece.startswith(x):
            return piece[len(x):]
    return piece


def _telling(name: str) -> bool:
    """A name that tells one thing from others: enough telling characters, and a pair of
    them few reports use ("南坪", "方兴"; not "总体规划", "小康社会", "示范点")."""
    cfg = rules()["late"]
    pairs = [p[i:i + 2] for p in name.split("|") for i in range(len(p) - 1)]
    return (docfreq.weight(name) >= float(cfg["min_weight"])
            and max(map(docfreq.idf, pairs), default=0.0) >= float(cfg["min_pair_idf"]))


def _may_be_late(target: Target) -> bool:
    cfg = rules()["late"]
    promise = promise_of(target)
    if promise is not None and promise.kind in cfg["skip_promises"]:
        return False
    if promise is not None and promise.kind == "event" and not re.search(cfg["event_edition"], target.span):
        return False
    return not _counted(target.span)


def _document_kind(span: str) -> str | None:
    """The kind of document promised ("制定…功能分区规划" → 规划), None for other promises."""
    words = span.removesuffix("工作")
    return next((k for k in rules()["late"]["documents"] if words.endswith(k)), None)


def _counted(text: str) -> bool:
    """A count or a share: the figure of the year that states it ("建成57个", "42.7%")."""
    return re.search(rules()["late"]["counted"], text) is not None


def names_it(piece: str, span: str) -> bool:
    """The outcome names the project of this piece: its head (the proper noun, first
    head_run characters) and, right after, its last two characters (the kind of thing)."""
    cfg = rules()["late"]
    head = piece[:int(cfg["head_run"])]
    tail = _without_suffix(piece)[-2:]
    reach = len(piece) + int(cfg["tail_slack"])
    start = span.find(head)
    while start >= 0:
        if tail in span[start:start + reach]:
            return True
        start = span.find(head, start + 1)
    return False


def _without_suffix(piece: str) -> str:
    """The piece less the endings that are not a kind of thing ("…燃煤锅炉淘汰工作", "大科学装置群")."""
    for x in rules()["late"]["tail_skip"]:
        if piece.endswith(x) and len(piece) > len(x) + 1:
            return piece[:-len(x)]
    return piece


_LIST_WORDS = re.compile(r"[|、和及与《》〈〉]|(?<![高中初平均])等(?!级)")


def _split(name: str) -> list[str]:
    """A name's pieces, split at list words too: "贡湖湾湿地和雪浪山生态" is two places,
    "方兴大道等骨干道路" one road and a kind of road."""
    return [p for p in _LIST_WORDS.split(name) if p]


@cache
def _verbs() -> tuple[str, ...]:
    """The words a promise starts with ("设立", "组建", "创建", "办好"): they name no project."""
    w = load("outcome_words")
    return tuple(dict.fromkeys(w["promise_act"] + w["act"] + w["promise_title"] + w["promise_event"]))


_NUMBERED = re.compile(r"[\d一二三四五六七八九十]+(号线|期|号)")


def _same_numbered_parts(target_span: str, outcome_span: str) -> bool:
    """"西安地铁2号线" is not delivered by "西安地铁4号线…建成通车", nor "三期" by "一期": when the
    target numbers its parts, the outcome must name one of them (a list may be done in part)."""
    wanted = {m.group(0) for m in _NUMBERED.finditer(target_span)}
    return not wanted or bool(wanted & {m.group(0) for m in _NUMBERED.finditer(outcome_span)})


# ---------------------------------------------------------------- several years


def several_year_lines(report: Report) -> frozenset[int]:
    """The lines of a report's review that speak of several years.

    All of a five-year review and of a part headed by a period alone ("本届政府工作回顾").
    A part headed by a year and a period ("2015年及“十二五”工作回顾") reviews the year
    first: from its first paragraph opening on a period ("回首“十二五”", "这五年") on. Any
    other part: from a paragraph opening on a period until one opening on a single year."""
    lines: set[int] = set()
    for part in report.parts:
        if part.kind not in ("review", "five_year_review"):
            continue
        period, year = _opens_on(part.heading, whole=True)
        whole = part.kind == "five_year_review" or (period and not year)
        several = whole
        for para in part.paragraphs:
            if not whole and not (several and period):  # a mixed part never goes back
                p, y = _opens_on(para.text, whole=False)
                several = p or (several and not y)
            if several:
                lines.update(line for _, line in para.breaks)
    return frozenset(lines)


def _opens_on(text: str, *, whole: bool) -> tuple[bool, bool]:
    """Whether a heading (whole) or a paragraph's opening speaks of a period, and of a
    single year. In an opening only the first marker counts: "2017年是“十三五”…的一年"
    is a year."""
    cfg = rules()["late"]["several_years"]
    if not whole:
        text = text[:int(cfg["opening_reach"])]
    period = [m.start() for p in cfg["opening"] for m in [re.search(p, text)] if m]
    single = [m.start() for p in cfg["single"] for m in [re.search(p, text)] if m]
    if whole:
        return bool(period), bool(single)
    if period and (not single or min(period) <= min(single)):  # "2013年以来" is a period
        return True, False
    return False, bool(single)


def _several_years_sentence(o: Outcome) -> bool:
    """The outcome's sentence, up to its own words, speaks of several years ("累计建成",
    "五年来…建成"); a total in a later clause ("…开通运营，引江济淮累计完成投资") does not."""
    cfg = rules()["late"]
    if o.measure in cfg["skip_measures"]:
        return True
    quote = o.quote or o.span
    end = quote.find(o.span)
    before = quote[:end + len(o.span)] if end >= 0 else quote
    return any(re.search(p, before) for p in cfg["several_years"]["sentence"])


# ---------------------------------------------------------------- dropped


def _silent(target: Target, place: tuple[str, ...], first: LaterReport | None,
            later: list[LaterReport]) -> bool:
    """No later review speaks of the target, and no later report names it at all."""
    if not _pieces(target, place) or _named_again(target, place, [first, *later]):
        return False
    return all(judge(target, rep.report, rep.outcomes, prepared=rep.prep()).reason_code == "not_reported"
               for rep in later)


def _named_again(target: Target, place: tuple[str, ...], reports: list[LaterReport | None]) -> bool:
    """Some piece of the target's name appears anywhere in a later report: reviewed in a
    form judging did not match, or promised again in its plan. Either way not a silent drop."""
    keys = _mention_keys(target, place)
    return any(k in r.flat_text for r in reports if r is not None for k in keys)


def _pieces(target: Target, place: tuple[str, ...], generic: bool = True) -> list[str]:
    """Pieces of the target's name long enough to look for, its common words left out
    (or kept: `generic=False`). None ("计划投资12.7亿元", "完成20个"): a fragment whose
    subject is elsewhere in its sentence, which cannot be said to be dropped."""
    least = int(rules()["dropped"]["min_name"])
    pieces = []
    for p in _split(deliverable_name(target.span, _verbs(), generic=generic)):
        rest = p
        for x in place:
            rest = rest.replace(x, "")
        # "合肥市志" less its place is "志": the place is part of that name.
        pieces.append(rest if len(rest) >= least else p if rest != p else "")
    return [p for p in pieces if len(p) >= least and p not in place]


def _mention_keys(target: Target, place: tuple[str, ...]) -> set[str]:
    """What is looked for: the telling runs of `window` characters of each piece, common
    words kept ("废弃物综合处置中心" is named by "废弃物综"), a piece holding the place's
    name, or with no telling run, whole."""
    cfg = rules()["dropped"]
    n, least = int(cfg["window"]), float(cfg["min_weight"])
    keys = set()
    for p in _pieces(target, place, generic=False):
        runs = [] if len(p) <= n or any(x in p for x in place) else [
            r for r in (p[i:i + n] for i in range(len(p) - n + 1)) if docfreq.weight(r) >= least]
        keys.update(runs or [p])
    return keys


def _place(jurisdiction: str) -> tuple[str, ...]:
    """The place's names, longest first: 海拉尔区, 海拉尔."""
    short = jurisdiction.rstrip("区市县旗盟省")
    return tuple(x for x in dict.fromkeys((jurisdiction, short)) if len(x) >= 2)


# ---------------------------------------------------------------- the ledger's rows


def affected_years(years: Iterable[int]) -> set[int]:
    """The target years whose follow-ups can move when the reviews or the verdicts of
    these years change: a target of year N reads the reviews of N … N+years_later."""
    window = int(rules()["late"]["years_later"])
    return {n for y in years for n in range(y - window, y + 1)}


def refresh(session: Session, jurisdictions: Iterable[str], *, years: Collection[int] | None = None) -> Counter:
    """Recompute the follow-up rows of the targets of these jurisdictions: all of them, or
    only those due in `years` (see affected_years). Returns the count of each status written."""
    counts: Counter = Counter()
    window = int(rules()["late"]["years_later"])
    for jurisdiction in sorted(set(jurisdictions)):
        _forget_targets(session, jurisdiction, years)
        rows = session.exec(_open_targets(jurisdiction, years)).all()
        if not rows:
            continue
        due = [t.target_year for t, _ in rows]
        reviews = reviews_of(session, jurisdiction, range(min(due), max(due) + window + 1))
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


def _targets_due(jurisdiction: str, years: Collection[int] | None):
    """The uids of a jurisdiction's targets due in `years` (all without)."""
    q = select(TargetRow.uid).where(TargetRow.jurisdiction == jurisdiction)
    return q if years is None else q.where(col(TargetRow.target_year).in_(sorted(years)))


def _forget_targets(session: Session, jurisdiction: str, years: Collection[int] | None) -> None:
    gone = delete(FollowUpRow).where(FollowUpRow.jurisdiction == jurisdiction)
    if years is not None:
        gone = gone.where(col(FollowUpRow.target_uid).in_(_targets_due(jurisdiction, years)))
    session.exec(gone)


def _open_targets(jurisdiction: str, years: Collection[int] | None):
    """The yearly targets not met in their N+1 review: the ones later reports may speak of."""
    q = (select(TargetRow, VerdictRow)
         .join(VerdictRow, col(VerdictRow.target_id) == col(TargetRow.id))
         .where(TargetRow.jurisdiction == jurisdiction, TargetRow.horizon == "annual",
                col(VerdictRow.verdict).in_(("missed", "unclear")))
         .order_by(col(TargetRow.target_year), col(TargetRow.id)))
    return q if years is None else q.where(col(TargetRow.target_year).in_(sorted(years)))


def forget_document(session: Session, document_id: int) -> None:
    """Before a report is deleted (replaced): its citations and its own targets' rows go;
    the next refresh redoes them."""
    session.exec(delete(FollowUpRow).where(FollowUpRow.document_id == document_id))
    session.exec(delete(FollowUpRow).where(col(FollowUpRow.target_uid).in_(
        select(TargetRow.uid).where(TargetRow.document_id == document_id))))
