"""A follow-up's draft as the salesperson changed it: their words, and the value they bring."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class TouchpointDraft(Base):
    """At most one per touchpoint; without one the draft is the plan's text as it stands."""

    __tablename__ = "touchpoint_draft"

    touchpoint_id: Mapped[int] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="CASCADE"), primary_key=True
    )
    # The salesperson's own subject and body; None keeps the plan's text for that part.
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    # The form the words were written for: a later change of channel is pointed out.
    form: Mapped[str] = mapped_column(String(12), default="", server_default="")
    # The library item chosen to bring; recorded as sent when the follow-up is done.
    library_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("library_item.id", ondelete="SET NULL")
    )
    edited_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
