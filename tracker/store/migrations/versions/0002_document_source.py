"""Where a report was published: document.source_url and document.title.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Both nullable: reports without a front-matter header (and every report ingested
before this revision) have neither.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("source_url", "title")


def _existing() -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns("document")}


def upgrade() -> None:
    # A ledger made by `create_all` before migrations is stamped 0001 whatever model
    # version made it, so it may have these columns already.
    missing = [name for name in COLUMNS if name not in _existing()]
    # Adding a nullable column needs no table rebuild, even in SQLite's batch mode.
    with op.batch_alter_table("document") as batch:
        for name in missing:
            batch.add_column(sa.Column(name, sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
