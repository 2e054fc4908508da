"""Accounts: the connection test says what failed; a calendar found or created; no secret kept."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.context import AppContext
from app.dto.sync import AccountInput
from app.errors import KnownError, ValidationError
from app.secrets import MemorySecretStore
from tests.support.caldav_fixtures import add_account, read_files
from tests.support.radicale_server import PASSWORD, USER, RadicaleServer


def _plain_server(status: int, body: bytes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    for method in ("GET", "PROPFIND", "OPTIONS", "REPORT"):
        setattr(Handler, f"do_{method}", Handler._any)
    return Handler


@pytest.fixture(scope="module")
def web_servers() -> Iterator[dict[str, str]]:
    """A web site that 404s everything, and one that answers HTML (no CalDAV)."""
    servers = {
        "404": ThreadingHTTPServer(("127.0.0.1", 0), _plain_server(404, b"")),
        "html": ThreadingHTTPServer(("127.0.0.1", 0), _plain_server(200, b"<html>hi</html>")),
    }
    for server in servers.values():
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {name: f"http://127.0.0.1:{s.server_address[1]}/dav/" for name, s in servers.items()}
    for server in servers.values():
        server.shutdown()
        server.server_close()


def test_adding_creates_the_calendar_once_and_keeps_only_a_key(
    context: AppContext, radicale: RadicaleServer, db_path: Path
) -> None:
    first = add_account(context, radicale, calendar_name="Sales follow-ups")
    second = add_account(context, radicale, calendar_name="sales FOLLOW-UPS")
    assert first.calendar_name == "Sales follow-ups"
    assert second.calendar_url == first.calendar_url  # found by name, not created twice
    names = [c.name for c in context.accounts.check(radicale.url, USER, PASSWORD)]
    assert names.count("Sales follow-ups") == 1
    assert [a.password_stored for a in context.accounts.list()] == ["keyring", "keyring"]
    context.close()
    assert PASSWORD.encode() not in read_files(db_path, Path(f"{db_path}-wal"))


def test_a_picked_calendar_is_used_as_it_is(context: AppContext, radicale: RadicaleServer) -> None:
    existing = add_account(context, radicale)
    picked = add_account(context, radicale, calendar_url=existing.calendar_url, calendar_name="x")
    assert (picked.calendar_url, picked.calendar_name) == (
        existing.calendar_url,
        existing.calendar_name,
    )


@pytest.mark.parametrize(
    ("where", "password", "message"),
    [
        ("radicale", "wrong", "refused the user name or password (401)"),
        ("radicale/other/", PASSWORD, "refused access to /other/ (403)"),
        ("http://127.0.0.1:1/", PASSWORD, "cannot connect to 127.0.0.1:1 (connection refused)"),
        ("https://no-such-host.invalid/", PASSWORD, "cannot find the server no-such-host.invalid"),
        ("https-radicale", PASSWORD, "secure connection (TLS) to 127.0.0.1"),
        ("404", PASSWORD, "nothing found at /dav/"),
        ("html", PASSWORD, "answers, but without calendar (CalDAV) support"),
    ],
)
def test_the_connection_test_says_what_failed(
    context: AppContext,
    radicale: RadicaleServer,
    web_servers: dict[str, str],
    where: str,
    password: str,
    message: str,
) -> None:
    url = {
        "radicale": radicale.url,
        "radicale/other/": radicale.url + "other/",
        "https-radicale": radicale.url.replace("http://", "https://"),
        **web_servers,
    }.get(where, where)
    with pytest.raises(KnownError) as caught:
        context.accounts.check(url, USER, password)
    assert message in str(caught.value)
    assert password not in str(caught.value)
    with pytest.raises(KnownError):
        context.accounts.add(AccountInput(url=url, username=USER, password=password))
    assert context.accounts.list() == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("cloud.example.com", "full URL"),
        ("https://sam:pw@cloud.example.com/dav", "not in the server address"),
        ("http://cloud.example.com/dav", "unencrypted"),
    ],
)
def test_unsafe_or_incomplete_addresses_are_refused(
    context: AppContext, url: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        context.accounts.check(url, USER, PASSWORD)


def test_removing_an_account_deletes_its_password(
    context: AppContext, radicale: RadicaleServer
) -> None:
    account = add_account(context, radicale)
    store = context.secrets
    assert isinstance(store, MemorySecretStore)
    assert list(store._memory.items.values()) == [PASSWORD]
    context.accounts.remove(account.id)
    assert store._memory.items == {} and context.accounts.list() == []
    with pytest.raises(KnownError, match="does not exist"):
        context.accounts.remove(account.id)
