"""Google Calendar: sign in once, a calendar of the app's own, the same two-way contract."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from app.context import AppContext
from app.dto.sync import AccountDTO, CloudAccountInput
from app.dto.touchpoints import TouchpointDTO
from app.sync.cloud_events import google_id
from tests.support.cloud_fixtures import Browser
from tests.support.google_standin import GoogleStandIn
from tests.support.identity_standin import GOOGLE_SCOPE, IdentityStandIn

BERLIN = ZoneInfo("Europe/Berlin")


def add_google(planner: AppContext, **changes: Any) -> AccountDTO:
    return planner.cloud_accounts.add(CloudAccountInput("google", **changes))


def test_signing_in_creates_the_apps_own_calendar_and_keeps_only_a_refresh_token(
    planner: AppContext, google: GoogleStandIn, identity: IdentityStandIn, browser: Browser
) -> None:
    account = add_google(planner)
    assert browser.errors == [] and len(browser.opened) == 1
    assert "code_challenge_method=S256" in browser.opened[0]
    assert GOOGLE_SCOPE.replace(":", "%3A").replace("/", "%2F") in browser.opened[0]
    assert (account.kind, account.calendar_name) == ("google", "Sales follow-ups")
    assert account.password_stored == "keyring"
    [calendar] = google.calendars.values()
    assert (calendar.summary, calendar.time_zone) == ("Sales follow-ups", "Europe/Berlin")
    exchange = next(r for r in identity.token_requests if r["grant_type"] == "authorization_code")
    assert exchange["code_verifier"] and exchange["redirect_uri"].startswith("http://127.0.0.1:")
    assert [a.id for a in planner.accounts.list()] == [account.id]


def test_first_sync_inserts_one_event_per_follow_up_with_an_id_from_its_uid(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser
) -> None:
    account = add_google(planner)
    report = planner.calendar_sync.sync()
    assert (report.created, report.errors) == (len(planned), ())
    events = google.live(account.calendar_url)
    assert set(events) == {google_id(t.uid) for t in planned}
    for item in planned:
        event = events[google_id(item.uid)]
        private = event["extendedProperties"]["private"]
        assert private["followupTouchpoint"] == str(item.id)
        revision = str(planner.touchpoints.get(item.id).sequence)
        assert private["followupUid"] == item.uid and private["followupRevision"] == revision
        assert event["summary"] == item.title
        if item.all_day:
            assert event["start"] == {"date": item.due_date.isoformat()}
        else:
            assert item.due_at is not None
            shown = dt.datetime.fromisoformat(event["start"]["dateTime"])
            assert shown == item.due_at and event["start"]["timeZone"] == "Europe/Berlin"
    assert planner.accounts.get(account.id).last_error == ""


def test_a_resync_with_nothing_changed_is_one_request(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser
) -> None:
    add_google(planner)
    planner.calendar_sync.sync()
    before = len(google.log)
    report = planner.calendar_sync.sync()
    assert (report.created, report.updated, report.deleted, report.pulled) == (0, 0, 0, 0)
    assert [(r.method, "syncToken" in r.query) for r in google.log[before:]] == [("GET", True)]
