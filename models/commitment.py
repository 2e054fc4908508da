"""Commitment aggregate: a promise to a customer with a due date and a buffer."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Commitment(Base):
    """What was promised, by when, with how much room; on track until kept or broken."""

    __tablename__ = "commitment"
    __table_args__ = (
        CheckConstraint("status IN ('on_track', 'at_risk', 'kept', 'broken')", name="status"),
        CheckConstraint("buffer_days >= 0", name="buffer"),
        Index("ix_commitment_status_due", "status", "due_on"),
        # Insights: promises resolved in a period.
        Index("ix_commitment_resolved", "resolved_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date]
    buffer_days: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(10), default="on_track")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    # A recovery ran for it (the delivery record counts kept / broken / recovered).
    recovery_started_at: Mapped[dt.datetime | None]
    recovered: Mapped[bool] = mapped_column(default=False, server_default="0")
