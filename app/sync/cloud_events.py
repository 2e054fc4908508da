"""The export's event as the cloud calendars' JSON (Google and Graph), and read back from it."""

from __future__ import annotations

import base64
import datetime as dt
import re
from typing import Any

from app.export.calendar_event import CalendarEvent
from app.sync.objects import RemoteEvent

# Our keys on each event (Google: extendedProperties.private; Graph: an extended property).
TOUCHPOINT_KEY = "followupTouchpoint"
REVISION_KEY = "followupRevision"
UID_KEY = "followupUid"
_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def google_id(uid: str) -> str:
    """Google's event id for a UID: base32hex (a-v, 0-9) of its bytes, so a retried insert
    of the same follow-up is refused as a duplicate (409) instead of added twice."""
    return base64.b32hexencode(uid.encode()).decode().rstrip("=").lower()


def parse_instant(text: str) -> dt.datetime | None:
    """An RFC 3339 time (Google) or Graph's 7-digit fractions, as aware UTC; None if unreadable."""
    cleaned = _FRACTION.sub(r"\1", text.strip()).replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(cleaned)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _google_time(value: dt.date | dt.datetime, tzid: str) -> dict[str, str]:
    if isinstance(value, dt.datetime):
        return {"dateTime": value.isoformat(timespec="seconds"), "timeZone": tzid}
    return {"date": value.isoformat()}


def google_body(
    event: CalendarEvent, touchpoint_id: int, tzid: str, event_id: str
) -> dict[str, Any]:
    """An Event resource (Calendar API v3) carrying the export's content and our tags."""
    alarm = event.minutes_before_start()
    return {
        "id": event_id,
        "summary": event.summary,
        "description": event.description,
        "start": _google_time(_local(event.start, tzid), tzid),
        "end": _google_time(_local(event.end, tzid), tzid),
        "status": "cancelled" if event.status == "CANCELLED" else "confirmed",
        "transparency": "transparent" if event.transparent else "opaque",
        # No "sequence": Google raises its own on every change and refuses a lower one.
        "reminders": {
            "useDefault": False,
            "overrides": [{"method": "popup", "minutes": alarm}] if alarm is not None else [],
        },
        "extendedProperties": {
            "private": {
                TOUCHPOINT_KEY: str(touchpoint_id),
                REVISION_KEY: str(event.sequence),
                UID_KEY: event.uid,
            }
        },
    }


def _local(value: dt.date | dt.datetime, tzid: str) -> dt.date | dt.datetime:
    from zoneinfo import ZoneInfo

    return value.astimezone(ZoneInfo(tzid)) if isinstance(value, dt.datetime) else value


def google_event(data: Any, uid: str) -> RemoteEvent | None:
    """Our event as Google returns it (None: not ours, cancelled, or unreadable)."""
    if not isinstance(data, dict) or data.get("status") == "cancelled":
        return None
    private = (data.get("extendedProperties") or {}).get("private") or {}
    start = data.get("start") or {}
    if private.get(UID_KEY) != uid:
        return None
    value: dt.date | dt.datetime | None
    if "date" in start:
        try:
            value = dt.date.fromisoformat(str(start["date"]))
        except ValueError:
            return None
    else:
        value = parse_instant(str(start.get("dateTime", "")))
    if value is None:
        return None
    updated = parse_instant(str(data.get("updated", "")))
    return RemoteEvent(uid, value, int(data.get("sequence") or 0), updated)


# An extended property in the public-strings property set (PS_PUBLIC_STRINGS), named for us.
GRAPH_UID_PROPERTY = "String {00020329-0000-0000-C000-000000000046} Name FollowUpPlannerUid"


def _graph_time(value: dt.date | dt.datetime, tzid: str) -> dict[str, str]:
    local = _local(value, tzid)
    if isinstance(local, dt.datetime):
        text = local.replace(tzinfo=None).isoformat(timespec="seconds")
    else:  # all-day: midnight to midnight in the event's zone
        text = dt.datetime.combine(local, dt.time()).isoformat(timespec="seconds")
    return {"dateTime": text, "timeZone": tzid}


def graph_body(event: CalendarEvent, tzid: str) -> dict[str, Any]:
    """An event resource (Microsoft Graph v1.0) carrying the export's content and our tag."""
    alarm = event.minutes_before_start()
    return {
        "subject": event.summary,
        "body": {"contentType": "text", "content": event.description},
        "start": _graph_time(event.start, tzid),
        "end": _graph_time(event.end, tzid),
        "isAllDay": event.all_day,
        "showAs": "free" if event.transparent else "busy",
        "isReminderOn": alarm is not None,
        "reminderMinutesBeforeStart": alarm or 0,
        "singleValueExtendedProperties": [{"id": GRAPH_UID_PROPERTY, "value": event.uid}],
    }


def graph_event(data: Any, uid: str) -> RemoteEvent | None:
    """An event as Graph returns it (times in UTC: we ask for that), or None if unreadable."""
    if not isinstance(data, dict) or data.get("isCancelled"):
        return None
    start = data.get("start") or {}
    instant = parse_instant(str(start.get("dateTime", "")))
    if instant is None:
        return None
    value: dt.date | dt.datetime = instant
    if data.get("isAllDay"):
        value = dt.date.fromisoformat(str(start.get("dateTime", ""))[:10])
    elif str(start.get("timeZone", "UTC")) not in ("UTC", "Etc/UTC", "tzone://Microsoft/Utc"):
        return None  # we always ask for UTC; anything else we would misread
    changed = parse_instant(str(data.get("lastModifiedDateTime", "")))
    return RemoteEvent(uid, value, 0, changed)
