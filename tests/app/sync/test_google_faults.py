"""Google faults: quotas (403 rateLimitExceeded, 429 Retry-After), tokens that expire or are
revoked, request bodies Google would refuse, and no sign-in anywhere on disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.context import AppContext
from app.dto.sync import CloudAccountInput
from app.dto.touchpoints import TouchpointDTO
from app.export.calendar_event import CalendarEvent
from app.sync.api_http import ApiHttp
from app.sync.cloud_events import google_body
from tests.support.cloud_fixtures import Browser
from tests.support.google_standin import GoogleStandIn
from tests.support.identity_standin import IdentityStandIn
from tests.support.standin_base import Reply, error


def add_google(planner: AppContext) -> int:
    return planner.cloud_accounts.add(CloudAccountInput("google")).id


def test_quota_answers_are_waited_out_as_google_asks_then_doubled(
    planner: AppContext,
    planned: list[TouchpointDTO],
    google: GoogleStandIn,
    browser: Browser,
    waits: list[float],
) -> None:
    add_google(planner)
    google.fail_next("POST", "/batch/", Reply(429, {"error": {"code": 429}}, {"Retry-After": "7"}))
    # Inside a batch each call counts on its own: three parts are refused, sent again alone.
    google.fail_next("POST", "/events", error(403, "Rate Limit Exceeded", "rateLimitExceeded"), 3)
    report = planner.calendar_sync.sync()
    assert (report.created, report.errors) == (len(planned), ())
    assert len(google.live(planner.accounts.list()[0].calendar_url)) == len(planned)
    planner.touchpoints.snooze(planned[0].id, days=2)
    google.fail_next("PUT", "/events/", error(403, "Rate Limit Exceeded", "rateLimitExceeded"), 2)
    assert planner.calendar_sync.sync().updated == 1
    assert waits == [7.0, 1.0, 2.0]  # Retry-After as asked; then 1, 2, 4 … seconds


def test_a_quota_that_does_not_lift_stops_the_run_and_the_next_one_finishes(
    planner: AppContext,
    planned: list[TouchpointDTO],
    google: GoogleStandIn,
    browser: Browser,
    waits: list[float],
) -> None:
    add_google(planner)
    planner.calendar_sync.sync()
    planner.touchpoints.snooze(planned[0].id, days=2)
    google.fail_next("PUT", "/events/", error(403, "Quota", "userRateLimitExceeded"), 6)
    report = planner.calendar_sync.sync()
    assert "busy or over its request quota (403)" in report.errors[0] and len(waits) == 5
    assert "over its request quota" in planner.accounts.list()[0].last_error
    report = planner.calendar_sync.sync()
    assert (report.updated, report.errors) == (1, ())


def test_an_expired_access_token_is_renewed_without_the_user_noticing(
    planner: AppContext,
    planned: list[TouchpointDTO],
    google: GoogleStandIn,
    identity: IdentityStandIn,
    browser: Browser,
) -> None:
    add_google(planner)
    planner.calendar_sync.sync()
    planner.touchpoints.snooze(planned[0].id, days=2)
    identity.expire_access_tokens()
    report = planner.calendar_sync.sync()
    assert (report.updated, report.errors) == (1, ())


def test_a_revoked_sign_in_says_sign_in_again_and_loses_nothing(
    planner: AppContext,
    planned: list[TouchpointDTO],
    google: GoogleStandIn,
    identity: IdentityStandIn,
    browser: Browser,
) -> None:
    account_id = add_google(planner)
    planner.calendar_sync.sync()
    planner.touchpoints.snooze(planned[0].id, days=2)
    identity.revoke_refresh_tokens()
    report = planner.calendar_sync.sync()
    assert "Google no longer accepts this sign-in" in report.errors[0]
    assert "Sign in again" in planner.accounts.get(account_id).last_error
    again = planner.cloud_accounts.sign_in_again(account_id)
    assert again.last_error == "" and len(browser.opened) == 2
    report = planner.calendar_sync.sync()
    assert (report.updated, report.created, report.errors) == (1, 0, ())


def test_the_stand_in_refuses_what_google_would(
    google: GoogleStandIn, identity: IdentityStandIn, planner: AppContext, browser: Browser,
    planned: list[TouchpointDTO],
) -> None:  # fmt: skip
    account = planner.accounts.get(add_google(planner))

    class Tokens:
        def access_token(self) -> str:
            return "at-not-issued"

        def fresh(self) -> str:
            return "at-not-issued"

    http = ApiHttp(Tokens(), service="Google Calendar")
    events = f"{google.api}/calendars/{account.calendar_url}/events"
    with pytest.raises(Exception, match="no longer accepts this sign-in"):
        http.request("GET", events)
    http.close()
    [token] = [t for t, kind in identity.state.access.items() if kind == "google"][-1:]

    class Fixed(Tokens):
        def access_token(self) -> str:
            return token

    http = ApiHttp(Fixed(), service="Google Calendar")
    event = CalendarEvent(
        uid="abc@x", sequence=0, summary="s", description="d", categories=(),
        start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 2), status="CONFIRMED",
        transparent=True, alarm_minutes=None, last_modified=dt.datetime.now(dt.UTC),
    )  # fmt: skip
    good = google_body(event, 1, "Europe/Berlin", "abcdefgh0123")
    assert http.request("POST", events, good).status == 200
    assert http.request("POST", events, good).status == 409  # the same id again
    for bad, why in [
        ({**good, "id": "ABCwxyz99"}, "Invalid resource id value"),
        ({**good, "id": "abcdefgh0124", "colour": "red"}, "Invalid field: resource.colour"),
        ({**good, "id": "abcdefgh0125", "transparency": True}, "expected a string"),
        ({**good, "id": "abcdefgh0126", "extendedProperties": {"private": {"n": 1}}},
         "expected a string"),
        ({**good, "id": "abcdefgh0127", "end": good["start"]}, "time range is empty"),
    ]:  # fmt: skip
        reply = http.request("POST", events, bad)
        assert reply.status == 400 and why in reply.data["error"]["message"], why
    reply = http.request("GET", f"{events}?syncToken=s1&timeMin=2026-01-01T00:00:00Z")
    assert reply.status == 400
    http.close()


def test_no_sign_in_is_left_anywhere_on_disk(
    planner: AppContext,
    planned: list[TouchpointDTO],
    google: GoogleStandIn,
    identity: IdentityStandIn,
    browser: Browser,
    db_path: Path,
    tmp_path: Path,
) -> None:
    add_google(planner)
    planner.calendar_sync.sync()
    planner.full_export.export_json(tmp_path / "all.json")
    planner.close()
    tokens = identity.refresh_tokens() + list(identity.state.access)
    assert tokens
    for path in [p for p in tmp_path.rglob("*") if p.is_file()] + [db_path]:
        data = path.read_bytes()
        for token in tokens:
            assert token.encode() not in data, f"a token in {path}"


def test_without_a_secure_keyring_nothing_opens_until_this_session_only_is_chosen(
    db_path: Path, clock: object, google: GoogleStandIn, browser: Browser
) -> None:
    from keyring.backends import fail

    from app.context import build_context
    from app.secrets import NoSecureStore, SecretStore

    context = build_context(db_path, clock, secrets=SecretStore(backend=fail.Keyring()))  # type: ignore[arg-type]
    try:
        with pytest.raises(NoSecureStore, match="no secure password store"):
            context.cloud_accounts.add(CloudAccountInput("google"))
        assert browser.opened == [] and context.accounts.list() == []
        account = context.cloud_accounts.add(CloudAccountInput("google", session_only=True))
        assert account.password_stored == "session"
        assert context.calendar_sync.sync().errors == ()
    finally:
        context.close()


def test_done_follow_ups_kept_in_google_as_history(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn, browser: Browser
) -> None:
    from app.sync.cloud_events import google_id

    account = planner.cloud_accounts.add(CloudAccountInput("google", keep_done=True))
    planner.calendar_sync.sync()
    done = planner.touchpoints.done(planned[0].id, note="Sent")
    planner.touchpoints.skip(planned[1].id, reason="No need")
    report = planner.calendar_sync.sync()
    assert (report.updated, report.deleted) == (1, 1)
    live = google.live(account.calendar_url)
    event = live[google_id(done.uid)]
    assert event["summary"].startswith("Done: ") and event["transparency"] == "transparent"
    assert event["reminders"] == {"useDefault": False, "overrides": []}
    assert google_id(planned[1].uid) not in live


def test_a_sign_in_refused_midway_stops_the_run_at_once(
    planner: AppContext, planned: list[TouchpointDTO], google: GoogleStandIn,
    identity: IdentityStandIn, browser: Browser,
) -> None:  # fmt: skip
    add_google(planner)
    planner.calendar_sync.sync()
    for item in planned[:4]:
        planner.touchpoints.snooze(item.id, days=2)
    # The listing still works; every update is refused as unauthenticated, even after renewal.
    google.fail_next("PUT", "/events/", error(401, "Invalid Credentials", "authError"), 100)
    report = planner.calendar_sync.sync()
    assert len(report.errors) == 1 and "sign in again" in report.errors[0].lower()
    assert google.count("PUT") == 2  # the first update, and once more after renewal: then stop
