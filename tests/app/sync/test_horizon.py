"""The calendars get the planning horizon (six months by default) and every overdue follow-up."""

from __future__ import annotations

import datetime as dt

from app.context import AppContext
from app.dto.touchpoints import TouchpointDTO
from app.preferences import Preferences
from tests.support.caldav_fixtures import CalendarApp, add_account
from tests.support.radicale_server import RadicaleServer


def test_six_months_ahead_by_default_then_more_or_fewer_as_the_setting_says(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    assert Preferences().calendar_months == 6
    planner.settings.set_many({"calendar_months": "6"})
    today = dt.date(2026, 11, 23)
    near = {t.uid for t in planned if t.due_date <= dt.date(2027, 5, 23)}
    assert near and len(near) < len(planned)  # the July check-in is further out
    account = add_account(planner, radicale)
    assert planner.calendar_sync.sync().created == len(near)
    app = CalendarApp(account.calendar_url)
    assert set(app.events()) == near
    planner.settings.set_many({"calendar_months": "12"})
    assert planner.calendar_sync.sync().created == len(planned) - len(near)
    assert set(app.events()) == {t.uid for t in planned}
    planner.settings.set_many({"calendar_months": "1"})
    report = planner.calendar_sync.sync()
    soon = {t.uid for t in planned if t.due_date <= dt.date(2026, 12, 23)}
    assert report.deleted == len(planned) - len(soon) and set(app.events()) == soon
    assert all(t.status == "planned" for t in planner.agenda.touchpoints())  # only the calendar
    assert today < dt.date(2026, 12, 23)


def test_overdue_follow_ups_stay_in_the_calendar_however_old(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    from tests.conftest import PINNED_NOW

    planner.settings.set_many({"calendar_months": "1"})
    account = add_account(planner, radicale)
    planner.calendar_sync.sync()
    later = PINNED_NOW + dt.timedelta(days=200)  # every follow-up is overdue by then
    planner.clock.set(later)  # type: ignore[attr-defined]
    planner.calendar_sync.sync()
    overdue = {t.uid for t in planned if t.due_date < later.date()}
    assert len(overdue) >= len(planned) - 1
    assert overdue <= set(CalendarApp(account.calendar_url).events())
