"""followup account / sync: JSON out, one-line errors, and the password never shows up anywhere."""

from __future__ import annotations

import base64
import io
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

import ui.cli.app
from app.context import build_context
from app.logging_setup import configure_logging
from app.rules.sync_push import Pusher
from app.secrets import MemorySecretStore, SecretStore
from tests.support.caldav_fixtures import (
    CalendarApp,
    needs_secret_service,
    radicale_fixture,  # noqa: F401 - the `radicale` fixture
    read_files,
)
from tests.support.radicale_server import PASSWORD, USER, RadicaleServer
from ui.main import main

Cli = Callable[..., Any]


def use_secrets(monkeypatch: pytest.MonkeyPatch, store: SecretStore | None) -> None:
    """Every command of the test sees the same store (as one keyring would)."""
    if store is not None:
        monkeypatch.setattr(
            ui.cli.app,
            "build_context",
            lambda db, **options: build_context(db, secrets=store, **options),
        )


@pytest.fixture
def run_cli(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")

    def run(*args: str, stdin: str = "", code: int = 0) -> Any:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        got = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        run.outputs.append(out + err)  # type: ignore[attr-defined]
        assert got == code, err
        if code == 0 or code == 1:
            return json.loads(out) if out.strip().startswith(("{", "[")) else out
        assert out == "" and err.count("\n") == 1
        return err

    run.outputs = []  # type: ignore[attr-defined]
    return run


def sale(cli: Cli) -> None:
    cli("settings", "set", "timezone", "Europe/Berlin")
    cli("customer", "add", "--name", "Ana Silva", "--company", "Acme", "--email", "a@acme.example")
    cli("sale", "add", "--customer", "1", "--closed", "2026-11-20", "--outcome", "won",
        "--delivery", "2026-12-05")  # fmt: skip


def test_add_list_sync_remove(
    run_cli: Cli, radicale: RadicaleServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = MemorySecretStore()
    use_secrets(monkeypatch, store)
    sale(run_cli)
    added = run_cli("account", "add", "caldav", "--url", radicale.url, "--user", USER,
                    "--calendar", "CLI follow-ups", stdin=PASSWORD + "\n")  # fmt: skip
    assert added == {"id": 1, "calendar": "CLI follow-ups"}
    [shown] = run_cli("account", "list", "--json")
    assert shown["username"] == USER and shown["password_stored"] == "keyring"
    assert PASSWORD not in json.dumps(shown)
    first = run_cli("sync")
    assert set(first) == {"created", "updated", "deleted", "pulled", "errors"}
    assert first["created"] >= 5 and first["errors"] == []
    assert run_cli("sync", "--account", "1") == {
        "created": 0, "updated": 0, "deleted": 0, "pulled": 0, "errors": []
    }  # fmt: skip
    app = CalendarApp(shown["calendar_url"])
    app.delete(next(iter(app.events())))
    assert run_cli("sync")["pulled"] == 1
    skipped = run_cli("agenda", "--json", "--all-statuses")
    assert [i["status"] for i in skipped].count("skipped") == 1
    assert run_cli("account", "remove", "1") == {"removed": 1}
    assert run_cli("account", "list", "--json") == [] and store._memory.items == {}


def test_errors_are_one_line_without_the_password(
    run_cli: Cli, radicale: RadicaleServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_secrets(monkeypatch, MemorySecretStore())
    err = run_cli("account", "add", "caldav", "--url", radicale.url, "--user", USER,
                  stdin="not-the-password\n", code=2)  # fmt: skip
    assert "refused the user name or password (401)" in err and "not-the-password" not in err
    err = run_cli("account", "add", "caldav", "--url", radicale.url, "--user", USER, code=2)
    assert "no password given" in err
    assert "does not exist" in run_cli("sync", "--account", "7", code=2)
    assert "does not exist" in run_cli("account", "remove", "7", code=2)


def test_an_imported_account_asks_for_its_password_and_removing_it_keeps_the_original(
    run_cli: Cli,
    radicale: RadicaleServer,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = MemorySecretStore()
    use_secrets(monkeypatch, store)
    run_cli("account", "add", "caldav", "--url", radicale.url, "--user", USER, stdin=PASSWORD)
    run_cli("export", "json", "--out", str(tmp_path / "all.json"))
    fresh = str(tmp_path / "fresh.sqlite3")
    assert main(["--db", fresh, "import", str(tmp_path / "all.json"), "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["--db", fresh, "account", "list"]) == 0
    listed = capsys.readouterr().out
    assert "password: missing" in listed and "followup account password 1" in listed
    assert main(["--db", fresh, "sync"]) == 1
    assert "followup account password 1" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--db", fresh, "account", "password", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["password"] == "keyring"
    assert main(["--db", fresh, "account", "remove", "1"]) == 0
    capsys.readouterr()
    [shown] = run_cli("account", "list", "--json")
    assert shown["password_stored"] == "keyring"  # the original's entry is untouched
    assert run_cli("sync")["errors"] == []


def test_without_a_secure_keyring_it_refuses_unless_asked_to_keep_it_for_the_session(
    run_cli: Cli, radicale: RadicaleServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_secrets(monkeypatch, SecretStore(backend=fail.Keyring()))
    add = ("account", "add", "caldav", "--url", radicale.url, "--user", USER)
    err = run_cli(*add, stdin=PASSWORD, code=2)
    assert "no secure password store" in err and "--session-only" in err
    assert run_cli("account", "list", "--json") == []
    assert run_cli(*add, "--session-only", stdin=PASSWORD)["id"] == 1
    assert run_cli("sync", "--session-only", stdin=PASSWORD)["errors"] == []
    [shown] = run_cli("account", "list", "--json")
    assert shown["password_stored"] == "session"


@needs_secret_service
def test_the_real_keyring_end_to_end(
    run_cli: Cli, radicale: RadicaleServer, tmp_path: Path
) -> None:
    import keyring

    from app.secrets import SERVICE

    added = run_cli("account", "add", "caldav", "--url", radicale.url, "--user", USER,
                    "--calendar", "Keyring CLI", stdin=PASSWORD)  # fmt: skip
    [shown] = run_cli("account", "list", "--json")
    assert shown["password_stored"] == "keyring"
    assert run_cli("sync")["errors"] == []
    backend = keyring.get_keyring()
    stored = [k for k in _keys(tmp_path) if backend.get_password(SERVICE, k) == PASSWORD]
    assert len(stored) == 1
    run_cli("account", "remove", str(added["id"]))
    assert backend.get_password(SERVICE, stored[0]) is None


def _keys(tmp_path: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(tmp_path / "planner.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT secret_key FROM calendar_account")]


# --- the secret appears nowhere -----------------------------------------------------------
SECRET = "S3cr3t-Planner-Pw-9d2f"


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    """Every log record of the test, debug level and third-party libraries included."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    for handler in saved[0]:
        if getattr(handler, "followup", False):
            root.removeHandler(handler)
    folder = tmp_path / "logs"
    configure_logging(folder, level=logging.DEBUG)
    yield folder
    for handler in root.handlers[:]:
        if getattr(handler, "followup", False):
            handler.close()
            root.removeHandler(handler)
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


def test_the_password_is_nowhere_in_data_logs_exports_or_output(
    run_cli: Cli, tmp_path: Path, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_secrets(monkeypatch, MemorySecretStore())
    server = RadicaleServer(tmp_path / "own-radicale", users={USER: SECRET})
    server.start()
    try:
        sale(run_cli)
        run_cli("account", "add", "caldav", "--url", server.url, "--user", USER, stdin=SECRET)
        run_cli("account", "list")
        run_cli("account", "list", "--json")
        assert run_cli("sync")["errors"] == []
        run_cli("export", "ics", "--out", str(tmp_path / "export" / "follow-ups.ics"))
        run_cli("touchpoint", "snooze", "2", "--days", "3")
        monkeypatch.setattr(Pusher, "_record", _crash)
        assert "unexpected internal error" in run_cli("sync", code=70)  # a bug, midway
        monkeypatch.undo()
        use_secrets(monkeypatch, MemorySecretStore())  # the password is gone: an error path
        monkeypatch.setenv("FOLLOWUP_TODAY", "2026-11-20")
        assert run_cli("sync", code=1)["errors"]
    finally:
        server.stop()
    everything = (
        read_files(
            tmp_path / "planner.sqlite3",
            tmp_path / "planner.sqlite3-wal",
            tmp_path / "planner.sqlite3-shm",
            *sorted(log_folder.glob("*")),
            *sorted((tmp_path / "export").glob("*")),
        )
        + "".join(run_cli.outputs).encode()
    )  # type: ignore[attr-defined]
    assert b"Traceback" in everything and b"power cut" in everything  # the crash was logged
    assert b"PUT" in everything or b"REPORT" in everything or b"PROPFIND" in everything
    for form in (SECRET, base64.b64encode(f"{USER}:{SECRET}".encode()).decode()):
        assert form.encode() not in everything


def _crash(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("power cut while recording a pushed event")
