"""Working-day calendar: working weekdays, public holidays of a region, personal days off and
working hours.

``WorkCalendar(working_weekdays, holiday_region, days_off, work_start, work_end)`` answers
``is_working_day``, ``roll``, ``next_working_day``, ``previous_working_day``,
``add_working_days`` and, for anything timed, ``working_moment``.
``holiday_region`` is a country code ("DE"), a country plus subdivision ("DE-BY") or None
for no public holidays; an unknown code raises ValueError at construction. Holidays are
looked up once per (region, year) and shared by every calendar of that region.
"""

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import lru_cache

from app.dto.vocabulary import RollDirection

MONDAY_TO_FRIDAY = frozenset(range(5))
# A calendar with no working day within two years is a settings mistake, not a real schedule;
# bounding the search turns an endless loop into an error the settings screen can show.
_MAX_SEARCH_DAYS = 2 * 366
_ONE_DAY = timedelta(days=1)
# Bound once: enum attribute lookups are slow and roll runs for every touchpoint.
_PREVIOUS = RollDirection.PREVIOUS


def parse_holiday_region(code: str) -> tuple[str, str | None]:
    """Split "DE-BY" into ("DE", "BY"), checking the holidays package knows the region."""
    import holidays  # slow to import; only needed once a region is set

    country, _, subdivision = code.strip().partition("-")
    country = country.upper()
    candidates = [subdivision, subdivision.upper()] if subdivision else [None]
    for candidate in candidates:
        try:
            holidays.country_holidays(country, subdiv=candidate)
        except NotImplementedError:
            continue
        return country, candidate
    raise ValueError(
        f"Unknown holiday region {code!r}: expected a country code like 'DE' or 'DE-BY'"
    )


@lru_cache(maxsize=1024)
def _holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


@dataclass(frozen=True)
class WorkCalendar:
    """The salesperson's working days; weekdays are 0=Monday .. 6=Sunday."""

    working_weekdays: frozenset[int] = MONDAY_TO_FRIDAY
    holiday_region: str | None = None
    days_off: frozenset[date] = frozenset()
    # Working hours, both ends included: a call at 17:00 is still today's.
    work_start: time = time(9, 0)
    work_end: time = time(17, 0)
    _region: tuple[str, str | None] | None = field(init=False, repr=False, compare=False)
    _holidays_by_year: dict[int, frozenset[date]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        weekdays = frozenset(self.working_weekdays)
        if not weekdays or not weekdays <= frozenset(range(7)):
            raise ValueError(f"Working weekdays must be a non-empty subset of 0..6, got {weekdays}")
        object.__setattr__(self, "working_weekdays", weekdays)
        if self.work_end <= self.work_start:
            raise ValueError(
                f"working hours end ({self.work_end:%H:%M}) must be after they start "
                f"({self.work_start:%H:%M})"
            )
        object.__setattr__(self, "days_off", frozenset(self.days_off))
        region = None if self.holiday_region is None else parse_holiday_region(self.holiday_region)
        object.__setattr__(self, "_region", region)
        if region is not None:
            # Canonical spelling, so "de-by" and "DE-BY" calendars compare equal.
            country, subdivision = region
            canonical = country if subdivision is None else f"{country}-{subdivision}"
            object.__setattr__(self, "holiday_region", canonical)

    def holidays_in(self, year: int) -> frozenset[date]:
        """Public holidays of the calendar's region in ``year`` (empty without a region)."""
        cached = self._holidays_by_year.get(year)
        if cached is None:
            cached = frozenset() if self._region is None else _holiday_dates(*self._region, year)
            self._holidays_by_year[year] = cached
        return cached

    def is_working_day(self, day: date) -> bool:
        """True when the salesperson works on ``day``."""
        if day.weekday() not in self.working_weekdays or day in self.days_off:
            return False
        year_holidays = self._holidays_by_year.get(day.year)
        if year_holidays is None:
            year_holidays = self.holidays_in(day.year)
        return day not in year_holidays

    def roll(self, day: date, direction: RollDirection = RollDirection.NEXT) -> date:
        """``day`` itself when it is a working day, else the nearest one in ``direction``."""
        if self.is_working_day(day):
            return day
        if direction == _PREVIOUS:
            return self.previous_working_day(day)
        return self.next_working_day(day)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self._step_to_working_day(day, _ONE_DAY)

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``."""
        return self._step_to_working_day(day, -_ONE_DAY)

    def working_moment(self, day: date, at: time) -> tuple[date, time]:
        """Where a follow-up timed at ``at`` on ``day`` goes: there, when that is inside
        working hours on a working day, else to the next start of working hours.

        The one rule for every timed follow-up (plan steps, recovery steps, answer-by times,
        snoozes): nothing is due at 17:15 when the day ends at 17:00."""
        if self.is_working_day(day):
            if at < self.work_start:
                return day, self.work_start
            if at <= self.work_end:
                return day, at
        return self.next_working_day(day), self.work_start

    def working_time(self, at: time | None) -> time | None:
        """The time of day a follow-up timed at ``at`` takes on a working day (None: all-day).

        Its day is the caller's: a time after working hours also moves the day on
        (``after_hours``), and a day chosen by hand (a snooze) starts with working hours."""
        if at is None or self.work_start <= at <= self.work_end:
            return at
        return self.work_start

    def after_hours(self, at: time | None) -> bool:
        """True when a follow-up timed at ``at`` is too late for its day."""
        return at is not None and at > self.work_end

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (before it when negative).

        Zero gives ``day`` rolled forward to a working day.
        """
        if count == 0:
            return self.roll(day)
        step = _ONE_DAY if count > 0 else -_ONE_DAY
        for _ in range(abs(count)):
            day = self._step_to_working_day(day, step)
        return day

    def first_day_off_without_end(self) -> date | None:
        """The first day off from which no working day follows within two years, if any.

        Working weekdays are never empty, so only a long run of days off can block planning."""
        for day in sorted(self.days_off):
            if day - _ONE_DAY in self.days_off:
                continue  # inside a run: its first day was checked
            try:
                self.next_working_day(day - _ONE_DAY)
            except ValueError:
                return day
        return None

    def _step_to_working_day(self, start: date, step: timedelta) -> date:
        day = start
        for _ in range(_MAX_SEARCH_DAYS):
            day += step
            if self.is_working_day(day):
                return day
        raise ValueError(f"No working day within {_MAX_SEARCH_DAYS} days of {start}")
