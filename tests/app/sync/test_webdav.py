"""What servers answer besides Radicale: quoted or absolute hrefs, truncated and expired tokens."""

from __future__ import annotations

from collections.abc import Mapping

from app.sync.http import Reply
from app.sync.remote import RemoteCalendar
from app.sync.webdav import parse_multistatus, path_of

BASE = "https://cloud.example.com/remote.php/dav/calendars/sam/sales/"


def multistatus(*responses: str, token: str = "") -> bytes:
    sync = f"<d:sync-token>{token}</d:sync-token>" if token else ""
    return (
        '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">'
        + "".join(responses)
        + sync
        + "</d:multistatus>"
    ).encode()


def member(href: str, etag: str = "", status: int = 200) -> str:
    if status == 404:
        return f"<d:response><d:href>{href}</d:href><d:status>HTTP/1.1 404</d:status></d:response>"
    return (
        f"<d:response><d:href>{href}</d:href><d:propstat><d:prop><d:getetag>{etag}</d:getetag>"
        "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
    )


class Scripted:
    """Answers requests from a list, recording what was asked."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.asked: list[tuple[str, bytes]] = []

    def request(
        self, method: str, url: str, body: bytes = b"", headers: Mapping[str, str] | None = None
    ) -> Reply:
        self.asked.append((method, body))
        return self.replies.pop(0)


def calendar(*replies: Reply) -> tuple[RemoteCalendar, Scripted]:
    http = Scripted(*replies)
    return RemoteCalendar(http, BASE), http  # type: ignore[arg-type]


def test_hrefs_are_compared_as_unquoted_paths_whatever_form_the_server_uses() -> None:
    path = "/remote.php/dav/calendars/sam/sales/a@b.ics"
    assert path_of("a%40b.ics", BASE) == path
    assert path_of(BASE + "a%40b.ics", BASE) == path
    assert path_of(" /remote.php/dav/calendars/sam/sales/a@b.ics ", BASE) == path
    entries, token = parse_multistatus(multistatus(member("a%40b.ics", '"1"'), token="t1"), BASE)
    assert [(e.path, e.props["{DAV:}getetag"]) for e in entries] == [
        (path, '"1"')
    ] and token == "t1"


def test_a_truncated_answer_is_followed_to_the_end() -> None:
    truncated = (
        f"<d:response><d:href>{BASE}</d:href>"
        "<d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>"
    )
    remote, http = calendar(
        Reply(207, multistatus(member("a.ics", '"1"'), truncated, token="t1")),
        Reply(207, multistatus(member("b.ics", '"2"'), member("a.ics", status=404), token="t2")),
    )
    found = remote.changes("")
    assert found.full and found.token == "t2"
    assert [p.rsplit("/", 1)[-1] for p in found.changed] == ["b.ics"]
    assert [p.rsplit("/", 1)[-1] for p in found.deleted] == ["a.ics"]
    assert b"<d:sync-token>t1</d:sync-token>" in http.asked[1][1]


def test_an_expired_token_starts_over_and_no_sync_support_falls_back_to_a_listing() -> None:
    expired = Reply(403, b'<d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>')
    remote, _ = calendar(expired, Reply(207, multistatus(member("a.ics", '"1"'), token="t9")))
    found = remote.changes("old")
    assert found.full and found.token == "t9" and len(found.changed) == 1
    remote, http = calendar(Reply(501), Reply(207, multistatus(member("a.ics", '"1"'))))
    found = remote.changes("")
    assert found.full and found.token == "" and [m for m, _ in http.asked] == ["REPORT", "PROPFIND"]
