"""Property tests over random plans, anchors and calendars."""

from dataclasses import replace
from datetime import date, time, timedelta
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.dto.vocabulary import (
    DELIVERY_ANCHORS,
    AnchorKind,
    Channel,
    Kind,
    LatenessPolicy,
    OffsetUnit,
    RollDirection,
)
from app.scheduling.birthdays import MonthDay
from app.scheduling.calendar import WorkCalendar
from app.scheduling.planner import PlannedItem, plan
from app.scheduling.reanchor import ExistingItem, ItemState, reanchor
from app.scheduling.steps import Anchors, CustomerFacts, StepRule

EXAMPLES = settings(max_examples=100, deadline=None)
REGIONS = [None, "DE", "DE-BY", "US", "FR", "GB-ENG"]
FIRST_DAY, LAST_DAY = date(2025, 1, 1), date(2027, 12, 31)
days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
KINDS = [Kind.THANK_YOU, Kind.DELIVERY_CHECK, Kind.CHECK_IN, Kind.VALUE_ADD, Kind.BIRTHDAY]

# Small offsets make the rolled date and its anchor meet, where the roll rules matter.
small_offsets = st.integers(-2, 2) | st.integers(-10, 40)
# 2000 is a leap year, so Feb 29 birthdays are drawn too.
birthdays = st.dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: MonthDay(d.month, d.day))
calendars = st.builds(
    WorkCalendar,
    working_weekdays=st.frozensets(st.integers(0, 6), min_size=1),
    holiday_region=st.sampled_from(REGIONS),
    days_off=st.frozensets(days, max_size=10),
)


@st.composite
def step_lists(draw: st.DrawFn) -> list[StepRule]:
    steps = []
    for index in range(draw(st.integers(1, 8))):
        anchors = list(AnchorKind) if index else [a for a in AnchorKind if a != "previous_step"]
        anchor = draw(st.sampled_from(anchors))
        repeats = anchor != AnchorKind.BIRTHDAY and draw(st.booleans())
        steps.append(
            StepRule(
                index=index,
                kind=draw(st.sampled_from(KINDS)),
                channel=draw(st.none() | st.sampled_from(Channel)),
                offset_amount=draw(small_offsets),
                offset_unit=draw(st.sampled_from(OffsetUnit)),
                anchor=anchor,
                time_of_day=draw(st.none() | st.just(time(10))),
                roll=draw(st.sampled_from(RollDirection)),
                repeat_amount=draw(st.integers(1, 60)) if repeats else None,
                repeat_unit=draw(st.sampled_from(OffsetUnit)) if repeats else None,
            )
        )
    return steps


@st.composite
def sale_anchors(draw: st.DrawFn) -> Anchors:
    closed_on = draw(days)
    near = st.integers(0, 60).map(lambda n: closed_on + timedelta(days=n))
    return Anchors(
        closed_on=closed_on,
        promised_delivery=draw(st.none() | near),
        actual_delivery=draw(st.none() | near),
        birthday=draw(st.none() | birthdays),
        completed=draw(st.dictionaries(st.integers(0, 7), near, max_size=4)),
    )


def steps_by_index(steps: list[StepRule]) -> dict[int, StepRule]:
    return {step.index: step for step in steps}


def assert_gap(dated: list[date], busy: list[date], min_gap_days: int) -> None:
    for a, b in combinations(dated, 2):
        assert abs((a - b).days) >= min_gap_days, (a, b)
    for a in dated:
        for b in busy:
            assert abs((a - b).days) >= min_gap_days, (a, b)


planning_inputs = st.tuples(
    step_lists(),
    sale_anchors(),
    calendars,
    # Mostly "today" is close to the sale; sometimes long after, when steps are overdue.
    st.integers(-5, 5) | st.integers(-30, 200),
    st.lists(days, max_size=5),
    st.integers(0, 4),
    st.none() | st.integers(0, 400),
)


@EXAMPLES
@given(planning_inputs)
def test_planned_touchpoints_obey_calendar_anchor_today_and_gap(
    inputs: tuple[list[StepRule], Anchors, WorkCalendar, int, list[date], int, int | None],
) -> None:
    steps, anchors, calendar, today_shift, busy, min_gap_days, horizon_days = inputs
    today = anchors.closed_on + timedelta(days=today_shift)
    horizon = None if horizon_days is None else today + timedelta(days=horizon_days)
    result = plan(
        steps,
        anchors,
        calendar,
        today,
        CustomerFacts(),
        busy_dates=busy,
        min_gap_days=min_gap_days,
        horizon=horizon,
    )
    rules = steps_by_index(steps)
    dated = [item for item in result.items if item.due_date is not None]
    for item in dated:
        assert item.due_date is not None and item.anchor_date is not None
        rule = rules[item.step_index]
        # A greeting due ahead of a birthday with no working day left before it is sent on
        # the day itself (settle_birthday), working day or not.
        on_the_day = (
            rule.anchor == AnchorKind.BIRTHDAY
            and rule.offset_amount < 0
            and item.due_date == item.anchor_date
        )
        assert on_the_day or calendar.is_working_day(item.due_date)
        assert item.due_date >= today
        if rules[item.step_index].offset_amount >= 0:
            assert item.due_date >= item.anchor_date
    assert_gap([item.due_date for item in dated if item.due_date], busy, min_gap_days)
    one_offs = [s for s in steps if s.repeat_amount is None and s.anchor != AnchorKind.BIRTHDAY]
    assert {i.step_index for i in result.items} >= {s.index for s in one_offs}


@settings(max_examples=30, deadline=None)
@given(step_lists(), sale_anchors(), calendars)
def test_do_not_contact_customer_never_gets_a_touchpoint(
    steps: list[StepRule], anchors: Anchors, calendar: WorkCalendar
) -> None:
    blocked = CustomerFacts(do_not_contact=True)
    result = plan(steps, anchors, calendar, anchors.closed_on, blocked)
    assert result.items == ()
    assert result.skipped_reason


def as_stored(item: PlannedItem, state: ItemState, pinned: bool) -> ExistingItem:
    return ExistingItem(item.step_index, item.due_date, state, pinned, item.occurrence)


@EXAMPLES
@given(
    planning_inputs,
    st.lists(st.tuples(st.sampled_from(ItemState), st.booleans()), min_size=1, max_size=10),
    st.none() | st.integers(-20, 60),
    st.none() | st.integers(-20, 60),
    st.sampled_from(LatenessPolicy),
    st.integers(0, 120),
)
def test_reanchor_is_idempotent_and_never_moves_fixed_items(
    inputs: tuple[list[StepRule], Anchors, WorkCalendar, int, list[date], int, int | None],
    states: list[tuple[ItemState, bool]],
    new_promised: int | None,
    new_actual: int | None,
    policy: LatenessPolicy,
    days_later: int,
) -> None:
    steps, anchors, calendar, today_shift, busy, min_gap_days, horizon_days = inputs
    today = anchors.closed_on + timedelta(days=today_shift)
    horizon = None if horizon_days is None else today + timedelta(days=horizon_days)
    planned = plan(
        steps,
        anchors,
        calendar,
        today,
        CustomerFacts(),
        busy_dates=busy,
        min_gap_days=min_gap_days,
        horizon=horizon,
    )
    stored = [as_stored(item, *states[n % len(states)]) for n, item in enumerate(planned.items)]
    moved_anchors = replace(
        anchors,
        promised_delivery=_shifted(anchors.closed_on, new_promised),
        actual_delivery=_shifted(anchors.closed_on, new_actual),
    )
    later = today + timedelta(days=days_later)

    def run(items: tuple[ExistingItem, ...] | list[ExistingItem]) -> tuple[ExistingItem, ...]:
        return reanchor(
            steps,
            items,
            moved_anchors,
            calendar,
            later,
            policy=policy,
            baseline_delivery=anchors.promised_delivery,
            busy_dates=busy,
            min_gap_days=min_gap_days,
        )

    once = run(stored)
    assert run(once) == once
    assert [(i.step_index, i.occurrence, i.state) for i in once] == [
        (i.step_index, i.occurrence, i.state) for i in stored
    ]
    for before, after in zip(stored, once, strict=True):
        if before.is_fixed:
            assert after == before
    recomputed = [_recomputed(item, steps, policy) for item in once]
    new_dates = [i.due_date for i, new in zip(once, recomputed, strict=True) if new and i.due_date]
    kept_dates = [
        i.due_date
        for i, new in zip(once, recomputed, strict=True)
        if not new and i.due_date and i.state != ItemState.SKIPPED
    ]
    for day in new_dates:
        assert calendar.is_working_day(day)
        assert day >= later
    assert_gap(new_dates, busy + kept_dates, min_gap_days)


def _shifted(closed_on: date, days_after: int | None) -> date | None:
    return None if days_after is None else closed_on + timedelta(days=days_after)


def _recomputed(item: ExistingItem, steps: list[StepRule], policy: LatenessPolicy) -> bool:
    """Restates the spec: which items a re-anchor computes afresh."""
    if item.is_fixed:
        return False
    step = steps_by_index(steps)[item.step_index]
    if step.anchor in DELIVERY_ANCHORS or step.anchor == AnchorKind.PREVIOUS_STEP:
        return True
    delivery_steps = [s.index for s in steps if s.anchor in DELIVERY_ANCHORS]
    return (
        policy == LatenessPolicy.SHIFT
        and step.anchor == AnchorKind.SALE_CLOSED
        and bool(delivery_steps)
        and step.index > delivery_steps[0]
    )


@EXAMPLES
@given(calendars, days, st.integers(-15, 15))
def test_add_working_days_counts_exactly_n_working_days(
    calendar: WorkCalendar, start: date, count: int
) -> None:
    end = calendar.add_working_days(start, count)
    assert calendar.is_working_day(end)
    low, high = sorted((start, end))
    between = [low + timedelta(days=n) for n in range(1, (high - low).days)]
    counted = sum(calendar.is_working_day(d) for d in between) + 1
    if count == 0:
        # Zero working days: the start itself, or the first working day after it.
        assert counted == 1 and (end == start or not calendar.is_working_day(start))
        assert end >= start
    else:
        assert counted == abs(count)
        assert (end > start) == (count > 0)
