"""SecretStore: a real Secret Service keeps the password; fail/null backends are refused plainly."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail, null

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.sync import AccountInput
from app.secrets import SERVICE, MemorySecretStore, NoSecureStore, SecretStore
from app.sync.redact import redact
from tests.support.caldav_fixtures import add_account, needs_secret_service
from tests.support.radicale_server import PASSWORD, USER, RadicaleServer


def test_the_in_memory_store_for_tests() -> None:
    store = MemorySecretStore()
    assert store.put("caldav:a", "pw-1") == "keyring" and store.get("caldav:a") == "pw-1"
    assert store.where("caldav:a") == "keyring" and store.where("caldav:b") == "missing"
    store.delete("caldav:a")
    store.delete("caldav:a")  # deleting twice is fine
    assert store.get("caldav:a") is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_insecure_backends_are_refused_but_the_session_may_keep_it(backend: object) -> None:
    store = SecretStore(backend=backend)
    with pytest.raises(NoSecureStore) as caught:
        store.put(f"caldav:{uuid.uuid4()}", "pw-2")
    message = str(caught.value)
    assert "no secure password store" in message and "was not saved" in message
    assert "session only" in message and "--session-only" in message
    key = f"caldav:{uuid.uuid4()}"
    assert store.put(key, "pw-2", session_only=True) == "session"
    assert store.get(key) == "pw-2" and store.where(key) == "session"
    assert SecretStore(backend=backend).get(key) == "pw-2"  # the whole process, not one store
    store.delete(key)
    assert store.get(key) is None


@pytest.fixture
def refusing(db_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    ctx = build_context(db_path, clock, secrets=SecretStore(backend=fail.Keyring()))
    yield ctx
    ctx.close()


def test_adding_an_account_without_a_secure_store_says_so_before_anything_is_written(
    refusing: AppContext, radicale: RadicaleServer
) -> None:
    with pytest.raises(NoSecureStore, match=r"keyring\.backends\.fail\.Keyring"):
        add_account(refusing, radicale)
    assert refusing.accounts.list() == []
    account = add_account(refusing, radicale, session_only=True)
    assert account.password_stored == "session"
    assert refusing.calendar_sync.sync().errors == ()


def test_credentials_are_taken_out_of_error_text() -> None:
    text = (
        "GET https://sam:S3cr3t@cloud.example.com/dav failed; headers {'Authorization': "
        "'Basic c2FtOlMzY3IzdA=='}; Authorization: Bearer abcdef123456; pw=S3cr3t S3cr3t%21"
    )
    cleaned = redact(text, ["S3cr3t", "S3cr3t!"])
    assert "S3cr3t" not in cleaned and "c2FtOlMzY3IzdA" not in cleaned
    assert "abcdef123456" not in cleaned and "sam:" not in cleaned
    assert "https://cloud.example.com/dav" in cleaned


# --- a real Secret Service (gnome-keyring on a private D-Bus) ----------------------------
@needs_secret_service
def test_the_secret_service_keeps_the_password_under_the_app_name() -> None:
    import keyring

    store = SecretStore()
    name, secure = store.backend()
    assert secure and "SecretService" in name
    key = f"caldav:{uuid.uuid4()}"
    assert store.put(key, "S3cr3t-Planner-Pw-9d2f") == "keyring"
    # Another reader of the OS store sees it under the service name.
    assert keyring.get_keyring().get_password(SERVICE, key) == "S3cr3t-Planner-Pw-9d2f"
    assert store.where(key) == "keyring"
    store.delete(key)
    assert keyring.get_keyring().get_password(SERVICE, key) is None


@needs_secret_service
def test_an_account_on_the_secret_service_syncs_and_removal_clears_the_keyring(
    db_path: Path, clock: FixedClock, radicale: RadicaleServer
) -> None:
    import keyring

    context = build_context(db_path, clock)  # the real SecretStore
    try:
        account = context.accounts.add(
            AccountInput(url=radicale.url, username=USER, password=PASSWORD, calendar_name="K")
        )
        assert account.password_stored == "keyring"
        assert context.calendar_sync.sync().errors == ()
        keys = [a.secret_key for a in _accounts(context)]
        assert keyring.get_keyring().get_password(SERVICE, keys[0]) == PASSWORD
        context.accounts.remove(account.id)
        assert keyring.get_keyring().get_password(SERVICE, keys[0]) is None
    finally:
        context.close()


def _accounts(context: AppContext) -> list[object]:
    from models.calendar_sync import CalendarAccount

    with context.engine.connect() as connection:
        return list(connection.execute(CalendarAccount.__table__.select()).all())
