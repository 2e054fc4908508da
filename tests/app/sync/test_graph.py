"""Microsoft 365 / Outlook.com through Graph: sign in once, a calendar of the app's own, the
same two-way contract as CalDAV and Google."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.context import AppContext
from app.dto.sync import AccountDTO, CloudAccountInput
from app.dto.touchpoints import TouchpointDTO
from app.sync.cloud_events import GRAPH_UID_PROPERTY
from tests.support.cloud_fixtures import Browser
from tests.support.graph_standin import GraphStandIn
from tests.support.identity_standin import GRAPH_SCOPE, MICROSOFT_CLIENT, USER, IdentityStandIn

BERLIN = ZoneInfo("Europe/Berlin")


def add_microsoft(planner: AppContext, **changes: Any) -> AccountDTO:
    return planner.cloud_accounts.add(CloudAccountInput("microsoft", **changes))


def by_uid(graph: GraphStandIn, account: AccountDTO) -> dict[str, dict[str, Any]]:
    return {
        e["singleValueExtendedProperties"][0]["value"]: e
        for e in graph.live(account.calendar_url).values()
    }


def test_signing_in_in_the_browser_finds_or_makes_the_calendar(
    planner: AppContext, graph: GraphStandIn, identity: IdentityStandIn, browser: Browser
) -> None:
    account = add_microsoft(planner)
    assert browser.errors == [] and "code_challenge_method=S256" in browser.opened[0]
    assert (account.kind, account.username, account.password_stored) == (
        "microsoft", USER, "keyring")  # fmt: skip
    assert graph.calendars[account.calendar_url].name == "Sales follow-ups"
    again = add_microsoft(planner)
    assert again.calendar_url == account.calendar_url  # found by name, not made twice
    scopes = next(
        r for r in reversed(identity.token_requests)
        if r["grant_type"] == "authorization_code" and r["client_id"] == MICROSOFT_CLIENT
    )  # fmt: skip
    assert GRAPH_SCOPE in scopes["scope"] and "offline_access" in scopes["scope"]


def test_first_sync_resync_and_every_request_asks_for_immutable_ids(
    planner: AppContext, planned: list[TouchpointDTO], graph: GraphStandIn, browser: Browser
) -> None:
    account = add_microsoft(planner)
    report = planner.calendar_sync.sync()
    assert (report.created, report.errors) == (len(planned), ())
    events = by_uid(graph, account)
    assert set(events) == {t.uid for t in planned}
    for item in planned:
        event = events[item.uid]
        assert event["subject"] == item.title and event["isAllDay"] == item.all_day
        prop = event["singleValueExtendedProperties"][0]
        assert prop["id"] == GRAPH_UID_PROPERTY
    creates = [r for r in graph.log if r.method == "POST" and r.path.endswith("/events")]
    assert len({r.json()["transactionId"] for r in creates}) == len(planned)
    before = len(graph.log)
    report = planner.calendar_sync.sync()
    assert (report.created, report.updated, report.pulled) == (0, 0, 0)
    assert [r.path.rsplit("/", 1)[-1] for r in graph.log[before:]] == ["delta"]
    assert all('IdType="ImmutableId"' in r.header("Prefer") for r in graph.log)


def test_moved_and_deleted_in_outlook(
    planner: AppContext, planned: list[TouchpointDTO], graph: GraphStandIn, browser: Browser
) -> None:
    account = add_microsoft(planner)
    planner.calendar_sync.sync()
    call = next(item for item in planned if item.kind == "delivery_check")
    events = by_uid(graph, account)
    start = dt.datetime(2026, 12, 9, 14, 30, tzinfo=BERLIN)
    graph.move(account.calendar_url, events[call.uid]["id"], start,
               start + dt.timedelta(minutes=15), dt.datetime.now(dt.UTC))  # fmt: skip
    report = planner.calendar_sync.sync()
    # The thank-you follows too: its letter names the day of the call.
    assert (report.pulled, report.created, report.updated, report.errors) == (1, 0, 1, ())
    moved = planner.touchpoints.get(call.id)
    assert moved.due_at == dt.datetime(2026, 12, 9, 13, 30, tzinfo=dt.UTC) and moved.pinned
    letter = next(item for item in planned if item.all_day and item.kind == "feedback")
    graph.move(account.calendar_url, events[letter.uid]["id"],
               dt.datetime(2027, 1, 12, tzinfo=dt.UTC), dt.datetime(2027, 1, 13, tzinfo=dt.UTC),
               dt.datetime.now(dt.UTC))  # fmt: skip
    other = next(item for item in planned if item.kind == "thank_you")
    graph.delete_event(account.calendar_url, events[other.uid]["id"])
    report = planner.calendar_sync.sync()
    assert (report.pulled, report.created, report.errors) == (2, 0, ())
    assert planner.touchpoints.get(letter.id).due_date == dt.date(2027, 1, 12)
    assert planner.touchpoints.get(other.id).skip_reason == "deleted in calendar"
    again = planner.calendar_sync.sync()
    assert (again.pulled, again.updated, again.created, again.deleted) == (0, 0, 0, 0)


@pytest.mark.parametrize("calendar_is_newer", [True, False])
def test_both_sides_changed_the_newer_wins(
    planner: AppContext, planned: list[TouchpointDTO], graph: GraphStandIn, browser: Browser,
    calendar_is_newer: bool,
) -> None:  # fmt: skip
    account = add_microsoft(planner)
    planner.calendar_sync.sync()
    call = next(item for item in planned if item.kind == "delivery_check")
    here = planner.touchpoints.reschedule(call.id, dt.date(2026, 12, 8), dt.time(11, 0))
    assert here.updated_at is not None
    stamp = here.updated_at + dt.timedelta(minutes=5 if calendar_is_newer else -5)
    start = dt.datetime(2026, 12, 10, 16, 0, tzinfo=BERLIN)
    graph.move(account.calendar_url, by_uid(graph, account)[call.uid]["id"], start,
               start + dt.timedelta(minutes=15), stamp)  # fmt: skip
    report = planner.calendar_sync.sync()
    now = planner.touchpoints.get(call.id)
    if calendar_is_newer:
        assert (report.pulled, report.updated) == (1, 1)  # + the thank-you letter
        assert now.due_at == dt.datetime(2026, 12, 10, 15, 0, tzinfo=dt.UTC)
    else:
        assert (report.pulled, report.updated) == (0, 2)  # + the thank-you letter
        shown = by_uid(graph, account)[call.uid]["start"]["dateTime"]
        assert shown.startswith("2026-12-08T10:00:00")
    again = planner.calendar_sync.sync()
    assert (again.pulled, again.updated, again.created, again.deleted) == (0, 0, 0, 0)


def test_a_crash_after_a_create_is_finished_by_its_transaction_id(
    planner: AppContext, planned: list[TouchpointDTO], graph: GraphStandIn, browser: Browser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from app.rules import sync_push

    account = add_microsoft(planner)
    original = sync_push.repo.record_pushed

    def crash(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("power cut between the batch of creates and the commit")

    monkeypatch.setattr(sync_push.repo, "record_pushed", crash)
    with pytest.raises(RuntimeError):
        planner.calendar_sync.sync()
    assert len(graph.live(account.calendar_url)) == len(planned)  # all created, none recorded
    monkeypatch.setattr(sync_push.repo, "record_pushed", original)
    report = planner.calendar_sync.sync()
    # The same transactionIds again: Graph hands back the events it made the first time.
    assert report.errors == () and report.created == len(planned)
    assert len(graph.live(account.calendar_url)) == len(planned)


def test_an_expired_delta_token_lists_everything_again_and_a_429_is_waited_out(
    planner: AppContext, planned: list[TouchpointDTO], graph: GraphStandIn, browser: Browser,
    waits: list[float],
) -> None:  # fmt: skip
    from tests.support.graph_standin import graph_error

    account = add_microsoft(planner)
    planner.calendar_sync.sync()
    graph.forget_delta_tokens()
    other = next(item for item in planned if item.kind == "thank_you")
    graph.delete_event(account.calendar_url, by_uid(graph, account)[other.uid]["id"])
    busy = graph_error(429, "TooManyRequests", "Slow down")
    busy.headers["Retry-After"] = "3"
    graph.fail_next("GET", "/delta", busy)
    report = planner.calendar_sync.sync()
    assert (report.pulled, report.errors) == (1, ()) and waits == [3.0]
    assert planner.touchpoints.get(other.id).skip_reason == "deleted in calendar"
