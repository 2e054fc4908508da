"""Microsoft Graph (Outlook.com, Microsoft 365) behind the provider interface.

Creates carry a transactionId, so a retried POST returns the first event instead of a second;
calendarView/delta over a window says what changed. Delta answers carry no extended
properties, so the event id -> follow-up mapping is the planner's own (sync_item.href), and
every request asks for immutable ids, which survive the event being moved between folders.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from app.i18n import _
from app.sync.api_http import ApiHttp, ApiReply
from app.sync.cloud_events import graph_body, graph_event
from app.sync.http import SyncError, host_of
from app.sync.provider import Answer, Delta, Found, Outcome, Outgoing

DEFAULT_API = "https://graph.microsoft.com/v1.0"
# Every request: ids that never change, and times in UTC (read back without zone tables).
PREFER = 'IdType="ImmutableId", outlook.timezone="UTC"'
PAGE_PREFER = PREFER + ", odata.maxpagesize=200"
BATCH = 20  # Graph's limit per $batch
MAX_PAGES = 1000
WINDOW_PAST = dt.timedelta(days=5 * 365)
# The delta window reaches this far past the planning horizon, so it is restarted rarely.
WINDOW_SLACK = dt.timedelta(days=366)


def _answer(reply: ApiReply, ref: str, meanings: dict[int, Outcome]) -> Answer:
    data = reply.data if isinstance(reply.data, dict) else {}
    outcome: Outcome = "ok" if reply.ok else meanings.get(reply.status, "failed")
    return Answer(outcome, str(data.get("id", ref)), str(data.get("@odata.etag", "")), reply.status)


def _if_match(etag: str) -> dict[str, str]:
    return {"If-Match": etag} if etag and etag != "*" else {}


class GraphProvider:
    """One calendar the app created in the signed-in mailbox."""

    def __init__(
        self,
        http: ApiHttp,
        base: str,
        calendar_id: str,
        *,
        calendar_name: str,
        tzid: str,
        horizon_end: dt.date,
        today: dt.date,
    ) -> None:
        self.http = http
        self._base = base.rstrip("/")
        self._calendar = f"{self._base}/me/calendars/{quote(calendar_id, safe='')}"
        self._calendar_id = calendar_id
        self._name = calendar_name
        self._tzid = tzid
        self._needed_end = horizon_end
        self._start = today - WINDOW_PAST
        self._seen: dict[str, dict[str, Any]] = {}

    @property
    def host(self) -> str:
        return host_of(self._base)

    @property
    def label(self) -> str:
        return _("the Outlook calendar {name}").format(name=self._name)

    def marker(self) -> tuple[str, str] | None:
        return None  # the delta link is itself one request

    def ref_for(self, uid: str) -> str:
        return ""  # Graph names the event

    def fresh_ref(self, uid: str) -> str:
        return ""

    def _event(self, ref: str) -> str:
        return f"{self._base}/me/events/{quote(ref, safe='')}"

    def _first_link(self) -> tuple[str, str]:
        end = self._needed_end + WINDOW_SLACK
        query = {
            "startDateTime": f"{self._start.isoformat()}T00:00:00Z",
            "endDateTime": f"{end.isoformat()}T00:00:00Z",
        }
        return end.isoformat(), f"{self._calendar}/calendarView/delta?{urlencode(query)}"

    def changes(self, token: str) -> Delta:
        """Token: "window end|delta link"; a window that no longer covers the horizon, or a
        link to another server, starts over with a full listing."""
        end, _bar, link = token.partition("|")
        usable = bool(link) and end >= self._needed_end.isoformat()
        usable = usable and urlsplit(link)[:2] == urlsplit(self._base)[:2]
        if not usable:
            end, link = self._first_link()
        found = Delta("", full=not usable)
        recheck: set[str] = set()
        for _page in range(MAX_PAGES):
            reply = self.http.request("GET", link, None, {"Prefer": PAGE_PREFER})
            if usable and reply.status == 410:
                return self.changes("")  # the delta state expired: list everything again
            if not reply.ok or not isinstance(reply.data, dict):
                raise SyncError(
                    _("{host} answered {status} when listing the events").format(
                        host=self.host, status=reply.status
                    )
                )
            for item in reply.data.get("value", []):
                ref = str(item.get("id", ""))
                if "@removed" in item:
                    # Deleted, or moved out of the window: only a read tells which.
                    recheck.add(ref)
                    found.changed.pop(ref, None)
                else:
                    found.changed[ref] = str(item.get("@odata.etag", ""))
                    recheck.discard(ref)
                    self._seen[ref] = item
            next_link = str(reply.data.get("@odata.nextLink", ""))
            if next_link:
                link = next_link
                continue
            found.token = f"{end}|{reply.data.get('@odata.deltaLink', '')}"
            for ref, item in self._batch_get(sorted(recheck)).items():
                if item is None:
                    found.deleted.add(ref)
                else:
                    found.changed[ref] = str(item.get("@odata.etag", ""))
                    self._seen[ref] = item
            return found
        raise SyncError(
            _("{host} kept answering with more events; try again later").format(host=self.host)
        )

    def _batch_get(self, refs: list[str]) -> dict[str, dict[str, Any] | None]:
        """Read events 20 to a request ($batch); None for those that are gone."""
        found: dict[str, dict[str, Any] | None] = {}
        for start in range(0, len(refs), BATCH):
            part = refs[start : start + BATCH]
            requests = [
                {
                    "id": str(number),
                    "method": "GET",
                    "url": f"/me/events/{quote(ref, safe='')}",
                    "headers": {"Prefer": PREFER},
                }
                for number, ref in enumerate(part)
            ]
            reply = self.http.request("POST", f"{self._base}/$batch", {"requests": requests})
            if not reply.ok or not isinstance(reply.data, dict):
                raise SyncError(
                    _("{host} answered {status} to a batch of reads").format(
                        host=self.host, status=reply.status
                    )
                )
            answers = {str(r.get("id")): r for r in reply.data.get("responses", [])}
            for number, ref in enumerate(part):
                answer = answers.get(str(number), {})
                status = int(answer.get("status", 0))
                if status == 404:
                    found[ref] = None
                elif status == 200 and isinstance(answer.get("body"), dict):
                    found[ref] = answer["body"]
                else:
                    # Never guess: an event we could not read is neither moved nor deleted.
                    raise SyncError(
                        _("{host} answered {status} when reading an event").format(
                            host=self.host, status=status
                        )
                    )
        return found

    def read(self, refs: dict[str, str]) -> tuple[dict[str, Found], set[str]]:
        found: dict[str, Found] = {}
        missing: set[str] = set()
        unseen = [ref for ref in refs if ref not in self._seen]
        for ref, item in self._batch_get(unseen).items():
            if item is not None:
                self._seen[ref] = item
        for ref, uid in refs.items():
            item = self._seen.get(ref)
            if item is None:
                missing.add(ref)
            else:
                found[ref] = (str(item.get("@odata.etag", "")), graph_event(item, uid))
        return found, missing

    def get(self, ref: str, uid: str) -> Found | None:
        if not ref:
            return None
        reply = self.http.request("GET", self._event(ref), None, {"Prefer": PREFER})
        if reply.status == 404:
            return None
        if not reply.ok or not isinstance(reply.data, dict):
            raise SyncError(
                _("{host} answered {status} when reading an event").format(
                    host=self.host, status=reply.status
                )
            )
        return str(reply.data.get("@odata.etag", "")), graph_event(reply.data, uid)

    def transaction_id(self, uid: str) -> str:
        """The same for every retry of one follow-up's creation in this calendar."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"followup:{self._calendar_id}:{uid}"))

    def create(self, ref: str, item: Outgoing) -> Answer:
        body = graph_body(item.event, self._tzid)
        body["transactionId"] = self.transaction_id(item.event.uid)
        reply = self.http.request("POST", f"{self._calendar}/events", body, {"Prefer": PREFER})
        return _answer(reply, ref, {409: "exists"})

    @property
    def batch(self) -> int:
        return BATCH

    def create_many(self, items: list[tuple[str, Outgoing]]) -> list[Answer]:
        if len(items) == 1:
            return [self.create(*items[0])]
        path = urlsplit(f"{self._calendar}/events").path.removeprefix(urlsplit(self._base).path)
        requests = []
        for number, (_ref, item) in enumerate(items):
            body = graph_body(item.event, self._tzid)
            body["transactionId"] = self.transaction_id(item.event.uid)
            requests.append({
                "id": str(number), "method": "POST", "url": path, "body": body,
                "headers": {"Content-Type": "application/json", "Prefer": PREFER},
            })  # fmt: skip
        reply = self.http.request("POST", f"{self._base}/$batch", {"requests": requests})
        if not reply.ok or not isinstance(reply.data, dict):
            raise SyncError(
                _("{host} answered {status} to a batch of events").format(
                    host=self.host, status=reply.status
                )
            )
        answers = {str(r.get("id")): r for r in reply.data.get("responses", [])}
        found = []
        for number, (ref, _item) in enumerate(items):
            answer = answers.get(str(number), {})
            inner = ApiReply(int(answer.get("status", 0)), answer.get("body"))
            found.append(_answer(inner, ref, {409: "exists"}))
        return found

    def update(self, ref: str, etag: str, item: Outgoing) -> Answer:
        headers = {"Prefer": PREFER, **_if_match(etag)}
        body = graph_body(item.event, self._tzid)
        reply = self.http.request("PATCH", self._event(ref), body, headers)
        return _answer(reply, ref, {412: "conflict", 404: "missing"})

    def delete(self, ref: str, etag: str) -> Answer:
        headers = {"Prefer": PREFER, **_if_match(etag)}
        reply = self.http.request("DELETE", self._event(ref), None, headers)
        return _answer(reply, ref, {412: "conflict", 404: "missing"})

    def safe(self, text: str) -> str:
        return self.http.safe(text)

    def close(self) -> None:
        self.http.close()


def find_or_create_graph_calendar(http: ApiHttp, base: str, name: str) -> str:
    """The mailbox's calendar with this name, created when there is none: its id."""
    url = f"{base.rstrip('/')}/me/calendars"
    link = url
    for _page in range(MAX_PAGES):
        reply = http.request("GET", link, None, {"Prefer": PREFER})
        if not reply.ok or not isinstance(reply.data, dict):
            raise SyncError(
                _("{host} answered {status} when listing calendars").format(
                    host=host_of(base), status=reply.status
                )
            )
        for calendar in reply.data.get("value", []):
            if str(calendar.get("name", "")).casefold() == name.casefold():
                return str(calendar["id"])
        link = str(reply.data.get("@odata.nextLink", ""))
        if not link:
            break
    reply = http.request("POST", url, {"name": name}, {"Prefer": PREFER})
    if not reply.ok or not isinstance(reply.data, dict) or not reply.data.get("id"):
        raise SyncError(
            _("{host} answered {status} when creating the calendar").format(
                host=host_of(base), status=reply.status
            )
        )
    return str(reply.data["id"])
