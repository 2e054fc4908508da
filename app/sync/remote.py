"""One CalDAV calendar collection: its state, what changed, and conditional PUT/DELETE."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

from app.i18n import N_, _, ngettext
from app.sync.http import DavHttp, Reply, SyncError, host_of
from app.sync.webdav import (
    COLLECTION_STATE,
    CS,
    DAV,
    MEMBER_ETAGS,
    is_invalid_token,
    multiget,
    parse_multistatus,
    path_of,
    sync_collection,
)

CALDAV_DATA = "{urn:ietf:params:xml:ns:caldav}calendar-data"
MULTIGET_BATCH = 100
MAX_PAGES = 1000
XML = {"Content-Type": "application/xml; charset=utf-8"}
ICS = {"Content-Type": "text/calendar; charset=utf-8"}


@dataclass
class Changes:
    """Members changed since a token (path -> ETag) and members gone; `full`: a complete list."""

    token: str
    changed: dict[str, str] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    full: bool = False


class RemoteCalendar:
    """Speaks to one calendar URL; paths are unquoted absolute paths (see webdav.path_of)."""

    def __init__(self, http: DavHttp, calendar_url: str) -> None:
        self.http = http
        self.url = calendar_url if calendar_url.endswith("/") else calendar_url + "/"
        self.path = path_of(self.url, self.url)
        self.host = host_of(self.url)

    def url_of(self, path: str) -> str:
        return urljoin(self.url, quote(path))

    def member(self, name: str) -> str:
        return self.path + name

    def _fail(self, what: str, reply: Reply) -> SyncError:
        if reply.status == 404:
            return SyncError(
                _("the calendar {path} is gone from {host} (404)").format(
                    path=self.path, host=self.host
                ),
                _("Remove the account and add it again, picking a calendar."),
            )
        return SyncError(
            _("{host} answered {status} to {what}").format(
                host=self.host, status=reply.status, what=_(what)
            )
        )

    def state(self) -> tuple[str, str]:
        """(ctag, sync-token): either changes whenever anything in the calendar changes."""
        reply = self.http.request("PROPFIND", self.url, COLLECTION_STATE, {"Depth": "0", **XML})
        if reply.status != 207:
            raise self._fail(N_("a calendar PROPFIND"), reply)
        entries, _token = parse_multistatus(reply.body, self.url)
        props = entries[0].props if entries else {}
        return props.get(f"{CS}getctag", ""), props.get(f"{DAV}sync-token", "")

    def changes(self, token: str) -> Changes:
        """What changed since `token`; an empty token lists everything (`full`)."""
        found = Changes(token, full=not token)
        for _page in range(MAX_PAGES):
            body = sync_collection(found.token)
            reply = self.http.request("REPORT", self.url, body, {"Depth": "1", **XML})
            if found.token and reply.status in (403, 409) and is_invalid_token(reply.body):
                return self.changes("")  # the server forgot our token: list everything again
            if reply.status != 207:
                return self._listing()  # no sync-collection support: compare every ETag
            entries, new_token = parse_multistatus(reply.body, self.url)
            truncated = False
            for entry in entries:
                if entry.path == self.path:
                    # RFC 6578 3.6: a 507 on the collection means "more with the new token".
                    truncated = entry.status == 507
                elif entry.collection:
                    continue
                elif entry.status == 404:
                    found.deleted.add(entry.path)
                    found.changed.pop(entry.path, None)
                elif f"{DAV}getetag" in entry.props:
                    found.changed[entry.path] = entry.props[f"{DAV}getetag"]
                    found.deleted.discard(entry.path)
            done = not truncated or not new_token or new_token == found.token
            found.token = new_token
            if done:
                return found
        raise SyncError(
            _("{host} kept answering with more changes; try again later").format(host=self.host)
        )

    def _listing(self) -> Changes:
        reply = self.http.request("PROPFIND", self.url, MEMBER_ETAGS, {"Depth": "1", **XML})
        if reply.status != 207:
            raise self._fail(N_("listing the calendar"), reply)
        entries, _token = parse_multistatus(reply.body, self.url)
        changed = {
            e.path: e.props.get(f"{DAV}getetag", "")
            for e in entries
            if e.path != self.path and not e.collection
        }
        return Changes("", changed, full=True)

    def fetch(self, paths: list[str]) -> tuple[dict[str, tuple[str, bytes]], set[str]]:
        """({path: (ETag, calendar data)}, paths that no longer exist)."""
        found: dict[str, tuple[str, bytes]] = {}
        missing: set[str] = set()
        for start in range(0, len(paths), MULTIGET_BATCH):
            part = paths[start : start + MULTIGET_BATCH]
            reply = self.http.request("REPORT", self.url, multiget(part), {"Depth": "1", **XML})
            if reply.status == 207:
                entries, _token = parse_multistatus(reply.body, self.url)
                for entry in entries:
                    data = entry.props.get(CALDAV_DATA)
                    if entry.status == 404:
                        missing.add(entry.path)
                    elif entry.status == 200 and data:
                        found[entry.path] = (entry.props.get(f"{DAV}getetag", ""), data.encode())
            else:
                for path in part:  # no calendar-multiget: one GET each
                    got = self.get(path)
                    if got.status == 404:
                        missing.add(path)
                    elif got.status == 200:
                        found[path] = (got.header("ETag"), got.body)
        unread = set(paths) - found.keys() - missing
        if unread:
            # Never guess: an event we could not read is neither moved nor deleted.
            raise SyncError(
                ngettext(
                    "{host} did not return {count} changed event",
                    "{host} did not return {count} changed events",
                    len(unread),
                ).format(host=self.host, count=len(unread))
            )
        return found, missing

    def get(self, path: str) -> Reply:
        return self.http.request("GET", self.url_of(path))

    def put(self, path: str, data: bytes, *, etag: str | None) -> Reply:
        """Create (etag None: If-None-Match, never overwriting) or update only `etag`'s version."""
        condition = {"If-None-Match": "*"} if etag is None else {"If-Match": etag or "*"}
        return self.http.request("PUT", self.url_of(path), data, {**ICS, **condition})

    def delete(self, path: str, etag: str) -> Reply:
        return self.http.request("DELETE", self.url_of(path), b"", {"If-Match": etag or "*"})
