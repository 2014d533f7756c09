"""The initial ledger: document, target, outcome, verdict, verdict_history.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Matches what `SQLModel.metadata.create_all` made before migrations existed, so
such ledgers are stamped with this revision instead of being re-created.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(name: str, nullable: bool = False) -> sa.Column:
    # SQLModel's AutoString is a plain VARCHAR without length on SQLite and PostgreSQL.
    return sa.Column(name, sa.String(), nullable=nullable)


def _index(table: str, *columns: str, unique: bool = False) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=unique)


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("name"),
        _text("sha256"),
        _text("jurisdiction"),
        _text("kind"),
        sa.Column("delivered", sa.Date(), nullable=True),
        sa.Column("review_year", sa.Integer(), nullable=True),
        sa.Column("plan_year", sa.Integer(), nullable=False),
        sa.Column("five_year_end", sa.Integer(), nullable=True),
        _text("encoding"),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("document", "jurisdiction", "name", "plan_year", "review_year")
    _index("document", "sha256", unique=True)

    op.create_table(
        "verdict_history",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("target_uid"),
        _text("source"),
        _text("verdict"),
        _text("reason_code", nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        _text("by", nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("verdict_history", "target_uid")

    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        _text("span"),
        _text("indicator"),
        _text("indicator_key", nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        _text("unit", nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        _text("measure"),
        _text("comparator", nullable=True),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        _text("stage", nullable=True),
        _text("statement", nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("outcome", "document_id")

    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("uid"),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        _text("jurisdiction"),
        sa.Column("line", sa.Integer(), nullable=False),
        _text("span"),
        _text("kind"),
        _text("indicator"),
        _text("indicator_key", nullable=True),
        _text("comparator", nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("value_max", sa.Float(), nullable=True),
        _text("unit", nullable=True),
        sa.Column("target_year", sa.Integer(), nullable=False),
        _text("horizon"),
        _text("measure"),
        sa.Column("polarity", sa.Integer(), nullable=False),
        _text("relation", nullable=True),
        _text("stage", nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("target", "document_id", "jurisdiction", "target_year")
    _index("target", "uid", unique=True)

    op.create_table(
        "verdict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        _text("verdict"),
        _text("reason_code"),
        _text("rule"),
        _text("reason"),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("outcome_document_id", sa.Integer(), nullable=True),
        sa.Column("outcome_line", sa.Integer(), nullable=True),
        _text("outcome_span", nullable=True),
        sa.Column("outcome_quote", sa.Text(), nullable=True),
        sa.Column("target_norm", sa.Float(), nullable=True),
        sa.Column("outcome_norm", sa.Float(), nullable=True),
        _text("norm_unit", nullable=True),
        sa.ForeignKeyConstraint(["outcome_document_id"], ["document.id"]),
        sa.ForeignKeyConstraint(["target_id"], ["target.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("target_id"),
    )
    _index("verdict", "target_id", "verdict")


def downgrade() -> None:
    for table in ("verdict", "target", "outcome", "verdict_history", "document"):
        op.drop_table(table)
