"""followup import FILE, and followup backup now | list | restore | salvage."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.clock import clock_from_environment
from app.context import AppContext
from app.dto.imports import DUPLICATE_CHOICES, FORMATS
from app.dto.system import BackupInfo
from app.errors import KnownError
from app.i18n import _
from app.paths import backup_dir_for, default_db_path, expand_home
from app.services.backups import BackupService
from app.services.recovery import salvage_database
from ui.cli.output import print_json
from ui.cli.sales_import import import_sales


def register(commands: Any) -> None:
    importer = commands.add_parser(
        "import",
        help=_("customers from Outlook/Google CSV, vCard or any CSV; or a JSON export"),
        description=(
            _(
                'Prints {"added", "merged", "skipped", "errors": [{"row", '
                '"error"}], "warnings": [{"row", "field", "value", "warning"}], '
                '"duplicates": [{"row", "name", "customer_id", "earlier_row", '
                '"looks_like", "reason", "choice"}], "encoding", "layout"}. A '
                "value that cannot be read is kept in the notes and listed as a "
                "warning. Each duplicate is a proposed merge: --accept ROWS "
                "merges those rows, --refuse ROWS adds them as new customers, the "
                "rest follow --on-duplicate. A backup is taken first and the "
                "import is all or nothing. A complete JSON export (found by "
                "--format auto, or --format json) is loaded into an empty "
                "database. `followup import sales FILE` brings in past sales from "
                "a deal export (HubSpot, Pipedrive, Salesforce or any CSV with a "
                "close date): plans apply as of each sale's day; nothing is "
                "scheduled in the past."
            )
        ),
    )
    importer.add_argument(
        "file", type=Path, help=_("the contact file; or the word sales and a file of past deals")
    )
    importer.add_argument(
        "deals", type=Path, nargs="?", metavar="FILE", help=_("with sales: the deal file")
    )
    importer.add_argument("--format", choices=(*FORMATS, "json"), default="auto")
    importer.add_argument(
        "--mapping", type=Path, help=_('JSON file: {"name": "Header", "email": ["H1", "H2"], ...}')
    )
    importer.add_argument(
        "--dry-run", action="store_true", help=_("check and count; write nothing")
    )
    importer.add_argument("--on-duplicate", choices=DUPLICATE_CHOICES, default="skip")
    importer.add_argument(
        "--accept", type=_rows, default=(), metavar="ROWS",
        help=_("rows (e.g. 4,7) whose proposed merge is accepted"),
    )  # fmt: skip
    importer.add_argument(
        "--refuse", type=_rows, default=(), metavar="ROWS",
        help=_("rows whose proposed merge is refused: they become new customers"),
    )  # fmt: skip
    importer.add_argument(
        "--encoding",
        help=_('the file\'s encoding when the guess (shown as "encoding") is wrong, e.g. cp1251'),
    )
    importer.set_defaults(handler=_import)

    backup = commands.add_parser("backup", help=_("back up, list and restore the database"))
    actions = backup.add_subparsers(title="actions", metavar="ACTION", required=True)
    now = actions.add_parser("now", help=_("take a backup now (SQLite backup API)"))
    now.set_defaults(handler=_backup_now, needs_context=False)
    listing = actions.add_parser("list", help=_("backups, newest first"))
    listing.add_argument("--json", action="store_true", help=_("JSON array of objects"))
    listing.set_defaults(handler=_backup_list, needs_context=False)
    restore = actions.add_parser(
        "restore", help=_("replace the database with a backup (the current file is kept)")
    )
    restore.add_argument("name", help=_("a name from `followup backup list`"))
    restore.set_defaults(handler=_backup_restore, needs_context=False)
    salvage = actions.add_parser(
        "salvage",
        help=_("rebuild a damaged database from its readable rows (the file is kept)"),
        description=(
            _(
                'Prints {"rows": {table: count}, "rescued", "compared_with", "missing", '
                '"cut_short", "kept"}. Refuses (and changes nothing) when nothing could be '
                "rescued, some rows could not be read, or the newest good backup holds more, "
                "unless --accept-loss."
            )
        ),
    )
    salvage.add_argument(
        "--accept-loss",
        action="store_true",
        help=_("replace the file even when fewer rows were rescued than the newest backup has"),
    )
    salvage.set_defaults(handler=_salvage, needs_context=False)


def _read_mapping(path: Path) -> dict[str, Any]:
    try:
        value = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise KnownError(
            _("cannot read the mapping {path}: {strerror}").format(path=path, strerror=exc.strerror)
        ) from exc
    except json.JSONDecodeError as exc:
        raise KnownError(
            _("the mapping {path} is not valid JSON: {msg}").format(path=path, msg=exc.msg)
        ) from exc
    if not isinstance(value, dict):
        raise KnownError(_("the mapping {path} must be a JSON object").format(path=path))
    return value


def _rows(text: str) -> tuple[int, ...]:
    try:
        rows = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a list of row numbers").format(text=text)
        ) from None
    return rows


def _import(context: AppContext, options: argparse.Namespace) -> int:
    if options.deals is not None:
        if str(options.file) != "sales":
            raise KnownError(
                _(
                    "one file at a time: {file} or {deals} (followup import sales FILE brings "
                    "in past sales)"
                ).format(file=options.file, deals=options.deals)
            )
        columns = _read_mapping(options.mapping) if options.mapping else None
        return import_sales(context, options.deals, options.dry_run, columns)
    service = context.full_export
    if options.format == "json" or (options.format == "auto" and service.is_export(options.file)):
        if options.dry_run:
            print_json({"would_import": service.check_json(options.file)})
        else:
            print_json({"imported": service.import_json(options.file)})
        return 0
    mapping = _read_mapping(options.mapping) if options.mapping else None
    preview = context.importing.preview(options.file, options.format, mapping, options.encoding)
    choices = dict.fromkeys(options.accept, "merge")
    choices.update(dict.fromkeys(options.refuse, "add"))
    if options.dry_run:
        result = context.importing.outcome(preview, options.on_duplicate, choices)
    else:
        result = context.importing.run(preview, options.on_duplicate, choices)
    print_json(
        {
            "added": result.added,
            "merged": result.merged,
            "skipped": result.skipped,
            "errors": [{"row": error.row, "error": error.error} for error in result.errors],
            "warnings": [
                {"row": w.row, "field": w.field, "value": w.value, "warning": w.message}
                for w in preview.plan.warnings
            ],
            "duplicates": [
                {
                    "row": dup.row,
                    "name": dup.values["name"],
                    "customer_id": dup.customer_id,
                    "earlier_row": dup.earlier_row,
                    "looks_like": dup.customer_name,
                    "reason": dup.reason,
                    "choice": choices.get(dup.row, options.on_duplicate),
                }
                for dup in preview.plan.duplicates
            ],
            "encoding": preview.parsed.encoding,
            "layout": preview.parsed.label,
        }
    )
    return 0


def _service(options: argparse.Namespace) -> BackupService:
    path = expand_home(options.db or default_db_path()).resolve()
    return BackupService(path, backup_dir_for(path), clock_from_environment())


def backup_json(info: BackupInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "created": info.created.isoformat(),
        "size": info.size,
        "reason": info.reason,
    }


def _backup_now(_context: None, options: argparse.Namespace) -> int:
    print_json(backup_json(_service(options).create("manual")))
    return 0


def _backup_list(_context: None, options: argparse.Namespace) -> int:
    backups = _service(options).entries()
    if options.json:
        print_json([backup_json(info) for info in backups])
    else:
        for info in backups:
            print(
                f"{info.name}  {info.created:%Y-%m-%d %H:%M} UTC  {info.size:>12,}  {info.reason}"
            )
    return 0


def _backup_restore(_context: None, options: argparse.Namespace) -> int:
    result = _service(options).restore(options.name)
    print_json(
        {
            "restored": result.restored.name,
            "kept": result.kept.name if result.kept else None,
        }
    )
    return 0


def _salvage(_context: None, options: argparse.Namespace) -> int:
    service = _service(options)
    result = salvage_database(service, clock_from_environment(), options.accept_loss)
    print_json(
        {
            "rows": result.rows,
            "rescued": result.rescued,
            "compared_with": result.compared_with,
            "missing": result.missing,
            "cut_short": list(result.cut_short),
            "kept": result.kept.name,
        }
    )
    return 0
