"""followup account add|list|remove|password and followup sync: calendar sync over CalDAV."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from typing import Any

from app.context import AppContext
from app.dto.sync import DEFAULT_CALENDAR, AccountInput
from app.errors import KnownError
from ui.cli.output import print_json
from ui.cli.parsing import record_id

HOW_ASKED = (
    "The password (or app password) is read from standard input when that is not a terminal, "
    "otherwise asked for without echo. It is kept in the system keyring, nowhere else."
)
SESSION_HELP = (
    "no secure keyring here: keep the password in memory for this command only (it is gone "
    "when the command ends; give it again with `followup sync --session-only`)"
)


def register(commands: Any) -> None:
    account = commands.add_parser("account", help="calendar accounts for sync (CalDAV)")
    actions = account.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a calendar account")
    kinds = add.add_subparsers(title="kinds", metavar="KIND", required=True)
    caldav = kinds.add_parser(
        "caldav",
        help="a CalDAV server: Nextcloud, iCloud, Fastmail, Radicale…",
        description=HOW_ASKED,
    )
    caldav.add_argument(
        "--url", required=True, help="e.g. https://cloud.example.com/remote.php/dav"
    )
    caldav.add_argument("--user", required=True, help="user name on that server")
    caldav.add_argument(
        "--calendar", default=DEFAULT_CALENDAR, help="calendar name (created when missing)"
    )
    caldav.add_argument(
        "--keep-done", action="store_true", help="keep done follow-ups as history in the calendar"
    )
    caldav.add_argument("--session-only", action="store_true", help=SESSION_HELP)
    caldav.set_defaults(handler=_add)
    listing = actions.add_parser("list", help="calendar accounts (never their passwords)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of lines")
    listing.set_defaults(handler=_list)
    remove = actions.add_parser("remove", help="remove an account and its keyring entry")
    remove.add_argument("id", type=record_id)
    remove.set_defaults(handler=_remove)
    password = actions.add_parser(
        "password", help="enter an account's password again", description=HOW_ASKED
    )
    password.add_argument("id", type=record_id)
    password.add_argument("--session-only", action="store_true", help=SESSION_HELP)
    password.set_defaults(handler=_password)
    sync = commands.add_parser(
        "sync",
        help="sync follow-ups with your calendars (exit 1 when something failed)",
        description="Pushes planned follow-ups, pulls moves made in the calendar; follow-ups "
        "deleted in the calendar are skipped with the reason 'deleted in calendar'.",
    )
    sync.add_argument("--account", type=record_id, help="only this account")
    sync.add_argument(
        "--session-only",
        action="store_true",
        help="read the account's password from standard input for this run (no keyring)",
    )
    sync.set_defaults(handler=_sync)


def read_password(prompt: str = "Password: ") -> str:
    """From a pipe (scripts) or typed without echo; never from the command line."""
    if sys.stdin is None:
        raise KnownError("no password given: pipe it to standard input")
    text = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline()
    password = text.rstrip("\r\n")
    if not password:
        raise KnownError("no password given: pipe it to standard input or type it when asked")
    return password


def _add(context: AppContext, options: argparse.Namespace) -> int:
    account = context.accounts.add(
        AccountInput(
            url=options.url,
            username=options.user,
            password=read_password(),
            calendar_name=options.calendar,
            keep_done=options.keep_done,
            session_only=options.session_only,
        )
    )
    print_json({"id": account.id, "calendar": account.calendar_name})
    return 0


def _list(context: AppContext, options: argparse.Namespace) -> int:
    accounts = context.accounts.list()
    if options.json:
        print_json([dataclasses.asdict(account) for account in accounts])
        return 0
    for account in accounts:
        when = (
            account.last_sync_at.isoformat(timespec="minutes") if account.last_sync_at else "never"
        )
        problem = f"  error: {account.last_error}" if account.last_error else ""
        if account.password_stored == "missing":  # noqa: S105 - a state, not a password
            problem += f"  (enter it: followup account password {account.id})"
        print(
            f"{account.id}  {account.username} @ {account.url}  calendar: {account.calendar_name}"
            f"  last sync: {when}  password: {account.password_stored}{problem}"
        )
    return 0


def _remove(context: AppContext, options: argparse.Namespace) -> int:
    context.accounts.remove(options.id)
    print_json({"removed": options.id})
    return 0


def _password(context: AppContext, options: argparse.Namespace) -> int:
    account = context.accounts.set_password(
        options.id, read_password(), session_only=options.session_only
    )
    print_json({"id": account.id, "password": account.password_stored})
    return 0


def _sync(context: AppContext, options: argparse.Namespace) -> int:
    if options.session_only:
        accounts = context.accounts.list()
        if not accounts:
            raise KnownError(
                "there is no calendar account to sync yet.",
                "Add one first: followup account add caldav --url URL --user NAME",
            )
        chosen = options.account or (accounts[0].id if len(accounts) == 1 else None)
        if chosen is None:
            raise KnownError("--session-only needs --account ID when there are several accounts")
        context.accounts.set_password(chosen, read_password(), session_only=True)
    report = context.calendar_sync.sync(options.account)
    print_json(report.as_json())
    return 1 if report.errors else 0
