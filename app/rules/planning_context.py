"""The calendar facts every scheduling decision needs, built from preferences and the clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

from app.clock import Clock, local_today
from app.dto.vocabulary import Channel
from app.errors import KnownError
from app.i18n import _
from app.preferences import Preferences
from app.scheduling.calendar import WorkCalendar
from app.scheduling.steps import CustomerFacts

# Far enough ahead for a year of repeating check-ins, near enough to stay cheap.
HORIZON_DAYS = 400


@lru_cache(maxsize=16)
def _calendar(
    working_days: tuple[int, ...],
    region: str | None,
    days_off: tuple[dt.date, ...],
    hours: tuple[dt.time, dt.time],
) -> WorkCalendar:
    try:
        return WorkCalendar(frozenset(working_days), region, frozenset(days_off), *hours)
    except ValueError as exc:
        raise KnownError(
            _("the calendar settings are not usable: {error}").format(error=exc)
        ) from exc


class CustomerLike(Protocol):
    """The customer columns planning reads: an ORM Customer, or a plain row in bulk work."""

    @property
    def preferred_channel(self) -> str: ...
    @property
    def do_not_contact(self) -> bool: ...
    @property
    def is_key(self) -> bool: ...
    @property
    def keep_in_touch_days(self) -> int | None: ...


def facts_key(customer: CustomerLike) -> tuple[str, bool, bool, int | None]:
    """The customer values planning reads, as one hashable key (what caches plan by)."""
    return (
        customer.preferred_channel,
        customer.do_not_contact,
        customer.is_key,
        customer.keep_in_touch_days,
    )


@dataclass(frozen=True)
class PlanningContext:
    """Preferences, working-day calendar, zone and today, fixed for one unit of work."""

    prefs: Preferences
    zone: ZoneInfo
    today: dt.date
    now: dt.datetime

    @property
    def calendar(self) -> WorkCalendar:
        """Built on first use: loading public holidays is only worth it when planning."""
        prefs = self.prefs
        return _calendar(
            prefs.working_days,
            prefs.holiday_country,
            prefs.days_off,
            (prefs.work_start, prefs.work_end),
        )

    @property
    def horizon(self) -> dt.date:
        return self.today + dt.timedelta(days=HORIZON_DAYS)

    def facts(self, customer: CustomerLike) -> CustomerFacts:
        return CustomerFacts(
            preferred_channel=Channel(customer.preferred_channel),
            do_not_contact=customer.do_not_contact,
            is_key=customer.is_key,
            cadence_days=customer.keep_in_touch_days,
        )


class PreferencesSource(Protocol):
    """Where the stored preferences come from (the settings service)."""

    def get(self) -> Preferences: ...


def planning_context(settings: PreferencesSource, clock: Clock) -> PlanningContext:
    """Planning by the stored preferences as of now."""
    return context_for(settings.get(), clock)


def context_for(prefs: Preferences, clock: Clock) -> PlanningContext:
    """Planning by these preferences (e.g. ones about to be committed) as of now."""
    zone = prefs.zone
    now = clock.now()
    return PlanningContext(
        prefs=prefs,
        zone=zone,
        today=local_today(clock, zone),
        now=now,
    )
