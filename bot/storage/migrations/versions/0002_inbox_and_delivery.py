"""Keep received updates in an inbox; log each question's update, delivery and year.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "inbox",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.String(length=255), nullable=True),
        sa.CheckConstraint("state IN ('pending', 'done', 'failed')", name=op.f("ck_inbox_state")),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_inbox")),
    )
    op.create_index("ix_inbox_state_received_at", "inbox", ["state", "received_at"])
    # Plain ADD COLUMN: both SQLite and PostgreSQL do it without rebuilding the table.
    op.add_column("questions", sa.Column("best_year", sa.Integer(), nullable=True))
    op.add_column("questions", sa.Column("update_id", sa.BigInteger(), nullable=True))
    op.add_column("questions", sa.Column("delivered", sa.Boolean(), nullable=True))
    op.create_index("uq_questions_update_id", "questions", ["update_id"], unique=True)


def downgrade() -> None:
    """Revert this migration."""
    op.drop_index("uq_questions_update_id", table_name="questions")
    with op.batch_alter_table("questions") as batch:
        batch.drop_column("delivered")
        batch.drop_column("update_id")
        batch.drop_column("best_year")
    op.drop_index("ix_inbox_state_received_at", table_name="inbox")
    op.drop_table("inbox")
