"""The part of the year an outcome's figure is for: outcome.period.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

Nullable: None is a figure for the whole year, as every outcome was read before this
revision; a ledger upgraded to it marks "前三季度" figures at its next ingest or re-judging.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A ledger made by `create_all` of this model version already has the column.
    if "period" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("outcome")}:
        return
    with op.batch_alter_table("outcome") as batch:
        batch.add_column(sa.Column("period", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outcome") as batch:
        batch.drop_column("period")
