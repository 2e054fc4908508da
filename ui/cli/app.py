"""Argument parsing and dispatch for the followup command line."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from app.context import AppContext, build_context
from app.errors import BusyError, KnownError, StorageError
from app.i18n import N_, _
from app.logging_setup import configure_logging
from app.storage import as_storage_error, file_error
from app.version import app_version
from ui.cli import (
    accounts,
    customers,
    data,
    drafts,
    export,
    insights,
    interactions,
    outreach,
    plans,
    promises,
    scheduling,
    self_test,
    settings,
    system,
)
from ui.cli.argparse_words import speak_argparse
from ui.cli.output import print_error

log = logging.getLogger(__name__)
EXIT_USER_ERROR = 2
EXIT_BUG = 70
# sysexits.h: EX_IOERR (disk full, read-only) and EX_TEMPFAIL (busy: try again later).
EXIT_STORAGE = 74
EXIT_BUSY = 75


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in the same one-line form as other errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print_error(_("{message} (see {prog} --help)").format(message=message, prog=self.prog))
        raise SystemExit(EXIT_USER_ERROR)

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # Python 3.11 turns "--opt=--" into an empty list, which no handler expects.
        if action.nargs is None and action.option_strings and arg_strings == ["--"]:
            self.error(
                _("argument {name}: expected a value, not '--'").format(
                    name=action.option_strings[0]
                )
            )
        try:
            return super()._get_values(action, arg_strings)
        except OSError as exc:
            # A type that looks at the file system (an output path) met a name it cannot use.
            named = file_error(exc) or exc
            where = action.option_strings[0] if action.option_strings else action.dest
            self.error(_("argument {name}: {error}").format(name=where, error=named))


def build_parser() -> argparse.ArgumentParser:
    speak_argparse()
    parser = _Parser(
        prog="followup",
        description=_("Follow-Up Planner: with no command it opens the window."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"followup {app_version()}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--db", type=Path, help=_("database file (default: FOLLOWUP_DB or data dir)")
    )
    parser.add_argument("--minimized", action="store_true", help=_("start the window minimised"))
    self_test.add_flag(parser)
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND", parser_class=_Parser)
    for module in (
        customers,
        scheduling,
        interactions,
        drafts,
        promises,
        outreach,
        insights,
        plans,
        settings,
        export,
        system,
    ):
        module.register(commands)
    data.register(commands)
    accounts.register(commands)
    return parser


def run_cli(parser: argparse.ArgumentParser, options: argparse.Namespace) -> int:
    """Build the context, run the handler, turn errors into one line and an exit code."""
    log_file = configure_logging()
    context: AppContext | None = None
    try:
        # Backup commands and the self-test work on files, so a damaged database is no obstacle.
        if getattr(options, "needs_context", True):
            # A healthy file on a read-only disk still answers the read commands.
            context = build_context(options.db, allow_read_only=True)
        result: int = options.handler(context, options)
        return result
    except BusyError as exc:
        print_error(str(exc))
        return EXIT_BUSY
    except StorageError as exc:
        print_error(str(exc))
        return EXIT_STORAGE
    except KnownError as exc:
        print_error(str(exc))
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more to say, and nothing went wrong here.
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - must outlive this function
        return 0
    except Exception as exc:
        # A write refused by the disk (full, read-only, no permission) is not a bug.
        storage = as_storage_error(exc, context.db_path, N_("save the change")) if context else None
        if storage is not None:
            print_error(str(storage))
            return EXIT_STORAGE
        named = file_error(exc)  # a file name given on the command line
        if named is not None:
            print_error(str(named))
            return EXIT_USER_ERROR
        log.exception("unexpected error in command %r", sys.argv[1:2])
        print_error(
            _("unexpected internal error; details were written to {path}").format(path=log_file)
        )
        return EXIT_BUG
    finally:
        if context is not None:
            context.close()
