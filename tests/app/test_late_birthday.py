"""A customer added within the card's lead time still gets this year's birthday greeting;
the lead time is for a card by post, a greeting by any other channel is on the day."""

from __future__ import annotations

import datetime as dt

import pytest

from app.clock import FixedClock
from app.context import AppContext
from app.dto.customers import CustomerInput

D = dt.date  # planner's today: Friday 2026-11-20, Bavarian working days


def greeting(planner: AppContext, customer_id: int) -> dt.date:
    [row] = [t for t in planner.agenda.touchpoints(customer_id=customer_id) if t.kind == "birthday"]
    return row.due_date


@pytest.mark.parametrize(
    ("birthday", "due"),
    [
        ("1980-11-23", D(2026, 11, 20)),  # Monday in 3 days: today, the last working day before
        ("1980-11-22", D(2026, 11, 20)),  # Sunday: still today
        ("1980-11-20", D(2026, 11, 20)),  # today itself: the day
        ("1980-11-25", D(2026, 11, 20)),  # 5 days ahead exactly: the usual lead time
        ("1980-11-27", D(2026, 11, 23)),  # 7 days ahead: 5 days before, as always (Sun -> Mon)
    ],
)
def test_a_birthday_within_the_lead_time_is_greeted_before_it_not_next_year(
    planner: AppContext, birthday: str, due: dt.date
) -> None:
    customer = planner.customers.add(CustomerInput(name="Ana", birthday=birthday, channel="letter"))
    assert greeting(planner, customer.id) == due


def test_with_no_working_day_left_before_the_birthday_the_greeting_is_on_the_day(
    planner: AppContext, clock: FixedClock
) -> None:
    clock.set(dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC))  # Saturday
    customer = planner.customers.add(
        CustomerInput(name="Ana", birthday="1980-11-22", channel="letter")
    )
    assert greeting(planner, customer.id) == D(2026, 11, 22)


def test_once_the_late_greeting_is_done_the_next_is_next_years(planner: AppContext) -> None:
    customer = planner.customers.add(
        CustomerInput(name="Ana", birthday="1980-11-23", channel="letter")
    )
    [row] = [t for t in planner.agenda.touchpoints(customer_id=customer.id) if t.kind == "birthday"]
    planner.touchpoints.done(row.id)
    assert greeting(planner, customer.id) == D(2027, 11, 18)  # Tue 23 Nov 2027 - 5 = Thu 18


@pytest.mark.parametrize("channel", ["email", "phone", "text", "social", "in_person"])
@pytest.mark.parametrize(
    ("birthday", "due"),
    [
        ("1980-11-25", D(2026, 11, 25)),  # Wednesday: on the day, not five days early
        ("1980-11-20", D(2026, 11, 20)),  # today
        ("1980-11-22", D(2026, 11, 23)),  # Sunday: the next working day
        ("1980-12-09", D(2026, 12, 9)),
    ],
)
def test_a_greeting_by_any_other_channel_is_on_the_birthday(
    planner: AppContext, channel: str, birthday: str, due: dt.date
) -> None:
    customer = planner.customers.add(CustomerInput(name="Ana", birthday=birthday, channel=channel))
    assert greeting(planner, customer.id) == due


def test_once_an_email_greeting_is_done_the_next_is_next_years(
    planner: AppContext, clock: FixedClock
) -> None:
    customer = planner.customers.add(CustomerInput(name="Ana", birthday="1980-11-25"))
    [row] = [t for t in planner.agenda.touchpoints(customer_id=customer.id) if t.kind == "birthday"]
    # Sent a few days early, by hand: it was this birthday's greeting all the same.
    planner.touchpoints.done(row.id)
    assert greeting(planner, customer.id) == D(2027, 11, 25)
    clock.set(dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC))
    assert greeting(planner, customer.id) == D(2027, 11, 25)
