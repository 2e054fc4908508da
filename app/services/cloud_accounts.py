"""Google and Microsoft calendar accounts: sign in (system browser or device code), make the
app's own calendar there, keep the sign-in in the keyring; sign in again when it lapsed."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from app.dto.sync import DEFAULT_CALENDAR, AccountDTO, CloudAccountInput
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.preferences import parse_value
from app.secrets import SecretStore, new_secret_key
from app.services.accounts import AccountService
from app.services.settings import SettingsService
from app.sync import endpoints, google_auth, microsoft_auth
from app.sync.api_http import ApiHttp
from app.sync.connect import SERVICE_NAMES
from app.sync.google_provider import create_google_calendar
from app.sync.graph_provider import PREFER, find_or_create_graph_calendar
from app.validation import clean_line
from models.calendar_sync import CalendarAccount

Say = Callable[[str], None]


class CloudAccountService:
    """Each public method signs in first: it waits for the browser (run it off the GUI thread)."""

    def __init__(
        self, sessions: sessionmaker[Session], secrets: SecretStore, settings: SettingsService,
        accounts: AccountService,
    ) -> None:  # fmt: skip
        self._sessions = sessions
        self._secrets = secrets
        self._settings = settings
        self._accounts = accounts

    def add(self, data: CloudAccountInput, say: Say = print) -> AccountDTO:
        if data.kind not in ("google", "microsoft"):
            raise ValidationError(_("unknown calendar service {kind!r}").format(kind=data.kind))
        name = clean_line(data.calendar_name, 200, N_("calendar name")) or DEFAULT_CALENDAR
        parse_value(f"{data.kind}_client_id", data.client_id)  # its form, before any browser
        if not data.session_only:
            self._secrets.require_secure()  # say so before the browser opens
        prefs = self._settings.get()
        if data.kind == "google":
            secret, api, username, calendar = self._google(data, name, prefs.timezone)
        else:
            secret, api, username, calendar = self._microsoft(data, name, say)
        key = new_secret_key(data.kind)
        self._secrets.put(key, secret, session_only=data.session_only)
        try:
            with self._sessions.begin() as session:
                row = CalendarAccount(
                    kind=data.kind, url=api, username=username, calendar_url=calendar,
                    calendar_name=name, secret_key=key, keep_done=data.keep_done,
                )  # fmt: skip
                session.add(row)
                session.flush()
                account_id = row.id
        except BaseException:
            self._secrets.delete(key)  # no account: no orphaned keyring entry
            raise
        return self._accounts.get(account_id)

    def _google(self, data: CloudAccountInput, name: str, tzid: str) -> tuple[str, str, str, str]:
        where = endpoints.google_endpoints()
        client = endpoints.client_id(
            "google", data.client_id, self._settings.get().google_client_id
        )
        secret = endpoints.google_client_secret(data.client_secret)
        grant = google_auth.sign_in(client, secret, where)
        http = ApiHttp(google_auth.GoogleTokens(grant), service=SERVICE_NAMES["google"])
        try:
            calendar = create_google_calendar(http, where.api, name, tzid)
        finally:
            http.close()
        return grant.dump(), where.api, "", calendar

    def _microsoft(self, data: CloudAccountInput, name: str, say: Say) -> tuple[str, str, str, str]:
        where = endpoints.microsoft_endpoints()
        setting = self._settings.get().microsoft_client_id
        client = endpoints.client_id("microsoft", data.client_id, setting)
        grant = microsoft_auth.sign_in(
            client, where.authority, device_code=data.device_code, say=say
        )
        tokens = microsoft_auth.MicrosoftTokens(grant)
        http = ApiHttp(tokens, service=SERVICE_NAMES["microsoft"], headers={"Prefer": PREFER})
        try:
            calendar = find_or_create_graph_calendar(http, where.api, name)
        finally:
            http.close()
        grant = tokens.grant() or grant
        return grant.dump(), where.api, grant.username, calendar

    def sign_in_again(
        self, account_id: int, *, device_code: bool = False, session_only: bool = False,
        say: Say = print,
    ) -> AccountDTO:  # fmt: skip
        """A new sign-in for the same calendar (expired, revoked, or kept for a session only)."""
        with self._sessions() as session:
            row = session.get(CalendarAccount, account_id)
            if row is None:
                raise NotFound(
                    _("calendar account {account_id} does not exist").format(account_id=account_id)
                )
            kind, key = row.kind, row.secret_key
        if kind not in ("google", "microsoft"):
            raise ValidationError(
                _(
                    "account {account_id} is a CalDAV account: give its password with "
                    "`followup account password {account_id}`"
                ).format(account_id=account_id)
            )
        if not session_only:
            self._secrets.require_secure()
        old = self._secrets.get(key) or ""
        prefs = self._settings.get()
        if kind == "google":
            where = endpoints.google_endpoints()
            before = _google_grant(old)
            client = endpoints.client_id("google", before.client_id if before else "",
                                         prefs.google_client_id)  # fmt: skip
            secret = endpoints.google_client_secret(before.client_secret if before else "")
            text = google_auth.sign_in(client, secret, where).dump()
        else:
            authority = endpoints.microsoft_endpoints().authority
            before_ms = _microsoft_grant(old)
            client = endpoints.client_id("microsoft", before_ms.client_id if before_ms else "",
                                         prefs.microsoft_client_id)  # fmt: skip
            grant = microsoft_auth.sign_in(client, authority, device_code=device_code, say=say)
            text = grant.dump()
        self._secrets.put(key, text, session_only=session_only)
        with self._sessions.begin() as session:
            row = session.get(CalendarAccount, account_id)
            if row is not None:
                row.last_error = ""
        return self._accounts.get(account_id)


def _google_grant(text: str) -> google_auth.GoogleGrant | None:
    try:
        return google_auth.GoogleGrant.load(text) if text else None
    except (ValueError, KeyError, TypeError):
        return None


def _microsoft_grant(text: str) -> microsoft_auth.MicrosoftGrant | None:
    try:
        return microsoft_auth.MicrosoftGrant.load(text) if text else None
    except (ValueError, KeyError, TypeError):
        return None
