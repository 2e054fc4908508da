"""Benchmark: first sync of 1,000 follow-ups to the Google and Graph stand-ins, and what a
no-change resync sends.

The floor is one bare create request per event (the same event bodies), over one keep-alive
session into a fresh calendar of the same stand-in: what the server and the wire cost with
no planner work and no batching (the sync batches, so it may beat its floor). Figure and
floor are timed alternately, ROUNDS times each, and the best of each is reported (the 2-core
machine's speed drifts during a run).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.clock import FixedClock
from app.context import build_context
from app.dto.sync import CloudAccountInput
from app.secrets import MemorySecretStore
from bench.figures import figure
from tests.support.sync_data import seed

CLOCK = FixedClock(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
TODAY = dt.date(2026, 11, 23)
CUSTOMERS = 125  # a won sale plans 8 follow-ups: 1,000 events
ROUNDS = 3


@contextlib.contextmanager
def _stand_ins(folder: Path) -> Iterator[dict[str, Any]]:
    """The identity, Google and Graph stand-ins, the app's environment pointed at them, and
    the browser played in-process."""
    import os
    import webbrowser

    from tests.support.cloud_fixtures import Browser
    from tests.support.google_standin import GoogleStandIn
    from tests.support.graph_standin import GraphStandIn
    from tests.support.identity_standin import (
        GOOGLE_CLIENT,
        GOOGLE_CLIENT_SECRET,
        MICROSOFT_CLIENT,
        IdentityStandIn,
    )
    from tests.support.tls import make_certificate

    cert = make_certificate(folder / "tls")
    saved_env = dict(os.environ)
    saved_browser = (webbrowser.open, webbrowser.get)
    browser = Browser(cert[0])
    with IdentityStandIn(cert) as identity:
        assert isinstance(identity, IdentityStandIn)
        with GoogleStandIn(identity) as google, GraphStandIn(identity) as graph:
            assert isinstance(google, GoogleStandIn) and isinstance(graph, GraphStandIn)
            os.environ.update(
                FOLLOWUP_GOOGLE_API=google.api,
                FOLLOWUP_GOOGLE_AUTH_URI=identity.google_auth_uri,
                FOLLOWUP_GOOGLE_TOKEN_URI=identity.google_token_uri,
                FOLLOWUP_GOOGLE_CLIENT_ID=GOOGLE_CLIENT,
                FOLLOWUP_GOOGLE_CLIENT_SECRET=GOOGLE_CLIENT_SECRET,
                FOLLOWUP_GRAPH_API=graph.api,
                FOLLOWUP_MICROSOFT_AUTHORITY=identity.microsoft_authority,
                FOLLOWUP_MICROSOFT_CLIENT_ID=MICROSOFT_CLIENT,
                REQUESTS_CA_BUNDLE=str(cert[0]),
            )
            webbrowser.open = browser.open  # type: ignore[assignment]
            webbrowser.get = lambda *_a, **_k: browser  # type: ignore[assignment,return-value]
            try:
                yield {"google": google, "microsoft": graph, "identity": identity}
            finally:
                webbrowser.open, webbrowser.get = saved_browser  # type: ignore[assignment]
                os.environ.clear()
                os.environ.update(saved_env)


def _bare(server: Any, identity: Any, kind: str, calendar: str) -> float:
    """Seconds to create the same events with one bare request each (no batching, no planner
    work) in a fresh calendar of the same stand-in, over one keep-alive session."""
    from urllib.parse import quote

    from caldav.lib.http_sync import requests

    provider = "google" if kind == "google" else "microsoft"
    token = next(t for t, who in identity.state.access.items() if who == provider)
    floor = "floor-" + calendar
    if kind == "google":
        from tests.support.google_standin import WRITABLE

        server.calendars[floor] = server.calendars[calendar].__class__("floor", "UTC")
        url = f"{server.api}/calendars/{quote(floor, safe='')}/events"
        bodies = [{"id": k, **{f: e[f] for f in WRITABLE if f in e}}
                  for k, e in server.live(calendar).items()]  # fmt: skip
    else:
        from tests.support.graph_standin import EVENT_FIELDS

        server.calendars[floor] = server.calendars[calendar].__class__("floor")
        url = f"{server.api}/me/calendars/{floor}/events"
        bodies = [{f: e[f] for f in EVENT_FIELDS if f in e} for e in server.live(calendar).values()]
        for number, body in enumerate(bodies):
            body["transactionId"] = f"floor-{number}"
            for key in ("start", "end"):  # as the app sends them: no fraction digits
                body[key] = {**body[key], "dateTime": body[key]["dateTime"][:19]}
            body["singleValueExtendedProperties"] = [
                {"id": "String {00020329-0000-0000-C000-000000000046} Name FollowUpPlannerUid",
                 "value": str(number)}
            ]  # fmt: skip
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}",
               "Content-Type": "application/json; charset=utf-8"}  # fmt: skip
    prepared = [json.dumps(body).encode() for body in bodies]
    started = time.perf_counter()
    for data in prepared:
        reply = session.post(url, data=data, headers=headers)
        if reply.status_code >= 300:
            raise RuntimeError(f"the floor's create answered {reply.status_code}: {reply.text}")
    seconds = time.perf_counter() - started
    session.close()
    return seconds


def _round(template: Path, folder: Path, kind: str, servers: dict[str, Any], number: int) -> Any:
    """One timed first sync (and its no-change resync) in a fresh copy of the planner."""
    db = folder / f"{kind}-{number}.sqlite3"
    shutil.copyfile(template, db)
    context = build_context(db, CLOCK, secrets=MemorySecretStore())
    try:
        account = context.cloud_accounts.add(CloudAccountInput(kind), say=lambda _t: None)
        started = time.perf_counter()
        first = context.calendar_sync.sync()
        seconds = time.perf_counter() - started
        planned = len(context.agenda.touchpoints())
        if first.errors or first.created != planned:
            raise RuntimeError(f"unexpected first sync: {first}")
        server = servers[kind]
        before = len(server.log)
        again = context.calendar_sync.sync()
        resync = len(server.log) - before
        if again.as_json() != {"created": 0, "updated": 0, "deleted": 0, "pulled": 0,
                               "errors": []}:  # fmt: skip
            raise RuntimeError(f"unexpected resync: {again}")
        floor = _bare(server, servers["identity"], kind, account.calendar_url)
        return seconds, floor, resync
    finally:
        context.close()


def run(customers: int = CUSTOMERS, rounds: int = ROUNDS) -> list[dict[str, Any]]:
    """Four figures; fewer customers and rounds make a quick smoke run (tests)."""
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = folder / "template.sqlite3"
        context = build_context(template, CLOCK, secrets=MemorySecretStore())
        try:
            seed(context, customers, TODAY)
            # Every planned follow-up (the default six months would leave the last out).
            context.settings.set_many({"calendar_months": "24"})
        finally:
            context.close()
        with _stand_ins(folder) as servers:
            for kind, prefix in (("google", "google"), ("microsoft", "graph")):
                results = [
                    _round(template, folder, kind, servers, number) for number in range(rounds)
                ]
                best = min(r[0] for r in results)
                floor = min(r[1] for r in results)
                figures.append(figure(f"{prefix}_first_sync_1k_s", best, "s", floor))
                figures.append(figure(f"{prefix}_resync_requests", results[-1][2], "requests"))
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
