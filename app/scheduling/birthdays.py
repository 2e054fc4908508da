"""Birthdays without a year: validation and the date a birthday is celebrated in a given year."""

from dataclasses import dataclass
from datetime import date

# Feb 29 birthdays are celebrated on Feb 28 in non-leap years.
_LEAP_YEAR = 2000


@dataclass(frozen=True)
class MonthDay:
    """A day of the year without a year, e.g. a birthday; Feb 29 is allowed."""

    month: int
    day: int

    def __post_init__(self) -> None:
        try:
            date(_LEAP_YEAR, self.month, self.day)
        except ValueError:
            raise ValueError(f"Not a day of the year: month={self.month}, day={self.day}") from None


def birthday_in_year(birthday: MonthDay, year: int) -> date:
    """The day ``birthday`` is celebrated in ``year``: Feb 29 is Feb 28 outside leap years."""
    try:
        return date(year, birthday.month, birthday.day)
    except ValueError:
        return date(year, 2, 28)


def next_birthday(month: int, day: int, on_or_after: date) -> date:
    """The first celebration of the birthday ``month``/``day`` on or after ``on_or_after``."""
    birthday = MonthDay(month, day)
    this_year = birthday_in_year(birthday, on_or_after.year)
    if this_year >= on_or_after:
        return this_year
    return birthday_in_year(birthday, on_or_after.year + 1)
