"""Signing in to Google: the installed-app flow (system browser, loopback redirect, PKCE S256),
and access tokens from the refresh token kept in the keyring."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.errors import KnownError
from app.i18n import _
from app.sync.endpoints import GOOGLE_SCOPE, GoogleEndpoints
from app.sync.http import AuthFailed, SyncError, host_of

SIGN_IN_TIMEOUT_S = 300
DONE_PAGE = "Signed in: Follow-Up Planner can put your follow-ups in Google Calendar. You can close this tab."  # noqa: E501


@dataclass(frozen=True)
class GoogleGrant:
    """What the keyring keeps for one Google account (a small JSON text)."""

    refresh_token: str
    client_id: str
    client_secret: str
    token_uri: str

    def dump(self) -> str:
        return json.dumps(self.__dict__, separators=(",", ":"))

    @classmethod
    def load(cls, text: str) -> GoogleGrant:
        data = json.loads(text)
        return cls(
            data["refresh_token"], data["client_id"], data["client_secret"], data["token_uri"]
        )


def sign_in(client_id: str, client_secret: str, endpoints: GoogleEndpoints) -> GoogleGrant:
    """Open the consent page in the system browser and wait for Google's answer on 127.0.0.1."""
    from google_auth_oauthlib.flow import InstalledAppFlow

    config = {
        "installed": {
            "client_id": client_id,
            "client_secret": client_secret,
            "auth_uri": endpoints.auth_uri,
            "token_uri": endpoints.token_uri,
            "redirect_uris": ["http://127.0.0.1"],
        }
    }
    flow = InstalledAppFlow.from_client_config(
        config, scopes=[GOOGLE_SCOPE], autogenerate_code_verifier=True
    )
    try:
        # Port 0: a free port; PKCE S256 is the flow's default with a generated verifier.
        credentials: Any = flow.run_local_server(
            host="127.0.0.1",
            port=0,
            open_browser=True,
            authorization_prompt_message="",
            success_message=DONE_PAGE,
            timeout_seconds=SIGN_IN_TIMEOUT_S,
            access_type="offline",
            prompt="consent",  # so Google sends a refresh token every time
        )
    except Exception as exc:  # noqa: BLE001 - the flow fails in many shapes; one clear line
        raise _sign_in_failed(exc, endpoints.token_uri) from None
    finally:
        flow.oauth2session.close()
    if not credentials.refresh_token:
        raise KnownError(_("Google signed you in but gave no lasting access (no refresh token)"))
    return GoogleGrant(credentials.refresh_token, client_id, client_secret, endpoints.token_uri)


def _sign_in_failed(exc: BaseException, token_uri: str) -> KnownError:
    name = type(exc).__name__
    text = str(exc)
    if name == "WSGITimeoutError":
        return KnownError(
            _("the Google sign-in was not finished within 5 minutes"),
            _("Try again, and finish the sign-in in the browser window that opens."),
        )
    if "access_denied" in text:
        return KnownError(_("Google sign-in was cancelled (access was not granted)"))
    if "invalid_client" in text or "unauthorized_client" in text:
        return KnownError(
            _("Google does not know this OAuth client ID (or its client secret)"),
            _("Check the client ID and secret from Google Cloud (APIs & Services > Credentials)."),
        )
    if "Error" in name and ("Connection" in name or "SSL" in name or "Timeout" in name):
        return SyncError(
            _("cannot reach Google's sign-in server {host} ({name})").format(
                host=host_of(token_uri), name=name
            )
        )
    return KnownError(_("the Google sign-in failed ({name})").format(name=name))


class GoogleTokens:
    """Access tokens for the API, renewed from the refresh token (held in memory only)."""

    def __init__(self, grant: GoogleGrant) -> None:
        self._grant = grant
        self._token = ""

    def access_token(self) -> str:
        return self._token or self.fresh()

    def fresh(self) -> str:
        from google.auth.exceptions import RefreshError, TransportError
        from google.auth.transport.requests import Request
        from google.oauth2 import credentials as oauth2

        grant = self._grant
        make: Any = oauth2.Credentials
        credentials = make(
            token=None,
            refresh_token=grant.refresh_token,
            token_uri=grant.token_uri,
            client_id=grant.client_id,
            client_secret=grant.client_secret,
            scopes=[GOOGLE_SCOPE],
        )
        import requests

        session = requests.Session()
        try:
            credentials.refresh(Request(session))
        except RefreshError:
            raise AuthFailed(
                _("Google no longer accepts this sign-in (it expired or was revoked)"),
                _(
                    "Sign in again: Calendar sync > Sign in again, or `followup "
                    "account signin ID`. Nothing is lost meanwhile."
                ),
            ) from None
        except TransportError:
            raise SyncError(
                _("cannot reach Google's sign-in server {host}").format(
                    host=host_of(grant.token_uri)
                ),
                _("Check your internet connection; the sync retries later."),
                transient=True,
            ) from None
        finally:
            session.close()
        self._token = str(credentials.token)
        return self._token
