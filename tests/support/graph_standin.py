"""Microsoft Graph v1.0, the calendar subset the sync uses, played strictly on 127.0.0.1.

Unknown event properties are refused (400 RequestBodyRead); all-day events must run midnight
to midnight; a repeated transactionId returns the first event instead of a second; If-Match
412; calendarView/delta needs its window, pages with nextLink and ends with a deltaLink, carries
no extended properties, and reports deletions as @removed; a forgotten delta token 410; $batch
takes at most 20 requests; a bearer token from the identity stand-in on every request (401).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit
from zoneinfo import ZoneInfo

from tests.support.identity_standin import IdentityStandIn
from tests.support.standin_base import Reply, Request, StandIn

EVENT_FIELDS = frozenset({"subject", "body", "start", "end", "isAllDay", "showAs", "isReminderOn",
    "reminderMinutesBeforeStart", "categories", "location", "importance", "sensitivity",
    "transactionId", "singleValueExtendedProperties"})  # fmt: skip
PROPERTY_ID = re.compile(r"String \{[0-9A-Fa-f-]{36}\} Name \w+")
SHOW_AS = frozenset({"free", "tentative", "busy", "oof", "workingElsewhere", "unknown"})


def graph_error(status: int, code: str, message: str) -> Reply:
    return Reply(status, {"error": {"code": code, "message": message}})


def instant(value: Any) -> dt.datetime:
    if not isinstance(value, dict) or set(value) - {"dateTime", "timeZone"}:
        raise ValueError("dateTimeTimeZone needs dateTime and timeZone")
    zone = value.get("timeZone", "")
    tz = dt.UTC if zone == "UTC" else ZoneInfo(zone)
    moment = dt.datetime.fromisoformat(value["dateTime"])
    if moment.tzinfo is not None:
        raise ValueError("dateTime carries no offset in Graph; the zone is timeZone")
    return moment.replace(tzinfo=tz)


def shown(moment: dt.datetime) -> dict[str, str]:
    text = moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat() + ".0000000"
    return {"dateTime": text, "timeZone": "UTC"}


@dataclass
class Calendar:
    name: str
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    change: dict[str, int] = field(default_factory=dict)  # event id -> change number
    removed: dict[str, int] = field(default_factory=dict)
    transactions: dict[str, str] = field(default_factory=dict)


class GraphStandIn(StandIn):
    BASE = "/v1.0"

    def __init__(self, identity: IdentityStandIn) -> None:
        super().__init__()
        self.identity = identity
        self.calendars: dict[str, Calendar] = {"cal-default": Calendar("Calendar")}
        self.counter = 0
        self.forgotten_below = 0
        self.page_size_cap = 1000

    @property
    def api(self) -> str:
        return self.url + self.BASE

    # --- the salesperson in Outlook ---------------------------------------------------
    def live(self, calendar_id: str) -> dict[str, dict[str, Any]]:
        with self.lock:
            return dict(self.calendars[calendar_id].events)

    def move(self, calendar_id: str, event_id: str, start: dt.datetime, end: dt.datetime,
             at: dt.datetime) -> None:  # fmt: skip
        with self.lock:
            event = self.calendars[calendar_id].events[event_id]
            event["start"], event["end"] = shown(start), shown(end)
            self._touch(calendar_id, event, at)

    def delete_event(self, calendar_id: str, event_id: str) -> None:
        with self.lock:
            self._remove(calendar_id, event_id)

    def forget_delta_tokens(self) -> None:
        with self.lock:
            self.forgotten_below = self.counter + 1

    def _remove(self, calendar_id: str, event_id: str) -> None:
        calendar = self.calendars[calendar_id]
        calendar.events.pop(event_id)
        self.counter += 1
        calendar.removed[event_id] = self.counter

    def _touch(self, calendar_id: str, event: dict[str, Any], at: dt.datetime) -> None:
        self.counter += 1
        self.calendars[calendar_id].change[event["id"]] = self.counter
        key = secrets.token_urlsafe(12)
        event["changeKey"], event["@odata.etag"] = key, f'W/"{key}"'
        event["lastModifiedDateTime"] = at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")

    # --- the API ---------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        if not self.identity.accepts(request.header("Authorization"), "microsoft"):
            return graph_error(401, "InvalidAuthenticationToken", "Access token has expired.")
        with self.lock:
            return self._route(request, request.path.removeprefix(self.BASE))

    def _route(self, request: Request, path: str) -> Reply:
        parts = [unquote(p) for p in path.strip("/").split("/")]
        method = request.method
        if parts == ["$batch"] and method == "POST":
            return self._batch(request)
        if parts == ["me", "calendars"]:
            return self._calendars(request)
        if len(parts) == 4 and parts[:2] == ["me", "calendars"] and parts[3] == "events":
            if parts[2] not in self.calendars:
                return graph_error(404, "ErrorItemNotFound", "The calendar was not found.")
            if method == "POST":
                return self._create(parts[2], request)
        if len(parts) == 5 and parts[:2] == ["me", "calendars"] and parts[3:] == [
            "calendarView", "delta"
        ]:  # fmt: skip
            if parts[2] not in self.calendars:
                return graph_error(404, "ErrorItemNotFound", "The calendar was not found.")
            return self._delta(parts[2], request)
        if len(parts) == 3 and parts[:2] == ["me", "events"]:
            return self._one(parts[2], request)
        return graph_error(400, "BadRequest", f"Unsupported request {method} {path}")

    def _calendars(self, request: Request) -> Reply:
        if request.method == "GET":
            return Reply(200, {"value": [{"id": k, "name": c.name}
                                         for k, c in self.calendars.items()]})  # fmt: skip
        body = request.json()
        if set(body) - {"name", "color"} or not body.get("name"):
            return graph_error(400, "RequestBodyRead", "Invalid calendar properties.")
        calendar_id = "AAMkCal" + secrets.token_hex(8)
        self.calendars[calendar_id] = Calendar(body["name"])
        return Reply(201, {"id": calendar_id, "name": body["name"]})

    def _check(self, body: Any, creating: bool) -> str:
        if not isinstance(body, dict):
            return "The body is not a JSON object."
        unknown = set(body) - EVENT_FIELDS
        if unknown:
            return f"Could not find a property named '{sorted(unknown)[0]}' on type event."
        if not creating and "transactionId" in body:
            return "transactionId is set on creation only."
        if body.get("showAs", "busy") not in SHOW_AS:
            return "Invalid showAs."
        for prop in body.get("singleValueExtendedProperties", []):
            if set(prop) != {"id", "value"} or not PROPERTY_ID.fullmatch(prop["id"]):
                return "Invalid singleValueExtendedProperty."
        try:
            start, end = instant(body["start"]), instant(body["end"])
        except (KeyError, ValueError) as exc:
            return f"Invalid start or end: {exc}"
        if end <= start:
            return "The end must be after the start."
        if body.get("isAllDay") and not all(
            t.time() == dt.time() for t in (start, end)
        ):  # fmt: skip
            return "All-day events must start and end at midnight."
        return ""

    def _create(self, calendar_id: str, request: Request) -> Reply:
        body = request.json()
        problem = self._check(body, creating=True)
        if problem:
            return graph_error(400, "RequestBodyRead", problem)
        calendar = self.calendars[calendar_id]
        known = calendar.transactions.get(body.get("transactionId", ""))
        if known in calendar.events:
            return Reply(201, self._out(calendar.events[known], request))
        event_id = "AAkALgImm" + secrets.token_hex(12)
        event = self._stored(event_id, body, {})
        event["createdDateTime"] = dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")
        calendar.events[event_id] = event
        if body.get("transactionId"):
            calendar.transactions[body["transactionId"]] = event_id
        self._touch(calendar_id, event, dt.datetime.now(dt.UTC))
        return Reply(201, self._out(event, request))

    def _stored(self, event_id: str, body: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
        event.update({k: v for k, v in body.items() if k != "transactionId"})
        event["id"] = event_id
        event["start"], event["end"] = shown(instant(body["start"])), shown(instant(body["end"]))
        if body.get("isAllDay"):  # kept as the dates the user sees
            for key in ("start", "end"):
                day = instant(body[key]).date().isoformat()
                event[key] = {"dateTime": f"{day}T00:00:00.0000000", "timeZone": "UTC"}
        event.setdefault("isCancelled", False)
        return event

    def _out(self, event: dict[str, Any], request: Request, *, delta: bool = False) -> Any:
        data = {k: v for k, v in event.items() if k != "singleValueExtendedProperties"}
        wanted = request.one("$expand")
        if not delta and "singleValueExtendedProperties" in wanted:
            data["singleValueExtendedProperties"] = event.get("singleValueExtendedProperties", [])
        return data

    def _find(self, event_id: str) -> tuple[str, dict[str, Any]] | None:
        for calendar_id, calendar in self.calendars.items():
            if event_id in calendar.events:
                return calendar_id, calendar.events[event_id]
        return None

    def _one(self, event_id: str, request: Request) -> Reply:
        found = self._find(event_id)
        if found is None:
            return graph_error(404, "ErrorItemNotFound", "The specified object was not found.")
        calendar_id, event = found
        if request.method == "GET":
            return Reply(200, self._out(event, request))
        wanted = request.header("If-Match")
        if wanted and wanted != event["@odata.etag"]:
            return graph_error(412, "ErrorIrresolvableConflict", "The change key is stale.")
        if request.method == "DELETE":
            self._remove(calendar_id, event_id)
            return Reply(204)
        if request.method == "PATCH":
            body = request.json()
            merged = {**{k: v for k, v in event.items() if k in EVENT_FIELDS}, **body}
            problem = self._check(body, creating=False) or self._check(
                {k: v for k, v in merged.items() if k != "transactionId"}, creating=False
            )
            if problem:
                return graph_error(400, "RequestBodyRead", problem)
            self._stored(event_id, merged, event)
            self._touch(calendar_id, event, dt.datetime.now(dt.UTC))
            return Reply(200, self._out(event, request))
        return graph_error(405, "MethodNotAllowed", request.method)

    def _delta(self, calendar_id: str, request: Request) -> Reply:
        calendar = self.calendars[calendar_id]
        state = request.one("$deltatoken") or request.one("$skiptoken")
        if state:
            try:
                saved = json.loads(bytes.fromhex(state))
            except ValueError:
                return graph_error(400, "BadRequest", "Invalid token.")
            if request.one("$deltatoken") and saved["since"] < self.forgotten_below:
                return graph_error(410, "SyncStateNotFound", "The sync state was not found.")
        else:
            if not (request.one("startDateTime") and request.one("endDateTime")):
                return graph_error(400, "ErrorInvalidParameter",
                                   "This request requires a time window.")  # fmt: skip
            saved = {"since": -1, "offset": 0, "start": request.one("startDateTime"),
                     "end": request.one("endDateTime"), "upto": self.counter}  # fmt: skip
        if request.one("$deltatoken"):
            saved = {**saved, "offset": 0, "upto": self.counter}
        first = dt.datetime.fromisoformat(saved["start"].replace("Z", "+00:00"))
        last = dt.datetime.fromisoformat(saved["end"].replace("Z", "+00:00"))
        items: list[Any] = []
        for event_id, event in sorted(calendar.events.items()):
            number = calendar.change[event_id]
            if not saved["since"] < number <= saved["upto"]:
                continue
            inside = instant(event["start"]) < last and instant(event["end"]) > first
            if inside:
                items.append(self._out(event, request, delta=True))
            elif saved["since"] >= 0:
                items.append({"id": event_id, "@removed": {"reason": "deleted"}})
        if saved["since"] >= 0:
            for event_id, number in sorted(calendar.removed.items()):
                if saved["since"] < number <= saved["upto"]:
                    items.append({"id": event_id, "@removed": {"reason": "deleted"}})
        size = self._page_size(request)
        page = items[saved["offset"] : saved["offset"] + size]
        body: dict[str, Any] = {"value": page}
        base = f"{self.api}/me/calendars/{calendar_id}/calendarView/delta"
        if saved["offset"] + size < len(items):
            token = json.dumps({**saved, "offset": saved["offset"] + size}).encode().hex()
            body["@odata.nextLink"] = f"{base}?{urlencode({'$skiptoken': token})}"
        else:
            token = json.dumps({**saved, "since": saved["upto"], "offset": 0}).encode().hex()
            body["@odata.deltaLink"] = f"{base}?{urlencode({'$deltatoken': token})}"
        return Reply(200, body)

    def _page_size(self, request: Request) -> int:
        found = re.search(r"odata\.maxpagesize=(\d+)", request.header("Prefer"))
        return min(int(found.group(1)) if found else 10, self.page_size_cap)

    def _batch(self, request: Request) -> Reply:
        body = request.json()
        parts = body.get("requests", []) if isinstance(body, dict) else []
        if not parts or len(parts) > 20:
            return graph_error(400, "BadRequest", "A batch holds 1 to 20 requests.")
        answers = []
        for part in parts:
            url = urlsplit(part["url"])
            inner = Request(
                part["method"], url.path, parse_qs(url.query),
                {**part.get("headers", {}), "Authorization": request.header("Authorization")},
                json.dumps(part["body"]).encode() if "body" in part else b"",
            )  # fmt: skip
            self.log.append(inner)
            reply = self._route(inner, url.path)
            answers.append({"id": part["id"], "status": reply.status, "headers": reply.headers,
                            "body": reply.body})  # fmt: skip
        return Reply(200, {"responses": answers})
