"""Microsoft sign-in: device code on the command line, a refresh token too long for Windows'
credential store kept in parts, renewal that rotates it, and 'sign in again' when revoked."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from keyring.errors import PasswordSetError

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.dto.sync import CloudAccountInput
from app.dto.touchpoints import TouchpointDTO
from app.secrets import SecretStore
from tests.support.cloud_fixtures import Browser
from tests.support.graph_standin import GraphStandIn
from tests.support.identity_standin import IdentityStandIn

WINDOWS_LIMIT = 1280  # characters: 2,560 bytes of UTF-16 (jaraco/keyring#355)


class WindowsLikeKeyring:
    """Windows Credential Manager's size rule: a longer secret is refused, as keyring does."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, key: str, secret: str) -> None:
        if len(secret) > WINDOWS_LIMIT:
            raise PasswordSetError("The stub received bad data (CredWrite: 1783)")
        self.items[service, key] = secret

    def get_password(self, service: str, key: str) -> str | None:
        return self.items.get((service, key))

    def delete_password(self, service: str, key: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, key), None) is None:
            raise PasswordDeleteError(key)


class WindowsStore(SecretStore):
    def backend(self) -> tuple[str, bool]:
        return "keyring.backends.Windows.WinVaultKeyring", True


def test_a_sign_in_longer_than_windows_keeps_is_stored_in_parts_and_works(
    db_path: Path, clock: FixedClock, graph: GraphStandIn, identity: IdentityStandIn,
    browser: Browser,
) -> None:  # fmt: skip
    identity.refresh_token_length = 2400
    backend = WindowsLikeKeyring()
    context = build_context(db_path, clock, secrets=WindowsStore(backend=backend))
    try:
        account = context.cloud_accounts.add(CloudAccountInput("microsoft"))
        assert account.password_stored == "keyring"
        assert all(len(value) <= WINDOWS_LIMIT for value in backend.items.values())
        assert len(backend.items) >= 3  # the pointer and at least two parts
        assert context.calendar_sync.sync().errors == ()
        context.accounts.remove(account.id)
        assert backend.items == {}  # every part goes with the account
    finally:
        context.close()


def test_the_device_code_flow_for_the_command_line(
    planner: AppContext, graph: GraphStandIn, identity: IdentityStandIn
) -> None:
    said: list[str] = []

    def user_enters_the_code(text: str) -> None:
        said.append(text)
        code = text.rsplit(" ", 1)[-1].rstrip(".")
        threading.Thread(target=identity.approve_device, args=(code,)).start()

    account = planner.cloud_accounts.add(
        CloudAccountInput("microsoft", device_code=True), say=user_enters_the_code
    )
    assert "enter" in said[0] and account.username == "sam.seller@example.com"


def test_renewal_rotates_the_refresh_token_and_the_new_one_is_kept(
    planner: AppContext, planned: list[TouchpointDTO], graph: GraphStandIn,
    identity: IdentityStandIn, browser: Browser,
) -> None:  # fmt: skip
    context = planner
    account = context.cloud_accounts.add(CloudAccountInput("microsoft"))
    first = identity.refresh_tokens()
    assert context.calendar_sync.sync().errors == ()
    newest = identity.refresh_tokens()[-1]
    assert newest not in first
    key = _key(context, account.id)
    assert newest in context.secrets.get(key)


def test_a_revoked_microsoft_sign_in_says_sign_in_again(
    planner: AppContext, planned: list[TouchpointDTO], graph: GraphStandIn,
    identity: IdentityStandIn, browser: Browser,
) -> None:  # fmt: skip
    context = planner
    account = context.cloud_accounts.add(CloudAccountInput("microsoft"))
    identity.revoke_refresh_tokens()
    report = context.calendar_sync.sync()
    assert "Microsoft no longer accepts this sign-in" in report.errors[0]
    assert report.created == 0
    context.cloud_accounts.sign_in_again(account.id)
    report = context.calendar_sync.sync()
    assert (report.created, report.errors) == (len(planned), ())


def test_a_password_is_refused_for_a_cloud_account(
    planner: AppContext, graph: GraphStandIn, browser: Browser
) -> None:
    from app.errors import ValidationError

    account = planner.cloud_accounts.add(CloudAccountInput("microsoft"))
    with pytest.raises(ValidationError, match="followup account signin"):
        planner.accounts.set_password(account.id, "pw")


def _key(context: AppContext, account_id: int) -> str:
    from models.calendar_sync import CalendarAccount

    with context.sessions() as session:
        row = session.get(CalendarAccount, account_id)
        return str(row.secret_key)
