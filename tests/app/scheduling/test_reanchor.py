"""Re-anchoring after a delivery change: what moves, what stays, and idempotence."""

from dataclasses import replace
from datetime import date

import pytest

from app.dto.vocabulary import AnchorKind, Kind, LatenessPolicy, OffsetUnit
from app.scheduling.calendar import WorkCalendar
from app.scheduling.planner import plan
from app.scheduling.reanchor import ExistingItem, ItemState, reanchor
from app.scheduling.steps import Anchors, CustomerFacts, StepRule
from tests.app.scheduling.example_plans import WON_SALE

GERMANY = WorkCalendar(holiday_region="DE")
FRIDAY_CLOSE = date(2026, 3, 27)
PROMISED = date(2026, 4, 4)
ACTUAL = date(2026, 4, 14)  # ten days late, a Tuesday
CUSTOMER = CustomerFacts()


def stored_plan(steps: tuple[StepRule, ...], anchors: Anchors, today: date) -> list[ExistingItem]:
    result = plan(steps, anchors, GERMANY, today, CUSTOMER)
    return [ExistingItem(i.step_index, i.due_date, occurrence=i.occurrence) for i in result.items]


def test_late_actual_delivery_moves_delivery_steps_only() -> None:
    promised = Anchors(FRIDAY_CLOSE, promised_delivery=PROMISED)
    items = stored_plan(WON_SALE, promised, FRIDAY_CLOSE)
    items[0] = replace(items[0], state=ItemState.DONE)
    delivered = replace(promised, actual_delivery=ACTUAL)
    moved = reanchor(WON_SALE, items, delivered, GERMANY, ACTUAL)
    assert [item.due_date for item in moved] == [
        FRIDAY_CLOSE,  # done: never moves
        date(2026, 4, 15),
        date(2026, 5, 5),
        date(2026, 5, 15),  # May 14 is Ascension Day
        date(2026, 6, 15),  # June 14 is a Sunday
        date(2026, 5, 26),
        date(2026, 8, 14),
    ]
    assert [item.state for item in moved] == [item.state for item in items]


def test_pinned_and_skipped_items_stay_and_others_keep_their_gap_to_pinned() -> None:
    promised = Anchors(FRIDAY_CLOSE, promised_delivery=PROMISED)
    items = stored_plan(WON_SALE, promised, FRIDAY_CLOSE)
    items[2] = replace(items[2], due_date=date(2026, 5, 14), pinned=True)
    items[6] = replace(items[6], state=ItemState.SKIPPED)
    delivered = replace(promised, actual_delivery=ACTUAL)
    moved = reanchor(WON_SALE, items, delivered, GERMANY, ACTUAL)
    assert moved[2] == items[2]
    assert moved[6] == items[6]
    # Feedback would be Friday May 15, one day after the pinned item: it moves to Monday.
    assert moved[3].due_date == date(2026, 5, 18)


CLOSE_ANCHORED_AFTER_DELIVERY = (
    StepRule(0, Kind.THANK_YOU, None, 0, OffsetUnit.DAYS, AnchorKind.SALE_CLOSED),
    StepRule(1, Kind.DELIVERY_CHECK, None, 1, OffsetUnit.WORKING_DAYS, AnchorKind.DELIVERY),
    StepRule(2, Kind.CHECK_IN, None, 2, OffsetUnit.MONTHS, AnchorKind.SALE_CLOSED),
)
MONDAY_CLOSE = date(2026, 3, 2)
LATE = Anchors(MONDAY_CLOSE, promised_delivery=date(2026, 3, 9), actual_delivery=date(2026, 3, 20))


@pytest.mark.parametrize(
    ("policy", "check_in"),
    [
        (LatenessPolicy.KEEP, date(2026, 5, 4)),  # May 2 is a Saturday
        (LatenessPolicy.SHIFT, date(2026, 5, 13)),  # May 2 + 11 days late
    ],
)
def test_lateness_policy_for_close_anchored_steps(policy: LatenessPolicy, check_in: date) -> None:
    on_time = Anchors(MONDAY_CLOSE, promised_delivery=date(2026, 3, 9))
    items = stored_plan(CLOSE_ANCHORED_AFTER_DELIVERY, on_time, MONDAY_CLOSE)
    assert items[2].due_date == date(2026, 5, 4)
    moved = reanchor(
        CLOSE_ANCHORED_AFTER_DELIVERY, items, LATE, GERMANY, date(2026, 3, 20), policy=policy
    )
    assert moved[1].due_date == date(2026, 3, 23)
    assert moved[2].due_date == check_in
    assert moved[0].due_date == MONDAY_CLOSE


def test_shift_measures_a_changed_promise_against_the_baseline() -> None:
    on_time = Anchors(MONDAY_CLOSE, promised_delivery=date(2026, 3, 9))
    items = stored_plan(CLOSE_ANCHORED_AFTER_DELIVERY, on_time, MONDAY_CLOSE)
    repromised = Anchors(MONDAY_CLOSE, promised_delivery=date(2026, 3, 16))
    moved = reanchor(
        CLOSE_ANCHORED_AFTER_DELIVERY,
        items,
        repromised,
        GERMANY,
        MONDAY_CLOSE,
        policy=LatenessPolicy.SHIFT,
        baseline_delivery=date(2026, 3, 9),
    )
    assert moved[2].due_date == date(2026, 5, 11)  # Saturday May 2 + 7 days -> Monday


def test_reanchor_twice_equals_once() -> None:
    on_time = Anchors(MONDAY_CLOSE, promised_delivery=date(2026, 3, 9))
    items = stored_plan(CLOSE_ANCHORED_AFTER_DELIVERY, on_time, MONDAY_CLOSE)
    once = reanchor(
        CLOSE_ANCHORED_AFTER_DELIVERY,
        items,
        LATE,
        GERMANY,
        MONDAY_CLOSE,
        policy=LatenessPolicy.SHIFT,
    )
    twice = reanchor(
        CLOSE_ANCHORED_AFTER_DELIVERY,
        once,
        LATE,
        GERMANY,
        MONDAY_CLOSE,
        policy=LatenessPolicy.SHIFT,
    )
    assert once != tuple(items)
    assert twice == once


def test_waiting_item_gets_a_date_once_its_previous_step_is_done() -> None:
    steps = (
        StepRule(0, Kind.FEEDBACK, None, 0, OffsetUnit.DAYS, AnchorKind.SALE_CLOSED),
        StepRule(1, Kind.REFERRAL, None, 2, OffsetUnit.WEEKS, AnchorKind.PREVIOUS_STEP),
    )
    items = [ExistingItem(0, MONDAY_CLOSE, ItemState.DONE), ExistingItem(1, None)]
    anchors = Anchors(MONDAY_CLOSE, completed={0: date(2026, 3, 4)})
    moved = reanchor(steps, items, anchors, GERMANY, date(2026, 3, 4))
    assert moved[1].due_date == date(2026, 3, 18)


def test_items_of_unknown_steps_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"\[9\]"):
        reanchor(WON_SALE, [ExistingItem(9, FRIDAY_CLOSE)], LATE, GERMANY, FRIDAY_CLOSE)
