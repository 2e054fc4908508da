"""Signing in to Microsoft (work or personal account) with MSAL: the system browser with PKCE,
or a device code on the command line; then silent renewal from the keyring's refresh token.

Only what renewal needs is kept: MSAL's cache without its access and ID tokens (the account
and its refresh token), which the keyring stores in parts where it is long (app.secrets).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from app.errors import KnownError
from app.i18n import _
from app.sync.endpoints import GRAPH_SCOPE, MICROSOFT_AUTHORITY
from app.sync.http import AuthFailed, SyncError

SCOPES = [GRAPH_SCOPE]
SIGN_IN_TIMEOUT_S = 300
KEPT = ("Account", "RefreshToken", "AppMetadata")


@dataclass(frozen=True)
class MicrosoftGrant:
    """What the keyring keeps for one Microsoft account."""

    client_id: str
    authority: str
    cache: str  # MSAL's serialised cache, reduced to KEPT
    username: str = ""

    def dump(self) -> str:
        return json.dumps(self.__dict__, separators=(",", ":"))

    @classmethod
    def load(cls, text: str) -> MicrosoftGrant:
        data = json.loads(text)
        return cls(data["client_id"], data["authority"], data["cache"], data.get("username", ""))


def reduced(cache: Any) -> str:
    """The cache with only the account and its refresh token: small, and enough to renew."""
    data = json.loads(cache.serialize() or "{}")
    return json.dumps({k: v for k, v in data.items() if k in KEPT}, separators=(",", ":"))


def _app(client_id: str, authority: str, cache: Any, http: Any) -> Any:
    import msal

    # Microsoft's own authority by name; any other (a stand-in, a sovereign cloud) through
    # its OpenID discovery document.
    own = urlsplit(authority).hostname == urlsplit(MICROSOFT_AUTHORITY).hostname
    where = {"authority": authority} if own else {"oidc_authority": authority}
    try:
        return msal.PublicClientApplication(client_id, token_cache=cache, http_client=http, **where)
    except ValueError as exc:
        raise KnownError(
            _("the Microsoft sign-in address cannot be used: {error}").format(error=str(exc)[:160])
        ) from None
    except Exception as exc:  # noqa: BLE001 - discovery fails over the network in many shapes
        raise SyncError(
            _("cannot reach Microsoft's sign-in server ({type})").format(type=type(exc).__name__),
            _("Check your internet connection and try again."),
            transient=True,
        ) from None


def _failed(result: dict[str, Any] | None) -> KnownError:
    error = (result or {}).get("error", "no answer")
    text = str((result or {}).get("error_description", ""))[:200]
    if error in ("access_denied", "authorization_declined"):
        return KnownError(_("Microsoft sign-in was cancelled (access was not granted)"))
    if error in ("invalid_client", "unauthorized_client") or "AADSTS700016" in text:
        return KnownError(
            _("Microsoft does not know this application (client) ID"),
            _("Check the ID from Microsoft Entra (App registrations > Overview)."),
        )
    return KnownError(_("the Microsoft sign-in failed ({error})").format(error=error))


def sign_in(
    client_id: str,
    authority: str,
    *,
    device_code: bool = False,
    say: Callable[[str], None] = print,
) -> MicrosoftGrant:
    """Interactive in the system browser, or (command line) a code to enter on another device."""
    import msal
    import requests

    cache = msal.SerializableTokenCache()
    with requests.Session() as http:  # closed afterwards: MSAL's own would linger
        app = _app(client_id, authority, cache, http)
        if device_code:
            flow = app.initiate_device_flow(scopes=SCOPES)
            if "user_code" not in flow:
                raise _failed(flow)
            say(str(flow["message"]))
            result = app.acquire_token_by_device_flow(flow)
        else:
            result = app.acquire_token_interactive(
                SCOPES, prompt="select_account", timeout=SIGN_IN_TIMEOUT_S
            )
    if not result or "access_token" not in result:
        raise _failed(result)
    claims = result.get("id_token_claims") or {}
    username = str(claims.get("preferred_username") or claims.get("email") or "")
    return MicrosoftGrant(client_id, authority, reduced(cache), username)


class MicrosoftTokens:
    """Access tokens renewed silently; `grant()` is what to keep again when MSAL rotated it."""

    def __init__(self, grant: MicrosoftGrant) -> None:
        import msal

        self._grant = grant
        self._cache = msal.SerializableTokenCache()
        self._cache.deserialize(grant.cache)
        self._token = ""

    def access_token(self) -> str:
        return self._token or self.fresh()

    def fresh(self) -> str:
        import requests

        with requests.Session() as http:  # closed afterwards: MSAL's own would linger
            app = _app(self._grant.client_id, self._grant.authority, self._cache, http)
            accounts = app.get_accounts()
            result = (
                app.acquire_token_silent_with_error(SCOPES, account=accounts[0], force_refresh=True)
                if accounts
                else None
            )
        if not result or "access_token" not in result:
            raise AuthFailed(
                _("Microsoft no longer accepts this sign-in (it expired or was revoked)"),
                _(
                    "Sign in again: Calendar sync > Sign in again, or `followup "
                    "account signin ID`. Nothing is lost meanwhile."
                ),
            )
        self._token = str(result["access_token"])
        return self._token

    def grant(self) -> MicrosoftGrant | None:
        """The grant to store again when renewal rotated the refresh token, else None."""
        if not self._cache.has_state_changed:
            return None
        kept = reduced(self._cache)
        if kept == self._grant.cache:
            return None
        g = self._grant
        return MicrosoftGrant(g.client_id, g.authority, kept, g.username)
