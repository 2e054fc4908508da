"""How each setting's text is read and checked: one parser per key, ValidationError if bad."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import ValidationError
from app.i18n import N_, _
from app.validation import check_date, check_email, check_language, clean_line, strip_invisible

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A reminder further ahead than this is no reminder; calendar parsers also choke on huge
# TRIGGER values, so exports, sync and the setting all keep to it.
MAX_REMINDER_MINUTES = 4 * 7 * 24 * 60


# Files in the zone database that are no place: the machine's own link, the rule template,
# the "no zone set" marker. Calendars do not know them as a TZID.
NOT_A_PLACE = frozenset({"localtime", "posixrules", "Factory"})
LONGEST_ZONE_NAME = 64


def _parse_timezone(text: str) -> str:
    name = text.strip()
    shown = name if len(name) <= LONGEST_ZONE_NAME else name[:LONGEST_ZONE_NAME] + "…"
    refusal = ValidationError(
        _("unknown time zone {shown!r}; use an IANA name like Europe/Berlin").format(shown=shown)
    )
    if len(name) > LONGEST_ZONE_NAME or name in NOT_A_PLACE:
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

    return frozenset(zoneinfo.available_timezones() - NOT_A_PLACE)


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
    # "system" (or nothing): follow the system's language.
    return check_language(text, none_word="system")


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
