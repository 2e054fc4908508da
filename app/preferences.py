"""The user's profile and preferences: typed fields, defaults, parsing and validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import ValidationError
from app.i18n import N_, _
from app.validation import check_date, check_email, check_language, clean_line, strip_invisible

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
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
# A reminder further ahead than this is no reminder; calendar parsers also choke on huge
# TRIGGER values, so exports, sync and the setting all keep to it.
MAX_REMINDER_MINUTES = 4 * 7 * 24 * 60


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
    birthday_lead_days: int = 5
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


# Files in the zone database that are no place: the machine's own link, the rule template,
# the "no zone set" marker. Calendars do not know them as a TZID.
_NOT_A_PLACE = frozenset({"localtime", "posixrules", "Factory"})
_LONGEST_ZONE_NAME = 64


def _parse_timezone(text: str) -> str:
    name = text.strip()
    shown = name if len(name) <= _LONGEST_ZONE_NAME else name[:_LONGEST_ZONE_NAME] + "…"
    refusal = ValidationError(
        _("unknown time zone {shown!r}; use an IANA name like Europe/Berlin").format(shown=shown)
    )
    if len(name) > _LONGEST_ZONE_NAME or name in _NOT_A_PLACE:
        raise refusal
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise refusal from exc
    if name not in _zones():
        raise refusal
    return name


def time_zone_names() -> list[str]:
    """The zones a user can choose, sorted."""
    return sorted(_zones())


@functools.cache
def _zones() -> frozenset[str]:
    # Those the database lists (a file that merely loads, posix/... or right/..., is no zone
    # other programs read), places only. Listing them reads the disk: once per process.
    import zoneinfo

    return frozenset(zoneinfo.available_timezones() - _NOT_A_PLACE)


def _parse_working_days(text: str) -> tuple[int, ...]:
    parts = [part.strip().lower()[:3] for part in text.split(",") if part.strip()]
    unknown = [part for part in parts if part not in WEEKDAYS]
    if unknown or not parts:
        raise ValidationError(
            _("working days must be like mon,tue,wed,thu,fri (got {text!r})").format(text=text)
        )
    return tuple(sorted({WEEKDAYS.index(part) for part in parts}))


def _parse_holiday_country(text: str) -> str | None:
    code = text.strip().upper()
    if code in {"", "NONE"}:
        return None
    if not re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,4})?", code):
        raise ValidationError(
            _("holiday country must be like DE, DE-BY or none (got {text!r})").format(text=text)
        )
    import holidays

    country, _dash, region = code.partition("-")
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise ValidationError(
            _("no public-holiday data for country {country!r}").format(country=country)
        )
    if region and region not in supported[country]:
        raise ValidationError(
            _("{country} has no region {region!r} in the holiday data").format(
                country=country, region=region
            )
        )
    return code


def _parse_days_off(text: str) -> tuple[dt.date, ...]:
    try:
        days = {dt.date.fromisoformat(part.strip()) for part in text.split(",") if part.strip()}
    except ValueError as exc:
        raise ValidationError(
            _("days off must be YYYY-MM-DD dates separated by commas: {error}").format(
                error=str(exc)[:80]
            )
        ) from exc
    for day in days:
        check_date(day, N_("day off"))
    return tuple(sorted(days))


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError as exc:
            raise ValidationError(
                _("expected a whole number, got {text!r}").format(text=text)
            ) from exc
        if not low <= value <= high:
            raise ValidationError(
                _("must be between {low} and {high}, got {value}").format(
                    low=low, high=high, value=value
                )
            )
        return value

    return parse


def _text(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        # Profile text signs letters and e-mails: nothing invisible pasted along with it.
        try:
            return clean_line(strip_invisible(text), limit, N_("the text"))
        except ValidationError:
            raise ValidationError(_("at most {limit} characters").format(limit=limit)) from None

    return parse


def _email(text: str) -> str:
    return check_email(strip_invisible(text))


def _clock_time(text: str) -> dt.time:
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text.strip())
    hour, minute = (int(match.group(1)), int(match.group(2))) if match else (99, 99)
    if hour > 23 or minute > 59:
        raise ValidationError(
            _("expected a time of day like 09:00, got {text!r}").format(text=text)
        )
    return dt.time(hour, minute)


def _client_id(text: str) -> str:
    value = strip_invisible(text).strip()
    if len(value) > 200 or not re.fullmatch(r"[A-Za-z0-9._-]*", value):
        raise ValidationError(
            _(
                "an OAuth client ID is letters, digits, dots, dashes and underscores "
                "(copy it from Google Cloud or Microsoft Entra)"
            )
        )
    return value


def _language(text: str) -> str:
    from app.i18n import LANGUAGES

    code = text.strip().lower()
    if code in {"", "system"}:
        return ""
    if code not in LANGUAGES:
        raise ValidationError(
            f"language must be one of {', '.join(LANGUAGES)} or system (got {text!r})"
        )
    return code


def _currency(text: str) -> str:
    code = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValidationError(
            _("currency must be a 3-letter ISO code like EUR (got {text!r})").format(text=text)
        )
    return code


PARSERS: dict[str, Callable[[str], Any]] = {
    "timezone": _parse_timezone,
    "working_days": _parse_working_days,
    "holiday_country": _parse_holiday_country,
    "days_off": _parse_days_off,
    "min_gap_days": _int_range(0, 30),
    "default_cadence_days": _int_range(7, 730),
    "key_cadence_days": _int_range(7, 730),
    "reminder_minutes": _int_range(0, MAX_REMINDER_MINUTES),
    "birthday_lead_days": _int_range(0, 60),
    "currency": _currency,
    "draft_language": check_language,
    **{name: _text(200) for name in ("my_name", "my_title", "my_company", "my_phone", "my_mobile")},
    "my_email": _email,
    "my_website": _text(300),
    "marketing_budget": _int_range(0, 1_000_000_000),
    "customers_won": _int_range(0, 10_000_000),
    "response_hours": _int_range(1, 200),
    "work_start": _clock_time,
    "work_end": _clock_time,
    "backup_limit_mb": _int_range(0, 10_000_000),
    "calendar_months": _int_range(1, 24),
    "google_client_id": _client_id,
    "microsoft_client_id": _client_id,
    "language": _language,
}
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
        not isinstance(value, str) or len(value) > _LONGEST_ZONE_NAME or value in _NOT_A_PLACE
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
