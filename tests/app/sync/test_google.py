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
from tests.support.identity_standin import GOOGLE_CLIENT, GOOGLE_SCOPE, IdentityStandIn

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
    exchange = next(
        r for r in reversed(identity.token_requests)
        if r["grant_type"] == "authorization_code" and r["client_id"] == GOOGLE_CLIENT
    )  # fmt: skip
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


def synced(planner: AppContext) -> AccountDTO:
    account = add_google(planner)
    assert planner.calendar_sync.sync().errors == ()
    return account


def berlin(moment: dt.datetime) -> dict[str, str]:
    return {"dateTime": moment.isoformat(), "timeZone": "Europe/Berlin"}


def test_moved_in_google_calendar_is_rescheduled_here_and_deleted_is_skipped(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser
) -> None:
    account = synced(planner)
    call = next(item for item in planned if item.kind == "delivery_check")
    start = dt.datetime(2026, 12, 9, 14, 30, tzinfo=BERLIN)
    google.move(account.calendar_url, google_id(call.uid), berlin(start),
                berlin(start + dt.timedelta(minutes=15)), dt.datetime.now(dt.UTC))  # fmt: skip
    report = planner.calendar_sync.sync()
    # The thank-you follows too: its letter names the day of the call.
    assert (report.pulled, report.created, report.updated, report.errors) == (1, 0, 1, ())
    moved = planner.touchpoints.get(call.id)
    assert moved.due_at == dt.datetime(2026, 12, 9, 13, 30, tzinfo=dt.UTC) and moved.pinned
    other = next(item for item in planned if item.kind == "thank_you")
    google.delete_event(account.calendar_url, google_id(other.uid))
    report = planner.calendar_sync.sync()
    # (A skipped step may re-date a later one: that one is updated, not created.)
    assert (report.pulled, report.created, report.deleted, report.errors) == (1, 0, 0, ())
    gone = planner.touchpoints.get(other.id)
    assert (gone.status, gone.skip_reason) == ("skipped", "deleted in calendar")
    again = planner.calendar_sync.sync()
    assert (again.pulled, again.updated, again.created, again.deleted) == (0, 0, 0, 0)


def test_deleted_in_google_waits_for_the_window_and_put_back_gets_a_fresh_id(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser
) -> None:
    account = synced(planner)
    google.delete_event(account.calendar_url, google_id(planned[1].uid))
    report = planner.calendar_sync.sync(ask=True)
    assert report.awaiting == (planned[1].id,)
    planner.calendar_sync.resolve_deleted([planned[1].id], skip=False)
    report = planner.calendar_sync.sync(ask=True)
    # Google keeps the deleted event under its id (409): the event comes back under another.
    assert (report.created, report.errors) == (1, ())
    live = google.live(account.calendar_url)
    assert len(live) == len(planned)
    back = [e for e in live.values() if e["extendedProperties"]["private"]["followupUid"]
            == planned[1].uid]  # fmt: skip
    assert len(back) == 1 and back[0]["id"] != google_id(planned[1].uid)


def test_both_sides_changed_the_newer_wins_and_the_other_is_in_the_history(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser
) -> None:
    account = synced(planner)
    call = next(item for item in planned if item.kind == "delivery_check")
    here = planner.touchpoints.reschedule(call.id, dt.date(2026, 12, 8), dt.time(11, 0))
    assert here.updated_at is not None
    start = dt.datetime(2026, 12, 10, 16, 0, tzinfo=BERLIN)
    google.move(account.calendar_url, google_id(call.uid), berlin(start),
                berlin(start + dt.timedelta(minutes=15)),
                here.updated_at - dt.timedelta(minutes=5))  # fmt: skip
    report = planner.calendar_sync.sync()
    assert (report.pulled, report.updated, report.errors) == (0, 2, ())  # + the thank-you letter
    event = google.live(account.calendar_url)[google_id(call.uid)]
    assert dt.datetime.fromisoformat(event["start"]["dateTime"]) == here.due_at
    history = " | ".join(e.change for e in planner.calendar_sync.history(call.id))
    assert "2026-12-10 16:00 in the calendar; the planner's later change" in history


def test_a_crash_after_an_insert_is_finished_without_a_duplicate(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser,
    monkeypatch: Any,
) -> None:  # fmt: skip
    import pytest

    from app.rules import sync_push

    account = add_google(planner)
    original = sync_push.repo.record_pushed

    def crash(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("power cut between the batch of creates and the commit")

    monkeypatch.setattr(sync_push.repo, "record_pushed", crash)
    with pytest.raises(RuntimeError):
        planner.calendar_sync.sync()
    assert len(google.live(account.calendar_url)) == len(planned)  # all created, none recorded
    monkeypatch.setattr(sync_push.repo, "record_pushed", original)
    report = planner.calendar_sync.sync()
    # Every insert again finds its id (409) and adopts the event: nothing twice.
    assert report.errors == () and report.created == len(planned)
    assert google.count("POST", "/events") == 2 * len(planned)
    assert len(google.live(account.calendar_url)) == len(planned)
    assert planner.calendar_sync.sync().created == 0


def test_a_forgotten_sync_token_means_a_full_listing_and_nothing_lost(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser
) -> None:
    account = synced(planner)
    google.page_size = 3  # several pages
    google.forget_sync_tokens()
    google.delete_event(account.calendar_url, google_id(planned[2].uid))
    report = planner.calendar_sync.sync()
    assert (report.pulled, report.errors) == (1, ())
    gone = [r for r in google.log if r.query.get("syncToken")]
    assert gone  # the 410, then the listing without a token, page by page
    assert planner.touchpoints.get(planned[2].id).skip_reason == "deleted in calendar"
    assert len(google.live(account.calendar_url)) == len(planned) - 1
