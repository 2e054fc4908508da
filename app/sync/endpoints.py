"""Where the cloud calendars and their sign-in servers are, and whose OAuth client signs in.

Every address can be changed through the environment, so tests (and anyone checking) point
the app at local stand-ins. Client IDs are configuration: the user's (or their company's),
from Settings or the command line, else the environment, else one a build embedded
(resources/oauth_clients.json, written by build.spec from the build's environment).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import _
from app.paths import resources_dir

GOOGLE_API = "https://www.googleapis.com/calendar/v3"
GOOGLE_AUTH_URI = "https://accounts.google.com/o/oauth2/auth"
GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"  # noqa: S105 - an address
GRAPH_API = "https://graph.microsoft.com/v1.0"
MICROSOFT_AUTHORITY = "https://login.microsoftonline.com/common"
# The narrowest scopes that work: calendars this app created; the mailbox's calendars.
GOOGLE_SCOPE = "https://www.googleapis.com/auth/calendar.app.created"
GRAPH_SCOPE = "https://graph.microsoft.com/Calendars.ReadWrite"


def _env(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


@dataclass(frozen=True)
class GoogleEndpoints:
    api: str
    auth_uri: str
    token_uri: str


@dataclass(frozen=True)
class MicrosoftEndpoints:
    api: str
    authority: str


def google_endpoints() -> GoogleEndpoints:
    return GoogleEndpoints(
        _env("FOLLOWUP_GOOGLE_API", GOOGLE_API),
        _env("FOLLOWUP_GOOGLE_AUTH_URI", GOOGLE_AUTH_URI),
        _env("FOLLOWUP_GOOGLE_TOKEN_URI", GOOGLE_TOKEN_URI),
    )


def microsoft_endpoints() -> MicrosoftEndpoints:
    return MicrosoftEndpoints(
        _env("FOLLOWUP_GRAPH_API", GRAPH_API),
        _env("FOLLOWUP_MICROSOFT_AUTHORITY", MICROSOFT_AUTHORITY),
    )


def _embedded() -> dict[str, str]:
    """What a build embedded (nothing in a checkout: no client ID is ever committed)."""
    path = resources_dir() / "oauth_clients.json"
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items() if isinstance(v, str) and v}


def client_id(kind: str, given: str = "", setting: str = "") -> str:
    """The OAuth client to sign in with: given > setting > environment > embedded at build."""
    env = "FOLLOWUP_GOOGLE_CLIENT_ID" if kind == "google" else "FOLLOWUP_MICROSOFT_CLIENT_ID"
    found = (
        given.strip()
        or setting.strip()
        or os.environ.get(env, "").strip()
        or _embedded().get(env, "")
    )
    if not found:
        where = "Google Cloud" if kind == "google" else "Microsoft Entra"
        key = "google_client_id" if kind == "google" else "microsoft_client_id"
        raise ValidationError(
            _(
                "no OAuth client ID for {value} yet: create one in {where} (the README "
                "says how) and give it with --client-id, or in Settings (`followup "
                "settings set {key} ID`)"
            ).format(value="Google" if kind == "google" else "Microsoft", where=where, key=key)
        )
    return found


def google_client_secret(given: str = "") -> str:
    """Google's installed-app clients come with a "secret" Google says is not one; kept with
    the sign-in in the keyring, never in settings."""
    return (
        given.strip()
        or os.environ.get("FOLLOWUP_GOOGLE_CLIENT_SECRET", "").strip()
        or _embedded().get("FOLLOWUP_GOOGLE_CLIENT_SECRET", "")
    )
