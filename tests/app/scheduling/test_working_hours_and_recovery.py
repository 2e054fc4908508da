"""Working-hour deadlines and the recovery plan's timing, on a Bavarian calendar."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.scheduling.calendar import WorkCalendar
from app.scheduling.recovery import CHECKLIST, recovery_plan, step_code
from app.scheduling.working_hours import add_working_hours

BERLIN = ZoneInfo("Europe/Berlin")
BAVARIA = WorkCalendar(holiday_region="DE-BY")
NINE, FIVE = dt.time(9), dt.time(17)


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
    assert add_working_hours(start, hours, BAVARIA, NINE, FIVE, BERLIN) == due


def test_working_hours_keep_wall_clock_across_daylight_saving() -> None:
    start = dt.datetime(2026, 3, 27, 16, 0, tzinfo=BERLIN)  # Friday before the change
    due = add_working_hours(start, 2, BAVARIA, NINE, FIVE, BERLIN)
    assert due == dt.datetime(2026, 3, 30, 10, 0, tzinfo=BERLIN)
    assert due.utcoffset() == dt.timedelta(hours=2)


def test_working_hours_refuse_an_inverted_day() -> None:
    with pytest.raises(ValueError, match="after they start"):
        add_working_hours(at(20, 9), 1, BAVARIA, FIVE, NINE, BERLIN)


def steps_by_code(now: dt.datetime) -> dict[str, tuple[dt.date, dt.time | None]]:
    plan = recovery_plan(now, BAVARIA, NINE, FIVE)
    return {step.code: (step.day, step.time_of_day) for step in plan}


def test_recovery_on_friday_morning_warns_everyone_on_friday_and_documents_after_the_call() -> None:
    steps = steps_by_code(at(20, 9, 5).replace(tzinfo=None))
    friday = dt.date(2026, 11, 20)
    assert steps["find_out"] == (friday, None) and steps["options"] == (friday, None)
    assert steps["manager"] == (friday, dt.time(9, 15))
    assert steps["call"] == (friday, dt.time(9, 45))
    assert steps["document"] == (friday, dt.time(10, 45))
    assert steps["review"] == (dt.date(2026, 11, 25), None)


def test_recovery_late_on_friday_documents_first_thing_monday() -> None:
    steps = steps_by_code(at(20, 16, 40).replace(tzinfo=None))
    friday = dt.date(2026, 11, 20)
    assert steps["manager"] == (friday, dt.time(16, 45))
    assert steps["call"] == (friday, dt.time(17, 15))
    assert steps["document"] == (dt.date(2026, 11, 23), NINE)


def test_recovery_near_midnight_keeps_manager_and_call_today_in_order() -> None:
    steps = steps_by_code(at(20, 23, 50).replace(tzinfo=None))
    friday = dt.date(2026, 11, 20)
    manager, call = steps["manager"], steps["call"]
    assert manager[0] == call[0] == friday
    assert manager[1] is not None and call[1] is not None and manager[1] < call[1]
    assert steps["document"] == (dt.date(2026, 11, 23), NINE)


def test_recovery_on_sunday_acts_today_and_documents_on_the_next_working_day() -> None:
    steps = steps_by_code(at(22, 8).replace(tzinfo=None))
    assert steps["manager"] == (dt.date(2026, 11, 22), dt.time(8, 0))
    assert steps["document"] == (dt.date(2026, 11, 23), NINE)


def test_checklist_follows_the_practice_and_steps_are_recognised_by_text() -> None:
    codes = [item.code for item in CHECKLIST]
    assert codes == ["find_out", "options", "manager", "call", "comfort", "apologise",
                     "compensate", "document", "review"]  # fmt: skip
    for step in recovery_plan(at(20, 9).replace(tzinfo=None), BAVARIA, NINE, FIVE):
        assert step_code(step.text) == step.code
    assert step_code("Something else") is None
