"""Pull: moves made in the calendar reschedule, deletions skip (or wait), the newer change wins."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.context import AppContext
from app.dto.touchpoints import TouchpointDTO
from tests.support.caldav_fixtures import CalendarApp, add_account, real_now
from tests.support.radicale_server import RadicaleServer

BERLIN = ZoneInfo("Europe/Berlin")


def synced(planner: AppContext, radicale: RadicaleServer, **changes: object) -> CalendarApp:
    account = add_account(planner, radicale, **changes)
    planner.calendar_sync.sync()
    return CalendarApp(account.calendar_url)


def test_a_follow_up_dragged_in_the_calendar_is_rescheduled_and_pinned(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    app = synced(planner, radicale)
    call = next(item for item in planned if item.kind == "delivery_check")
    app.move(call.uid, dt.datetime(2026, 12, 9, 14, 30, tzinfo=BERLIN), real_now())
    report = planner.calendar_sync.sync()
    # The thank-you follows: its letter names the day of the call, which the calendar moved.
    assert (report.pulled, report.created, report.updated, report.deleted) == (1, 0, 1, 0)
    thank_you = next(item for item in planned if item.kind == "thank_you")
    assert "On 9 Dec 2026 I will call you" in str(app.events()[thank_you.uid]["description"])
    moved = planner.touchpoints.get(call.id)
    assert moved.due_at == dt.datetime(2026, 12, 9, 13, 30, tzinfo=dt.UTC)
    assert moved.due_date == dt.date(2026, 12, 9)
    assert moved.pinned and moved.sequence == call.sequence + 1
    history = planner.calendar_sync.history(call.id)
    assert [entry.source for entry in history] == ["calendar"]
    assert "2026-12-09 14:30" in history[0].change and "2026-12-07 10:00" in history[0].change
    again = planner.calendar_sync.sync()
    assert (again.pulled, again.updated, again.created) == (0, 0, 0)  # settled, no echo


def test_an_all_day_follow_up_moved_to_another_day(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    app = synced(planner, radicale)
    letter = next(item for item in planned if item.all_day and item.kind == "feedback")
    app.move(letter.uid, dt.date(2027, 1, 12), real_now())
    assert planner.calendar_sync.sync().pulled == 1
    moved = planner.touchpoints.get(letter.id)
    assert (moved.due_date, moved.due_at, moved.pinned) == (dt.date(2027, 1, 12), None, True)


def test_deleted_in_the_calendar_is_skipped_on_the_command_line(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    app = synced(planner, radicale)
    app.delete(planned[1].uid)
    report = planner.calendar_sync.sync()
    assert (report.pulled, report.created, report.deleted) == (1, 0, 0)
    gone = planner.touchpoints.get(planned[1].id)
    assert (gone.status, gone.skip_reason) == ("skipped", "deleted in calendar")
    assert planned[1].uid not in app.events()  # not put back


def test_deleted_in_the_calendar_waits_for_the_window_to_ask(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    app = synced(planner, radicale)
    app.delete(planned[1].uid)
    app.delete(planned[2].uid)
    report = planner.calendar_sync.sync(ask=True)
    assert sorted(report.awaiting) == [planned[1].id, planned[2].id] and report.pulled == 0
    assert planner.touchpoints.get(planned[1].id).status == "planned"
    assert [item.id for item in planner.calendar_sync.awaiting()] == [planned[1].id, planned[2].id]
    assert planner.calendar_sync.resolve_deleted([planned[1].id], skip=False) == 1
    assert planner.calendar_sync.resolve_deleted([planned[2].id], skip=True) == 1
    report = planner.calendar_sync.sync(ask=True)
    assert report.awaiting == () and report.created == 1  # the kept one is back
    assert planned[1].uid in app.events() and planned[2].uid not in app.events()
    assert planner.touchpoints.get(planned[2].id).skip_reason == "deleted in calendar"


@pytest.mark.parametrize("calendar_is_newer", [True, False])
def test_when_both_sides_changed_the_newer_change_wins_and_the_other_is_noted(
    planner: AppContext,
    planned: list[TouchpointDTO],
    radicale: RadicaleServer,
    calendar_is_newer: bool,
) -> None:
    app = synced(planner, radicale)
    call = next(item for item in planned if item.kind == "delivery_check")
    here = planner.touchpoints.reschedule(call.id, dt.date(2026, 12, 8), dt.time(11, 0))
    assert here.updated_at is not None
    stamp = here.updated_at + dt.timedelta(minutes=5 if calendar_is_newer else -5)
    app.move(call.uid, dt.datetime(2026, 12, 10, 16, 0, tzinfo=BERLIN), stamp)
    report = planner.calendar_sync.sync()
    now = planner.touchpoints.get(call.id)
    event = app.events()[call.uid]
    history = " | ".join(entry.change for entry in planner.calendar_sync.history(call.id))
    if calendar_is_newer:
        assert report.pulled == 1 and report.updated == 1  # + the thank-you letter
        assert now.due_at == dt.datetime(2026, 12, 10, 15, 0, tzinfo=dt.UTC)
        assert "planner's change to 2026-12-08 11:00 was replaced" in history
    else:
        assert report.pulled == 0 and report.updated == 2  # + the thank-you letter
        assert now.due_at == dt.datetime(2026, 12, 8, 10, 0, tzinfo=dt.UTC)
        assert event["dtstart"].dt == now.due_at and int(event["sequence"]) == now.sequence
        assert "2026-12-10 16:00 in the calendar; the planner's later change" in history
    again = planner.calendar_sync.sync()
    assert (again.pulled, again.updated, again.created, again.deleted) == (0, 0, 0, 0)


def test_an_edit_that_keeps_the_time_changes_nothing_here(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    app = synced(planner, radicale)
    call = next(item for item in planned if item.kind == "delivery_check")
    assert call.due_at is not None
    app.move(call.uid, call.due_at.astimezone(BERLIN), real_now())  # e.g. a title edit
    report = planner.calendar_sync.sync()
    assert (report.pulled, report.updated) == (0, 0)
    assert planner.touchpoints.get(call.id).sequence == call.sequence


def test_a_move_the_pull_missed_is_caught_by_the_precondition(
    planner: AppContext,
    planned: list[TouchpointDTO],
    radicale: RadicaleServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The calendar changes between our read and our write: If-Match refuses (412)."""
    from app.sync.remote import Changes, RemoteCalendar

    app = synced(planner, radicale)
    call = next(item for item in planned if item.kind == "delivery_check")
    here = planner.touchpoints.snooze(call.id, days=1)
    assert here.updated_at is not None
    app.move(call.uid, dt.datetime(2026, 12, 11, 9, 0, tzinfo=BERLIN), here.updated_at)
    monkeypatch.setattr(RemoteCalendar, "changes", lambda self, token: Changes(token))
    report = planner.calendar_sync.sync()
    # The planner's change is newer; the thank-you, whose letter names the call's day, follows.
    assert report.errors == () and report.updated == 2
    assert app.events()[call.uid]["dtstart"].dt == planner.touchpoints.get(call.id).due_at
    assert "planner's later change" in planner.calendar_sync.history(call.id)[0].change


FOREIGN = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//App//EN\r\nBEGIN:VEVENT\r\n"
    b"UID:dentist-123@other.example\r\nDTSTAMP:20261120T080000Z\r\n"
    b"DTSTART:20261202T080000Z\r\nDTEND:20261202T090000Z\r\nSUMMARY:Dentist\r\n"
    b"END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_the_salespersons_own_events_in_the_calendar_are_left_alone(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    app = synced(planner, radicale)
    app.put_raw("dentist.ics", FOREIGN)
    planner.touchpoints.done(planned[0].id)
    report = planner.calendar_sync.sync()
    assert (report.pulled, report.deleted, report.errors) == (0, 1, ())
    assert "dentist-123@other.example" in app.events()
    assert len(planner.agenda.touchpoints()) == len(planned) - 1


def test_an_emptied_calendar_skips_nothing_and_says_why(
    planner: AppContext,
    planned: list[TouchpointDTO],
    radicale: RadicaleServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.sync.remote import Changes, RemoteCalendar

    synced(planner, radicale)
    # The server lost our token and lists nothing: a wiped or replaced calendar.
    monkeypatch.setattr(RemoteCalendar, "state", lambda self: ("", "new-token"))
    monkeypatch.setattr(RemoteCalendar, "changes", lambda self, token: Changes("t", full=True))
    report = planner.calendar_sync.sync()
    assert f"is empty although {len(planned)} follow-ups were put there" in report.errors[0]
    assert len(planner.agenda.touchpoints()) == len(planned)
