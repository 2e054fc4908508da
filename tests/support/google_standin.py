"""Google Calendar API v3, the subset the sync uses, played strictly on 127.0.0.1.

Bodies are checked against Google's discovery document (google_schema); event ids outside
base32hex (a-v, 0-9, 5-1024 long) get 400; a repeated id 409 (deleted ones too: Google keeps
them); If-Match 412; deletions stay as `cancelled` tombstones that a syncToken listing returns;
a forgotten syncToken 410; a bearer token from the identity stand-in on every request (401).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from tests.support.google_schema import check_body, check_query
from tests.support.identity_standin import IdentityStandIn
from tests.support.standin_base import Reply, Request, StandIn, error

EVENT_ID = re.compile(r"[a-v0-9]{5,1024}")
# A syncToken cannot be combined with these (Google answers 400).
NOT_WITH_SYNC_TOKEN = ("timeMin", "timeMax", "q", "updatedMin", "privateExtendedProperty",
                       "sharedExtendedProperty", "iCalUID", "orderBy")  # fmt: skip
WRITABLE = ("summary", "description", "start", "end", "status", "transparency", "reminders",
            "extendedProperties", "location", "colorId", "visibility")  # fmt: skip


def stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Calendar:
    summary: str
    time_zone: str
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    revision: dict[str, int] = field(default_factory=dict)  # event id -> change number


class GoogleStandIn(StandIn):
    BASE = "/calendar/v3"

    def __init__(self, identity: IdentityStandIn) -> None:
        super().__init__()
        self.identity = identity
        self.calendars: dict[str, Calendar] = {}
        self.change = 0
        self.forgotten_below = 0  # sync tokens older than this answer 410
        self.page_size = 250

    @property
    def api(self) -> str:
        return self.url + self.BASE

    # --- the salesperson in Google Calendar --------------------------------------------
    def live(self, calendar_id: str) -> dict[str, dict[str, Any]]:
        with self.lock:
            cal = self.calendars[calendar_id]
            return {k: v for k, v in cal.events.items() if v["status"] != "cancelled"}

    def move(self, calendar_id: str, event_id: str, start: dict[str, str], end: dict[str, str],
             at: dt.datetime) -> None:  # fmt: skip
        with self.lock:
            event = self.calendars[calendar_id].events[event_id]
            event["start"], event["end"] = start, end
            event["sequence"] += 1
            self._touch(calendar_id, event, at)

    def delete_event(self, calendar_id: str, event_id: str) -> None:
        with self.lock:
            event = self.calendars[calendar_id].events[event_id]
            event["status"] = "cancelled"
            self._touch(calendar_id, event, dt.datetime.now(dt.UTC))

    def forget_sync_tokens(self) -> None:
        with self.lock:
            self.forgotten_below = self.change + 1

    def _touch(self, calendar_id: str, event: dict[str, Any], at: dt.datetime) -> None:
        self.change += 1
        self.calendars[calendar_id].revision[event["id"]] = self.change
        event["updated"] = stamp(at)
        event["etag"] = f'"{self.change}{secrets.randbelow(10**6):06d}"'

    # --- the API -------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        if not self.identity.accepts(request.header("Authorization"), "google"):
            return error(401, "Request had invalid authentication credentials.", "authError")
        if request.path == "/batch/calendar/v3" and request.method == "POST":
            return self._batch(request)
        path = request.path.removeprefix(self.BASE)
        parts = [unquote(p) for p in path.strip("/").split("/")]
        with self.lock:
            if parts == ["calendars"] and request.method == "POST":
                return self._new_calendar(request)
            if len(parts) >= 3 and parts[0] == "calendars" and parts[2] == "events":
                calendar = self.calendars.get(parts[1])
                if calendar is None:
                    return error(404, "Not Found", "notFound")
                if len(parts) == 3:
                    if request.method == "GET":
                        return self._list(parts[1], calendar, request)
                    if request.method == "POST":
                        return self._insert(parts[1], calendar, request)
                elif len(parts) == 4:
                    return self._one(parts[1], calendar, parts[3], request)
        return error(404, "Not Found", "notFound")

    def _batch(self, request: Request) -> Reply:
        """multipart/mixed in, multipart/mixed out; each part runs as its own call (and
        counts against the quota on its own: a queued fault answers one part)."""
        found = re.search(r"boundary=([^;]+)", request.header("Content-Type"))
        if found is None:
            return error(400, "A batch must be multipart/mixed with a boundary.")
        boundary = found.group(1).strip('"')
        parts = [p for p in request.body.decode().split(f"--{boundary}") if "HTTP/1.1" in p]
        if not parts or len(parts) > 1000:
            return error(400, "A batch holds 1 to 1000 calls.")
        out = []
        for part in parts:
            outer, _, inner = part.partition("\r\n\r\n")
            number = re.search(r"Content-ID: <item(\d+)>", outer)
            line, _, rest = inner.partition("\r\n")
            method, target, _ = line.split(" ")
            _headers, _, body = rest.partition("\r\n\r\n")
            call = Request(method, target, {}, dict(request.headers), body.strip().encode())
            self.log.append(call)
            reply = self._fault(call) or self.handle(call)
            payload = json.dumps(reply.body) if reply.body is not None else ""
            out.append(
                f"--{boundary}\r\nContent-Type: application/http\r\n"
                f"Content-ID: <response-item{number.group(1) if number else ''}>\r\n\r\n"
                f"HTTP/1.1 {reply.status} X\r\nContent-Type: application/json\r\n\r\n"
                f"{payload}\r\n"
            )
        data = ("".join(out) + f"--{boundary}--\r\n").encode()
        return Reply(200, raw=data,
                     headers={"Content-Type": f"multipart/mixed; boundary={boundary}"})  # fmt: skip

    def _new_calendar(self, request: Request) -> Reply:
        body = request.json()
        problem = check_body("Calendar", body) or ("" if body.get("summary") else "Missing title.")
        if problem:
            return error(400, problem, "required" if "Missing" in problem else "invalid")
        calendar_id = f"{secrets.token_hex(16)}@group.calendar.google.com"
        self.calendars[calendar_id] = Calendar(body["summary"], body.get("timeZone", "UTC"))
        return Reply(200, {"kind": "calendar#calendar", "etag": '"1"', "id": calendar_id, **body})

    def _list(self, calendar_id: str, calendar: Calendar, request: Request) -> Reply:
        problem = check_query("events", "list", request.query)
        token = request.one("syncToken")
        if not problem and token and any(key in request.query for key in NOT_WITH_SYNC_TOKEN):
            problem = "Sync token cannot be used with other filters."
        if problem:
            return error(400, problem)
        since = -1
        if token:
            if not token.startswith("s") or int(token[1:]) < self.forgotten_below:
                return error(410, "Sync token is no longer valid, a full sync is required.",
                             "fullSyncRequired")  # fmt: skip
            since = int(token[1:])
        chosen = [
            event
            for event_id, event in sorted(calendar.events.items(), key=lambda e: e[0])
            if calendar.revision[event_id] > since and (token or event["status"] != "cancelled")
        ]
        offset = int(request.one("pageToken") or 0)
        size = min(int(request.one("maxResults") or 250), self.page_size)
        page = chosen[offset : offset + size]
        body: dict[str, Any] = {"kind": "calendar#events", "items": page}
        if offset + size < len(chosen):
            body["nextPageToken"] = str(offset + size)
        else:
            body["nextSyncToken"] = f"s{self.change}"
        return Reply(200, body)

    def _check_event(self, body: Any) -> str:
        problem = check_body("Event", body)
        if problem:
            return problem
        start, end = body.get("start"), body.get("end")
        if not start or not end:
            return "Missing end time." if start else "Missing start time."
        try:
            first, last = _instant(start), _instant(end)
        except ValueError as exc:
            return str(exc)
        if ("date" in start) != ("date" in end):
            return "Start and end must both be dates or both be times."
        if last <= first:
            return "The specified time range is empty."
        for override in (body.get("reminders") or {}).get("overrides", []):
            if override.get("method") not in ("email", "popup"):
                return "Invalid reminder method."
            if not 0 <= int(override.get("minutes", -1)) <= 40320:
                return "Invalid reminder minutes."
        return ""

    def _insert(self, calendar_id: str, calendar: Calendar, request: Request) -> Reply:
        body = request.json()
        problem = self._check_event(body)
        if problem:
            return error(400, problem)
        event_id = body.get("id") or secrets.token_hex(13)
        if not EVENT_ID.fullmatch(event_id):
            return error(400, "Invalid resource id value.")
        if event_id in calendar.events:
            return error(409, "The requested identifier already exists.", "duplicate")
        now = dt.datetime.now(dt.UTC)
        event = {key: body[key] for key in WRITABLE if key in body}
        event.update(
            kind="calendar#event", id=event_id, status=body.get("status", "confirmed"),
            created=stamp(now), sequence=0, iCalUID=f"{event_id}@google.com",
            htmlLink=f"https://calendar.example/event?eid={event_id}",
        )  # fmt: skip
        calendar.events[event_id] = event
        self._touch(calendar_id, event, now)
        return Reply(200, event)

    def _one(self, calendar_id: str, calendar: Calendar, event_id: str, request: Request) -> Reply:
        event = calendar.events.get(event_id)
        if event is None:
            return error(404, "Not Found", "notFound")
        wanted = request.header("If-Match")
        if request.method == "GET":
            return Reply(200, event)
        if wanted and wanted != event["etag"]:
            return error(412, "Precondition Failed", "conditionNotMet")
        if request.method == "DELETE":
            if event["status"] == "cancelled":
                return error(410, "Resource has been deleted", "deleted")
            event["status"] = "cancelled"
            self._touch(calendar_id, event, dt.datetime.now(dt.UTC))
            return Reply(204)
        if request.method == "PUT":
            body = request.json()
            problem = self._check_event(body)
            if problem:
                return error(400, problem)
            if body.get("id", event_id) != event_id:
                return error(400, "The event id cannot be changed.")
            moved = body["start"] != event["start"] or body["end"] != event["end"]
            for key in WRITABLE:
                event.pop(key, None)
            event.update({key: body[key] for key in WRITABLE if key in body})
            event.setdefault("status", "confirmed")
            event["sequence"] += int(moved)
            self._touch(calendar_id, event, dt.datetime.now(dt.UTC))
            return Reply(200, event)
        return error(405, "Method not allowed")


def _instant(value: dict[str, str]) -> dt.datetime:
    """An EventDateTime as Google reads it: a date, or a dateTime with an offset or a zone."""
    if ("date" in value) == ("dateTime" in value):
        raise ValueError("Exactly one of date and dateTime is required.")
    if "date" in value:
        return dt.datetime.combine(dt.date.fromisoformat(value["date"]), dt.time(), dt.UTC)
    moment = dt.datetime.fromisoformat(value["dateTime"].replace("Z", "+00:00"))
    zone = value.get("timeZone")
    if zone:
        try:
            ZoneInfo(zone)
        except (KeyError, ValueError) as exc:
            raise ValueError(f"Invalid time zone definition for start time: {zone}") from exc
    if moment.tzinfo is None:
        if not zone:
            raise ValueError("Missing time zone definition for start time.")
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment
