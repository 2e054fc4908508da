"""The user's profile and preferences: typed fields, defaults, parsing and validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from app.errors import ValidationError
from app.i18n import _
from app.setting_parsers import (
    LONGEST_ZONE_NAME,
    MAX_REMINDER_MINUTES,
    NOT_A_PLACE,
    PARSERS,
    WEEKDAYS,
)
from app.validation import strip_invisible

# Settings that decide when follow-ups are due: changing one re-plans what is planned.
CALENDAR_KEYS = frozenset(
    {
        "timezone",
        "working_days",
        "holiday_country",
        "min_gap_days",
        "days_off",
        "work_start",
        "work_end",
    }
)


def system_timezone() -> str:
    """The machine's zone as an IANA name, UTC when it cannot be told."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
        # Loading the one zone proves it exists; listing them all takes a noticeable while.
        ZoneInfo(name)
    except Exception:  # noqa: BLE001 - any failure here just means "no idea": use UTC
        return "UTC"
    return name


@dataclass(frozen=True)
class Preferences:
    """Everything the user can set; profile fields sign the letters."""

    timezone: str = "UTC"
    working_days: tuple[int, ...] = (0, 1, 2, 3, 4)
    holiday_country: str | None = None
    days_off: tuple[dt.date, ...] = ()
    min_gap_days: int = 2
    default_cadence_days: int = 90
    key_cadence_days: int = 30
    reminder_minutes: int = 15
    currency: str = "EUR"
    # The language of drafts to customers without their own ("": the interface language).
    draft_language: str = ""
    my_name: str = ""
    my_title: str = ""
    my_company: str = ""
    my_phone: str = ""
    my_mobile: str = ""
    my_email: str = ""
    my_website: str = ""
    # Compensation guide: what a new customer costs to win (budget / customers won with it).
    marketing_budget: int = 0
    customers_won: int = 0
    # Inbound requests are answered within this many working hours (work_start to work_end).
    response_hours: int = 4
    work_start: dt.time = dt.time(9, 0)
    work_end: dt.time = dt.time(17, 0)
    # All backups together may take this many MB; 0: automatic, the smaller of ten times
    # the database and 2 GB (app.files.backup_limit).
    backup_limit_mb: int = 0
    # Calendar sync puts planned follow-ups up to this many months ahead (and every overdue
    # one) in the calendars: enough to plan with, without filling a year of someone's week.
    calendar_months: int = 6
    # The OAuth clients to sign in with (the user's or their company's; not secrets).
    google_client_id: str = ""
    microsoft_client_id: str = ""
    # The interface language (a code of app.i18n.LANGUAGES); "": follow the system's.
    # Read at start-up, so a change applies after a restart.
    language: str = ""

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


TIME_KEYS = frozenset({"work_start", "work_end"})
PROFILE_TEXT = frozenset(key for key in PARSERS if key.startswith("my_"))
_NUMBERS = frozenset(
    field.name
    for field in dataclasses.fields(Preferences)
    if type(field.default) is int and field.name in PARSERS
)


def check_reminder(minutes: int | None) -> int | None:
    """The reminder lead time if it is one calendars can read (0 to 4 weeks), else why not."""
    if minutes is not None and not 0 <= minutes <= MAX_REMINDER_MINUTES:
        raise ValidationError(
            _(
                "the reminder must be between 0 and {limit} minutes (4 weeks) before, got {minutes}"
            ).format(limit=MAX_REMINDER_MINUTES, minutes=minutes)
        )
    return minutes


def parse_value(key: str, text: str) -> Any:
    """Turn the user's text for key into a typed value, or raise ValidationError."""
    parser = PARSERS.get(key)
    if parser is None:
        raise ValidationError(
            _("unknown setting {key!r}; known: {choices}").format(
                key=key, choices=", ".join(sorted(PARSERS))
            )
        )
    return parser(text)


def to_json(key: str, value: Any) -> Any:
    if key == "days_off":
        return [day.isoformat() for day in value]
    if key == "working_days":
        return list(value)
    if key in TIME_KEYS:
        return value.strftime("%H:%M")
    return value


def from_stored(values: dict[str, Any], default_timezone: str) -> Preferences:
    """Build Preferences from stored JSON values, ignoring keys this version does not know.

    A value that is not what the setting holds (written by an older version, or carried in
    by an import) falls back to the default rather than stopping every start."""
    kwargs: dict[str, Any] = {"timezone": default_timezone}
    for key, value in values.items():
        if key not in _DEFAULTS:
            continue
        try:
            kwargs[key] = _stored_value(key, value)
        except (ValueError, TypeError, ValidationError):
            continue
    result = Preferences(**kwargs)
    if result.work_end <= result.work_start:
        # Hours no day can have (stored before they were checked together): the defaults.
        defaults = Preferences()
        result = dataclasses.replace(
            result, work_start=defaults.work_start, work_end=defaults.work_end
        )
    return result


def check_together(preferences: Preferences) -> None:
    """What no single setting can tell: working hours must end after they start."""
    if preferences.work_end <= preferences.work_start:
        raise ValidationError(
            _(
                "working hours must end after they start (they would run from "
                "{work_start:%H:%M} to {work_end:%H:%M})"
            ).format(work_start=preferences.work_start, work_end=preferences.work_end)
        )


_DEFAULTS = {field.name: field.default for field in dataclasses.fields(Preferences)}


def _stored_value(key: str, value: Any) -> Any:
    """One stored value as Preferences holds it; ValueError when it is not one."""
    if key == "days_off":
        return tuple(dt.date.fromisoformat(day) for day in value)
    if key == "working_days":
        days = tuple(sorted({int(day) for day in value}))
        if not days or not set(days) <= set(range(7)):
            raise ValueError(value)
        return days
    if key in TIME_KEYS:
        return dt.time.fromisoformat(value)
    if key in _NUMBERS:
        # A number the setting would refuse today (a reminder of 10**24 minutes) is none.
        if type(value) is not int:
            raise ValueError(value)
        return parse_value(key, str(value))
    if key == "timezone" and (
        not isinstance(value, str) or len(value) > LONGEST_ZONE_NAME or value in NOT_A_PLACE
    ):
        # Accepted by an older version ("localtime"): the machine's zone instead, by name.
        raise ValueError(value)
    if key == "holiday_country" and value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(value)
    if key in PROFILE_TEXT:
        return strip_invisible(value)  # cleaned, never dropped: it is the user's
    if key == "language":
        return parse_value(key, value)  # a language this version no longer ships: the system's
    return value


def display_value(key: str, value: Any) -> str:
    """The value as the user would type it."""
    if key == "working_days":
        return ",".join(WEEKDAYS[day] for day in value)
    if key == "days_off":
        return ",".join(day.isoformat() for day in value)
    if value is None:
        return "none"
    if key == "language" and not value:
        return "system"
    if key in TIME_KEYS:
        return str(value.strftime("%H:%M"))
    return str(value)
