"""Google Calendar (API v3) behind the provider interface: ids from UIDs, syncToken, tombstones."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from app.i18n import _
from app.sync.api_http import ApiHttp, ApiReply
from app.sync.cloud_events import google_body, google_event, google_id
from app.sync.google_batch import GOOGLE_BATCH, batch_answers, batch_body
from app.sync.http import SyncError, host_of
from app.sync.provider import Answer, Delta, Found, Outcome, Outgoing

DEFAULT_API = "https://www.googleapis.com/calendar/v3"
PAGE = 2500
MAX_PAGES = 1000


def _answer(reply: ApiReply, ref: str, meanings: dict[int, Outcome]) -> Answer:
    outcome: Outcome = "ok" if reply.ok else meanings.get(reply.status, "failed")
    etag = str(reply.data.get("etag", "")) if reply.ok and isinstance(reply.data, dict) else ""
    return Answer(outcome, ref, etag, reply.status)


def _if_match(etag: str) -> dict[str, str]:
    return {"If-Match": etag} if etag and etag != "*" else {}


class GoogleProvider:
    """One calendar the app created in a Google account (scope calendar.app.created)."""

    def __init__(
        self, http: ApiHttp, base: str, calendar_id: str, *, calendar_name: str, tzid: str
    ) -> None:
        self.http = http
        self._base = base.rstrip("/")
        self._events = f"{self._base}/calendars/{quote(calendar_id, safe='')}/events"
        self._name = calendar_name
        self._tzid = tzid
        # What the last listing returned, so reading a changed event costs no request.
        self._seen: dict[str, dict[str, Any]] = {}

    @property
    def host(self) -> str:
        return host_of(self._base)

    @property
    def label(self) -> str:
        return _("the Google calendar {name}").format(name=self._name)

    def marker(self) -> tuple[str, str] | None:
        return None  # events.list with the syncToken is itself one request

    def ref_for(self, uid: str) -> str:
        return google_id(uid)

    def fresh_ref(self, uid: str) -> str:
        return google_id(uid)[:900] + uuid.uuid4().hex  # hex digits are base32hex too

    def _url(self, ref: str) -> str:
        return f"{self._events}/{quote(ref, safe='')}"

    def changes(self, token: str) -> Delta:
        found = Delta(token, full=not token)
        page = ""
        for _page in range(MAX_PAGES):
            query: dict[str, str | int] = {"maxResults": PAGE}
            if token:
                query["syncToken"] = token
            if page:
                query["pageToken"] = page
            reply = self.http.request("GET", f"{self._events}?{urlencode(query)}")
            if token and reply.status == 410:
                return self.changes("")  # Google forgot the token: list everything again
            if not reply.ok or not isinstance(reply.data, dict):
                raise SyncError(
                    _("{host} answered {status} when listing the events").format(
                        host=self.host, status=reply.status
                    )
                )
            for item in reply.data.get("items", []):
                ref = str(item.get("id", ""))
                if item.get("status") == "cancelled":
                    found.deleted.add(ref)
                    found.changed.pop(ref, None)
                else:
                    found.changed[ref] = str(item.get("etag", ""))
                    found.deleted.discard(ref)
                    self._seen[ref] = item
            page = str(reply.data.get("nextPageToken", ""))
            if not page:
                found.token = str(reply.data.get("nextSyncToken", ""))
                return found
        raise SyncError(
            _("{host} kept answering with more events; try again later").format(host=self.host)
        )

    def read(self, refs: dict[str, str]) -> tuple[dict[str, Found], set[str]]:
        found: dict[str, Found] = {}
        missing: set[str] = set()
        for ref, uid in refs.items():
            item = self._seen.get(ref)
            got = (
                (str(item.get("etag", "")), google_event(item, uid)) if item else self.get(ref, uid)
            )
            if got is None:
                missing.add(ref)
            else:
                found[ref] = got
        return found, missing

    def get(self, ref: str, uid: str) -> Found | None:
        reply = self.http.request("GET", self._url(ref))
        if reply.status in (404, 410):
            return None
        if not reply.ok or not isinstance(reply.data, dict):
            raise SyncError(
                _("{host} answered {status} when reading an event").format(
                    host=self.host, status=reply.status
                )
            )
        if reply.data.get("status") == "cancelled":
            return None  # a tombstone: deleted in the calendar
        return str(reply.data.get("etag", "")), google_event(reply.data, uid)

    def _body(self, ref: str, item: Outgoing) -> dict[str, Any]:
        return google_body(item.event, item.touchpoint_id, self._tzid, ref)

    def create(self, ref: str, item: Outgoing) -> Answer:
        reply = self.http.request("POST", self._events, self._body(ref, item))
        # 409: that id exists (our retried insert, or a deleted event Google keeps).
        return _answer(reply, ref, {409: "exists"})

    @property
    def batch(self) -> int:
        return GOOGLE_BATCH

    def create_many(self, items: list[tuple[str, Outgoing]]) -> list[Answer]:
        if len(items) == 1:
            return [self.create(*items[0])]
        path = urlsplit(self._events).path
        data, kind = batch_body(path, [self._body(ref, item) for ref, item in items])
        parts = urlsplit(self._base)
        url = f"{parts.scheme}://{parts.netloc}/batch/{parts.path.strip('/')}"
        reply = self.http.request("POST", url, data, {"Content-Type": kind})
        if not reply.ok:
            raise SyncError(
                _("{host} answered {status} to a batch of events").format(
                    host=self.host, status=reply.status
                )
            )
        answers = batch_answers(reply.header("Content-Type"), reply.raw)
        found = []
        for number, (ref, _item) in enumerate(items):
            status, body = answers.get(number, (0, None))
            found.append(_answer(ApiReply(status, body), ref, {409: "exists"}))
        return found

    def update(self, ref: str, etag: str, item: Outgoing) -> Answer:
        reply = self.http.request("PUT", self._url(ref), self._body(ref, item), _if_match(etag))
        return _answer(reply, ref, {412: "conflict", 404: "missing", 410: "missing"})

    def delete(self, ref: str, etag: str) -> Answer:
        reply = self.http.request("DELETE", self._url(ref), None, _if_match(etag))
        return _answer(reply, ref, {412: "conflict", 404: "missing", 410: "missing"})

    def safe(self, text: str) -> str:
        return self.http.safe(text)

    def close(self) -> None:
        self.http.close()


def create_google_calendar(http: ApiHttp, base: str, name: str, tzid: str) -> str:
    """A calendar of the app's own (the only kind calendar.app.created may touch): its id."""
    reply = http.request(
        "POST", f"{base.rstrip('/')}/calendars", {"summary": name, "timeZone": tzid}
    )
    if not reply.ok or not isinstance(reply.data, dict) or not reply.data.get("id"):
        raise SyncError(
            _("{host} answered {status} when creating the calendar").format(
                host=host_of(base), status=reply.status
            )
        )
    return str(reply.data["id"])
