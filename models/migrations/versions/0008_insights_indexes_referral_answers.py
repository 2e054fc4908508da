"""Insights: indexes for the figures of a period, and what customers answered to referral asks.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24

Plain CREATE INDEX / CREATE TABLE: no table is rebuilt, so the customer search triggers of
0004 stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# name, table, columns, partial index condition
INDEXES: tuple[tuple[str, str, list[str], str | None], ...] = (
    (
        "ix_touchpoint_history",
        "touchpoint",
        ["due_date", "status", "completed_at", "customer_id"],
        "status != 'planned'",
    ),
    (
        "ix_touchpoint_done",
        "touchpoint",
        ["completed_at", "due_date", "customer_id", "kind"],
        "status = 'done'",
    ),
    (
        "ix_touchpoint_skipped",
        "touchpoint",
        ["updated_at", "due_date", "customer_id"],
        "status = 'skipped'",
    ),
    ("ix_interaction_occurred", "interaction", ["occurred_at", "customer_id"], None),
    ("ix_customer_key", "customer", ["is_key", "deleted_at"], None),
    (
        "ix_sale_closed",
        "sale",
        ["closed_on", "outcome", "currency", "amount_minor", "customer_id"],
        "deleted_at IS NULL",
    ),
    ("ix_commitment_resolved", "commitment", ["resolved_at"], None),
    ("ix_inbound_request_received", "inbound_request", ["received_at"], None),
    ("ix_library_send_sent", "library_send", ["sent_at"], None),
    ("ix_feedback_created", "feedback", ["created_at"], None),
)


def upgrade() -> None:
    for name, table, columns, where in INDEXES:
        partial = {"sqlite_where": sa.text(where)} if where else {}
        op.create_index(name, table, columns, unique=False, **partial)
    op.create_table(
        "referral_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("touchpoint_id", sa.Integer(), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_referral_answer_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_referral_answer_touchpoint_id_touchpoint"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_answer")),
        sa.UniqueConstraint("touchpoint_id", name=op.f("uq_referral_answer_touchpoint_id")),
    )


def downgrade() -> None:
    op.drop_table("referral_answer")
    for name, table, _columns, _where in reversed(INDEXES):
        op.drop_index(name, table_name=table)
