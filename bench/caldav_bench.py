"""Benchmark: first CalDAV sync of 1,000 follow-ups to a local Radicale, and a no-change resync.

The floor is the same 1,000 calendar objects PUT one by one (If-None-Match, one keep-alive
session) into a fresh calendar on the same server: what the server costs with no planner work.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from app.clock import FixedClock
from app.context import build_context
from app.dto.sync import AccountInput
from app.secrets import MemorySecretStore
from app.sync.remote import RemoteCalendar
from bench.figures import figure
from tests.support.radicale_server import PASSWORD, USER, RadicaleServer
from tests.support.sync_data import seed

TODAY = dt.date(2026, 11, 23)
CLOCK = FixedClock(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
# A won sale plans 8 follow-ups: 125 customers make the 1,000 events.
CUSTOMERS = 125


def _raw_puts(server: RadicaleServer, objects: list[tuple[str, bytes]]) -> float:
    """Seconds to PUT the same objects into a new calendar with nothing else around them."""
    from caldav.lib.http_sync import requests

    session = requests.Session()
    session.auth = (USER, PASSWORD)
    calendar = f"{server.url}{USER}/floor/"
    assert session.request("MKCALENDAR", calendar).status_code == 201
    headers = {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"}
    started = time.perf_counter()
    for name, data in objects:
        reply = session.put(calendar + name, data=data, headers=headers)
        assert reply.status_code == 201, reply.status_code
    seconds = time.perf_counter() - started
    session.close()
    return seconds


def run(customers: int = CUSTOMERS) -> list[dict[str, Any]]:
    """The two figures; fewer customers make a quick smoke run (tests)."""
    with tempfile.TemporaryDirectory() as folder:
        context = build_context(Path(folder) / "bench.sqlite3", CLOCK, secrets=MemorySecretStore())
        sent: list[tuple[str, bytes]] = []
        original = RemoteCalendar.put

        def recording(self: RemoteCalendar, path: str, data: bytes, **kwargs: Any) -> Any:
            sent.append((path.rsplit("/", 1)[-1], data))
            return original(self, path, data, **kwargs)

        try:
            planned = seed(context, customers, TODAY)
            # Every planned follow-up, as before the planning horizon existed: the figure
            # stays comparable (the default six months leave the last check-ins out).
            context.settings.set_many({"calendar_months": "24"})
            with RadicaleServer(Path(folder) / "radicale") as server:
                context.accounts.add(
                    AccountInput(server.url, USER, PASSWORD, calendar_name="Bench")
                )
                RemoteCalendar.put = recording  # type: ignore[method-assign]
                started = time.perf_counter()
                first = context.calendar_sync.sync()
                first_s = time.perf_counter() - started
                RemoteCalendar.put = original  # type: ignore[method-assign]
                started = time.perf_counter()
                again = context.calendar_sync.sync()
                resync_s = time.perf_counter() - started
                if first.errors or first.created != planned or again.as_json() != {
                    "created": 0, "updated": 0, "deleted": 0, "pulled": 0, "errors": []
                }:  # fmt: skip
                    raise RuntimeError(f"unexpected sync result: {first} / {again}")
                floor_s = _raw_puts(server, sent)
        finally:
            RemoteCalendar.put = original  # type: ignore[method-assign]
            context.close()
    return [
        figure("caldav_first_sync_1k_s", first_s, "s", floor_s),
        figure("caldav_resync_s", resync_s, "s"),
    ]


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
