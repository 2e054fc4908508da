"""Pytest fixtures for calendar sync: a Radicale server, and a calendar app acting on it."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.context import AppContext
from app.dto.sync import AccountDTO, AccountInput
from tests.support.radicale_server import PASSWORD, USER, RadicaleServer

SECRET_SERVICE = os.environ.get("FOLLOWUP_SECRET_SERVICE") == "1"
needs_secret_service = pytest.mark.skipif(
    not SECRET_SERVICE,
    reason="no Secret Service: run through tests/support/with_services.py with dbus-run-session "
    "and gnome-keyring-daemon installed (python3 make.py test does)",
)


@pytest.fixture(scope="session", name="radicale")
def radicale_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RadicaleServer]:
    """One server for the session; every test works in a calendar of its own."""
    with RadicaleServer(tmp_path_factory.mktemp("radicale")) as server:
        yield server


def add_account(context: AppContext, server: RadicaleServer, **changes: Any) -> AccountDTO:
    """An account on a fresh calendar of its own (tests never share a calendar)."""
    fields: dict[str, Any] = {
        "url": server.url,
        "username": USER,
        "password": PASSWORD,
        "calendar_name": f"Follow-ups {uuid.uuid4().hex[:8]}",
    }
    fields.update(changes)
    return context.accounts.add(AccountInput(**fields))


class CalendarApp:
    """The salesperson's calendar app: another CalDAV client (the caldav library)."""

    def __init__(self, calendar_url: str, password: str = PASSWORD) -> None:
        from caldav.collection import Calendar
        from caldav.davclient import DAVClient

        self.client = DAVClient(url=calendar_url, username=USER, password=password)
        self.calendar = Calendar(client=self.client, url=calendar_url)

    def events(self) -> dict[str, Any]:
        """UID -> VEVENT (icalendar) of everything in the calendar."""
        found = {}
        for event in self.calendar.get_events():
            component = event.icalendar_component
            found[str(component["uid"])] = component
        return found

    def raw(self) -> list[bytes]:
        return [event.data.encode() for event in self.calendar.get_events()]

    def move(self, uid: str, start: dt.datetime | dt.date, changed_at: dt.datetime) -> None:
        """Drag the event to `start`, keeping its length, as a calendar app does."""
        event = self.calendar.get_event_by_uid(uid)
        with event.edit_icalendar_component() as component:
            length = component["dtend"].dt - component["dtstart"].dt
            for name in ("dtstart", "dtend", "last-modified", "dtstamp"):
                component.pop(name, None)
            component.add("dtstart", start)
            component.add("dtend", start + length)
            component.add("last-modified", changed_at)
            component.add("dtstamp", changed_at)
        event.save()

    def delete(self, uid: str) -> None:
        self.calendar.get_event_by_uid(uid).delete()

    def put_raw(self, name: str, data: bytes) -> None:
        url = str(self.calendar.url) + name
        reply = self.client.put(url, data.decode(), {"Content-Type": "text/calendar"})
        assert reply.status in (201, 204), reply.status


def real_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def read_files(*paths: Path) -> bytes:
    return b"".join(path.read_bytes() for path in paths if path.exists())
