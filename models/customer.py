"""Customer aggregate: the person (and company) the salesperson sells to."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.customer_dates import (
    NEVER_CONTACTED,
    NEVER_CONTACTED_SQL,
    NO_NEXT_DUE,
    NO_NEXT_DUE_SQL,
)


class Customer(Base):
    """A contact with preferences that steer how and how often they are followed up."""

    __tablename__ = "customer"
    __table_args__ = (
        CheckConstraint("birthday_month IS NULL OR birthday_month BETWEEN 1 AND 12", name="bmonth"),
        CheckConstraint("birthday_day IS NULL OR birthday_day BETWEEN 1 AND 31", name="bday"),
        CheckConstraint("keep_in_touch_days IS NULL OR keep_in_touch_days > 0", name="cadence"),
        Index("ix_customer_active_name", "deleted_at", "name"),
        # Insights: key customers and the rest, counted from the index.
        Index("ix_customer_key", "is_key", "deleted_at"),
        # The Customers list sorted by next follow-up or last contact (models.customer_dates).
        Index("ix_customer_next_due", "deleted_at", "next_due"),
        Index("ix_customer_last_contact", "deleted_at", "last_contact_at"),
        # Insights: the customers to be contacted, counted and those added lately found
        # from the index (Nobody forgotten).
        Index("ix_customer_contactable", "deleted_at", "do_not_contact", "created_at"),
        # The longest own cadence (how far back Insights must read), without a scan.
        Index(
            "ix_customer_cadence",
            "keep_in_touch_days",
            sqlite_where=text("keep_in_touch_days IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    preferred_channel: Mapped[str] = mapped_column(String(16), default="email")
    birthday_month: Mapped[int | None]
    birthday_day: Mapped[int | None]
    birthday_year: Mapped[int | None]
    is_key: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    keep_in_touch_days: Mapped[int | None]
    do_not_contact: Mapped[bool] = mapped_column(default=False)
    # For matching value-add library items; comma-separated tags, lower-case.
    industry: Mapped[str] = mapped_column(String(120), default="", server_default="")
    tags: Mapped[str] = mapped_column(Text, default="", server_default="")
    # How letters greet them (app.messages.greeting): "" is by first name.
    salutation: Mapped[str] = mapped_column(String(8), default="", server_default="")
    job_title: Mapped[str] = mapped_column(String(120), default="", server_default="")
    # The language drafts to them are written in (app.i18n.LANGUAGES); None: the user's default.
    language: Mapped[str | None] = mapped_column(String(8))
    # The postal address as vCard's ADR and the Google and Outlook layouts split it.
    street: Mapped[str] = mapped_column(Text, default="", server_default="")
    postal_code: Mapped[str] = mapped_column(String(32), default="", server_default="")
    city: Mapped[str] = mapped_column(String(120), default="", server_default="")
    region: Mapped[str] = mapped_column(String(120), default="", server_default="")
    country: Mapped[str] = mapped_column(String(120), default="", server_default="")
    # Kept by triggers (models.customer_dates); sentinels, not NULL, for "none".
    next_due: Mapped[dt.date] = mapped_column(
        default=NO_NEXT_DUE, server_default=text(NO_NEXT_DUE_SQL)
    )
    last_contact_at: Mapped[dt.datetime] = mapped_column(
        default=NEVER_CONTACTED, server_default=text(NEVER_CONTACTED_SQL)
    )
    # Lower-cased name/company/e-mail/phone digits: one column for search-as-you-type.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Soft delete: history stays until the user empties the trash.
    deleted_at: Mapped[dt.datetime | None]
