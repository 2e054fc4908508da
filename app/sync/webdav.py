"""WebDAV/CalDAV XML: the few request bodies the sync sends and the multistatus it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit

DAV = "{DAV:}"
CALDAV = "{urn:ietf:params:xml:ns:caldav}"
CS = "{http://calendarserver.org/ns/}"
_XML = '<?xml version="1.0" encoding="utf-8"?>'
_NS = 'xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/"'

COLLECTION_STATE = (
    f"{_XML}<d:propfind {_NS}><d:prop><cs:getctag/><d:sync-token/>"
    "<d:displayname/></d:prop></d:propfind>"
).encode()
MEMBER_ETAGS = (
    f"{_XML}<d:propfind {_NS}><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>"
).encode()


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sync_collection(token: str) -> bytes:
    """RFC 6578 REPORT: what changed since `token` (everything for an empty token)."""
    return (
        f"{_XML}<d:sync-collection {_NS}><d:sync-token>{escape(token)}</d:sync-token>"
        "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
    ).encode()


def multiget(paths: list[str]) -> bytes:
    """RFC 4791 calendar-multiget: the data and ETags of the given members in one request."""
    hrefs = "".join(f"<d:href>{escape(quote(path))}</d:href>" for path in paths)
    return (
        f"{_XML}<c:calendar-multiget {_NS}><d:prop><d:getetag/><c:calendar-data/></d:prop>"
        f"{hrefs}</c:calendar-multiget>"
    ).encode()


@dataclass
class Entry:
    """One <response>: its path, status (200 unless the server said otherwise) and props."""

    path: str
    status: int = 200
    props: dict[str, str] = field(default_factory=dict)
    collection: bool = False


def path_of(href: str, base: str) -> str:
    """An href as an unquoted absolute path: servers differ in how they quote and qualify it."""
    return unquote(urlsplit(urljoin(base, href.strip())).path)


def _status(text: str | None) -> int:
    found = re.search(r"\s(\d{3})\b", text or "")
    return int(found.group(1)) if found else 200


def parse_multistatus(body: bytes, base: str) -> tuple[list[Entry], str]:
    """(responses, the multistatus-level sync-token if any)."""
    # Imported here: start-up does not need it. The stdlib parser never fetches external
    # entities, and expat >= 2.4 refuses entity-expansion bombs.
    from xml.etree import ElementTree

    root = ElementTree.fromstring(body)  # noqa: S314
    entries = []
    for response in root.iter(f"{DAV}response"):
        href = response.findtext(f"{DAV}href") or ""
        entry = Entry(path_of(href, base), _status(response.findtext(f"{DAV}status")))
        for propstat in response.iter(f"{DAV}propstat"):
            if _status(propstat.findtext(f"{DAV}status")) != 200:
                continue
            for prop in propstat.iter(f"{DAV}prop"):
                for child in prop:
                    if child.tag == f"{DAV}resourcetype":
                        entry.collection = child.find(f"{DAV}collection") is not None
                    else:
                        entry.props[child.tag] = (child.text or "").strip()
        entries.append(entry)
    return entries, (root.findtext(f"{DAV}sync-token") or "").strip()


def is_invalid_token(body: bytes) -> bool:
    """RFC 6578: a 403/409 with valid-sync-token means "start over with an empty token"."""
    return b"valid-sync-token" in body
