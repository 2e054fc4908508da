"""followup account add google|microsoft, account list, account signin and sync, beside CalDAV."""

from __future__ import annotations

import threading

import pytest

from app.secrets import MemorySecretStore
from tests.support.cloud_fixtures import (  # noqa: F401 - fixtures
    Browser,
    browser,
    google,
    graph,
    identity,
    tls,
    waits,
)
from tests.support.google_standin import GoogleStandIn
from tests.support.graph_standin import GraphStandIn
from tests.support.identity_standin import USER, IdentityStandIn
from tests.ui.test_sync_cli import Cli, run_cli, sale, use_secrets  # noqa: F401 - run_cli


def test_google_and_microsoft_beside_each_other_from_the_command_line(
    run_cli: Cli,  # noqa: F811
    google: GoogleStandIn,  # noqa: F811
    graph: GraphStandIn,  # noqa: F811
    browser: Browser,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_secrets(monkeypatch, MemorySecretStore())
    sale(run_cli)
    assert run_cli("account", "add", "google") == {"id": 1, "calendar": "Sales follow-ups"}
    added = run_cli("account", "add", "microsoft", "--calendar", "Kunden")
    assert added == {"id": 2, "calendar": "Kunden"}
    listed = run_cli("account", "list", "--json")
    assert [(a["kind"], a["password_stored"]) for a in listed] == [
        ("google", "keyring"), ("microsoft", "keyring")]  # fmt: skip
    text = run_cli("account", "list")
    assert "Google Calendar  calendar: Sales follow-ups" in text
    assert f"Microsoft 365 ({USER})  calendar: Kunden" in text
    report = run_cli("sync")
    assert report["errors"] == [] and report["created"] > 0
    assert report["created"] == 2 * len(next(iter(google.calendars.values())).events)
    assert run_cli("sync") == {"created": 0, "updated": 0, "deleted": 0, "pulled": 0,
                               "errors": []}  # fmt: skip


def test_device_code_prints_the_instructions_apart_from_the_json(
    run_cli: Cli,  # noqa: F811
    graph: GraphStandIn,  # noqa: F811
    identity: IdentityStandIn,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_secrets(monkeypatch, MemorySecretStore())
    import ui.cli.accounts

    original = ui.cli.accounts._tell

    def tell(text: str) -> None:
        original(text)
        code = text.rsplit(" ", 1)[-1].rstrip(".")
        threading.Thread(target=identity.approve_device, args=(code,)).start()

    monkeypatch.setattr(ui.cli.accounts, "_tell", tell)
    assert run_cli("account", "add", "microsoft", "--device-code")["id"] == 1
    assert "enter" in run_cli.outputs[-1]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["account", "add", "google", "--client-id", "has space"], "OAuth client ID is letters"),
        (["account", "signin", "7"], "does not exist"),
    ],
)
def test_bad_input_is_one_line_before_any_browser_opens(
    run_cli: Cli,  # noqa: F811
    browser: Browser,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    use_secrets(monkeypatch, MemorySecretStore())
    assert message in run_cli(*args, code=2)
    assert browser.opened == []


def test_without_a_client_id_it_says_where_to_get_one(
    run_cli: Cli,  # noqa: F811
    browser: Browser,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_secrets(monkeypatch, MemorySecretStore())
    monkeypatch.delenv("FOLLOWUP_GOOGLE_CLIENT_ID", raising=False)
    error = run_cli("account", "add", "google", code=2)
    assert "no OAuth client ID for Google yet" in error and "--client-id" in error
    assert browser.opened == []
