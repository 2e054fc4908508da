"""Working-hour deadlines and the recovery plan's timing, on a Bavarian calendar."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scheduling.calendar import WorkCalendar
from app.scheduling.recovery import CHECKLIST, recovery_plan, step_code
from app.scheduling.working_hours import add_working_hours

BERLIN = ZoneInfo("Europe/Berlin")
NINE, FIVE = dt.time(9), dt.time(17)
BAVARIA = WorkCalendar(holiday_region="DE-BY", work_start=NINE, work_end=FIVE)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        (at(20, 15), 4, at(23, 11)),  # Friday 15:00: 2 hours Friday, 2 on Monday
        (at(20, 9), 4, at(20, 13)),
        (at(20, 13), 4, at(20, 17)),  # ends exactly at closing time
        (at(21, 10), 4, at(23, 13)),  # Saturday: the clock starts Monday 09:00
        (at(20, 18), 1, at(23, 10)),  # after hours
        (at(20, 7), 2, at(20, 11)),  # before hours
        (at(23, 9), 20, at(25, 13)),  # 8 + 8 + 4
        (at(24, 12, month=12), 8, at(28, 12, month=12)),  # Christmas Day, then the weekend
    ],
)
def test_working_hours_skip_nights_weekends_and_holidays(
    start: dt.datetime, hours: int, due: dt.datetime
) -> None:
    assert add_working_hours(start, hours, BAVARIA, BERLIN) == due


def test_working_hours_keep_wall_clock_across_daylight_saving() -> None:
    start = dt.datetime(2026, 3, 27, 16, 0, tzinfo=BERLIN)  # Friday before the change
    due = add_working_hours(start, 2, BAVARIA, BERLIN)
    assert due == dt.datetime(2026, 3, 30, 10, 0, tzinfo=BERLIN)
    assert due.utcoffset() == dt.timedelta(hours=2)


def test_working_hours_refuse_an_inverted_day() -> None:
    with pytest.raises(ValueError, match="after they start"):
        WorkCalendar(work_start=FIVE, work_end=NINE)


def steps_by_code(now: dt.datetime) -> dict[str, tuple[dt.date, dt.time | None]]:
    plan = recovery_plan(now, BAVARIA)
    return {step.code: (step.day, step.time_of_day) for step in plan}


def test_recovery_on_friday_morning_warns_everyone_on_friday_and_documents_after_the_call() -> None:
    steps = steps_by_code(at(20, 9, 5).replace(tzinfo=None))
    friday = dt.date(2026, 11, 20)
    assert steps["find_out"] == (friday, None) and steps["options"] == (friday, None)
    assert steps["manager"] == (friday, dt.time(9, 15))
    assert steps["call"] == (friday, dt.time(9, 45))
    assert steps["document"] == (friday, dt.time(10, 45))
    assert steps["review"] == (dt.date(2026, 11, 25), None)


def test_recovery_late_on_friday_calls_first_thing_monday_not_after_hours() -> None:
    """Issue #16: working hours end at 17:00, so no call at 17:15."""
    steps = steps_by_code(at(20, 16, 40).replace(tzinfo=None))
    friday, monday = dt.date(2026, 11, 20), dt.date(2026, 11, 23)
    assert steps["manager"] == (friday, dt.time(16, 45))
    assert steps["call"] == (monday, NINE)
    assert steps["document"] == (monday, dt.time(10, 0))


def test_recovery_after_hours_waits_for_the_next_start_of_working_hours() -> None:
    """Issue #16: found at 17:05, the steps were at 17:15 and 17:45."""
    steps = steps_by_code(at(20, 17, 5).replace(tzinfo=None))
    friday, monday = dt.date(2026, 11, 20), dt.date(2026, 11, 23)
    assert steps["find_out"] == (friday, None) and steps["options"] == (friday, None)
    assert steps["manager"] == (monday, NINE)
    assert steps["call"] == (monday, dt.time(9, 30))
    assert steps["document"] == (monday, dt.time(10, 30))


def test_recovery_near_midnight_keeps_manager_call_and_e_mail_in_order() -> None:
    steps = steps_by_code(at(20, 23, 50).replace(tzinfo=None))
    monday = dt.date(2026, 11, 23)
    assert steps["manager"] == (monday, NINE)
    assert steps["call"] == (monday, dt.time(9, 30))
    assert steps["document"] == (monday, dt.time(10, 30))


def test_recovery_on_sunday_starts_on_the_next_working_day() -> None:
    steps = steps_by_code(at(22, 8).replace(tzinfo=None))
    monday = dt.date(2026, 11, 23)
    assert steps["find_out"] == (monday, None) and steps["options"] == (monday, None)
    assert steps["manager"] == (monday, NINE)
    assert steps["document"] == (monday, dt.time(10, 30))
    assert steps["review"] == (dt.date(2026, 11, 26), None)


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(dt.datetime(2026, 11, 1), dt.datetime(2027, 1, 31)),
    start=st.sampled_from([dt.time(7), NINE, dt.time(9, 30)]),
    length=st.sampled_from([dt.timedelta(hours=h) for h in (1, 4, 8, 10)]),
)
def test_every_timed_recovery_step_is_inside_working_hours_and_in_order(
    moment: dt.datetime, start: dt.time, length: dt.timedelta
) -> None:
    end = (dt.datetime.combine(dt.date.min, start) + length).time()
    calendar = WorkCalendar(holiday_region="DE-BY", work_start=start, work_end=end)
    plan = recovery_plan(moment, calendar)
    timed = [
        dt.datetime.combine(step.day, step.time_of_day)
        for step in plan
        if step.time_of_day is not None
    ]
    assert [step.code for step in plan if step.time_of_day] == ["manager", "call", "document"]
    assert timed == sorted(timed) and len(set(timed)) == 3
    for step in plan:
        assert calendar.is_working_day(step.day) and step.day >= moment.date()
        if step.time_of_day is not None:
            assert start <= step.time_of_day <= end


@pytest.mark.parametrize(
    ("day", "time", "expected"),
    [
        (dt.date(2026, 11, 20), dt.time(10), (dt.date(2026, 11, 20), dt.time(10))),
        (dt.date(2026, 11, 20), dt.time(17), (dt.date(2026, 11, 20), dt.time(17))),  # closing
        (dt.date(2026, 11, 20), dt.time(7, 30), (dt.date(2026, 11, 20), NINE)),  # too early
        (dt.date(2026, 11, 20), dt.time(17, 15), (dt.date(2026, 11, 23), NINE)),  # too late
        (dt.date(2026, 11, 21), dt.time(10), (dt.date(2026, 11, 23), NINE)),  # Saturday
        (dt.date(2026, 12, 24), dt.time(18), (dt.date(2026, 12, 28), NINE)),  # then holidays
    ],
)
def test_a_timed_follow_up_falls_inside_working_hours_on_a_working_day(
    day: dt.date, time: dt.time, expected: tuple[dt.date, dt.time]
) -> None:
    assert BAVARIA.working_moment(day, time) == expected


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(dt.datetime(2026, 11, 1), dt.datetime(2027, 1, 31)),
    hours=st.integers(1, 40),
)
def test_an_answer_by_time_is_always_inside_working_hours(start: dt.datetime, hours: int) -> None:
    due = add_working_hours(start.replace(tzinfo=BERLIN), hours, BAVARIA, BERLIN)
    assert BAVARIA.working_moment(due.date(), due.time().replace(tzinfo=None)) == (
        due.date(),
        due.time().replace(tzinfo=None),
    )


def test_checklist_follows_the_practice_and_steps_are_recognised_by_text() -> None:
    codes = [item.code for item in CHECKLIST]
    assert codes == ["find_out", "options", "manager", "call", "comfort", "apologise",
                     "compensate", "document", "review"]  # fmt: skip
    for step in recovery_plan(at(20, 9).replace(tzinfo=None), BAVARIA):
        assert step_code(step.text) == step.code
    assert step_code("Something else") is None
