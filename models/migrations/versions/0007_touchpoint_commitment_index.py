"""Index touchpoints by commitment: Today shows a promise's recovery as its next step.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_touchpoint_commitment", "touchpoint", ["commitment_id", "status"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_touchpoint_commitment", table_name="touchpoint")
