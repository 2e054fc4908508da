"""Calendar sync aggregate: accounts, what was pushed where, and touchpoint history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class CalendarAccount(Base):
    """A CalDAV account; its password lives in the OS keyring under `secret_key`, never here."""

    __tablename__ = "calendar_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="caldav")
    url: Mapped[str] = mapped_column(Text)
    username: Mapped[str] = mapped_column(String(320))
    calendar_url: Mapped[str] = mapped_column(Text, default="")
    calendar_name: Mapped[str] = mapped_column(String(200), default="")
    secret_key: Mapped[str] = mapped_column(String(200), unique=True)
    # Keep done touchpoints in the calendar as history instead of removing them.
    keep_done: Mapped[bool] = mapped_column(default=False)
    sync_token: Mapped[str] = mapped_column(Text, default="")
    ctag: Mapped[str] = mapped_column(Text, default="")
    last_sync_at: Mapped[dt.datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncItem(Base):
    """One touchpoint as one calendar object on one account: where it is and what was sent."""

    __tablename__ = "sync_item"
    __table_args__ = (
        UniqueConstraint("account_id", "touchpoint_id"),
        Index("ix_sync_item_account_uid", "account_id", "uid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("calendar_account.id", ondelete="CASCADE"))
    touchpoint_id: Mapped[int] = mapped_column(ForeignKey("touchpoint.id", ondelete="CASCADE"))
    uid: Mapped[str] = mapped_column(String(80))
    href: Mapped[str] = mapped_column(Text, default="")
    etag: Mapped[str] = mapped_column(Text, default="")
    pushed_sequence: Mapped[int] = mapped_column(default=-1)
    pushed_at: Mapped[dt.datetime | None]
    # synced | removed (deleted from the calendar on purpose)
    state: Mapped[str] = mapped_column(String(12), default="synced")


class TouchpointEvent(Base):
    """History of a touchpoint: what changed, when, and from where (planner or calendar)."""

    __tablename__ = "touchpoint_event"
    __table_args__ = (Index("ix_touchpoint_event_touchpoint", "touchpoint_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    touchpoint_id: Mapped[int] = mapped_column(ForeignKey("touchpoint.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime]
    source: Mapped[str] = mapped_column(String(16))
    change: Mapped[str] = mapped_column(Text)
