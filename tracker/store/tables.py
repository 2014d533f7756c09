"""Ledger tables. One row per report, target, outcome and current verdict.

Reports keep their original bytes so the ledger can re-judge old targets when a
follow-up report arrives, without needing the original file again.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Column, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class DocumentRow(SQLModel, table=True):
    __tablename__ = "document"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)  # file name, used to cite the report
    sha256: str = Field(unique=True, index=True)
    jurisdiction: str = Field(index=True)
    kind: str
    delivered: date | None = None
    review_year: int | None = Field(default=None, index=True)
    plan_year: int = Field(index=True)
    five_year_end: int | None = None
    encoding: str = "utf-8"
    size: int = 0
    # From the report's front-matter header, when it has one: the official URL is what a
    # scorecard cites, beside the file and line.
    source_url: str | None = None
    title: str | None = None
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class TargetRow(SQLModel, table=True):
    __tablename__ = "target"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True, index=True)  # stable across rebuilds and exports
    document_id: int = Field(foreign_key="document.id", index=True)
    seq: int  # order within the document
    jurisdiction: str = Field(index=True)
    line: int
    span: str
    kind: str
    indicator: str
    indicator_key: str | None = None
    comparator: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    target_year: int = Field(index=True)
    horizon: str = "annual"
    measure: str = "none"
    polarity: int = 1
    relation: str | None = None
    stage: str | None = None
    quote: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class OutcomeRow(SQLModel, table=True):
    __tablename__ = "outcome"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    seq: int
    line: int
    span: str
    indicator: str
    indicator_key: str | None = None
    value: float | None = None
    unit: str | None = None
    year: int
    measure: str = "none"
    comparator: str | None = None
    provisional: bool = False
    stage: str | None = None
    statement: str | None = None
    quote: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    period: str | None = None  # part of the year the figure is for, None for the whole year


class VerdictRow(SQLModel, table=True):
    """The machine's current verdict for a target (replaced when re-judged)."""

    __tablename__ = "verdict"
    __table_args__ = (UniqueConstraint("target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    target_id: int = Field(foreign_key="target.id", index=True)
    verdict: str = Field(index=True)
    reason_code: str
    rule: str = ""
    reason: str = ""
    provisional: bool = False
    outcome_document_id: int | None = Field(default=None, foreign_key="document.id")
    outcome_line: int | None = None
    outcome_span: str | None = None
    outcome_quote: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    target_norm: float | None = None
    outcome_norm: float | None = None
    norm_unit: str | None = None


class HistoryRow(SQLModel, table=True):
    """Append-only log of every verdict a target has had: the machine's and people's.

    Keyed by the target's stable uid, so it survives re-ingesting and re-judging."""

    __tablename__ = "verdict_history"

    id: int | None = Field(default=None, primary_key=True)
    target_uid: str = Field(index=True)
    source: str  # "machine" or "review"
    verdict: str
    reason_code: str | None = None
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    by: str | None = None
    at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))


class FollowUpRow(SQLModel, table=True):
    """What the reviews after the N+1 one say of a target not met in it: done late, or
    never mentioned again (tracker/followup.py). Derived data, recomputed per jurisdiction
    after every ingest; the target's verdict is not changed by it."""

    __tablename__ = "followup"

    id: int | None = Field(default=None, primary_key=True)
    target_uid: str = Field(unique=True, index=True)
    jurisdiction: str = Field(index=True)  # so a jurisdiction's rows are replaced together
    status: str  # met_late | dropped
    year: int  # review year where it is reported done; for a drop, the last year searched
    searched: int = 0  # reports after the N+1 one that were searched
    document_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    line: int | None = None
    span: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    quote: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reason: str = ""


class RestatedRow(SQLModel, table=True):
    """A verdict whose figure a later report contradicts, or whose report a later one
    admits was built on false data (tracker/restated.py). Derived data, like FollowUpRow."""

    __tablename__ = "restated"

    id: int | None = Field(default=None, primary_key=True)
    target_uid: str = Field(unique=True, index=True)
    jurisdiction: str = Field(index=True)
    kind: str  # figure | admission
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    document_id: int = Field(foreign_key="document.id", index=True)  # the later report
    line: int
    quote: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
