"""A JSON export carries no keyring reference; imported accounts ask for their password again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.secrets import MemorySecretStore
from models.calendar_sync import CalendarAccount
from tests.support.caldav_fixtures import add_account
from tests.support.radicale_server import PASSWORD, RadicaleServer


def _key(context: AppContext, account_id: int) -> str:
    with context.sessions() as session:
        row = session.get(CalendarAccount, account_id)
        assert row is not None
        return row.secret_key


def _import(export: Path, db: Path, clock: FixedClock, store: MemorySecretStore) -> AppContext:
    other = build_context(db, clock, secrets=store)
    other.full_export.import_json(export)
    return other


@pytest.fixture
def store() -> MemorySecretStore:
    # One keyring for both databases: the same person's computer.
    return MemorySecretStore()


@pytest.fixture
def original(db_path: Path, clock: FixedClock, store: MemorySecretStore) -> AppContext:
    context = build_context(db_path, clock, secrets=store)
    yield context  # type: ignore[misc]
    context.close()


def test_export_import_remove_never_touches_the_original_password(
    original: AppContext,
    radicale: RadicaleServer,
    store: MemorySecretStore,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    account = add_account(original, radicale)
    key = _key(original, account.id)
    original.full_export.export_json(tmp_path / "all.json")
    text = (tmp_path / "all.json").read_text(encoding="utf-8")
    assert key not in text and "secret_key" not in text
    assert PASSWORD not in text

    imported = _import(tmp_path / "all.json", tmp_path / "other.sqlite3", clock, store)
    try:
        [shown] = imported.accounts.list()
        assert shown.url == account.url and shown.password_stored == "missing"
        report = imported.calendar_sync.sync()
        assert report.errors and f"followup account password {shown.id}" in report.errors[0]
        # Its keyring entry is its own, not derivable from anything in the file.
        assert _key(imported, shown.id) != key
        imported.accounts.remove(shown.id)
    finally:
        imported.close()
    assert original.accounts.get(account.id).password_stored == "keyring"
    assert store.get(key) == PASSWORD


def test_an_old_export_with_a_keyring_name_gets_a_fresh_one_on_import(
    original: AppContext,
    radicale: RadicaleServer,
    store: MemorySecretStore,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    """Files written before this fix carry `secret_key`: importing one must not adopt it."""
    account = add_account(original, radicale)
    key = _key(original, account.id)
    original.full_export.export_json(tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    block = data["tables"]["calendar_account"]
    if "secret_key" not in block["columns"]:
        block["columns"].append("secret_key")
        for row in block["rows"]:
            row.append(key)
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")

    imported = _import(tmp_path / "old.json", tmp_path / "other.sqlite3", clock, store)
    try:
        [shown] = imported.accounts.list()
        assert shown.password_stored == "missing"  # the original's password is not borrowed
        assert _key(imported, shown.id) != key
        imported.accounts.remove(shown.id)
    finally:
        imported.close()
    assert store.get(key) == PASSWORD
