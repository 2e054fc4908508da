"""Offset arithmetic (calendar-correct months, working days) and year-less birthdays."""

from datetime import date

import pytest

from app.dto.vocabulary import OffsetUnit
from app.scheduling.birthdays import MonthDay, birthday_in_year, next_birthday
from app.scheduling.calendar import WorkCalendar
from app.scheduling.offsets import apply_offset

GERMANY = WorkCalendar(holiday_region="DE")


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 8, 31), 4, date(2026, 12, 31)),
        (date(2026, 10, 31), 4, date(2027, 2, 28)),
    ],
)
def test_months_are_calendar_correct(anchor: date, months: int, expected: date) -> None:
    assert apply_offset(anchor, months, OffsetUnit.MONTHS, GERMANY) == expected


def test_days_weeks_and_working_days() -> None:
    saturday = date(2026, 4, 4)
    assert apply_offset(saturday, 3, OffsetUnit.DAYS, GERMANY) == date(2026, 4, 7)
    assert apply_offset(saturday, -5, OffsetUnit.DAYS, GERMANY) == date(2026, 3, 30)
    assert apply_offset(saturday, 3, OffsetUnit.WEEKS, GERMANY) == date(2026, 4, 25)
    assert apply_offset(saturday, 1, OffsetUnit.WORKING_DAYS, GERMANY) == date(2026, 4, 7)
    # Days are not rolled here: rolling is the planner's job, with the step's direction.
    assert apply_offset(date(2026, 4, 3), 0, OffsetUnit.DAYS, GERMANY) == date(2026, 4, 3)


def test_feb_29_birthday_is_celebrated_feb_28_in_common_years() -> None:
    leap_baby = MonthDay(2, 29)
    assert birthday_in_year(leap_baby, 2027) == date(2027, 2, 28)
    assert birthday_in_year(leap_baby, 2028) == date(2028, 2, 29)
    assert next_birthday(2, 29, date(2027, 1, 1)) == date(2027, 2, 28)
    assert next_birthday(2, 29, date(2027, 3, 1)) == date(2028, 2, 29)


def test_next_birthday_is_on_or_after_the_given_day() -> None:
    assert next_birthday(5, 17, date(2026, 5, 17)) == date(2026, 5, 17)
    assert next_birthday(5, 17, date(2026, 5, 18)) == date(2027, 5, 17)
    assert next_birthday(1, 2, date(2026, 12, 31)) == date(2027, 1, 2)


@pytest.mark.parametrize(("month", "day"), [(2, 30), (4, 31), (13, 1), (0, 5)])
def test_impossible_birthdays_are_rejected(month: int, day: int) -> None:
    with pytest.raises(ValueError, match="Not a day of the year"):
        MonthDay(month, day)
