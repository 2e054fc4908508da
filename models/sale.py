"""Sale aggregate: one closed deal, won or lost, with its delivery promise."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Sale(Base):
    """A deal; its dates anchor the after-sale plan's touchpoints."""

    __tablename__ = "sale"
    __table_args__ = (
        CheckConstraint("outcome IN ('won', 'lost')", name="outcome"),
        Index("ix_sale_customer", "customer_id", "closed_on"),
        # Insights: the revenue of a period, read from the index alone.
        Index(
            "ix_sale_closed",
            "closed_on",
            "outcome",
            "currency",
            "amount_minor",
            "customer_id",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    closed_on: Mapped[dt.date]
    outcome: Mapped[str] = mapped_column(String(8))
    # Minor units (cents) avoid float rounding and SQLite's lossy NUMERIC.
    amount_minor: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    description: Mapped[str] = mapped_column(Text, default="")
    # Why a lost sale was lost (app.kinds.LOST_REASON_LABELS) and the user's note.
    lost_reason: Mapped[str] = mapped_column(String(16), default="", server_default="")
    lost_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    promised_delivery: Mapped[dt.date | None]
    actual_delivery: Mapped[dt.date | None]
    # The delivery date the plan was first made for: lateness is measured against it.
    baseline_delivery: Mapped[dt.date | None]
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None]
