"""Account set-up over the caldav library: find the calendars, create one, say what failed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit

from app.dto.sync import CalendarChoice
from app.errors import ValidationError
from app.i18n import _
from app.sync.http import AuthFailed, SyncError, host_of, transport_error, unsafe_address
from app.sync.redact import redact

log = logging.getLogger(__name__)
TIMEOUT_S = 20


def check_address(text: str) -> str:
    """A CalDAV address the sync can use safely, or a ValidationError saying why not."""
    url = text.strip()
    reason = unsafe_address(url)
    if reason:
        raise ValidationError(reason)
    return url


def explain(exc: BaseException, url: str, secret: str) -> SyncError:
    """A caldav/HTTP failure in one sentence: DNS, connection, TLS, 401, 403, 404, not CalDAV."""
    from caldav.lib import error

    host, path = host_of(url), urlsplit(url).path or "/"
    if isinstance(exc, SyncError):
        return exc
    if (
        isinstance(exc, error.AuthorizationError)
        and exc.status != 403
        and "Forbidden" not in str(exc.reason)
    ):
        return AuthFailed(
            _("{host} refused the user name or password (401)").format(host=host),
            _("Check them; many servers want an app password rather than your login password."),
        )
    if isinstance(exc, error.AuthorizationError):
        return SyncError(
            _("{host} refused access to {path} (403)").format(host=host, path=path),
            _("Check the address: it should be your own CalDAV address on that server."),
        )
    if isinstance(exc, error.NotFoundError) or getattr(exc, "status", None) == 404:
        return SyncError(
            _("nothing found at {path} on {host} (404)").format(path=path, host=host),
            _("Check the address, e.g. https://HOST/remote.php/dav for Nextcloud."),
        )
    if isinstance(exc, error.DAVError) or type(exc).__name__ == "XMLSyntaxError":
        return SyncError(
            _("{host} answers, but not as a CalDAV calendar server").format(host=host),
            _("Check the address: it must be the CalDAV (calendar) address of your account."),
        )
    if isinstance(exc, OSError):
        return transport_error(exc, url)
    # Not a known failure: keep the details for the log, with any credential taken out.
    log.warning("calendar set-up failed: %s", redact(f"{type(exc).__name__}: {exc}", [secret]))
    return SyncError(
        _("unexpected answer from {host} ({type})").format(host=host, type=type(exc).__name__)
    )


@contextmanager
def _principal(url: str, username: str, password: str) -> Iterator[Any]:
    from caldav.davclient import DAVClient

    # Also for a stored address (a new password for an account): checked before every login.
    check_address(url)
    client: Any = DAVClient(
        url=url, username=username, password=password, timeout=TIMEOUT_S, enable_rfc6764=False
    )
    try:
        yield client.principal()
    except Exception as exc:  # noqa: BLE001 - every failure becomes one clear KnownError
        raise explain(exc, url, password) from None
    finally:
        client.close()


def _choice(calendar: Any) -> CalendarChoice:
    url = str(calendar.url)
    name = calendar.get_display_name() or ""
    return CalendarChoice(name or unquote(url.rstrip("/").rsplit("/", 1)[-1]), url)


def find_calendars(url: str, username: str, password: str) -> list[CalendarChoice]:
    """Log in and list the user's calendars (the connection test)."""
    with _principal(url, username, password) as principal:
        if not principal.client.check_cdav_support():
            raise SyncError(
                _("{host} answers, but without calendar (CalDAV) support").format(
                    host=host_of(url)
                ),
                _("Check the address: it must be the CalDAV address of your account."),
            )
        return [_choice(calendar) for calendar in principal.get_calendars()]


def create_calendar(url: str, username: str, password: str, name: str) -> CalendarChoice:
    with _principal(url, username, password) as principal:
        calendar = principal.make_calendar(name=name, supported_calendar_component_set=["VEVENT"])
        return CalendarChoice(name, str(calendar.url))
