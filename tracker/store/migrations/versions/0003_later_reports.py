"""What later reports add to a verdict: the followup and restated tables.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

Both hold derived rows keyed by the target's uid (tracker/followup.py and
tracker/restated.py); a ledger upgraded to this revision has them empty until its next
ingest or re-judging fills them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("followup", "restated")


def _text(name: str, nullable: bool = False) -> sa.Column:
    # SQLModel's AutoString is a plain VARCHAR without length on SQLite and PostgreSQL.
    return sa.Column(name, sa.String(), nullable=nullable)


def _index(table: str, *columns: str, unique: bool = False) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=unique)


def upgrade() -> None:
    # A ledger made by `create_all` before migrations is stamped 0001 whatever model
    # version made it, so it may have these tables already.
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "followup" not in existing:
        op.create_table(
            "followup",
            sa.Column("id", sa.Integer(), nullable=False),
            _text("target_uid"),
            _text("jurisdiction"),
            _text("status"),
            sa.Column("year", sa.Integer(), nullable=False),
            sa.Column("searched", sa.Integer(), nullable=False),
            sa.Column("document_id", sa.Integer(), nullable=True),
            sa.Column("line", sa.Integer(), nullable=True),
            sa.Column("span", sa.Text(), nullable=True),
            sa.Column("quote", sa.Text(), nullable=True),
            _text("reason"),
            sa.ForeignKeyConstraint(["document_id"], ["document.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        _index("followup", "document_id", "jurisdiction")
        _index("followup", "target_uid", unique=True)
    if "restated" not in existing:
        op.create_table(
            "restated",
            sa.Column("id", sa.Integer(), nullable=False),
            _text("target_uid"),
            _text("jurisdiction"),
            _text("kind"),
            sa.Column("note", sa.Text(), nullable=False),
            sa.Column("document_id", sa.Integer(), nullable=False),
            sa.Column("line", sa.Integer(), nullable=False),
            sa.Column("quote", sa.Text(), nullable=True),
            sa.ForeignKeyConstraint(["document_id"], ["document.id"]),
            sa.PrimaryKeyConstraint("id"),
        )
        _index("restated", "document_id", "jurisdiction")
        _index("restated", "target_uid", unique=True)


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
