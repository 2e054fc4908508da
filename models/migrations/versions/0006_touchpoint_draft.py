"""Touchpoint drafts: the salesperson's own words for one follow-up, and the item they bring.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "touchpoint_draft",
        sa.Column("touchpoint_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("form", sa.String(length=12), server_default="", nullable=False),
        sa.Column("library_item_id", sa.Integer(), nullable=True),
        sa.Column("edited_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_touchpoint_draft_touchpoint_id_touchpoint"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["library_item_id"],
            ["library_item.id"],
            name=op.f("fk_touchpoint_draft_library_item_id_library_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("touchpoint_id", name=op.f("pk_touchpoint_draft")),
    )


def downgrade() -> None:
    op.drop_table("touchpoint_draft")
