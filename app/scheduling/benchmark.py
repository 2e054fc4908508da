"""Benchmark workload: an 8-step plan applied to many synthetic sales; timing is the caller's.

``plan_many_sales(count)`` is pure and deterministic; a benchmark script times the call,
e.g. ``timeit.timeit(lambda: plan_many_sales(10_000), number=1)``.
"""

from datetime import date, time, timedelta

from app.dto.vocabulary import AnchorKind, Channel, Kind, OffsetUnit
from app.scheduling.birthdays import MonthDay
from app.scheduling.calendar import WorkCalendar
from app.scheduling.planner import plan
from app.scheduling.steps import Anchors, CustomerFacts, StepRule

_DAYS, _WORKING_DAYS, _WEEKS, _MONTHS = (
    OffsetUnit.DAYS,
    OffsetUnit.WORKING_DAYS,
    OffsetUnit.WEEKS,
    OffsetUnit.MONTHS,
)
_CLOSED, _DELIVERY, _BIRTHDAY = AnchorKind.SALE_CLOSED, AnchorKind.DELIVERY, AnchorKind.BIRTHDAY

BENCHMARK_STEPS = (
    StepRule(0, Kind.THANK_YOU, None, 0, _DAYS, _CLOSED),
    StepRule(1, Kind.DELIVERY_CHECK, Channel.PHONE, 1, _WORKING_DAYS, _DELIVERY, time(10)),
    StepRule(2, Kind.VALUE_ADD, None, 3, _WEEKS, _DELIVERY),
    StepRule(3, Kind.FEEDBACK, Channel.EMAIL, 1, _MONTHS, _DELIVERY),
    StepRule(4, Kind.VALUE_ADD, None, 2, _MONTHS, _DELIVERY),
    StepRule(5, Kind.REFERRAL, None, 6, _WEEKS, _DELIVERY),
    StepRule(6, Kind.VALUE_ADD, None, 4, _MONTHS, _DELIVERY),
    StepRule(7, Kind.BIRTHDAY, Channel.LETTER, -5, _DAYS, _BIRTHDAY),
)


def plan_many_sales(count: int = 10_000, holiday_region: str | None = "DE-BY") -> int:
    """Plan ``BENCHMARK_STEPS`` for ``count`` sales spread over two years; returns items made."""
    calendar = WorkCalendar(holiday_region=holiday_region)
    start = date(2026, 1, 1)
    customer = CustomerFacts(preferred_channel=Channel.EMAIL)
    planned = 0
    for number in range(count):
        closed_on = start + timedelta(days=number % 730)
        anchors = Anchors(
            closed_on=closed_on,
            promised_delivery=closed_on + timedelta(days=number % 17),
            birthday=MonthDay(number % 12 + 1, number % 28 + 1),
        )
        result = plan(BENCHMARK_STEPS, anchors, calendar, closed_on, customer)
        planned += len(result.items)
    return planned
