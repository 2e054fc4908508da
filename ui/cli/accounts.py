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
from app.i18n import N_, _
from ui.cli.output import print_json
from ui.cli.parsing import record_id

HOW_ASKED = N_(
    "The password (or app password) is read from standard input when that is not a terminal, "
    "otherwise asked for without echo. It is kept in the system keyring, nowhere else."
)
CLOUD_NOTE = N_(
    "Only the sign-in's refresh token is kept, in the system keyring. Prints "
    '{"id": N, "calendar": "..."}.'
)
CLIENT_HELP = N_(
    "your (or your company's) OAuth client ID; default: the one in Settings, "
    "the environment or this build (the README says how to create one)"
)
SIGNIN_SESSION_HELP = N_("no secure keyring here: keep the sign-in in memory for this command only")
SESSION_HELP = N_(
    "no secure keyring here: keep the password in memory for this command only (it is gone "
    "when the command ends; give it again with `followup sync --session-only`)"
)


def register(commands: Any) -> None:
    account = commands.add_parser(
        "account", help=_("calendar accounts for sync (CalDAV, Google, Microsoft 365)")
    )
    actions = account.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("add a calendar account"))
    kinds = add.add_subparsers(title="kinds", metavar="KIND", required=True)
    caldav = kinds.add_parser(
        "caldav",
        help=_("a CalDAV server: Nextcloud, iCloud, Fastmail, Radicale…"),
        description=_(HOW_ASKED),
    )
    caldav.add_argument(
        "--url", required=True, help=_("e.g. https://cloud.example.com/remote.php/dav")
    )
    caldav.add_argument("--user", required=True, help=_("user name on that server"))
    caldav.add_argument(
        "--calendar", default=DEFAULT_CALENDAR, help=_("calendar name (created when missing)")
    )
    caldav.add_argument(
        "--keep-done",
        action="store_true",
        help=_("keep done follow-ups as history in the calendar"),
    )
    caldav.add_argument("--session-only", action="store_true", help=_(SESSION_HELP))
    caldav.set_defaults(handler=_add)
    google = kinds.add_parser(
        "google",
        help=_("Google Calendar: sign in through your browser"),
        description=_(
            "Opens Google's sign-in page in your browser; the app then makes its own "
            "calendar there."
        )
        + " "
        + _(CLOUD_NOTE),
    )
    google.add_argument("--client-id", default="", help=_(CLIENT_HELP))
    google.add_argument(
        "--client-secret",
        default="",
        help=_(
            "the client secret Google shows with a desktop app's client ID (Google does not "
            "treat it as secret; it is kept in the keyring with the sign-in)"
        ),
    )
    microsoft = kinds.add_parser(
        "microsoft",
        help=_("Microsoft 365 or Outlook.com: sign in through your browser"),
        description=_(
            "Opens Microsoft's sign-in page in your browser (work, school or personal "
            "account); the app then uses or makes the calendar there."
        )
        + " "
        + _(CLOUD_NOTE),
    )
    microsoft.add_argument("--client-id", default="", help=_(CLIENT_HELP))
    microsoft.add_argument(
        "--device-code",
        action="store_true",
        help=_("no browser here: print a code to enter on another device instead"),
    )
    for cloud, kind in ((google, "google"), (microsoft, "microsoft")):
        cloud.add_argument(
            "--calendar", default=DEFAULT_CALENDAR, help=_("calendar name (created when missing)")
        )
        cloud.add_argument(
            "--keep-done", action="store_true", help=_("keep done follow-ups as history")
        )
        cloud.add_argument("--session-only", action="store_true", help=_(SIGNIN_SESSION_HELP))
        cloud.set_defaults(handler=_add_cloud, kind_name=kind)
    listing = actions.add_parser("list", help=_("calendar accounts (never their passwords)"))
    listing.add_argument("--json", action="store_true", help=_("print JSON instead of lines"))
    listing.set_defaults(handler=_list)
    remove = actions.add_parser("remove", help=_("remove an account and its keyring entry"))
    remove.add_argument("id", type=record_id)
    remove.set_defaults(handler=_remove)
    password = actions.add_parser(
        "password", help=_("enter an account's password again"), description=_(HOW_ASKED)
    )
    password.add_argument("id", type=record_id)
    password.add_argument("--session-only", action="store_true", help=_(SESSION_HELP))
    password.set_defaults(handler=_password)
    signin = actions.add_parser(
        "signin",
        help=_("sign in again to a Google or Microsoft account (expired or revoked)"),
    )
    signin.add_argument("id", type=record_id)
    signin.add_argument(
        "--device-code", action="store_true", help=_("Microsoft: a code for another device")
    )
    signin.add_argument("--session-only", action="store_true", help=_(SIGNIN_SESSION_HELP))
    signin.set_defaults(handler=_signin)
    sync = commands.add_parser(
        "sync",
        help=_("sync follow-ups with your calendars (exit 1 when something failed)"),
        description=_(
            "Pushes planned follow-ups, pulls moves made in the calendar; follow-ups "
            "deleted in the calendar are skipped with the reason 'deleted in calendar'."
        ),
    )
    sync.add_argument("--account", type=record_id, help=_("only this account"))
    sync.add_argument(
        "--session-only",
        action="store_true",
        help=_("read the account's password from standard input for this run (no keyring)"),
    )
    sync.set_defaults(handler=_sync)


def read_password(prompt: str | None = None) -> str:
    """From a pipe (scripts) or typed without echo; never from the command line."""
    if sys.stdin is None:
        raise KnownError(_("no password given: pipe it to standard input"))
    asked = _("Password: ") if prompt is None else prompt
    text = getpass.getpass(asked) if sys.stdin.isatty() else sys.stdin.readline()
    password = text.rstrip("\r\n")
    if not password:
        raise KnownError(_("no password given: pipe it to standard input or type it when asked"))
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
            account.last_sync_at.isoformat(timespec="minutes")
            if account.last_sync_at
            else _("never")
        )
        problem = (
            "  " + _("error: {error}").format(error=account.last_error)
            if account.last_error
            else ""
        )
        if account.kind != "caldav":
            service = "Google Calendar" if account.kind == "google" else "Microsoft 365"
            who = f" ({account.username})" if account.username else ""
            if account.password_stored == "missing":  # noqa: S105 - a state, not a password
                problem += "  " + _("(sign in: followup account signin {id})").format(id=account.id)
            print(
                _(
                    "{id}  {service}{who}  calendar: {calendar}  last sync: {when}  "
                    "signed in: {state}{problem}"
                ).format(
                    id=account.id,
                    service=service,
                    who=who,
                    calendar=account.calendar_name,
                    when=when,
                    state=account.password_stored,
                    problem=problem,
                )
            )
            continue
        if account.password_stored == "missing":  # noqa: S105 - a state, not a password
            problem += "  " + _("(enter it: followup account password {id})").format(id=account.id)
        print(
            _(
                "{id}  {user} @ {url}  calendar: {calendar}  last sync: {when}  "
                "password: {state}{problem}"
            ).format(
                id=account.id,
                user=account.username,
                url=account.url,
                calendar=account.calendar_name,
                when=when,
                state=account.password_stored,
                problem=problem,
            )
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
                _("there is no calendar account to sync yet."),
                _("Add one first: followup account add caldav --url URL --user NAME"),
            )
        chosen = options.account or (accounts[0].id if len(accounts) == 1 else None)
        if chosen is None:
            raise KnownError(_("--session-only needs --account ID when there are several accounts"))
        context.accounts.set_password(chosen, read_password(), session_only=True)
    report = context.calendar_sync.sync(options.account)
    print_json(report.as_json())
    return 1 if report.errors else 0
