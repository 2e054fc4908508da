"""Undo: the rows each action on a follow-up changed, before and after.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A new table only: nothing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "undo_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("touchpoint_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_undo_entry_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_undo_entry_touchpoint_id_touchpoint"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_undo_entry")),
    )
    with op.batch_alter_table("undo_entry", schema=None) as batch_op:
        batch_op.create_index("ix_undo_entry_touchpoint", ["touchpoint_id", "id"], unique=False)
        batch_op.create_index("ix_undo_entry_at", ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("undo_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_undo_entry_at")
        batch_op.drop_index("ix_undo_entry_touchpoint")
    op.drop_table("undo_entry")
