"""HTTP for the cloud calendars' JSON APIs: bearer tokens, quotas, back-off, plain errors."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.i18n import _
from app.sync.http import TIMEOUT_S, AuthFailed, SyncError, host_of, refuse_unsafe, transport_error
from app.sync.redact import redact

USER_AGENT = "Follow-Up Planner calendar sync"
# Quota errors: wait and try again, doubling the wait, this many times at most.
MAX_TRIES = 6
MAX_WAIT_S = 64.0
# Google says "rate limit" in a 403's reason (429 is the plain form); Graph says 429.
RATE_REASONS = frozenset(
    {"rateLimitExceeded", "userRateLimitExceeded", "usageLimits", "quotaExceeded"}
)


class TokenSource(Protocol):
    """Hands out access tokens; `fresh` after a 401 (raises AuthFailed: sign in again)."""

    def access_token(self) -> str: ...

    def fresh(self) -> str: ...


@dataclass(frozen=True)
class ApiReply:
    """A JSON answer reduced to what the sync reads."""

    status: int
    data: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    raw: bytes = b""

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), "")

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def reason(self) -> str:
        """Google's `error.errors[0].reason` or Graph's `error.code`, if the body says."""
        error = self.data.get("error") if isinstance(self.data, dict) else None
        if not isinstance(error, dict):
            return ""
        errors = error.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return str(errors[0].get("reason", ""))
        return str(error.get("code", ""))


def pause(seconds: float) -> None:
    """Wait out a quota answer (one place, so tests can see the waits without waiting)."""
    time.sleep(seconds)


def retry_after(reply: ApiReply, attempt: int) -> float:
    """Seconds to wait: what the server asks (Retry-After), else 1, 2, 4 … seconds."""
    asked = reply.header("Retry-After").strip()
    if asked.isdigit():
        return min(float(asked), MAX_WAIT_S)
    return min(2.0**attempt, MAX_WAIT_S)


def is_throttled(reply: ApiReply) -> bool:
    return reply.status == 429 or (reply.status == 403 and reply.reason() in RATE_REASONS)


class ApiHttp:
    """One keep-alive session (the HTTP library the CalDAV sync uses) with a bearer token."""

    def __init__(
        self,
        tokens: TokenSource,
        *,
        service: str,
        headers: Mapping[str, str] | None = None,
        timeout: float = TIMEOUT_S,
    ) -> None:
        from caldav.lib.http_sync import requests

        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        for name, value in (headers or {}).items():
            self._session.headers[name] = value
        self._tokens = tokens
        self._service = service
        self._timeout = timeout
        self.requests = 0  # how many went on the wire (the benchmark reports it)
        self._secrets: list[str] = []

    def request(
        self,
        method: str,
        url: str,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> ApiReply:
        """Send; waits out quota answers; a second 401 means the sign-in is gone."""
        refuse_unsafe(url)
        renewed = False
        for attempt in range(MAX_TRIES):
            reply = self._send(method, url, body, headers)
            if reply.status == 401 and not renewed:
                renewed = True
                self._remember(self._tokens.fresh())
                continue
            if reply.status == 401:
                raise AuthFailed(
                    _("{service} no longer accepts this sign-in (401)").format(
                        service=self._service
                    ),
                    _(
                        "Sign in again in Calendar sync (or `followup account signin ID`); "
                        "nothing is lost meanwhile."
                    ),
                )
            if is_throttled(reply) or reply.status in (500, 502, 503, 504):
                if attempt + 1 < MAX_TRIES:
                    pause(retry_after(reply, attempt))
                    continue
                raise SyncError(
                    _("{service} is busy or over its request quota ({status})").format(
                        service=self._service, status=reply.status
                    ),
                    _("The sync tries again later; nothing is lost."),
                    transient=True,
                )
            return reply
        raise AssertionError("unreachable: the loop returns or raises")

    def _send(
        self, method: str, url: str, body: Any, headers: Mapping[str, str] | None
    ) -> ApiReply:
        token = self._tokens.access_token()
        self._remember(token)
        sent = {"Authorization": f"Bearer {token}", **dict(headers or {})}
        data = None
        if isinstance(body, bytes):
            data = body  # a multipart batch: its Content-Type comes with the headers
        elif body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            sent["Content-Type"] = "application/json; charset=utf-8"
        self.requests += 1
        try:
            response = self._session.request(
                method, url, data=data, headers=sent, timeout=self._timeout, allow_redirects=False
            )
        except Exception as exc:  # noqa: BLE001 - every transport failure becomes a SyncError
            raise transport_error(exc, url) from None
        status = int(response.status_code or 0)
        content = response.content or b""
        try:
            parsed = json.loads(content) if content.strip() else None
        except ValueError:
            parsed = None
        if 300 <= status < 400:
            # The token goes with every request: never on to wherever a redirect points.
            raise SyncError(
                _("{host} redirected a calendar request ({status})").format(
                    host=host_of(url), status=status
                )
            )
        return ApiReply(status, parsed, dict(response.headers), content)

    def _remember(self, token: str) -> None:
        if token and token not in self._secrets:
            self._secrets.append(token)

    def safe(self, text: str) -> str:
        return redact(text, self._secrets)

    def close(self) -> None:
        self._session.close()
