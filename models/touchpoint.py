"""Touchpoint aggregate: one scheduled contact, its calendar identity and its outcome."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Touchpoint(Base):
    """A step applied to a customer (and sale): planned, then done or skipped."""

    __tablename__ = "touchpoint"
    __table_args__ = (
        CheckConstraint("status IN ('planned', 'done', 'skipped')", name="status"),
        # The agenda: planned items by day, then time.
        Index("ix_touchpoint_agenda", "status", "due_date", "due_at", "id"),
        Index("ix_touchpoint_customer", "customer_id", "due_date"),
        Index("ix_touchpoint_sale", "sale_id"),
        # A promise's recovery steps (Today shows the next one only).
        Index("ix_touchpoint_commitment", "commitment_id", "status"),
        # Insights read history without touching the rows: done and skipped ones by the day
        # due, and by when they were done or skipped. Partial, so planning (inserts of planned
        # rows) never writes them.
        Index(
            "ix_touchpoint_history",
            "due_date",
            "status",
            "completed_at",
            "customer_id",
            sqlite_where=text("status != 'planned'"),
        ),
        Index(
            "ix_touchpoint_done",
            "completed_at",
            "due_date",
            "customer_id",
            "kind",
            sqlite_where=text("status = 'done'"),
        ),
        Index(
            "ix_touchpoint_skipped",
            "updated_at",
            "due_date",
            "customer_id",
            sqlite_where=text("status = 'skipped'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Generated once, never reused: calendars match events on it.
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id", ondelete="RESTRICT"))
    step_id: Mapped[int | None] = mapped_column(ForeignKey("plan_step.id", ondelete="SET NULL"))
    # Recovery steps belong to a commitment; answering a request is a touchpoint too.
    commitment_id: Mapped[int | None] = mapped_column(
        ForeignKey("commitment.id", ondelete="SET NULL")
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_request.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(24))
    # Which repetition of a repeating step this is (0 for the first).
    occurrence: Mapped[int] = mapped_column(default=0, server_default="0")
    channel: Mapped[str] = mapped_column(String(16))
    # The local calendar day it is due (the plan's truth) ...
    due_date: Mapped[dt.date]
    # ... and, for timed items, the instant in UTC; None means all-day.
    due_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(8), default="planned")
    snoozed_from: Mapped[dt.date | None]
    # Calendar SEQUENCE: grows with every change a calendar would see.
    sequence: Mapped[int] = mapped_column(default=0)
    # What the calendar event last showed (a hash) and the SEQUENCE it was seen at: content
    # that changes without a touchpoint edit (a renamed customer) moves SEQUENCE on export.
    event_hash: Mapped[str] = mapped_column(String(32), default="", server_default="")
    event_sequence: Mapped[int] = mapped_column(default=-1, server_default="-1")
    # Set when the user moved it by hand; re-planning then leaves its date alone.
    pinned: Mapped[bool] = mapped_column(default=False)
    subject: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[dt.datetime | None]
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    skip_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
