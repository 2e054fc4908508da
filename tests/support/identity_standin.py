"""Google's and Microsoft's sign-in servers, played on 127.0.0.1 over TLS.

Strict where the real ones are: only a registered client ID, a loopback redirect URI, PKCE
with S256 (the verifier checked against the challenge), the scopes asked for, one use per
code; refresh tokens that can be revoked (invalid_grant); access tokens that can be expired
behind the app's back; OIDC discovery for MSAL's `oidc_authority`; the device-code flow.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.support.standin_base import Reply, Request, StandIn

GOOGLE_SCOPE = "https://www.googleapis.com/auth/calendar.app.created"
GRAPH_SCOPE = "https://graph.microsoft.com/Calendars.ReadWrite"
# Neither company publishes a client ID for us: these exist only on this stand-in.
GOOGLE_CLIENT = "test-client-1.apps.googleusercontent.com"
GOOGLE_CLIENT_SECRET = "test-installed-app-secret"  # Google's installed-app "secret"
MICROSOFT_CLIENT = "00000000-0000-4000-8000-00000000c11e"
USER = "sam.seller@example.com"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _form(request: Request) -> dict[str, str]:
    """The token request's form, with HTTP Basic client authentication folded in (RFC 6749
    2.3.1 allows either; requests-oauthlib sends Basic, MSAL the form)."""
    form = {k: v[0] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()}
    basic = request.header("Authorization")
    if basic.startswith("Basic "):
        from urllib.parse import unquote

        user, _, password = base64.b64decode(basic[6:]).decode().partition(":")
        form.setdefault("client_id", unquote(user))
        form.setdefault("client_secret", unquote(password))
    return form


def _oauth_error(code: str, text: str, status: int = 400) -> Reply:
    return Reply(status, {"error": code, "error_description": text})


@dataclass
class Grant:
    provider: str
    client_id: str
    scope: str
    redirect_uri: str = ""
    challenge: str = ""
    nonce: str = ""


@dataclass
class Device:
    grant: Grant
    user_code: str
    approved: bool = False


@dataclass
class IdentityState:
    codes: dict[str, Grant] = field(default_factory=dict)
    refresh: dict[str, Grant] = field(default_factory=dict)
    access: dict[str, str] = field(default_factory=dict)  # token -> provider
    devices: dict[str, Device] = field(default_factory=dict)


class IdentityStandIn(StandIn):
    """Both identity providers on one server: /google/... and /ms/common/..."""

    def __init__(self, tls: tuple[Path, Path]) -> None:
        super().__init__(tls)
        self.state = IdentityState()
        self.approve = True
        # Microsoft's refresh tokens run to ~1,500 characters; a test may make them longer.
        self.refresh_token_length = 1500
        self.token_requests: list[dict[str, str]] = []

    # --- what tests and the API stand-ins use ------------------------------------------
    @property
    def google_auth_uri(self) -> str:
        return f"{self.url}/google/o/oauth2/auth"

    @property
    def google_token_uri(self) -> str:
        return f"{self.url}/google/token"

    @property
    def microsoft_authority(self) -> str:
        return f"{self.url}/ms/common/v2.0"

    def accepts(self, header: str, provider: str) -> bool:
        token = header.removeprefix("Bearer ").strip()
        with self.lock:
            return header.startswith("Bearer ") and self.state.access.get(token) == provider

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.state.access.clear()

    def revoke_refresh_tokens(self) -> None:
        with self.lock:
            self.state.refresh.clear()
            self.state.access.clear()

    def refresh_tokens(self) -> list[str]:
        with self.lock:
            return list(self.state.refresh)

    def approve_device(self, user_code: str) -> None:
        with self.lock:
            for device in self.state.devices.values():
                if device.user_code == user_code:
                    device.approved = True

    # --- routes ------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        path = request.path
        if path == "/google/o/oauth2/auth" and request.method == "GET":
            return self._authorize(request, "google")
        if path == "/google/token" and request.method == "POST":
            return self._token(_form(request), "google")
        if path == "/ms/common/v2.0/.well-known/openid-configuration":
            return Reply(200, self._discovery())
        if path == "/ms/common/oauth2/v2.0/authorize" and request.method == "GET":
            return self._authorize(request, "microsoft")
        if path == "/ms/common/oauth2/v2.0/token" and request.method == "POST":
            return self._token(_form(request), "microsoft")
        if path == "/ms/common/oauth2/v2.0/devicecode" and request.method == "POST":
            return self._device_code(_form(request))
        return Reply(404, {"error": "not_found"})

    def _discovery(self) -> dict[str, object]:
        base = f"{self.url}/ms/common/oauth2/v2.0"
        return {
            "issuer": self.microsoft_authority,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "device_authorization_endpoint": f"{base}/devicecode",
            "response_types_supported": ["code"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "profile", "offline_access"],
        }

    @staticmethod
    def _client_ok(provider: str, client_id: str) -> bool:
        return client_id == (GOOGLE_CLIENT if provider == "google" else MICROSOFT_CLIENT)

    def _authorize(self, request: Request, provider: str) -> Reply:
        q = {k: v[0] for k, v in request.query.items()}
        redirect = q.get("redirect_uri", "")
        parts = urlsplit(redirect)
        if not self._client_ok(provider, q.get("client_id", "")):
            return Reply(400, raw=b"invalid_client: unknown client ID")
        if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost"):
            return Reply(400, raw=b"redirect_uri_mismatch: loopback redirects only")
        if q.get("response_type") != "code" or q.get("code_challenge_method") != "S256":
            return Reply(400, raw=b"invalid_request: the code flow with PKCE S256 is required")
        if not q.get("code_challenge") or not q.get("state"):
            return Reply(400, raw=b"invalid_request: code_challenge and state are required")
        wanted = GOOGLE_SCOPE if provider == "google" else GRAPH_SCOPE
        if wanted not in q.get("scope", "").split():
            return Reply(400, raw=b"invalid_scope")
        answer = {"error": "access_denied", "state": q["state"]}
        if self.approve:
            code = secrets.token_urlsafe(24)
            grant = Grant(provider, q["client_id"], q["scope"], redirect, q["code_challenge"])
            grant.nonce = q.get("nonce", "")
            with self.lock:
                self.state.codes[code] = grant
            answer = {"code": code, "state": q["state"]}
        if q.get("response_mode") == "form_post":
            # The page the browser posts on to the app's listener (what MSAL asks for).
            fields = "".join(
                f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                for k, v in answer.items()
            )
            page = f'<form method="post" action="{html.escape(redirect)}">{fields}</form>'
            return Reply(200, raw=page.encode(), headers={"Content-Type": "text/html"})
        return Reply(302, headers={"Location": f"{redirect}?{urlencode(answer)}"})

    def _token(self, form: dict[str, str], provider: str) -> Reply:
        with self.lock:
            self.token_requests.append(form)
        if not self._client_ok(provider, form.get("client_id", "")):
            return _oauth_error("invalid_client", "unknown client ID", 401)
        if provider == "google" and form.get("client_secret") != GOOGLE_CLIENT_SECRET:
            return _oauth_error("invalid_client", "client secret missing or wrong", 401)
        kind = form.get("grant_type")
        if kind == "authorization_code":
            with self.lock:
                grant = self.state.codes.pop(form.get("code", ""), None)
            if grant is None or grant.provider != provider:
                return _oauth_error("invalid_grant", "unknown or used code")
            verifier = form.get("code_verifier", "")
            if _b64(hashlib.sha256(verifier.encode()).digest()) != grant.challenge:
                return _oauth_error("invalid_grant", "code_verifier does not match")
            if form.get("redirect_uri") != grant.redirect_uri:
                return _oauth_error("invalid_grant", "redirect_uri differs")
            return self._issue(grant)
        if kind == "refresh_token":
            with self.lock:
                grant = self.state.refresh.get(form.get("refresh_token", ""))
            if grant is None or grant.provider != provider:
                return _oauth_error("invalid_grant", "Token has been expired or revoked.")
            return self._issue(grant, keep_refresh=form["refresh_token"])
        if kind == "urn:ietf:params:oauth:grant-type:device_code":
            with self.lock:
                device = self.state.devices.get(form.get("device_code", ""))
            if device is None:
                return _oauth_error("expired_token", "unknown device code")
            if not device.approved:
                return _oauth_error("authorization_pending", "waiting for the user")
            with self.lock:
                self.state.devices.pop(form["device_code"], None)
            return self._issue(device.grant)
        return _oauth_error("unsupported_grant_type", str(kind))

    def _device_code(self, form: dict[str, str]) -> Reply:
        if not self._client_ok("microsoft", form.get("client_id", "")):
            return _oauth_error("invalid_client", "unknown client ID", 401)
        device_code, user_code = secrets.token_urlsafe(24), secrets.token_hex(4).upper()
        grant = Grant("microsoft", form["client_id"], form.get("scope", ""))
        with self.lock:
            self.state.devices[device_code] = Device(grant, user_code)
        return Reply(
            200,
            {
                "device_code": device_code,
                "user_code": user_code,
                "verification_uri": f"{self.url}/ms/devicelogin",
                "expires_in": 900,
                "interval": 1,
                "message": f"To sign in, open {self.url}/ms/devicelogin and enter {user_code}.",
            },
        )

    def _issue(self, grant: Grant, keep_refresh: str = "") -> Reply:
        access = "at-" + secrets.token_urlsafe(32)
        if grant.provider == "microsoft":
            # Microsoft rotates refresh tokens; the old one stays valid for a while.
            refresh = (
                "rt-"
                + secrets.token_urlsafe(self.refresh_token_length)[: self.refresh_token_length]
            )
        else:
            refresh = keep_refresh or "1//rt-" + secrets.token_urlsafe(40)
        with self.lock:
            self.state.access[access] = grant.provider
            self.state.refresh[refresh] = grant
        body: dict[str, object] = {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 3599,
            "scope": grant.scope,
        }
        if not (grant.provider == "google" and keep_refresh):
            body["refresh_token"] = refresh  # Google sends one only with the first code
        if grant.provider == "microsoft":
            body["id_token"] = self._id_token(grant)
        return Reply(200, body, {"Cache-Control": "no-store"})

    def _id_token(self, grant: Grant) -> str:
        now = int(time.time())
        claims = {
            "iss": self.microsoft_authority,
            "sub": "sub-sam-0001",
            "aud": grant.client_id,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "preferred_username": USER,
            "name": "Sam Seller",
        }
        if grant.nonce:
            claims["nonce"] = grant.nonce
        header = _b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
        return f"{header}.{_b64(json.dumps(claims).encode())}.{_b64(b'not-checked-by-msal')}"
