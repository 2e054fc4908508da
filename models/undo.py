"""Undo record: what one action on a follow-up changed, so it can be taken back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class UndoEntry(Base):
    """The rows a done, skip, snooze or change of date wrote: each before and after it."""

    __tablename__ = "undo_entry"
    __table_args__ = (
        # The newest action on a follow-up, and the newest overall (Edit -> Undo).
        Index("ix_undo_entry_touchpoint", "touchpoint_id", "id"),
        # Old entries are pruned by age.
        Index("ix_undo_entry_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    touchpoint_id: Mapped[int] = mapped_column(ForeignKey("touchpoint.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    # done, skip, snooze, reschedule, feedback, referral
    action: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime]
    # JSON: [{"table", "id", "before", "after"}], rows as SQLite stores them.
    changes: Mapped[str] = mapped_column(Text)
