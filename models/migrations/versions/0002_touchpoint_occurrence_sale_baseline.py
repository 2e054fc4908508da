"""Touchpoint occurrence number; the delivery date a sale's plan was first made for.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.add_column(sa.Column("baseline_delivery", sa.Date(), nullable=True))
    # Plans made so far were made for the promised delivery.
    op.execute("UPDATE sale SET baseline_delivery = promised_delivery")

    with op.batch_alter_table("touchpoint", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("occurrence", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("touchpoint", schema=None) as batch_op:
        batch_op.drop_column("occurrence")

    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.drop_column("baseline_delivery")
