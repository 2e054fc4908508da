"""Keep-in-touch cadence and snooze targets."""

from datetime import date

import pytest

from app.scheduling.calendar import WorkCalendar
from app.scheduling.keep_in_touch import next_check_in
from app.scheduling.snooze import snooze_by_days, snooze_to_next_working_day, snooze_until
from app.scheduling.steps import CustomerFacts

GERMANY = WorkCalendar(holiday_region="DE")
LAST_CONTACT = date(2026, 3, 2)
TODAY = date(2026, 3, 10)


def test_regular_customer_next_check_in_after_default_cadence() -> None:
    # 90 days after Monday Mar 2 is Sunday May 31.
    assert next_check_in(LAST_CONTACT, CustomerFacts(), GERMANY, TODAY) == date(2026, 6, 1)


def test_key_customer_is_checked_on_sooner() -> None:
    key = CustomerFacts(is_key=True)
    assert next_check_in(LAST_CONTACT, key, GERMANY, TODAY) == date(2026, 4, 1)


def test_customer_cadence_overrides_the_defaults() -> None:
    fortnightly = CustomerFacts(is_key=True, cadence_days=14)
    assert next_check_in(LAST_CONTACT, fortnightly, GERMANY, TODAY) == date(2026, 3, 16)


def test_overdue_check_in_is_due_today_or_the_next_working_day() -> None:
    long_ago = date(2025, 6, 1)
    assert next_check_in(long_ago, CustomerFacts(), GERMANY, TODAY) == TODAY
    easter_monday = date(2026, 4, 6)
    assert next_check_in(long_ago, CustomerFacts(), GERMANY, easter_monday) == date(2026, 4, 7)


def test_check_in_keeps_its_gap_to_other_touchpoints() -> None:
    busy = [date(2026, 6, 2)]
    assert next_check_in(LAST_CONTACT, CustomerFacts(), GERMANY, TODAY, busy_dates=busy) == date(
        2026, 6, 4
    )


def test_no_check_in_for_do_not_contact() -> None:
    blocked = CustomerFacts(do_not_contact=True)
    assert next_check_in(LAST_CONTACT, blocked, GERMANY, TODAY) is None


def test_invalid_cadence_is_rejected() -> None:
    with pytest.raises(ValueError, match="positive"):
        CustomerFacts(cadence_days=0)


def test_snooze_to_next_working_day_skips_easter() -> None:
    assert snooze_to_next_working_day(date(2026, 4, 2), GERMANY) == date(2026, 4, 7)
    assert snooze_to_next_working_day(date(2026, 3, 10), GERMANY) == date(2026, 3, 11)


def test_snooze_by_days_lands_on_a_working_day() -> None:
    assert snooze_by_days(date(2026, 4, 1), 3, GERMANY) == date(2026, 4, 7)
    assert snooze_by_days(date(2026, 3, 10), 7, GERMANY) == date(2026, 3, 17)
    with pytest.raises(ValueError, match="at least one day"):
        snooze_by_days(TODAY, 0, GERMANY)


def test_snooze_until_rolls_and_never_returns_a_past_day() -> None:
    assert snooze_until(date(2026, 4, 6), GERMANY, TODAY) == date(2026, 4, 7)
    assert snooze_until(date(2026, 3, 1), GERMANY, TODAY) == TODAY
