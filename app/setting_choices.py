"""What the settings offer, in people's words: holiday regions, time zones and currencies.

The stored values stay codes ("DE-BY", "Europe/Berlin", "EUR"); these are the names shown
beside them. Country, city and currency names are CLDR's (Babel), region names ISO 3166-2's
with their translations (pycountry), in the interface language unless a locale is given
(the pseudo-locale and unknown ones read English). Each list is built on first use (the
libraries take a few tenths of a second to load).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app import i18n

if TYPE_CHECKING:
    from babel import Locale

# Areas whose zones are places; "Etc/GMT-4", "US/Eastern" and "EST5EDT" are not.
_PLACE_AREAS = frozenset(
    {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific"}
)  # fmt: skip
_REGION = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,4})?")
# ISO 4217 codes that are no money anyone invoices in: metals, test and fund units.
_NOT_MONEY = frozenset(
    "XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX BOV CHE CHW CLF COU MXV USN UYI UYW"
    .split()
)  # fmt: skip
UTC = "UTC"
ENGLISH = "en"


@dataclass(frozen=True)
class Choice:
    """One entry of a settings list: what is stored, and what a person reads."""

    code: str
    label: str


def offset_text(offset: dt.timedelta | None) -> str:
    """'UTC+01:00', 'UTC-03:30': an offset as clocks and calendars write it."""
    minutes = int((offset or dt.timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


# --- public holidays -----------------------------------------------------------------------
def holiday_regions(current: str | None = None, locale: str | None = None) -> list[Choice]:
    """'Germany', 'Germany — Bavaria', ...: every country and region the holidays package
    knows, by name, each country followed by its regions. A stored code the list does not
    have (an older package's) is kept as its own entry, so opening Settings loses nothing."""
    choices = list(_holiday_regions(_shown(locale)))
    if current and current not in {choice.code for choice in choices}:
        choices.insert(0, Choice(current, current))
    return choices


def holiday_region_name(code: str | None, locale: str | None = None) -> str:
    """'Germany — Bavaria' for 'DE-BY'; the code itself when it has no name."""
    if not code:
        return ""
    return next((c.label for c in _holiday_regions(_shown(locale)) if c.code == code), code)


@functools.cache
def _holiday_regions(locale: str) -> tuple[Choice, ...]:
    import holidays

    territories = _babel_locale(locale).territories
    region_name = _region_names(locale)
    countries = []
    for country, regions in holidays.list_supported_countries().items():
        name = territories.get(country)
        # Three-letter aliases of the same countries, and "UK" beside GB: not twice.
        if len(country) != 2 or name is None:
            continue
        listed = [
            Choice(code, f"{name} — {region_name(country, region)}")
            for region in regions
            if _REGION.fullmatch(code := f"{country}-{region}")
        ]
        countries.append((name, Choice(country, name), sorted(listed, key=_sort_key)))
    result: list[Choice] = []
    for _name, country_choice, listed in sorted(countries, key=lambda item: _fold(item[0])):
        result.append(country_choice)
        result.extend(listed)
    return tuple(result)


def _region_names(locale: str) -> Callable[[str, str], str]:
    import gettext

    import pycountry

    translation = gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=[locale], fallback=True
    )
    return functools.partial(_region_name, translation.gettext)


def _region_name(translate: Callable[[str], str], country: str, region: str) -> str:
    import holidays
    import pycountry

    found = pycountry.subdivisions.get(code=f"{country}-{region}")  # type: ignore[no-untyped-call]
    if found is not None:
        return translate(found.name)
    # Not in ISO 3166-2 (a holidays-package region such as Bonaire): its own alias, if any.
    entity = getattr(holidays, country, None)
    aliases = getattr(entity, "subdivisions_aliases", {}) or {}
    return next((alias for alias, target in aliases.items() if target == region), region)


# --- time zones ----------------------------------------------------------------------------
def time_zones(
    now: dt.datetime, current: str | None = None, locale: str | None = None
) -> list[Choice]:
    """'Berlin, Germany (UTC+01:00)', ...: one entry per place, with the offset it has at
    `now`. The stored zone keeps its own name: an older spelling of a listed place
    (Asia/Calcutta for Kolkata) takes that place's entry, anything else gets its own."""
    choices = [
        Choice(code, f"{label} ({offset_text(now.astimezone(ZoneInfo(code)).utcoffset())})")
        for code, label in _zone_places(_shown(locale))
    ]
    if current:
        canonical = _canonical_zone(current)
        at = next((n for n, choice in enumerate(choices) if choice.code == canonical), None)
        if at is not None:
            choices[at] = Choice(current, choices[at].label)
        else:
            offset = offset_text(now.astimezone(ZoneInfo(current)).utcoffset())
            choices.insert(0, Choice(current, f"{current} ({offset})"))
    return choices


def time_zone_label(code: str, now: dt.datetime, locale: str | None = None) -> str:
    """How time_zones shows the zone `code`."""
    return next(choice.label for choice in time_zones(now, code, locale) if choice.code == code)


@functools.cache
def _zone_places(locale: str) -> tuple[tuple[str, str], ...]:
    """(zone, 'City, Country') for every zone that is a place, sorted by city."""
    import zoneinfo

    from babel.core import get_global

    babel_locale = _babel_locale(locale)
    cities = babel_locale.time_zones
    territories = get_global("zone_territories")
    canonical = {
        _canonical_zone(name)
        for name in zoneinfo.available_timezones()
        if name.split("/")[0] in _PLACE_AREAS
    }
    places = []
    for zone in canonical:
        # CLDR's exemplar city where it has one (babel.dates.get_timezone_location reads the
        # same, but loads every zone on the way: half a second for the list).
        city = cities.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        country = babel_locale.territories.get(territories.get(zone, ""), "")
        # A place's "world" (Antarctic stations): the city alone says enough.
        label = f"{city}, {country}" if country and territories.get(zone) != "001" else city
        places.append((zone, label))
    places.sort(key=lambda place: _fold(place[1]))
    universal = babel_locale.time_zones.get("Etc/UTC", {}).get("long", {}).get("standard")
    return ((UTC, str(universal or "Coordinated Universal Time")), *places)


def _canonical_zone(name: str) -> str:
    """The listed spelling of a zone: Asia/Calcutta is Asia/Kolkata, Etc/UTC and GMT are UTC."""
    canonical = _zone_aliases().get(name, name)
    return UTC if canonical in {"Etc/UTC", "Etc/GMT"} else canonical


@functools.cache
def _zone_aliases() -> dict[str, str]:
    """Older spellings of zones to the current ones (Asia/Calcutta -> Asia/Kolkata)."""
    from babel.core import get_global

    return dict(get_global("zone_aliases"))


# --- currencies ----------------------------------------------------------------------------
def currencies(current: str | None = None, locale: str | None = None) -> list[Choice]:
    """'EUR — Euro', ...: the ISO 4217 currencies, by code; a stored one the list does not
    have is kept as its own entry."""
    choices = list(_currencies(_shown(locale)))
    if current and current not in {choice.code for choice in choices}:
        choices.insert(0, Choice(current, current))
    return choices


def currency_name(code: str, locale: str | None = None) -> str:
    """'Euro' for 'EUR'; the code itself when it has no name."""
    return str(_babel_locale(_shown(locale)).currencies.get(code, code))


@functools.cache
def _currencies(locale: str) -> tuple[Choice, ...]:
    import pycountry

    names = _babel_locale(locale).currencies
    codes = sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _NOT_MONEY)
    return tuple(Choice(code, f"{code} — {names.get(code, code)}") for code in codes)


# --- helpers -------------------------------------------------------------------------------
def _shown(locale: str | None) -> str:
    """The locale the names are wanted in: the one given, else the interface language
    (English for the pseudo-locale, which no library knows)."""
    code = locale or i18n.current()
    return ENGLISH if code == i18n.PSEUDO else code


@functools.cache
def _babel_locale(locale: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(ENGLISH)


def _fold(text: str) -> str:
    """Sort key that puts 'Åland' with the A's and ignores case."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def _sort_key(choice: Choice) -> str:
    return _fold(choice.label)
