"""SalePlanner plans many sales of one plan exactly as plan() plans each on its own."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.dto.vocabulary import Channel
from app.scheduling.calendar import WorkCalendar
from app.scheduling.gaps import near_days, respects_gap
from app.scheduling.planner import SalePlanner, plan
from app.scheduling.steps import Anchors, CustomerFacts, StepRule
from tests.app.scheduling.test_properties import calendars, sale_anchors, step_lists

facts = st.builds(
    CustomerFacts,
    preferred_channel=st.none() | st.sampled_from(Channel),
    # Mostly contactable: a blocked customer gets no items to compare.
    do_not_contact=st.sampled_from([False, False, False, True]),
    is_key=st.booleans(),
)
Sale = tuple[Anchors, CustomerFacts, list[date]]


@st.composite
def batches(draw: st.DrawFn) -> tuple[date, list[Sale]]:
    """Sales that share a few anchors and customers, with busy days near their dates."""
    pool = draw(st.lists(sale_anchors(), min_size=1, max_size=3))
    customers = draw(st.lists(facts, min_size=1, max_size=3))
    start = pool[0].closed_on
    near = st.integers(-5, 120).map(lambda n: start + timedelta(days=n))
    sales = draw(
        st.lists(
            st.tuples(
                st.sampled_from(pool), st.sampled_from(customers), st.lists(near, max_size=6)
            ),
            min_size=1,
            max_size=8,
        )
    )
    return start + timedelta(days=draw(st.integers(-5, 30))), sales


@settings(max_examples=80, deadline=None)
@given(step_lists(), calendars, batches(), st.integers(0, 4), st.none() | st.integers(0, 400))
def test_sale_planner_gives_what_plan_gives(
    steps: list[StepRule],
    calendar: WorkCalendar,
    batch: tuple[date, list[Sale]],
    min_gap_days: int,
    horizon_days: int | None,
) -> None:
    today, sales = batch
    horizon = None if horizon_days is None else today + timedelta(days=horizon_days)
    planner = SalePlanner(steps, calendar, today, min_gap_days=min_gap_days, horizon=horizon)
    for anchors, customer, busy in sales:
        expected = plan(
            steps,
            anchors,
            calendar,
            today,
            customer,
            busy_dates=busy,
            min_gap_days=min_gap_days,
            horizon=horizon,
        )
        assert planner.plan(anchors, customer, busy_dates=busy) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.dates(date(2026, 1, 1), date(2026, 3, 1)),
    st.lists(st.none() | st.dates(date(2026, 1, 1), date(2026, 3, 1)), max_size=6),
    st.integers(0, 6),
)
def test_near_days_are_the_days_that_break_the_gap(
    day: date, days: list[date | None], min_gap_days: int
) -> None:
    taken = [other for other in days if other is not None]
    assert (day in near_days(days, min_gap_days)) == (not respects_gap(day, taken, min_gap_days))


def test_near_days_stop_at_the_ends_of_the_calendar() -> None:
    assert near_days([date.max], 2) == {date.max - timedelta(days=1), date.max}
    assert near_days([date.min, None], 2) == {date.min, date.min + timedelta(days=1)}


@settings(max_examples=60, deadline=None)
@given(step_lists(), calendars, batches(), st.integers(0, 4))
def test_busy_dates_away_from_the_alone_plan_leave_it_as_it_is(
    steps: list[StepRule],
    calendar: WorkCalendar,
    batch: tuple[date, list[Sale]],
    min_gap_days: int,
) -> None:
    today, sales = batch
    planner = SalePlanner(steps, calendar, today, min_gap_days=min_gap_days)
    for anchors, customer, busy in sales:
        alone, near = planner.alone(anchors, customer)
        assert alone == plan(steps, anchors, calendar, today, customer, min_gap_days=min_gap_days)
        far = [day for day in busy if day not in near]
        assert planner.plan(anchors, customer, busy_dates=far) is alone
