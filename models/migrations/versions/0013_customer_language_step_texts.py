"""Each customer's language (NULL: the user's default draft language) and plan step texts
in languages other than English (plan_step_text; English stays on the step).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

Plain ADD COLUMN and CREATE TABLE; the downgrade drops the column with SQLite's own
ALTER TABLE ... DROP COLUMN (3.35+), which does not rebuild the customer table, so the
search, customer-date and contact-link triggers on it stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("customer", sa.Column("language", sa.String(length=8), nullable=True))
    op.create_table(
        "plan_step_text",
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("subject_template", sa.Text(), nullable=False),
        sa.Column("body_template", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["step_id"],
            ["plan_step.id"],
            name=op.f("fk_plan_step_text_step_id_plan_step"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("step_id", "language", name=op.f("pk_plan_step_text")),
    )


def downgrade() -> None:
    op.drop_table("plan_step_text")
    op.execute("ALTER TABLE customer DROP COLUMN language")
