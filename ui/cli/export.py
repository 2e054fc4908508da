"""followup export ics: planned follow-ups as calendar files for Outlook and Google."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.dto.exports import IcsExportRequest
from app.i18n import _
from app.kinds import KIND_LABELS
from ui.cli import export_data
from ui.cli.output import print_json
from ui.cli.parsing import iso_date, record_id, reminder_minutes


def register(commands: Any) -> None:
    export = commands.add_parser("export", help=_("write follow-ups to files"))
    formats = export.add_subparsers(title="formats", metavar="FORMAT", required=True)
    ics = formats.add_parser(
        "ics",
        help=_("an .ics calendar file (split into parts over ~1 MB for Google's import limit)"),
        description=(
            _(
                "Importing the file again into Outlook adds copies; use calendar sync to keep "
                "events up to date."
            )
        ),
    )
    ics.add_argument(
        "--out",
        type=export_data.output_file,
        required=True,
        help=_("file to write, e.g. follow-ups.ics"),
    )
    ics.add_argument("--from", dest="start", type=iso_date)
    ics.add_argument("--to", dest="end", type=iso_date)
    ics.add_argument("--customer", type=record_id)
    ics.add_argument(
        "--kinds",
        default="",
        help=_("comma-separated: {kinds}").format(kinds=",".join(KIND_LABELS)),
    )
    ics.add_argument("--no-details", action="store_true", help=_("leave the message drafts out"))
    ics.add_argument("--utc", action="store_true", help=_("UTC times instead of your time zone"))
    ics.add_argument(
        "--reminder", type=reminder_minutes, default=15, help=_("minutes before (0: no reminder)")
    )
    ics.add_argument(
        "--include-cancelled", action="store_true", help=_("write skipped ones as CANCELLED")
    )
    ics.set_defaults(handler=_ics)
    export_data.register(formats)


def _ics(context: AppContext, options: argparse.Namespace) -> int:
    out: Path = options.out
    kinds = tuple(kind.strip() for kind in options.kinds.split(",") if kind.strip())
    result = context.calendar_export.export_ics(
        IcsExportRequest(
            folder=out.parent if str(out.parent) else Path(),
            base_name=out.stem,
            start=options.start,
            end=options.end,
            customer_id=options.customer,
            kinds=kinds,
            details=not options.no_details,
            utc=options.utc,
            reminder_minutes=options.reminder or None,
            include_cancelled=options.include_cancelled,
        )
    )
    shown: dict[str, object] = {"events": result.events, "files": [str(f) for f in result.files]}
    if result.removed:
        shown["removed"] = [str(f) for f in result.removed]
    if result.split:
        shown["note"] = _(
            "split into {count} files of at most 1 MB each: Google Calendar's "
            "import refuses bigger files; import each part listed in files, nothing else"
        ).format(count=len(result.files))
    print_json(shown)
    return 0
