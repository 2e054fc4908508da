"""Insights: each contact's previous and next one for its customer and the customer's fields a
silence depends on (contact_link), kept in step with interaction and customer by triggers and
filled from the contacts already there; indexes of the customers to be contacted by when
they were added and of their own cadences.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

A later batch migration that rebuilds the interaction or customer table drops these triggers:
it must run models.contact_link.DROP_TRIGGERS then CREATE_TRIGGERS again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.contact_link import BACKFILL, CREATE_TRIGGERS, DROP_TRIGGERS

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_link",
        sa.Column("interaction_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("occurred_s", sa.Integer(), nullable=False),
        sa.Column("previous_s", sa.Integer(), nullable=True),
        sa.Column("next_s", sa.Integer(), nullable=True),
        sa.Column("alive", sa.Boolean(), nullable=False),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.Column("keep_in_touch_days", sa.Integer(), nullable=True),
        sa.Column("is_key", sa.Boolean(), nullable=False),
        sa.Column("customer_created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("interaction_id", name=op.f("pk_contact_link")),
    )
    op.create_index(
        "ix_contact_link_occurred",
        "contact_link",
        [
            "occurred_s",
            "next_s",
            "previous_s",
            "customer_id",
            "alive",
            "do_not_contact",
            "keep_in_touch_days",
            "is_key",
            "customer_created_at",
        ],
        unique=False,
    )
    op.create_index(
        "ix_customer_contactable",
        "customer",
        ["deleted_at", "do_not_contact", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_customer_cadence",
        "customer",
        ["keep_in_touch_days"],
        unique=False,
        sqlite_where=sa.text("keep_in_touch_days IS NOT NULL"),
    )
    op.execute(BACKFILL)
    for statement in CREATE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP_TRIGGERS:
        op.execute(statement)
    op.drop_index("ix_customer_cadence", table_name="customer")
    op.drop_index("ix_customer_contactable", table_name="customer")
    op.drop_index("ix_contact_link_occurred", table_name="contact_link")
    op.drop_table("contact_link")
