"""Interaction aggregate: a contact that actually happened."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Interaction(Base):
    """A logged contact, from a completed touchpoint or noted ad hoc."""

    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_customer", "customer_id", "occurred_at"),
        # Insights: the contacts of a period.
        Index("ix_interaction_occurred", "occurred_at", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    touchpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="SET NULL")
    )
    occurred_at: Mapped[dt.datetime]
    channel: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
