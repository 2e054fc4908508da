"""The `followup` entry point: the window with no sub-command, the CLI with one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Flags the window understands; anything else means the command line.
WINDOW_FLAGS = {"--minimized"}


def window_options(args: list[str]) -> argparse.Namespace | None:
    """Options for the window when args hold no command, else None.

    Deciding this without building the full CLI parser keeps SQLAlchemy and the services
    out of the way of the window's first paint."""
    db: Path | None = None
    minimized = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--db" and rest:
            db = Path(rest.pop(0))
        elif arg.startswith("--db="):
            db = Path(arg.partition("=")[2])
        elif arg in WINDOW_FLAGS:
            minimized = True
        else:
            return None
    return argparse.Namespace(db=db, minimized=minimized)


def db_option(args: list[str]) -> Path | None:
    """The --db the command line names (before the parser exists: its help is translated)."""
    for index, arg in enumerate(args):
        if arg == "--db" and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith("--db="):
            return Path(arg.partition("=")[2])
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the CLI when a sub-command is given, otherwise the desktop app."""
    args = sys.argv[1:] if argv is None else argv
    options = window_options(args)
    if options is not None:
        from ui.gui import run_gui

        return run_gui(options)
    from app.i18n import _
    from app.language_choice import start_language
    from app.paths import resolve_db_path

    # The same choice as the window's (FOLLOWUP_LANGUAGE, Settings, the system), made before
    # the parser is built so its help and messages are in it.
    start_language(resolve_db_path(db_option(args)))
    from ui.cli.app import build_parser, run_cli

    parser = build_parser()
    try:
        parsed = parser.parse_args(args)
        if getattr(parsed, "handler", None) is None:
            parser.error(_("a command is needed (see followup --help)"))
    except SystemExit as stop:
        # Usage errors, --help and --version end here: their exit code is main's answer.
        return stop.code if isinstance(stop.code, int) else 0
    return run_cli(parser, parsed)


if __name__ == "__main__":
    sys.exit(main())
