"""An account's calendar provider, built from what the database and the keyring hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.i18n import _
from app.sync.api_http import ApiHttp
from app.sync.caldav_provider import CalDavProvider
from app.sync.google_auth import GoogleGrant, GoogleTokens
from app.sync.google_provider import GoogleProvider
from app.sync.graph_provider import PREFER, GraphProvider
from app.sync.http import AuthFailed, DavHttp
from app.sync.microsoft_auth import MicrosoftGrant, MicrosoftTokens
from app.sync.provider import CalendarProvider

KINDS = ("caldav", "google", "microsoft")
SERVICE_NAMES = {"caldav": "CalDAV", "google": "Google Calendar", "microsoft": "Microsoft 365"}


@dataclass(frozen=True)
class Link:
    """One account's calendar: kind, server (or API) address, calendar address or id, name."""

    kind: str
    url: str
    username: str
    calendar: str
    calendar_name: str


def open_provider(
    link: Link,
    secret: str,
    *,
    tzid: str,
    today: dt.date,
    until: dt.date,
    tokens: dict[str, Any] | None = None,
) -> tuple[CalendarProvider, Callable[[], str | None]]:
    """(the provider, a call that says what to keep in the keyring again after the sync:
    a rotated sign-in, or None when nothing changed)."""
    try:
        return _open(link, secret, tzid=tzid, today=today, until=until, tokens=tokens)
    except (ValueError, KeyError, TypeError):
        # A keyring entry that is not a sign-in (edited, or an older format): never a crash.
        raise AuthFailed(
            _("the stored sign-in for {service} cannot be read").format(
                service=SERVICE_NAMES[link.kind]
            ),
            _("Sign in again: Calendar sync > Sign in again, or `followup account signin ID`."),
        ) from None


def _open(
    link: Link,
    secret: str,
    *,
    tzid: str,
    today: dt.date,
    until: dt.date,
    tokens: dict[str, Any] | None,
) -> tuple[CalendarProvider, Callable[[], str | None]]:
    # Access tokens live about an hour: kept in memory between syncs of this process (keyed
    # by the sign-in they came from), so a sync every 15 minutes does not renew each time.
    kept = tokens if tokens is not None else {}
    if link.kind == "google":
        source = kept.get(secret) or GoogleTokens(GoogleGrant.load(secret))
        kept[secret] = source
        google = ApiHttp(source, service=SERVICE_NAMES["google"])
        provider = GoogleProvider(
            google, link.url, link.calendar, calendar_name=link.calendar_name, tzid=tzid
        )
        return provider, lambda: None
    if link.kind == "microsoft":
        ms = kept.get(secret) or MicrosoftTokens(MicrosoftGrant.load(secret))
        kept[secret] = ms
        graph = ApiHttp(ms, service=SERVICE_NAMES["microsoft"], headers={"Prefer": PREFER})
        graph_provider = GraphProvider(
            graph, link.url, link.calendar, calendar_name=link.calendar_name, tzid=tzid,
            horizon_end=until, today=today,
        )  # fmt: skip

        def rotated() -> str | None:
            grant = ms.grant()
            if grant is None:
                return None
            kept[grant.dump()] = kept.pop(secret, ms)  # the same tokens under the new sign-in
            return grant.dump()

        return graph_provider, rotated
    dav = DavHttp(link.username, secret)
    caldav = CalDavProvider(dav, link.calendar, calendar_name=link.calendar_name, tzid=tzid)
    return caldav, lambda: None
