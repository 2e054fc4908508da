"""HTTP for CalDAV: one session, Basic auth (Digest when asked), errors that say what failed."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from app.errors import KnownError
from app.i18n import _
from app.sync.redact import redact

TIMEOUT_S = 30.0
USER_AGENT = "Follow-Up Planner CalDAV sync"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5


class SyncError(KnownError):
    """The calendar server could not be reached, or answered in a way we cannot use."""

    def __init__(self, message: str, hint: str = "", *, transient: bool = False) -> None:
        super().__init__(message, hint)
        # Transient: offline, timeouts, 5xx. The work stays queued for the next sync.
        self.transient = transient


class AuthFailed(SyncError):
    """401: the user name or password is wrong (or the app password was revoked)."""


@dataclass(frozen=True)
class Reply:
    """A response reduced to what the sync reads."""

    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), "")

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def unsafe_address(url: str) -> str:
    """Why sending credentials to `url` is unsafe, or "" when it is fine."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (
            "the server address must be a full URL such as https://cloud.example.com/remote.php/dav"
        )
    if parts.username is not None or parts.password is not None:
        return "put the user name and password in their own fields, not in the server address"
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        return "http:// would send your password unencrypted over the network; use https://"
    return ""


def refuse_unsafe(url: str) -> None:
    """Before every request, not only at `account add`: a stored address may have been edited
    (an imported file, the database by hand) and a server may point us elsewhere, so the
    password is never sent in clear to another computer."""
    reason = unsafe_address(url)
    if reason:
        raise SyncError(
            _("not connecting to {host}: {reason}").format(host=host_of(url), reason=reason),
            _("Remove the calendar account and add it again with its https:// address."),
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_of(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "the server"
    return f"{host}:{parts.port}" if parts.port else host


def transport_error(exc: BaseException, url: str) -> SyncError:
    """DNS, refused connection, TLS or timeout, in words; never the raw (URL-bearing) text."""
    host = host_of(url)
    names = {kind.__name__ for kind in type(exc).__mro__}
    text = repr(exc)
    if "SSLError" in names or "CERTIFICATE_VERIFY_FAILED" in text:
        found = re.search(r"\[SSL: ([A-Z_]+)\]|certificate verify failed: ([^()'\"]+)", text)
        reason = next((g for g in found.groups() if g), "") if found else ""
        reason = f" ({reason.strip().lower().replace('_', ' ')})" if reason else ""
        return SyncError(
            _("the secure connection (TLS) to {host} failed{reason}").format(
                host=host, reason=reason
            ),
            _("Check the address (https:// or http://) and the server's certificate."),
            transient=True,
        )
    if "NameResolutionError" in text or re.search(
        r"Name or service not known|getaddrinfo failed|nodename nor servname|"
        r"Temporary failure in name resolution|No address associated",
        text,
    ):
        return SyncError(
            _("cannot find the server {host} (DNS lookup failed)").format(host=host),
            _("Check the address and your internet connection."),
            transient=True,
        )
    if any("Timeout" in name for name in names) or "timed out" in text:
        return SyncError(
            _("{host} did not answer in time").format(host=host),
            _("Try again later."),
            transient=True,
        )
    if "refused" in text.lower():
        return SyncError(
            _("cannot connect to {host} (connection refused)").format(host=host),
            _("Check the address and port, and that the server is running."),
            transient=True,
        )
    return SyncError(
        _("the connection to {host} failed ({type})").format(host=host, type=type(exc).__name__),
        _("Check your internet connection; the sync retries later."),
        transient=True,
    )


class DavHttp:
    """A keep-alive session over the HTTP library caldav itself uses (niquests or requests)."""

    def __init__(self, username: str, password: str, timeout: float = TIMEOUT_S) -> None:
        from caldav.lib.http_sync import requests

        self._http = requests
        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        self._username = username
        self._password = password
        self._auth: Any = requests.auth.HTTPBasicAuth(username, password)
        self._digest = False
        self._timeout = timeout

    def request(
        self,
        method: str,
        url: str,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
        *,
        hops: int = 0,
    ) -> Reply:
        refuse_unsafe(url)
        try:
            # Redirects are followed here, not by the library, so each target is checked:
            # a 307 re-sends the event (and the login) to wherever the server says.
            response = self._session.request(
                method,
                url,
                data=body or None,
                headers=dict(headers or {}),
                auth=self._auth,
                timeout=self._timeout,
                allow_redirects=False,
            )
        except Exception as exc:  # noqa: BLE001 - every transport failure becomes a SyncError
            # `from None`: the original message may carry the URL and request details.
            raise transport_error(exc, url) from None
        status = int(response.status_code or 0)
        location = str(response.headers.get("Location", ""))
        if status in REDIRECTS and location:
            return self.request(
                method, self._redirect(url, location, hops), body, headers, hops=hops + 1
            )
        challenge = str(response.headers.get("WWW-Authenticate", ""))
        if status == 401 and not self._digest and "digest" in challenge.lower():
            self._digest = True
            self._auth = self._http.auth.HTTPDigestAuth(self._username, self._password)
            return self.request(method, url, body, headers, hops=hops)
        if status == 401:
            raise AuthFailed(
                _("{host} refused the user name or password (401)").format(host=host_of(url)),
                _("Check them; many servers want an app password rather than your login password."),
            )
        if status >= 500:
            raise SyncError(
                _("{host} failed with {status} on {method}").format(
                    host=host_of(url), status=status, method=method
                ),
                _("The server has a problem; the sync retries later."),
                transient=True,
            )
        return Reply(status, response.content or b"", dict(response.headers))

    @staticmethod
    def _redirect(url: str, location: str, hops: int) -> str:
        target = urljoin(url, location)
        if urlsplit(target)[:2] != urlsplit(url)[:2]:
            # The login goes with every request: it is never handed to another server.
            raise SyncError(
                _("{host} sends the calendar on to {target}").format(
                    host=host_of(url), target=host_of(target)
                ),
                _("Check the calendar address; add the account again with the new address."),
            )
        if hops >= MAX_REDIRECTS:
            raise SyncError(
                _("{host} redirects in a loop").format(host=host_of(url)),
                _("Check the calendar address."),
            )
        return target

    def safe(self, text: str) -> str:
        """Text about this connection with the credentials taken out."""
        return redact(text, [self._password])

    def close(self) -> None:
        self._session.close()
