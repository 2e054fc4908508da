"""Lost reason on sales; a customer's next follow-up and last contact, kept by triggers.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

Plain ADD COLUMN and CREATE INDEX / TRIGGER: no table is rebuilt, so the customer search
triggers of 0004 stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.customer_dates import BACKFILL, CREATE, NEVER_CONTACTED_SQL, NO_NEXT_DUE_SQL

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sale", sa.Column("lost_reason", sa.String(length=16), server_default="", nullable=False)
    )
    op.add_column("sale", sa.Column("lost_note", sa.Text(), server_default="", nullable=False))
    op.add_column(
        "customer",
        sa.Column("next_due", sa.Date(), server_default=sa.text(NO_NEXT_DUE_SQL), nullable=False),
    )
    op.add_column(
        "customer",
        sa.Column(
            "last_contact_at",
            sa.DateTime(),
            server_default=sa.text(NEVER_CONTACTED_SQL),
            nullable=False,
        ),
    )
    for statement in BACKFILL:
        op.execute(statement)
    op.create_index("ix_customer_next_due", "customer", ["deleted_at", "next_due"], unique=False)
    op.create_index(
        "ix_customer_last_contact", "customer", ["deleted_at", "last_contact_at"], unique=False
    )
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    from models.customer_dates import DROP
    from models.search_index import CREATE as SEARCH_CREATE
    from models.search_index import DROP as SEARCH_DROP
    from models.search_index import fts_available

    for statement in DROP:
        op.execute(statement)
    op.drop_index("ix_customer_last_contact", table_name="customer")
    op.drop_index("ix_customer_next_due", table_name="customer")
    with op.batch_alter_table("sale", schema=None) as batch_op:
        batch_op.drop_column("lost_note")
        batch_op.drop_column("lost_reason")
    # The batch rebuild that drops the columns drops the search triggers with the table.
    for statement in SEARCH_DROP:
        op.execute(statement)
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("last_contact_at")
        batch_op.drop_column("next_due")
    if fts_available(op.get_bind()):
        for statement in SEARCH_CREATE:
            op.execute(statement)
