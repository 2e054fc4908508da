"""Issue #16: a plan step's time of day follows the working hours (the delivery call at 10:00)."""

from datetime import date, time

from app.dto.vocabulary import AnchorKind, Channel, Kind, OffsetUnit
from app.scheduling.calendar import WorkCalendar
from app.scheduling.keep_in_touch import check_in_when_owed
from app.scheduling.planner import SalePlanner, plan
from app.scheduling.reanchor import ExistingItem, reanchor
from app.scheduling.steps import Anchors, CustomerFacts, StepRule
from tests.app.scheduling.example_plans import WON_SALE

CUSTOMER = CustomerFacts(preferred_channel=Channel.EMAIL)
FRIDAY = date(2026, 3, 6)
DELIVERED = Anchors(date(2026, 3, 2), actual_delivery=FRIDAY)


def delivery_call(calendar: WorkCalendar) -> tuple[date | None, time | None]:
    result = plan(WON_SALE, DELIVERED, calendar, date(2026, 3, 2), CUSTOMER)
    [item] = [item for item in result.items if item.kind == Kind.DELIVERY_CHECK]
    return item.due_date, item.time_of_day


def test_the_delivery_call_keeps_its_time_inside_working_hours() -> None:
    assert delivery_call(WorkCalendar()) == (date(2026, 3, 9), time(10))


def test_a_step_before_working_hours_waits_for_them_to_start() -> None:
    late_starter = WorkCalendar(work_start=time(11), work_end=time(19))
    assert delivery_call(late_starter) == (date(2026, 3, 9), time(11))


def test_a_step_after_working_hours_moves_to_the_next_start_of_them() -> None:
    early_bird = WorkCalendar(work_start=time(6), work_end=time(9, 30))
    assert delivery_call(early_bird) == (date(2026, 3, 10), time(6))


def test_moving_past_working_hours_still_keeps_the_customer_gap() -> None:
    evening = StepRule(0, Kind.CHECK_IN, Channel.PHONE, 0, OffsetUnit.DAYS,
                       AnchorKind.SALE_CLOSED, time(18))  # fmt: skip
    morning = StepRule(1, Kind.CHECK_IN, Channel.PHONE, 1, OffsetUnit.DAYS,
                       AnchorKind.SALE_CLOSED, time(10))  # fmt: skip
    monday = date(2026, 3, 2)
    result = plan([evening, morning], Anchors(monday), WorkCalendar(), monday, CUSTOMER)
    assert [(item.due_date, item.time_of_day) for item in result.items] == [
        (date(2026, 3, 3), time(9)),  # 18:00 is after hours: Tuesday at the start
        (date(2026, 3, 5), time(10)),  # then two days' gap, as always
    ]


def test_many_sales_of_one_plan_get_the_same_times_as_one() -> None:
    early_bird = WorkCalendar(work_start=time(6), work_end=time(9, 30))
    planner = SalePlanner(WON_SALE, early_bird, date(2026, 3, 2))
    assert planner.plan(DELIVERED, CUSTOMER) == plan(
        WON_SALE, DELIVERED, early_bird, date(2026, 3, 2), CUSTOMER
    )


def test_re_dating_after_a_late_delivery_moves_past_working_hours_too() -> None:
    early_bird = WorkCalendar(work_start=time(6), work_end=time(9, 30))
    # Only the delivery call hangs on a date that moves here; the thank-you was on the close.
    items = [ExistingItem(0, date(2026, 3, 2)), ExistingItem(1, date(2026, 3, 3))]
    redated = reanchor(WON_SALE, items, DELIVERED, early_bird, date(2026, 3, 2))
    assert redated[1].due_date == date(2026, 3, 10)


def test_a_check_in_timed_after_hours_is_owed_on_the_next_working_day() -> None:
    calendar = WorkCalendar()
    friday = date(2026, 3, 6)
    assert check_in_when_owed(friday, calendar, friday) == friday
    assert check_in_when_owed(friday, calendar, friday, at=time(18)) == date(2026, 3, 9)
