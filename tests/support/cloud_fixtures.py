"""Pytest fixtures for the cloud calendars: the identity, Google and Graph stand-ins, the app
pointed at them through its environment variables, and the system browser played by a thread."""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.identity_standin import IdentityStandIn
from tests.support.tls import make_certificate


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def identity(tls: tuple[Path, Path]) -> Iterator[IdentityStandIn]:
    with IdentityStandIn(tls) as server:
        yield server  # type: ignore[misc]


class Browser:
    """The system browser: opens the consent page, the user agrees (or not), and the identity
    server's redirect lands on the app's loopback listener. Runs on its own thread, as a
    browser is its own process."""

    def __init__(self, cafile: Path) -> None:
        import ssl

        self.context = ssl.create_default_context(cafile=str(cafile))
        self.opened: list[str] = []
        self.errors: list[str] = []
        self.threads: list[threading.Thread] = []

    def open(self, url: str, *_args: Any, **_kwargs: Any) -> bool:
        self.opened.append(url)
        thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
        thread.start()
        self.threads.append(thread)
        return True

    def _visit(self, url: str) -> None:
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *_args: Any, **_kwargs: Any) -> None:
                return None

        opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPSHandler(context=self.context)
        )
        try:
            with opener.open(url, timeout=10) as page:
                self._post_form(page.read().decode())
        except urllib.error.HTTPError as answer:
            with answer:
                target = answer.headers.get("Location", "")
                if answer.code != 302 or not target:
                    self.errors.append(f"{answer.code}: {answer.read()[:200]!r}")
                    return
            with urllib.request.urlopen(target, timeout=10) as landed:  # the app's listener
                landed.read()
        except OSError as exc:
            self.errors.append(repr(exc))

    def _post_form(self, page: str) -> None:
        """A form_post answer: the page's form, submitted to the app's listener."""
        import html
        import re
        from urllib.parse import urlencode

        action = re.search(r'<form method="post" action="([^"]+)"', page)
        if action is None:
            self.errors.append(f"no form in {page[:200]!r}")
            return
        fields = {
            html.unescape(name): html.unescape(value)
            for name, value in re.findall(r'name="([^"]*)" value="([^"]*)"', page)
        }
        data = urlencode(fields).encode()
        with urllib.request.urlopen(html.unescape(action.group(1)), data, timeout=10) as landed:
            landed.read()


@pytest.fixture
def browser(tls: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    import webbrowser

    fake = Browser(tls[0])
    monkeypatch.setattr(webbrowser, "open", fake.open)
    monkeypatch.setattr(webbrowser, "get", lambda *_a, **_k: fake)
    yield fake
    for thread in fake.threads:
        thread.join(timeout=10)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The quota waits the sync would have slept (never slept in tests)."""
    from app.sync import api_http

    seen: list[float] = []
    monkeypatch.setattr(api_http, "pause", seen.append)
    return seen


@pytest.fixture
def google(
    identity: IdentityStandIn, tls: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """A fresh Google Calendar stand-in, with the app pointed at it and at the identity one."""
    from tests.support.google_standin import GoogleStandIn
    from tests.support.identity_standin import GOOGLE_CLIENT, GOOGLE_CLIENT_SECRET

    with GoogleStandIn(identity) as server:
        for name, value in {
            "FOLLOWUP_GOOGLE_API": server.api,  # type: ignore[attr-defined]
            "FOLLOWUP_GOOGLE_AUTH_URI": identity.google_auth_uri,
            "FOLLOWUP_GOOGLE_TOKEN_URI": identity.google_token_uri,
            "FOLLOWUP_GOOGLE_CLIENT_ID": GOOGLE_CLIENT,
            "FOLLOWUP_GOOGLE_CLIENT_SECRET": GOOGLE_CLIENT_SECRET,
            "REQUESTS_CA_BUNDLE": str(tls[0]),
        }.items():
            monkeypatch.setenv(name, value)
        yield server
        assert server.bugs == [] and identity.bugs == []


@pytest.fixture
def graph(
    identity: IdentityStandIn, tls: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """A fresh Microsoft Graph stand-in, with the app pointed at it and at the identity one."""
    from tests.support.graph_standin import GraphStandIn
    from tests.support.identity_standin import MICROSOFT_CLIENT

    with GraphStandIn(identity) as server:
        for name, value in {
            "FOLLOWUP_GRAPH_API": server.api,  # type: ignore[attr-defined]
            "FOLLOWUP_MICROSOFT_AUTHORITY": identity.microsoft_authority,
            "FOLLOWUP_MICROSOFT_CLIENT_ID": MICROSOFT_CLIENT,
            "REQUESTS_CA_BUNDLE": str(tls[0]),
        }.items():
            monkeypatch.setenv(name, value)
        yield server
        assert server.bugs == [] and identity.bugs == []
