"""The `followup` entry point: the window with no sub-command, the CLI with one."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the CLI when a sub-command is given, otherwise the desktop app."""
    args = sys.argv[1:] if argv is None else argv
    from ui.cli.app import build_parser, run_cli

    parser = build_parser()
    options = parser.parse_args(args)
    if getattr(options, "handler", None) is not None:
        return run_cli(parser, options)
    from ui.gui import run_gui

    return run_gui(options)


if __name__ == "__main__":
    sys.exit(main())
