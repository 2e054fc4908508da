"""Planner rules: customer gap, do-not-contact, waiting steps, channels and roll direction."""

from datetime import date, timedelta

import pytest

from app.dto.vocabulary import AnchorKind, Channel, Kind, OffsetUnit, RollDirection
from app.scheduling.calendar import WorkCalendar
from app.scheduling.planner import DO_NOT_CONTACT_REASON, plan, resolve_channel
from app.scheduling.steps import Anchors, CustomerFacts, StepRule
from tests.app.scheduling.example_plans import WON_SALE

DAYS = OffsetUnit.DAYS
CLOSED = AnchorKind.SALE_CLOSED
GERMANY = WorkCalendar(holiday_region="DE")
CUSTOMER = CustomerFacts(preferred_channel=Channel.EMAIL)
MONDAY = date(2026, 3, 2)


def step(
    index: int,
    offset: int,
    anchor: AnchorKind = CLOSED,
    roll: RollDirection = RollDirection.NEXT,
    repeat_amount: int | None = None,
    repeat_unit: OffsetUnit | None = None,
) -> StepRule:
    return StepRule(
        index, Kind.CHECK_IN, None, offset, DAYS, anchor, None, roll, repeat_amount, repeat_unit
    )


def test_colliding_steps_move_later_and_earlier_steps_win() -> None:
    steps = [step(0, 0), step(1, 0), step(2, 1)]
    result = plan(steps, Anchors(MONDAY), GERMANY, MONDAY, CUSTOMER)
    assert [item.due_date for item in result.items] == [
        date(2026, 3, 2),
        date(2026, 3, 4),  # two days after the first
        date(2026, 3, 6),  # two days after the second
    ]


@pytest.mark.parametrize(
    ("min_gap_days", "expected"),
    [(0, [MONDAY, MONDAY]), (1, [MONDAY, date(2026, 3, 3)]), (4, [MONDAY, date(2026, 3, 6)])],
)
def test_min_gap_days_setting(min_gap_days: int, expected: list[date]) -> None:
    result = plan(
        [step(0, 0), step(1, 0)],
        Anchors(MONDAY),
        GERMANY,
        MONDAY,
        CUSTOMER,
        min_gap_days=min_gap_days,
    )
    assert [item.due_date for item in result.items] == expected


def test_gap_to_existing_touchpoints_of_the_customer_skips_the_weekend() -> None:
    busy = [date(2026, 3, 5)]  # Thursday, planned for another sale
    result = plan([step(0, 4)], Anchors(MONDAY), GERMANY, MONDAY, CUSTOMER, busy_dates=busy)
    # Friday is too close to Thursday; the next working day with a 2-day gap is Monday.
    assert result.items[0].due_date == date(2026, 3, 9)


def test_negative_gap_is_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        plan([step(0, 0)], Anchors(MONDAY), GERMANY, MONDAY, CUSTOMER, min_gap_days=-1)


def test_do_not_contact_customer_gets_nothing_and_a_reason() -> None:
    blocked = CustomerFacts(preferred_channel=Channel.EMAIL, do_not_contact=True)
    result = plan(WON_SALE, Anchors(MONDAY, promised_delivery=MONDAY), GERMANY, MONDAY, blocked)
    assert result.items == ()
    assert result.skipped_reason == DO_NOT_CONTACT_REASON


def test_step_after_previous_step_waits_until_it_is_completed() -> None:
    steps = [step(0, 0), step(1, 7, AnchorKind.PREVIOUS_STEP)]
    waiting = plan(steps, Anchors(MONDAY), GERMANY, MONDAY, CUSTOMER)
    assert waiting.items[1].due_date is None
    assert waiting.items[1].waiting_for == AnchorKind.PREVIOUS_STEP

    done = Anchors(MONDAY, completed={0: date(2026, 3, 4)})
    dated = plan(steps, done, GERMANY, date(2026, 3, 4), CUSTOMER)
    assert dated.items[1].due_date == date(2026, 3, 11)
    assert dated.items[1].waiting_for is None


def test_steps_on_an_unknown_delivery_wait_for_it() -> None:
    result = plan(WON_SALE, Anchors(MONDAY), GERMANY, MONDAY, CUSTOMER)
    assert result.items[0].due_date == MONDAY
    assert all(item.due_date is None for item in result.items[1:])
    assert {item.waiting_for for item in result.items[1:]} == {AnchorKind.DELIVERY}


def test_previous_step_anchor_on_the_first_step_is_rejected() -> None:
    with pytest.raises(ValueError, match="no previous step"):
        plan([step(0, 1, AnchorKind.PREVIOUS_STEP)], Anchors(MONDAY), GERMANY, MONDAY, CUSTOMER)


def test_duplicate_step_indices_are_rejected() -> None:
    with pytest.raises(ValueError, match="unique"):
        plan([step(1, 0), step(1, 3)], Anchors(MONDAY), GERMANY, MONDAY, CUSTOMER)


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (Channel.PHONE, Channel.EMAIL),
        (Channel.TEXT, Channel.EMAIL),
        (Channel.SOCIAL, Channel.EMAIL),
        (Channel.LETTER, Channel.LETTER),
        (None, Channel.EMAIL),
    ],
)
def test_thank_you_is_always_written(preferred: Channel | None, expected: Channel) -> None:
    thank_you = WON_SALE[0]
    assert resolve_channel(thank_you, CustomerFacts(preferred_channel=preferred)) == expected


def test_other_steps_use_the_preferred_channel_unless_fixed() -> None:
    texter = CustomerFacts(preferred_channel=Channel.TEXT)
    assert resolve_channel(WON_SALE[2], texter) == Channel.TEXT
    assert resolve_channel(WON_SALE[1], texter) == Channel.PHONE


def test_previous_roll_moves_back_but_never_before_the_anchor() -> None:
    thursday = date(2026, 4, 2)
    back = [step(0, 2, roll=RollDirection.PREVIOUS)]  # Saturday Apr 4
    assert plan(back, Anchors(thursday), GERMANY, thursday, CUSTOMER).items[0].due_date == thursday
    saturday = date(2026, 4, 4)
    same_day = [step(0, 0, roll=RollDirection.PREVIOUS)]
    result = plan(same_day, Anchors(saturday), GERMANY, saturday, CUSTOMER)
    assert result.items[0].due_date == date(2026, 4, 7)


def test_previous_roll_never_goes_before_today() -> None:
    late = [step(0, -1, roll=RollDirection.PREVIOUS)]  # Sunday before Monday's anchor
    result = plan(late, Anchors(MONDAY), GERMANY, date(2026, 2, 28), CUSTOMER)
    assert result.items[0].due_date == MONDAY


def test_one_off_steps_already_due_are_due_today() -> None:
    today = date(2026, 3, 18)
    result = plan([step(0, 0), step(1, 7)], Anchors(MONDAY), GERMANY, today, CUSTOMER)
    assert [item.due_date for item in result.items] == [today, today + timedelta(days=2)]


def test_repeating_step_skips_missed_occurrences() -> None:
    every_week = [step(0, 0, repeat_amount=1, repeat_unit=OffsetUnit.WEEKS)]
    today = date(2026, 3, 18)
    result = plan(every_week, Anchors(MONDAY), GERMANY, today, CUSTOMER, horizon=date(2026, 4, 1))
    assert [(i.occurrence, i.due_date) for i in result.items] == [
        (3, date(2026, 3, 23)),
        (4, date(2026, 3, 30)),
    ]


def test_monthly_repeat_keeps_the_month_end() -> None:
    monthly = [
        StepRule(
            0,
            Kind.CHECK_IN,
            None,
            0,
            OffsetUnit.MONTHS,
            CLOSED,
            repeat_amount=1,
            repeat_unit=OffsetUnit.MONTHS,
        )
    ]
    jan_31 = date(2025, 1, 31)
    result = plan(
        monthly,
        Anchors(jan_31),
        WorkCalendar(working_weekdays=frozenset(range(7))),
        jan_31,
        CUSTOMER,
        horizon=date(2025, 4, 30),
        min_gap_days=0,
    )
    assert [item.due_date for item in result.items] == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
    ]


def test_inconsistent_repeat_is_rejected() -> None:
    with pytest.raises(ValueError, match="repeat"):
        StepRule(0, Kind.CHECK_IN, None, 0, DAYS, CLOSED, repeat_amount=30)
    with pytest.raises(ValueError, match="yearly"):
        StepRule(
            0, Kind.BIRTHDAY, None, 0, DAYS, AnchorKind.BIRTHDAY, repeat_amount=1, repeat_unit=DAYS
        )
