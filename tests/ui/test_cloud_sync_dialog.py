"""The Calendar sync dialog adds Google and Microsoft accounts beside CalDAV ones and signs in
again; the sign-in waits for the browser off the window's thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.clock import FixedClock
from app.context import AppContext, build_context
from app.secrets import MemorySecretStore
from tests.support.cloud_fixtures import (  # noqa: F401 - fixtures
    Browser,
    browser,
    google,
    graph,
    identity,
    tls,
)
from tests.support.google_standin import GoogleStandIn
from tests.support.graph_standin import GraphStandIn
from tests.support.identity_standin import IdentityStandIn
from ui.dialogs.sync_dialog import SyncDialog
from ui.sync_runner import SyncRunner


@pytest.fixture
def context(db_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    ctx = build_context(db_path, clock, secrets=MemorySecretStore())
    yield ctx
    ctx.close()


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext) -> Iterator[SyncDialog]:
    window = QWidget()
    qtbot.addWidget(window)
    runner = SyncRunner(context, window)
    shown = SyncDialog(context, runner, window)
    qtbot.addWidget(shown)
    yield shown
    runner.stop()


def settle(qtbot: QtBot, dialog: SyncDialog) -> None:
    """Sign-ins and the syncs they start have finished."""
    runner = dialog.runner
    qtbot.waitUntil(lambda: dialog.task is None and runner.task is None, timeout=20_000)
    runner.stop()


def test_google_and_microsoft_are_added_from_the_menu_and_listed(
    qtbot: QtBot,
    dialog: SyncDialog,
    context: AppContext,
    google: GoogleStandIn,  # noqa: F811
    graph: GraphStandIn,  # noqa: F811
    browser: Browser,  # noqa: F811
) -> None:
    menu = [action.text() for action in dialog.add_button.menu().actions()]
    assert menu == ["&Google Calendar…", "&Microsoft 365 or Outlook.com…",
                    "&CalDAV server (Nextcloud, iCloud…)…"]  # fmt: skip
    dialog.add_google.trigger()
    assert "browser" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.accounts.count() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    dialog.add_microsoft.trigger()
    qtbot.waitUntil(lambda: dialog.accounts.count() == 2, timeout=20_000)
    texts = [dialog.accounts.item(row).text() for row in range(2)]
    assert "Sales follow-ups — Google Calendar" in texts[0]
    assert "Microsoft 365 / Outlook.com (sam.seller@example.com)" in texts[1]
    assert dialog.signin_button.isVisibleTo(dialog) and not dialog.password_button.isVisibleTo(
        dialog
    )
    assert len(browser.opened) == 2
    settle(qtbot, dialog)


def test_a_revoked_sign_in_is_shown_and_sign_in_again_fixes_it(
    qtbot: QtBot,
    dialog: SyncDialog,
    context: AppContext,
    google: GoogleStandIn,  # noqa: F811
    identity: IdentityStandIn,  # noqa: F811
    browser: Browser,  # noqa: F811
) -> None:
    from app.dto.sync import CloudAccountInput

    context.cloud_accounts.add(CloudAccountInput("google"))
    identity.revoke_refresh_tokens()
    assert context.calendar_sync.sync().errors
    dialog.refresh()
    assert "Sign in again" in dialog.accounts.item(0).text()
    dialog.signin_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "Signed in again.", timeout=20_000)
    settle(qtbot, dialog)
    assert context.calendar_sync.sync().errors == ()
