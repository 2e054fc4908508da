"""VTIMEZONE blocks: the yearly rules Outlook needs, checked against zoneinfo itself."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import icalendar
import pytest

from app.export.vtimezone import format_offset, vtimezone_lines
from app.export.zone_rules import check_tzid, nth_weekday, observances, rules_hold
from tests.app.export.samples import render, won_sale_plan

HOUR, MINUTE = timedelta(hours=1), timedelta(minutes=1)


def _blocks(tzid: str) -> dict[str, dict[str, str]]:
    """Property name -> raw value for each STANDARD/DAYLIGHT block of the emitted text."""
    blocks: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in vtimezone_lines(tzid, 2026):
        name, _, value = line.partition(":")
        if name == "BEGIN" and value in ("STANDARD", "DAYLIGHT"):
            current = blocks.setdefault(value, {})
        elif name == "END":
            current = None
        elif current is not None:
            assert name not in current, f"{name} repeated in one block"
            current[name] = value
    return blocks


def test_berlin_has_last_sunday_rules_with_wall_clock_onsets() -> None:
    blocks = _blocks("Europe/Berlin")
    assert blocks["STANDARD"] == {
        "TZOFFSETFROM": "+0200",
        "TZOFFSETTO": "+0100",
        "TZNAME": "CET",
        "DTSTART": "19701025T030000",
        "RRULE": "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    }
    assert blocks["DAYLIGHT"] == {
        "TZOFFSETFROM": "+0100",
        "TZOFFSETTO": "+0200",
        "TZNAME": "CEST",
        "DTSTART": "19700329T020000",
        "RRULE": "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    }


def test_new_york_uses_second_and_first_sunday() -> None:
    blocks = _blocks("America/New_York")
    assert blocks["DAYLIGHT"]["RRULE"] == "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"
    assert blocks["STANDARD"]["RRULE"] == "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"
    assert (blocks["DAYLIGHT"]["TZOFFSETFROM"], blocks["DAYLIGHT"]["TZOFFSETTO"]) == (
        "-0500",
        "-0400",
    )
    assert blocks["DAYLIGHT"]["DTSTART"] == "19700308T020000"  # 2nd Sunday of March 1970


def test_sydney_is_southern_daylight_in_october() -> None:
    standard, daylight = observances("Australia/Sydney", 2026)
    assert (daylight.month, daylight.occurrence, daylight.weekday) == (10, 1, 6)
    assert (standard.month, standard.occurrence, standard.weekday) == (4, 1, 6)
    assert daylight.offset_to == timedelta(hours=11)
    assert standard.offset_to == timedelta(hours=10)
    assert (daylight.wall_time, standard.wall_time) == (time(2), time(3))


def test_auckland_daylight_starts_last_sunday_of_september() -> None:
    standard, daylight = observances("Pacific/Auckland", 2026)
    assert daylight.rrule == "FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU"
    assert standard.rrule == "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"
    assert format_offset(daylight.offset_to) == "+1300"


@pytest.mark.parametrize(
    ("tzid", "offset"),
    [
        ("Asia/Tokyo", "+0900"),
        ("UTC", "+0000"),
        ("America/Phoenix", "-0700"),
        ("America/Sao_Paulo", "-0300"),
    ],
)
def test_zone_without_dst_still_has_two_byday_blocks(tzid: str, offset: str) -> None:
    blocks = _blocks(tzid)
    assert set(blocks) == {"STANDARD", "DAYLIGHT"}
    for block in blocks.values():
        assert block["TZOFFSETFROM"] == block["TZOFFSETTO"] == offset
        assert "BYDAY=" in block["RRULE"]
        assert block["RRULE"].startswith("FREQ=YEARLY;BYMONTH=")


@pytest.mark.parametrize(
    "tzid",
    [
        "Europe/Berlin",
        "America/New_York",
        "Australia/Sydney",
        "Pacific/Auckland",
        "America/Sao_Paulo",
        "Asia/Tokyo",
        "America/Phoenix",
        "Europe/London",
        "UTC",
    ],
)
def test_emitted_rules_give_zoneinfo_offsets_every_day(tzid: str) -> None:
    # icalendar builds a tzinfo from the VTIMEZONE text itself (not from the IANA name), so
    # this checks the RRULEs and offsets we wrote against zoneinfo for two whole years.
    data = render([], "local", tzid=tzid)
    component = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")[0]
    parsed = component.to_tz(lookup_tzid=False)
    zone = ZoneInfo(tzid)
    day = datetime(2026, 1, 1, 12)
    while day.year < 2028:
        assert day.replace(tzinfo=parsed).utcoffset() == day.replace(tzinfo=zone).utcoffset(), day
        day += timedelta(days=1)


def test_icalendar_reads_summer_and_winter_start_as_the_right_utc_instant() -> None:
    data = render(won_sale_plan()[:2], "local")
    calendar = icalendar.Calendar.from_ical(data)
    parsed_zone = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    summer, winter = calendar.walk("VEVENT")
    # icalendar itself (IANA lookup) and the zone built from our VTIMEZONE must agree.
    assert summer.decoded("DTSTART").astimezone(UTC) == datetime(2026, 10, 20, 8, tzinfo=UTC)
    assert winter.decoded("DTSTART").astimezone(UTC) == datetime(2026, 11, 3, 9, tzinfo=UTC)
    for event, hour in ((summer, 8), (winter, 9)):
        wall = event.decoded("DTSTART").replace(tzinfo=None)
        assert wall.replace(tzinfo=parsed_zone).astimezone(UTC).hour == hour


def test_nth_weekday_handles_first_and_last() -> None:
    assert nth_weekday(2026, 3, 6, -1).isoformat() == "2026-03-29"
    assert nth_weekday(2026, 3, 6, 2).isoformat() == "2026-03-08"
    assert nth_weekday(2026, 11, 6, 1).isoformat() == "2026-11-01"
    assert nth_weekday(1970, 10, 6, -1).isoformat() == "1970-10-25"


def test_offsets_have_no_seconds() -> None:
    assert format_offset(timedelta(hours=5, minutes=45)) == "+0545"
    assert format_offset(timedelta(hours=-3, minutes=-30)) == "-0330"
    assert format_offset(timedelta(minutes=-59, seconds=-50)) == "-0100"


@pytest.mark.parametrize(
    "tzid", ["W. Europe Standard Time", "Europe/../etc/passwd", "Mars/Olympus", "", "Europe/"]
)
def test_non_iana_names_are_refused(tzid: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        check_tzid(tzid)


def test_blocks_are_cached_per_zone_and_year() -> None:
    assert vtimezone_lines("Europe/Berlin", 2026) is vtimezone_lines("Europe/Berlin", 2026)
    assert observances("Europe/Berlin", 2027) is observances("Europe/Berlin", 2027)


def test_rules_hold_exactly_where_the_yearly_rules_match_the_zone() -> None:
    assert all(rules_hold("Europe/Berlin", 2026, year) for year in range(1996, 2041))
    assert not rules_hold("Europe/Berlin", 2026, 1995)  # summer time ended in September
    assert not rules_hold("America/New_York", 2026, 2006)  # before the 2007 US change
    assert rules_hold("America/New_York", 2026, 2007)
    assert not rules_hold("Europe/Berlin", 2026, 1969)  # before the 1970 anchor
    assert rules_hold("Asia/Tokyo", 2026, 1999)


def _offset(instant: datetime, zone: tzinfo) -> timedelta | None:
    return instant.astimezone(zone).utcoffset()


def _exact_switch(zone: ZoneInfo, hour_end: datetime) -> datetime:
    """The first minute with the new offset, for a switch in the hour before hour_end."""
    minute = hour_end - HOUR
    while _offset(minute, zone) != _offset(hour_end, zone):
        minute += MINUTE
    return minute


@pytest.mark.parametrize(
    "tzid",
    [
        "Asia/Jerusalem",
        "America/Santiago",
        "Africa/Casablanca",
        "America/Nuuk",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "Europe/Dublin",
        "Asia/Kathmandu",
    ],
)
def test_rules_hold_agrees_with_the_emitted_vtimezone(tzid: str) -> None:
    # Whenever rules_hold says yes, the VTIMEZONE as parsed gives zoneinfo's offset four
    # times a day and right around every real switch; odd zones (30-minute DST, Ramadan,
    # Saturday switches) included.
    data = render([], "local", tzid=tzid)
    parsed = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    zone = ZoneInfo(tzid)
    held = [year for year in range(2026, 2031) if rules_hold(tzid, 2026, year)]
    for year in held:
        samples = []
        instant = datetime(year, 1, 1, tzinfo=UTC)
        while instant.year == year:
            if _offset(instant, zone) != _offset(instant - HOUR, zone):
                switch = _exact_switch(zone, instant)
                samples += [switch - HOUR, switch - MINUTE, switch, switch + HOUR]
            if instant.hour % 6 == 0:
                samples.append(instant)
            instant += HOUR
        for sample in samples:
            assert _offset(sample, parsed) == _offset(sample, zone), sample
    assert 2026 in held
    if tzid == "Africa/Casablanca":
        assert held == [2026]  # Ramadan moves: only the reference year is exact
