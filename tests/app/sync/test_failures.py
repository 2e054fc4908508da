"""Failures midway (server gone, 5xx, a crash after a PUT) leave a state the next sync finishes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.context import AppContext
from app.dto.touchpoints import TouchpointDTO
from app.progress import Progress
from app.rules.sync_push import Pusher
from app.secrets import MemorySecretStore
from tests.support.caldav_fixtures import CalendarApp, add_account
from tests.support.flaky_proxy import FlakyProxy
from tests.support.radicale_server import RadicaleServer


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[RadicaleServer]:
    """A server this test may stop and start again (same port, same storage)."""
    with RadicaleServer(tmp_path / "radicale") as server:
        yield server


def exactly_once(app: CalendarApp, planned: list[TouchpointDTO]) -> None:
    uids = Counter(str(event["uid"]) for event in app.events().values())
    assert len(app.raw()) == len(planned)  # no duplicate objects
    assert set(uids) == {item.uid for item in planned} and set(uids.values()) == {1}


def test_the_server_going_away_midway_then_the_next_sync_finishes_without_duplicates(
    planner: AppContext, planned: list[TouchpointDTO], own_server: RadicaleServer
) -> None:
    account = add_account(planner, own_server)

    def stop_after_three(done: int, _total: int, _text: str) -> None:
        if done == 3:
            own_server.stop()

    report = planner.calendar_sync.sync(progress=Progress(stop_after_three))
    assert report.created == 3 and len(report.errors) == 1
    assert "connection refused" in report.errors[0]
    assert "connection refused" in planner.accounts.get(account.id).last_error
    own_server.start()
    report = planner.calendar_sync.sync()
    assert report.errors == () and report.created == len(planned) - 3
    assert planner.accounts.get(account.id).last_error == ""
    exactly_once(CalendarApp(account.calendar_url), planned)


def test_a_5xx_midway_stops_the_run_and_the_next_one_completes(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    failing = {"on": True}

    def rule(method: str, _path: str, seen: int) -> tuple[int, bytes] | None:
        if failing["on"] and method == "PUT" and seen == 4:
            return 503, b"busy"
        return None

    with FlakyProxy(radicale.url, rule) as proxy:
        account = add_account(planner, radicale, url=proxy.url)
        report = planner.calendar_sync.sync()
        assert report.created == 4 and "failed with 503 on PUT" in report.errors[0]
        failing["on"] = False
        report = planner.calendar_sync.sync()
        assert report.errors == () and report.created == len(planned) - 4
    exactly_once(CalendarApp(account.calendar_url.replace(proxy.url, radicale.url)), planned)


def test_a_crash_after_a_put_is_recorded_finishes_by_adopting_the_event(
    planner: AppContext,
    planned: list[TouchpointDTO],
    radicale: RadicaleServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = add_account(planner, radicale)
    original = Pusher._record
    calls = {"n": 0}

    def crash_on_third(self: Pusher, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut between the PUT and the commit")
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pusher, "_record", crash_on_third)
    with pytest.raises(RuntimeError):
        planner.calendar_sync.sync()
    monkeypatch.setattr(Pusher, "_record", original)
    report = planner.calendar_sync.sync()
    # The third event was on the server already: adopted, not created twice.
    assert report.errors == () and report.created == len(planned) - 2
    exactly_once(CalendarApp(account.calendar_url), planned)
    assert planner.calendar_sync.sync().created == 0


def test_a_uid_the_server_refuses_gets_a_fresh_uid_noted_in_the_history(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    refused = planned[1].uid.split("@")[0]

    def trash_bin(method: str, path: str, _seen: int) -> tuple[int, bytes] | None:
        if method == "PUT" and refused in path:
            return 409, b"An object with this UID already exists (in the trash bin)"
        return None

    with FlakyProxy(radicale.url, trash_bin) as proxy:
        account = add_account(planner, radicale, url=proxy.url)
        report = planner.calendar_sync.sync()
    assert report.errors == () and report.created == len(planned)
    fresh = planner.touchpoints.get(planned[1].id).uid
    assert fresh != planned[1].uid
    events = CalendarApp(account.calendar_url.replace(proxy.url, radicale.url)).events()
    assert fresh in events and planned[1].uid not in events and len(events) == len(planned)
    history = planner.calendar_sync.history(planned[1].id)
    assert planned[1].uid in history[0].change and fresh in history[0].change


def test_a_missing_password_is_an_error_on_the_account_not_a_crash(
    planner: AppContext, planned: list[TouchpointDTO], radicale: RadicaleServer
) -> None:
    account = add_account(planner, radicale)
    assert isinstance(planner.secrets, MemorySecretStore)
    planner.secrets.forget_all()  # removed from the keyring behind our back
    report = planner.calendar_sync.sync()
    assert report.created == 0 and "no password for calendar account" in report.errors[0]
    assert "no password" in planner.accounts.get(account.id).last_error
    assert planner.accounts.get(account.id).password_stored == "missing"
