"""Push: one object per follow-up, the export's content; idempotent; updates and removals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import vobject
from icalendar import Calendar

from app.context import AppContext
from app.dto.customers import CustomerInput
from app.dto.exports import IcsExportRequest
from app.dto.touchpoints import TouchpointDTO
from app.sync.http import DavHttp
from app.sync.remote import RemoteCalendar
from tests.support.caldav_fixtures import CalendarApp, add_account
from tests.support.radicale_server import RadicaleServer

VEVENT = re.compile(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", re.DOTALL)


def requests_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every HTTP method the sync sends, in order."""
    sent: list[str] = []
    original = DavHttp.request

    def counting(self: DavHttp, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        sent.append(method)
        return original(self, method, url, *args, **kwargs)

    monkeypatch.setattr(DavHttp, "request", counting)
    return sent


def test_first_sync_puts_each_follow_up_as_its_own_event_with_the_export_content(
    planner: AppContext,
    planned: list[TouchpointDTO],
    radicale: RadicaleServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = add_account(planner, radicale)
    sent: list[bytes] = []
    original = RemoteCalendar.put
    monkeypatch.setattr(
        RemoteCalendar,
        "put",
        lambda self, path, data, **kw: sent.append(data) or original(self, path, data, **kw),
    )
    report = planner.calendar_sync.sync()
    assert (report.created, report.updated, report.deleted, report.pulled) == (
        len(planned),
        0,
        0,
        0,
    )
    assert report.errors == ()
    export = planner.calendar_export.export_ics(IcsExportRequest(folder=tmp_path))
    exported = export.files[0].read_bytes()
    assert {m.group(0) for m in VEVENT.finditer(exported)} == {
        VEVENT.search(data).group(0)
        for data in sent  # type: ignore[union-attr]
    }
    for data in sent:
        assert b"METHOD:" not in data  # RFC 4791: not in a calendar collection
        assert data.count(b"BEGIN:VEVENT") == 1 and b"BEGIN:VTIMEZONE" in data
        assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
        Calendar.from_ical(data)  # both parsers calendars use read it
        vobject.readOne(data.decode())
    # What the server keeps (it re-serialises) still says the same thing.
    stored = CalendarApp(account.calendar_url).events()
    wanted = {str(e["uid"]): e for e in Calendar.from_ical(exported).walk("VEVENT")}
    assert stored.keys() == wanted.keys() == {item.uid for item in planned}
    for uid, event in stored.items():
        assert props(event) == props(wanted[uid])


def props(component: Any) -> list[tuple[str, bytes]]:
    """Every property of an event and its alarm, as iCalendar text (order aside)."""
    return sorted(
        (name, value if isinstance(value, bytes) else value.to_ical())
        for name, value in component.property_items(recursive=True)
    )


def test_a_second_sync_with_nothing_changed_does_nothing_in_one_request(
    planner: AppContext,
    planned: list[TouchpointDTO],
    radicale: RadicaleServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_account(planner, radicale)
    planner.calendar_sync.sync()
    sent = requests_made(monkeypatch)
    report = planner.calendar_sync.sync()
    assert (report.created, report.updated, report.deleted, report.pulled) == (0, 0, 0, 0)
    assert sent == ["PROPFIND"]  # the calendar's sync-token is unchanged: nothing to read
    assert planner.accounts.list()[0].last_error == ""


def test_changes_update_with_a_higher_sequence_and_done_or_skipped_ones_leave(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    account = add_account(planner, radicale)
    planner.calendar_sync.sync()
    call = next(item for item in planned if item.kind == "delivery_check")
    moved = planner.touchpoints.snooze(call.id, days=2)
    done = planner.touchpoints.done(planned[0].id, note="Sent")
    skipped = planner.touchpoints.skip(planned[2].id, reason="No need")
    report = planner.calendar_sync.sync()
    assert (report.updated, report.deleted, report.created) == (1, 2, 0)
    events = CalendarApp(account.calendar_url).events()
    assert done.uid not in events and skipped.uid not in events
    event = events[call.uid]
    assert int(event["sequence"]) == moved.sequence == 1
    assert event["dtstart"].dt == moved.due_at
    again = planner.calendar_sync.sync()
    assert (again.created, again.updated, again.deleted) == (0, 0, 0)


def test_keep_done_keeps_done_follow_ups_in_the_calendar_marked_done(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    account = add_account(planner, radicale, keep_done=True)
    planner.calendar_sync.sync()
    done = planner.touchpoints.done(planned[0].id, note="Sent")
    planner.touchpoints.skip(planned[1].id, reason="No need")
    report = planner.calendar_sync.sync()
    assert (report.updated, report.deleted) == (1, 1)
    event = CalendarApp(account.calendar_url).events()[done.uid]
    assert str(event["summary"]).startswith("Done: ") and int(event["sequence"]) == 1
    assert str(event["transp"]) == "TRANSPARENT" and not event.walk("VALARM")


def test_a_customer_in_the_trash_leaves_the_calendar_and_comes_back_when_restored(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    account = add_account(planner, radicale)
    planner.calendar_sync.sync()
    planner.customers.delete(planned[0].customer_id)
    assert planner.calendar_sync.sync().deleted == len(planned)
    assert CalendarApp(account.calendar_url).events() == {}
    planner.customers.restore(planned[0].customer_id)
    assert planner.calendar_sync.sync().created == len(planned)
    assert len(CalendarApp(account.calendar_url).events()) == len(planned)


def test_do_not_contact_takes_every_follow_up_off_the_calendar_until_it_is_lifted(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    account = add_account(planner, radicale)
    planner.calendar_sync.sync()
    ana = planner.customers.get(planned[0].customer_id)
    quiet = CustomerInput(name=ana.name, email=ana.email, do_not_contact=True)
    planner.customers.update(ana.id, quiet)
    assert planner.calendar_sync.sync().deleted == len(planned)
    assert CalendarApp(account.calendar_url).events() == {}
    planner.customers.update(ana.id, dataclasses.replace(quiet, do_not_contact=False))
    assert planner.calendar_sync.sync().created == len(planned)
    assert set(CalendarApp(account.calendar_url).events()) == {item.uid for item in planned}


def test_all_day_and_timed_events_keep_their_shape(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    account = add_account(planner, radicale)
    planner.calendar_sync.sync()
    events = CalendarApp(account.calendar_url).events()
    for item in planned:
        start, end = events[item.uid]["dtstart"].dt, events[item.uid]["dtend"].dt
        if item.all_day:
            assert not isinstance(start, dt.datetime) and end == start + dt.timedelta(days=1)
        else:
            assert start == item.due_at and str(start.tzinfo) == "Europe/Berlin"


def test_a_renamed_customer_reaches_the_calendar_with_a_higher_sequence(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    account = add_account(planner, radicale)
    planner.calendar_sync.sync()
    before = CalendarApp(account.calendar_url).events()
    ana = planner.customers.get(planned[0].customer_id)
    planner.customers.update(ana.id, dataclasses.replace(ana.as_input(), name="Ana Costa"))
    report = planner.calendar_sync.sync()
    assert report.updated == len(before) and report.created == report.deleted == 0
    after = CalendarApp(account.calendar_url).events()
    for uid, event in before.items():
        assert "Ana Costa" in str(after[uid]["summary"])
        assert int(after[uid]["sequence"]) == int(event["sequence"]) + 1
    again = planner.calendar_sync.sync()
    assert (again.created, again.updated, again.deleted) == (0, 0, 0)
