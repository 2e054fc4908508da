"""followup account add|list|remove|password|signin and followup sync: CalDAV, Google, Microsoft."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from typing import Any

from app.context import AppContext
from app.dto.sync import DEFAULT_CALENDAR, AccountInput, CloudAccountInput
from app.errors import KnownError
from ui.cli.output import print_json
from ui.cli.parsing import record_id

HOW_ASKED = (
    "The password (or app password) is read from standard input when that is not a terminal, "
    "otherwise asked for without echo. It is kept in the system keyring, nowhere else."
)
CLOUD_NOTE = (
    "Only the sign-in's refresh token is kept, in the system keyring. Prints "
    '{"id": N, "calendar": "..."}.'
)
CLIENT_HELP = (
    "your (or your company's) OAuth client ID; default: the one in Settings, "
    "the environment or this build (the README says how to create one)"
)
SIGNIN_SESSION_HELP = "no secure keyring here: keep the sign-in in memory for this command only"
SESSION_HELP = (
    "no secure keyring here: keep the password in memory for this command only (it is gone "
    "when the command ends; give it again with `followup sync --session-only`)"
)


def register(commands: Any) -> None:
    account = commands.add_parser(
        "account", help="calendar accounts for sync (CalDAV, Google, Microsoft 365)"
    )
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
    google = kinds.add_parser(
        "google",
        help="Google Calendar: sign in through your browser",
        description="Opens Google's sign-in page in your browser; the app then makes its own "
        "calendar there. " + CLOUD_NOTE,
    )
    google.add_argument("--client-id", default="", help=CLIENT_HELP)
    google.add_argument(
        "--client-secret",
        default="",
        help="the client secret Google shows with a desktop app's client ID (Google does not "
        "treat it as secret; it is kept in the keyring with the sign-in)",
    )
    microsoft = kinds.add_parser(
        "microsoft",
        help="Microsoft 365 or Outlook.com: sign in through your browser",
        description="Opens Microsoft's sign-in page in your browser (work, school or personal "
        "account); the app then uses or makes the calendar there. " + CLOUD_NOTE,
    )
    microsoft.add_argument("--client-id", default="", help=CLIENT_HELP)
    microsoft.add_argument(
        "--device-code",
        action="store_true",
        help="no browser here: print a code to enter on another device instead",
    )
    for cloud, kind in ((google, "google"), (microsoft, "microsoft")):
        cloud.add_argument(
            "--calendar", default=DEFAULT_CALENDAR, help="calendar name (created when missing)"
        )
        cloud.add_argument(
            "--keep-done", action="store_true", help="keep done follow-ups as history"
        )
        cloud.add_argument("--session-only", action="store_true", help=SIGNIN_SESSION_HELP)
        cloud.set_defaults(handler=_add_cloud, kind_name=kind)
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
    signin = actions.add_parser(
        "signin",
        help="sign in again to a Google or Microsoft account (expired or revoked)",
    )
    signin.add_argument("id", type=record_id)
    signin.add_argument(
        "--device-code", action="store_true", help="Microsoft: a code for another device"
    )
    signin.add_argument("--session-only", action="store_true", help=SIGNIN_SESSION_HELP)
    signin.set_defaults(handler=_signin)
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


def _add_cloud(context: AppContext, options: argparse.Namespace) -> int:
    account = context.cloud_accounts.add(
        CloudAccountInput(
            kind=options.kind_name,
            client_id=options.client_id,
            client_secret=getattr(options, "client_secret", ""),
            calendar_name=options.calendar,
            keep_done=options.keep_done,
            session_only=options.session_only,
            device_code=getattr(options, "device_code", False),
        ),
        say=_tell,
    )
    print_json({"id": account.id, "calendar": account.calendar_name})
    return 0


def _tell(text: str) -> None:
    """What the user must do in another window (the device code): stderr, not the JSON."""
    print(text, file=sys.stderr, flush=True)


def _signin(context: AppContext, options: argparse.Namespace) -> int:
    account = context.cloud_accounts.sign_in_again(
        options.id, device_code=options.device_code, session_only=options.session_only,
        say=_tell,
    )  # fmt: skip
    print_json({"id": account.id, "signed_in": account.password_stored})
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
        if account.kind != "caldav":
            service = "Google Calendar" if account.kind == "google" else "Microsoft 365"
            who = f" ({account.username})" if account.username else ""
            if account.password_stored == "missing":  # noqa: S105 - a state, not a password
                problem += f"  (sign in: followup account signin {account.id})"
            print(
                f"{account.id}  {service}{who}  calendar: {account.calendar_name}"
                f"  last sync: {when}  signed in: {account.password_stored}{problem}"
            )
            continue
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
