"""Issue #16 item 7: the settings' lists in people's words, each entry still its code."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import holidays
import pytest

from app import i18n
from app.preferences import parse_value
from app.setting_choices import (
    currencies,
    currency_name,
    holiday_region_name,
    holiday_regions,
    offset_text,
    time_zones,
)

WINTER = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)


def test_every_listed_holiday_region_is_one_the_setting_accepts_and_names_are_unique() -> None:
    choices = holiday_regions()
    assert len(choices) > 500
    for choice in choices:
        assert parse_value("holiday_country", choice.code) == choice.code
    assert not [label for label, n in Counter(c.label for c in choices).items() if n > 1]
    by_code = {choice.code: choice.label for choice in choices}
    assert by_code["DE"] == "Germany" and by_code["DE-BY"] == "Germany — Bavaria"
    assert by_code["US-TX"] == "United States — Texas" and by_code["GB-SCT"].endswith("Scotland")
    # Each country comes first, then its regions.
    codes = [choice.code for choice in choices]
    assert codes.index("DE") + 1 == codes.index("DE-BW")


def test_every_country_the_holidays_package_knows_is_offered() -> None:
    offered = {choice.code for choice in holiday_regions()}
    known = {code for code in holidays.list_supported_countries() if len(code) == 2}
    assert known - offered <= {"UK"}  # the package's second name for GB


def test_a_stored_region_the_list_lacks_is_kept_and_named_by_its_code() -> None:
    assert holiday_regions("ZZ-OLD")[0].code == "ZZ-OLD"
    assert holiday_region_name("DE-BY") == "Germany — Bavaria"
    assert holiday_region_name("ZZ-OLD") == "ZZ-OLD"


def test_time_zones_are_places_with_the_offset_of_the_day() -> None:
    winter = {choice.code: choice.label for choice in time_zones(WINTER)}
    summer = {choice.code: choice.label for choice in time_zones(SUMMER)}
    assert winter["Europe/Berlin"] == "Berlin, Germany (UTC+01:00)"
    assert summer["Europe/Berlin"] == "Berlin, Germany (UTC+02:00)"
    assert winter["America/St_Johns"] == "St. John’s, Canada (UTC-03:30)"
    assert winter["UTC"] == "Coordinated Universal Time (UTC+00:00)"
    assert not [code for code in winter if code.startswith(("Etc/", "US/")) or "GMT" in code]
    assert "Asia/Calcutta" not in winter and "Asia/Kolkata" in winter
    assert not [label for label, n in Counter(winter.values()).items() if n > 1]
    for code in winter:
        assert parse_value("timezone", code) == code


@pytest.mark.parametrize(
    ("stored", "label"),
    [
        ("Asia/Calcutta", "Kolkata, India (UTC+05:30)"),
        ("Etc/UTC", "Coordinated Universal Time (UTC+00:00)"),
        ("Etc/GMT-4", "Etc/GMT-4 (UTC+04:00)"),
    ],
)
def test_the_stored_zone_keeps_its_name_under_the_entry_of_its_place(
    stored: str, label: str
) -> None:
    choices = time_zones(WINTER, stored)
    mine = [choice for choice in choices if choice.code == stored]
    assert [choice.label for choice in mine] == [label]
    assert len([choice for choice in choices if choice.label == label]) == 1


def test_currencies_are_iso_codes_with_names_and_no_gold() -> None:
    choices = {choice.code: choice.label for choice in currencies()}
    assert choices["EUR"] == "EUR — Euro" and choices["USD"] == "USD — US Dollar"
    assert "XAU" not in choices and "CHW" not in choices
    assert currencies("XYZ")[0].code == "XYZ"
    assert currency_name("CHF") == "Swiss Franc"
    for code in choices:
        assert parse_value("currency", code) == code


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(60, "UTC+01:00"), (-210, "UTC-03:30"), (0, "UTC+00:00"), (345, "UTC+05:45")],
)
def test_offsets_read_as_clocks_write_them(minutes: int, text: str) -> None:
    assert offset_text(dt.timedelta(minutes=minutes)) == text


def test_names_follow_the_interface_language() -> None:
    try:
        i18n.use("nl")
        assert currency_name("CHF") == "Zwitserse frank"
        assert holiday_region_name("DE-BY") == "Duitsland — Beieren"
        i18n.use("qps")
        # The pseudo-locale is no language Babel knows: the names are English.
        assert holiday_region_name("DE-BY") == "Germany — Bavaria"
    finally:
        i18n.use("en")
