"""WorkCalendar: weekdays, regional public holidays, days off and working-day arithmetic."""

from datetime import date

import pytest

from app.dto.vocabulary import RollDirection
from app.scheduling.calendar import WorkCalendar

GERMANY = WorkCalendar(holiday_region="DE")
BAVARIA = WorkCalendar(holiday_region="DE-BY")
EASTER_MONDAY_2026 = date(2026, 4, 6)
GOOD_FRIDAY_2026 = date(2026, 4, 3)


def test_weekends_and_national_holidays_are_not_working_days() -> None:
    assert GERMANY.is_working_day(date(2026, 4, 2))  # Maundy Thursday is a normal day
    assert not GERMANY.is_working_day(GOOD_FRIDAY_2026)
    assert not GERMANY.is_working_day(date(2026, 4, 4))  # Saturday
    assert not GERMANY.is_working_day(EASTER_MONDAY_2026)


def test_subdivision_adds_its_own_holidays() -> None:
    epiphany = date(2026, 1, 6)
    assert GERMANY.is_working_day(epiphany)
    assert not BAVARIA.is_working_day(epiphany)
    assert not BAVARIA.is_working_day(date(2026, 6, 4))  # Corpus Christi


def test_region_code_is_case_insensitive() -> None:
    assert not WorkCalendar(holiday_region="de-by").is_working_day(date(2026, 1, 6))


@pytest.mark.parametrize("code", ["XX", "DE-ZZ", "Germany"])
def test_unknown_region_raises_value_error_naming_the_code(code: str) -> None:
    with pytest.raises(ValueError, match=code):
        WorkCalendar(holiday_region=code)


def test_no_region_means_no_public_holidays() -> None:
    assert WorkCalendar().is_working_day(EASTER_MONDAY_2026)


def test_days_off_and_custom_weekdays() -> None:
    holiday_week = frozenset({date(2026, 7, 13), date(2026, 7, 14)})
    calendar = WorkCalendar(working_weekdays=frozenset({0, 1, 2, 3, 4, 5}), days_off=holiday_week)
    assert not calendar.is_working_day(date(2026, 7, 13))
    assert calendar.is_working_day(date(2026, 7, 18))  # Saturday is worked here
    assert calendar.next_working_day(date(2026, 7, 12)) == date(2026, 7, 15)


def test_no_working_weekday_is_rejected() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        WorkCalendar(working_weekdays=frozenset())


def test_roll_goes_to_nearest_working_day_in_the_asked_direction() -> None:
    assert GERMANY.roll(EASTER_MONDAY_2026) == date(2026, 4, 7)
    assert GERMANY.roll(EASTER_MONDAY_2026, RollDirection.PREVIOUS) == date(2026, 4, 2)
    assert GERMANY.roll(date(2026, 4, 7), RollDirection.PREVIOUS) == date(2026, 4, 7)


def test_add_working_days_skips_weekends_and_holidays() -> None:
    friday = date(2026, 3, 27)
    assert GERMANY.add_working_days(friday, 1) == date(2026, 3, 30)
    assert GERMANY.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert GERMANY.add_working_days(date(2026, 4, 4), 1) == date(2026, 4, 7)  # Saturday
    assert GERMANY.add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)
    assert GERMANY.add_working_days(friday, 4) == date(2026, 4, 2)
    assert GERMANY.add_working_days(friday, 5) == date(2026, 4, 7)  # skips Easter
    assert GERMANY.add_working_days(date(2026, 4, 4), 0) == date(2026, 4, 7)


def test_holidays_are_loaded_per_year_and_reported() -> None:
    calendar = WorkCalendar(holiday_region="DE")
    assert EASTER_MONDAY_2026 in calendar.holidays_in(2026)
    assert date(2027, 3, 29) in calendar.holidays_in(2027)  # Easter Monday 2027
    assert calendar.holidays_in(2026) is calendar.holidays_in(2026)


def test_region_spellings_of_the_same_calendar_are_equal() -> None:
    assert WorkCalendar(holiday_region="de-by") == BAVARIA
    assert WorkCalendar(holiday_region="de-by").holiday_region == "DE-BY"
