"""Calendar sync, touchpoint history, commitments' recovery, requests, declines, library, feedback.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("username", sa.String(length=320), nullable=False),
        sa.Column("calendar_url", sa.Text(), nullable=False),
        sa.Column("calendar_name", sa.String(length=200), nullable=False),
        sa.Column("secret_key", sa.String(length=200), nullable=False),
        sa.Column("keep_done", sa.Boolean(), nullable=False),
        sa.Column("sync_token", sa.Text(), nullable=False),
        sa.Column("ctag", sa.Text(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_account")),
        sa.UniqueConstraint("secret_key", name=op.f("uq_calendar_account_secret_key")),
    )
    op.create_table(
        "library_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("industries", sa.Text(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_item")),
    )
    op.create_table(
        "inbound_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answer_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_inbound_request_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_request")),
    )
    with op.batch_alter_table("inbound_request", schema=None) as batch_op:
        batch_op.create_index("ix_inbound_request_open", ["answered_at", "due_at"], unique=False)

    op.create_table(
        "decline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("come_back_on", sa.Date(), nullable=True),
        sa.Column("touchpoint_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "reason IN ('outside_field', 'too_specialised', 'no_capacity')",
            name=op.f("ck_decline_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_decline_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_decline_partner_id_partner"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_decline_touchpoint_id_touchpoint"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decline")),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("touchpoint_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name=op.f("ck_feedback_score")),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_feedback_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_feedback_touchpoint_id_touchpoint"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    op.create_table(
        "library_send",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("touchpoint_id", sa.Integer(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_library_send_customer_id_customer"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["library_item.id"],
            name=op.f("fk_library_send_item_id_library_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_library_send_touchpoint_id_touchpoint"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_send")),
        sa.UniqueConstraint("item_id", "customer_id", name=op.f("uq_library_send_item_id")),
    )
    op.create_table(
        "sync_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("touchpoint_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=80), nullable=False),
        sa.Column("href", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=False),
        sa.Column("pushed_sequence", sa.Integer(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["calendar_account.id"],
            name=op.f("fk_sync_item_account_id_calendar_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_sync_item_touchpoint_id_touchpoint"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_item")),
        sa.UniqueConstraint("account_id", "touchpoint_id", name=op.f("uq_sync_item_account_id")),
    )
    with op.batch_alter_table("sync_item", schema=None) as batch_op:
        batch_op.create_index("ix_sync_item_account_uid", ["account_id", "uid"], unique=False)

    op.create_table(
        "touchpoint_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("touchpoint_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["touchpoint.id"],
            name=op.f("fk_touchpoint_event_touchpoint_id_touchpoint"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_touchpoint_event")),
    )
    with op.batch_alter_table("touchpoint_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_touchpoint_event_touchpoint", ["touchpoint_id", "at"], unique=False
        )

    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recovery_started_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("recovered", sa.Boolean(), server_default="0", nullable=False)
        )

    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("industry", sa.String(length=120), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("tags", sa.Text(), server_default="", nullable=False))

    with op.batch_alter_table("touchpoint", schema=None) as batch_op:
        batch_op.add_column(sa.Column("commitment_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("request_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_touchpoint_request_id_inbound_request"),
            "inbound_request",
            ["request_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_touchpoint_commitment_id_commitment"),
            "commitment",
            ["commitment_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("touchpoint", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_touchpoint_commitment_id_commitment"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_touchpoint_request_id_inbound_request"), type_="foreignkey"
        )
        batch_op.drop_column("request_id")
        batch_op.drop_column("commitment_id")

    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("tags")
        batch_op.drop_column("industry")

    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.drop_column("recovered")
        batch_op.drop_column("recovery_started_at")

    with op.batch_alter_table("touchpoint_event", schema=None) as batch_op:
        batch_op.drop_index("ix_touchpoint_event_touchpoint")

    op.drop_table("touchpoint_event")
    with op.batch_alter_table("sync_item", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_item_account_uid")

    op.drop_table("sync_item")
    op.drop_table("library_send")
    op.drop_table("feedback")
    op.drop_table("decline")
    with op.batch_alter_table("inbound_request", schema=None) as batch_op:
        batch_op.drop_index("ix_inbound_request_open")

    op.drop_table("inbound_request")
    op.drop_table("library_item")
    op.drop_table("calendar_account")
