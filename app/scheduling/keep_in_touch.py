"""Keep-in-touch cadence: when a customer's next check-in is due after the last interaction."""

from collections.abc import Iterable
from datetime import date, time, timedelta

from app.dto.vocabulary import DEFAULT_MIN_GAP_DAYS
from app.scheduling.calendar import WorkCalendar
from app.scheduling.gaps import place_with_gap
from app.scheduling.steps import CustomerFacts

DEFAULT_CADENCE_DAYS = 90
KEY_CUSTOMER_CADENCE_DAYS = 30


def cadence_for(
    customer: CustomerFacts,
    *,
    default_days: int = DEFAULT_CADENCE_DAYS,
    key_customer_days: int = KEY_CUSTOMER_CADENCE_DAYS,
) -> int:
    """The customer's own cadence in days, else the default for key or regular customers."""
    if customer.cadence_days is not None:
        return customer.cadence_days
    return key_customer_days if customer.is_key else default_days


def next_check_in(
    last_interaction: date,
    customer: CustomerFacts,
    calendar: WorkCalendar,
    today: date,
    *,
    busy_dates: Iterable[date] = (),
    min_gap_days: int = DEFAULT_MIN_GAP_DAYS,
    default_days: int = DEFAULT_CADENCE_DAYS,
    key_customer_days: int = KEY_CUSTOMER_CADENCE_DAYS,
) -> date | None:
    """Last interaction + cadence on a working day; an overdue check-in is due today.

    None for a do-not-contact customer. ``busy_dates`` are the customer's other planned
    touchpoints, which the check-in keeps its gap to by moving later.
    """
    if customer.do_not_contact:
        return None
    owed = cadence_ends(
        last_interaction, customer, default_days=default_days, key_customer_days=key_customer_days
    )
    return check_in_when_owed(owed, calendar, today, busy_dates, min_gap_days)


def check_in_when_owed(
    owed: date,
    calendar: WorkCalendar,
    today: date,
    busy_dates: Iterable[date] = (),
    min_gap_days: int = DEFAULT_MIN_GAP_DAYS,
    *,
    at: time | None = None,
) -> date:
    """The check-in day for a cadence that runs out on `owed`: that day (today once it has
    passed), on a working day, keeping its gap to the other planned touchpoints. Timed
    `at` after working hours, it is due the working day after (working_moment)."""
    day = calendar.roll(max(owed, today))
    if calendar.after_hours(at):
        day = calendar.next_working_day(day)
    return place_with_gap(day, list(busy_dates), min_gap_days, calendar)


def cadence_ends(
    last_interaction: date,
    customer: CustomerFacts,
    *,
    default_days: int = DEFAULT_CADENCE_DAYS,
    key_customer_days: int = KEY_CUSTOMER_CADENCE_DAYS,
) -> date:
    """The day the customer's cadence runs out: before today, a check-in is overdue."""
    cadence = cadence_for(customer, default_days=default_days, key_customer_days=key_customer_days)
    return last_interaction + timedelta(days=cadence)
