"""CalDAV behind the provider interface: one calendar object (.ics resource) per touchpoint."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from app.i18n import _
from app.sync.http import DavHttp, Reply, SyncError
from app.sync.objects import calendar_object, object_name, parse_event
from app.sync.provider import Answer, Delta, Found, Outcome, Outgoing
from app.sync.remote import RemoteCalendar


def _answer(reply: Reply, ref: str, meanings: dict[int, Outcome]) -> Answer:
    outcome: Outcome = "ok" if reply.ok else meanings.get(reply.status, "failed")
    return Answer(outcome, ref, reply.header("ETag"), reply.status)


class CalDavProvider:
    """Conditional PUT/DELETE (If-None-Match, If-Match) and RFC 6578 sync-collection."""

    def __init__(self, http: DavHttp, calendar_url: str, *, calendar_name: str, tzid: str) -> None:
        self.http = http
        self.remote = RemoteCalendar(http, calendar_url)
        self._calendar_name = calendar_name
        self._tzid = tzid
        self._zone = ZoneInfo(tzid)

    @property
    def host(self) -> str:
        return self.remote.host

    @property
    def label(self) -> str:
        return _("the calendar {path}").format(path=self.remote.path)

    def marker(self) -> tuple[str, str] | None:
        return self.remote.state()

    def ref_for(self, uid: str) -> str:
        return self.remote.member(object_name(uid))

    def fresh_ref(self, uid: str) -> str:
        return self.remote.member(f"{uuid.uuid4().hex}.ics")

    def changes(self, token: str) -> Delta:
        found = self.remote.changes(token)
        return Delta(found.token, found.changed, found.deleted, found.full)

    def read(self, refs: dict[str, str]) -> tuple[dict[str, Found], set[str]]:
        fetched, missing = self.remote.fetch(list(refs))
        return {
            path: (etag, parse_event(data, refs[path], self._zone))
            for path, (etag, data) in fetched.items()
        }, missing

    def get(self, ref: str, uid: str) -> Found | None:
        found = self.remote.get(ref)
        if found.status == 404:
            return None
        if found.status != 200:
            raise SyncError(
                _("{host} answered {status} when reading an event").format(
                    host=self.host, status=found.status
                )
            )
        return found.header("ETag"), parse_event(found.body, uid, self._zone)

    def _data(self, item: Outgoing) -> bytes:
        return calendar_object(
            item.event, calendar_name=self._calendar_name, tzid=self._tzid, now=item.now
        )

    def create(self, ref: str, item: Outgoing) -> Answer:
        reply = self.remote.put(ref, self._data(item), etag=None)
        # 412: something is there already; 403/409: the UID is refused (a server's trash bin).
        return _answer(reply, ref, {412: "exists", 403: "refused", 409: "refused"})

    @property
    def batch(self) -> int:
        return 1  # CalDAV has no batch write: one PUT per object

    def create_many(self, items: list[tuple[str, Outgoing]]) -> list[Answer]:
        return [self.create(ref, item) for ref, item in items]

    def update(self, ref: str, etag: str, item: Outgoing) -> Answer:
        reply = self.remote.put(ref, self._data(item), etag=etag)
        return _answer(reply, ref, {412: "conflict", 404: "missing"})

    def delete(self, ref: str, etag: str) -> Answer:
        reply = self.remote.delete(ref, etag)
        return _answer(reply, ref, {412: "conflict", 404: "missing"})

    def safe(self, text: str) -> str:
        return self.http.safe(text)

    def close(self) -> None:
        self.http.close()
