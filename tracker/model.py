"""Plain records passed along the pipeline: bytes → text → parts → targets/outcomes → verdicts.

These are the contract between modules. The pure core (readers, normalise, segment,
extract, judge) only builds and reads these; the ledger turns them into rows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

# five_year: goals of a five-year plan (十四五/十五五); five_year_review: the review of a whole
# plan period ("十四五"时期回顾), where five-year goals find their outcomes.
PartKind = Literal["preamble", "review", "plan", "five_year", "five_year_review", "other"]
TargetKind = Literal["quantitative", "relative", "deliverable"]
Comparator = Literal[">=", "<=", "~", "="]
Horizon = Literal["annual", "five_year"]
# What a number measures: a growth rate (增长5%), a level (完成44亿元), a running total
# (累计), a change in a level (增加/提高 2万亿元), a share or rate (占比50%, 失业率5.5%).
Measure = Literal["growth", "level", "cumulative", "change", "rate", "none"]
VerdictName = Literal["met", "missed", "unclear", "pending"]
ReportKind = Literal["work_report", "plan_report"]


@dataclass(frozen=True)
class Paragraph:
    """One logical paragraph of normalised text and where it came from.

    `text` is normalised (see normalise.py); `breaks` maps offsets in `text` back to
    1-based lines of the original file: breaks[i] = (offset, line) means the
    characters from `offset` on came from original line `line` (until the next break).
    A paragraph joined from page-broken PDF lines has several breaks.
    """

    text: str
    breaks: tuple[tuple[int, int], ...]
    marked: bool = False  # the source marked it as a heading (Markdown bold line or "#")

    @property
    def line(self) -> int:
        return self.breaks[0][1]

    def line_at(self, offset: int) -> int:
        """Original 1-based line holding the character at `offset` of `text`."""
        offsets = [b[0] for b in self.breaks]
        i = bisect.bisect_right(offsets, offset) - 1
        return self.breaks[max(i, 0)][1]


@dataclass
class Part:
    """A section of the report: what it is about and its paragraphs in order."""

    kind: PartKind
    heading: str
    year: int | None  # the year reviewed (review) or planned (plan); end year for five_year
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Report:
    """A read, normalised and segmented report, before anything is extracted."""

    name: str  # file name as given (basename), used to cite the document
    sha256: str  # of the original bytes
    jurisdiction: str  # e.g. 静海区, 海拉尔区, 全国
    kind: ReportKind
    delivered: date | None
    review_year: int | None  # year whose outcomes the review part reports
    plan_year: int  # year the annual targets are due
    five_year_end: int | None  # end year of the five-year plan whose goals it states, if any
    paragraphs: list[Paragraph]
    parts: list[Part]
    encoding: str = "utf-8"
    # From a Markdown front-matter header ("source:", "title:"): the official URL is the
    # citation a journalist prints.
    source_url: str | None = None
    title: str | None = None

    def parts_of(self, kind: PartKind) -> list[Part]:
        return [p for p in self.parts if p.kind == kind]


@dataclass
class Target:
    """A commitment stated in a plan part."""

    line: int  # original 1-based line where the span starts
    span: str  # the target's own words (normalised text)
    kind: TargetKind
    indicator: str  # canonical indicator name when the lexicon knows it, else derived words
    comparator: Comparator | None
    value: float | None  # as written (in `unit`), lower end of a range
    unit: str | None  # as written: "%", "亿元", "万人", "个百分点" ...
    target_year: int
    horizon: Horizon = "annual"
    value_max: float | None = None  # upper end of a range ("4.5%—5%", "5-8家")
    measure: Measure = "none"
    polarity: int = 1  # +1 more is better, -1 less is better
    indicator_key: str | None = None  # lexicon id when the indicator is known
    # relative targets: synchronous, above_average, assigned_task, decrease, increase, zero, stable ...
    relation: str | None = None
    stage: str | None = None  # deliverables: the promised stage (投入使用, 建成, 开工, 创建 ...)
    quote: str = ""  # the whole sentence around the span, for a reader
    offset: int = 0  # offset of span in its paragraph text (for ordering and tracing)


@dataclass
class Outcome:
    """A statement of what happened, from a review part."""

    line: int
    span: str
    indicator: str
    value: float | None
    unit: str | None
    year: int  # the year the outcome is about
    measure: Measure = "none"
    comparator: Comparator | None = None  # "超过" in an outcome = at least the value
    provisional: bool = False  # 预计 / estimates
    indicator_key: str | None = None
    stage: str | None = None  # deliverables: stage reported (建成, 投入使用, 开工, 加快建设 ...)
    statement: str | None = None  # relative statements: completed_task, synchronous, achieved ...
    quote: str = ""
    offset: int = 0
    # a figure for part of the year only ("前三季度", "1—11月"), from a report delivered
    # before the year's figures were in; None: the whole year
    period: str | None = None


@dataclass
class Verdict:
    """The judgement of one target against the follow-up report."""

    verdict: VerdictName
    # at_least, ceiling, about, range, synchronous, task_completed, deliverable_done,
    # deliverable_lesser_stage, not_reported, different_measure, external_data, ambiguous, no_followup ...
    reason_code: str
    rule: str  # the policy rule applied, in words
    reason: str  # one sentence for a reader
    outcome: Outcome | None = None
    provisional: bool = False
    target_norm: float | None = None  # numbers compared, after unit normalisation
    outcome_norm: float | None = None
    norm_unit: str | None = None
