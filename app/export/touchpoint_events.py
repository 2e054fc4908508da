"""A touchpoint as a calendar event: title, contact details, the sale and the draft at hand."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from app.dto.touchpoints import TouchpointDTO
from app.dto.vocabulary import Status
from app.export.calendar_event import CalendarEvent, default_duration
from app.i18n import _
from app.kinds import channel_label, kind_label

APP_CATEGORY = "Follow-Up Planner"


@dataclass(frozen=True)
class EventOptions:
    """Choices the user makes for an export or a sync."""

    details: bool = True
    reminder_minutes: int | None = 15
    # All-day follow-ups remind at this local time of their day: the start of the working
    # day (a reminder minutes "before" midnight would fire the evening before).
    work_start: dt.time = dt.time(9, 0)


def content_hash(item: TouchpointDTO, sale_summary: str, subject: str, body: str) -> str:
    """What a calendar user sees of the event, hashed: title, details, time and status.

    The export's choices (details, reminder) are left out: they are the same follow-up
    seen through other options, and must not count as a change of it."""
    seen = (
        item.title, item.channel, item.customer_phone, item.customer_email, item.kind,
        sale_summary, subject, body, item.due_date.isoformat(),
        item.due_at.isoformat() if item.due_at else "", item.status,
    )  # fmt: skip
    digest = hashlib.blake2b("\x1f".join(seen).encode("utf-8"), digest_size=16)
    return digest.hexdigest()


def describe(item: TouchpointDTO, sale_summary: str, subject: str, body: str, details: bool) -> str:
    """The event's DESCRIPTION: how to reach the customer, what it is about, the draft."""
    lines = [_("Channel: {channel}").format(channel=channel_label(item.channel))]
    if item.customer_phone:
        lines.append(_("Phone: {phone}").format(phone=item.customer_phone))
    if item.customer_email:
        lines.append(_("E-mail: {email}").format(email=item.customer_email))
    if sale_summary:
        lines.append(_("Sale: {sale}").format(sale=sale_summary))
    if details and (subject or body):
        lines += ["", _("Subject: {subject}").format(subject=subject), "", body]
    return "\n".join(lines).strip()


def touchpoint_event(
    item: TouchpointDTO,
    *,
    sale_summary: str,
    subject: str,
    body: str,
    options: EventOptions,
    now: dt.datetime,
) -> CalendarEvent:
    """The same event content for the .ics export and for calendar sync."""
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    if item.due_at is None:
        start, end = item.due_date, item.due_date + dt.timedelta(days=1)
    else:
        start = item.due_at
        end = item.due_at + default_duration(item.channel)
    return CalendarEvent(
        uid=item.uid,
        sequence=item.sequence,
        summary=item.title,
        description=describe(item, sale_summary, subject, body, options.details),
        categories=(kind_label(item.kind), APP_CATEGORY),
        start=start,
        end=end,
        status="CANCELLED" if item.status == Status.SKIPPED else "CONFIRMED",
        transparent=item.due_at is None,
        alarm_minutes=options.reminder_minutes,
        last_modified=item.updated_at or now,
        all_day_alarm=options.work_start,
    )
