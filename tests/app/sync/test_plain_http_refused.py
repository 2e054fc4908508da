"""Plain http:// only to this computer, checked at every request, not only when adding."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.errors import KnownError
from app.sync.http import DavHttp, SyncError
from app.sync.remote import RemoteCalendar


class _Sent(Exception):
    """Raised instead of sending: the request got as far as the wire."""


@pytest.fixture
def wire(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every prepared request that would have been sent (with its headers)."""
    sent: list[Any] = []
    from caldav.lib.http_sync import requests

    def send(self: Any, request: Any, **_kwargs: Any) -> Any:
        sent.append(request)
        raise _Sent

    monkeypatch.setattr(requests.Session, "send", send)
    return sent


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.example/dav/cal/",
        "http://192.168.1.20/dav/cal/",
        "HTTP://attacker.example:80/cal/",
        "ftp://files.example/cal/",
        "http://user:pw@localhost/cal/",
    ],
)
def test_a_stored_plain_http_address_elsewhere_is_never_contacted(
    wire: list[Any], url: str
) -> None:
    http = DavHttp("sam", "s3cret-password")
    remote = RemoteCalendar(http, url)
    with pytest.raises(SyncError) as caught:
        remote.state()
    assert not caught.value.transient  # retrying later would not make it safe
    assert "s3cret-password" not in str(caught.value)
    assert wire == []  # nothing sent, so no Authorization header ever built


def test_https_and_this_computer_are_still_contacted_with_auth(wire: list[Any]) -> None:
    http = DavHttp("sam", "s3cret-password")
    for url in ("https://cloud.example/dav/cal/", "http://127.0.0.1:5232/cal/", "http://[::1]/c/"):
        with pytest.raises(SyncError, match="_Sent"):
            http.request("PROPFIND", url)
    assert [r.headers["Authorization"].startswith("Basic ") for r in wire] == [True] * 3


def test_setting_a_password_again_checks_the_stored_address(wire: list[Any]) -> None:
    from app.sync.discovery import find_calendars

    with pytest.raises(KnownError, match="https://"):
        find_calendars("http://evil.example/dav/", "sam", "s3cret-password")
    assert wire == []


def _redirecting_to(target: str) -> type[BaseHTTPRequestHandler]:
    """A calendar server on this computer that sends every request on to `target`."""

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(307)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    for method in ("PUT", "PROPFIND", "REPORT"):
        setattr(Handler, f"do_{method}", Handler._any)
    return Handler


@pytest.mark.parametrize("target", ["http://evil.example/cal/x.ics", "/cal/x.ics"])
def test_a_redirect_is_checked_like_any_address(
    monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """A 307 re-sends the event (names, phone numbers) as it is: never in clear elsewhere."""
    from caldav.lib.http_sync import requests

    server = ThreadingHTTPServer(("127.0.0.1", 0), _redirecting_to(target))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real_send = requests.Session.send
    hosts: list[str] = []

    def send(self: Any, request: Any, **kwargs: Any) -> Any:
        hosts.append(str(request.url).split("/")[2].split(":")[0])
        if hosts[-1] != "127.0.0.1":
            raise _Sent
        return real_send(self, request, **kwargs)

    monkeypatch.setattr(requests.Session, "send", send)
    http = DavHttp("sam", "s3cret-password")
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/cal/x.ics"
        with pytest.raises(SyncError) as caught:
            http.request("PUT", url, b"BEGIN:VCALENDAR", {"If-None-Match": "*"})
    finally:
        http.close()
        server.shutdown()
        server.server_close()
    assert not caught.value.transient
    assert "evil.example" not in hosts and len(hosts) <= 6  # a loop ends too
