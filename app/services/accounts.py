"""Calendar accounts: test a connection, add (finding or creating the calendar), list, remove."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from app.dto.sync import AccountDTO, AccountInput, CalendarChoice
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.secrets import SecretStore, new_secret_key
from app.sync.discovery import check_address, create_calendar, find_calendars
from app.validation import clean_line
from models.calendar_sync import CalendarAccount
from models.repositories import sync as repo


class AccountService:
    """The password goes to the SecretStore; the database only knows the key it is under."""

    def __init__(self, sessions: sessionmaker[Session], secrets: SecretStore) -> None:
        self._sessions = sessions
        self._secrets = secrets

    def check(self, url: str, username: str, password: str) -> list[CalendarChoice]:
        """Log in and list the calendars; raises a KnownError saying exactly what failed."""
        url, username = check_address(url), _user(username)
        if not password:
            raise ValidationError(_("enter the password (or app password)"))
        return find_calendars(url, username, password)

    def add(self, data: AccountInput) -> AccountDTO:
        """Connect, pick the calendar (created when none has that name), store the password."""
        name = clean_line(data.calendar_name, 200, N_("calendar name")) or "Sales follow-ups"
        if not data.session_only:
            self._secrets.require_secure()  # say so before any network work
        calendars = self.check(data.url, data.username, data.password)
        url, username = check_address(data.url), _user(data.username)
        if data.calendar_url:
            choice = next((c for c in calendars if c.url == data.calendar_url), None)
            if choice is None:
                raise ValidationError(_("that calendar is gone from the server; test again"))
        else:
            named = (c for c in calendars if c.name.casefold() == name.casefold())
            choice = next(named, None) or create_calendar(url, username, data.password, name)
        key = new_secret_key()
        self._secrets.put(key, data.password, session_only=data.session_only)
        try:
            with self._sessions.begin() as session:
                row = CalendarAccount(
                    kind="caldav",
                    url=url,
                    username=username,
                    calendar_url=choice.url,
                    calendar_name=choice.name,
                    secret_key=key,
                    keep_done=data.keep_done,
                )
                session.add(row)
                session.flush()
                return self._dto(row)
        except BaseException:
            self._secrets.delete(key)  # no account: no orphaned keyring entry
            raise

    def list(self) -> list[AccountDTO]:
        with self._sessions() as session:
            return [self._dto(row) for row in repo.accounts(session)]

    def get(self, account_id: int) -> AccountDTO:
        with self._sessions() as session:
            return self._dto(self._row(session, account_id))

    def set_password(
        self, account_id: int, password: str, *, session_only: bool = False
    ) -> AccountDTO:
        """A new (app) password, or the old one again after a session-only run ended."""
        with self._sessions() as session:
            row = self._row(session, account_id)
            url, username, key, kind = row.url, row.username, row.secret_key, row.kind
        if kind != "caldav":
            raise ValidationError(
                _(
                    "account {account_id} signs in with {service}, not a password: sign in "
                    "again with `followup account signin {account_id}`"
                ).format(account_id=account_id, service=kind.capitalize())
            )
        if not password:
            raise ValidationError(_("enter the password (or app password)"))
        find_calendars(url, username, password)  # a wrong password is refused here, not stored
        self._secrets.put(key, password, session_only=session_only)
        return self.get(account_id)

    def remove(self, account_id: int) -> None:
        """Forget the account, what it pushed, and its password; the calendar keeps its events."""
        with self._sessions.begin() as session:
            row = self._row(session, account_id)
            key = row.secret_key
            session.delete(row)
        self._secrets.delete(key)

    @staticmethod
    def _row(session: Session, account_id: int) -> CalendarAccount:
        row = session.get(CalendarAccount, account_id)
        if row is None:
            raise NotFound(
                _("calendar account {account_id} does not exist").format(account_id=account_id)
            )
        return row

    def _dto(self, row: CalendarAccount) -> AccountDTO:
        return AccountDTO(
            id=row.id,
            kind=row.kind,
            url=row.url,
            username=row.username,
            calendar_name=row.calendar_name,
            calendar_url=row.calendar_url,
            keep_done=row.keep_done,
            last_sync_at=row.last_sync_at,
            last_error=row.last_error,
            password_stored=self._secrets.where(row.secret_key),
        )


def _user(text: str) -> str:
    user = clean_line(text, 320, N_("user name"))
    if not user:
        raise ValidationError(_("enter the user name"))
    return user
