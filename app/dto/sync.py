"""Calendar sync DTOs: accounts (never their secrets), calendars found, sync reports, history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DEFAULT_CALENDAR = "Sales follow-ups"


@dataclass(frozen=True)
class CalendarChoice:
    """A calendar on the server: its display name and URL."""

    name: str
    url: str


@dataclass(frozen=True)
class AccountInput:
    """What the user types to add a CalDAV account; `calendar_url` wins over the name."""

    url: str
    username: str
    password: str = field(repr=False)
    calendar_name: str = DEFAULT_CALENDAR
    calendar_url: str = ""
    keep_done: bool = False
    session_only: bool = False


@dataclass(frozen=True)
class CloudAccountInput:
    """Adding a Google or Microsoft calendar: sign in, then the app makes its own calendar.

    Empty client ID: the one in Settings, the environment or the build."""

    kind: str  # "google" | "microsoft"
    client_id: str = ""
    client_secret: str = field(default="", repr=False)  # Google's installed-app secret
    calendar_name: str = DEFAULT_CALENDAR
    keep_done: bool = False
    session_only: bool = False
    device_code: bool = False  # Microsoft on the command line: a code for another device


@dataclass(frozen=True)
class AccountDTO:
    """A calendar account as the faces see it; `password` says where it lives, not what it is."""

    id: int
    kind: str
    url: str
    username: str
    calendar_name: str
    calendar_url: str
    keep_done: bool
    last_sync_at: dt.datetime | None
    last_error: str
    password_stored: str  # "keyring", "session" or "missing"


@dataclass(frozen=True)
class SyncReport:
    """What one sync did, summed over the accounts it ran for."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    pulled: int = 0
    errors: tuple[str, ...] = ()
    # Planned touchpoints deleted in the calendar, waiting for the user's answer (GUI only).
    awaiting: tuple[int, ...] = ()
    # How many accounts it ran for (0: no calendar account set up).
    accounts: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "pulled": self.pulled,
            "errors": list(self.errors),
        }


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a touchpoint's history: when, from where (planner or calendar), what."""

    at: dt.datetime
    source: str
    change: str
