"""Requests answered, requests declined well, value delivered, feedback and referrals heard."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class InboundRequest(Base):
    """A call, e-mail or message from a customer that needs an answer by `due_at`."""

    __tablename__ = "inbound_request"
    __table_args__ = (
        Index("ix_inbound_request_open", "answered_at", "due_at"),
        # Insights: the requests of a period.
        Index("ix_inbound_request_received", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    received_at: Mapped[dt.datetime]
    channel: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)
    due_at: Mapped[dt.datetime]
    answered_at: Mapped[dt.datetime | None]
    answer_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Decline(Base):
    """A request turned down well: why, how they found us, whom we referred them to."""

    __tablename__ = "decline"
    __table_args__ = (
        CheckConstraint(
            "reason IN ('outside_field', 'too_specialised', 'no_capacity')", name="reason"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    summary: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(200), default="")
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id", ondelete="SET NULL"))
    come_back_on: Mapped[dt.date | None]
    touchpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LibraryItem(Base):
    """Something worth sending: an article, a paper, an event, an introduction."""

    __tablename__ = "library_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16), default="article")
    url: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # Comma-separated, lower-case.
    tags: Mapped[str] = mapped_column(Text, default="")
    industries: Mapped[str] = mapped_column(Text, default="")
    expires_on: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LibrarySend(Base):
    """A library item sent to a customer: nobody gets the same article twice."""

    __tablename__ = "library_send"
    __table_args__ = (
        UniqueConstraint("item_id", "customer_id"),
        Index("ix_library_send_sent", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("library_item.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    touchpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="SET NULL")
    )
    sent_at: Mapped[dt.datetime]


class Feedback(Base):
    """A customer's score (1-5) and notes from a feedback touchpoint."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score"),
        Index("ix_feedback_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    touchpoint_id: Mapped[int | None] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="SET NULL")
    )
    score: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ReferralAnswer(Base):
    """What the customer said to a referral / testimonial ask: yes (a name, a testimonial,
    a recommendation) or no."""

    __tablename__ = "referral_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="RESTRICT"))
    # One answer per ask.
    touchpoint_id: Mapped[int] = mapped_column(
        ForeignKey("touchpoint.id", ondelete="CASCADE"), unique=True
    )
    given: Mapped[bool]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
